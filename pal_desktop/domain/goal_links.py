"""Which goal of section V and which result of section X each indicator of the built-in Kłobuck programme
supports, read from the programme's text (the seed does not say it; the office may change the links).

Products (section XI): volunteering serves the pro-social attitudes (goal 5) and the better use of existing
resources (result 7); meetings build the model of joint local work (goal 4) and integrate the community
(result 1); trainings and internships raise social and vocational skills and motivation (goals 7 and 3,
result 3); the educational and cultural classes lower social barriers (goal 1) and raise self-esteem
(result 2). Each result is tied to the goal whose wording it answers.
"""

from __future__ import annotations

#: Indicator name -> (position of the specific goal in section V, name of the result it supports or None).
SEED_LINKS: dict[str, tuple[int, str | None]] = {
    "usługi wolontariatu": (5, "skuteczniejsze i efektywniejsze wykorzystanie istniejących zasobów"),
    "zorganizowanie spotkań": (4, "integracja społeczności lokalnej i grup społecznych"),
    "zorganizowanie szkoleń": (7, "nabycie przez uczestników umiejętności społecznych i zawodowych"),
    "zorganizowanie staży": (3, "nabycie przez uczestników umiejętności społecznych i zawodowych"),
    "zorganizowanie zajęć edukacyjno-kulturalnych": (1, "podniesienie samooceny uczestników programu"),
    "integracja społeczności lokalnej i grup społecznych": (6, None),
    "podniesienie samooceny uczestników programu": (3, None),
    "nabycie przez uczestników umiejętności społecznych i zawodowych": (7, None),
    "podwyższenie jakości realizowanych działań środowiskowych": (4, None),
    "wzrost jakości świadczonych usług": (2, None),
    "wzrost dostępu do informacji służących przywróceniu samodzielności życiowej osób zagrożonych wykluczeniem "
    "społecznym i ich otoczenia": (1, None),
    "skuteczniejsze i efektywniejsze wykorzystanie istniejących zasobów": (5, None),
}
