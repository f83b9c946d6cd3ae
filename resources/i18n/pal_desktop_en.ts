<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="pl">
<context>
    <name>AccountControls</name>
    <message>
        <source>&amp;Zablokuj ekran</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <source>Zasłoń dane i wymagaj hasła (Ctrl+L)</source>
        <translation>Hide the data and ask for the password (Ctrl+L)</translation>
    </message>
    <message>
        <source>Zmień &amp;hasło…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>Konta &amp;użytkowników…</source>
        <translation>&amp;User accounts…</translation>
    </message>
    <message>
        <source>Dodaj konta, nadaj role i hasła tymczasowe, wyłącz konto</source>
        <translation>Add accounts, give roles and temporary passwords, disable an account</translation>
    </message>
    <message>
        <source>Kon&amp;to</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>Konto</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Nie zalogowano</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Zalogowany użytkownik</source>
        <translation>Signed-in user</translation>
    </message>
    <message>
        <source>Zalogowano: {login} ({role})</source>
        <translation>Signed in: {login} ({role})</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Konta użytkowników</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Imię i nazwisko</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Rola</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Pomoc pieniężna</source>
        <translation>Cash assistance</translation>
    </message>
    <message>
        <source>Stan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Dodaj konto…</source>
        <translation>&amp;Add account…</translation>
    </message>
    <message>
        <source>Nowa rola zaznaczonego konta</source>
        <translation>New role of the selected account</translation>
    </message>
    <message>
        <source>Zmień &amp;rolę</source>
        <translation>Change &amp;role</translation>
    </message>
    <message>
        <source>Pomoc &amp;pieniężna: tak/nie</source>
        <translation>Cash &amp;assistance: yes/no</translation>
    </message>
    <message>
        <source>Hasło &amp;tymczasowe…</source>
        <translation>&amp;Temporary password…</translation>
    </message>
    <message>
        <source>&amp;Wyłącz / włącz</source>
        <translation>&amp;Disable / enable</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>tak</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>czynne</source>
        <translation>active</translation>
    </message>
    <message>
        <source>wyłączone</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>Zaznacz konto na liście.</source>
        <translation>Select an account in the list.</translation>
    </message>
</context>
<context>
    <name>ActivityChart</name>
    <message>
        <source>Aktywność w miesiącach</source>
        <translation>Activity by month</translation>
    </message>
    <message>
        <source>Wydarzenia odbyte: {held}, zaplanowane: {planned}</source>
        <translation>Events held: {held}, planned: {planned}</translation>
    </message>
    <message>
        <source>odbyte</source>
        <translation>held</translation>
    </message>
    <message>
        <source>zaplanowane</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>frekwencja</source>
        <translation>attendance</translation>
    </message>
    <message>
        <source>godziny wolontariuszy</source>
        <translation>volunteer hours</translation>
    </message>
    <message>
        <source>Brak miesięcy w okresie</source>
        <translation>No months in the period</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Nowe porozumienie</source>
        <translation>New agreement</translation>
    </message>
    <message>
        <source>Edycja porozumienia</source>
        <translation>Editing agreement</translation>
    </message>
    <message>
        <source>Strony, numer i okres</source>
        <translation>Parties, number and period</translation>
    </message>
    <message>
        <source>Wolontariusz:</source>
        <translation>Volunteer:</translation>
    </message>
    <message>
        <source>&amp;Numer:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <source>Numer porozumienia</source>
        <translation>Agreement number</translation>
    </message>
    <message>
        <source>puste — nada się sam, np. {number}</source>
        <translation>empty — assigned automatically, e.g. {number}</translation>
    </message>
    <message>
        <source>Data &amp;zawarcia:</source>
        <translation>&amp;Date concluded:</translation>
    </message>
    <message>
        <source>Data zawarcia</source>
        <translation>Date concluded</translation>
    </message>
    <message>
        <source>puste, jeśli porozumienie dopiero zostanie podpisane</source>
        <translation>empty if the agreement is yet to be signed</translation>
    </message>
    <message>
        <source>&amp;Początek:</source>
        <translation>St&amp;art:</translation>
    </message>
    <message>
        <source>Początek</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>&amp;Koniec:</source>
        <translation>&amp;End:</translation>
    </message>
    <message>
        <source>Koniec</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Forma &amp;pisemna</source>
        <translation>In &amp;writing</translation>
    </message>
    <message>
        <source>Forma pisemna</source>
        <translation>In writing</translation>
    </message>
    <message>
        <source>Ubezpieczenie &amp;NNW</source>
        <translation>Accident &amp;insurance (NNW)</translation>
    </message>
    <message>
        <source>Ubezpieczenie NNW</source>
        <translation>Accident insurance (NNW)</translation>
    </message>
    <message>
        <source>obowiązkowe przy świadczeniach do 30 dni (art. 46 ustawy)</source>
        <translation>compulsory for services of up to 30 days (Art. 46 of the Act)</translation>
    </message>
    <message>
        <source>Informacja &amp;BHP:</source>
        <translation>&amp;Health and safety info:</translation>
    </message>
    <message>
        <source>Informacja o ryzyku i zasadach BHP</source>
        <translation>Information on risks and health and safety rules</translation>
    </message>
    <message>
        <source>kiedy poinformowano o ryzyku dla zdrowia i zasadach BHP</source>
        <translation>when the volunteer was informed about health risks and health and safety rules</translation>
    </message>
    <message>
        <source>Zgoda &amp;opiekuna:</source>
        <translation>&amp;Guardian&apos;s consent:</translation>
    </message>
    <message>
        <source>Zgoda przedstawiciela ustawowego</source>
        <translation>Consent of the legal representative</translation>
    </message>
    <message>
        <source>dla osoby niepełnoletniej</source>
        <translation>for a minor</translation>
    </message>
    <message>
        <source>Treść porozumienia</source>
        <translation>Terms of the agreement</translation>
    </message>
    <message>
        <source>&amp;Zakres świadczeń:</source>
        <translation>S&amp;cope of services:</translation>
    </message>
    <message>
        <source>Zakres świadczeń</source>
        <translation>Scope of services</translation>
    </message>
    <message>
        <source>np. pomoc przy organizacji zajęć dla dzieci i wydarzeń integracyjnych</source>
        <translation>e.g. help with organising activities for children and community integration events</translation>
    </message>
    <message>
        <source>&amp;Sposób:</source>
        <translation>&amp;Manner:</translation>
    </message>
    <message>
        <source>Sposób wykonywania</source>
        <translation>Manner of performance</translation>
    </message>
    <message>
        <source>&amp;Czas:</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <source>Czas wykonywania</source>
        <translation>Time of performance</translation>
    </message>
    <message>
        <source>np. do 10 godzin tygodniowo, popołudniami</source>
        <translation>e.g. up to 10 hours a week, afternoons</translation>
    </message>
    <message>
        <source>&amp;Miejsce:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <source>Miejsce</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>&amp;Rozwiązanie:</source>
        <translation>Te&amp;rmination:</translation>
    </message>
    <message>
        <source>Rozwiązanie porozumienia</source>
        <translation>Termination of the agreement</translation>
    </message>
    <message>
        <source>Po zapisaniu &amp;otwórz porozumienie do podpisu (PDF)</source>
        <translation>&amp;Open the agreement for signing after saving (PDF)</translation>
    </message>
    <message>
        <source>Po zapisaniu otwórz porozumienie do podpisu</source>
        <translation>Open the agreement for signing after saving</translation>
    </message>
    <message>
        <source>Koszty i ubezpieczenie NNW</source>
        <translation>Costs and accident insurance (NNW)</translation>
    </message>
    <message>
        <source>Z&amp;wolnienie z kosztów podróży i diet</source>
        <translation>&amp;Waiver of travel costs and allowances</translation>
    </message>
    <message>
        <source>Wolontariusz zwalnia z kosztów podróży i diet</source>
        <translation>The volunteer waives travel costs and allowances</translation>
    </message>
    <message>
        <source>art. 45 ust. 1 pkt 4 ustawy — zwolnienie jest częścią porozumienia</source>
        <translation>art. 45(1)(4) of the act — the waiver is part of the agreement</translation>
    </message>
    <message>
        <source>&amp;Inne koszty do zwrotu:</source>
        <translation>&amp;Other costs to reimburse:</translation>
    </message>
    <message>
        <source>Inne koszty do zwrotu</source>
        <translation>Other costs to reimburse</translation>
    </message>
    <message>
        <source>np. materiały plastyczne do 200 zł</source>
        <translation>e.g. art materials up to 200 zł</translation>
    </message>
    <message>
        <source>&amp;Ubezpieczyciel NNW:</source>
        <translation>Accident &amp;insurer:</translation>
    </message>
    <message>
        <source>Ubezpieczyciel NNW</source>
        <translation>Accident insurer</translation>
    </message>
    <message>
        <source>Nr po&amp;lisy NNW:</source>
        <translation>Accident &amp;policy no.:</translation>
    </message>
    <message>
        <source>Numer polisy NNW</source>
        <translation>Accident policy number</translation>
    </message>
    <message>
        <source>Polis&amp;a od:</source>
        <translation>Polic&amp;y from:</translation>
    </message>
    <message>
        <source>Polisa NNW od</source>
        <translation>Accident policy from</translation>
    </message>
    <message>
        <source>Polisa &amp;do:</source>
        <translation>Policy &amp;to:</translation>
    </message>
    <message>
        <source>Polisa NNW do</source>
        <translation>Accident policy to</translation>
    </message>
    <message>
        <source>{days} dni — ponad 30 dni: porozumienie wymaga formy pisemnej.</source>
        <translation>{days} days — over 30 days: the agreement must be in writing.</translation>
    </message>
    <message>
        <source>{days} dni — do 30 dni: wolontariusza trzeba ubezpieczyć od NNW.</source>
        <translation>{days} days — up to 30 days: the volunteer must have accident insurance (NNW).</translation>
    </message>
    <message>
        <source>W dniu rozpoczęcia wolontariusz nie będzie mieć 18 lat — wymagana pisemna zgoda przedstawiciela ustawowego.</source>
        <translation>On the start date the volunteer will be under 18 — written consent of the legal representative is required.</translation>
    </message>
</context>
<context>
    <name>AnimatorDialog</name>
    <message>
        <source>Nowy animator</source>
        <translation>New animator</translation>
    </message>
    <message>
        <source>Edycja animatora</source>
        <translation>Edit animator</translation>
    </message>
    <message>
        <source>Szukaj uczestnika do powiązania</source>
        <translation>Search for a participant to link</translation>
    </message>
    <message>
        <source>wpisz nazwisko, imię lub PESEL uczestnika…</source>
        <translation>type the participant’s surname, first name or PESEL…</translation>
    </message>
    <message>
        <source>(bez powiązania z uczestnikiem)</source>
        <translation>(not linked to a participant)</translation>
    </message>
    <message>
        <source>&amp;Uczestnik:</source>
        <translation>&amp;Participant:</translation>
    </message>
    <message>
        <source>Powiązany uczestnik</source>
        <translation>Linked participant</translation>
    </message>
    <message>
        <source>Animator często jest uczestnikiem programu: wybierz jego rekord, a imię, nazwisko i kontakt uzupełnią się same.</source>
        <translation>An animator is often a programme participant: choose their record and the first name, surname and contact details fill in automatically.</translation>
    </message>
    <message>
        <source>&amp;Imię:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <source>Imię</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>&amp;Nazwisko:</source>
        <translation>Sur&amp;name:</translation>
    </message>
    <message>
        <source>Nazwisko</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>&amp;Data wyboru:</source>
        <translation>&amp;Chosen on:</translation>
    </message>
    <message>
        <source>Data wyboru</source>
        <translation>Chosen on</translation>
    </message>
    <message>
        <source>kiedy mieszkańcy lub zespół wybrali animatora</source>
        <translation>when the residents or the team chose the animator</translation>
    </message>
    <message>
        <source>&amp;Obszar działania:</source>
        <translation>&amp;Area of activity:</translation>
    </message>
    <message>
        <source>Obszar działania</source>
        <translation>Area of activity</translation>
    </message>
    <message>
        <source>rejon, ulica, tematyka — np. ul. Słowackiego; seniorzy, kultura</source>
        <translation>area, street, topic — e.g. ul. Słowackiego; seniors, culture</translation>
    </message>
    <message>
        <source>&amp;Aktywny animator</source>
        <translation>Acti&amp;ve animator</translation>
    </message>
    <message>
        <source>Aktywny animator</source>
        <translation>Active animator</translation>
    </message>
    <message>
        <source>U&amp;wagi:</source>
        <translation>No&amp;tes:</translation>
    </message>
    <message>
        <source>Uwagi</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Prowadzenie zajęć z udziałem dzieci</source>
        <translation>Leading activities with children</translation>
    </message>
    <message>
        <source>&amp;Rejestr sprawców:</source>
        <translation>Offenders&apos; &amp;register:</translation>
    </message>
    <message>
        <source>Sprawdzenie w Rejestrze Sprawców Przestępstw na Tle Seksualnym</source>
        <translation>Check in the Register of Sex Offenders</translation>
    </message>
    <message>
        <source>Informacja z &amp;KRK:</source>
        <translation>&amp;Criminal record (KRK):</translation>
    </message>
    <message>
        <source>Informacja z Krajowego Rejestru Karnego</source>
        <translation>Information from the National Criminal Register</translation>
    </message>
    <message>
        <source>Oświadczenie o krajach (20 &amp;lat):</source>
        <translation>Statement on countries (20 &amp;years):</translation>
    </message>
    <message>
        <source>Oświadczenie o krajach zamieszkania w ostatnich 20 latach</source>
        <translation>Statement on countries of residence in the last 20 years</translation>
    </message>
    <message>
        <source>Inne kraje za&amp;mieszkania:</source>
        <translation>Other countries of resi&amp;dence:</translation>
    </message>
    <message>
        <source>Inne kraje zamieszkania w ostatnich 20 latach</source>
        <translation>Other countries of residence in the last 20 years</translation>
    </message>
    <message>
        <source>puste — tylko Polska</source>
        <translation>empty — Poland only</translation>
    </message>
    <message>
        <source>Rejestry karne obcych &amp;państw:</source>
        <translation>Foreign criminal &amp;records:</translation>
    </message>
    <message>
        <source>Informacja z rejestrów karnych tych krajów</source>
        <translation>Information from those countries&apos; criminal records</translation>
    </message>
    <message>
        <source>Znaleziono: {count}</source>
        <translation>Found: {count}</translation>
    </message>
</context>
<context>
    <name>AnimatorsTab</name>
    <message>
        <source>Animatorzy</source>
        <translation>Animators</translation>
    </message>
    <message>
        <source>Szukaj: nazwisko, imię, obszar działania…</source>
        <translation>Search: surname, first name, area of activity…</translation>
    </message>
    <message>
        <source>Lista animatorów</source>
        <translation>List of animators</translation>
    </message>
    <message>
        <source>Animatorów: {count}</source>
        <translation>Animators: {count}</translation>
    </message>
    <message>
        <source>Brak animatorów w tym programie.</source>
        <translation>No animators in this programme.</translation>
    </message>
    <message>
        <source>Działania na liście animatorów</source>
        <translation>Actions on the list of animators</translation>
    </message>
    <message>
        <source>&amp;Nowy animator…</source>
        <translation>&amp;New animator…</translation>
    </message>
    <message>
        <source>Dodaj animatora (Ctrl+N)</source>
        <translation>Add an animator (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edytuj…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Zmień dane zaznaczonego animatora (Enter)</source>
        <translation>Change the selected animator&apos;s details (Enter)</translation>
    </message>
    <message>
        <source>&amp;Usuń</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Usuń zaznaczonego animatora wraz z jego inicjatywami</source>
        <translation>Delete the selected animator together with their initiatives</translation>
    </message>
    <message>
        <source>Nowa &amp;inicjatywa…</source>
        <translation>New &amp;initiative…</translation>
    </message>
    <message>
        <source>Dodaj inicjatywę lokalną zaznaczonego animatora</source>
        <translation>Add a local initiative for the selected animator</translation>
    </message>
    <message>
        <source>Zaznaczony animator</source>
        <translation>Selected animator</translation>
    </message>
    <message>
        <source>Szczegóły animatora</source>
        <translation>Animator details</translation>
    </message>
    <message>
        <source>Inicjatywy lokalne animatora</source>
        <translation>Animator&apos;s local initiatives</translation>
    </message>
    <message>
        <source>&amp;Dodaj…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>Dodaj inicjatywę lokalną</source>
        <translation>Add a local initiative</translation>
    </message>
    <message>
        <source>Edytuj…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Zmień zaznaczoną inicjatywę</source>
        <translation>Change the selected initiative</translation>
    </message>
    <message>
        <source>Usuń</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Usuń zaznaczoną inicjatywę</source>
        <translation>Delete the selected initiative</translation>
    </message>
    <message>
        <source>Wydarzenia prowadzone przez animatora</source>
        <translation>Events led by the animator</translation>
    </message>
    <message>
        <source>Inicjatywy</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <source>Wydarzenia</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Podsumowanie animatorów</source>
        <translation>Animators summary</translation>
    </message>
    <message>
        <source>Razem: animatorów {count}, inicjatyw {initiatives}, osób objętych {people}, wydarzeń {events}.</source>
        <translation>Total: {count} animators, {initiatives} initiatives, {people} people reached, {events} events.</translation>
    </message>
    <message>
        <source>Zaznacz animatora na liście</source>
        <translation>Select an animator in the list</translation>
    </message>
    <message>
        <source>Tu zobaczysz jego dane, inicjatywy i wydarzenia, które prowadził.</source>
        <translation>Here you will see their details, initiatives and the events they have led.</translation>
    </message>
    <message>
        <source>Kontakt: {contact}</source>
        <translation>Contact: {contact}</translation>
    </message>
    <message>
        <source>Obszar działania: {field}</source>
        <translation>Area of activity: {field}</translation>
    </message>
    <message>
        <source>Wybrany(-a): {date}</source>
        <translation>Chosen: {date}</translation>
    </message>
    <message>
        <source>Uczestnik programu: {name}</source>
        <translation>Programme participant: {name}</translation>
    </message>
    <message>
        <source>Nie jest powiązany z rekordem uczestnika.</source>
        <translation>Not linked to a participant record.</translation>
    </message>
    <message>
        <source>Animator nieaktywny.</source>
        <translation>Inactive animator.</translation>
    </message>
    <message>
        <source>Inicjatywy: {initiatives} · osoby objęte: {people} · wydarzenia prowadzone: {led}, współprowadzone: {helped} · obecnych na wydarzeniach: {present}</source>
        <translation>Initiatives: {initiatives} · people reached: {people} · events led: {led}, co-led: {helped} · present at events: {present}</translation>
    </message>
    <message>
        <source>Animatorzy nie mają własnego wydruku: ich działania liczy sprawozdanie na karcie Raporty.</source>
        <translation>Animators have no printout of their own: the report on the Reports tab counts their activities.</translation>
    </message>
    <message>
        <source>Dodano animatora.</source>
        <translation>Animator added.</translation>
    </message>
    <message>
        <source>Zapisano zmiany animatora.</source>
        <translation>Animator changes saved.</translation>
    </message>
    <message>
        <source>Usunąć animatora?</source>
        <translation>Delete the animator?</translation>
    </message>
    <message>
        <source>Usunąć animatora {name} wraz z jego inicjatywami?</source>
        <translation>Delete the animator {name} together with their initiatives?</translation>
    </message>
    <message>
        <source>Wydarzenia, które prowadził, zostaną w ewidencji bez wskazania animatora.</source>
        <translation>Events they have led will stay in the records without an animator.</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Usunięto animatora {name}.</source>
        <translation>Animator {name} deleted.</translation>
    </message>
    <message>
        <source>Zapisano inicjatywę.</source>
        <translation>Initiative saved.</translation>
    </message>
    <message>
        <source>Usunąć inicjatywę?</source>
        <translation>Delete the initiative?</translation>
    </message>
    <message>
        <source>Usunąć inicjatywę „{title}”?</source>
        <translation>Delete the initiative “{title}”?</translation>
    </message>
    <message>
        <source>Usunięto inicjatywę „{title}”.</source>
        <translation>Initiative “{title}” deleted.</translation>
    </message>
</context>
<context>
    <name>Anonymisation</name>
    <message>
        <source>Ktoś inny zmienił w międzyczasie dane programu (termin archiwizacji: {deadline}). Nic nie zapisano; sprawdź termin i zapisz ponownie.</source>
        <extracomment>What an anonymised person is called on every list and page that still shows them. Who may be erased instead of anonymised: people who never joined the programme. False when another program kept the database open and old pages could not all be rewritten yet.</extracomment>
        <translation>Someone else changed the programme meanwhile (archiving deadline: {deadline}). Nothing was saved; check the deadline and save again.</translation>
    </message>
    <message>
        <source>Termin archiwizacji ({deadline}) nie może być wcześniejszy niż koniec programu ({end}).</source>
        <translation>The archiving deadline ({deadline}) cannot be earlier than the end of the programme ({end}).</translation>
    </message>
    <message>
        <source>Podaj powód anonimizacji (np. „upływ okresu archiwizacji” albo „żądanie osoby z dnia …”).</source>
        <translation>Give the reason for anonymisation (e.g. “retention period over” or “request of the person of …”).</translation>
    </message>
    <message>
        <source>Program „{title}” nie ma ustawionego terminu archiwizacji; ustaw go w danych programu, zanim zanonimizujesz uczestników.</source>
        <translation>The programme “{title}” has no archiving deadline; set it before anonymising its participants.</translation>
    </message>
    <message>
        <source>Dane programu „{title}” trzeba przechowywać do {deadline}; anonimizacja będzie możliwa od następnego dnia.</source>
        <translation>The records of the programme “{title}” must be kept until {deadline}; anonymisation is possible from the day after.</translation>
    </message>
    <message>
        <source>Uczestników programu „{title}” zanonimizowano już {when}; nie ma czego anonimizować ponownie.</source>
        <translation>The participants of the programme “{title}” were already anonymised on {when}; there is nothing left to anonymise.</translation>
    </message>
    <message>
        <source>Uczestnika nr {id} zanonimizowano już {when}.</source>
        <translation>Participant no. {id} was already anonymised on {when}.</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>Archiwizacja i anonimizacja</source>
        <translation>Archiving and anonymisation</translation>
    </message>
    <message>
        <source>Archiwizacja i anonimizacja danych programu</source>
        <translation>Archiving and anonymisation of the programme&apos;s data</translation>
    </message>
    <message>
        <source>Program:</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <source>Stan:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>&amp;ustalony:</source>
        <translation>&amp;set:</translation>
    </message>
    <message>
        <source>Termin archiwizacji ustalony</source>
        <translation>Archiving deadline set</translation>
    </message>
    <message>
        <source>Termin archiwizacji</source>
        <translation>Archiving deadline</translation>
    </message>
    <message>
        <source>&amp;Zapisz termin</source>
        <translation>&amp;Save deadline</translation>
    </message>
    <message>
        <source>Zapisz termin archiwizacji</source>
        <translation>Save the archiving deadline</translation>
    </message>
    <message>
        <source>Termin archiwizacji:</source>
        <translation>Archiving deadline:</translation>
    </message>
    <message>
        <source>Do tego dnia umowa o dofinansowanie każe przechowywać dokumentację projektu (zwykle kilka lat po jego zakończeniu).</source>
        <translation>Until this day the funding agreement requires the project&apos;s records kept (usually several years after its end).</translation>
    </message>
    <message>
        <source>upływ okresu archiwizacji</source>
        <translation>retention period over</translation>
    </message>
    <message>
        <source>Powód anonimizacji</source>
        <translation>Reason for anonymisation</translation>
    </message>
    <message>
        <source>&amp;Powód:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Anonimizuj uczestników…</source>
        <translation>&amp;Anonymise participants…</translation>
    </message>
    <message>
        <source>Anonimizuj uczestników programu</source>
        <translation>Anonymise the programme&apos;s participants</translation>
    </message>
    <message>
        <source>&amp;Dokończ czyszczenie pliku</source>
        <translation>&amp;Finish wiping the file</translation>
    </message>
    <message>
        <source>Dokończ nadpisywanie starych stron pliku bazy</source>
        <translation>Finish overwriting the database file&apos;s old pages</translation>
    </message>
    <message>
        <source>{title} (do {end})</source>
        <translation>{title} (until {end})</translation>
    </message>
    <message>
        <source>uczestników zanonimizowano {when}</source>
        <translation>participants anonymised on {when}</translation>
    </message>
    <message>
        <source>termin archiwizacji nie jest ustalony; uczestników w bazie: {count}</source>
        <translation>no archiving deadline set; participants in the database: {count}</translation>
    </message>
    <message>
        <source>dane przechowywane do {deadline}; uczestników w bazie: {count}</source>
        <translation>records kept until {deadline}; participants in the database: {count}</translation>
    </message>
    <message>
        <source>Termin ustala koordynator albo administrator.</source>
        <translation>The deadline is set by a coordinator or an administrator.</translation>
    </message>
    <message>
        <source>Anonimizację wykonuje administrator.</source>
        <translation>Anonymisation is done by an administrator.</translation>
    </message>
    <message>
        <source>Uczestników tego programu już zanonimizowano.</source>
        <translation>This programme&apos;s participants are already anonymised.</translation>
    </message>
    <message>
        <source>Najpierw ustal termin archiwizacji.</source>
        <translation>Set the archiving deadline first.</translation>
    </message>
    <message>
        <source>Dane trzeba przechowywać do {deadline}.</source>
        <translation>The records must be kept until {deadline}.</translation>
    </message>
    <message>
        <source>Zapisano termin archiwizacji.</source>
        <translation>Archiving deadline saved.</translation>
    </message>
    <message>
        <source>Anonimizację anulowano; nic nie zmieniono.</source>
        <translation>Anonymisation cancelled; nothing changed.</translation>
    </message>
    <message>
        <source>Anonimizacja uczestników</source>
        <translation>Anonymising participants</translation>
    </message>
    <message>
        <source>Anonimizacja {count} uczestników programu „{title}” jest NIEODWRACALNA.

Znikną: imiona, nazwiska, PESEL, numery dokumentów, adresy, telefony, e-maile, uwagi, numery decyzji i umów, nazwy gospodarstw domowych i członków rodzin oraz skany podpisanych list.
Zostaną: płeć, wiek w chwili przystąpienia, wykształcenie, niepełnosprawność, daty, statusy, obecności i kwoty, więc sprawozdania pokażą te same liczby.

Kopie zapasowe sprzed anonimizacji nadal zawierają dane. Kontynuować?</source>
        <translation>Anonymising {count} participants of the programme “{title}” CANNOT BE UNDONE.

Gone: first names, surnames, PESEL, document numbers, addresses, phones, e-mails, notes, decision and agreement numbers, household and family names and the scans of signed lists.
Kept: sex, age at joining, education, disability, dates, statuses, attendance and amounts, so the reports show the same figures.

Backups made before the anonymisation still hold the data. Continue?</translation>
    </message>
    <message>
        <source>Ostrzeżenie przed anonimizacją</source>
        <translation>Warning before anonymisation</translation>
    </message>
    <message>
        <source>Potwierdź anonimizację</source>
        <translation>Confirm anonymisation</translation>
    </message>
    <message>
        <source>Plik bazy nadpisano; usunięte dane nie zostały w nim.</source>
        <translation>The database file was rewritten; the removed data is no longer in it.</translation>
    </message>
    <message>
        <source>Baza jest nadal otwarta w innym programie; zamknij go i spróbuj ponownie.</source>
        <translation>The database is still open in another program; close it and try again.</translation>
    </message>
    <message>
        <source>Czyszczenie pliku bazy</source>
        <translation>Wiping the database file</translation>
    </message>
    <message>
        <source>Zanonimizowano osoby: {people}; zamaskowane wpisy dziennika: {entries}; usunięte skany list: {scans}.</source>
        <translation>People anonymised: {people}; log entries masked: {entries}; list scans removed: {scans}.</translation>
    </message>
    <message>
        <source>Baza była otwarta w innym programie, więc stare strony pliku mogą jeszcze zawierać usunięte dane: zamknij program na pozostałych komputerach i naciśnij „Dokończ czyszczenie pliku”.</source>
        <translation>The database was open in another program, so old pages of the file may still hold the removed data: close the program on the other PCs and press “Finish wiping the file”.</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Obecność na wydarzeniu</source>
        <translation>Attendance at the event</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Zamknij listę obecności</source>
        <translation>Close the attendance list</translation>
    </message>
    <message>
        <source>Niezapisana obecność</source>
        <translation>Unsaved attendance</translation>
    </message>
    <message>
        <source>Zaznaczona obecność nie została zapisana. Zamknąć bez zapisywania?</source>
        <translation>The attendance you marked has not been saved. Close without saving?</translation>
    </message>
    <message>
        <source>Zamknij bez zapisywania</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>Wróć</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>— nie zaznaczono —</source>
        <translation>— not marked —</translation>
    </message>
    <message>
        <source>spoza listy</source>
        <translation>not on the list</translation>
    </message>
    <message>
        <source>z listy rezerwowej</source>
        <translation>from the reserve list</translation>
    </message>
</context>
<context>
    <name>AttendanceRulesDialog</name>
    <message>
        <source>Zasady frekwencji</source>
        <translation>Attendance rules</translation>
    </message>
    <message>
        <source>&amp;Usprawiedliwiona nieobecność obniża frekwencję</source>
        <translation>An &amp;excused absence lowers the attendance rate</translation>
    </message>
    <message>
        <source>Usprawiedliwiona nieobecność obniża frekwencję</source>
        <translation>An excused absence lowers the attendance rate</translation>
    </message>
    <message>
        <source>Próg niskiej frekwencji w procentach</source>
        <translation>Low attendance threshold in percent</translation>
    </message>
    <message>
        <source>Bez zaznaczenia usprawiedliwione nieobecności są liczone osobno i nie wchodzą do frekwencji. Frekwencja poniżej progu jest pokazywana na czerwono.</source>
        <translation>When unticked, excused absences are counted separately and left out of the rate. A rate under the threshold is shown in red.</translation>
    </message>
    <message>
        <source>&amp;Próg niskiej frekwencji:</source>
        <translation>Low attendance &amp;threshold:</translation>
    </message>
    <message>
        <source>Zapisz</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Zapisz zasady frekwencji</source>
        <translation>Save the attendance rules</translation>
    </message>
    <message>
        <source>Zapisz (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Zamknij bez zapisywania</source>
        <translation>Close without saving</translation>
    </message>
</context>
<context>
    <name>AttendanceWidget</name>
    <message>
        <source>Lista obecności do zaznaczenia</source>
        <extracomment>Keys that set a status (and move on). Letters typed within this time make one prefix (&quot;kow&quot; jumps to Kowalska).</extracomment>
        <translation>Attendance list to mark</translation>
    </message>
    <message>
        <source>Wydarzenie</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Uwaga</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Frekwencja na spotkaniu</source>
        <translation>Session attendance</translation>
    </message>
    <message>
        <source>Obecność uczestników</source>
        <translation>Participant attendance</translation>
    </message>
    <message>
        <source>↑ ↓ — wybór osoby · Spacja — zmiana statusu · 1 obecny · 2 nieobecny · 3 usprawiedliwiony (i dalej) · litery — skok do nazwiska · Ctrl+S — zapisz</source>
        <translation>↑ ↓ — choose a person · Space — change status · 1 present · 2 absent · 3 excused (and so on) · letters — jump to surname · Ctrl+S — save</translation>
    </message>
    <message>
        <source>Obsługa klawiaturą</source>
        <translation>Keyboard use</translation>
    </message>
    <message>
        <source>&amp;Wszyscy obecni</source>
        <translation>&amp;All present</translation>
    </message>
    <message>
        <source>Zaznacz wszystkich jako obecnych</source>
        <translation>Mark everyone as present</translation>
    </message>
    <message>
        <source>Zaznacz wszystkich jako obecnych; potem popraw nieobecnych i zapisz (Ctrl+S)</source>
        <translation>Mark everyone as present; then correct the absentees and save (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Dodaj osobę spoza listy…</source>
        <translation>Add a person &amp;not on the list…</translation>
    </message>
    <message>
        <source>Dodaj osobę spoza listy</source>
        <translation>Add a person not on the list</translation>
    </message>
    <message>
        <source>Ktoś przyszedł bez zapisu: dopisz go jako obecnego</source>
        <translation>Someone came without enrolling: add them as present</translation>
    </message>
    <message>
        <source>&amp;Zapisz obecność</source>
        <translation>&amp;Save attendance</translation>
    </message>
    <message>
        <source>Zapisz obecność</source>
        <translation>Save attendance</translation>
    </message>
    <message>
        <source>Zapisz całą listę (Ctrl+S)</source>
        <translation>Save the whole list (Ctrl+S)</translation>
    </message>
    <message>
        <source>Komunikat</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Frekwencja w cyklu</source>
        <translation>Series attendance</translation>
    </message>
    <message>
        <source>Frekwencja uczestników w cyklu zajęć</source>
        <translation>Participant attendance in the series of sessions</translation>
    </message>
    <message>
        <source>Frekwencja uczestników w cyklu</source>
        <translation>Participant attendance in the series</translation>
    </message>
    <message>
        <source>Podsumowanie frekwencji w cyklu</source>
        <translation>Series attendance summary</translation>
    </message>
    <message>
        <source>prowadzi: {name}</source>
        <translation>led by: {name}</translation>
    </message>
    <message>
        <source>To spotkanie jeszcze się nie odbyło ({date}). Obecność zapiszesz po zajęciach.</source>
        <translation>This session has not taken place yet ({date}). You can record attendance after the session.</translation>
    </message>
    <message>
        <source>W tym cyklu nie zapisano jeszcze obecności.</source>
        <translation>No attendance has been recorded in this series yet.</translation>
    </message>
    <message>
        <source>Spotkania z zapisaną obecnością. Poniżej {threshold} % (na czerwono): &lt;b&gt;{low}&lt;/b&gt; z {total} osób.</source>
        <translation>Meetings with recorded attendance. Under {threshold} % (in red): &lt;b&gt;{low}&lt;/b&gt; of {total} people.</translation>
    </message>
    <message>
        <source>Spotkania z zapisaną obecnością. Wszyscy ({total}) mają co najmniej {threshold} %.</source>
        <translation>Meetings with recorded attendance. Everyone ({total}) has at least {threshold} %.</translation>
    </message>
    <message>
        <source>Frekwencja: {rate} — obecni {present} z {marked}</source>
        <translation>Attendance: {rate} — present {present} of {marked}</translation>
    </message>
    <message>
        <source>nieobecni: {n}</source>
        <translation>absent: {n}</translation>
    </message>
    <message>
        <source>usprawiedliwieni: {n}</source>
        <translation>excused: {n}</translation>
    </message>
    <message>
        <source>bez zaznaczenia: {n}</source>
        <translation>not marked: {n}</translation>
    </message>
    <message>
        <source>niezapisane zmiany</source>
        <translation>unsaved changes</translation>
    </message>
    <message>
        <source>Wszyscy zaznaczeni jako obecni. Popraw nieobecnych i zapisz (Ctrl+S).</source>
        <translation>Everyone marked as present. Correct the absentees and save (Ctrl+S).</translation>
    </message>
    <message>
        <source>Osoby bez zaznaczenia</source>
        <translation>People not marked</translation>
    </message>
    <message>
        <source>Liczba osób bez zaznaczonej obecności: {n}. Zapisać je jako nieobecne?</source>
        <translation>People with no attendance marked: {n}. Save them as absent?</translation>
    </message>
    <message>
        <source>Zapisz jako nieobecne</source>
        <translation>Save as absent</translation>
    </message>
    <message>
        <source>Zostaw bez zaznaczenia</source>
        <translation>Leave unmarked</translation>
    </message>
    <message>
        <source>Zapisano obecność ({count} osób). Frekwencja: {rate}.</source>
        <translation>Attendance saved ({count} people). Attendance rate: {rate}.</translation>
    </message>
    <message>
        <source>Dopisano jako obecną osobę spoza listy: {name}.</source>
        <translation>Added as present (not on the list): {name}.</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>dodanie</source>
        <extracomment>Actions as staff read them; unknown ones are shown as stored.</extracomment>
        <translation>added</translation>
    </message>
    <message>
        <source>zmiana</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>usunięcie</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>otwarcie strony osoby</source>
        <translation>person&apos;s page opened</translation>
    </message>
    <message>
        <source>wydruk</source>
        <translation>printout</translation>
    </message>
    <message>
        <source>eksport danych</source>
        <translation>data export</translation>
    </message>
    <message>
        <source>kopia zapasowa</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>zrzut ekranu</source>
        <translation>screenshot</translation>
    </message>
    <message>
        <source>operacja zbiorcza</source>
        <translation>bulk operation</translation>
    </message>
    <message>
        <source>wczytanie skanów</source>
        <translation>scans read</translation>
    </message>
    <message>
        <source>zalogowanie</source>
        <translation>sign-in</translation>
    </message>
    <message>
        <source>nieudane logowanie</source>
        <translation>failed sign-in</translation>
    </message>
    <message>
        <source>wylogowanie</source>
        <translation>sign-out</translation>
    </message>
    <message>
        <source>blokada ekranu</source>
        <translation>screen lock</translation>
    </message>
    <message>
        <source>anonimizacja</source>
        <translation>anonymisation</translation>
    </message>
    <message>
        <source>przeliczenie skrótów dziennika</source>
        <translation>log hashes recomputed</translation>
    </message>
    <message>
        <source>wpis zmieniono po zapisaniu (jego skrót się nie zgadza)</source>
        <translation>the entry was changed after it was written (its hash does not match)</translation>
    </message>
    <message>
        <source>wpis poprzedzający usunięto albo podmieniono</source>
        <translation>the entry before it was removed or replaced</translation>
    </message>
    <message>
        <source>kolejność wpisów zmieniono</source>
        <translation>the order of the entries was changed</translation>
    </message>
    <message>
        <source>wpisy zamaskowano poza anonimizacją (więcej zamaskowanych wpisów, niż podają wpisy anonimizacji)</source>
        <translation>entries were masked outside an anonymisation (more masked entries than the anonymisation entries state)</translation>
    </message>
    <message>
        <source>dane uczestnika</source>
        <extracomment>What an entry concerns, in words (the table or the document&apos;s key as logged).</extracomment>
        <translation>participant&apos;s data</translation>
    </message>
    <message>
        <source>strona uczestnika</source>
        <translation>participant&apos;s page</translation>
    </message>
    <message>
        <source>karta uczestnika</source>
        <translation>participant card</translation>
    </message>
    <message>
        <source>informacja o danych (art. 15 RODO)</source>
        <translation>information on the data (GDPR art. 15)</translation>
    </message>
    <message>
        <source>deklaracja i klauzula informacyjna</source>
        <translation>declaration and information clause</translation>
    </message>
    <message>
        <source>lista obecności</source>
        <translation>attendance list</translation>
    </message>
    <message>
        <source>lista obecności cyklu</source>
        <translation>series attendance list</translation>
    </message>
    <message>
        <source>obecność</source>
        <translation>attendance</translation>
    </message>
    <message>
        <source>zapis na zajęcia</source>
        <translation>enrolment</translation>
    </message>
    <message>
        <source>powód objęcia wsparciem</source>
        <translation>reason for support</translation>
    </message>
    <message>
        <source>ścieżka wsparcia</source>
        <translation>support path</translation>
    </message>
    <message>
        <source>członek gospodarstwa domowego</source>
        <translation>household member</translation>
    </message>
    <message>
        <source>pomoc pieniężna</source>
        <translation>cash assistance</translation>
    </message>
    <message>
        <source>staż</source>
        <translation>internship</translation>
    </message>
    <message>
        <source>eksport uczestników</source>
        <translation>participant export</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Dziennik dostępu</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>Numer uczestnika</source>
        <translation>Participant number</translation>
    </message>
    <message>
        <source>wszyscy</source>
        <translation>everyone</translation>
    </message>
    <message>
        <source>Użytkownik</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Czynność</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>wszystkie</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Od dnia</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Do dnia</source>
        <translation>To</translation>
    </message>
    <message>
        <source>&amp;Pokaż</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Pokaż wpisy spełniające warunki</source>
        <translation>Show the entries that match</translation>
    </message>
    <message>
        <source>&amp;Uczestnik nr:</source>
        <translation>&amp;Participant no.:</translation>
    </message>
    <message>
        <source>U&amp;żytkownik:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Czynność:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>&amp;Od – do:</source>
        <translation>&amp;From – to:</translation>
    </message>
    <message>
        <source>Wpisy dziennika dostępu</source>
        <translation>Access log entries</translation>
    </message>
    <message>
        <source>Które wpisy są widoczne</source>
        <translation>Which entries are shown</translation>
    </message>
    <message>
        <source>◀ &amp;Nowsze</source>
        <translation>◀ &amp;Newer</translation>
    </message>
    <message>
        <source>Poprzednia strona: nowsze wpisy</source>
        <translation>Previous page: newer entries</translation>
    </message>
    <message>
        <source>&amp;Starsze ▶</source>
        <translation>&amp;Older ▶</translation>
    </message>
    <message>
        <source>Następna strona: starsze wpisy</source>
        <translation>Next page: older entries</translation>
    </message>
    <message>
        <source>Wynik sprawdzenia dziennika</source>
        <translation>Result of the log check</translation>
    </message>
    <message>
        <source>Sp&amp;rawdź dziennik</source>
        <translation>Ch&amp;eck the log</translation>
    </message>
    <message>
        <source>Sprawdź, czy żadnego wpisu nie zmieniono ani nie usunięto</source>
        <translation>Check that no entry was changed or removed</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Zamknij dziennik</source>
        <translation>Close the log</translation>
    </message>
    <message>
        <source>Wpisy {first}–{last} z {total}, od najnowszych</source>
        <translation>Entries {first}–{last} of {total}, newest first</translation>
    </message>
    <message>
        <source>Brak wpisów spełniających warunki.</source>
        <translation>No entries match.</translation>
    </message>
    <message>
        <source>Sprawdzanie dziennika…</source>
        <translation>Checking the log…</translation>
    </message>
    <message>
        <source>Dziennik nienaruszony: {count} wpisów. Skrót ostatniego wpisu (zapisz go poza programem): {hash}</source>
        <translation>The log is intact: {count} entries. Hash of the last entry (note it down outside the program): {hash}</translation>
    </message>
    <message>
        <source>Dziennik NARUSZONY przy wpisie nr {id}: {reason}.</source>
        <translation>The log is BROKEN at entry no. {id}: {reason}.</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Kopia nie może zastąpić samej bazy — wybierz inny plik.</source>
        <translation>The backup cannot replace the database itself — choose another file.</translation>
    </message>
    <message>
        <source>Folder „{folder}” nie istnieje.</source>
        <translation>The folder “{folder}” does not exist.</translation>
    </message>
    <message>
        <source>Nie udało się zapisać kopii w „{path}”: {reason}. Sprawdź miejsce na dysku i uprawnienia.</source>
        <translation>Could not save the backup to “{path}”: {reason}. Check the free disk space and the permissions.</translation>
    </message>
    <message>
        <source>Kopia „{path}” jest uszkodzona (sprawdzenie spójności: {verdict}).</source>
        <translation>The backup “{path}” is damaged (integrity check: {verdict}).</translation>
    </message>
    <message>
        <source>Folder kopii „{folder}” jest niedostępny (odłączony dysk lub udział sieciowy?). Podłącz go albo wybierz inny w ustawieniach.</source>
        <translation>The backup folder “{folder}” cannot be reached (a disconnected disk or network share?). Connect it or choose another one in the settings.</translation>
    </message>
    <message>
        <source>Do kopii bazy PostgreSQL potrzebny jest program {tool}, którego nie znaleziono. Zainstaluj narzędzia klienckie PostgreSQL (np. „PostgreSQL Command Line Tools” z instalatora postgresql.org albo pakiet postgresql-client) w wersji serwera i dodaj ich folder do zmiennej PATH.</source>
        <translation>Backing up a PostgreSQL database needs the program {tool}, which was not found. Install the PostgreSQL client tools (e.g. “PostgreSQL Command Line Tools” from the postgresql.org installer or the postgresql-client package) in the server’s version and add their folder to the PATH variable.</translation>
    </message>
    <message>
        <source>Program pg_dump nie zrobił kopii: {reason}</source>
        <translation>pg_dump did not make the backup: {reason}</translation>
    </message>
    <message>
        <source>Folder kopii „{folder}” nie istnieje albo jest niedostępny.</source>
        <translation>The backup folder “{folder}” does not exist or cannot be reached.</translation>
    </message>
    <message>
        <source>Nie można zapisać ustawień w pliku „{path}”: {reason}.</source>
        <translation>Cannot save the settings in the file “{path}”: {reason}.</translation>
    </message>
    <message>
        <source>Plik „{path}” nie jest kopią bazy PAL Desktop; niczego nie przywrócono.</source>
        <translation>The file “{path}” is not a PAL Desktop database backup; nothing was restored.</translation>
    </message>
    <message>
        <source>Nie znaleziono pliku „{path}”.</source>
        <translation>The file “{path}” was not found.</translation>
    </message>
    <message>
        <source>Kopia „{path}” pochodzi z nowszej wersji PAL Desktop (schemat {revision}). Zainstaluj najnowszą wersję programu; niczego nie przywrócono.</source>
        <translation>The backup “{path}” comes from a newer version of PAL Desktop (schema {revision}). Install the latest version of the program; nothing was restored.</translation>
    </message>
    <message>
        <source>Wybrany plik jest samą bazą, a nie kopią.</source>
        <translation>The chosen file is the database itself, not a backup.</translation>
    </message>
    <message>
        <source>Nie udało się przywrócić kopii: {reason}. Baza pozostała bez zmian.</source>
        <translation>Could not restore the backup: {reason}. The database was left unchanged.</translation>
    </message>
    <message>
        <source>Program pg_restore nie przywrócił kopii: {reason}</source>
        <translation>pg_restore did not restore the backup: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Przywróć z kopii</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Kopia bazy PAL Desktop (*.sqlite3)</source>
        <translation>PAL Desktop database backup (*.sqlite3)</translation>
    </message>
    <message>
        <source>Potwierdzenie przywrócenia kopii</source>
        <translation>Confirm restoring the backup</translation>
    </message>
    <message>
        <source>Kopia z {date}, schemat {revision}.
Uczestnicy: {participants}, wydarzenia: {events}, obecności: {attendance}.

Obecna baza zostanie zastąpiona zawartością kopii (najpierw program zapisze kopię jej obecnego stanu). Przywrócić?</source>
        <translation>Backup of {date}, schema {revision}.
Participants: {participants}, events: {events}, attendance records: {attendance}.

The current database will be replaced with the backup’s content (the program first saves a backup of its current state). Restore?</translation>
    </message>
    <message>
        <source>Przywrócono kopię z {date}: {participants} uczestników.</source>
        <translation>Restored the backup of {date}: {participants} participants.</translation>
    </message>
    <message>
        <source>Folder kopii zapasowych „{folder}” jest niedostępny — kopie nie powstają.</source>
        <translation>The backup folder “{folder}” cannot be reached — no backups are being made.</translation>
    </message>
    <message>
        <source>Nie ma jeszcze żadnej kopii zapasowej bazy (Plik → Kopia zapasowa…).</source>
        <translation>There is no backup of the database yet (File → Backup…).</translation>
    </message>
    <message>
        <source>Ostatnia kopia zapasowa bazy jest z {date} — starsza niż tydzień.</source>
        <translation>The last backup of the database is from {date} — older than a week.</translation>
    </message>
</context>
<context>
    <name>CandidateList</name>
    <message>
        <source>Skąd wziąć osoby</source>
        <translation>Where the people come from</translation>
    </message>
    <message>
        <source>wszyscy aktywni uczestnicy</source>
        <translation>all active participants</translation>
    </message>
    <message>
        <source>gospodarstwo domowe</source>
        <translation>household</translation>
    </message>
    <message>
        <source>ulica</source>
        <translation>street</translation>
    </message>
    <message>
        <source>obecni na innym wydarzeniu</source>
        <translation>present at another event</translation>
    </message>
    <message>
        <source>zapisani na inne wydarzenie</source>
        <translation>enrolled on another event</translation>
    </message>
    <message>
        <source>Które gospodarstwo, ulica lub wydarzenie</source>
        <translation>Which household, street or event</translation>
    </message>
    <message>
        <source>&amp;Które:</source>
        <translation>&amp;Which:</translation>
    </message>
    <message>
        <source>Zawęź listę: nazwisko lub imię</source>
        <translation>Narrow the list: surname or first name</translation>
    </message>
    <message>
        <source>nazwisko lub imię, np. „kowal”</source>
        <translation>surname or first name, e.g. “kowal”</translation>
    </message>
    <message>
        <source>Osoby do zapisania (spacja zaznacza)</source>
        <translation>People to enrol (Space ticks)</translation>
    </message>
    <message>
        <source>Zaznacz wszystkie widoczne osoby</source>
        <translation>Tick all people shown</translation>
    </message>
    <message>
        <source>Odznacz wszystkie osoby</source>
        <translation>Untick all people</translation>
    </message>
    <message>
        <source>Liczba zaznaczonych osób</source>
        <translation>Number of people ticked</translation>
    </message>
    <message>
        <source>P&amp;okaż:</source>
        <translation>Sh&amp;ow:</translation>
    </message>
    <message>
        <source>N&amp;azwisko:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>Zaznacz wsz&amp;ystkie</source>
        <translation>Tick a&amp;ll</translation>
    </message>
    <message>
        <source>Odzna&amp;cz</source>
        <translation>Un&amp;tick</translation>
    </message>
    <message>
        <source>Za&amp;pisz zaznaczonych</source>
        <translation>&amp;Enrol ticked</translation>
    </message>
    <message>
        <source>Zapisz zaznaczone osoby</source>
        <translation>Enrol the ticked people</translation>
    </message>
    <message>
        <source>{name}, {address} — osób: {members}</source>
        <translation>{name}, {address} — people: {members}</translation>
    </message>
    <message>
        <source>bez adresu</source>
        <translation>no address</translation>
    </message>
    <message>
        <source>{street} — osób: {count}</source>
        <translation>{street} — people: {count}</translation>
    </message>
    <message>
        <source>{date} {title} — zapisanych {enrolled}, obecnych {present}</source>
        <translation>{date} {title} — enrolled {enrolled}, present {present}</translation>
    </message>
    <message>
        <source>już zapisany(-a)</source>
        <translation>already enrolled</translation>
    </message>
    <message>
        <source>już na liście rezerwowej</source>
        <translation>already on the waiting list</translation>
    </message>
    <message>
        <source>zakończył(a) udział</source>
        <translation>left the programme</translation>
    </message>
    <message>
        <source>Zaznaczono: {ticked} z {shown}</source>
        <translation>Ticked: {ticked} of {shown}</translation>
    </message>
    <message>
        <source>Za&amp;pisz zaznaczonych ({count})</source>
        <translation>&amp;Enrol ticked ({count})</translation>
    </message>
</context>
<context>
    <name>Cash</name>
    <message>
        <source>Kwota {amount} przekracza próg {threshold} ustalony przez ośrodek w ustawieniach.</source>
        <translation>The amount {amount} exceeds the threshold {threshold} the centre set in the settings.</translation>
    </message>
    <message>
        <source>Wypłata z decyzji nr {number} z tą samą datą jest już zapisana.</source>
        <translation>A payment under decision no. {number} with the same date is already recorded.</translation>
    </message>
</context>
<context>
    <name>CashDialog</name>
    <message>
        <source>Pomoc pieniężna</source>
        <translation>Cash assistance</translation>
    </message>
    <message>
        <source>Edycja pomocy pieniężnej</source>
        <translation>Edit cash assistance</translation>
    </message>
    <message>
        <source>&amp;Rodzaj świadczenia:</source>
        <extracomment>The warnings the user was asked to confirm at the last save (services.cash_rules.warnings_for).</extracomment>
        <translation>&amp;Benefit type:</translation>
    </message>
    <message>
        <source>— wybierz —</source>
        <translation>— select —</translation>
    </message>
    <message>
        <source>&amp;Cel zasiłku:</source>
        <translation>&amp;Purpose of the benefit:</translation>
    </message>
    <message>
        <source>Cel zasiłku</source>
        <translation>Purpose of the benefit</translation>
    </message>
    <message>
        <source>&amp;Kwota (zł):</source>
        <translation>&amp;Amount (zł):</translation>
    </message>
    <message>
        <source>Kwota</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>np. 450,50</source>
        <translation>e.g. 450,50</translation>
    </message>
    <message>
        <source>&amp;Nr decyzji:</source>
        <translation>Decision n&amp;o.:</translation>
    </message>
    <message>
        <source>&amp;Data decyzji:</source>
        <translation>Decision &amp;date:</translation>
    </message>
    <message>
        <source>Okres &amp;od:</source>
        <translation>Period &amp;from:</translation>
    </message>
    <message>
        <source>Okres d&amp;o:</source>
        <translation>Period &amp;to:</translation>
    </message>
    <message>
        <source>Data &amp;wypłaty:</source>
        <translation>&amp;Payment date:</translation>
    </message>
    <message>
        <source>&amp;Uwagi:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <source>Zapisać mimo ostrzeżeń?</source>
        <translation>Save despite the warnings?</translation>
    </message>
    <message>
        <source>Zapisz mimo to</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Wróć do formularza</source>
        <translation>Back to the form</translation>
    </message>
</context>
<context>
    <name>CashExport</name>
    <message>
        <source>Pomoc pieniężna dla księgowości</source>
        <translation>Cash assistance for the accountant</translation>
    </message>
    <message>
        <source>Arkusz Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Zapisano {count} wypłat do pliku {path}</source>
        <translation>Saved {count} payments to the file {path}</translation>
    </message>
</context>
<context>
    <name>CellTile</name>
    <message>
        <source>obecny</source>
        <translation>present</translation>
    </message>
    <message>
        <source>nieobecny</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>usprawiedliwiony</source>
        <translation>excused</translation>
    </message>
    <message>
        <source>{status}? (propozycja — potwierdź)</source>
        <translation>{status}? (suggestion — confirm)</translation>
    </message>
    <message>
        <source>Podpis: {name}, {date}: {status}</source>
        <translation>Signature: {name}, {date}: {status}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Zmiana hasła</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Administrator nadał Ci hasło tymczasowe: ustaw teraz własne.</source>
        <translation>The administrator gave you a temporary password: set your own now.</translation>
    </message>
    <message>
        <source>Wpisz obecne hasło i dwa razy nowe.</source>
        <translation>Type your current password and the new one twice.</translation>
    </message>
    <message>
        <source>Zmień hasło</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>&amp;Obecne hasło:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;Nowe hasło:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Powtórz hasło:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
</context>
<context>
    <name>CliSignIn</name>
    <message>
        <source>Brak hasła: ustaw zmienną {variable} albo uruchom polecenie w oknie terminala.</source>
        <translation>No password: set the {variable} variable or run the command in a terminal window.</translation>
    </message>
    <message>
        <source>W bazie są konta użytkowników: podaj swój login opcją --user LOGIN (hasło w zmiennej PAL_PASSWORD albo wpisywane po pytaniu).</source>
        <translation>The database has user accounts: give your login with --user LOGIN (the password in the PAL_PASSWORD variable or typed when asked).</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Nazwisko</source>
        <extracomment>Rows: (id, Nazwisko, Imię, Telefon, Obszar działania, Data wyboru, Inicjatywy, Osoby objęte, Wydarzenia, Uczestnik, Aktywny).
----------
Rows: (id, Nazwisko, Imię, Telefon, Praca z dziećmi, Porozumienie do, Godziny łącznie, Uwagi, ostrzeżenia).</extracomment>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Imię</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Okres</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Osoby</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Wydarzenie</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Rola</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Obszar działania</source>
        <translation>Area of activity</translation>
    </message>
    <message>
        <source>Data wyboru</source>
        <translation>Chosen on</translation>
    </message>
    <message>
        <source>Inicjatywy</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <source>Osoby objęte</source>
        <translation>People reached</translation>
    </message>
    <message>
        <source>Osoby objęte inicjatywami animatora</source>
        <translation>People reached by the animator&apos;s initiatives</translation>
    </message>
    <message>
        <source>Wydarzenia</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Wydarzenia prowadzone lub współprowadzone</source>
        <translation>Events led or co-led</translation>
    </message>
    <message>
        <source>Aktywny</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Data</source>
        <extracomment>The record behind a row (an EventRow, a SheetRow...). The order Space goes through (an unmarked person becomes present first).</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Godziny</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Tytuł</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Przystąpienie</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>Zakończenie</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Rodzaj</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Wolontariusz</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Zadanie</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Temat</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Miejsce</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Prowadzący</source>
        <translation>Led by</translation>
    </message>
    <message>
        <source>Zapisani</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Liczba osób zapisanych na wydarzenie</source>
        <translation>Number of people enrolled for the event</translation>
    </message>
    <message>
        <source>Obecni</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Liczba osób obecnych według listy obecności</source>
        <translation>Number of people present according to the attendance list</translation>
    </message>
    <message>
        <source>Obecność</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Uwagi</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Uczestnik</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Obecności</source>
        <translation>Times present</translation>
    </message>
    <message>
        <source>Frekwencja</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Nazwisko i imię</source>
        <extracomment>fetch(query, offset, limit, after) -&gt; list of ParticipantRow (runs in a worker thread); ``after`` is the last row read so far (None for the first page), from which the service reads the next page by keyset. Header text (Polish source, context &quot;Columns&quot;). ParticipantQuery.sort key for this column. Starting width in average characters.</extracomment>
        <translation>Surname and first name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Brakujące dokumenty</source>
        <translation>Missing documents</translation>
    </message>
    <message>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <source>Data urodzenia</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Płeć</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Data rozpoczęcia</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Lp.</source>
        <extracomment>The columns of the task list.
----------
Rows: (id, Lp., Wskaźnik, Rodzaj, Jednostka, Wartość docelowa, Osiągnięto, %) from ui_queries.indicator_rows.</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <source>Wskaźnik</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Jednostka</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Wartość docelowa</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>Osiągnięto</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Od</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Postęp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Numer zadania w harmonogramie</source>
        <translation>Task number in the schedule</translation>
    </message>
    <message>
        <source>Zadanie (◆ kamień milowy); rozwiń, aby zobaczyć jego wydarzenia</source>
        <translation>Task (◆ milestone); expand to see its events</translation>
    </message>
    <message>
        <source>Początek zadania</source>
        <translation>Task start</translation>
    </message>
    <message>
        <source>Koniec zadania</source>
        <translation>Task end</translation>
    </message>
    <message>
        <source>Wydarzenia: odbyte / planowane; ! — zaległe wydarzenia</source>
        <translation>Events: held / planned; ! — overdue events</translation>
    </message>
    <message>
        <source>Numer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Stan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Zadanie / wydarzenie</source>
        <translation>Task / event</translation>
    </message>
    <message>
        <source>Czynności</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Miesiąc / zadanie</source>
        <translation>Month / task</translation>
    </message>
    <message>
        <source>Wartość</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Z dziećmi</source>
        <translation>With children</translation>
    </message>
    <message>
        <source>Czy wolontariusz pracuje z dziećmi</source>
        <translation>Whether the volunteer works with children</translation>
    </message>
    <message>
        <source>Porozumienie do</source>
        <translation>Agreement until</translation>
    </message>
    <message>
        <source>Godziny łącznie</source>
        <translation>Total hours</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Data i godzina</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Użytkownik</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Czynność</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Czego dotyczy</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Szczegóły</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>tak</source>
        <extracomment>The record id of a row (the first element of its tuple). The whole row tuple. Translation context of column titles (marked with QT_TRANSLATE_NOOP(&quot;Columns&quot;, ...)). Polish source text of the header, marked with QT_TRANSLATE_NOOP(&quot;Columns&quot;, ...). Which element of the row tuple to show. Starting width in average characters. Right-align (numbers). This column takes the spare width of the table. Its part of the spare width beside other columns with a share (0: none, or 1 when ``stretch``). Element of the row tuple shown as the cell&apos;s tooltip (e.g. a long description). Polish source text of the header&apos;s tooltip (marked with QT_TRANSLATE_NOOP(&quot;Columns&quot;, ...)); default: the title.</extracomment>
        <translation>yes</translation>
    </message>
    <message>
        <source>nie</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Ktoś inny zapisał ten wpis</source>
        <translation>Someone else saved this entry</translation>
    </message>
    <message>
        <source>Wybór wersji wpisu</source>
        <translation>Choosing the entry&apos;s version</translation>
    </message>
    <message>
        <source>Gdy wpis był otwarty u Ciebie, ktoś inny zapisał w nim zmiany. Nic jeszcze nie zostało zapisane. Zmiany, których nie robiliście oboje, połączą się same; tam, gdzie zmieniliście to samo pole, wybierz wartość.</source>
        <translation>While the entry was open on your computer, someone else saved changes to it. Nothing has been saved yet. Changes only one of you made are merged by themselves; where you both changed the same field, choose the value.</translation>
    </message>
    <message>
        <source>Pola zmienione przez obie osoby</source>
        <translation>Fields changed by both people</translation>
    </message>
    <message>
        <source>Pole</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Zapisane przez inną osobę</source>
        <translation>Saved by the other person</translation>
    </message>
    <message>
        <source>Twoja wartość</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>Po połączeniu</source>
        <translation>After merging</translation>
    </message>
    <message>
        <source>moja wartość</source>
        <translation>my value</translation>
    </message>
    <message>
        <source>wartość tamtej osoby</source>
        <translation>the other person&apos;s value</translation>
    </message>
    <message>
        <source>Co zapisać w polu {field}</source>
        <translation>What to save in the field {field}</translation>
    </message>
    <message>
        <source>zmiana tamtej osoby</source>
        <translation>the other person&apos;s change</translation>
    </message>
    <message>
        <source>Twoja zmiana</source>
        <translation>your change</translation>
    </message>
    <message>
        <source>&amp;Połącz i zapisz</source>
        <translation>&amp;Merge and save</translation>
    </message>
    <message>
        <source>Połącz obie wersje i zapisz</source>
        <translation>Merge both versions and save</translation>
    </message>
    <message>
        <source>Zapisz &amp;moją wersję</source>
        <translation>Save m&amp;y version</translation>
    </message>
    <message>
        <source>Zapisz moją wersję w miejsce tamtej</source>
        <translation>Save my version in place of theirs</translation>
    </message>
    <message>
        <source>Zostaw wersję &amp;tamtej osoby</source>
        <translation>Keep the &amp;other person&apos;s version</translation>
    </message>
    <message>
        <source>Zostaw wersję tamtej osoby, porzuć moje zmiany</source>
        <translation>Keep the other person&apos;s version, discard my changes</translation>
    </message>
    <message>
        <source>&amp;Wróć do formularza</source>
        <translation>&amp;Back to the form</translation>
    </message>
    <message>
        <source>Wróć do formularza bez zapisywania</source>
        <translation>Back to the form without saving</translation>
    </message>
</context>
<context>
    <name>CopyEnrolmentDialog</name>
    <message>
        <source>Skopiuj zapisy z innego wydarzenia</source>
        <translation>Copy the enrolment of another event</translation>
    </message>
    <message>
        <source>Wydarzenie, z którego kopiować zapisy</source>
        <translation>Event to copy the enrolment from</translation>
    </message>
    <message>
        <source>{date} {title} — zapisanych {enrolled}, obecnych {present}</source>
        <translation>{date} {title} — enrolled {enrolled}, present {present}</translation>
    </message>
    <message>
        <source>&amp;Wydarzenie:</source>
        <translation>&amp;Event:</translation>
    </message>
    <message>
        <source>tylko osoby &amp;obecne na tamtym wydarzeniu</source>
        <translation>only the people &amp;present at that event</translation>
    </message>
    <message>
        <source>Kopiuj tylko osoby obecne</source>
        <translation>Copy only the people present</translation>
    </message>
    <message>
        <source>S&amp;kopiuj zapisy</source>
        <translation>&amp;Copy enrolment</translation>
    </message>
    <message>
        <source>Skopiuj zapisy</source>
        <translation>Copy enrolment</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Anuluj kopiowanie</source>
        <translation>Cancel copying</translation>
    </message>
    <message>
        <source>W tym programie nie ma innego wydarzenia z zapisami ani obecnością.</source>
        <translation>This programme has no other event with enrolment or attendance.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Folder „{folder}” nie istnieje. Utwórz go albo wskaż inne miejsce bazy danych.</source>
        <extracomment>How long a writer waits for another PC&apos;s or thread&apos;s write to finish before it gives up. PostgreSQL: a save waiting behind a row lock gives up after this; a query running away, after the second. Tables whose rows are never audited field by field (the log itself, and the bulky binary logos).</extracomment>
        <translation>The folder “{folder}” does not exist. Create it or choose another location for the database.</translation>
    </message>
    <message>
        <source>„{path}” jest folderem, a nie plikiem bazy danych. Wskaż plik, np. pal.sqlite3.</source>
        <translation>“{path}” is a folder, not a database file. Choose a file, e.g. pal.sqlite3.</translation>
    </message>
    <message>
        <source>Nie można odczytać pliku „{path}”: {reason}. Sprawdź uprawnienia do pliku.</source>
        <translation>Cannot read the file “{path}”: {reason}. Check the permissions of the file.</translation>
    </message>
    <message>
        <source>Plik „{path}” jest pusty (0 bajtów), a więc nie jest bazą PAL Desktop. Plik pozostał nietknięty. Aby utworzyć nową bazę, podaj nazwę pliku, który jeszcze nie istnieje, albo usuń ten pusty plik.</source>
        <translation>The file &quot;{path}&quot; is empty (0 bytes), so it is not a PAL Desktop database. The file was left untouched. To create a new database, give the name of a file that does not exist yet, or delete this empty file.</translation>
    </message>
    <message>
        <source>Plik „{path}” nie jest bazą danych PAL Desktop (ani żadną bazą SQLite). Plik pozostał nietknięty; wskaż właściwy plik bazy albo nowy plik.</source>
        <translation>The file “{path}” is not a PAL Desktop database (nor any SQLite database). The file was left untouched; choose the right database file or a new file.</translation>
    </message>
    <message>
        <source>Adres bazy danych „{url}” jest niepoprawny. Podaj ścieżkę pliku albo adres w postaci postgresql://użytkownik:hasło@serwer/baza.</source>
        <translation>The database address “{url}” is not valid. Enter a file path or an address like postgresql://user:password@server/database.</translation>
    </message>
    <message>
        <source>Baza danych „{backend}” nie jest obsługiwana. PAL Desktop działa z SQLite i PostgreSQL.</source>
        <translation>The database “{backend}” is not supported. PAL Desktop works with SQLite and PostgreSQL.</translation>
    </message>
    <message>
        <source>Brak sterownika dla bazy „{backend}”: {reason}.</source>
        <translation>No driver for the database “{backend}”: {reason}.</translation>
    </message>
    <message>
        <source>Baza „{location}” nie odpowiedziała w czasie: inny użytkownik zapisuje te same dane albo serwer jest przeciążony. Nic nie zostało zapisane; spróbuj ponownie za chwilę.</source>
        <translation>The database “{location}” did not answer in time: another user is saving the same data or the server is overloaded. Nothing was saved; try again in a moment.</translation>
    </message>
    <message>
        <source>Brak miejsca na dysku dla bazy „{location}”. Zwolnij miejsce i spróbuj ponownie; żadne zmiany nie zostały zapisane.</source>
        <translation>There is no disk space left for the database “{location}”. Free some space and try again; no changes were saved.</translation>
    </message>
    <message>
        <source>Plik „{location}” nie jest bazą danych PAL Desktop albo jest uszkodzony. Przywróć kopię zapasową albo wskaż inny plik.</source>
        <translation>The file “{location}” is not a PAL Desktop database or it is damaged. Restore a backup or choose another file.</translation>
    </message>
    <message>
        <source>Baza „{location}” jest zajęta: czekano {seconds} s, aż inny komputer lub program skończy zapis. Nic nie zostało zapisane; spróbuj ponownie, a jeśli to się powtarza, sprawdź, czy któryś program nie zawiesił się z otwartą bazą.</source>
        <translation>The database “{location}” is busy: waited {seconds} s for another computer or program to finish saving. Nothing was saved; try again, and if it keeps happening, check whether a program has hung with the database open.</translation>
    </message>
    <message>
        <source>Nie można otworzyć bazy „{location}” do zapisu. Sprawdź, czy folder istnieje i czy masz do niego uprawnienia.</source>
        <translation>Cannot open the database “{location}” for writing. Check that the folder exists and that you have permission to use it.</translation>
    </message>
    <message>
        <source>Nie można połączyć się z bazą „{location}”: {reason}. Sprawdź adres serwera, nazwę bazy, użytkownika i hasło.</source>
        <translation>Cannot connect to the database “{location}”: {reason}. Check the server address, the database name, the user name and the password.</translation>
    </message>
    <message>
        <source>Błąd bazy danych „{location}”: {reason}</source>
        <translation>Error in the database “{location}”: {reason}</translation>
    </message>
    <message>
        <source>Baza nie przyjęła wyszukiwania: jedna z wpisanych wartości zawiera niedozwolony znak albo wykracza poza zakres. Popraw ją i spróbuj ponownie.</source>
        <translation>The database did not accept the search: one of the values typed contains a character that is not allowed or is out of range. Correct it and try again.</translation>
    </message>
    <message>
        <source>Baza odmówiła zapisu: jeden z tekstów jest dłuższy, niż pozwala pole. Nic nie zostało zapisane; skróć go i spróbuj ponownie.</source>
        <translation>The database refused the save: one of the texts is longer than its field allows. Nothing was saved; shorten it and try again.</translation>
    </message>
    <message>
        <source>Baza odmówiła zapisu: jeden z tekstów zawiera niedozwolony znak (NUL). Nic nie zostało zapisane; wpisz tekst ponownie zamiast go wklejać.</source>
        <translation>The database refused the save: one of the texts contains a character that is not allowed (NUL). Nothing was saved; type the text again instead of pasting it.</translation>
    </message>
    <message>
        <source>Baza odmówiła zapisu: jedna z liczb lub dat wykracza poza zakres pola. Nic nie zostało zapisane; popraw ją i spróbuj ponownie.</source>
        <translation>The database refused the save: one of the numbers or dates is outside its field&apos;s range. Nothing was saved; correct it and try again.</translation>
    </message>
    <message>
        <source>Baza odmówiła zapisu: jedna z wartości nie pasuje do pola. Nic nie zostało zapisane; popraw dane i spróbuj ponownie.</source>
        <translation>The database refused the save: one of the values does not fit its field. Nothing was saved; correct the data and try again.</translation>
    </message>
    <message>
        <source>Baza „{location}” nie istnieje. Utwórz ją poleceniem: pal-desktop init</source>
        <extracomment>The newest revision in migrations/versions (a test keeps it equal to Alembic&apos;s head). Knowing it without Alembic lets an up-to-date database open without importing Alembic at all, which saves a quarter of a second of start-up. Fills a new database&apos;s first rows (event types, the built-in programme) on the migration&apos;s connection, inside its transaction; given by the services, which know what a new database holds.</extracomment>
        <translation>The database “{location}” does not exist. Create it with the command: pal-desktop init</translation>
    </message>
    <message>
        <source>Baza „{location}” pochodzi z nowszej wersji PAL Desktop (schemat {revision}). Zainstaluj najnowszą wersję programu; baza pozostała nietknięta.</source>
        <translation>The database “{location}” comes from a newer version of PAL Desktop (schema {revision}). Install the latest version of the program; the database was left untouched.</translation>
    </message>
    <message>
        <source>Baza „{location}” zawiera tabele innego programu, a nie PAL Desktop. Wskaż inny plik albo pustą bazę; baza pozostała nietknięta.</source>
        <translation>The database “{location}” contains the tables of another program, not PAL Desktop. Choose another file or an empty database; the database was left untouched.</translation>
    </message>
    <message>
        <source>Baza „{location}” jest pusta. Utwórz ją poleceniem: pal-desktop init</source>
        <translation>The database “{location}” is empty. Create it with the command: pal-desktop init</translation>
    </message>
    <message>
        <source>Aktualizacja bazy „{location}” nie powiodła się: {reason}. Baza pozostała w poprzedniej wersji.</source>
        <translation>Upgrading the database “{location}” failed: {reason}. The database stays at its previous version.</translation>
    </message>
    <message>
        <source>Aktualizacja bazy „{location}” została cofnięta, bo po niej wiersze wskazywałyby nieistniejące rekordy ({details}). Baza pozostała w poprzedniej wersji i nic nie zostało utracone; zgłoś to dostawcy programu.</source>
        <translation>The upgrade of the database &quot;{location}&quot; was rolled back, because after it rows would point to records that do not exist ({details}). The database stays at its previous version and nothing was lost; report this to the program&apos;s supplier.</translation>
    </message>
    <message>
        <source>Folder bazy danych „{folder}” nie istnieje albo jest niedostępny (np. odłączono pendrive albo dysk sieciowy).</source>
        <translation>The database folder “{folder}” does not exist or cannot be reached (for example, a USB stick or a network drive was disconnected).</translation>
    </message>
    <message>
        <source>Nie ma pliku bazy „{path}”, który był już otwierany na tym komputerze: został przeniesiony, usunięty albo jest na odłączonym dysku. Pusta baza nie zostanie utworzona w jego miejscu.</source>
        <translation>The database file “{path}”, which has been opened on this computer before, is missing: it was moved, deleted or is on a disconnected drive. No empty database will be created in its place.</translation>
    </message>
    <message>
        <source>Plik bazy „{path}” zniknął albo został przeniesiony (np. odłączono pendrive albo dysk sieciowy); nic nie zostało zapisane. Podłącz go z powrotem i spróbuj ponownie albo uruchom program jeszcze raz i wybierz bazę.</source>
        <extracomment>On a network share: opened by its plain path, with the rollback journal (see network_paths).</extracomment>
        <translation>The database file “{path}” has disappeared or was moved (for example, a USB stick or a network drive was disconnected); nothing was saved. Reconnect it and try again, or restart the program and choose a database.</translation>
    </message>
    <message>
        <source>Baza „{path}” jest otwarta tylko do odczytu (plik jest oznaczony jako tylko do odczytu albo nie masz prawa zapisu); nic nie zostało zapisane.</source>
        <translation>The database “{path}” is open read-only (the file is marked read-only or you may not write to it); nothing was saved.</translation>
    </message>
    <message>
        <source>Nie można zapisać hasła do bazy PostgreSQL w menedżerze poświadczeń systemu ({reason}). Hasło nie zostało zapisane w pliku ustawień; poproś informatyka o skonfigurowanie menedżera poświadczeń albo podawaj adres z hasłem w zmiennej PAL_DATABASE_URL.</source>
        <translation>The PostgreSQL password cannot be stored in the system&apos;s credential manager ({reason}). It was not written to the settings file; ask IT to set up the credential manager, or give the address with its password in the PAL_DATABASE_URL variable.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd.mm.rrrr</source>
        <translation>dd.mm.yyyy</translation>
    </message>
    <message>
        <source>Wybierz datę z kalendarza</source>
        <translation>Choose a date from the calendar</translation>
    </message>
    <message>
        <source>Kalendarz</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>dziś</source>
        <translation>today</translation>
    </message>
    <message>
        <source>Wpisz dzisiejszą datę</source>
        <translation>Enter today&apos;s date</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>deklaracja uczestnictwa</source>
        <extracomment>The documents a participant signs, in the order of the checklist.</extracomment>
        <translation>participation declaration</translation>
    </message>
    <message>
        <source>oświadczenie o przetwarzaniu danych osobowych</source>
        <translation>personal data processing statement</translation>
    </message>
    <message>
        <source>zgoda na wykorzystanie wizerunku</source>
        <translation>consent to the use of image</translation>
    </message>
    <message>
        <source>indywidualny plan działania</source>
        <translation>individual action plan</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>Pozycji: {count}</source>
        <translation>Items: {count}</translation>
    </message>
    <message>
        <source>Liczba pozycji</source>
        <translation>Number of items</translation>
    </message>
    <message>
        <source>&amp;Otwórz</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Otwórz zaznaczoną pozycję</source>
        <translation>Open the selected item</translation>
    </message>
</context>
<context>
    <name>Efs</name>
    <message>
        <source>Kraj</source>
        <extracomment>The 2014-2020 data set&apos;s columns, in the funder&apos;s order.</extracomment>
        <translation>Country</translation>
    </message>
    <message>
        <source>Rodzaj uczestnika</source>
        <translation>Type of participant</translation>
    </message>
    <message>
        <source>Nazwa instytucji</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>Imię</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Nazwisko</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <source>Brak PESEL</source>
        <translation>No PESEL</translation>
    </message>
    <message>
        <source>Płeć</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Wiek w chwili przystąpienia do projektu</source>
        <translation>Age when joining the project</translation>
    </message>
    <message>
        <source>Wykształcenie</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Województwo</source>
        <translation>Voivodeship</translation>
    </message>
    <message>
        <source>Powiat</source>
        <translation>County (powiat)</translation>
    </message>
    <message>
        <source>Gmina</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Miejscowość</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Ulica</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Nr budynku</source>
        <translation>Building no.</translation>
    </message>
    <message>
        <source>Nr lokalu</source>
        <translation>Flat no.</translation>
    </message>
    <message>
        <source>Kod pocztowy</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Obszar według stopnia urbanizacji (DEGURBA)</source>
        <translation>Area by degree of urbanisation (DEGURBA)</translation>
    </message>
    <message>
        <source>Telefon kontaktowy</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>Adres e-mail</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>Data rozpoczęcia udziału w projekcie</source>
        <translation>Date of joining the project</translation>
    </message>
    <message>
        <source>Data zakończenia udziału w projekcie</source>
        <translation>Date of leaving the project</translation>
    </message>
    <message>
        <source>Status osoby na rynku pracy w chwili przystąpienia do projektu</source>
        <translation>Labour market status when joining the project</translation>
    </message>
    <message>
        <source>W tym</source>
        <translation>Including</translation>
    </message>
    <message>
        <source>Sytuacja osoby w momencie zakończenia udziału w projekcie</source>
        <translation>Situation of the person on leaving the project</translation>
    </message>
    <message>
        <source>Zakończenie udziału osoby w projekcie zgodnie z zaplanowaną dla niej ścieżką uczestnictwa</source>
        <translation>Participation in the project completed according to the person&apos;s planned participation path</translation>
    </message>
    <message>
        <source>Rodzaj przyznanego wsparcia</source>
        <translation>Type of support granted</translation>
    </message>
    <message>
        <source>Data rozpoczęcia udziału we wsparciu</source>
        <translation>Support start date</translation>
    </message>
    <message>
        <source>Data zakończenia udziału we wsparciu</source>
        <translation>Support end date</translation>
    </message>
    <message>
        <source>Osoba należąca do mniejszości narodowej lub etnicznej, migrant, osoba obcego pochodzenia</source>
        <translation>Person belonging to a national or ethnic minority, migrant, person of foreign origin</translation>
    </message>
    <message>
        <source>Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań</source>
        <translation>Homeless person or person affected by housing exclusion</translation>
    </message>
    <message>
        <source>Osoba z niepełnosprawnościami</source>
        <translation>Person with disabilities</translation>
    </message>
    <message>
        <source>Osoba w innej niekorzystnej sytuacji społecznej</source>
        <translation>Person in another disadvantaged social situation</translation>
    </message>
    <message>
        <source>brak numeru PESEL i daty urodzenia (nie można podać wieku)</source>
        <translation>missing PESEL number and date of birth (age cannot be given)</translation>
    </message>
    <message>
        <source>brak płci</source>
        <translation>missing sex</translation>
    </message>
    <message>
        <source>brak daty rozpoczęcia udziału w projekcie</source>
        <translation>missing date of joining the project</translation>
    </message>
    <message>
        <source>brak daty podpisania deklaracji uczestnictwa</source>
        <translation>missing signing date of the participation declaration</translation>
    </message>
    <message>
        <source>brak wykształcenia</source>
        <translation>missing education</translation>
    </message>
    <message>
        <source>brak statusu na rynku pracy</source>
        <translation>missing labour market status</translation>
    </message>
    <message>
        <source>brak miejscowości</source>
        <translation>missing town</translation>
    </message>
    <message>
        <source>brak kodu pocztowego</source>
        <translation>missing postal code</translation>
    </message>
    <message>
        <source>brak daty zakończenia udziału w projekcie</source>
        <translation>missing date of leaving the project</translation>
    </message>
    <message>
        <source>brak odpowiedzi w polu „{column}”</source>
        <translation>missing answer in the “{column}” field</translation>
    </message>
    <message>
        <source>kandydat: nie przystąpił jeszcze do programu (gdy przystąpi, zmień status na „uczestnik” i podaj datę rozpoczęcia udziału)</source>
        <extracomment>Who is in the registry but has not joined the programme, and why that leaves them out of the data set.</extracomment>
        <translation>candidate: has not joined the programme yet (once they join, set the status to “participant” and enter the start date)</translation>
    </message>
    <message>
        <source>lista rezerwowa: nie przystąpił jeszcze do programu (gdy przystąpi, zmień status na „uczestnik” i podaj datę rozpoczęcia udziału)</source>
        <translation>reserve list: has not joined the programme yet (once they join, set the status to “participant” and enter the start date)</translation>
    </message>
    <message>
        <source>Wykonywany zawód</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Zatrudniony w</source>
        <translation>Employed at</translation>
    </message>
    <message>
        <source>Sytuacja (1) osoby w momencie zakończenia udziału w projekcie</source>
        <translation>Situation (1) of the person on leaving the project</translation>
    </message>
    <message>
        <source>Sytuacja (2) osoby w momencie zakończenia udziału w projekcie</source>
        <translation>Situation (2) of the person on leaving the project</translation>
    </message>
    <message>
        <source>Planowana data zakończenia edukacji w placówce edukacyjnej, w której skorzystano ze wsparcia</source>
        <translation>Planned end of education in the educational institution where support was received</translation>
    </message>
    <message>
        <source>Kwota przyznanych środków na założenie działalności gospodarczej</source>
        <translation>Amount granted to start a business</translation>
    </message>
    <message>
        <source>PKD założonej działalności gospodarczej</source>
        <translation>PKD code of the business started</translation>
    </message>
    <message>
        <source>Polska</source>
        <translation>Poland</translation>
    </message>
    <message>
        <source>Indywidualny</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Nieznany układ danych „{layout}” (dozwolone: sl2014, smefs).</source>
        <translation>Unknown data layout “{layout}” (allowed: sl2014, smefs).</translation>
    </message>
    <message>
        <source>Układ {layout} zapisuje plik {suffix} — zmień rozszerzenie pliku „{name}”.</source>
        <translation>The {layout} layout writes a {suffix} file — change the extension of the file “{name}”.</translation>
    </message>
    <message>
        <source>Numer projektu</source>
        <translation>Project number</translation>
    </message>
    <message>
        <source>Techniczny identyfikator uczestnika</source>
        <translation>Technical participant identifier</translation>
    </message>
    <message>
        <source>Obywatelstwo</source>
        <translation>Citizenship</translation>
    </message>
    <message>
        <source>PESEL/Inny identyfikator</source>
        <translation>PESEL/Other identifier</translation>
    </message>
    <message>
        <source>Planowana data zakończenia edukacji</source>
        <translation>Planned end date of education</translation>
    </message>
    <message>
        <source>Data założenia działalności gospodarczej</source>
        <translation>Business start date</translation>
    </message>
    <message>
        <source>Osoba obcego pochodzenia</source>
        <translation>Person of foreign origin</translation>
    </message>
    <message>
        <source>Obywatel państwa trzeciego</source>
        <translation>Third-country national</translation>
    </message>
    <message>
        <source>Osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowane)</source>
        <translation>Person belonging to a national or ethnic minority (including marginalised communities)</translation>
    </message>
    <message>
        <source>Zakres wsparcia</source>
        <translation>Scope of support</translation>
    </message>
    <message>
        <source>Zakres wsparcia – w tym</source>
        <translation>Scope of support – of which</translation>
    </message>
    <message>
        <source>Brak lub niepełne podstawowe (ISCED 0)</source>
        <extracomment>Grouped ISCED levels, in the list&apos;s order.</extracomment>
        <translation>None or incomplete primary (ISCED 0)</translation>
    </message>
    <message>
        <source>Podstawowe (ISCED 1) lub gimnazjalne (ISCED 2)</source>
        <translation>Primary (ISCED 1) or lower secondary (ISCED 2)</translation>
    </message>
    <message>
        <source>Ponadgimnazjalne (ISCED 3) lub policealne (ISCED 4)</source>
        <translation>Upper secondary (ISCED 3) or post-secondary (ISCED 4)</translation>
    </message>
    <message>
        <source>Wyższe (ISCED 5–8)</source>
        <translation>Tertiary (ISCED 5–8)</translation>
    </message>
    <message>
        <source>Osoba bezrobotna</source>
        <translation>Unemployed person</translation>
    </message>
    <message>
        <source>Osoba bierna zawodowo</source>
        <translation>Economically inactive person</translation>
    </message>
    <message>
        <source>Osoba pracująca</source>
        <translation>Employed person</translation>
    </message>
    <message>
        <source>poniżej 18 lat</source>
        <extracomment>2021-2027 dropped &quot;nieuczestnicząca w kształceniu lub szkoleniu&quot; from the inactive&apos;s &quot;w tym&quot;. The age bands of the common indicators (EFS+): under 18, 18-29, 30-54, 55 or more.</extracomment>
        <translation>under 18</translation>
    </message>
    <message>
        <source>18-29 lat</source>
        <translation>18-29</translation>
    </message>
    <message>
        <source>30-54 lata</source>
        <translation>30-54</translation>
    </message>
    <message>
        <source>55 lat lub więcej</source>
        <translation>55 or older</translation>
    </message>
    <message>
        <source>poniżej 25 lat</source>
        <extracomment>2014-2020&apos;s bands: under 25, 25-53, 54 or more.</extracomment>
        <translation>under 25</translation>
    </message>
    <message>
        <source>25-53 lata</source>
        <translation>25-53</translation>
    </message>
    <message>
        <source>54 lata lub więcej</source>
        <translation>54 or older</translation>
    </message>
    <message>
        <source>błędny numer PESEL (nie można podać wieku)</source>
        <translation>invalid PESEL number (the age cannot be given)</translation>
    </message>
    <message>
        <source>data urodzenia późniejsza niż data rozpoczęcia udziału w projekcie</source>
        <translation>date of birth later than the start of participation in the project</translation>
    </message>
    <message>
        <source>„w tym” nie pasuje do statusu na rynku pracy</source>
        <translation>“of which” does not fit the labour-market status</translation>
    </message>
    <message>
        <source>brak numeru PESEL i innego identyfikatora (np. numeru dokumentu)</source>
        <extracomment>The SL2014 column each field of the practitioner checks (services.participant_efs_checks) fills.</extracomment>
        <translation>no PESEL number and no other identifier (e.g. a document number)</translation>
    </message>
    <message>
        <source>brak obywatelstwa</source>
        <translation>no citizenship</translation>
    </message>
    <message>
        <source>„w tym” nie pasuje do statusu na rynku pracy w słowniku 2021-2027</source>
        <translation>“of which” does not fit the labour-market status in the 2021-2027 dictionary</translation>
    </message>
    <message>
        <source>obywatel państwa trzeciego, a obywatelstwo polskie lub kraju UE</source>
        <translation>third-country national, yet Polish or EU citizenship</translation>
    </message>
    <message>
        <source>brak rozpoczętej formy wsparcia (zaplanowane formy nie są wsparciem udzielonym)</source>
        <translation>no form of support has started (planned forms are not support given)</translation>
    </message>
    <message>
        <source>Program jest finansowany z perspektywy {period}: dane jego uczestników zapisuje się w układzie {layout}.</source>
        <translation>The programme is funded from the {period} period: its participants’ data are written in the {layout} layout.</translation>
    </message>
    <message>
        <source>Pliku „{name}” nie da się odczytać jako arkusza XLSX.</source>
        <translation>The file “{name}” cannot be read as an XLSX sheet.</translation>
    </message>
    <message>
        <source>Plik „{name}” musi mieć rozszerzenie .xlsx albo .csv.</source>
        <translation>The file “{name}” must have the extension .xlsx or .csv.</translation>
    </message>
    <message>
        <source>Nie znaleziono pliku „{name}”.</source>
        <translation>The file “{name}” was not found.</translation>
    </message>
    <message>
        <source>W pliku „{name}” nie ma wiersza nagłówków z kolumnami „Imię” i „Nazwisko”.</source>
        <translation>The file “{name}” has no header row with the columns “Imię” and “Nazwisko”.</translation>
    </message>
</context>
<context>
    <name>EfsReportDialog</name>
    <message>
        <source>Dane uczestników dla SL2014 / SM EFS</source>
        <translation>Participant data for SL2014 / SM EFS</translation>
    </message>
    <message>
        <source>Zapisano dane {count} uczestników do pliku:
{path}</source>
        <translation>Data of {count} participants saved to the file:
{path}</translation>
    </message>
    <message>
        <source>Pominięto {count} osób, którym brakuje danych wymaganych w zestawie EFS. Uzupełnij je (dwuklik otwiera stronę osoby) i wyeksportuj ponownie:</source>
        <translation>{count} people were skipped because they lack data required in the EFS data set. Fill it in (double-click opens the person&apos;s page) and export again:</translation>
    </message>
    <message>
        <source>Nie wyeksportowano {count} osób, które nie przystąpiły do programu (kandydaci i lista rezerwowa); są na liście poniżej.</source>
        <translation>{count} people who have not joined the programme (candidates and the reserve list) were not exported; they are listed below.</translation>
    </message>
    <message>
        <source>Nikogo nie pominięto.</source>
        <translation>No one was skipped.</translation>
    </message>
    <message>
        <source>Osoby pominięte w eksporcie</source>
        <translation>People skipped in the export</translation>
    </message>
    <message>
        <source>Nazwisko i imię</source>
        <translation>Surname and first name</translation>
    </message>
    <message>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <source>Dlaczego pominięto</source>
        <translation>Why left out</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <source>Zapisy na wydarzenie</source>
        <translation>Event enrolment</translation>
    </message>
    <message>
        <source>Wydarzenie</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Zajęte miejsca</source>
        <translation>Places taken</translation>
    </message>
    <message>
        <source>Sposób zapisu</source>
        <translation>Enrolment method</translation>
    </message>
    <message>
        <source>&amp;Szukaj osoby (nazwisko, imię, PESEL):</source>
        <translation>&amp;Search for a person (surname, first name, PESEL):</translation>
    </message>
    <message>
        <source>Zapi&amp;sz zaznaczone osoby</source>
        <translation>E&amp;nrol the selected people</translation>
    </message>
    <message>
        <source>Zapisz zaznaczone osoby</source>
        <translation>Enrol the selected people</translation>
    </message>
    <message>
        <source>Zapisz osoby zaznaczone na liście (Enter na liście)</source>
        <translation>Enrol the people selected in the list (Enter in the list)</translation>
    </message>
    <message>
        <source>Osoby</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Szukaj rodziny</source>
        <translation>Search for a family</translation>
    </message>
    <message>
        <source>nazwa rodziny lub ulica, np. „Kowalscy”</source>
        <translation>family name or street, e.g. “Kowalscy”</translation>
    </message>
    <message>
        <source>Szukaj &amp;rodziny (gospodarstwa domowego):</source>
        <translation>Search for a &amp;family (household):</translation>
    </message>
    <message>
        <source>Znalezione rodziny</source>
        <translation>Families found</translation>
    </message>
    <message>
        <source>Zapisz &amp;całą rodzinę</source>
        <translation>Enrol the &amp;whole family</translation>
    </message>
    <message>
        <source>Zapisz całą rodzinę</source>
        <translation>Enrol the whole family</translation>
    </message>
    <message>
        <source>Cała rodzina</source>
        <translation>Whole family</translation>
    </message>
    <message>
        <source>Lista do zaznaczenia</source>
        <translation>List to tick</translation>
    </message>
    <message>
        <source>Skopiuj zapisy z innego wydarzenia</source>
        <translation>Copy the enrolment of another event</translation>
    </message>
    <message>
        <source>Zapisz osoby zapisane na inne wydarzenie (albo obecne na nim)</source>
        <translation>Enrol the people enrolled on another event (or present at it)</translation>
    </message>
    <message>
        <source>Zapisani i lista rezerwowa</source>
        <translation>Enrolled and reserve list</translation>
    </message>
    <message>
        <source>Lp.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Nazwisko i imię</source>
        <translation>Surname and first name</translation>
    </message>
    <message>
        <source>Zapis</source>
        <translation>Enrolment</translation>
    </message>
    <message>
        <source>&amp;Zapisani:</source>
        <translation>&amp;Enrolled:</translation>
    </message>
    <message>
        <source>&amp;Wypisz zaznaczoną osobę</source>
        <translation>&amp;Unenrol the selected person</translation>
    </message>
    <message>
        <source>Wypisz zaznaczoną osobę</source>
        <translation>Unenrol the selected person</translation>
    </message>
    <message>
        <source>Wypisz z wydarzenia (Delete); pierwsza osoba z listy rezerwowej zajmie zwolnione miejsce</source>
        <translation>Unenrol from the event (Delete); the first person on the reserve list takes the freed place</translation>
    </message>
    <message>
        <source>Wynik zapisu</source>
        <translation>Enrolment result</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Zamknij okno zapisów</source>
        <translation>Close the enrolment window</translation>
    </message>
    <message>
        <source>Zapisanych: {enrolled} z {capacity} miejsc</source>
        <translation>Enrolled: {enrolled} of {capacity} places</translation>
    </message>
    <message>
        <source>Zapisanych: {enrolled} (bez limitu miejsc)</source>
        <translation>Enrolled: {enrolled} (no limit on places)</translation>
    </message>
    <message>
        <source>; lista rezerwowa: {waiting}</source>
        <translation>; reserve list: {waiting}</translation>
    </message>
    <message>
        <source>osoba nr {id}</source>
        <translation>person no. {id}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Zapisano ({count}):&lt;/b&gt; {names}.</source>
        <translation>&lt;b&gt;Enrolled ({count}):&lt;/b&gt; {names}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lista rezerwowa ({count})&lt;/b&gt; — brak wolnych miejsc: {names}. Wejdą na listę, gdy ktoś się wypisze.</source>
        <translation>&lt;b&gt;Reserve list ({count})&lt;/b&gt; — no free places: {names}. They will move up when someone unenrols.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Odmowa:&lt;/b&gt; {name} — {reason}.</source>
        <translation>&lt;b&gt;Refused:&lt;/b&gt; {name} — {reason}.</translation>
    </message>
    <message>
        <source>Już byli zapisani: {names}.</source>
        <translation>Already enrolled: {names}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uwaga:&lt;/b&gt; {name} jest tego dnia o tej porze zapisany(-a) także na „{title}”.</source>
        <translation>&lt;b&gt;Note:&lt;/b&gt; {name} is also enrolled for “{title}” at the same time on that day.</translation>
    </message>
    <message>
        <source>Nikogo nie zapisano.</source>
        <translation>Nobody was enrolled.</translation>
    </message>
    <message>
        <source>Zapis obejmuje spotkania ({count}): {dates}.</source>
        <translation>The enrolment covers the meetings ({count}): {dates}.</translation>
    </message>
    <message>
        <source>Bez zmian (obecność już zapisana): {dates}.</source>
        <translation>Unchanged (attendance already recorded): {dates}.</translation>
    </message>
    <message>
        <source>Najpierw wyszukaj i zaznacz osoby do zapisania.</source>
        <translation>First search for and select the people to enrol.</translation>
    </message>
    <message>
        <source>{name}, {address} — osób: {members}</source>
        <translation>{name}, {address} — people: {members}</translation>
    </message>
    <message>
        <source>bez adresu</source>
        <translation>no address</translation>
    </message>
    <message>
        <source>Najpierw wyszukaj i zaznacz rodzinę.</source>
        <translation>First search for and select a family.</translation>
    </message>
    <message>
        <source>Zakres: {scope}.</source>
        <translation>Scope: {scope}.</translation>
    </message>
    <message>
        <source>Wypisać z wydarzenia?</source>
        <translation>Unenrol from the event?</translation>
    </message>
    <message>
        <source>Wypisać {name} z wydarzenia „{title}”?</source>
        <translation>Unenrol {name} from the event “{title}”?</translation>
    </message>
    <message>
        <source>Skopiuj zapisy z i&amp;nnego wydarzenia…</source>
        <translation>Copy enrolment from a&amp;nother event…</translation>
    </message>
    <message>
        <source>Wypisz</source>
        <translation>Unenrol</translation>
    </message>
    <message>
        <source>Nie wypisuj</source>
        <translation>Keep enrolled</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wypisano:&lt;/b&gt; {name}.</source>
        <translation>&lt;b&gt;Unenrolled:&lt;/b&gt; {name}.</translation>
    </message>
    <message>
        <source>Spotkania ({count}): {dates}.</source>
        <translation>Meetings ({count}): {dates}.</translation>
    </message>
    <message>
        <source>Zostaje na spotkaniach z zapisaną obecnością: {dates}.</source>
        <translation>Stays on the meetings with recorded attendance: {dates}.</translation>
    </message>
    <message>
        <source>Z listy rezerwowej na zwolnione miejsce wchodzi: &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>The freed place goes to the next person on the reserve list: &lt;b&gt;{name}&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>Enums</name>
    <message>
        <source>kandydat</source>
        <translation>candidate</translation>
    </message>
    <message>
        <source>uczestnik</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>zakończył</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>przerwał</source>
        <translation>dropped out</translation>
    </message>
    <message>
        <source>rezerwa</source>
        <translation>reserve list</translation>
    </message>
    <message>
        <source>kobieta</source>
        <translation>female</translation>
    </message>
    <message>
        <source>mężczyzna</source>
        <translation>male</translation>
    </message>
    <message>
        <source>ubóstwo</source>
        <translation>poverty</translation>
    </message>
    <message>
        <source>sieroctwo</source>
        <translation>orphanhood</translation>
    </message>
    <message>
        <source>bezdomność</source>
        <translation>homelessness</translation>
    </message>
    <message>
        <source>bezrobocie</source>
        <translation>unemployment</translation>
    </message>
    <message>
        <source>niepełnosprawność</source>
        <translation>disability</translation>
    </message>
    <message>
        <source>długotrwała lub ciężka choroba</source>
        <translation>long-term or serious illness</translation>
    </message>
    <message>
        <source>przemoc domowa</source>
        <translation>domestic violence</translation>
    </message>
    <message>
        <source>potrzeba ochrony ofiar handlu ludźmi</source>
        <translation>need to protect victims of human trafficking</translation>
    </message>
    <message>
        <source>potrzeba ochrony macierzyństwa lub wielodzietności</source>
        <translation>need to protect motherhood or large families</translation>
    </message>
    <message>
        <source>bezradność w sprawach opiekuńczo-wychowawczych i prowadzenia gospodarstwa domowego</source>
        <translation>helplessness in childcare and upbringing matters and in running a household</translation>
    </message>
    <message>
        <source>trudności w przystosowaniu do życia młodzieży opuszczającej placówki</source>
        <translation>difficulties adapting to life for young people leaving care institutions</translation>
    </message>
    <message>
        <source>trudności w integracji cudzoziemców</source>
        <translation>difficulties in integrating foreigners</translation>
    </message>
    <message>
        <source>trudności po opuszczeniu zakładu karnego</source>
        <translation>difficulties after release from prison</translation>
    </message>
    <message>
        <source>alkoholizm lub narkomania</source>
        <translation>alcoholism or drug addiction</translation>
    </message>
    <message>
        <source>zdarzenie losowe i sytuacja kryzysowa</source>
        <translation>random event or crisis situation</translation>
    </message>
    <message>
        <source>klęska żywiołowa lub ekologiczna</source>
        <translation>natural or environmental disaster</translation>
    </message>
    <message>
        <source>podstawowe (ISCED 1)</source>
        <translation>primary (ISCED 1)</translation>
    </message>
    <message>
        <source>gimnazjalne (ISCED 2)</source>
        <translation>lower secondary (ISCED 2)</translation>
    </message>
    <message>
        <source>ponadgimnazjalne (ISCED 3)</source>
        <translation>upper secondary (ISCED 3)</translation>
    </message>
    <message>
        <source>policealne (ISCED 4)</source>
        <translation>post-secondary (ISCED 4)</translation>
    </message>
    <message>
        <source>wyższe (ISCED 5-8)</source>
        <translation>higher (ISCED 5-8)</translation>
    </message>
    <message>
        <source>osoba bezrobotna zarejestrowana w ewidencji urzędów pracy</source>
        <translation>unemployed person registered at a labour office</translation>
    </message>
    <message>
        <source>osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy</source>
        <translation>unemployed person not registered at a labour office</translation>
    </message>
    <message>
        <source>osoba bierna zawodowo</source>
        <translation>economically inactive person</translation>
    </message>
    <message>
        <source>osoba pracująca</source>
        <translation>employed person</translation>
    </message>
    <message>
        <source>Odmowa podania informacji</source>
        <translation>Refused to answer</translation>
    </message>
    <message>
        <source>lekki</source>
        <translation>mild</translation>
    </message>
    <message>
        <source>umiarkowany</source>
        <translation>moderate</translation>
    </message>
    <message>
        <source>znaczny</source>
        <translation>severe</translation>
    </message>
    <message>
        <source>obecny</source>
        <translation>present</translation>
    </message>
    <message>
        <source>nieobecny</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>usprawiedliwiony</source>
        <translation>excused</translation>
    </message>
    <message>
        <source>zapisany</source>
        <translation>enrolled</translation>
    </message>
    <message>
        <source>lista rezerwowa</source>
        <translation>reserve list</translation>
    </message>
    <message>
        <source>wypisany</source>
        <translation>unenrolled</translation>
    </message>
    <message>
        <source>planowane</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>odbyło się</source>
        <translation>held</translation>
    </message>
    <message>
        <source>odwołane</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>pracownik</source>
        <translation>staff member</translation>
    </message>
    <message>
        <source>animator</source>
        <translation>animator</translation>
    </message>
    <message>
        <source>wolontariusz</source>
        <translation>volunteer</translation>
    </message>
    <message>
        <source>trener zewnętrzny</source>
        <translation>external trainer</translation>
    </message>
    <message>
        <source>zasiłek celowy</source>
        <translation>special-purpose benefit</translation>
    </message>
    <message>
        <source>zasiłek celowy w ramach kontraktu socjalnego (art. 39a)</source>
        <translation>purpose benefit under a social contract (art. 39a)</translation>
    </message>
    <message>
        <source>zasiłek celowy — zdarzenie losowe, klęska żywiołowa lub ekologiczna (art. 40)</source>
        <translation>purpose benefit — chance event, natural or ecological disaster (art. 40)</translation>
    </message>
    <message>
        <source>specjalny zasiłek celowy (art. 41 pkt 1)</source>
        <translation>special purpose benefit (art. 41(1))</translation>
    </message>
    <message>
        <source>zasiłek celowy lub pomoc rzeczowa pod warunkiem zwrotu (art. 41 pkt 2)</source>
        <translation>purpose benefit or material help on condition of repayment (art. 41(2))</translation>
    </message>
    <message>
        <source>zasiłek okresowy</source>
        <translation>periodic benefit</translation>
    </message>
    <message>
        <source>zasiłek stały</source>
        <translation>permanent benefit</translation>
    </message>
    <message>
        <source>żywność</source>
        <translation>food</translation>
    </message>
    <message>
        <source>leki i leczenie</source>
        <translation>medicines and treatment</translation>
    </message>
    <message>
        <source>opał</source>
        <translation>fuel</translation>
    </message>
    <message>
        <source>odzież</source>
        <translation>clothing</translation>
    </message>
    <message>
        <source>niezbędne przedmioty użytku domowego</source>
        <translation>essential household items</translation>
    </message>
    <message>
        <source>drobne remonty i naprawy w mieszkaniu</source>
        <translation>minor repairs in the home</translation>
    </message>
    <message>
        <source>koszty pogrzebu</source>
        <translation>funeral costs</translation>
    </message>
    <message>
        <source>produkt</source>
        <translation>product</translation>
    </message>
    <message>
        <source>rezultat</source>
        <translation>result</translation>
    </message>
    <message>
        <source>cel szczegółowy</source>
        <translation>specific goal</translation>
    </message>
    <message>
        <source>kierunek działań</source>
        <translation>line of action</translation>
    </message>
    <message>
        <source>sposób i metoda pracy</source>
        <translation>working approach and method</translation>
    </message>
    <message>
        <source>planowane działanie</source>
        <translation>planned activity</translation>
    </message>
    <message>
        <source>realizator</source>
        <translation>implementing body</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>partner</translation>
    </message>
    <message>
        <source>źródło finansowania</source>
        <translation>funding source</translation>
    </message>
    <message>
        <source>w trakcie</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>zrealizowane</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>przerwane</source>
        <translation>discontinued</translation>
    </message>
    <message>
        <source>praca socjalna</source>
        <extracomment>Forms of support a participant&apos;s individual path is made of (the EU data set&apos;s &quot;Rodzaj wsparcia&quot;).</extracomment>
        <translation>social work</translation>
    </message>
    <message>
        <source>spotkania sąsiedzkie</source>
        <translation>neighbourhood meetings</translation>
    </message>
    <message>
        <source>warsztaty i treningi</source>
        <translation>workshops and training sessions</translation>
    </message>
    <message>
        <source>szkolenie/kurs zawodowy</source>
        <translation>vocational training/course</translation>
    </message>
    <message>
        <source>staż</source>
        <translation>internship</translation>
    </message>
    <message>
        <source>imprezy integracyjne</source>
        <translation>community integration events</translation>
    </message>
    <message>
        <source>pomoc pieniężna</source>
        <translation>cash assistance</translation>
    </message>
    <message>
        <source>wolontariat</source>
        <translation>volunteering</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>spotkanie sąsiedzkie</source>
        <extracomment>The event types an office starts with; the list is editable (stored in its own table).</extracomment>
        <translation>neighbourhood meeting</translation>
    </message>
    <message>
        <source>warsztat</source>
        <translation>workshop</translation>
    </message>
    <message>
        <source>trening</source>
        <translation>training session</translation>
    </message>
    <message>
        <source>szkolenie/kurs</source>
        <translation>training/course</translation>
    </message>
    <message>
        <source>doradztwo zawodowe</source>
        <translation>career guidance</translation>
    </message>
    <message>
        <source>niższe niż podstawowe (ISCED 0)</source>
        <translation>below primary (ISCED 0)</translation>
    </message>
    <message>
        <source>profilaktyka uzależnień</source>
        <translation>addiction prevention</translation>
    </message>
    <message>
        <source>terapia uzależnień</source>
        <translation>addiction therapy</translation>
    </message>
    <message>
        <source>koordynator</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <source>podgląd</source>
        <translation>viewer</translation>
    </message>
    <message>
        <source>impreza integracyjna</source>
        <translation>community integration event</translation>
    </message>
    <message>
        <source>Akademia Lidera</source>
        <translation>Leader Academy</translation>
    </message>
    <message>
        <source>gala wolontariuszy</source>
        <translation>volunteer gala</translation>
    </message>
    <message>
        <source>inne</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Tak</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nie</source>
        <translation>No</translation>
    </message>
    <message>
        <source>2014-2020 (SL2014)</source>
        <translation>2014-2020 (SL2014)</translation>
    </message>
    <message>
        <source>2021-2027 (SM EFS)</source>
        <translation>2021-2027 (SM EFS)</translation>
    </message>
    <message>
        <source>Obywatelstwo polskie</source>
        <translation>Polish citizenship</translation>
    </message>
    <message>
        <source>Brak polskiego obywatelstwa – obywatel kraju UE</source>
        <translation>No Polish citizenship – citizen of an EU country</translation>
    </message>
    <message>
        <source>Brak polskiego obywatelstwa lub UE</source>
        <translation>No Polish or EU citizenship</translation>
    </message>
    <message>
        <source>Bezpaństwowiec</source>
        <translation>Stateless person</translation>
    </message>
    <message>
        <source>Osoba długotrwale bezrobotna</source>
        <translation>Long-term unemployed person</translation>
    </message>
    <message>
        <source>Osoba ucząca się/kształcąca się</source>
        <translation>Person in education or training</translation>
    </message>
    <message>
        <source>Osoba nieuczestnicząca w kształceniu lub szkoleniu</source>
        <translation>Person not in education or training</translation>
    </message>
    <message>
        <source>Osoba pracująca w administracji rządowej</source>
        <translation>Person employed in central government</translation>
    </message>
    <message>
        <source>Osoba pracująca w administracji samorządowej</source>
        <translation>Person employed in local government</translation>
    </message>
    <message>
        <source>Osoba pracująca w MMŚP</source>
        <translation>Person employed in an SME</translation>
    </message>
    <message>
        <source>Osoba pracująca w organizacji pozarządowej</source>
        <translation>Person employed in a non-governmental organisation</translation>
    </message>
    <message>
        <source>Osoba prowadząca działalność na własny rachunek</source>
        <translation>Self-employed person</translation>
    </message>
    <message>
        <source>Osoba pracująca w dużym przedsiębiorstwie</source>
        <translation>Person employed in a large enterprise</translation>
    </message>
    <message>
        <source>Inne</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Podjęcie pracy</source>
        <extracomment>The &quot;w tym&quot; a status allows. 2021-2027 has no &quot;nieuczestnicząca w kształceniu&quot; (see efs_2021).</extracomment>
        <translation>Took up employment</translation>
    </message>
    <message>
        <source>Kontynuacja zatrudnienia</source>
        <translation>Continued employment</translation>
    </message>
    <message>
        <source>Podjęcie kształcenia lub szkolenia</source>
        <translation>Took up education or training</translation>
    </message>
    <message>
        <source>Poszukiwanie pracy</source>
        <translation>Looking for work</translation>
    </message>
    <message>
        <source>Nabycie kwalifikacji lub kompetencji</source>
        <translation>Gained qualifications or competences</translation>
    </message>
    <message>
        <source>Brak zmian</source>
        <translation>No change</translation>
    </message>
    <message>
        <source>Instruktor praktycznej nauki zawodu</source>
        <translation>Vocational training instructor</translation>
    </message>
    <message>
        <source>Nauczyciel kształcenia ogólnego</source>
        <translation>General education teacher</translation>
    </message>
    <message>
        <source>Nauczyciel wychowania przedszkolnego</source>
        <translation>Pre-school teacher</translation>
    </message>
    <message>
        <source>Nauczyciel kształcenia zawodowego</source>
        <translation>Vocational education teacher</translation>
    </message>
    <message>
        <source>Pracownik instytucji systemu ochrony zdrowia</source>
        <translation>Health care institution employee</translation>
    </message>
    <message>
        <source>Kluczowy pracownik instytucji pomocy i integracji społecznej</source>
        <translation>Key employee of a social assistance and integration institution</translation>
    </message>
    <message>
        <source>Pracownik instytucji rynku pracy</source>
        <translation>Labour market institution employee</translation>
    </message>
    <message>
        <source>Pracownik instytucji szkolnictwa wyższego</source>
        <translation>Higher education institution employee</translation>
    </message>
    <message>
        <source>Pracownik instytucji systemu wspierania rodziny i pieczy zastępczej</source>
        <translation>Employee of a family support and foster care institution</translation>
    </message>
    <message>
        <source>Pracownik ośrodka wsparcia ekonomii społecznej</source>
        <translation>Social economy support centre employee</translation>
    </message>
    <message>
        <source>Pracownik poradni psychologiczno-pedagogicznej</source>
        <translation>Psychological and pedagogical counselling centre employee</translation>
    </message>
    <message>
        <source>Rolnik</source>
        <translation>Farmer</translation>
    </message>
    <message>
        <source>Inny</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>PAL Desktop — błąd</source>
        <translation>PAL Desktop — error</translation>
    </message>
    <message>
        <source>Komunikat o błędzie</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>PAL Desktop — nieoczekiwany błąd</source>
        <translation>PAL Desktop — unexpected error</translation>
    </message>
    <message>
        <source>W programie wystąpił nieoczekiwany błąd.</source>
        <translation>An unexpected error occurred in the program.</translation>
    </message>
    <message>
        <source>Nieoczekiwany błąd programu</source>
        <translation>Unexpected program error</translation>
    </message>
    <message>
        <source>Dane zapisane wcześniej są bezpieczne. Jeśli błąd się powtarza, przekaż opis poniżej osobie, która opiekuje się programem.</source>
        <translation>Data saved earlier is safe. If the error happens again, send the details below to the person who looks after the program.</translation>
    </message>
    <message>
        <source>Szczegóły zapisano w pliku dziennika:
{path}</source>
        <translation>The details were written to the log file:
{path}</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Nie ma programu o numerze {id}.</source>
        <extracomment>(band label, by sex) of the people covered; the last band is &quot;brak danych&quot;. (reason, people covered giving it), every reason, in the act&apos;s order. Present of the marks counted in the held events (as the indicators count it); None without marks.
----------
The settings that describe the area (see the module&apos;s docstring), with their defaults. Candidates and the reserve list: not in the data set because they have not joined, named so none is missed.
----------
(hours a day, hours a week): everyone, and a person with a moderate or severe disability. False when the programme sets none and the defaults above apply.
----------
How each product of seed section XI is counted from the records (the indicators&apos; ``measure``).
----------
Column order of every breakdown by sex: women, men, sex not recorded. Left by the period&apos;s end with &quot;zgodnie ze ścieżką&quot; other than yes (no, refused or not recorded). The bands&apos; labels in order; the last row of ``by_age`` is &quot;brak danych&quot; (no birth date). (band label, by sex) of the people covered, age at joining. Planned, their date not yet come. Planned, their date passed, never marked as held: *zaległe — nie oznaczono*.</extracomment>
        <translation>There is no programme with number {id}.</translation>
    </message>
    <message>
        <source>Wiersz {row}: ktoś zmienił albo usunął tę osobę w rejestrze po przygotowaniu podglądu. Przygotuj podgląd ponownie; nic nie zostało zapisane.</source>
        <translation>Row {row}: someone changed or deleted this person in the register after the preview was prepared. Prepare the preview again; nothing was saved.</translation>
    </message>
    <message>
        <source>Ktoś inny zmienił ten rekord w międzyczasie. Odśwież widok i wprowadź zmianę ponownie; nic nie zostało zapisane.</source>
        <extracomment>Engines of the databases opened in this process, so that a command can close them all when it ends.</extracomment>
        <translation>Someone else changed this record in the meantime. Refresh the view and make your change again; nothing was saved.</translation>
    </message>
    <message>
        <source>Nie ma animatora o numerze {id}.</source>
        <translation>There is no animator with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma inicjatywy o numerze {id}.</source>
        <translation>There is no initiative with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma gospodarstwa domowego o numerze {id}.</source>
        <extracomment>Whose page shows the family: the member&apos;s own, else the head&apos;s, else any participant&apos;s of the family.</extracomment>
        <translation>There is no household with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma uczestnika o numerze {id}.</source>
        <extracomment>A participant who has left cannot start a new internship.
----------
The page&apos;s history shows changes of the record; who opened or printed it is in the access log. False when the signed-in role may not see cash assistance (then ``cash`` is empty). The office&apos;s threshold of a low attendance rate, in percent (services.attendance.attendance_rules).</extracomment>
        <translation>There is no participant with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma pozycji ścieżki o numerze {id}.</source>
        <translation>There is no support path item with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma rodzaju wydarzenia o numerze {id}.</source>
        <translation>There is no event type with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma cyklu zajęć o numerze {id}.</source>
        <translation>There is no series number {id}.</translation>
    </message>
    <message>
        <source>Nie ma wydarzenia o numerze {id}.</source>
        <translation>There is no event with number {id}.</translation>
    </message>
    <message>
        <source>Cykl nie ma spotkań w miesiącu {month}.</source>
        <translation>The series has no sessions in {month}.</translation>
    </message>
    <message>
        <source>W bazie nie ma jeszcze żadnego programu.</source>
        <extracomment>Dated before today and still &quot;planowane&quot;. The planned number of events as set on the task (None: the events recorded under it are the plan). Events the task should have (its planned number, else the events recorded under it). Events that took place (status &quot;odbyło się&quot;, or dated today or earlier and not cancelled). Events dated before today still &quot;planowane&quot;. Share of the task&apos;s days that have passed (0.0–1.0). Events of the programme not assigned to any task. The version the editor (or the chart) loaded: a change to a task someone else saved since is refused. The dates asked for fell outside the programme&apos;s period and were moved inside it. The task&apos;s version after the move (what an undo of it starts from).</extracomment>
        <translation>There are no programmes in the database yet.</translation>
    </message>
    <message>
        <source>Nie ma zadania harmonogramu o numerze {id} (mogło zostać usunięte). Odśwież widok.</source>
        <translation>There is no schedule task with number {id} (it may have been deleted). Refresh the view.</translation>
    </message>
    <message>
        <source>Nie ma wolontariusza o numerze {id}.</source>
        <translation>There is no volunteer with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma porozumienia o numerze {id}.</source>
        <translation>There is no agreement with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma wpisu godzin o numerze {id}.</source>
        <translation>There is no hours entry with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma wskaźnika o numerze {id}.</source>
        <extracomment>(programme item id, position, text) of the programme&apos;s specific goals. (indicator id, name) of the result indicators a product may support (empty for a result indicator). The indicator&apos;s version when read: a save over a newer one is refused (``expected_version``).</extracomment>
        <translation>There is no indicator with number {id}.</translation>
    </message>
    <message>
        <source>Ktoś inny zmienił ten wskaźnik, gdy był otwarty u Ciebie (wartość docelowa teraz: {target}); nic nie zostało zapisane. Zamknij okno i otwórz wskaźnik ponownie.</source>
        <extracomment>``target`` left as it is.</extracomment>
        <translation>Someone else changed this indicator while it was open on your computer (its target is now: {target}); nothing was saved. Close the window and open the indicator again.</translation>
    </message>
    <message>
        <source>Nie ma stażu o numerze {id}.</source>
        <translation>There is no internship with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma pomocy pieniężnej o numerze {id}.</source>
        <translation>There is no cash assistance with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma konta „{login}”.</source>
        <translation>There is no account “{login}”.</translation>
    </message>
    <message>
        <source>Dane uczestnika nr {id} zanonimizowano {when}; nie można ich zmieniać.</source>
        <translation>The data of participant no. {id} was anonymised on {when}; it cannot be changed.</translation>
    </message>
    <message>
        <source>Ktoś inny zmienił ten wpis, gdy był otwarty u Ciebie; nic nie zostało zapisane. Zmiany tamtej osoby: {changes}. Zamknij okno, otwórz wpis ponownie i wprowadź swoją zmianę.</source>
        <extracomment>Both people changed it, to different values: the user chooses. Only the other person changed it (a merge takes theirs); otherwise only the user did (a merge keeps mine).</extracomment>
        <translation>Someone else changed this entry while you had it open; nothing was saved. Their changes: {changes}. Close the window, open the entry again and make your change.</translation>
    </message>
    <message>
        <source>Nie ma wersji {id} raportu końcowego tego programu.</source>
        <translation>This programme&apos;s final report has no version {id}.</translation>
    </message>
    <message>
        <source>Nie ma zadania o numerze {id}.</source>
        <translation>There is no task number {id}.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edycja wydarzenia</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>Nowe wydarzenie</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>np. Warsztaty kulinarne dla seniorów</source>
        <translation>e.g. Cooking workshops for seniors</translation>
    </message>
    <message>
        <source>&amp;Temat:</source>
        <translation>&amp;Topic:</translation>
    </message>
    <message>
        <source>Temat wydarzenia</source>
        <translation>Event topic</translation>
    </message>
    <message>
        <source>(nie wybrano)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <source> (ukryty)</source>
        <translation> (hidden)</translation>
    </message>
    <message>
        <source>&amp;Rodzaj:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>Rodzaj wydarzenia</source>
        <translation>Event type</translation>
    </message>
    <message>
        <source>(bez zadania)</source>
        <translation>(no task)</translation>
    </message>
    <message>
        <source>Zadanie z &amp;harmonogramu:</source>
        <translation>Schedule tas&amp;k:</translation>
    </message>
    <message>
        <source>Zadanie z harmonogramu</source>
        <translation>Schedule task</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Data wydarzenia</source>
        <translation>Event date</translation>
    </message>
    <message>
        <source>Godzina rozpoczęcia</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>Godzina zakończenia</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>gg:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <source>d&amp;o</source>
        <translation>t&amp;o</translation>
    </message>
    <message>
        <source>&amp;Godziny od:</source>
        <translation>&amp;Hours from:</translation>
    </message>
    <message>
        <source>Godziny</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>np. Świetlica wiejska, ul. Szkolna 3</source>
        <translation>e.g. Świetlica wiejska, ul. Szkolna 3</translation>
    </message>
    <message>
        <source>&amp;Miejsce:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <source>Miejsce</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Kto prowadzi</source>
        <translation>Who leads</translation>
    </message>
    <message>
        <source>(nie podano)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>Imię i nazwisko prowadzącego</source>
        <translation>Leader&apos;s full name</translation>
    </message>
    <message>
        <source>imię i nazwisko</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>Animator prowadzący</source>
        <translation>Leading animator</translation>
    </message>
    <message>
        <source>Wolontariusz prowadzący</source>
        <translation>Leading volunteer</translation>
    </message>
    <message>
        <source>&amp;Prowadzący:</source>
        <translation>Led &amp;by:</translation>
    </message>
    <message>
        <source>Prowadzący</source>
        <translation>Led by</translation>
    </message>
    <message>
        <source>bez limitu</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>0 — bez limitu miejsc; ponad limit osoby trafiają na listę rezerwową</source>
        <translation>0 — no limit on places; above the limit, people go onto the reserve list</translation>
    </message>
    <message>
        <source>&amp;Liczba miejsc:</source>
        <translation>&amp;Capacity:</translation>
    </message>
    <message>
        <source>Liczba miejsc</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>z udział&amp;em dzieci</source>
        <translation>with chil&amp;dren</translation>
    </message>
    <message>
        <source>Prowadzący i pomagający muszą mieć sprawdzenie w rejestrze sprawców, informację z KRK i oświadczenie o krajach zamieszkania (art. 21 ustawy o ochronie małoletnich)</source>
        <translation>The leader and helpers must have a check in the offenders&apos; register, a criminal record certificate and a statement on countries of residence (art. 21 of the act on the protection of minors)</translation>
    </message>
    <message>
        <source>Dzieci:</source>
        <translation>Children:</translation>
    </message>
    <message>
        <source>Wydarzenie z udziałem dzieci</source>
        <translation>Event with children</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>Status wydarzenia</source>
        <translation>Event status</translation>
    </message>
    <message>
        <source>&amp;Uwagi:</source>
        <translation>Not&amp;es:</translation>
    </message>
    <message>
        <source>Uwagi</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>To spotkanie należy do cyklu zajęć. Zmiany dotyczą tylko tego spotkania.</source>
        <translation>This session is part of a series of sessions. Changes apply only to this session.</translation>
    </message>
    <message>
        <source>Błąd</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Czego brakuje do zapisania</source>
        <translation>What is missing before saving</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zapisz wydarzenie</source>
        <translation>Save the event</translation>
    </message>
    <message>
        <source>Zapisz (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Zamknij bez zapisywania (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <source>Błąd: {field}</source>
        <translation>Error: {field}</translation>
    </message>
    <message>
        <source>&amp;Cykl zajęć — kilka spotkań o tej samej porze</source>
        <translation>Se&amp;ries of sessions — several sessions at the same time</translation>
    </message>
    <message>
        <source>Cykl zajęć</source>
        <translation>Series of sessions</translation>
    </message>
    <message>
        <source>Co ile tygodni</source>
        <translation>Interval in weeks</translation>
    </message>
    <message>
        <source> tydz.</source>
        <translation> wk</translation>
    </message>
    <message>
        <source>Liczba spotkań</source>
        <translation>Number of sessions</translation>
    </message>
    <message>
        <source>pomiń dni ś&amp;wiąteczne (spotkanie przechodzi na następny termin)</source>
        <translation>skip pub&amp;lic holidays (the session moves to the next date)</translation>
    </message>
    <message>
        <source>Pomiń dni świąteczne</source>
        <translation>Skip public holidays</translation>
    </message>
    <message>
        <source>Terminy spotkań cyklu</source>
        <translation>Dates of the sessions in the series</translation>
    </message>
    <message>
        <source>co</source>
        <translation>every</translation>
    </message>
    <message>
        <source>l&amp;iczba spotkań:</source>
        <translation>nu&amp;mber of sessions:</translation>
    </message>
    <message>
        <source>W rejestrze nie ma animatorów tego programu.</source>
        <translation>There are no animators of this programme in the register.</translation>
    </message>
    <message>
        <source>Wpisz datę jako dd.mm.rrrr, np. 28.10.2021.</source>
        <translation>Enter the date as dd.mm.yyyy, e.g. 28.10.2021.</translation>
    </message>
    <message>
        <source>Wpisz datę wydarzenia.</source>
        <translation>Enter the event date.</translation>
    </message>
    <message>
        <source>Wpisz godzinę jako gg:mm, np. 16:30.</source>
        <translation>Enter the time as hh:mm, e.g. 16:30.</translation>
    </message>
    <message>
        <source>Aby zapisać: {what}</source>
        <translation>To save: {what}</translation>
    </message>
    <message>
        <source>Spotkania ({count}): {dates}</source>
        <translation>Sessions ({count}): {dates}</translation>
    </message>
    <message>
        <source>pominięto {date} — {holiday}</source>
        <translation>skipped {date} — {holiday}</translation>
    </message>
    <message>
        <source>Zapisano zmiany wydarzenia „{title}”.</source>
        <translation>Saved the changes to the event “{title}”.</translation>
    </message>
    <message>
        <source>Utworzono cykl „{title}”: {count} spotkań, od {first} do {last}.</source>
        <translation>Created the series “{title}”: {count} sessions, from {first} to {last}.</translation>
    </message>
    <message>
        <source>Pominięto {date} — {holiday}.</source>
        <translation>Skipped {date} — {holiday}.</translation>
    </message>
    <message>
        <source>Dodano wydarzenie „{title}” ({date}).</source>
        <translation>Added the event “{title}” ({date}).</translation>
    </message>
    <message>
        <source>Tytuł</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Rodzaj</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Zadanie harmonogramu</source>
        <translation>Schedule task</translation>
    </message>
    <message>
        <source>Od godziny</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Do godziny</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Prowadzi</source>
        <translation>Led by</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Z udziałem dzieci — uwaga: {what}</source>
        <translation>With children — note: {what}</translation>
    </message>
    <message>
        <source>Porzucić zmiany?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>Wprowadzone dane wydarzenia nie zostały zapisane. Zamknąć okno bez zapisywania?</source>
        <translation>The event details you entered have not been saved. Close the window without saving?</translation>
    </message>
    <message>
        <source>Zamknij bez zapisywania</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>Wróć do edycji</source>
        <translation>Back to editing</translation>
    </message>
</context>
<context>
    <name>EventInfoDialog</name>
    <message>
        <source>Wydarzenie: {title}</source>
        <translation>Event: {title}</translation>
    </message>
    <message>
        <source>Informacje o wydarzeniu</source>
        <translation>Event information</translation>
    </message>
    <message>
        <source>{status} — zaległe: termin minął, a wydarzenie nadal ma status „planowane”</source>
        <translation>{status} — overdue: the date has passed but the event still has the status “planned”</translation>
    </message>
    <message>
        <source>Tytuł:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Godziny:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>Rodzaj:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Zadanie:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <source>Miejsce:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <source>Prowadzący:</source>
        <translation>Led by:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Zapisani / obecni:</source>
        <translation>Enrolled / present:</translation>
    </message>
    <message>
        <source> (miejsc: {capacity})</source>
        <translation> (places: {capacity})</translation>
    </message>
    <message>
        <source>Uwagi:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Wydarzenie zmienisz w zakładce Wydarzenia.</source>
        <translation>You can change the event in the Events tab.</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>EventListModel</name>
    <message>
        <source>brak podpisanej listy obecności</source>
        <extracomment>Elements of the row tuple shown in the details under the list rather than as columns (the width is shared with the calendar): the type and the task&apos;s number. The column where a held event without a scanned signed list is flagged. Held events with no scanned signed list (``signed_lists.signed_list_count(...).missing``).</extracomment>
        <translation>no signed attendance list</translation>
    </message>
    <message>
        <source>{title}
Spotkanie cyklu zajęć</source>
        <translation>{title}
Part of a series of sessions</translation>
    </message>
</context>
<context>
    <name>EventTypesDialog</name>
    <message>
        <source>Rodzaje wydarzeń</source>
        <translation>Event types</translation>
    </message>
    <message>
        <source>Lista rodzajów wydarzeń</source>
        <translation>List of event types</translation>
    </message>
    <message>
        <source>Nazwa rodzaju</source>
        <translation>Type name</translation>
    </message>
    <message>
        <source>np. wyjazd integracyjny</source>
        <translation>e.g. integration trip</translation>
    </message>
    <message>
        <source>&amp;Nazwa:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Błąd: nazwa rodzaju</source>
        <translation>Error: type name</translation>
    </message>
    <message>
        <source>&amp;Dodaj nowy</source>
        <translation>&amp;Add new</translation>
    </message>
    <message>
        <source>Dodaj nowy rodzaj o wpisanej nazwie</source>
        <translation>Add a new type with the name entered</translation>
    </message>
    <message>
        <source>&amp;Zmień nazwę</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>Zmień nazwę zaznaczonego rodzaju na wpisaną</source>
        <translation>Rename the selected type to the name entered</translation>
    </message>
    <message>
        <source>&amp;Ukryj</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <source>Ukryj albo przywróć zaznaczony rodzaj</source>
        <translation>Hide or restore the selected type</translation>
    </message>
    <message>
        <source>Ukryty rodzaj nie pojawia się przy nowych wydarzeniach; wydarzenia, które go mają, zachowują go.</source>
        <translation>A hidden type does not appear for new events; events that already have it keep it.</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{name} (ukryty)</source>
        <translation>{name} (hidden)</translation>
    </message>
    <message>
        <source>&amp;Przywróć</source>
        <translation>Re&amp;store</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
    <message>
        <source>Prowadzi {name} ({kind}): program nie ma ich sprawdzeń — potwierdź, że ośrodek ma sprawdzenie w rejestrze sprawców, informację z KRK i oświadczenie o krajach zamieszkania (art. 21).</source>
        <translation>Led by {name} ({kind}): the program holds no checks for them — confirm that the centre has the offenders&apos; register check, the criminal record certificate and the statement on countries of residence (art. 21).</translation>
    </message>
    <message>
        <source>Wydarzenie z udziałem dzieci nie ma prowadzącego — wskaż go, aby sprawdzić jego uprawnienia do pracy z dziećmi.</source>
        <translation>The event with children has no leader — choose one so that their clearance to work with children can be checked.</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Wydarzenia</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Szukaj: temat lub miejsce (Ctrl+F)</source>
        <translation>Search: topic or place (Ctrl+F)</translation>
    </message>
    <message>
        <source>Szuka w temacie i miejscu wydarzenia. Esc czyści pole.</source>
        <translation>Searches the topic and place of the event. Esc clears the field.</translation>
    </message>
    <message>
        <source>Lista wydarzeń</source>
        <translation>List of events</translation>
    </message>
    <message>
        <source>Wydarzeń: {count}</source>
        <translation>Events: {count}</translation>
    </message>
    <message>
        <source>Brak wydarzeń w tym programie.</source>
        <translation>No events in this programme.</translation>
    </message>
    <message>
        <source>Działania na wydarzeniach</source>
        <translation>Event actions</translation>
    </message>
    <message>
        <source>&amp;Nowe wydarzenie…</source>
        <translation>&amp;New event…</translation>
    </message>
    <message>
        <source>Dodaj wydarzenie albo cykl zajęć (Ctrl+N)</source>
        <translation>Add an event or a series of sessions (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edy&amp;tuj…</source>
        <translation>Ed&amp;it…</translation>
    </message>
    <message>
        <source>Zmień zaznaczone wydarzenie (Enter)</source>
        <translation>Edit the selected event (Enter)</translation>
    </message>
    <message>
        <source>Zapi&amp;sy…</source>
        <translation>Enr&amp;olment…</translation>
    </message>
    <message>
        <source>Zapisz uczestników na zaznaczone wydarzenie albo ich wypisz</source>
        <translation>Enrol participants for the selected event or withdraw them</translation>
    </message>
    <message>
        <source>Zapisy uczestników</source>
        <translation>Participant enrolment</translation>
    </message>
    <message>
        <source>O&amp;becność…</source>
        <translation>&amp;Attendance…</translation>
    </message>
    <message>
        <source>Zaznacz, kto przyszedł na zaznaczone wydarzenie</source>
        <translation>Mark who came to the selected event</translation>
    </message>
    <message>
        <source>Obecność na wydarzeniu</source>
        <translation>Event attendance</translation>
    </message>
    <message>
        <source>Prowadzący i po&amp;mocnicy…</source>
        <translation>&amp;Leaders and helpers…</translation>
    </message>
    <message>
        <source>Animatorzy i wolontariusze przy wydarzeniu; godziny wolontariatu</source>
        <translation>Animators and volunteers at the event; volunteer hours</translation>
    </message>
    <message>
        <source>Drukuj &amp;listę obecności</source>
        <translation>&amp;Print attendance list</translation>
    </message>
    <message>
        <source>Lista obecności do podpisu w PDF (Ctrl+P)</source>
        <translation>Attendance list for signing, as a PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Usuń…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Usuń zaznaczone wydarzenie (Delete)</source>
        <translation>Delete the selected event (Delete)</translation>
    </message>
    <message>
        <source>Usuń wydarzenie</source>
        <translation>Delete the event</translation>
    </message>
    <message>
        <source>Rodza&amp;je wydarzeń…</source>
        <translation>Event type&amp;s…</translation>
    </message>
    <message>
        <source>Dodaj, przemianuj albo ukryj rodzaje wydarzeń</source>
        <translation>Add, rename or hide event types</translation>
    </message>
    <message>
        <source>Filtry listy wydarzeń</source>
        <translation>Event list filters</translation>
    </message>
    <message>
        <source>Filtr: zadanie z harmonogramu</source>
        <translation>Filter: schedule task</translation>
    </message>
    <message>
        <source>Zad&amp;anie:</source>
        <translation>Tas&amp;k:</translation>
    </message>
    <message>
        <source>Filtr: rodzaj wydarzenia</source>
        <translation>Filter: event type</translation>
    </message>
    <message>
        <source>Rod&amp;zaj:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>od początku</source>
        <translation>from the start</translation>
    </message>
    <message>
        <source>Filtr: data od</source>
        <translation>Filter: date from</translation>
    </message>
    <message>
        <source>&amp;Od:</source>
        <translation>Fro&amp;m:</translation>
    </message>
    <message>
        <source>do końca</source>
        <translation>to the end</translation>
    </message>
    <message>
        <source>Filtr: data do</source>
        <translation>Filter: date to</translation>
    </message>
    <message>
        <source>&amp;Do:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Filtr: prowadzący</source>
        <translation>Filter: leader</translation>
    </message>
    <message>
        <source>nazwisko prowadzącego</source>
        <translation>leader&apos;s surname</translation>
    </message>
    <message>
        <source>&amp;Kto prowadzi:</source>
        <translation>Led &amp;by:</translation>
    </message>
    <message>
        <source>Wyczyść &amp;filtry</source>
        <translation>&amp;Clear filters</translation>
    </message>
    <message>
        <source>Wyczyść filtry i wyszukiwanie</source>
        <translation>Clear the filters and the search</translation>
    </message>
    <message>
        <source>Zaznaczone wydarzenie</source>
        <translation>Selected event</translation>
    </message>
    <message>
        <source>Komunikat</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Zamknij komunikat</source>
        <translation>Close the message</translation>
    </message>
    <message>
        <source>Najpierw wybierz albo utwórz program.</source>
        <translation>First choose or create a programme.</translation>
    </message>
    <message>
        <source>wszystkie</source>
        <translation>all</translation>
    </message>
    <message>
        <source>{name} (ukryty)</source>
        <translation>{name} (hidden)</translation>
    </message>
    <message>
        <source>Żadne wydarzenie nie spełnia wybranych warunków.</source>
        <translation>No event matches the chosen criteria.</translation>
    </message>
    <message>
        <source>„Wyczyść filtry” pokaże wszystkie wydarzenia.</source>
        <translation>“Clear filters” will show all events.</translation>
    </message>
    <message>
        <source>Wydarzenia z dnia {date}: {count}. „Wyczyść filtry” pokaże wszystkie.</source>
        <translation>Events on {date}: {count}. “Clear filters” will show them all.</translation>
    </message>
    <message>
        <source>Dodaj pierwsze wydarzenie: przycisk „Nowe wydarzenie…” albo Ctrl+N (dwuklik na dniu kalendarza — na ten dzień).</source>
        <translation>Add the first event: the “New event…” button or Ctrl+N (double-click a day in the calendar — for that day).</translation>
    </message>
    <message>
        <source>Zaznacz wydarzenie na liście albo dzień w kalendarzu.</source>
        <translation>Select an event in the list or a day in the calendar.</translation>
    </message>
    <message>
        <source>prowadzi: {name}</source>
        <translation>led by: {name}</translation>
    </message>
    <message>
        <source>zadanie {number} harmonogramu</source>
        <translation>schedule task {number}</translation>
    </message>
    <message>
        <source>zapisanych: {enrolled}</source>
        <translation>enrolled: {enrolled}</translation>
    </message>
    <message>
        <source>obecnych: {present}</source>
        <translation>present: {present}</translation>
    </message>
    <message>
        <source>spotkanie cyklu zajęć</source>
        <translation>session in a series</translation>
    </message>
    <message>
        <source>Zaznacz wydarzenie na liście.</source>
        <translation>Select an event in the list.</translation>
    </message>
    <message>
        <source>Razem z wydarzeniem znikną zapisy ({enrolled}) i zapisana obecność.</source>
        <translation>The enrolments ({enrolled}) and the recorded attendance will be deleted along with the event.</translation>
    </message>
    <message>
        <source>Usunąć wydarzenie?</source>
        <translation>Delete the event?</translation>
    </message>
    <message>
        <source>Usunąć wydarzenie „{title}” z dnia {date}?</source>
        <translation>Delete the event “{title}” on {date}?</translation>
    </message>
    <message>
        <source>Usuń</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Nie usuwaj</source>
        <translation>Don&apos;t delete</translation>
    </message>
    <message>
        <source>Usunięto wydarzenie „{title}”.</source>
        <translation>Event “{title}” deleted.</translation>
    </message>
    <message>
        <source>Lista obecności</source>
        <translation>Attendance list</translation>
    </message>
    <message>
        <source>lista-obecnosci-{date}</source>
        <translation>attendance-list-{date}</translation>
    </message>
    <message>
        <source>Lista obecności cyklu</source>
        <translation>Series attendance list</translation>
    </message>
    <message>
        <source>lista-obecnosci-cykl-{year}-{month:02d}</source>
        <translation>attendance-list-series-{year}-{month:02d}</translation>
    </message>
    <message>
        <source>Lista obecności zapisana w pliku {path}.</source>
        <translation>Attendance list saved in {path}.</translation>
    </message>
    <message>
        <source>Wcz&amp;ytaj skany…</source>
        <translation>Load sc&amp;ans…</translation>
    </message>
    <message>
        <source>Wczytaj skany podpisanych list obecności: PDF, PNG, JPEG (Ctrl+Shift+O)</source>
        <translation>Load scans of signed attendance lists: PDF, PNG, JPEG (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Wczytaj skany list obecności</source>
        <translation>Load scans of attendance lists</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Nazwisko</source>
        <extracomment>The columns of the export, in order: the registry table&apos;s, then the rest of the record, so that an exported sheet imports back (pal-desktop import participants) without losing what the rules require.</extracomment>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Imię</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <source>Data urodzenia</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Płeć</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Kod pocztowy</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Miejscowość</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Data rozpoczęcia</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Data zakończenia</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Powody wsparcia</source>
        <translation>Reasons for support</translation>
    </message>
    <message>
        <source>Nr dokumentu</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Wykształcenie</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Status na rynku pracy</source>
        <translation>Labour market status</translation>
    </message>
    <message>
        <source>Niepełnosprawność</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Stopień niepełnosprawności</source>
        <translation>Degree of disability</translation>
    </message>
    <message>
        <source>Sytuacja w chwili zakończenia</source>
        <translation>Situation on leaving the programme</translation>
    </message>
    <message>
        <source>Deklaracja uczestnictwa</source>
        <translation>Participation declaration</translation>
    </message>
    <message>
        <source>Oświadczenie RODO</source>
        <translation>GDPR statement</translation>
    </message>
    <message>
        <source>Zgoda na wykorzystanie wizerunku</source>
        <translation>Consent to the use of image</translation>
    </message>
    <message>
        <source>Indywidualny plan działania</source>
        <translation>Individual action plan</translation>
    </message>
    <message>
        <source>Plik „{name}” musi mieć rozszerzenie {allowed} — po nim program poznaje format.</source>
        <extracomment>Column widths in the XLSX (characters).</extracomment>
        <translation>The file “{name}” must have the extension {allowed} — the program recognises the format by it.</translation>
    </message>
    <message>
        <source>Uczestnicy</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Eksportuj listę uczestników</source>
        <translation>Export the list of participants</translation>
    </message>
    <message>
        <source>Arkusz Excel (*.xlsx);;CSV dla Excela (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Eksport listy uczestników</source>
        <translation>Exporting the participant list</translation>
    </message>
    <message>
        <source>Zapisano {count} osób do pliku {path}</source>
        <translation>Saved {count} people to the file {path}</translation>
    </message>
    <message>
        <source>Dane uczestników dla SL2014 / SM EFS</source>
        <translation>Participant data for SL2014 / SM EFS</translation>
    </message>
    <message>
        <source>SL2014 (PEFS) — arkusz Excel (*.xlsx);;SM EFS — CSV (*.csv)</source>
        <translation>SL2014 (PEFS) — Excel workbook (*.xlsx);;SM EFS — CSV (*.csv)</translation>
    </message>
    <message>
        <source>Zapisano dane {count} uczestników do pliku {path}</source>
        <translation>Saved the data of {count} participants to the file {path}</translation>
    </message>
</context>
<context>
    <name>FamilyMemberDialog</name>
    <message>
        <source>Członek rodziny</source>
        <extracomment>Relations offered for a family member (any other may be typed).</extracomment>
        <translation>Family member</translation>
    </message>
    <message>
        <source>&amp;Imię:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <source>&amp;Nazwisko:</source>
        <translation>Sur&amp;name:</translation>
    </message>
    <message>
        <source>nieobowiązkowy; poda datę urodzenia i płeć</source>
        <translation>optional; gives the date of birth and sex</translation>
    </message>
    <message>
        <source>&amp;PESEL:</source>
        <translation>&amp;PESEL:</translation>
    </message>
    <message>
        <source>np. syn, córka, małżonek</source>
        <translation>e.g. son, daughter, spouse</translation>
    </message>
    <message>
        <source>P&amp;okrewieństwo:</source>
        <translation>Rel&amp;ationship:</translation>
    </message>
    <message>
        <source>Data &amp;urodzenia:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <source>P&amp;łeć:</source>
        <translation>Se&amp;x:</translation>
    </message>
    <message>
        <source>— nie podano —</source>
        <translation>— not given —</translation>
    </message>
    <message>
        <source>objęty wsparciem w programie</source>
        <translation>receives support in the programme</translation>
    </message>
    <message>
        <source>&amp;Wsparcie:</source>
        <translation>Su&amp;pport:</translation>
    </message>
    <message>
        <source>Objęty wsparciem</source>
        <translation>Receives support</translation>
    </message>
</context>
<context>
    <name>FamilySearchDialog</name>
    <message>
        <source>Szukaj w rodzinach</source>
        <translation>Search families</translation>
    </message>
    <message>
        <source>Szukaj członka rodziny</source>
        <translation>Search for a family member</translation>
    </message>
    <message>
        <source>nazwisko i imię albo PESEL (co najmniej 2 znaki)</source>
        <translation>surname and first name, or PESEL (at least 2 characters)</translation>
    </message>
    <message>
        <source>&amp;Szukaj:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Znalezieni członkowie rodzin</source>
        <translation>Family members found</translation>
    </message>
    <message>
        <source>Nazwisko i imię</source>
        <translation>Surname and first name</translation>
    </message>
    <message>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <source>Data urodzenia</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Pokrewieństwo</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Rodzina</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Uczestnik</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Wpisz nazwisko i imię albo PESEL.</source>
        <translation>Type a surname and first name, or a PESEL.</translation>
    </message>
    <message>
        <source>Wynik wyszukiwania</source>
        <translation>Search result</translation>
    </message>
    <message>
        <source>&amp;Otwórz stronę rodziny</source>
        <translation>&amp;Open the family&apos;s page</translation>
    </message>
    <message>
        <source>Otwórz stronę uczestnika z tą rodziną</source>
        <translation>Open the page of the participant with this family</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>tak</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nie</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Znaleziono: {count}. Enter otwiera stronę z tą rodziną.</source>
        <translation>Found: {count}. Enter opens the page with this family.</translation>
    </message>
    <message>
        <source>Nikogo nie znaleziono w rodzinach.</source>
        <translation>No one found in the families.</translation>
    </message>
    <message>
        <source>W rodzinie „{family}” nie ma uczestnika, więc nie ma jej strony.</source>
        <translation>The “{family}” family has no participant, so it has no page.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Nazwa rodziny</source>
        <translation>Household name</translation>
    </message>
    <message>
        <source>Imię</source>
        <extracomment>Dates before this are typing errors (a year &quot;0985&quot;), birth dates included. Dates after this are typing errors too (&quot;2202&quot; for &quot;2022&quot;); an archive deadline is years ahead, not centuries. PostgreSQL&apos;s INTEGER; a larger number typed into a count would end in &quot;integer out of range&quot;. Polish names of the stored attributes, for fields that a service does not label itself (the last check, at the flush, names the field with these).
----------
The office&apos;s policy when its settings name none: a register check and a criminal-record certificate are repeated after this many months. The act sets no expiry (art. 21 requires them before the work starts). Warn this many days before a check runs out. Warn about agreements ending within this many days.
----------
Polish field names, as the form labels them (messages name fields with these).</extracomment>
        <translation>First name</translation>
    </message>
    <message>
        <source>Nazwisko</source>
        <extracomment>What a column can be mapped to, with the Polish names the mapping dialog shows. Besides the fields of ParticipantInput there are columns that hold several: a full name, and an address &quot;ul. Długa 5/3&quot;.</extracomment>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Data wyboru</source>
        <translation>Selection date</translation>
    </message>
    <message>
        <source>Obszar działania</source>
        <translation>Area of activity</translation>
    </message>
    <message>
        <source>Uczestnik</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Tytuł inicjatywy</source>
        <translation>Initiative title</translation>
    </message>
    <message>
        <source>Początek</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Koniec</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Liczba osób objętych</source>
        <translation>Number of people reached</translation>
    </message>
    <message>
        <source>Forma wsparcia</source>
        <extracomment>The version the form loaded (an edit of a row someone else saved since is refused).</extracomment>
        <translation>Form of support</translation>
    </message>
    <message>
        <source>Planowany początek</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>Planowany koniec</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>Początek wsparcia</source>
        <translation>Support start</translation>
    </message>
    <message>
        <source>Koniec wsparcia</source>
        <translation>Support end</translation>
    </message>
    <message>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <source>Numer dokumentu</source>
        <translation>Identity document number</translation>
    </message>
    <message>
        <source>Data urodzenia</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Płeć</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Ulica</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Zgoda na wykorzystanie wizerunku</source>
        <translation>Consent to the use of image</translation>
    </message>
    <message>
        <source>Indywidualny plan działania</source>
        <translation>Individual action plan</translation>
    </message>
    <message>
        <source>Uzasadnienie adresu spoza obszaru</source>
        <translation>Reason for an address outside the area</translation>
    </message>
    <message>
        <source>Nr domu</source>
        <translation>House no.</translation>
    </message>
    <message>
        <source>Opis</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Prowadzący</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Rola</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Pokrewieństwo</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Adres pracodawcy</source>
        <translation>Employer&apos;s address</translation>
    </message>
    <message>
        <source>Numer umowy</source>
        <translation>Agreement number</translation>
    </message>
    <message>
        <source>Opiekun</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Stanowisko</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Numer decyzji</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>Godzin tygodniowo</source>
        <translation>Hours a week</translation>
    </message>
    <message>
        <source>Wartość docelowa</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>Data rozpoczęcia</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Data zakończenia</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Umiejętności</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Dostępność</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>Dziedzina</source>
        <translation>Field of activity</translation>
    </message>
    <message>
        <source>Numer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Zakres</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Numer projektu</source>
        <translation>Project number</translation>
    </message>
    <message>
        <source>Gmina</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Organizacja</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Imię i nazwisko</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Jednostka</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Treść</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Wartość</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Nazwisko i imię</source>
        <translation>Surname and first name</translation>
    </message>
    <message>
        <source>Brak PESEL</source>
        <translation>No PESEL</translation>
    </message>
    <message>
        <source>Adres (ulica, nr domu i lokalu)</source>
        <translation>Address (street, house and flat no.)</translation>
    </message>
    <message>
        <source>Nazwa</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tytuł</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Podtytuł</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>Nr lokalu</source>
        <translation>Flat no.</translation>
    </message>
    <message>
        <source>Kod pocztowy</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Miejscowość</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Wykształcenie</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Status na rynku pracy</source>
        <translation>Labour market status</translation>
    </message>
    <message>
        <source>Status na rynku pracy — w tym</source>
        <translation>Labour market status — including</translation>
    </message>
    <message>
        <source>Niepełnosprawność</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Stopień niepełnosprawności</source>
        <translation>Degree of disability</translation>
    </message>
    <message>
        <source>Mniejszość, migrant, obce pochodzenie</source>
        <translation>Minority, migrant, foreign background</translation>
    </message>
    <message>
        <source>Bezdomność lub wykluczenie z dostępu do mieszkań</source>
        <translation>Homelessness or housing exclusion</translation>
    </message>
    <message>
        <source>Inna niekorzystna sytuacja społeczna</source>
        <translation>Other disadvantaged social situation</translation>
    </message>
    <message>
        <source>Data rozpoczęcia udziału</source>
        <translation>Participation start date</translation>
    </message>
    <message>
        <source>Data zakończenia udziału</source>
        <translation>Participation end date</translation>
    </message>
    <message>
        <source>Sytuacja w chwili zakończenia</source>
        <translation>Situation on leaving the programme</translation>
    </message>
    <message>
        <source>Zakończenie zgodnie ze ścieżką</source>
        <translation>Completed as planned in the support path</translation>
    </message>
    <message>
        <source>Powody wsparcia</source>
        <translation>Reasons for support</translation>
    </message>
    <message>
        <source>Deklaracja uczestnictwa</source>
        <translation>Participation declaration</translation>
    </message>
    <message>
        <source>Oświadczenie RODO</source>
        <translation>GDPR statement</translation>
    </message>
    <message>
        <source>Uwagi</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rodzaj wydarzenia</source>
        <translation>Event type</translation>
    </message>
    <message>
        <source>Temat</source>
        <extracomment>&quot;z udziałem dzieci&quot;: its leader and helpers need the checks of art. 21 (services.child_protection). For a meeting of a series: its number (from 1) and the series&apos; meetings, first and last date.</extracomment>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Sprawdzenie w Rejestrze Sprawców Przestępstw na Tle Seksualnym</source>
        <translation>Sex Offenders Register check</translation>
    </message>
    <message>
        <source>Informacja z Krajowego Rejestru Karnego</source>
        <translation>Information from the National Criminal Register (KRK)</translation>
    </message>
    <message>
        <source>Zgoda przedstawiciela ustawowego</source>
        <translation>Consent of the legal representative</translation>
    </message>
    <message>
        <source>Oświadczenie o krajach zamieszkania (20 lat)</source>
        <translation>Statement on countries of residence (20 years)</translation>
    </message>
    <message>
        <source>Inne kraje zamieszkania</source>
        <translation>Other countries of residence</translation>
    </message>
    <message>
        <source>Informacja z rejestrów karnych tych krajów</source>
        <translation>Information from those countries&apos; criminal records</translation>
    </message>
    <message>
        <source>Numer porozumienia</source>
        <translation>Agreement number</translation>
    </message>
    <message>
        <source>Data zawarcia</source>
        <translation>Date concluded</translation>
    </message>
    <message>
        <source>Zakres świadczeń</source>
        <translation>Scope of services</translation>
    </message>
    <message>
        <source>Sposób wykonywania</source>
        <translation>Manner of performance</translation>
    </message>
    <message>
        <source>Czas wykonywania</source>
        <translation>Time of performance</translation>
    </message>
    <message>
        <source>Praca z dziećmi</source>
        <translation>Work with children</translation>
    </message>
    <message>
        <source>Zwolnienie z kosztów podróży i diet</source>
        <translation>Waiver of travel costs and allowances</translation>
    </message>
    <message>
        <source>Aktywny</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Forma pisemna</source>
        <translation>Written form</translation>
    </message>
    <message>
        <source>Ubezpieczenie NNW</source>
        <translation>Accident insurance (NNW)</translation>
    </message>
    <message>
        <source>Inne koszty do zwrotu</source>
        <translation>Other costs to reimburse</translation>
    </message>
    <message>
        <source>Ubezpieczyciel NNW</source>
        <translation>Accident insurer</translation>
    </message>
    <message>
        <source>Numer polisy NNW</source>
        <translation>Accident policy number</translation>
    </message>
    <message>
        <source>Polisa NNW od</source>
        <translation>Accident policy from</translation>
    </message>
    <message>
        <source>Polisa NNW do</source>
        <translation>Accident policy to</translation>
    </message>
    <message>
        <source>Miejsce</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Rozwiązanie porozumienia</source>
        <translation>Termination of the agreement</translation>
    </message>
    <message>
        <source>Informacja o ryzyku i zasadach BHP</source>
        <translation>Information on risks and health and safety rules</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Liczba godzin</source>
        <translation>Number of hours</translation>
    </message>
    <message>
        <source>Czynności</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Pracodawca</source>
        <extracomment>As loaded by ``get_internship``; an edit passes the loaded record as ``base`` (see services.conflicts).</extracomment>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Początek stażu</source>
        <translation>Internship start</translation>
    </message>
    <message>
        <source>Koniec stażu</source>
        <translation>Internship end</translation>
    </message>
    <message>
        <source>Godzin w tygodniu</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <source>Stypendium miesięczne</source>
        <translation>Monthly stipend</translation>
    </message>
    <message>
        <source>Miesiąc</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Dni obecności</source>
        <translation>Days present</translation>
    </message>
    <message>
        <source>Dni nieobecności</source>
        <translation>Days absent</translation>
    </message>
    <message>
        <source>Godziny</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Wypłacone stypendium</source>
        <translation>Stipend paid</translation>
    </message>
    <message>
        <source>Rodzaj świadczenia</source>
        <translation>Benefit type</translation>
    </message>
    <message>
        <source>Kwota</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Nr decyzji</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <source>Data decyzji</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Okres od</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Okres do</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>Data wypłaty</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>Kwota zasiłku</source>
        <translation>Benefit amount</translation>
    </message>
    <message>
        <source>Procent</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>Godzin w miesiącu</source>
        <translation>Hours a month</translation>
    </message>
    <message>
        <source>Nazwa organizacji</source>
        <translation>Organisation&apos;s name</translation>
    </message>
    <message>
        <source>Stawka za godzinę wolontariatu</source>
        <translation>Hourly rate of volunteer work</translation>
    </message>
    <message>
        <source>Kontakt do inspektora ochrony danych</source>
        <translation>Data protection officer&apos;s contact</translation>
    </message>
    <message>
        <source>Tytuł programu</source>
        <translation>Programme title</translation>
    </message>
    <message>
        <source>Początek programu</source>
        <translation>Programme start</translation>
    </message>
    <message>
        <source>Koniec programu</source>
        <translation>Programme end</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Szukaj &amp;w:</source>
        <translation>Look &amp;in:</translation>
    </message>
    <message>
        <source>Nazwa &amp;pliku:</source>
        <translation>File &amp;name:</translation>
    </message>
    <message>
        <source>Pliki &amp;typu:</source>
        <translation>Files of &amp;type:</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Otwórz</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Wybierz</source>
        <translation>&amp;Choose</translation>
    </message>
</context>
<context>
    <name>FillRowsDialog</name>
    <message>
        <source>Uzupełnij zaznaczone wiersze</source>
        <translation>Fill in the selected rows</translation>
    </message>
    <message>
        <source>Ta sama wartość zostanie wpisana w {count} zaznaczonych wierszach; wiersze zostaną sprawdzone ponownie.</source>
        <translation>The same value will be entered in the {count} selected rows; the rows will be checked again.</translation>
    </message>
    <message>
        <source>Pole do uzupełnienia</source>
        <translation>Field to fill in</translation>
    </message>
    <message>
        <source>Wartość dla zaznaczonych wierszy</source>
        <translation>Value for the selected rows</translation>
    </message>
    <message>
        <source>np. uzasadnienie adresu spoza obszaru albo data dd.mm.rrrr</source>
        <translation>e.g. the reason for an address outside the area, or a date dd.mm.yyyy</translation>
    </message>
    <message>
        <source>&amp;Pole:</source>
        <translation>&amp;Field:</translation>
    </message>
    <message>
        <source>&amp;Wartość:</source>
        <translation>&amp;Value:</translation>
    </message>
    <message>
        <source>&amp;Wpisz</source>
        <translation>&amp;Enter</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FinalReportDialog</name>
    <message>
        <source>Raport końcowy — ocena i wydruk</source>
        <translation>Final report — assessment and printing</translation>
    </message>
    <message>
        <source>Brak wskaźników.</source>
        <translation>No indicators.</translation>
    </message>
    <message>
        <source>Rezultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Brak wskaźników potwierdzających.</source>
        <translation>No supporting indicators.</translation>
    </message>
    <message>
        <source>&amp;Wnioski:</source>
        <translation>&amp;Conclusions:</translation>
    </message>
    <message>
        <source>&amp;Rekomendacje:</source>
        <translation>&amp;Recommendations:</translation>
    </message>
    <message>
        <source>&amp;Ukryj liczby 1 i 2 osób („&lt;3”) — raport wychodzi poza ośrodek</source>
        <translation>&amp;Hide counts of 1 and 2 people (&quot;&lt;3&quot;) — the report leaves the centre</translation>
    </message>
    <message>
        <source>Ukryj małe liczby osób</source>
        <translation>Hide small counts of people</translation>
    </message>
    <message>
        <source>Bez zaznaczenia: wydruk do użytku wewnętrznego, zapisany w dzienniku dostępu</source>
        <translation>Unticked: a printout for internal use, recorded in the access log</translation>
    </message>
    <message>
        <source>Wydrukowane wersje</source>
        <translation>Printed versions</translation>
    </message>
    <message>
        <source>Wydrukowane wersje raportu</source>
        <translation>Printed versions of the report</translation>
    </message>
    <message>
        <source>Drukuj &amp;ponownie wybraną wersję</source>
        <translation>&amp;Reprint the chosen version</translation>
    </message>
    <message>
        <source>Drukuj ponownie wybraną wersję</source>
        <translation>Reprint the chosen version</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zapisz teksty raportu</source>
        <translation>Save the report&apos;s texts</translation>
    </message>
    <message>
        <source>&amp;Drukuj raport</source>
        <translation>&amp;Print the report</translation>
    </message>
    <message>
        <source>Zapisz i drukuj raport końcowy</source>
        <translation>Save and print the final report</translation>
    </message>
    <message>
        <source>Zam&amp;knij</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ocena realizacji: {what}</source>
        <translation>Assessment: {what}</translation>
    </message>
    <message>
        <source>Ocena realizacji — co osiągnięto, na podstawie czego</source>
        <translation>Assessment — what was achieved, and on what evidence</translation>
    </message>
    <message>
        <source>Raport końcowy</source>
        <translation>Final report</translation>
    </message>
    <message>
        <source>raport-koncowy</source>
        <translation>final-report</translation>
    </message>
    <message>
        <source>raport-koncowy-wersja-{number}</source>
        <translation>final-report-version-{number}</translation>
    </message>
    <message>
        <source>Wersja {number} — {date} {time}, {who}</source>
        <translation>Version {number} — {date} {time}, {who}</translation>
    </message>
    <message>
        <source> (małe liczby pokazane)</source>
        <translation> (small counts shown)</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <source>Pierwsze uruchomienie — konto administratora</source>
        <translation>First start — administrator account</translation>
    </message>
    <message>
        <source>W tej bazie nie ma jeszcze kont. Utwórz konto administratora: będzie on dodawał konta pracowników i nadawał im role.</source>
        <translation>This database has no accounts yet. Create the administrator account: the administrator adds staff accounts and gives them roles.</translation>
    </message>
    <message>
        <source>Utwórz i zaloguj</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Imię i nazwisko:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>&amp;Hasło (co najmniej 8 znaków):</source>
        <translation>&amp;Password (at least 8 characters):</translation>
    </message>
    <message>
        <source>&amp;Powtórz hasło:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Zakończ program</source>
        <translation>Quit the program</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Witamy w PAL Desktop! Wpisz nazwę i adres ośrodka oraz dodaj logo: pojawią się na każdym dokumencie (listach obecności, porozumieniach, sprawozdaniach). Ustawienia zmienisz później w menu Plik → Ustawienia…</source>
        <translation>Welcome to PAL Desktop! Enter the office&apos;s name and address and add its logo: they appear on every document (attendance lists, agreements, reports). You can change the settings later in File → Settings…</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Błąd</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zapisz</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Zapisz (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Błąd: {field}</source>
        <translation>Error: {field}</translation>
    </message>
    <message>
        <source>Porzucić zmiany?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>Wpisane dane nie zostały zapisane. Porzucić je?</source>
        <translation>The data you entered has not been saved. Discard it?</translation>
    </message>
    <message>
        <source>Porzuć zmiany</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Wróć</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>GanttView</name>
    <message>
        <source>Kamień milowy</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Okres</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Upłynęło czasu: {percent} %</source>
        <translation>Time elapsed: {percent}%</translation>
    </message>
    <message>
        <source>Wydarzenia: odbyło się {held} z {planned} planowanych</source>
        <translation>Events: {held} of {planned} planned have taken place</translation>
    </message>
    <message>
        <source>Zaległe wydarzenia: {count} — zaplanowane przed dziś, nadal mają status „planowane”. Uzupełnij ich status w zakładce Wydarzenia.</source>
        <translation>Overdue events: {count} — scheduled before today, still with the status “planned”. Update their status in the Events tab.</translation>
    </message>
    <message>
        <source>Rodzaj: {type}</source>
        <translation>Type: {type}</translation>
    </message>
    <message>
        <source>Miejsce: {place}</source>
        <translation>Place: {place}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>zaległe</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Skala czasu</source>
        <translation>Timescale</translation>
    </message>
    <message>
        <source>dziś</source>
        <translation>today</translation>
    </message>
    <message>
        <source>Wykres Gantta harmonogramu</source>
        <translation>Schedule Gantt chart</translation>
    </message>
    <message>
        <source>„{name}”: {dates}</source>
        <translation>“{name}”: {dates}</translation>
    </message>
    <message>
        <source>granica okresu programu ({start} – {end})</source>
        <translation>programme period boundary ({start} – {end})</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Pomoc — PAL Desktop</source>
        <extracomment>The guide&apos;s heading each tab&apos;s F1 opens at (the text after the number, as in docs/podrecznik.md).</extracomment>
        <translation>Help — PAL Desktop</translation>
    </message>
    <message>
        <source>Pomoc</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Podręcznik użytkownika</source>
        <translation>User manual</translation>
    </message>
    <message>
        <source>Spis treści podręcznika</source>
        <translation>The guide&apos;s table of contents</translation>
    </message>
    <message>
        <source>Spis treści: Enter albo kliknięcie otwiera rozdział</source>
        <translation>Table of contents: Enter or a click opens the chapter</translation>
    </message>
    <message>
        <source>Nie znaleziono podręcznika ({path}).</source>
        <translation>User manual not found ({path}).</translation>
    </message>
    <message>
        <source>Treść pomocy</source>
        <translation>Help text</translation>
    </message>
    <message>
        <source>&amp;Podręcznik</source>
        <translation>&amp;Manual</translation>
    </message>
    <message>
        <source>&amp;Skróty i zakładki</source>
        <translation>&amp;Shortcuts and tabs</translation>
    </message>
    <message>
        <source>&amp;Zamknij</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Zamknij pomoc</source>
        <translation>Close the help</translation>
    </message>
    <message>
        <source>Uczestnicy</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>osoby objęte programem: dane, status, data rozpoczęcia</source>
        <translation>people in the programme: details, status, start date</translation>
    </message>
    <message>
        <source>Animatorzy</source>
        <translation>Animators</translation>
    </message>
    <message>
        <source>animatorzy lokalni i ich inicjatywy</source>
        <translation>local animators and their initiatives</translation>
    </message>
    <message>
        <source>Wolontariusze</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>wolontariusze, porozumienia i przepracowane godziny</source>
        <translation>volunteers, agreements and hours worked</translation>
    </message>
    <message>
        <source>Harmonogram</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>zadania programu z datami; ◆ oznacza kamień milowy</source>
        <translation>the programme&apos;s tasks with dates; ◆ marks a milestone</translation>
    </message>
    <message>
        <source>Wydarzenia</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>spotkania, warsztaty i imprezy z liczbą zapisanych i obecnych</source>
        <translation>meetings, workshops and events with the numbers enrolled and present</translation>
    </message>
    <message>
        <source>Raporty</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>wskaźniki programu i dokumenty do wydruku</source>
        <translation>the programme&apos;s indicators and documents to print</translation>
    </message>
    <message>
        <source>przejście do zakładki</source>
        <translation>go to a tab</translation>
    </message>
    <message>
        <source>nowy rekord na bieżącej zakładce (uczestnik, wydarzenie, zadanie…)</source>
        <translation>new record on the current tab (participant, event, task…)</translation>
    </message>
    <message>
        <source>otwarcie lub zmiana zaznaczonego rekordu</source>
        <translation>open or edit the selected record</translation>
    </message>
    <message>
        <source>usunięcie zaznaczonego rekordu (program zawsze pyta)</source>
        <translation>delete the selected record (the program always asks)</translation>
    </message>
    <message>
        <source>zapisanie formularza</source>
        <translation>save the form</translation>
    </message>
    <message>
        <source>zamknięcie formularza (program pyta, gdy coś wpisano)</source>
        <translation>close the form (the program asks when something was typed)</translation>
    </message>
    <message>
        <source>wydruk: lista obecności, karta uczestnika, harmonogram, sprawozdanie</source>
        <translation>print: attendance list, participant card, schedule, report</translation>
    </message>
    <message>
        <source>wczytanie skanów podpisanych list obecności (Wydarzenia)</source>
        <translation>read scans of signed attendance lists (Events)</translation>
    </message>
    <message>
        <source>cofnięcie i ponowienie zmiany harmonogramu</source>
        <translation>undo and redo a schedule change</translation>
    </message>
    <message>
        <source>szukanie na bieżącej liście</source>
        <translation>search the current list</translation>
    </message>
    <message>
        <source>zmiana danych osoby na jej stronie</source>
        <translation>editing the person&apos;s data on their page</translation>
    </message>
    <message>
        <source>zablokowanie programu na czas odejścia od komputera</source>
        <translation>locking the program while you are away from the computer</translation>
    </message>
    <message>
        <source>ustawienia organizacji i lokalizacja bazy danych</source>
        <translation>organisation settings and database location</translation>
    </message>
    <message>
        <source>ta pomoc, otwarta na rozdziale bieżącej zakładki</source>
        <translation>this help, open at the current tab&apos;s chapter</translation>
    </message>
    <message>
        <source>zakończenie pracy</source>
        <translation>quit</translation>
    </message>
    <message>
        <source>PAL Desktop — jak zacząć</source>
        <translation>PAL Desktop — getting started</translation>
    </message>
    <message>
        <source>Program prowadzi ewidencję Programu Aktywności Lokalnej: uczestników, animatorów, wolontariuszy, harmonogram, wydarzenia i raporty. Program, nad którym pracujesz, wybierasz na pasku narzędzi u góry okna albo w menu Program.</source>
        <translation>The program keeps the records of a Programme of Local Activity: participants, animators, volunteers, schedule, events and reports. Choose the programme you work on in the toolbar at the top of the window or in the Programme menu.</translation>
    </message>
    <message>
        <source>Zakładki</source>
        <translation>Tabs</translation>
    </message>
    <message>
        <source>Skróty klawiszowe</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Każde polecenie menu ma też podkreśloną literę: naciśnij Alt i tę literę.</source>
        <translation>Every menu command also has an underlined letter: press Alt and that letter.</translation>
    </message>
    <message>
        <source>Dane</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Miejsce bazy danych widać na pasku stanu na dole okna. Zmienisz je w menu Plik → Ustawienia…; przed każdą aktualizacją programu baza jest kopiowana do folderu kopii zapasowych.</source>
        <translation>The database location is shown in the status bar at the bottom of the window. Change it in File → Settings…; before every upgrade of the program the database is copied to the backup folder.</translation>
    </message>
    <message>
        <source>O programie</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Ewidencja Programu Aktywności Lokalnej dla ośrodków pomocy społecznej (GOPS/MOPS): uczestnicy, animatorzy, wolontariusze, harmonogram, wydarzenia i raporty.</source>
        <translation>Records of the Programme of Local Activity for social-assistance centres (GOPS/MOPS): participants, animators, volunteers, schedule, events and reports.</translation>
    </message>
    <message>
        <source>Działa bez dostępu do internetu. Dane pozostają w bazie wskazanej w ustawieniach.</source>
        <translation>Works without internet access. The data stays in the database chosen in the settings.</translation>
    </message>
</context>
<context>
    <name>HoursDialog</name>
    <message>
        <source>Godziny wolontariusza</source>
        <extracomment>The schedule task volunteers&apos; hours belong to unless another is chosen (seed IX, task 6).</extracomment>
        <translation>Volunteer&apos;s hours</translation>
    </message>
    <message>
        <source>Zmiana wpisu godzin</source>
        <translation>Edit hours entry</translation>
    </message>
    <message>
        <source>brak porozumień — najpierw zapisz porozumienie</source>
        <translation>no agreements — record an agreement first</translation>
    </message>
    <message>
        <source>Porozumienia:</source>
        <translation>Agreements:</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Liczba godzin:</source>
        <translation>Number of &amp;hours:</translation>
    </message>
    <message>
        <source>Liczba godzin</source>
        <translation>Number of hours</translation>
    </message>
    <message>
        <source>np. 2,5</source>
        <translation>e.g. 2,5</translation>
    </message>
    <message>
        <source>&amp;Zadanie:</source>
        <translation>&amp;Task:</translation>
    </message>
    <message>
        <source>Zadanie harmonogramu</source>
        <translation>Schedule task</translation>
    </message>
    <message>
        <source>(bez zadania)</source>
        <translation>(no task)</translation>
    </message>
    <message>
        <source>&amp;Wydarzenie:</source>
        <translation>&amp;Event:</translation>
    </message>
    <message>
        <source>Wydarzenie</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>wydarzenia z tego dnia; wybierz, jeśli godziny dotyczą wydarzenia</source>
        <translation>events on this day; choose one if the hours relate to an event</translation>
    </message>
    <message>
        <source>&amp;Czynności:</source>
        <translation>&amp;Activities:</translation>
    </message>
    <message>
        <source>Czynności</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>np. dyżur w świetlicy, pomoc przy pikniku</source>
        <translation>e.g. duty at the community centre, helping at the picnic</translation>
    </message>
    <message>
        <source>Zapisz i dodaj &amp;następny</source>
        <translation>Save and add &amp;next</translation>
    </message>
    <message>
        <source>Zapisz i dodaj następny dzień</source>
        <translation>Save and add the next day</translation>
    </message>
    <message>
        <source>Zapisz ten dzień i wpisz kolejny (data przesunie się o jeden dzień)</source>
        <translation>Save this day and enter the next one (the date moves on by one day)</translation>
    </message>
    <message>
        <source>(bez wydarzenia)</source>
        <translation>(no event)</translation>
    </message>
    <message>
        <source>Tego dnia zapisano już {hours} godz.</source>
        <translation>{hours} h already recorded on this day.</translation>
    </message>
    <message>
        <source>Zapisano w tym oknie: {count} wpis(y), razem {hours} godz.</source>
        <translation>Saved in this window: {count} entry(ies), {hours} h in total.</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Nieznane pole „{name}” w przypisaniu kolumn.</source>
        <extracomment>Header texts (folded: lower case, no Polish letters, no dots or colons) that name each field. Pseudo-fields that fill several ParticipantInput fields.</extracomment>
        <translation>Unknown field “{name}” in the column mapping.</translation>
    </message>
    <message>
        <source>Nazwa przypisania kolumn musi mieć od 1 do {max} znaków.</source>
        <translation>The name of a column mapping must be 1 to {max} characters long.</translation>
    </message>
    <message>
        <source>Plik „{name}” nie jest arkuszem kalkulacyjnym (XLSX) ani plikiem CSV. Zapisz dane w Excelu jako „Skoroszyt programu Excel (*.xlsx)” albo „CSV (rozdzielany przecinkami)” i spróbuj ponownie.</source>
        <extracomment>Data rows under the header: the registry is built for 100,000 people, and the preview holds every row. What an XLSX may unpack to: an honest 50 MB workbook unpacks to a few hundred MB of XML at most. How often (in rows read) progress is reported and Cancel looked at.</extracomment>
        <translation>The file “{name}” is neither a spreadsheet (XLSX) nor a CSV file. In Excel, save the data as “Excel Workbook (*.xlsx)” or “CSV (Comma delimited)” and try again.</translation>
    </message>
    <message>
        <source>Nie można otworzyć pliku „{path}”: {reason}.</source>
        <translation>Cannot open the file “{path}”: {reason}.</translation>
    </message>
    <message>
        <source>Plik „{name}” jest za duży ({size} MB; najwięcej {max} MB). Podziel go na mniejsze części albo usuń zbędne arkusze i kolumny.</source>
        <translation>The file “{name}” is too large ({size} MB; at most {max} MB). Split it into smaller parts or remove the sheets and columns you do not need.</translation>
    </message>
    <message>
        <source>Plik „{name}” jest pusty.</source>
        <translation>The file “{name}” is empty.</translation>
    </message>
    <message>
        <source>Plik „{name}” po rozpakowaniu zajmuje {size} MB (najwięcej {max} MB) — taki arkusz nie zmieści się w pamięci albo plik jest uszkodzony. Zostaw w nim tylko arkusz z danymi albo podziel dane na mniejsze pliki.</source>
        <translation>Unpacked, the file &quot;{name}&quot; takes {size} MB (at most {max} MB) — such a sheet will not fit in memory or the file is damaged. Keep only the data sheet in it or split the data into smaller files.</translation>
    </message>
    <message>
        <source>Plik „{name}” ma więcej niż {max} wierszy danych. Podziel go na części po najwyżej {max} wierszy i zaimportuj każdą osobno.</source>
        <translation>The file &quot;{name}&quot; has more than {max} data rows. Split it into parts of at most {max} rows and import each separately.</translation>
    </message>
    <message>
        <source>Plik „{name}” jest w starym formacie Excel 97-2003 (XLS) albo nie jest arkuszem. Otwórz go w Excelu i zapisz jako „Skoroszyt programu Excel (*.xlsx)”.</source>
        <translation>The file “{name}” is in the old Excel 97-2003 format (XLS) or is not a spreadsheet. Open it in Excel and save it as “Excel Workbook (*.xlsx)”.</translation>
    </message>
    <message>
        <source>Plik „{name}” ma rozszerzenie {suffix}, ale nie jest arkuszem Excel (może to plik tekstowy ze zmienioną nazwą). Otwórz go w Excelu i zapisz jako XLSX albo CSV.</source>
        <translation>The file “{name}” has the extension {suffix} but is not an Excel spreadsheet (it may be a renamed text file). Open it in Excel and save it as XLSX or CSV.</translation>
    </message>
    <message>
        <source>W pliku „{name}” nie znaleziono wiersza nagłówków w pierwszych {rows} wierszach. Jeden z nich musi zawierać nazwy kolumn, np. „Nazwisko”, „Imię”, „PESEL”, „Data urodzenia”.</source>
        <translation>No header row was found in the first {rows} rows of the file “{name}”. One of them must contain the column names, e.g. “Nazwisko” (surname), “Imię” (first name), “PESEL”, “Data urodzenia” (date of birth).</translation>
    </message>
    <message>
        <source>Pierwszy arkusz pliku „{name}” ma {rows} wierszy, a naraz importuje się najwyżej {max} wierszy danych. Podziel go na części i zaimportuj każdą osobno (a jeśli pod danymi są puste, sformatowane wiersze, usuń je).</source>
        <translation>The first sheet of the file &quot;{name}&quot; has {rows} rows, and at most {max} data rows are imported at once. Split it into parts and import each separately (and if there are empty formatted rows below the data, delete them).</translation>
    </message>
    <message>
        <source>„{value}” nie jest datą (wpisz dd.mm.rrrr).</source>
        <translation>“{value}” is not a date (enter dd.mm.yyyy).</translation>
    </message>
    <message>
        <source>„{value}” nie jest poprawną datą (wpisz dd.mm.rrrr).</source>
        <translation>“{value}” is not a valid date (enter dd.mm.yyyy).</translation>
    </message>
    <message>
        <source>nieznana wartość „{value}” (dozwolone: {allowed}).</source>
        <translation>unknown value “{value}” (allowed: {allowed}).</translation>
    </message>
    <message>
        <source>nieznany powód wsparcia: {values} (powody z art. 7 ustawy o pomocy społecznej, np. „ubóstwo”, „bezrobocie”, „niepełnosprawność”; rozdziel je przecinkami).</source>
        <translation>unknown reason for support: {values} (the reasons from art. 7 of the Social Assistance Act, e.g. “ubóstwo” (poverty), “bezrobocie” (unemployment), “niepełnosprawność” (disability); separate them with commas).</translation>
    </message>
    <message>
        <source>Import przerwano; nic nie zostało zapisane.</source>
        <extracomment>Rows per IN (...) list when looking PESEL numbers up. How often (in rows) the progress callback is asked whether to go on. The part of preview_import&apos;s progress (of 100) that reading the file takes; checking the rows is the rest. ``progress(done, total)`` is called as rows are checked or written; returning False cancels. Sheet row number → import field → the text typed for it in the preview.</extracomment>
        <translation>The import was cancelled; nothing was saved.</translation>
    </message>
    <message>
        <source>Wiersz {row}, {column}: {problem}</source>
        <extracomment>The same problems as ValidationErrors (message &quot;Wiersz {row}, {column}: {problem}&quot;), for the UI. The text of each of the preview&apos;s columns, edits included.</extracomment>
        <translation>Row {row}, {column}: {problem}</translation>
    </message>
    <message>
        <source>W pliku „{name}” nie rozpoznano kolumn z imieniem i nazwiskiem. Przypisz je ręcznie (kolumny „Imię” i „Nazwisko” albo „Imię i nazwisko”).</source>
        <translation>The first name and surname columns were not recognised in the file “{name}”. Map them by hand (the “First name” and “Surname” columns, or “Full name”).</translation>
    </message>
    <message>
        <source>ten sam numer PESEL {pesel} jest już w wierszu {first} tego pliku.</source>
        <translation>the same PESEL number {pesel} is already in row {first} of this file.</translation>
    </message>
    <message>
        <source>ten sam numer dokumentu {document} jest już w wierszu {first} tego pliku.</source>
        <translation>the same document number {document} is already in row {first} of this file.</translation>
    </message>
    <message>
        <source>Wiersz {row}, Numer dokumentu: osoba z dokumentem {document} została dodana do rejestru po przygotowaniu podglądu. Przygotuj podgląd ponownie; nic nie zostało zapisane.</source>
        <translation>Row {row}, Identity document number: a person with document {document} was added to the register after the preview was prepared. Prepare the preview again; nothing was saved.</translation>
    </message>
    <message>
        <source>Wiersz {row}, PESEL: osoba z numerem PESEL {pesel} została dodana do rejestru po przygotowaniu podglądu. Przygotuj podgląd ponownie; nic nie zostało zapisane.</source>
        <translation>Row {row}, PESEL: a person with PESEL number {pesel} was added to the register after the preview was prepared. Prepare the preview again; nothing was saved.</translation>
    </message>
    <message>
        <source>Nie ma zapisanego przypisania kolumn „{name}”.</source>
        <extracomment>argparse&apos;s own messages, in Polish (argparse is not translated on Windows installs).</extracomment>
        <translation>There is no saved column mapping “{name}”.</translation>
    </message>
    <message>
        <source>Importuj uczestników z pliku</source>
        <translation>Import participants from a file</translation>
    </message>
    <message>
        <source>Arkusze i pliki CSV (*.xlsx *.csv);;Wszystkie pliki (*)</source>
        <translation>Spreadsheets and CSV files (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Zaimportowano: nowych osób {created}, zaktualizowanych {updated}; pominięto {skipped}.</source>
        <translation>Imported: {created} new people, {updated} updated; {skipped} skipped.</translation>
    </message>
    <message>
        <source>Błędy</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Pominięte</source>
        <translation>Skipped</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import uczestników — {name}</source>
        <translation>Import participants — {name}</translation>
    </message>
    <message>
        <source>Import uczestników</source>
        <translation>Import participants</translation>
    </message>
    <message>
        <source>1. Kolumny pliku i pola rejestru</source>
        <translation>1. File columns and register fields</translation>
    </message>
    <message>
        <source>Przypisanie kolumn</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Kolumna w pliku</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Pole w rejestrze</source>
        <translation>Field in the register</translation>
    </message>
    <message>
        <source>Przykład z pierwszego wiersza</source>
        <translation>Example from the first row</translation>
    </message>
    <message>
        <source>Sprawdź, czy każda kolumna trafia we właściwe pole. „— pomiń —” oznacza, że kolumna nie zostanie wczytana.</source>
        <translation>Check that each column goes into the right field. “— skip —” means the column will not be read.</translation>
    </message>
    <message>
        <source>2. Podgląd: co stanie się z każdym wierszem</source>
        <translation>2. Preview: what will happen to each row</translation>
    </message>
    <message>
        <source>Wczytywanie pliku…</source>
        <translation>Loading the file…</translation>
    </message>
    <message>
        <source>Podsumowanie podglądu</source>
        <translation>Preview summary</translation>
    </message>
    <message>
        <source>Pokaż tylko wiersze z &amp;błędami</source>
        <translation>Show only rows with &amp;errors</translation>
    </message>
    <message>
        <source>Podgląd importu</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <source>Komórki z błędem są na czerwono: wpisz w nich poprawną wartość. „Uzupełnij zaznaczone…” wpisuje jedną wartość w wielu wierszach.</source>
        <translation>Cells with an error are red: type the correct value in them. “Fill in selected…” enters one value in many rows.</translation>
    </message>
    <message>
        <source>Wiersz</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Co się stanie</source>
        <translation>What will happen</translation>
    </message>
    <message>
        <source>Błędy</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Błędy zaznaczonego wiersza</source>
        <translation>Errors in the selected row</translation>
    </message>
    <message>
        <source>&amp;Aktualizuj dane osób, które już są w rejestrze</source>
        <translation>&amp;Update the details of people already in the register</translation>
    </message>
    <message>
        <source>Bez zaznaczenia osoby z rejestru (ten sam PESEL) zostaną pominięte. Puste komórki nigdy nie kasują danych z rejestru.</source>
        <translation>If unticked, people already in the register (same PESEL) will be skipped. Empty cells never erase data in the register.</translation>
    </message>
    <message>
        <source>&amp;Importuj</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Importuj wiersze bez błędów</source>
        <translation>Import the rows without errors</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Anuluj import; nic nie zostanie zapisane</source>
        <translation>Cancel the import; nothing will be saved</translation>
    </message>
    <message>
        <source>Wczytywanie arkusza „{name}”</source>
        <translation>Reading the sheet &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>Pole dla kolumny „{header}”</source>
        <translation>Field for the column “{header}”</translation>
    </message>
    <message>
        <source>— pomiń —</source>
        <translation>— skip —</translation>
    </message>
    <message>
        <source>Sprawdzanie wierszy…</source>
        <translation>Checking rows…</translation>
    </message>
    <message>
        <source>Nowe osoby: {new} · już w rejestrze: {update} · z błędami (zostaną pominięte): {errors}</source>
        <translation>New people: {new} · already in the register: {update} · with errors (will be skipped): {errors}</translation>
    </message>
    <message>
        <source>&amp;Aktualizuj dane osób, które już są w rejestrze ({count})</source>
        <translation>&amp;Update the details of people already in the register ({count})</translation>
    </message>
    <message>
        <source>nowa osoba</source>
        <extracomment>Summary columns before the file&apos;s own: Wiersz, Co się stanie, Błędy. A column of the sheet that fills several fields is at fault when any of them is.</extracomment>
        <translation>new person</translation>
    </message>
    <message>
        <source>aktualizacja danych</source>
        <translation>details update</translation>
    </message>
    <message>
        <source>pominięty — błędy</source>
        <translation>skipped — errors</translation>
    </message>
    <message>
        <source>Zaznacz wiersz z błędami, aby przeczytać je w całości.</source>
        <translation>Select a row with errors to read them in full.</translation>
    </message>
    <message>
        <source>&amp;Importuj ({count})</source>
        <translation>&amp;Import ({count})</translation>
    </message>
    <message>
        <source>Zapisywanie…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Import przerwano; nic nie zostało zapisane.</source>
        <translation>The import was cancelled; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>ImportEdits</name>
    <message>
        <source>Ta komórka ma błąd: wpisz poprawną wartość (Enter zatwierdza).</source>
        <translation>This cell has an error: type the correct value (Enter confirms).</translation>
    </message>
</context>
<context>
    <name>ImportFixes</name>
    <message>
        <source>Dodaj &amp;ulice do obszaru…</source>
        <translation>Add &amp;streets to the area…</translation>
    </message>
    <message>
        <source>Dodaj ulice z arkusza do obszaru programu</source>
        <translation>Add the sheet&apos;s streets to the programme&apos;s area</translation>
    </message>
    <message>
        <source>Zapisz &amp;pominięte wiersze…</source>
        <translation>Save &amp;skipped rows…</translation>
    </message>
    <message>
        <source>Zapisz pominięte wiersze do arkusza</source>
        <translation>Save the skipped rows to a sheet</translation>
    </message>
    <message>
        <source>Uzupełnij &amp;zaznaczone…</source>
        <translation>Fill in &amp;selected…</translation>
    </message>
    <message>
        <source>Wpisz jedną wartość w zaznaczonych wierszach</source>
        <translation>Enter one value in the selected rows</translation>
    </message>
    <message>
        <source>Ulice spoza listy obszaru: {names}</source>
        <translation>Streets not on the area list: {names}</translation>
    </message>
    <message>
        <source>Wszystkie ulice arkusza są na liście obszaru.</source>
        <translation>All the sheet&apos;s streets are on the area list.</translation>
    </message>
    <message>
        <source>Jedna wartość (np. uzasadnienie adresu spoza obszaru) dla wszystkich zaznaczonych wierszy; zaznacz wiersze z Ctrl lub Shift.</source>
        <translation>One value (e.g. the reason for an address outside the area) for all the selected rows; select rows with Ctrl or Shift.</translation>
    </message>
    <message>
        <source>Pominięte wiersze ({count}) trafią do arkusza z kolumną „Błędy”; po poprawieniu można je zaimportować ponownie.</source>
        <translation>The skipped rows ({count}) go to a sheet with an &quot;Errors&quot; column; once corrected they can be imported again.</translation>
    </message>
    <message>
        <source>{street} ({locality}) — wierszy: {rows}</source>
        <translation>{street} ({locality}) — rows: {rows}</translation>
    </message>
    <message>
        <source>Dodać ulice do obszaru?</source>
        <translation>Add the streets to the area?</translation>
    </message>
    <message>
        <source>Te ulice z arkusza nie są na liście obszaru programu. Dodać je?</source>
        <translation>These streets of the sheet are not on the programme&apos;s area list. Add them?</translation>
    </message>
    <message>
        <source>Dodaj ulice</source>
        <translation>Add streets</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dodano ulice do obszaru: {count}.</source>
        <translation>Streets added to the area: {count}.</translation>
    </message>
    <message>
        <source>Dodawanie ulic do obszaru</source>
        <translation>Adding streets to the area</translation>
    </message>
    <message>
        <source>Zapisz pominięte wiersze</source>
        <translation>Save skipped rows</translation>
    </message>
    <message>
        <source>Arkusz Excel (*.xlsx);;Plik CSV (*.csv)</source>
        <translation>Excel sheet (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Zapisano pominięte wiersze ({count}): {path}</source>
        <translation>Skipped rows saved ({count}): {path}</translation>
    </message>
    <message>
        <source>Zapisywanie pominiętych wierszy</source>
        <translation>Saving skipped rows</translation>
    </message>
</context>
<context>
    <name>Indicators</name>
    <message>
        <source>brak danych</source>
        <extracomment>Statuses of people the programme covered (a candidate or a reserve is not yet covered).</extracomment>
        <translation>no data</translation>
    </message>
</context>
<context>
    <name>InitiativeDialog</name>
    <message>
        <source>Nowa inicjatywa lokalna</source>
        <translation>New local initiative</translation>
    </message>
    <message>
        <source>Edycja inicjatywy</source>
        <translation>Edit initiative</translation>
    </message>
    <message>
        <source>&amp;Tytuł:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Tytuł inicjatywy</source>
        <translation>Initiative title</translation>
    </message>
    <message>
        <source>np. Dzień Sąsiada na osiedlu</source>
        <translation>e.g. Neighbours’ Day on the estate</translation>
    </message>
    <message>
        <source>&amp;Początek:</source>
        <translation>St&amp;art:</translation>
    </message>
    <message>
        <source>Początek</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>&amp;Koniec:</source>
        <translation>&amp;End:</translation>
    </message>
    <message>
        <source>Koniec</source>
        <translation>End</translation>
    </message>
    <message>
        <source>puste, jeśli inicjatywa trwa</source>
        <translation>empty if the initiative is ongoing</translation>
    </message>
    <message>
        <source>&amp;Opis:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Opis</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>co zrobiono, z kim, jakie efekty</source>
        <translation>what was done, with whom, with what results</translation>
    </message>
    <message>
        <source>&amp;Liczba osób objętych:</source>
        <translation>&amp;Number of people reached:</translation>
    </message>
    <message>
        <source>Liczba osób objętych</source>
        <translation>Number of people reached</translation>
    </message>
    <message>
        <source>np. 40</source>
        <translation>e.g. 40</translation>
    </message>
</context>
<context>
    <name>InternshipDialog</name>
    <message>
        <source>Staż</source>
        <translation>Internship</translation>
    </message>
    <message>
        <source>Edycja stażu</source>
        <translation>Edit internship</translation>
    </message>
    <message>
        <source>&amp;Pracodawca:</source>
        <translation>&amp;Employer:</translation>
    </message>
    <message>
        <source>&amp;Adres pracodawcy:</source>
        <translation>Employer &amp;address:</translation>
    </message>
    <message>
        <source>&amp;Stanowisko:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>&amp;Opiekun stażu:</source>
        <translation>Internship &amp;supervisor:</translation>
    </message>
    <message>
        <source>&amp;Nr umowy:</source>
        <translation>Contract n&amp;o.:</translation>
    </message>
    <message>
        <source>&amp;Data umowy:</source>
        <translation>Contract &amp;date:</translation>
    </message>
    <message>
        <source>Staż &amp;od:</source>
        <translation>Internship &amp;from:</translation>
    </message>
    <message>
        <source>Początek stażu</source>
        <translation>Internship start</translation>
    </message>
    <message>
        <source>Staż d&amp;o:</source>
        <translation>Internship &amp;to:</translation>
    </message>
    <message>
        <source>Koniec stażu</source>
        <translation>Internship end</translation>
    </message>
    <message>
        <source>&amp;Godzin w tygodniu:</source>
        <translation>&amp;Hours per week:</translation>
    </message>
    <message>
        <source>od 0 do 40</source>
        <translation>0 to 40</translation>
    </message>
    <message>
        <source>Stypendium &amp;miesięczne (zł):</source>
        <translation>&amp;Monthly stipend (zł):</translation>
    </message>
    <message>
        <source>Stypendium miesięczne</source>
        <translation>Monthly stipend</translation>
    </message>
    <message>
        <source>np. 1 200,00</source>
        <translation>e.g. 1 200,00</translation>
    </message>
    <message>
        <source>&amp;Uwagi:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <source>Godzin w tygodniu</source>
        <translation>Hours per week</translation>
    </message>
</context>
<context>
    <name>InternshipMonthDialog</name>
    <message>
        <source>Obecność na stażu w miesiącu</source>
        <translation>Monthly internship attendance</translation>
    </message>
    <message>
        <source> (zapisano)</source>
        <translation> (saved)</translation>
    </message>
    <message>
        <source>&amp;Miesiąc:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <source>Dni &amp;obecności:</source>
        <translation>Days &amp;present:</translation>
    </message>
    <message>
        <source>Dni &amp;nieobecności:</source>
        <translation>Days &amp;absent:</translation>
    </message>
    <message>
        <source>&amp;Godziny:</source>
        <translation>&amp;Hours:</translation>
    </message>
    <message>
        <source>&amp;Wypłacone stypendium (zł):</source>
        <translation>&amp;Stipend paid (zł):</translation>
    </message>
    <message>
        <source>Wypłacone stypendium</source>
        <translation>Stipend paid</translation>
    </message>
    <message>
        <source>Należne stypendium</source>
        <translation>Stipend due</translation>
    </message>
    <message>
        <source>Należne stypendium:</source>
        <translation>Stipend due:</translation>
    </message>
    <message>
        <source>wpisz godziny</source>
        <translation>enter the hours</translation>
    </message>
    <message>
        <source>Dni obecności</source>
        <translation>Days present</translation>
    </message>
    <message>
        <source>Zapisać mimo ostrzeżeń?</source>
        <translation>Save despite the warnings?</translation>
    </message>
    <message>
        <source>Zapisz mimo to</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Wróć do formularza</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <source>Dni nieobecności</source>
        <translation>Days absent</translation>
    </message>
    <message>
        <source>Godziny</source>
        <translation>Hours</translation>
    </message>
</context>
<context>
    <name>Internships</name>
    <message>
        <source>Wypłacono {paid}, a nie podano godzin stażu — nie można sprawdzić, ile się należy.</source>
        <translation>{paid} was paid but no internship hours were given — what is due cannot be checked.</translation>
    </message>
    <message>
        <source>Wypłacono {paid}, a za {hours} godz. należy się {due} — o {diff} za dużo.</source>
        <translation>{paid} was paid, and {due} is due for {hours} h — {diff} too much.</translation>
    </message>
    <message>
        <source>Wypłacono {paid}, a za {hours} godz. należy się {due} — o {diff} za mało.</source>
        <translation>{paid} was paid, and {due} is due for {hours} h — {diff} too little.</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>Szukaj…</source>
        <extracomment>Stable English id (used by ``pal-desktop screenshot --tab`` and in code). The columns of the table.</extracomment>
        <translation>Search…</translation>
    </message>
    <message>
        <source>Wczytywanie danych…</source>
        <translation>Loading data…</translation>
    </message>
    <message>
        <source>Komunikat listy</source>
        <translation>List message</translation>
    </message>
    <message>
        <source>Liczba pozycji</source>
        <translation>Number of items</translation>
    </message>
    <message>
        <source>Szukaj: {list}</source>
        <translation>Search: {list}</translation>
    </message>
    <message>
        <source>Na tej karcie nie dodaje się rekordów.</source>
        <translation>Records are not added on this tab.</translation>
    </message>
    <message>
        <source>Na tej karcie nie ma dokumentu do wydrukowania.</source>
        <translation>This tab has no document to print.</translation>
    </message>
    <message>
        <source>Nic nie znaleziono dla „{query}”.</source>
        <translation>Nothing found for “{query}”.</translation>
    </message>
    <message>
        <source>{shown} z {total}</source>
        <translation>{shown} of {total}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Okno główne PAL Desktop</source>
        <translation>PAL Desktop main window</translation>
    </message>
    <message>
        <source>Zakładki</source>
        <translation>Tabs</translation>
    </message>
    <message>
        <source>Zapisywanie: przycisk „Zapisz” (Ctrl+S) w formularzu rekordu.</source>
        <translation>Saving: the “Save” button (Ctrl+S) in the record form.</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Drukuj…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Drukuj dokument zaznaczonego rekordu, np. kartę uczestnika</source>
        <translation>Print a document for the selected record, e.g. the participant card</translation>
    </message>
    <message>
        <source>&amp;Kopia zapasowa…</source>
        <translation>&amp;Back up…</translation>
    </message>
    <message>
        <source>Zapisz kopię bazy danych, np. na pendrive</source>
        <translation>Save a copy of the database, e.g. on a USB stick</translation>
    </message>
    <message>
        <source>&amp;Ustawienia…</source>
        <translation>S&amp;ettings…</translation>
    </message>
    <message>
        <source>Dane organizacji, logotypy i lokalizacja bazy danych</source>
        <translation>Organisation details, logos and database location</translation>
    </message>
    <message>
        <source>Za&amp;kończ</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Zamknij program</source>
        <translation>Close the program</translation>
    </message>
    <message>
        <source>&amp;Nowy…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>Dodaj nowy rekord do bieżącej listy</source>
        <translation>Add a new record to the current list</translation>
    </message>
    <message>
        <source>&amp;Szukaj</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>Przejdź do pola wyszukiwania bieżącej listy</source>
        <translation>Go to the search field of the current list</translation>
    </message>
    <message>
        <source>&amp;Uczestnicy</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <source>&amp;Animatorzy</source>
        <translation>&amp;Animators</translation>
    </message>
    <message>
        <source>&amp;Wolontariusze</source>
        <translation>&amp;Volunteers</translation>
    </message>
    <message>
        <source>&amp;Harmonogram</source>
        <translation>&amp;Schedule</translation>
    </message>
    <message>
        <source>Wy&amp;darzenia</source>
        <translation>&amp;Events</translation>
    </message>
    <message>
        <source>&amp;Raporty</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>Pokaż zakładkę {title}</source>
        <translation>Show the {title} tab</translation>
    </message>
    <message>
        <source>&amp;Pomoc</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Krótki przewodnik po programie</source>
        <translation>A short guide to the program</translation>
    </message>
    <message>
        <source>&amp;O programie</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Wersja i opis programu</source>
        <translation>Version and description of the program</translation>
    </message>
    <message>
        <source>Menu główne</source>
        <translation>Main menu</translation>
    </message>
    <message>
        <source>&amp;Plik</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edycja</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Widok</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>P&amp;rogram</source>
        <translation>P&amp;rogramme</translation>
    </message>
    <message>
        <source>Pomo&amp;c</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Pasek programu</source>
        <translation>Programme toolbar</translation>
    </message>
    <message>
        <source>Pro&amp;gram:</source>
        <translation>Pro&amp;gramme:</translation>
    </message>
    <message>
        <source>Wybór programu</source>
        <translation>Programme choice</translation>
    </message>
    <message>
        <source>Program, nad którym pracujesz: wszystkie zakładki pokazują jego dane (Alt+G)</source>
        <translation>The programme you work on: every tab shows its data (Alt+G)</translation>
    </message>
    <message>
        <source>Na tej karcie nie dodaje się rekordów.</source>
        <translation>Records are not added on this tab.</translation>
    </message>
    <message>
        <source>Na tej karcie nie ma dokumentu do wydrukowania.</source>
        <translation>This tab has no document to print.</translation>
    </message>
    <message>
        <source>Wczytywanie…</source>
        <extracomment>(id, Polish title) of each tab, in order: the names ``pal-desktop screenshot --tab`` accepts.</extracomment>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Kopia zapasowa bazy danych</source>
        <translation>Database backup</translation>
    </message>
    <message>
        <source>Baza SQLite (*.sqlite3)</source>
        <translation>SQLite database (*.sqlite3)</translation>
    </message>
    <message>
        <source>Pasek stanu</source>
        <translation>Status bar</translation>
    </message>
    <message>
        <source>Trwa wczytywanie</source>
        <translation>Loading</translation>
    </message>
    <message>
        <source>Baza: —</source>
        <translation>Database: —</translation>
    </message>
    <message>
        <source>Baza danych</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Program: —</source>
        <translation>Programme: —</translation>
    </message>
    <message>
        <source>Aktywny program</source>
        <translation>Active programme</translation>
    </message>
    <message>
        <source>Baza: {location}</source>
        <translation>Database: {location}</translation>
    </message>
    <message>
        <source>Baza danych została zaktualizowana do nowej wersji programu (poprzednia wersja bazy: {old}). Kopia zapasowa: {backup}</source>
        <translation>The database was upgraded for the new version of the program (previous database version: {old}). Backup: {backup}</translation>
    </message>
    <message>
        <source>{title} ({start}–{end})</source>
        <translation>{title} ({start}–{end})</translation>
    </message>
    <message>
        <source>(brak programów)</source>
        <translation>(no programmes)</translation>
    </message>
    <message>
        <source>Pracuj na programie: {title}</source>
        <translation>Work on the programme: {title}</translation>
    </message>
    <message>
        <source>&amp;Nowy program…</source>
        <translation>&amp;New programme…</translation>
    </message>
    <message>
        <source>Dodaj program innej gminy albo na kolejne lata</source>
        <translation>Add a programme for another municipality or for the following years</translation>
    </message>
    <message>
        <source>&amp;Ulice obszaru rewitalizacji…</source>
        <translation>Revitalisation area &amp;streets…</translation>
    </message>
    <message>
        <source>Lista ulic, które podpowiada formularz uczestnika</source>
        <translation>List of streets suggested by the participant form</translation>
    </message>
    <message>
        <source>PAL Desktop — {title}</source>
        <translation>PAL Desktop — {title}</translation>
    </message>
    <message>
        <source>Program: {title}</source>
        <translation>Programme: {title}</translation>
    </message>
    <message>
        <source>Wybrano program: {title}</source>
        <translation>Programme chosen: {title}</translation>
    </message>
    <message>
        <source>Dodano program.</source>
        <translation>Programme added.</translation>
    </message>
    <message>
        <source>Wyszukiwanie na tej liście pojawi się wkrótce.</source>
        <translation>Searching this list is coming soon.</translation>
    </message>
    <message>
        <source>Zapisano kopię zapasową: {path}</source>
        <translation>Backup saved: {path}</translation>
    </message>
    <message>
        <source>Ustawienia zapisane. Nowa lokalizacja bazy danych zacznie obowiązywać przy następnym uruchomieniu programu.</source>
        <translation>Settings saved. The new database location takes effect the next time the program starts.</translation>
    </message>
    <message>
        <source>Ustawienia zapisane.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Kto i kiedy zmienił, otworzył, wydrukował lub wyeksportował dane</source>
        <translation>Who changed, opened, printed or exported data, and when</translation>
    </message>
    <message>
        <source>Dzi&amp;ennik dostępu…</source>
        <translation>Access &amp;log…</translation>
    </message>
    <message>
        <source>&amp;Przywróć z kopii…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>Zastąp bazę danych zawartością kopii zapasowej</source>
        <translation>Replace the database with the content of a backup</translation>
    </message>
    <message>
        <source>Kopia zapasowa</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Przywracanie kopii</source>
        <translation>Restoring the backup</translation>
    </message>
    <message>
        <source>&amp;Archiwizacja i anonimizacja…</source>
        <translation>&amp;Archiving and anonymisation…</translation>
    </message>
    <message>
        <source>Termin przechowywania danych programu i anonimizacja uczestników po nim</source>
        <translation>How long the programme&apos;s records are kept, and anonymising the participants after that</translation>
    </message>
</context>
<context>
    <name>MissingDatabaseDialog</name>
    <message>
        <source>Nie można otworzyć bazy danych</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>Podłącz dysk z bazą i wybierz „Spróbuj ponownie”, wskaż inny plik bazy albo otwórz bazę domyślną na tym komputerze ({path}). Nic nie zostało zmienione.</source>
        <translation>Connect the drive with the database and choose “Try again”, choose another database file, or open the default database of this computer ({path}). Nothing has been changed.</translation>
    </message>
    <message>
        <source>&amp;Spróbuj ponownie</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>Spróbuj ponownie otworzyć tę bazę</source>
        <translation>Try to open this database again</translation>
    </message>
    <message>
        <source>&amp;Wybierz inną bazę…</source>
        <translation>&amp;Choose another database…</translation>
    </message>
    <message>
        <source>Wybierz inny plik bazy danych</source>
        <translation>Choose another database file</translation>
    </message>
    <message>
        <source>Otwórz &amp;domyślną</source>
        <translation>Open the &amp;default</translation>
    </message>
    <message>
        <source>Otwórz domyślną bazę danych tego komputera</source>
        <translation>Open the default database of this computer</translation>
    </message>
    <message>
        <source>&amp;Zakończ</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Zakończ program</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <source>Wybierz plik bazy danych</source>
        <translation>Choose the database file</translation>
    </message>
    <message>
        <source>Bazy danych SQLite (*.sqlite3 *.sqlite *.db);;Wszystkie pliki (*)</source>
        <translation>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>MissingDocumentsDialog</name>
    <message>
        <source>Brakujące dokumenty</source>
        <translation>Missing documents</translation>
    </message>
    <message>
        <source>Wczytywanie…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Liczba osób z brakami</source>
        <translation>Number of people with missing documents</translation>
    </message>
    <message>
        <source>Szukaj na liście brakujących dokumentów</source>
        <translation>Search the list of missing documents</translation>
    </message>
    <message>
        <source>Szukaj: nazwisko, PESEL albo dokument</source>
        <translation>Search: surname, PESEL or document</translation>
    </message>
    <message>
        <source>Osoby z brakującymi dokumentami</source>
        <translation>People with missing documents</translation>
    </message>
    <message>
        <source>Kandydaci i uczestnicy, którzy nie podpisali jeszcze wszystkich dokumentów. Enter lub dwuklik otwiera stronę osoby, gdzie można uzupełnić daty.</source>
        <translation>Candidates and participants who have not yet signed all their documents. Enter or double-click opens the person&apos;s page, where you can fill in the dates.</translation>
    </message>
    <message>
        <source>&amp;Otwórz</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Otwórz stronę zaznaczonej osoby</source>
        <translation>Open the selected person&apos;s page</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Zamknij listę</source>
        <translation>Close the list</translation>
    </message>
    <message>
        <source>Wszyscy kandydaci i uczestnicy mają komplet dokumentów.</source>
        <translation>All candidates and participants have all their documents.</translation>
    </message>
    <message>
        <source>Osób z brakami: {count}</source>
        <translation>People with missing documents: {count}</translation>
    </message>
    <message>
        <source>Osób z brakami: co najmniej {count} (pokazano pierwsze {count})</source>
        <translation>People with missing documents: at least {count} (first {count} shown)</translation>
    </message>
    <message>
        <source> — pasuje do wyszukiwania: {shown}</source>
        <translation> — matching the search: {shown}</translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message>
        <source>styczeń</source>
        <translation>January</translation>
    </message>
    <message>
        <source>luty</source>
        <translation>February</translation>
    </message>
    <message>
        <source>marzec</source>
        <translation>March</translation>
    </message>
    <message>
        <source>kwiecień</source>
        <translation>April</translation>
    </message>
    <message>
        <source>maj</source>
        <translation>May</translation>
    </message>
    <message>
        <source>czerwiec</source>
        <translation>June</translation>
    </message>
    <message>
        <source>lipiec</source>
        <translation>July</translation>
    </message>
    <message>
        <source>sierpień</source>
        <translation>August</translation>
    </message>
    <message>
        <source>wrzesień</source>
        <translation>September</translation>
    </message>
    <message>
        <source>październik</source>
        <translation>October</translation>
    </message>
    <message>
        <source>listopad</source>
        <translation>November</translation>
    </message>
    <message>
        <source>grudzień</source>
        <translation>December</translation>
    </message>
    <message>
        <source>stycznia</source>
        <extracomment>Month names after a day number (&quot;11 listopada 2021&quot;).</extracomment>
        <translation>January</translation>
    </message>
    <message>
        <source>lutego</source>
        <translation>February</translation>
    </message>
    <message>
        <source>marca</source>
        <translation>March</translation>
    </message>
    <message>
        <source>kwietnia</source>
        <translation>April</translation>
    </message>
    <message>
        <source>maja</source>
        <translation>May</translation>
    </message>
    <message>
        <source>czerwca</source>
        <translation>June</translation>
    </message>
    <message>
        <source>lipca</source>
        <translation>July</translation>
    </message>
    <message>
        <source>sierpnia</source>
        <translation>August</translation>
    </message>
    <message>
        <source>września</source>
        <translation>September</translation>
    </message>
    <message>
        <source>października</source>
        <translation>October</translation>
    </message>
    <message>
        <source>listopada</source>
        <translation>November</translation>
    </message>
    <message>
        <source>grudnia</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Pn</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Wt</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Śr</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Cz</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Pt</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>So</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Nd</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>poniedziałek</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>wtorek</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>środa</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>czwartek</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>piątek</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>sobota</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>niedziela</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>dziś</source>
        <extracomment>The date of a cell. The events of a cell&apos;s day (a list of objects with ``start_time`` and ``title``). The name of the public holiday on the cell&apos;s day, or None. True for days of the shown month (the grid also shows the ends of the months around it).</extracomment>
        <translation>today</translation>
    </message>
    <message>
        <source>brak wydarzeń</source>
        <translation>no events</translation>
    </message>
    <message>
        <source>Kalendarz wydarzeń</source>
        <translation>Event calendar</translation>
    </message>
    <message>
        <source>Poprzedni miesiąc</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Poprzedni miesiąc (Page Up)</source>
        <translation>Previous month (Page Up)</translation>
    </message>
    <message>
        <source>Następny miesiąc</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>Następny miesiąc (Page Down)</source>
        <translation>Next month (Page Down)</translation>
    </message>
    <message>
        <source>Pokazany miesiąc</source>
        <translation>Month shown</translation>
    </message>
    <message>
        <source>Dziś</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Pokaż bieżący miesiąc</source>
        <translation>Show the current month</translation>
    </message>
    <message>
        <source>Wróć do bieżącego miesiąca</source>
        <translation>Go back to the current month</translation>
    </message>
    <message>
        <source>Dni miesiąca</source>
        <translation>Days of the month</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1a5fb4&apos;&gt;▢&lt;/span&gt; dziś &amp;nbsp; &lt;span style=&apos;color:#b3261e&apos;&gt;czerwone&lt;/span&gt; — niedziele i święta &amp;nbsp; kliknij dzień, aby pokazać jego wydarzenia</source>
        <translation>&lt;span style=&apos;color:#1a5fb4&apos;&gt;▢&lt;/span&gt; today &amp;nbsp; &lt;span style=&apos;color:#b3261e&apos;&gt;red&lt;/span&gt; — Sundays and public holidays &amp;nbsp; click a day to show its events</translation>
    </message>
    <message>
        <source>Objaśnienie kalendarza</source>
        <translation>Calendar legend</translation>
    </message>
</context>
<context>
    <name>MonthDialog</name>
    <message>
        <source>Karta pracy — {name}</source>
        <translation>Timesheet — {name}</translation>
    </message>
    <message>
        <source>Karta pracy wolontariusza</source>
        <translation>Volunteer timesheet</translation>
    </message>
    <message>
        <source>&amp;Miesiąc:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <source>Miesiąc</source>
        <translation>Month</translation>
    </message>
    <message>
        <source> — {hours} godz.</source>
        <translation> — {hours} h</translation>
    </message>
    <message>
        <source> — brak godzin</source>
        <translation> — no hours</translation>
    </message>
    <message>
        <source>&amp;Drukuj kartę</source>
        <translation>&amp;Print timesheet</translation>
    </message>
    <message>
        <source>Drukuj kartę pracy</source>
        <translation>Print the timesheet</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>Hasło tymczasowe</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Nowe konto</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>Właściciel konta „{login}” zmieni to hasło przy najbliższym logowaniu.</source>
        <translation>The owner of “{login}” changes this password at the next sign-in.</translation>
    </message>
    <message>
        <source>Hasło przekaż osobie osobiście; zmieni je po zalogowaniu.</source>
        <translation>Give the password to the person yourself; they change it after signing in.</translation>
    </message>
    <message>
        <source>Zapisz</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Imię i nazwisko:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>Rola</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>&amp;Rola:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Pomoc pieniężna (tylko pracownik)</source>
        <translation>&amp;Cash assistance (staff role only)</translation>
    </message>
    <message>
        <source>Uprawnienie pomoc pieniężna</source>
        <translation>Cash assistance permission</translation>
    </message>
    <message>
        <source>&amp;Hasło (co najmniej 8 znaków):</source>
        <translation>&amp;Password (at least 8 characters):</translation>
    </message>
</context>
<context>
    <name>OperationProgress</name>
    <message>
        <source>Postęp pracy w tle</source>
        <translation>Background work progress</translation>
    </message>
    <message>
        <source>Postęp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Przerwij</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Przerwij pracę w tle</source>
        <translation>Cancel the background work</translation>
    </message>
    <message>
        <source>Przerywanie: {title}…</source>
        <translation>Cancelling: {title}…</translation>
    </message>
    <message>
        <source>{title} (w kolejce: {count})</source>
        <translation>{title} (queued: {count})</translation>
    </message>
    <message>
        <source>Proszę czekać</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Przerwano na prośbę użytkownika; nic nie zostało zapisane.</source>
        <translation>Cancelled at the user&apos;s request; nothing was saved.</translation>
    </message>
    <message>
        <source>„{title}”: nie udało się zapisać ani odczytać pliku ({reason}). Sprawdź miejsce na dysku i uprawnienia.</source>
        <extracomment>Progress reaches the UI at most this often (a service may report thousands of steps a second). Block the window while it runs (restore, import): a window-modal progress dialog instead of the status bar. Heavy work that runs in the worker process instead of ``work`` (see ``pal_desktop.worker_process``). How many operations waited behind this one when it started. Called for a failure the operation did not handle itself: ``error_handler(operation, error)``. Queued or running, or done but with its callbacks not yet run on the UI thread.</extracomment>
        <translation>“{title}”: a file could not be written or read ({reason}). Check the free disk space and the permissions.</translation>
    </message>
    <message>
        <source>Praca w tle zakończyła się nieoczekiwanie (zabrakło pamięci?). Nic nie zostało zapisane; spróbuj ponownie.</source>
        <translation>The background work ended unexpectedly (out of memory?). Nothing was saved; try again.</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <source>Opinia o wolontariuszu — {name}</source>
        <translation>Volunteer reference — {name}</translation>
    </message>
    <message>
        <source>Opinia o wolontariuszu</source>
        <translation>Volunteer reference</translation>
    </message>
    <message>
        <source>&amp;Ocena:</source>
        <translation>&amp;Assessment:</translation>
    </message>
    <message>
        <source>Ocena wykonywania świadczeń</source>
        <translation>Assessment of the services performed</translation>
    </message>
    <message>
        <source>Okresy, zakres świadczeń i liczba godzin wpiszą się same z ewidencji. Puste wiersze dzielą tekst na akapity.</source>
        <translation>The periods, scope of services and number of hours are filled in automatically from the records. Blank lines split the text into paragraphs.</translation>
    </message>
    <message>
        <source>np. Pani Anna wykonywała powierzone zadania sumiennie i z zaangażowaniem, nawiązywała dobry kontakt z dziećmi…</source>
        <translation>e.g. Pani Anna carried out the tasks entrusted to her conscientiously and with commitment, and built a good rapport with the children…</translation>
    </message>
    <message>
        <source>&amp;Drukuj opinię</source>
        <translation>&amp;Print reference</translation>
    </message>
    <message>
        <source>Drukuj opinię</source>
        <translation>Print the reference</translation>
    </message>
</context>
<context>
    <name>ParticipantFields</name>
    <message>
        <source>Nr mieszkania</source>
        <extracomment>Names of the fields ``services.participants.FIELD_LABELS`` does not name (used in the history of changes).</extracomment>
        <translation>Flat no.</translation>
    </message>
    <message>
        <source>Brak PESEL</source>
        <translation>No PESEL</translation>
    </message>
    <message>
        <source>Ulica z listy obszaru</source>
        <translation>Street from the area list</translation>
    </message>
    <message>
        <source>Wykształcenie</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Status na rynku pracy</source>
        <translation>Labour market status</translation>
    </message>
    <message>
        <source>Status na rynku pracy — w tym</source>
        <translation>Labour market status — including</translation>
    </message>
    <message>
        <source>Niepełnosprawność</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Mniejszość, migrant, obce pochodzenie</source>
        <translation>Minority, migrant, foreign background</translation>
    </message>
    <message>
        <source>Bezdomność lub wykluczenie z dostępu do mieszkań</source>
        <translation>Homelessness or housing exclusion</translation>
    </message>
    <message>
        <source>Inna niekorzystna sytuacja społeczna</source>
        <translation>Other disadvantaged social situation</translation>
    </message>
    <message>
        <source>Zakończenie zgodnie ze ścieżką</source>
        <translation>Completed as planned in the support path</translation>
    </message>
    <message>
        <source>Zgoda na wykorzystanie wizerunku</source>
        <translation>Consent to the use of image</translation>
    </message>
    <message>
        <source>Indywidualny plan działania</source>
        <translation>Individual action plan</translation>
    </message>
    <message>
        <source>Uwagi</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Przesłanki wsparcia</source>
        <translation>Reasons for support</translation>
    </message>
    <message>
        <source>Uczestnik</source>
        <translation>Participant</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>Nowy uczestnik</source>
        <translation>New participant</translation>
    </message>
    <message>
        <source>Pola formularza</source>
        <translation>Form fields</translation>
    </message>
    <message>
        <source>Stan formularza</source>
        <translation>Form status</translation>
    </message>
    <message>
        <source>Błąd formularza</source>
        <translation>Form error</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zapisz uczestnika</source>
        <translation>Save the participant</translation>
    </message>
    <message>
        <source>Zapisz (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Zamknij formularz bez zapisywania</source>
        <translation>Close the form without saving</translation>
    </message>
    <message>
        <source>Zamknij bez zapisywania (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <source>Błąd: {field}</source>
        <translation>Error: {field}</translation>
    </message>
    <message>
        <source>Dane osobowe</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <source>&amp;Imię:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <source>&amp;Nazwisko:</source>
        <translation>S&amp;urname:</translation>
    </message>
    <message>
        <source>&amp;brak PESEL</source>
        <translation>&amp;No PESEL</translation>
    </message>
    <message>
        <source>Brak numeru PESEL</source>
        <translation>No PESEL number</translation>
    </message>
    <message>
        <source>Osoba nie ma numeru PESEL (np. cudzoziemiec): podaj numer dokumentu i datę urodzenia</source>
        <translation>The person has no PESEL number (e.g. a foreign national): enter the document number and date of birth</translation>
    </message>
    <message>
        <source>Otwórz rekord osoby z tym numerem PESEL</source>
        <translation>Open the record of the person with this PESEL number</translation>
    </message>
    <message>
        <source>&amp;PESEL:</source>
        <translation>&amp;PESEL:</translation>
    </message>
    <message>
        <source>11 cyfr</source>
        <translation>11 digits</translation>
    </message>
    <message>
        <source>dla osoby bez PESEL</source>
        <translation>for a person without a PESEL</translation>
    </message>
    <message>
        <source>Numer dokumentu tożsamości</source>
        <translation>Identity document number</translation>
    </message>
    <message>
        <source>Data &amp;urodzenia:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <source>— nie podano —</source>
        <translation>— not given —</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>wybierz z listy ulic obszaru albo wpisz</source>
        <translation>choose from the area&apos;s street list or type in</translation>
    </message>
    <message>
        <source>U&amp;lica:</source>
        <translation>St&amp;reet:</translation>
    </message>
    <message>
        <source>Ulica</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Uzasadnienie adresu
spoza obszaru:</source>
        <translation>Reason for an address
outside the area:</translation>
    </message>
    <message>
        <source>tylko dla ulicy spoza obszaru rewitalizacji</source>
        <translation>only for a street outside the revitalisation area</translation>
    </message>
    <message>
        <source>Uzasadnienie adresu spoza obszaru</source>
        <translation>Reason for an address outside the area</translation>
    </message>
    <message>
        <source>Nr mieszkania</source>
        <translation>Flat no.</translation>
    </message>
    <message>
        <source>Nr &amp;mieszkania:</source>
        <translation>F&amp;lat no.:</translation>
    </message>
    <message>
        <source>Nr &amp;domu:</source>
        <translation>&amp;House no.:</translation>
    </message>
    <message>
        <source>Nr domu</source>
        <translation>House no.</translation>
    </message>
    <message>
        <source>Miejs&amp;cowość:</source>
        <translation>To&amp;wn:</translation>
    </message>
    <message>
        <source>&amp;Kod pocztowy:</source>
        <translation>Postal &amp;code:</translation>
    </message>
    <message>
        <source>Kod pocztowy</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Miejscowość</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>Phon&amp;e:</translation>
    </message>
    <message>
        <source>np. 600 100 200</source>
        <translation>e.g. 600 100 200</translation>
    </message>
    <message>
        <source>Otw&amp;órz istniejący rekord</source>
        <translation>&amp;Open existing record</translation>
    </message>
    <message>
        <source>Numer d&amp;okumentu:</source>
        <translation>Docu&amp;ment no.:</translation>
    </message>
    <message>
        <source>P&amp;łeć:</source>
        <translation>Se&amp;x:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>E-ma&amp;il:</translation>
    </message>
    <message>
        <source>np. jan.kowalski@example.pl</source>
        <translation>e.g. jan.kowalski@example.pl</translation>
    </message>
    <message>
        <source>Sytuacja</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Wykształcenie:</source>
        <translation>Education:</translation>
    </message>
    <message>
        <source>Status na rynku
pracy:</source>
        <translation>Labour market
status:</translation>
    </message>
    <message>
        <source>Status na rynku pracy</source>
        <translation>Labour market status</translation>
    </message>
    <message>
        <source>w tym:</source>
        <translation>including:</translation>
    </message>
    <message>
        <source>np. osoba długotrwale bezrobotna</source>
        <translation>e.g. long-term unemployed person</translation>
    </message>
    <message>
        <source>Status na rynku pracy — w tym</source>
        <translation>Labour market status — including</translation>
    </message>
    <message>
        <source>— nie dotyczy —</source>
        <translation>— not applicable —</translation>
    </message>
    <message>
        <source>stopień:</source>
        <translation>degree:</translation>
    </message>
    <message>
        <source>Niepełnosprawność:</source>
        <translation>Disability:</translation>
    </message>
    <message>
        <source>Stopień niepełnosprawności</source>
        <translation>Degree of disability</translation>
    </message>
    <message>
        <source>Mniejszość, migrant,
obce pochodzenie:</source>
        <translation>Minority, migrant,
foreign background:</translation>
    </message>
    <message>
        <source>Mniejszość narodowa lub etniczna, migrant, osoba obcego pochodzenia</source>
        <translation>National or ethnic minority, migrant, person of foreign origin</translation>
    </message>
    <message>
        <source>Bezdomność:</source>
        <translation>Homelessness:</translation>
    </message>
    <message>
        <source>Bezdomność lub wykluczenie z dostępu do mieszkań</source>
        <translation>Homelessness or housing exclusion</translation>
    </message>
    <message>
        <source>Inna niekorzystna
sytuacja społeczna:</source>
        <translation>Other disadvantaged
social situation:</translation>
    </message>
    <message>
        <source>Inna niekorzystna sytuacja społeczna</source>
        <translation>Other disadvantaged social situation</translation>
    </message>
    <message>
        <source>Przesłanki
wsparcia:</source>
        <translation>Reasons for
support:</translation>
    </message>
    <message>
        <source>Przesłanki wsparcia (zaznacz spacją)</source>
        <translation>Reasons for support (tick with Space)</translation>
    </message>
    <message>
        <source>Udział w programie</source>
        <translation>Participation in the programme</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>Data &amp;rozpoczęcia:</source>
        <translation>Start &amp;date:</translation>
    </message>
    <message>
        <source>Data rozpoczęcia udziału</source>
        <translation>Participation start date</translation>
    </message>
    <message>
        <source>Data zakończenia:</source>
        <translation>End date:</translation>
    </message>
    <message>
        <source>Data zakończenia udziału</source>
        <translation>Participation end date</translation>
    </message>
    <message>
        <source>Sytuacja w chwili
zakończenia:</source>
        <translation>Situation on
leaving:</translation>
    </message>
    <message>
        <source>np. osoba podjęła pracę</source>
        <translation>e.g. the person found a job</translation>
    </message>
    <message>
        <source>Sytuacja w chwili zakończenia</source>
        <translation>Situation on leaving the programme</translation>
    </message>
    <message>
        <source>Zakończenie zgodnie
ze ścieżką:</source>
        <translation>Completed as planned
in the support path:</translation>
    </message>
    <message>
        <source>— nie określono —</source>
        <translation>— not specified —</translation>
    </message>
    <message>
        <source>Zakończenie zgodnie ze ścieżką</source>
        <translation>Completed as planned in the support path</translation>
    </message>
    <message>
        <source>Dokumenty (data podpisania)</source>
        <translation>Documents (signing date)</translation>
    </message>
    <message>
        <source>Puste pole oznacza, że dokumentu jeszcze nie podpisano.</source>
        <translation>An empty field means the document has not been signed yet.</translation>
    </message>
    <message>
        <source>brak — dd.mm.rrrr</source>
        <translation>none — dd.mm.yyyy</translation>
    </message>
    <message>
        <source>Deklaracja
uczestnictwa:</source>
        <translation>Participation
declaration:</translation>
    </message>
    <message>
        <source>Deklaracja uczestnictwa — data podpisania</source>
        <translation>Participation declaration — signing date</translation>
    </message>
    <message>
        <source>Oświadczenie RODO:</source>
        <translation>GDPR statement:</translation>
    </message>
    <message>
        <source>Oświadczenie RODO — data podpisania</source>
        <translation>GDPR statement — signing date</translation>
    </message>
    <message>
        <source>Zgoda na wizerunek:</source>
        <translation>Image consent:</translation>
    </message>
    <message>
        <source>Zgoda na wykorzystanie wizerunku — data podpisania</source>
        <translation>Consent to the use of image — signing date</translation>
    </message>
    <message>
        <source>Indywidualny plan
działania:</source>
        <translation>Individual action
plan:</translation>
    </message>
    <message>
        <source>Indywidualny plan działania — data podpisania</source>
        <translation>Individual action plan — signing date</translation>
    </message>
    <message>
        <source>Uwagi</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>U&amp;wagi:</source>
        <translation>No&amp;tes:</translation>
    </message>
    <message>
        <source>Edycja uczestnika: {name}</source>
        <translation>Editing participant: {name}</translation>
    </message>
    <message>
        <source>z numeru PESEL</source>
        <translation>from the PESEL number</translation>
    </message>
    <message>
        <source>uzupełni się z PESEL</source>
        <translation>filled in from the PESEL</translation>
    </message>
    <message>
        <source>Ulicy „{street}” nie ma na liście ulic obszaru rewitalizacji tego programu — adres zostanie zapisany z uzasadnieniem.</source>
        <translation>The street “{street}” is not on this programme&apos;s list of revitalisation area streets — the address will be saved with a reason.</translation>
    </message>
    <message>
        <source>„{text}” to nie jest data — wpisz ją w postaci dd.mm.rrrr, np. 15.03.2021.</source>
        <extracomment>Fields whose &quot;cannot be empty&quot; message waits until the field is touched on a brand-new form. Fields sharing a row show their messages under the row&apos;s first field.</extracomment>
        <translation>“{text}” is not a date — enter it as dd.mm.yyyy, e.g. 15.03.2021.</translation>
    </message>
    <message>
        <source>Wszystkie pola są poprawne. Zapisz: Ctrl+S.</source>
        <translation>All fields are valid. Save: Ctrl+S.</translation>
    </message>
    <message>
        <source>Uzupełnij: {fields}.</source>
        <translation>Fill in: {fields}.</translation>
    </message>
    <message>
        <source>Popraw pola oznaczone na czerwono: {fields}.</source>
        <translation>Correct the fields marked in red: {fields}.</translation>
    </message>
    <message>
        <source>• {name}, ur. {birth}</source>
        <translation>• {name}, born {birth}</translation>
    </message>
    <message>
        <source>Możliwy duplikat</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>W rejestrze jest już osoba o tym samym imieniu, nazwisku i dacie urodzenia:
{names}</source>
        <translation>There is already a person in the register with the same first name, surname and date of birth:
{names}</translation>
    </message>
    <message>
        <source>Zapisz tylko wtedy, gdy to na pewno inna osoba.</source>
        <translation>Save only if you are sure this is a different person.</translation>
    </message>
    <message>
        <source>Zapisz mimo to</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Wróć do formularza</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <source>Porzucić zmiany?</source>
        <translation>Discard the changes?</translation>
    </message>
    <message>
        <source>Zmiany w formularzu nie zostały zapisane. Porzucić je?</source>
        <translation>The changes in the form have not been saved. Discard them?</translation>
    </message>
    <message>
        <source>Porzuć zmiany</source>
        <translation>Discard the changes</translation>
    </message>
    <message>
        <source>Słowniki danych EFS</source>
        <translation>EFS data dictionaries</translation>
    </message>
    <message>
        <source>Status — w tym
(ze słownika):</source>
        <translation>Status — of which
(from the list):</translation>
    </message>
    <message>
        <source>Status na rynku pracy — w tym, ze słownika</source>
        <translation>Labour-market status — of which, from the list</translation>
    </message>
    <message>
        <source>Sytuacja po
zakończeniu:</source>
        <translation>Situation at
the end:</translation>
    </message>
    <message>
        <source>Sytuacja w chwili zakończenia, ze słownika</source>
        <translation>Situation at the end, from the list</translation>
    </message>
    <message>
        <source>Sytuacja (2) po
zakończeniu:</source>
        <translation>Situation (2)
on leaving:</translation>
    </message>
    <message>
        <source>Druga sytuacja w chwili zakończenia, ze słownika</source>
        <translation>The second situation on leaving, from the dictionary</translation>
    </message>
    <message>
        <source>Wykonywany zawód:</source>
        <translation>Occupation:</translation>
    </message>
    <message>
        <source>Wykonywany zawód (osoba pracująca), ze słownika</source>
        <translation>Occupation (a person in work), from the dictionary</translation>
    </message>
    <message>
        <source>Zatrudniony w:</source>
        <translation>Employed at:</translation>
    </message>
    <message>
        <source>nazwa pracodawcy</source>
        <translation>employer&apos;s name</translation>
    </message>
    <message>
        <source>Zatrudniony w — nazwa pracodawcy</source>
        <translation>Employed at — the employer&apos;s name</translation>
    </message>
    <message>
        <source>np. 23 050,00</source>
        <translation>e.g. 23 050,00</translation>
    </message>
    <message>
        <source>Kwota środków na
działalność (zł):</source>
        <translation>Business grant
(zł):</translation>
    </message>
    <message>
        <source>Kwota przyznanych środków na założenie działalności gospodarczej</source>
        <translation>Amount granted to start a business</translation>
    </message>
    <message>
        <source>PKD działalności:</source>
        <translation>Business PKD:</translation>
    </message>
    <message>
        <source>np. 88.99.Z</source>
        <translation>e.g. 88.99.Z</translation>
    </message>
    <message>
        <source>PKD założonej działalności gospodarczej</source>
        <translation>PKD code of the business started</translation>
    </message>
    <message>
        <source>Dane EFS+ 2021-2027</source>
        <translation>ESF+ 2021-2027 data</translation>
    </message>
    <message>
        <source>Obywatelstwo:</source>
        <translation>Citizenship:</translation>
    </message>
    <message>
        <source>Osoba obcego
pochodzenia:</source>
        <translation>Person of
foreign origin:</translation>
    </message>
    <message>
        <source>Osoba obcego pochodzenia</source>
        <translation>Person of foreign origin</translation>
    </message>
    <message>
        <source>Obywatel państwa
trzeciego:</source>
        <translation>Third-country
national:</translation>
    </message>
    <message>
        <source>Obywatel państwa trzeciego</source>
        <translation>Third-country national</translation>
    </message>
    <message>
        <source>Mniejszość narodowa
lub etniczna:</source>
        <translation>National or
ethnic minority:</translation>
    </message>
    <message>
        <source>Osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowane)</source>
        <translation>Person belonging to a national or ethnic minority (including marginalised communities)</translation>
    </message>
    <message>
        <source>Planowane zakończenie
edukacji:</source>
        <translation>Planned end
of education:</translation>
    </message>
    <message>
        <source>Planowana data zakończenia edukacji</source>
        <translation>Planned end date of education</translation>
    </message>
    <message>
        <source>Założenie działalności
gospodarczej:</source>
        <translation>Business
started on:</translation>
    </message>
    <message>
        <source>Data założenia działalności gospodarczej</source>
        <translation>Business start date</translation>
    </message>
    <message>
        <source>Identyfikator
techniczny:</source>
        <translation>Technical
identifier:</translation>
    </message>
    <message>
        <source>pusty: PAL-numer rekordu</source>
        <translation>empty: PAL-record number</translation>
    </message>
    <message>
        <source>Techniczny identyfikator uczestnika</source>
        <translation>Technical participant identifier</translation>
    </message>
</context>
<context>
    <name>ParticipantMemberDialog</name>
    <message>
        <source>Dodaj uczestnika do rodziny</source>
        <translation>Add a participant to the family</translation>
    </message>
    <message>
        <source>nazwisko, imię, PESEL lub ulica</source>
        <translation>surname, first name, PESEL or street</translation>
    </message>
    <message>
        <source>&amp;Szukaj:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>Szukaj uczestnika</source>
        <translation>Search for a participant</translation>
    </message>
    <message>
        <source>&amp;Uczestnik:</source>
        <translation>&amp;Participant:</translation>
    </message>
    <message>
        <source>Znalezieni uczestnicy</source>
        <translation>Participants found</translation>
    </message>
    <message>
        <source>&amp;Pokrewieństwo:</source>
        <translation>&amp;Relationship:</translation>
    </message>
</context>
<context>
    <name>ParticipantPage</name>
    <message>
        <source>Karta uczestnika</source>
        <translation>Participant card</translation>
    </message>
    <message>
        <source>&amp;Edytuj dane…</source>
        <translation>&amp;Edit details…</translation>
    </message>
    <message>
        <source>Edytuj dane uczestnika</source>
        <translation>Edit the participant’s details</translation>
    </message>
    <message>
        <source>Zmień dane uczestnika (Ctrl+E)</source>
        <translation>Change the participant’s details (Ctrl+E)</translation>
    </message>
    <message>
        <source>Drukuj &amp;kartę</source>
        <translation>Print &amp;card</translation>
    </message>
    <message>
        <source>Drukuj kartę uczestnika</source>
        <translation>Print the participant card</translation>
    </message>
    <message>
        <source>Karta uczestnika w PDF (Ctrl+P)</source>
        <translation>Participant card as PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>Zakładki strony uczestnika</source>
        <translation>Participant page tabs</translation>
    </message>
    <message>
        <source>&amp;Dane</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>&amp;Wydarzenia</source>
        <translation>E&amp;vents</translation>
    </message>
    <message>
        <source>Ścieżka wspar&amp;cia</source>
        <translation>Support &amp;path</translation>
    </message>
    <message>
        <source>&amp;Staże i pomoc</source>
        <translation>&amp;Internships and assistance</translation>
    </message>
    <message>
        <source>D&amp;okumenty</source>
        <translation>D&amp;ocuments</translation>
    </message>
    <message>
        <source>Rodzi&amp;na</source>
        <translation>&amp;Family</translation>
    </message>
    <message>
        <source>&amp;Historia zmian</source>
        <translation>Change &amp;history</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Zamknij stronę uczestnika</source>
        <translation>Close the participant page</translation>
    </message>
    <message>
        <source>Zamknij (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Dane uczestnika</source>
        <extracomment>What the page answers for this section (``page.data_values``, ``page.data_grid``).</extracomment>
        <translation>Participant details</translation>
    </message>
    <message>
        <source>Frekwencja</source>
        <extracomment>What the page answers for this section (``page.attendance_label``, ``page.events_table``).</extracomment>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Wydarzenia uczestnika</source>
        <translation>Participant’s events</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Wydarzenie</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Rodzaj</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Zapis</source>
        <translation>Enrolment</translation>
    </message>
    <message>
        <source>Obecność</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source> — poniżej {threshold} %</source>
        <translation> — under {threshold} %</translation>
    </message>
    <message>
        <source>Ścieżka wsparcia</source>
        <extracomment>What the page answers for this section (``page.path_table``, ``page.add_support``...).</extracomment>
        <translation>Support path</translation>
    </message>
    <message>
        <source>Forma wsparcia</source>
        <translation>Form of support</translation>
    </message>
    <message>
        <source>Plan: od</source>
        <translation>Planned: from</translation>
    </message>
    <message>
        <source>Plan: do</source>
        <translation>Planned: to</translation>
    </message>
    <message>
        <source>Udzielone: od</source>
        <translation>Provided: from</translation>
    </message>
    <message>
        <source>Udzielone: do</source>
        <translation>Provided: to</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uwagi</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Dod&amp;aj formę wsparcia…</source>
        <translation>&amp;Add form of support…</translation>
    </message>
    <message>
        <source>Zmie&amp;ń…</source>
        <translation>Chan&amp;ge…</translation>
    </message>
    <message>
        <source>Zmień zaznaczoną formę wsparcia</source>
        <translation>Change the selected form of support</translation>
    </message>
    <message>
        <source>&amp;Usuń</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Usuń zaznaczoną formę wsparcia</source>
        <translation>Remove the selected form of support</translation>
    </message>
    <message>
        <source>Zakończenie udziału</source>
        <translation>End of participation</translation>
    </message>
    <message>
        <source>— nie określono —</source>
        <translation>— not specified —</translation>
    </message>
    <message>
        <source>Zakończenie zgodnie ze ścieżką</source>
        <translation>Completed as planned in the support path</translation>
    </message>
    <message>
        <source>Za&amp;pisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zapisz zakończenie zgodnie ze ścieżką</source>
        <translation>Save whether participation was completed as planned</translation>
    </message>
    <message>
        <source>Zakończenie zgodnie ze ścieżką:</source>
        <translation>Completed as planned in the support path:</translation>
    </message>
    <message>
        <source>Staże</source>
        <extracomment>What the page answers for this section (``page.internships_table``, ``page.add_cash``...).</extracomment>
        <translation>Internships</translation>
    </message>
    <message>
        <source>Pracodawca</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Stanowisko</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Od</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Stypendium miesięczne</source>
        <translation>Monthly stipend</translation>
    </message>
    <message>
        <source>Dodaj staż…</source>
        <translation>Add internship…</translation>
    </message>
    <message>
        <source>Dodaj staż</source>
        <translation>Add internship</translation>
    </message>
    <message>
        <source>Edytuj</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Edytuj zaznaczony staż</source>
        <translation>Edit the selected internship</translation>
    </message>
    <message>
        <source>Usuń zaznaczony staż</source>
        <translation>Delete the selected internship</translation>
    </message>
    <message>
        <source>Obecność w miesiącu…</source>
        <translation>Monthly attendance…</translation>
    </message>
    <message>
        <source>Obecność na zaznaczonym stażu w miesiącu</source>
        <translation>Attendance at the selected internship in a month</translation>
    </message>
    <message>
        <source>&amp;Zaświadczenie (PDF)</source>
        <translation>&amp;Certificate (PDF)</translation>
    </message>
    <message>
        <source>Drukuj zaświadczenie o odbyciu zaznaczonego stażu</source>
        <translation>Print the certificate of the selected internship</translation>
    </message>
    <message>
        <source>Opinia o&amp;rganizatora (PDF)</source>
        <translation>&amp;Host&apos;s opinion (PDF)</translation>
    </message>
    <message>
        <source>Drukuj formularz opinii organizatora zaznaczonego stażu</source>
        <translation>Print the host&apos;s opinion form of the selected internship</translation>
    </message>
    <message>
        <source>Zasady stypendium…</source>
        <translation>Stipend rules…</translation>
    </message>
    <message>
        <source>Zasady stypendium stażowego w programie</source>
        <translation>The programme&apos;s internship stipend rules</translation>
    </message>
    <message>
        <source>Pomoc pieniężna</source>
        <translation>Cash assistance</translation>
    </message>
    <message>
        <source>Rodzaj świadczenia</source>
        <translation>Type of benefit</translation>
    </message>
    <message>
        <source>Nr decyzji</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <source>Data decyzji</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Kwota</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Data wypłaty</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>Dodaj pomoc pieniężną…</source>
        <translation>Add cash assistance…</translation>
    </message>
    <message>
        <source>Dodaj pomoc pieniężną</source>
        <translation>Add cash assistance</translation>
    </message>
    <message>
        <source>Edytuj zaznaczoną pomoc pieniężną</source>
        <translation>Edit the selected cash assistance</translation>
    </message>
    <message>
        <source>Usuń zaznaczoną pomoc pieniężną</source>
        <translation>Delete the selected cash assistance</translation>
    </message>
    <message>
        <source>Sumy pomocy pieniężnej</source>
        <translation>Cash assistance totals</translation>
    </message>
    <message>
        <source>Miesiąc</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Wypłat</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Razem</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Pomoc pieniężną przyznaje się w systemie ośrodka; tu jest tylko jej ewidencja. Te dane nie trafiają na listy wydawane poza ośrodek.</source>
        <translation>Cash assistance is granted in the centre’s own system; this is only a record of it. This data does not go on lists issued outside the centre.</translation>
    </message>
    <message>
        <source>Stan dokumentów</source>
        <extracomment>What the page answers for this section (``page.documents_label``, ``page.documents_table``).</extracomment>
        <translation>Document status</translation>
    </message>
    <message>
        <source>Dokumenty</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Dokument</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Data podpisania</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <source>Uzu&amp;pełnij daty…</source>
        <translation>Fill in da&amp;tes…</translation>
    </message>
    <message>
        <source>Uzupełnij daty podpisania dokumentów</source>
        <translation>Fill in the signing dates of documents</translation>
    </message>
    <message>
        <source>Otwiera formularz danych uczestnika (sekcja Dokumenty)</source>
        <translation>Opens the participant details form (Documents section)</translation>
    </message>
    <message>
        <source>Rodzina</source>
        <extracomment>What the page answers for this section (``page.members_table``, ``page.add_family_member``...).</extracomment>
        <translation>Family</translation>
    </message>
    <message>
        <source>U&amp;twórz rodzinę z tego uczestnika</source>
        <translation>Crea&amp;te a family from this participant</translation>
    </message>
    <message>
        <source>Członkowie rodziny</source>
        <translation>Family members</translation>
    </message>
    <message>
        <source>Imię i nazwisko</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Pokrewieństwo</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Data urodzenia</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Uczestnik programu</source>
        <translation>Programme participant</translation>
    </message>
    <message>
        <source>Objęty wsparciem</source>
        <translation>Receives support</translation>
    </message>
    <message>
        <source>Krewny, który nie jest uczestnikiem programu</source>
        <translation>A relative who is not a programme participant</translation>
    </message>
    <message>
        <source>Dodaj &amp;uczestnika do rodziny…</source>
        <translation>Add a participa&amp;nt to the family…</translation>
    </message>
    <message>
        <source>Osoba z rejestru uczestników</source>
        <translation>A person from the participant register</translation>
    </message>
    <message>
        <source>Usuń z rodzin&amp;y</source>
        <translation>Remove from famil&amp;y</translation>
    </message>
    <message>
        <source>Otwórz stronę zaznaczonego członka rodziny</source>
        <translation>Open the page of the selected family member</translation>
    </message>
    <message>
        <source>Historia zmian</source>
        <extracomment>What the page answers for this section (``page.history_table``).</extracomment>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Kiedy</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Kto</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Zmiana</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Było</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Jest</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Każda zmiana danych uczestnika jest zapisywana: kiedy, kto i co zmienił.</source>
        <translation>Every change to the participant’s details is recorded: when, who and what was changed.</translation>
    </message>
    <message>
        <source>Uczestnik: {name}</source>
        <translation>Participant: {name}</translation>
    </message>
    <message>
        <source>PESEL {pesel}</source>
        <translation>PESEL {pesel}</translation>
    </message>
    <message>
        <source>brak PESEL</source>
        <translation>no PESEL</translation>
    </message>
    <message>
        <source>ur. {date}</source>
        <translation>born {date}</translation>
    </message>
    <message>
        <source>animator lokalny</source>
        <translation>local animator</translation>
    </message>
    <message>
        <source> (stopień: {degree})</source>
        <translation> (degree: {degree})</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>PESEL</source>
        <translation>PESEL</translation>
    </message>
    <message>
        <source>Numer dokumentu</source>
        <translation>Identity document number</translation>
    </message>
    <message>
        <source>Płeć</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Adres spoza obszaru</source>
        <translation>Address outside the area</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Przesłanki wsparcia</source>
        <translation>Reasons for support</translation>
    </message>
    <message>
        <source>Data rozpoczęcia</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Data zakończenia</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Sytuacja w chwili zakończenia</source>
        <translation>Situation on leaving the programme</translation>
    </message>
    <message>
        <source>Zgodnie ze ścieżką</source>
        <translation>As planned in the support path</translation>
    </message>
    <message>
        <source>Wykształcenie</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Status na rynku pracy</source>
        <translation>Labour market status</translation>
    </message>
    <message>
        <source>Niepełnosprawność</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Mniejszość, migrant, obce pochodzenie</source>
        <translation>Minority, migrant, foreign background</translation>
    </message>
    <message>
        <source>Bezdomność</source>
        <translation>Homelessness</translation>
    </message>
    <message>
        <source>Inna niekorzystna sytuacja</source>
        <translation>Other disadvantaged situation</translation>
    </message>
    <message>
        <source>Dodano</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Ostatnia zmiana</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Frekwencja: jeszcze nie było zajęć, na które osoba jest zapisana.</source>
        <translation>Attendance: there have been no sessions yet that this person is enrolled for.</translation>
    </message>
    <message>
        <source>Frekwencja: {percent} % (obecność na {present} z {held} zajęć, które się odbyły)</source>
        <translation>Attendance: {percent}% (present at {present} of the {held} sessions held)</translation>
    </message>
    <message>
        <source>brak</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Brakuje {missing} z {total} dokumentów.</source>
        <translation>{missing} of {total} documents missing.</translation>
    </message>
    <message>
        <source>Wszystkie dokumenty są podpisane.</source>
        <translation>All documents are signed.</translation>
    </message>
    <message>
        <source>Ta osoba nie ma jeszcze zapisanej rodziny (gospodarstwa domowego). Utwórz ją, aby dodać członków rodziny objętych wsparciem.</source>
        <translation>This person has no family (household) recorded yet. Create one to add the family members who receive support.</translation>
    </message>
    <message>
        <source>{household}. Osób w gospodarstwie: {count}.</source>
        <translation>{household}. People in the household: {count}.</translation>
    </message>
    <message>
        <source> (głowa rodziny)</source>
        <translation> (head of household)</translation>
    </message>
    <message>
        <source>dodano osobę do rejestru</source>
        <translation>person added to the register</translation>
    </message>
    <message>
        <source>zmiana danych</source>
        <translation>details changed</translation>
    </message>
    <message>
        <source>zanonimizowano dane</source>
        <translation>data anonymised</translation>
    </message>
    <message>
        <source>usunięto</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>Zapisano zmiany.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <source>Dane osoby usunięto.</source>
        <translation>The person&apos;s data was erased.</translation>
    </message>
    <message>
        <source>Dane osoby zanonimizowano.</source>
        <translation>The person&apos;s data was anonymised.</translation>
    </message>
    <message>
        <source>Dodano formę wsparcia.</source>
        <translation>Form of support added.</translation>
    </message>
    <message>
        <source>Zapisano formę wsparcia.</source>
        <translation>Form of support saved.</translation>
    </message>
    <message>
        <source>Usunąć formę wsparcia?</source>
        <translation>Remove the form of support?</translation>
    </message>
    <message>
        <source>Usunąć ze ścieżki „{form}”?</source>
        <translation>Remove “{form}” from the support path?</translation>
    </message>
    <message>
        <source>Usuń</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Karta uczestnika zapisana: {path}</source>
        <translation>Participant card saved: {path}</translation>
    </message>
    <message>
        <source>Nie usuwaj</source>
        <translation>Do not remove</translation>
    </message>
    <message>
        <source>Usunięto formę wsparcia.</source>
        <translation>Form of support removed.</translation>
    </message>
    <message>
        <source>Zapisano: zakończenie zgodnie ze ścieżką — {value}.</source>
        <translation>Saved: completed as planned in the support path — {value}.</translation>
    </message>
    <message>
        <source>nie określono</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Dodano staż.</source>
        <translation>Internship added.</translation>
    </message>
    <message>
        <source>Zapisano staż.</source>
        <translation>Internship saved.</translation>
    </message>
    <message>
        <source>Zapisano obecność na stażu.</source>
        <translation>Internship attendance saved.</translation>
    </message>
    <message>
        <source>Zaświadczenie o odbyciu stażu</source>
        <translation>Internship certificate</translation>
    </message>
    <message>
        <source>Opinia organizatora stażu</source>
        <translation>Internship host&apos;s opinion</translation>
    </message>
    <message>
        <source>Zapisano zasady stypendium.</source>
        <translation>Stipend rules saved.</translation>
    </message>
    <message>
        <source>Usunąć staż?</source>
        <translation>Delete the internship?</translation>
    </message>
    <message>
        <source>Usunąć staż u pracodawcy „{employer}” razem z zapisaną obecnością?</source>
        <translation>Delete the internship with employer “{employer}” together with its recorded attendance?</translation>
    </message>
    <message>
        <source>Usunięto staż.</source>
        <translation>Internship deleted.</translation>
    </message>
    <message>
        <source>Dodano pomoc pieniężną.</source>
        <translation>Cash assistance added.</translation>
    </message>
    <message>
        <source>Zapisano pomoc pieniężną.</source>
        <translation>Cash assistance saved.</translation>
    </message>
    <message>
        <source>Usunąć pomoc pieniężną?</source>
        <translation>Delete the cash assistance?</translation>
    </message>
    <message>
        <source>Usunąć {benefit} na kwotę {amount}?</source>
        <translation>Delete {benefit} of {amount}?</translation>
    </message>
    <message>
        <source>Usunięto pomoc pieniężną.</source>
        <translation>Cash assistance deleted.</translation>
    </message>
    <message>
        <source>Dodaj c&amp;złonka rodziny…</source>
        <translation>Add family &amp;member…</translation>
    </message>
    <message>
        <source>Otwórz stron&amp;ę</source>
        <translation>Open pa&amp;ge</translation>
    </message>
    <message>
        <source>Utworzono rodzinę.</source>
        <translation>Family created.</translation>
    </message>
    <message>
        <source>Dodano członka rodziny.</source>
        <translation>Family member added.</translation>
    </message>
    <message>
        <source>Dodano uczestnika do rodziny.</source>
        <translation>Participant added to the family.</translation>
    </message>
    <message>
        <source>Usunąć z rodziny?</source>
        <translation>Remove from the family?</translation>
    </message>
    <message>
        <source>Usunąć {name} z rodziny „{household}”?</source>
        <translation>Remove {name} from the family “{household}”?</translation>
    </message>
    <message>
        <source>Dane uczestnika w rejestrze pozostaną bez zmian.</source>
        <translation>The participant’s details in the register will stay unchanged.</translation>
    </message>
    <message>
        <source>Usuń z rodziny</source>
        <translation>Remove from family</translation>
    </message>
    <message>
        <source>Usunięto z rodziny: {name}.</source>
        <translation>Removed from the family: {name}.</translation>
    </message>
</context>
<context>
    <name>ParticipantTableModel</name>
    <message>
        <source>Kliknij, aby posortować według tej kolumny; kliknij ponownie, aby odwrócić kolejność</source>
        <translation>Click to sort by this column; click again to reverse the order</translation>
    </message>
    <message>
        <source>brak PESEL</source>
        <translation>no PESEL</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <source>Uczestnicy</source>
        <extracomment>The six tabs in order: id, where the class lives, and the Polish title (translated in the class&apos;s context).</extracomment>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Szukaj: nazwisko, imię, PESEL lub ulica (Ctrl+F)</source>
        <translation>Search: surname, first name, PESEL or street (Ctrl+F)</translation>
    </message>
    <message>
        <source>Wielkość liter i polskie znaki nie mają znaczenia: „luk” znajdzie „Łukasz”. Esc czyści pole.</source>
        <translation>Letter case and Polish characters do not matter: “luk” finds “Łukasz”. Esc clears the field.</translation>
    </message>
    <message>
        <source>Lista uczestników</source>
        <translation>List of participants</translation>
    </message>
    <message>
        <source>Uczestników: {count}</source>
        <translation>Participants: {count}</translation>
    </message>
    <message>
        <source>Brak uczestników w tym programie. Dodaj pierwszą osobę: Ctrl+N.</source>
        <translation>No participants in this programme. Add the first person: Ctrl+N.</translation>
    </message>
    <message>
        <source>Działania na liście uczestników</source>
        <translation>Participant list actions</translation>
    </message>
    <message>
        <source>&amp;Nowy uczestnik…</source>
        <translation>&amp;New participant…</translation>
    </message>
    <message>
        <source>Dodaj uczestnika (Ctrl+N)</source>
        <translation>Add a participant (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Otwórz</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Otwórz stronę zaznaczonego uczestnika (Enter)</source>
        <translation>Open the page of the selected participant (Enter)</translation>
    </message>
    <message>
        <source>Drukuj kart&amp;ę</source>
        <translation>Print &amp;card</translation>
    </message>
    <message>
        <source>Eksportu&amp;j</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Przes&amp;łanka:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Pokaż pełny PESE&amp;L</source>
        <translation>Show full PESE&amp;L</translation>
    </message>
    <message>
        <source>Karta zaznaczonego uczestnika w PDF (Ctrl+P)</source>
        <translation>Card of the selected participant as PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Brakujące dokumenty…</source>
        <translation>&amp;Missing documents…</translation>
    </message>
    <message>
        <source>Kto z kandydatów i uczestników nie podpisał jeszcze wszystkich dokumentów</source>
        <translation>Which candidates and participants have not yet signed all documents</translation>
    </message>
    <message>
        <source>Ro&amp;dziny…</source>
        <translation>Fa&amp;milies…</translation>
    </message>
    <message>
        <source>Szukaj członka rodziny, także takiego, który nie jest uczestnikiem, po nazwisku lub numerze PESEL</source>
        <translation>Search for a family member, also one who is not a participant, by surname or PESEL</translation>
    </message>
    <message>
        <source>&amp;Importuj…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Dodaj uczestników z arkusza XLSX lub pliku CSV</source>
        <translation>Add participants from an XLSX spreadsheet or a CSV file</translation>
    </message>
    <message>
        <source>Eksportuj</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Zapisz listę do pliku</source>
        <translation>Save the list to a file</translation>
    </message>
    <message>
        <source>Lista, jak po filtrach (XLSX lub CSV)…</source>
        <translation>List as filtered (XLSX or CSV)…</translation>
    </message>
    <message>
        <source>Dane uczestników do SL2014 / SM EFS…</source>
        <translation>Participant data for SL2014 / SM EFS…</translation>
    </message>
    <message>
        <source>Pomoc pieniężna dla księgowości (XLSX)…</source>
        <translation>Cash assistance for the accountant (XLSX)…</translation>
    </message>
    <message>
        <source>Filtry listy uczestników</source>
        <translation>Participant list filters</translation>
    </message>
    <message>
        <source>wszyscy</source>
        <translation>all</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Filtr: status</source>
        <translation>Filter: status</translation>
    </message>
    <message>
        <source>wszystkie</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Filtr: przesłanka wsparcia</source>
        <translation>Filter: reason for support</translation>
    </message>
    <message>
        <source>Filtr: płeć</source>
        <translation>Filter: sex</translation>
    </message>
    <message>
        <source>Płe&amp;ć:</source>
        <translation>Se&amp;x:</translation>
    </message>
    <message>
        <source>kobiety</source>
        <translation>women</translation>
    </message>
    <message>
        <source>mężczyźni</source>
        <translation>men</translation>
    </message>
    <message>
        <source>Filtr: wiek</source>
        <translation>Filter: age</translation>
    </message>
    <message>
        <source>Wie&amp;k:</source>
        <translation>&amp;Age:</translation>
    </message>
    <message>
        <source>Niepełnospr&amp;awność:</source>
        <translation>&amp;Disability:</translation>
    </message>
    <message>
        <source>Filtr: niepełnosprawność</source>
        <translation>Filter: disability</translation>
    </message>
    <message>
        <source>Wyczyść &amp;filtry</source>
        <translation>Clear &amp;filters</translation>
    </message>
    <message>
        <source>Wyczyść filtry i wyszukiwanie</source>
        <translation>Clear the filters and the search</translation>
    </message>
    <message>
        <source>Pokaż pełny PESEL</source>
        <translation>Show the full PESEL</translation>
    </message>
    <message>
        <source>Domyślnie widać tylko datę urodzenia z numeru PESEL. Ustawienie zapamiętuje się dla Ciebie na tym komputerze.</source>
        <translation>By default only the date of birth from the PESEL number is shown. The setting is remembered for you on this computer.</translation>
    </message>
    <message>
        <source>Najpierw wybierz albo utwórz program.</source>
        <translation>First choose or create a programme.</translation>
    </message>
    <message>
        <source>Nikt nie spełnia wybranych warunków.</source>
        <translation>Nobody meets the chosen conditions.</translation>
    </message>
    <message>
        <source>Filtry są włączone — „Wyczyść filtry” pokaże wszystkich.</source>
        <translation>Filters are on — “Clear filters” shows everyone.</translation>
    </message>
    <message>
        <source>Nie można zapamiętać ustawienia „Pokaż pełny PESEL” na tym komputerze.</source>
        <translation>Cannot remember the “Show full PESEL” setting on this computer.</translation>
    </message>
    <message>
        <source>Dodano uczestnika: {name}.</source>
        <translation>Participant added: {name}.</translation>
    </message>
    <message>
        <source>Zaznacz na liście osobę, której kartę chcesz wydrukować.</source>
        <translation>Select the person on the list whose card you want to print.</translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <source>Okres pulpitu</source>
        <extracomment>(value of services.dashboard.PeriodChoice, its text); the services are imported only when a tab loads.</extracomment>
        <translation>Dashboard period</translation>
    </message>
    <message>
        <source>&amp;Okres:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Okres</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>ten miesiąc</source>
        <translation>this month</translation>
    </message>
    <message>
        <source>ten kwartał</source>
        <translation>this quarter</translation>
    </message>
    <message>
        <source>to półrocze</source>
        <translation>this half-year</translation>
    </message>
    <message>
        <source>cały program</source>
        <translation>the whole programme</translation>
    </message>
    <message>
        <source>dowolne daty</source>
        <translation>any dates</translation>
    </message>
    <message>
        <source>Początek okresu</source>
        <translation>Start of the period</translation>
    </message>
    <message>
        <source>Koniec okresu</source>
        <translation>End of the period</translation>
    </message>
    <message>
        <source>Prze&amp;licz</source>
        <translation>Re&amp;compute</translation>
    </message>
    <message>
        <source>Przelicz dla wpisanych dat</source>
        <translation>Recompute for the dates entered</translation>
    </message>
    <message>
        <source>Wybrany okres</source>
        <translation>The chosen period</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>&amp;Od:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>Początek okresu</source>
        <translation>Period start</translation>
    </message>
    <message>
        <source>&amp;Do:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Koniec okresu</source>
        <translation>Period end</translation>
    </message>
    <message>
        <source>Bieżący rok</source>
        <translation>Current year</translation>
    </message>
    <message>
        <source>Poprzedni rok</source>
        <translation>Previous year</translation>
    </message>
    <message>
        <source>Cały program</source>
        <translation>Whole programme</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>przeglądanie danych</source>
        <extracomment>What each permission is about, for &quot;Twoja rola nie pozwala: …&quot; messages and tooltips.</extracomment>
        <translation>viewing data</translation>
    </message>
    <message>
        <source>zmiany w rejestrze uczestników, wydarzeń i wolontariuszy</source>
        <translation>changes to the registry of participants, events and volunteers</translation>
    </message>
    <message>
        <source>zmiany programu, harmonogramu i wskaźników</source>
        <translation>changes to the programme, schedule and indicators</translation>
    </message>
    <message>
        <source>drukowanie dokumentów z danymi osobowymi</source>
        <translation>printing documents with personal data</translation>
    </message>
    <message>
        <source>sprawozdania z realizacji programu</source>
        <translation>programme reports</translation>
    </message>
    <message>
        <source>eksport danych do pliku</source>
        <translation>exporting data to a file</translation>
    </message>
    <message>
        <source>dostęp do pomocy pieniężnej</source>
        <translation>access to cash assistance</translation>
    </message>
    <message>
        <source>wyświetlanie pełnego numeru PESEL</source>
        <translation>showing the full PESEL number</translation>
    </message>
    <message>
        <source>kopie zapasowe bazy danych</source>
        <translation>database backups</translation>
    </message>
    <message>
        <source>przywracanie bazy danych z kopii</source>
        <translation>restoring the database from a backup</translation>
    </message>
    <message>
        <source>ustawienia programu i danych organizacji</source>
        <translation>program and organisation settings</translation>
    </message>
    <message>
        <source>zarządzanie kontami użytkowników</source>
        <translation>managing user accounts</translation>
    </message>
    <message>
        <source>dziennik dostępu</source>
        <translation>the access log</translation>
    </message>
    <message>
        <source>anonimizacja danych uczestników</source>
        <translation>anonymising participants&apos; data</translation>
    </message>
    <message>
        <source>Twoja rola ({role}) nie pozwala na: {action}. Poproś o to koordynatora albo administratora.</source>
        <extracomment>The administrator can do everything: in a small office the one who sets the program up also runs it; an office that separates the duties gives IT the administrator and its staff the other roles. Set-up and batch work on a database without accounts (init, demo, tests): every permission.</extracomment>
        <translation>Your role ({role}) does not allow: {action}. Ask a coordinator or an administrator.</translation>
    </message>
    <message>
        <source>Twoja rola ({role}) nie pozwala na: {action}.</source>
        <extracomment>The main window&apos;s actions and the permission each needs.</extracomment>
        <translation>Your role ({role}) does not allow: {action}.</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Szukaj osoby</source>
        <translation>Find a person</translation>
    </message>
    <message>
        <source>nazwisko, imię lub PESEL — np. „kowal an”</source>
        <translation>surname, first name or PESEL — e.g. “kowal an”</translation>
    </message>
    <message>
        <source>&amp;Szukaj osoby:</source>
        <translation>&amp;Find a person:</translation>
    </message>
    <message>
        <source>Znalezione osoby</source>
        <translation>People found</translation>
    </message>
    <message>
        <source>Wpisz co najmniej 2 znaki.</source>
        <translation>Type at least 2 characters.</translation>
    </message>
    <message>
        <source>Ta osoba zakończyła udział w programie.</source>
        <translation>This person&apos;s participation in the programme has ended.</translation>
    </message>
    <message>
        <source>Znaleziono: {count}. Strzałka w dół przechodzi do listy, Enter wybiera (Ctrl lub Shift — kilka osób).</source>
        <translation>Found: {count}. The down arrow moves to the list, Enter selects (Ctrl or Shift — several people).</translation>
    </message>
    <message>
        <source>Nikogo nie znaleziono dla „{text}”.</source>
        <translation>No one found for “{text}”.</translation>
    </message>
</context>
<context>
    <name>PersonRights</name>
    <message>
        <source>Usuń dane osoby</source>
        <translation>Erase the person&apos;s data</translation>
    </message>
    <message>
        <source>Usunięcie albo anonimizacja danych jest NIEODWRACALNA.
Kandydat, który nie przystąpił do programu, zostanie usunięty; uczestnik zostanie zanonimizowany (tylko po terminie archiwizacji).

Podaj powód (np. „żądanie osoby z dnia …”):</source>
        <translation>Erasing or anonymising the data CANNOT BE UNDONE.
A candidate who never joined the programme is erased; a participant is anonymised (only after the archiving deadline).

Give the reason (e.g. “request of the person of …”):</translation>
    </message>
    <message>
        <source>Potwierdź usunięcie danych</source>
        <translation>Confirm erasure</translation>
    </message>
</context>
<context>
    <name>PersonRightsButton</name>
    <message>
        <source>&amp;RODO</source>
        <translation>&amp;GDPR</translation>
    </message>
    <message>
        <source>Dokumenty RODO i usunięcie danych osoby</source>
        <translation>GDPR documents and erasure of the person&apos;s data</translation>
    </message>
    <message>
        <source>Klauzula informacyjna, informacja o danych osoby, usunięcie danych</source>
        <translation>Information clause, information on the person&apos;s data, erasure</translation>
    </message>
    <message>
        <source>Dokumenty RODO</source>
        <translation>GDPR documents</translation>
    </message>
    <message>
        <source>Deklaracja i &amp;klauzula informacyjna (art. 13)</source>
        <translation>Declaration and information &amp;clause (art. 13)</translation>
    </message>
    <message>
        <source>&amp;Informacja o danych osoby (art. 15)</source>
        <translation>&amp;Information on the person&apos;s data (art. 15)</translation>
    </message>
    <message>
        <source>&amp;Usuń dane osoby (art. 17)…</source>
        <translation>&amp;Erase the person&apos;s data (art. 17)…</translation>
    </message>
    <message>
        <source>Twoja rola nie pozwala drukować danych osobowych.</source>
        <translation>Your role does not allow printing personal data.</translation>
    </message>
    <message>
        <source>Informację o danych osoby drukuje koordynator albo administrator.</source>
        <translation>The information on a person&apos;s data is printed by a coordinator or an administrator.</translation>
    </message>
    <message>
        <source>Dane osoby usuwa administrator.</source>
        <translation>A person&apos;s data is erased by an administrator.</translation>
    </message>
    <message>
        <source>Deklaracja i klauzula informacyjna</source>
        <translation>Declaration and information clause</translation>
    </message>
    <message>
        <source>Informacja o danych osoby</source>
        <translation>Information on the person&apos;s data</translation>
    </message>
    <message>
        <source>Usuwanie danych osoby</source>
        <translation>Erasing the person&apos;s data</translation>
    </message>
</context>
<context>
    <name>PrintListDialog</name>
    <message>
        <source>Drukuj listę obecności</source>
        <translation>Print attendance list</translation>
    </message>
    <message>
        <source>„{title}” to spotkanie cyklu zajęć. Którą listę wydrukować?</source>
        <translation>“{title}” is a session in a series of sessions. Which list do you want to print?</translation>
    </message>
    <message>
        <source>Lista na &amp;to spotkanie ({date})</source>
        <translation>List for &amp;this session ({date})</translation>
    </message>
    <message>
        <source>Lista na to spotkanie</source>
        <translation>List for this session</translation>
    </message>
    <message>
        <source>&amp;Miesięczna lista cyklu (wszystkie spotkania miesiąca):</source>
        <translation>&amp;Monthly list for the series (all sessions in the month):</translation>
    </message>
    <message>
        <source>Miesięczna lista cyklu</source>
        <translation>Monthly list for the series</translation>
    </message>
    <message>
        <source>Miesiąc listy cyklu</source>
        <translation>Month of the series list</translation>
    </message>
    <message>
        <source>{month} — spotkań: {count}</source>
        <translation>{month} — sessions: {count}</translation>
    </message>
    <message>
        <source>Wygląd listy</source>
        <translation>List layout</translation>
    </message>
    <message>
        <source>Puste wiersze na osoby spoza zapisów</source>
        <translation>Blank rows for people not enrolled</translation>
    </message>
    <message>
        <source>&amp;Puste wiersze:</source>
        <translation>&amp;Blank rows:</translation>
    </message>
    <message>
        <source>&amp;Wypełnij stronę pustymi wierszami</source>
        <translation>&amp;Fill the page with blank rows</translation>
    </message>
    <message>
        <source>Wypełnij stronę pustymi wierszami</source>
        <translation>Fill the page with blank rows</translation>
    </message>
    <message>
        <source>Kolumna z &amp;datą urodzenia</source>
        <translation>Column with the &amp;date of birth</translation>
    </message>
    <message>
        <source>Kolumna z datą urodzenia</source>
        <translation>Column with the date of birth</translation>
    </message>
    <message>
        <source>Kolumna na podpis &amp;rodzica lub opiekuna</source>
        <translation>Column for a &amp;parent&apos;s or guardian&apos;s signature</translation>
    </message>
    <message>
        <source>Kolumna na podpis rodzica lub opiekuna</source>
        <translation>Column for a parent&apos;s or guardian&apos;s signature</translation>
    </message>
    <message>
        <source>Liczba egzemplarzy</source>
        <translation>Number of copies</translation>
    </message>
    <message>
        <source>Liczba &amp;egzemplarzy:</source>
        <translation>Number of &amp;copies:</translation>
    </message>
    <message>
        <source>&amp;Drukuj…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Drukuj wybraną listę</source>
        <translation>Print the selected list</translation>
    </message>
    <message>
        <source>Pod&amp;gląd</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <source>Podgląd listy przed drukiem</source>
        <translation>Preview the list before printing</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Nie udało się rozpocząć drukowania. Sprawdź, czy drukarka jest włączona.</source>
        <extracomment>Pages are drawn at this many pixels per PDF point for the screen (A4: 714 px wide). The printer gets pages drawn at no more than this resolution: sharp text, a page at a time in memory.</extracomment>
        <translation>Printing could not start. Check that the printer is switched on.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Zapisz wydruk jako</source>
        <translation>Save printout as</translation>
    </message>
    <message>
        <source>Dokument PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Podgląd wydruku: {title}</source>
        <translation>Print preview: {title}</translation>
    </message>
    <message>
        <source>Podgląd wydruku</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Strony wydruku</source>
        <translation>Printout pages</translation>
    </message>
    <message>
        <source>Przygotowuję podgląd…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>Stan wydruku</source>
        <translation>Printout status</translation>
    </message>
    <message>
        <source>&amp;Drukuj…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Drukuj na drukarce</source>
        <translation>Print on a printer</translation>
    </message>
    <message>
        <source>Zapisz &amp;jako…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>Zapisz wydruk jako plik PDF</source>
        <translation>Save the printout as a PDF file</translation>
    </message>
    <message>
        <source>Otwórz w &amp;przeglądarce PDF</source>
        <translation>Open in a PDF &amp;viewer</translation>
    </message>
    <message>
        <source>Otwórz w przeglądarce PDF</source>
        <translation>Open in a PDF viewer</translation>
    </message>
    <message>
        <source>&amp;Folder wydruków</source>
        <translation>Printouts &amp;folder</translation>
    </message>
    <message>
        <source>Otwórz folder wydruków</source>
        <translation>Open the printouts folder</translation>
    </message>
    <message>
        <source>Powiększ</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Powiększ podgląd</source>
        <translation>Zoom the preview in</translation>
    </message>
    <message>
        <source>Pomniejsz</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Pomniejsz podgląd</source>
        <translation>Zoom the preview out</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Zamknij podgląd</source>
        <translation>Close the preview</translation>
    </message>
    <message>
        <source>Stron: {count}. Plik: {path}</source>
        <translation>Pages: {count}. File: {path}</translation>
    </message>
    <message>
        <source>Strona {number} z {count}</source>
        <translation>Page {number} of {count}</translation>
    </message>
    <message>
        <source>Drukuję…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Drukowanie</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Wysłano do drukarki stron: {count}.</source>
        <translation>Pages sent to the printer: {count}.</translation>
    </message>
    <message>
        <source>Nie udało się zapisać pliku {path}: {reason}</source>
        <translation>Could not save {path}: {reason}</translation>
    </message>
    <message>
        <source>Zapisano kopię: {path}</source>
        <translation>Copy saved: {path}</translation>
    </message>
    <message>
        <source>Nie ma programu do otwierania plików PDF. Plik: {path}</source>
        <translation>No program opens PDF files. File: {path}</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Nowy program</source>
        <translation>New programme</translation>
    </message>
    <message>
        <source>Nowy program aktywności lokalnej</source>
        <translation>New Local Activity Programme</translation>
    </message>
    <message>
        <source>&amp;Tytuł programu:</source>
        <translation>Programme &amp;title:</translation>
    </message>
    <message>
        <source>Tytuł programu</source>
        <translation>Programme title</translation>
    </message>
    <message>
        <source>np. Program Aktywności Lokalnej dla Gminy … na lata 2023-2024</source>
        <translation>e.g. Local Activity Programme for the Municipality of … for 2023-2024</translation>
    </message>
    <message>
        <source>&amp;Podtytuł:</source>
        <translation>Su&amp;btitle:</translation>
    </message>
    <message>
        <source>Podtytuł</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>&amp;Początek:</source>
        <translation>St&amp;art:</translation>
    </message>
    <message>
        <source>Początek programu</source>
        <translation>Programme start</translation>
    </message>
    <message>
        <source>&amp;Koniec:</source>
        <translation>&amp;End:</translation>
    </message>
    <message>
        <source>Koniec programu</source>
        <translation>Programme end</translation>
    </message>
    <message>
        <source>&amp;Gmina:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>Gmina</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>&amp;Realizator:</source>
        <translation>&amp;Implementing body:</translation>
    </message>
    <message>
        <source>Realizator</source>
        <translation>Implementing body</translation>
    </message>
    <message>
        <source>np. Gminny Ośrodek Pomocy Społecznej w …</source>
        <translation>e.g. Gminny Ośrodek Pomocy Społecznej w …</translation>
    </message>
    <message>
        <source>&amp;Numer projektu:</source>
        <translation>Project &amp;number:</translation>
    </message>
    <message>
        <source>Numer projektu</source>
        <translation>Project number</translation>
    </message>
    <message>
        <source>Ź&amp;ródło finansowania:</source>
        <translation>&amp;Funding source:</translation>
    </message>
    <message>
        <source>Źródło finansowania</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <source>np. FEŚL 2021-2027, Działanie …</source>
        <translation>e.g. FEŚL 2021-2027, Measure …</translation>
    </message>
    <message>
        <source>Cel główny</source>
        <translation>Main goal</translation>
    </message>
    <message>
        <source>Cel &amp;główny:</source>
        <translation>Main &amp;goal:</translation>
    </message>
    <message>
        <source>&amp;Ustaw jako aktywny program</source>
        <translation>Set as the a&amp;ctive programme</translation>
    </message>
    <message>
        <source>Ustaw jako aktywny program</source>
        <translation>Set as the active programme</translation>
    </message>
    <message>
        <source>Błąd</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zapisz program</source>
        <translation>Save the programme</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Harmonogram, wskaźniki i obszar rewitalizacji uzupełnisz po utworzeniu programu.</source>
        <translation>You can fill in the schedule, the indicators and the revitalisation area after the programme is created.</translation>
    </message>
    <message>
        <source>Perspektywa finansowa</source>
        <translation>Funding period</translation>
    </message>
    <message>
        <source>— bez środków UE —</source>
        <translation>— no EU funds —</translation>
    </message>
    <message>
        <source>&amp;Perspektywa finansowa:</source>
        <translation>Funding &amp;period:</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Tak</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nie</source>
        <translation>No</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Aby potwierdzić, wpisz słowo {word}:</source>
        <translation>To confirm, type the word {word}:</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Baza tylko do odczytu: zmiany nie zostaną zapisane</source>
        <translation>Read-only database: changes will not be saved</translation>
    </message>
    <message>
        <source>Baza danych otwarta tylko do odczytu</source>
        <translation>Database open read-only</translation>
    </message>
    <message>
        <source>Plik bazy {location} jest tylko do odczytu: możesz przeglądać i drukować dane, ale nic nie zostanie zapisane. Aby pracować, zdejmij atrybut „tylko do odczytu” albo poproś o prawo zapisu i uruchom program ponownie.</source>
        <translation>The database file {location} is read-only: you can browse and print the data, but nothing will be saved. To work, remove the “read-only” attribute or ask for write permission, and start the program again.</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Lista obecności</source>
        <translation>Attendance list</translation>
    </message>
    <message>
        <source>Karta uczestnika</source>
        <extracomment>Documents that come from other tabs, named here so staff know where to find them.</extracomment>
        <translation>Participant card</translation>
    </message>
    <message>
        <source>na stronie uczestnika (zakładka Uczestnicy)</source>
        <translation>on the participant&apos;s page (Participants tab)</translation>
    </message>
    <message>
        <source>przy wydarzeniu (zakładka Wydarzenia)</source>
        <translation>with the event (Events tab)</translation>
    </message>
    <message>
        <source>Raporty</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Wskaźniki programu</source>
        <translation>Programme indicators</translation>
    </message>
    <message>
        <source>Wskaźników: {count}</source>
        <translation>Indicators: {count}</translation>
    </message>
    <message>
        <source>Ten program nie ma jeszcze wskaźników.</source>
        <translation>This programme has no indicators yet.</translation>
    </message>
    <message>
        <source>Dokumenty do wydruku</source>
        <translation>Documents to print</translation>
    </message>
    <message>
        <source>&amp;Karta programu (PDF)</source>
        <translation>Programme &amp;card (PDF)</translation>
    </message>
    <message>
        <source>Drukuj kartę programu</source>
        <translation>Print the programme card</translation>
    </message>
    <message>
        <source>Cele, harmonogram, rezultaty i produkty aktywnego programu</source>
        <translation>Goals, schedule, results and products of the active programme</translation>
    </message>
    <message>
        <source>&amp;Sprawozdanie okresowe (PDF)…</source>
        <translation>&amp;Periodic report (PDF)…</translation>
    </message>
    <message>
        <source>Drukuj sprawozdanie okresowe</source>
        <translation>Print the periodic report</translation>
    </message>
    <message>
        <source>Wskaźniki, uczestnicy i wolontariat za wybrany okres</source>
        <translation>Indicators, participants and volunteering for the selected period</translation>
    </message>
    <message>
        <source>Raport ko&amp;ńcowy (PDF)…</source>
        <translation>&amp;Final report (PDF)…</translation>
    </message>
    <message>
        <source>Drukuj raport końcowy</source>
        <translation>Print the final report</translation>
    </message>
    <message>
        <source>Wskaźniki, uczestnicy i wolontariat za cały okres programu</source>
        <translation>Indicators, participants and volunteering for the whole programme period</translation>
    </message>
    <message>
        <source>Kliknij dwukrotnie wskaźnik, aby zmienić jego wartość docelową, a jego wartość albo procent, aby zobaczyć wydarzenia i godziny ujęte w liczbie.</source>
        <translation>Double-click an indicator to change its target, or its value or percent to see the events and hours counted in it.</translation>
    </message>
    <message>
        <source>Inne dokumenty drukujesz tam, gdzie są ich dane:</source>
        <translation>Other documents are printed where their data is:</translation>
    </message>
    <message>
        <source>Gdzie drukować inne dokumenty</source>
        <translation>Where to print other documents</translation>
    </message>
    <message>
        <source>Wskaźniki wynikają z programu. Wartość docelową zmienisz dwuklikiem na wskaźniku.</source>
        <translation>Indicators come from the programme. Double-click an indicator to change its target.</translation>
    </message>
    <message>
        <source>Karta programu</source>
        <translation>Programme card</translation>
    </message>
    <message>
        <source>karta-programu</source>
        <translation>programme-card</translation>
    </message>
    <message>
        <source>Sprawozdanie okresowe</source>
        <translation>Periodic report</translation>
    </message>
    <message>
        <source>sprawozdanie-{start}-{end}</source>
        <translation>periodic-report-{start}-{end}</translation>
    </message>
    <message>
        <source>Sprawozdanie z realizacji programu</source>
        <translation>Programme implementation report</translation>
    </message>
    <message>
        <source>&amp;Drukuj sprawozdanie</source>
        <translation>&amp;Print report</translation>
    </message>
    <message>
        <source>Struktura uczestników i aktywność</source>
        <extracomment>The indicators&apos; columns whose double-click opens the records behind the value (others edit the target).</extracomment>
        <translation>Participants&apos; structure and activity</translation>
    </message>
    <message>
        <source>Osoby ujęte w liczbie</source>
        <translation>People counted in the figure</translation>
    </message>
    <message>
        <source>Wydarzenia ujęte we wskaźniku</source>
        <translation>Events counted in the indicator</translation>
    </message>
    <message>
        <source>Godziny wolontariuszy ujęte we wskaźniku</source>
        <translation>Volunteer hours counted in the indicator</translation>
    </message>
</context>
<context>
    <name>ScanActions</name>
    <message>
        <source>Wczytaj skany list obecności</source>
        <translation>Load scans of attendance lists</translation>
    </message>
    <message>
        <source>Skany list obecności (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Wszystkie pliki (*)</source>
        <translation>Attendance list scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <source>Przerwano odczyt skanów; nic nie zapisano.</source>
        <translation>Reading the scans was stopped; nothing was saved.</translation>
    </message>
    <message>
        <source>Odczyt skanów</source>
        <translation>Reading scans</translation>
    </message>
</context>
<context>
    <name>ScanEvidencePanel</name>
    <message>
        <source>Skany podpisanej listy</source>
        <translation>Scans of the signed list</translation>
    </message>
    <message>
        <source>Zeskanowane strony listy</source>
        <translation>Scanned pages of the list</translation>
    </message>
    <message>
        <source>Wybór zeskanowanej strony</source>
        <translation>Choice of scanned page</translation>
    </message>
    <message>
        <source>Pokaż s&amp;kan…</source>
        <translation>Show s&amp;can…</translation>
    </message>
    <message>
        <source>Pokaż skan podpisanej listy</source>
        <translation>Show the scan of the signed list</translation>
    </message>
    <message>
        <source>Listy podpisane w programie</source>
        <translation>Signed lists in the programme</translation>
    </message>
    <message>
        <source>strona {page} z {pages} · {when}</source>
        <translation>page {page} of {pages} · {when}</translation>
    </message>
    <message>
        <source>Podpisana lista: zeskanowanych stron {n}</source>
        <translation>Signed list: scanned pages {n}</translation>
    </message>
    <message>
        <source>Brak skanu podpisanej listy (Wydarzenia → Wczytaj skany…).</source>
        <translation>No scan of the signed list (Events → Load scans…).</translation>
    </message>
    <message>
        <source>Listy podpisane: {signed} z {held} wydarzeń</source>
        <translation>Signed lists: {signed} of {held} events</translation>
    </message>
</context>
<context>
    <name>ScanImageDialog</name>
    <message>
        <source>Skan listy obecności — {page}</source>
        <translation>Attendance list scan — {page}</translation>
    </message>
    <message>
        <source>Skan listy obecności</source>
        <translation>Attendance list scan</translation>
    </message>
    <message>
        <source>Obraz zeskanowanej strony</source>
        <translation>Image of the scanned page</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ScanPageView</name>
    <message>
        <source>Zeskanowana strona z zaznaczonymi polami podpisów</source>
        <translation>Scanned page with the signature cells marked</translation>
    </message>
    <message>
        <source>Tej strony nie da się pokazać.</source>
        <translation>This page cannot be shown.</translation>
    </message>
</context>
<context>
    <name>ScanProblems</name>
    <message>
        <source>Na stronie nie ma kodu listy obecności (kopia starej listy albo inny dokument). Obecność z tej strony trzeba wpisać ręcznie.</source>
        <translation>The page has no attendance-list code (a copy of an old list or another document). Enter the attendance from this page by hand.</translation>
    </message>
    <message>
        <source>Ta lista została od tamtej pory wydrukowana ponownie (zmienili się zapisani). Wpisz obecność ręcznie albo zeskanuj nowszy wydruk.</source>
        <translation>This list has been printed again since (the enrolled people changed). Enter the attendance by hand or scan the newer printout.</translation>
    </message>
    <message>
        <source>Wydarzenie z tej listy zostało usunięte. Nic nie zapisano.</source>
        <translation>The event of this list has been deleted. Nothing was saved.</translation>
    </message>
    <message>
        <source>Skan jest za ciemny. Zeskanuj stronę ponownie jaśniej (tryb „dokument”, 200-300 dpi).</source>
        <translation>The scan is too dark. Scan the page again lighter (&quot;document&quot; mode, 200-300 dpi).</translation>
    </message>
    <message>
        <source>Skan jest za jasny albo wyblakły. Zeskanuj stronę ponownie ciemniej.</source>
        <translation>The scan is too light or faded. Scan the page again darker.</translation>
    </message>
    <message>
        <source>Nie widać narożników strony (ucięta, zagięta lub nieostra). Zeskanuj całą stronę.</source>
        <translation>The page&apos;s corners cannot be seen (cut off, folded or blurred). Scan the whole page.</translation>
    </message>
    <message>
        <source>Ta strona jest już w tym zestawie albo została wczytana wcześniej. Pominięto ją.</source>
        <translation>This page is already in this set or was read before. It was skipped.</translation>
    </message>
    <message>
        <source>Tego pliku nie da się otworzyć: wczytaj PDF albo obraz JPG, PNG lub TIFF.</source>
        <translation>This file cannot be opened: load a PDF or a JPG, PNG or TIFF image.</translation>
    </message>
</context>
<context>
    <name>ScanReviewDialog</name>
    <message>
        <source>Sprawdź odczytane listy obecności</source>
        <extracomment>Problems a better scan cures; the others are entered by hand.</extracomment>
        <translation>present</translation>
    </message>
    <message>
        <source>Sprawdzenie odczytanych list obecności</source>
        <translation>Checking the attendance lists read</translation>
    </message>
    <message>
        <source>Wczytane strony</source>
        <translation>Loaded pages</translation>
    </message>
    <message>
        <source>Problem ze stroną</source>
        <translation>Problem with the page</translation>
    </message>
    <message>
        <source>Podpisy do sprawdzenia</source>
        <translation>Signatures to check</translation>
    </message>
    <message>
        <source>O — obecny · N — nieobecny · U — usprawiedliwiony · Spacja — zmiana · strzałki — następny podpis · Enter — potwierdź wszystkie</source>
        <translation>O — present · N — absent · U — excused · Space — toggle · arrows — next signature · Enter — confirm all</translation>
    </message>
    <message>
        <source>Obsługa klawiaturą</source>
        <translation>Keyboard use</translation>
    </message>
    <message>
        <source>Strony, z których nic nie zapisano</source>
        <translation>Pages from which nothing was saved</translation>
    </message>
    <message>
        <source>Komunikat</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Zapisz obecność</source>
        <translation>&amp;Save attendance</translation>
    </message>
    <message>
        <source>Zapisz obecność z list</source>
        <translation>Save the attendance from the lists</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Zamknij sprawdzanie</source>
        <translation>Close the check</translation>
    </message>
    <message>
        <source>Strony:</source>
        <translation>Pages:</translation>
    </message>
    <message>
        <source>Z tych stron nic nie zostanie zapisane:</source>
        <translation>Nothing will be saved from these pages:</translation>
    </message>
    <message>
        <source>{file}, strona {page}</source>
        <translation>{file}, page {page}</translation>
    </message>
    <message>
        <source>{where}: podpisy {signed} z {people}</source>
        <translation>{where}: signatures {signed} of {people}</translation>
    </message>
    <message>
        <source>do sprawdzenia: {n}</source>
        <translation>to check: {n}</translation>
    </message>
    <message>
        <source>dopisani ręcznie: {n}</source>
        <translation>written in by hand: {n}</translation>
    </message>
    <message>
        <source>Żadnej strony nie da się odczytać.</source>
        <translation>No page can be read.</translation>
    </message>
    <message>
        <source>Wszystkie podpisy odczytano pewnie; nic nie trzeba sprawdzać.</source>
        <translation>All signatures were read with certainty; nothing needs checking.</translation>
    </message>
    <message>
        <source>Podpisy do sprawdzenia: {total}, jeszcze niepotwierdzone: {left}.</source>
        <translation>Signatures to check: {total}, not yet confirmed: {left}.</translation>
    </message>
    <message>
        <source>Zapis obecności ze skanów</source>
        <translation>Saving attendance from scans</translation>
    </message>
    <message>
        <source>Zapisano obecność — osoby: {people}, strony listy: {pages}</source>
        <translation>Attendance saved — people: {people}, list pages: {pages}</translation>
    </message>
    <message>
        <source>dopisani spoza listy: {n}</source>
        <translation>added from outside the list: {n}</translation>
    </message>
    <message>
        <source>stron do ponownego skanu: {n}</source>
        <translation>pages to scan again: {n}</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>styczeń</source>
        <extracomment>Translation context of the texts below.</extracomment>
        <translation>January</translation>
    </message>
    <message>
        <source>luty</source>
        <translation>February</translation>
    </message>
    <message>
        <source>marzec</source>
        <translation>March</translation>
    </message>
    <message>
        <source>kwiecień</source>
        <translation>April</translation>
    </message>
    <message>
        <source>maj</source>
        <translation>May</translation>
    </message>
    <message>
        <source>czerwiec</source>
        <translation>June</translation>
    </message>
    <message>
        <source>lipiec</source>
        <translation>July</translation>
    </message>
    <message>
        <source>sierpień</source>
        <translation>August</translation>
    </message>
    <message>
        <source>wrzesień</source>
        <translation>September</translation>
    </message>
    <message>
        <source>październik</source>
        <translation>October</translation>
    </message>
    <message>
        <source>listopad</source>
        <translation>November</translation>
    </message>
    <message>
        <source>grudzień</source>
        <translation>December</translation>
    </message>
    <message>
        <source>sty</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>lut</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>kwi</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>cze</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>lip</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>sie</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>wrz</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>paź</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>lis</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>gru</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>pn</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>wt</source>
        <translation>Tu</translation>
    </message>
    <message>
        <source>śr</source>
        <translation>We</translation>
    </message>
    <message>
        <source>cz</source>
        <translation>Th</translation>
    </message>
    <message>
        <source>pt</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>sb</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>nd</source>
        <translation>Su</translation>
    </message>
    <message>
        <source>{quarter} kw.</source>
        <translation>Q{quarter}</translation>
    </message>
    <message>
        <source>Dzień</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Tydzień</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Miesiąc</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Kwartał</source>
        <translation>Quarter</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <source>Harmonogram</source>
        <extracomment>Set once the user drags the splitter (or their saved layout is restored): then it is theirs to size.</extracomment>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Zadania harmonogramu</source>
        <translation>Schedule tasks</translation>
    </message>
    <message>
        <source>Zadań: {count}</source>
        <translation>Tasks: {count}</translation>
    </message>
    <message>
        <source>Harmonogram tego programu nie ma jeszcze zadań. Dodaj pierwsze zadanie przyciskiem „Dodaj zadanie…” nad wykresem.</source>
        <translation>This programme&apos;s schedule has no tasks yet. Add the first task with the “Add task…” button above the chart.</translation>
    </message>
    <message>
        <source>okres zadania (ciemniej: czas, który upłynął)</source>
        <translation>task period (darker: time elapsed)</translation>
    </message>
    <message>
        <source>kamień milowy</source>
        <translation>milestone</translation>
    </message>
    <message>
        <source>wydarzenia:</source>
        <translation>events:</translation>
    </message>
    <message>
        <source>odbyte</source>
        <translation>held</translation>
    </message>
    <message>
        <source>planowane</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>zaległe</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>zadanie z zaległymi wydarzeniami</source>
        <translation>task with overdue events</translation>
    </message>
    <message>
        <source>dziś</source>
        <translation>today</translation>
    </message>
    <message>
        <source>Przeciągnij pasek, aby przesunąć zadanie, albo jego koniec, aby zmienić datę (Ctrl+Z cofa). Ctrl+kółko myszy lub Ctrl++ / Ctrl+− zmienia skalę; dwuklik otwiera zadanie lub wydarzenie.</source>
        <translation>Drag a bar to move a task, or its end to change the date (Ctrl+Z undoes). Ctrl+mouse wheel or Ctrl++ / Ctrl+− changes the scale; double-click opens a task or event.</translation>
    </message>
    <message>
        <source>Pasek harmonogramu</source>
        <translation>Schedule toolbar</translation>
    </message>
    <message>
        <source>Dodaj &amp;zadanie…</source>
        <translation>Add &amp;task…</translation>
    </message>
    <message>
        <source>Nowe zadanie harmonogramu (Ctrl+N)</source>
        <translation>New schedule task (Ctrl+N)</translation>
    </message>
    <message>
        <source>Dodaj kamień &amp;milowy…</source>
        <translation>Add &amp;milestone…</translation>
    </message>
    <message>
        <source>Nowy kamień milowy, np. zakończenie programu</source>
        <translation>New milestone, e.g. end of the programme</translation>
    </message>
    <message>
        <source>&amp;Edytuj…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Zmień zaznaczone zadanie (F2 lub dwuklik)</source>
        <translation>Change the selected task (F2 or double-click)</translation>
    </message>
    <message>
        <source>&amp;Usuń</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Usuń zaznaczone zadanie (Delete)</source>
        <translation>Delete the selected task (Delete)</translation>
    </message>
    <message>
        <source>Cofnij</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Cofnij ostatnią zmianę harmonogramu (Ctrl+Z)</source>
        <translation>Undo the last schedule change (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Ponów</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Ponów cofniętą zmianę (Ctrl+Y)</source>
        <translation>Redo the undone change (Ctrl+Y)</translation>
    </message>
    <message>
        <source>Cofnij: {what} (Ctrl+Z)</source>
        <translation>Undo: {what} (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Ponów: {what} (Ctrl+Y)</source>
        <translation>Redo: {what} (Ctrl+Y)</translation>
    </message>
    <message>
        <source>Skala: {zoom}</source>
        <translation>Scale: {zoom}</translation>
    </message>
    <message>
        <source>Oddal (Ctrl+−)</source>
        <translation>Zoom out (Ctrl+−)</translation>
    </message>
    <message>
        <source>Przybliż (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Dziś</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Przewiń wykres do dzisiejszej daty</source>
        <translation>Scroll the chart to today&apos;s date</translation>
    </message>
    <message>
        <source>&amp;Drukuj…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Drukuj harmonogram</source>
        <translation>Print the schedule</translation>
    </message>
    <message>
        <source>Harmonogram jako PDF do druku, A4 poziomo (Ctrl+P); strzałka: A3</source>
        <translation>Schedule as a PDF for printing, A4 landscape (Ctrl+P); arrow: A3</translation>
    </message>
    <message>
        <source>A4 poziomo</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <source>A3 poziomo</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <source>&amp;Kalendarz (.ics)…</source>
        <translation>&amp;Calendar (.ics)…</translation>
    </message>
    <message>
        <source>Zapisz zadania i wydarzenia do pliku kalendarza (Outlook, Thunderbird, Google)</source>
        <translation>Save tasks and events to a calendar file (Outlook, Thunderbird, Google)</translation>
    </message>
    <message>
        <source>Dziś ({today}) jest przed rozpoczęciem programu — pokazano jego początek ({date}).</source>
        <translation>Today ({today}) is before the programme starts — showing its start ({date}).</translation>
    </message>
    <message>
        <source>Dziś ({today}) jest po zakończeniu programu — pokazano jego koniec ({date}).</source>
        <translation>Today ({today}) is after the programme ends — showing its end ({date}).</translation>
    </message>
    <message>
        <source>Dziś: {today}.</source>
        <translation>Today: {today}.</translation>
    </message>
    <message>
        <source>Zadanie musi się mieścić w okresie programu ({start} – {end}).</source>
        <translation>A task must fit within the programme period ({start} – {end}).</translation>
    </message>
    <message>
        <source>„{name}” jest już na granicy okresu programu: nie przesunięto.</source>
        <translation>“{name}” is already at the edge of the programme period: not moved.</translation>
    </message>
    <message>
        <source>przesunięcie „{name}”</source>
        <translation>moving “{name}”</translation>
    </message>
    <message>
        <source>Zapisano: „{name}” — {dates}.</source>
        <translation>Saved: “{name}” — {dates}.</translation>
    </message>
    <message>
        <source>Przeciągnięto poza okres programu: daty przycięto do jego granicy.</source>
        <translation>Dragged outside the programme period: the dates were trimmed to its limits.</translation>
    </message>
    <message>
        <source>Ctrl+Z cofa zmianę.</source>
        <translation>Ctrl+Z undoes the change.</translation>
    </message>
    <message>
        <source>dodanie „{name}”</source>
        <translation>adding “{name}”</translation>
    </message>
    <message>
        <source>Dodano do harmonogramu: „{name}”.</source>
        <translation>Added to the schedule: “{name}”.</translation>
    </message>
    <message>
        <source>zmiana „{name}”</source>
        <translation>changing “{name}”</translation>
    </message>
    <message>
        <source>Zapisano zadanie „{name}”.</source>
        <translation>Task “{name}” saved.</translation>
    </message>
    <message>
        <source>Usunąć zadanie?</source>
        <translation>Delete the task?</translation>
    </message>
    <message>
        <source>Do zadania „{name}” przypisano wydarzenia ({count}). Po usunięciu zadania zostaną one w ewidencji, ale bez zadania harmonogramu.</source>
        <translation>Events ({count}) are assigned to the task “{name}”. Once the task is deleted, they stay in the records but without a schedule task.</translation>
    </message>
    <message>
        <source>Usuń i odłącz wydarzenia</source>
        <translation>Delete and detach events</translation>
    </message>
    <message>
        <source>Usunąć z harmonogramu zadanie „{name}” ({period})?</source>
        <translation>Delete the task “{name}” ({period}) from the schedule?</translation>
    </message>
    <message>
        <source>Usuń zadanie</source>
        <translation>Delete task</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ctrl+Z przywraca usunięte zadanie.</source>
        <translation>Ctrl+Z restores the deleted task.</translation>
    </message>
    <message>
        <source>usunięcie „{name}”</source>
        <translation>deleting “{name}”</translation>
    </message>
    <message>
        <source>Usunięto zadanie „{name}”. Ctrl+Z przywraca je.</source>
        <translation>Task “{name}” deleted. Ctrl+Z restores it.</translation>
    </message>
    <message>
        <source>Wydruk harmonogramu</source>
        <translation>Printing the schedule</translation>
    </message>
    <message>
        <source>harmonogram-{paper}</source>
        <translation>schedule-{paper}</translation>
    </message>
    <message>
        <source>Wydruk harmonogramu ({paper} poziomo) zapisano w: {path}</source>
        <translation>Schedule printout ({paper} landscape) saved in: {path}</translation>
    </message>
    <message>
        <source>harmonogram-pal.ics</source>
        <translation>pal-schedule.ics</translation>
    </message>
    <message>
        <source>Eksport harmonogramu do kalendarza</source>
        <translation>Export the schedule to a calendar</translation>
    </message>
    <message>
        <source>Kalendarz iCalendar (*.ics)</source>
        <translation>iCalendar file (*.ics)</translation>
    </message>
    <message>
        <source>Nie udało się zapisać pliku „{path}”: {reason}</source>
        <translation>Could not save the file “{path}”: {reason}</translation>
    </message>
    <message>
        <source>Zapisano kalendarz: {path} ({tasks} zadań, {events} wydarzeń). Zaimportuj plik w programie z kalendarzem.</source>
        <translation>Calendar saved: {path} ({tasks} tasks, {events} events). Import the file into your calendar program.</translation>
    </message>
    <message>
        <source>Legenda harmonogramu</source>
        <translation>Schedule legend</translation>
    </message>
</context>
<context>
    <name>SeriesRatesModel</name>
    <message>
        <source>{present} z {recorded}</source>
        <translation>{present} of {recorded}</translation>
    </message>
    <message>
        <source>(uspr. {excused})</source>
        <translation>(excused {excused})</translation>
    </message>
    <message>
        <source>(poniżej {threshold} %)</source>
        <translation>(under {threshold} %)</translation>
    </message>
</context>
<context>
    <name>SeriesScopeBox</name>
    <message>
        <source>Zapis i wypisanie obejmują</source>
        <translation>Enrolling and removing cover</translation>
    </message>
    <message>
        <source>Zakres zapisu w cyklu</source>
        <translation>Scope of the enrolment in the series</translation>
    </message>
    <message>
        <source>Cała seria spotkań</source>
        <translation>The whole series of meetings</translation>
    </message>
    <message>
        <source>całą s&amp;erię</source>
        <translation>the whole s&amp;eries</translation>
    </message>
    <message>
        <source>o&amp;d spotkania z dnia</source>
        <translation>from the meeting of &amp;date</translation>
    </message>
    <message>
        <source>Od spotkania z wybranego dnia</source>
        <translation>From the meeting of the chosen date</translation>
    </message>
    <message>
        <source>Spotkanie, od którego obowiązuje zapis</source>
        <translation>The meeting from which the enrolment applies</translation>
    </message>
    <message>
        <source>{date} ({number}. spotkanie)</source>
        <translation>{date} (meeting {number})</translation>
    </message>
    <message>
        <source>tylko &amp;to spotkanie</source>
        <translation>only &amp;this meeting</translation>
    </message>
    <message>
        <source>Tylko to spotkanie</source>
        <translation>Only this meeting</translation>
    </message>
    <message>
        <source>spotkania od {date}</source>
        <translation>meetings from {date}</translation>
    </message>
    <message>
        <source>tylko to spotkanie</source>
        <translation>only this meeting</translation>
    </message>
    <message>
        <source>cała seria</source>
        <translation>the whole series</translation>
    </message>
</context>
<context>
    <name>SeriesTable</name>
    <message>
        <source>Cykle zajęć</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Cykl</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Cykl zajęć</source>
        <translation>Series of meetings</translation>
    </message>
    <message>
        <source>Spotkania</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Spotkania z zapisaną obecnością z wszystkich spotkań cyklu</source>
        <translation>Meetings with recorded attendance of all the series&apos; meetings</translation>
    </message>
    <message>
        <source>Zapisani</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Osoby zapisane na co najmniej jedno spotkanie</source>
        <translation>People enrolled on at least one meeting</translation>
    </message>
    <message>
        <source>Obecni</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Obecności na spotkaniach z zapisaną obecnością</source>
        <translation>Presences at the meetings with recorded attendance</translation>
    </message>
    <message>
        <source>Nieob.</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Nieobecności (także osoby zapisane, a nieoznaczone)</source>
        <translation>Absences (including enrolled people left unmarked)</translation>
    </message>
    <message>
        <source>Uspr.</source>
        <translation>Excused</translation>
    </message>
    <message>
        <source>Nieobecności usprawiedliwione, liczone osobno</source>
        <translation>Excused absences, counted separately</translation>
    </message>
    <message>
        <source>Frekw.</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Frekwencja według zasad organizacji</source>
        <translation>Attendance rate under the organisation&apos;s rules</translation>
    </message>
    <message>
        <source>Usprawiedliwione nieobecności: {rule}. Próg: {threshold}.</source>
        <translation>Excused absences: {rule}. Threshold: {threshold}.</translation>
    </message>
    <message>
        <source>Poniżej progu {threshold}</source>
        <translation>Under the {threshold} threshold</translation>
    </message>
    <message>
        <source>Cykle zajęć: spotkania, zapisani i frekwencja</source>
        <translation>Series: meetings, enrolled and attendance rate</translation>
    </message>
    <message>
        <source>Obowiązujące zasady frekwencji</source>
        <translation>Attendance rules in force</translation>
    </message>
    <message>
        <source>Zasady f&amp;rekwencji…</source>
        <translation>Attendance &amp;rules…</translation>
    </message>
    <message>
        <source>Zasady frekwencji</source>
        <translation>Attendance rules</translation>
    </message>
    <message>
        <source>Czy usprawiedliwiona nieobecność obniża frekwencję; próg niskiej frekwencji</source>
        <translation>Whether an excused absence lowers the rate; the low attendance threshold</translation>
    </message>
    <message>
        <source>obniżają frekwencję</source>
        <translation>lower the rate</translation>
    </message>
    <message>
        <source>nie obniżają frekwencji</source>
        <translation>do not lower the rate</translation>
    </message>
    <message>
        <source>{held} z {meetings}</source>
        <translation>{held} of {meetings}</translation>
    </message>
    <message>
        <source>Kalendarz i cykle zajęć</source>
        <translation>Calendar and series</translation>
    </message>
    <message>
        <source>Kalendarz</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Ustawienia</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Błąd ustawień</source>
        <translation>Settings error</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zapisz ustawienia</source>
        <translation>Save the settings</translation>
    </message>
    <message>
        <source>Zapisz ustawienia (Ctrl+S)</source>
        <translation>Save the settings (Ctrl+S)</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Anuluj zmiany</source>
        <translation>Discard the changes</translation>
    </message>
    <message>
        <source>Zamknij bez zapisywania (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <source>Powitanie</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Błąd: {field}</source>
        <translation>Error: {field}</translation>
    </message>
    <message>
        <source>Organizacja</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Dane organizacji</source>
        <translation>Organisation details</translation>
    </message>
    <message>
        <source>Dane organizacji trafiają do nagłówków drukowanych dokumentów.</source>
        <translation>The organisation details go into the headers of printed documents.</translation>
    </message>
    <message>
        <source>&amp;Nazwa organizacji:</source>
        <translation>Organisation &amp;name:</translation>
    </message>
    <message>
        <source>Nazwa organizacji</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <source>np. Gminny Ośrodek Pomocy Społecznej w Kłobucku</source>
        <translation>e.g. Gminny Ośrodek Pomocy Społecznej w Kłobucku</translation>
    </message>
    <message>
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>ulica i numer</source>
        <translation>street and number</translation>
    </message>
    <message>
        <source>&amp;Kod pocztowy:</source>
        <translation>Postal &amp;code:</translation>
    </message>
    <message>
        <source>Kod pocztowy</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>&amp;Miejscowość:</source>
        <translation>&amp;Town:</translation>
    </message>
    <message>
        <source>Miejscowość</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>&amp;Stawka za godzinę
wolontariatu:</source>
        <translation>&amp;Rate per hour of
volunteer work:</translation>
    </message>
    <message>
        <source>Stawka za godzinę wolontariatu</source>
        <translation>Rate per hour of volunteer work</translation>
    </message>
    <message>
        <source>np. 35,00</source>
        <translation>e.g. 35,00</translation>
    </message>
    <message>
        <source>zł</source>
        <translation>PLN</translation>
    </message>
    <message>
        <source>Stawki według &amp;rodzaju pracy…</source>
        <translation>Rates by &amp;kind of work…</translation>
    </message>
    <message>
        <source>Stawki wolontariatu według rodzaju pracy (zadania programu)</source>
        <translation>Volunteer rates by kind of work (the programme&apos;s tasks)</translation>
    </message>
    <message>
        <source>Ponowne sprawdzenie
pracujących z &amp;dziećmi:</source>
        <translation>Re-checking people
working with &amp;children:</translation>
    </message>
    <message>
        <source>Ponowne sprawdzenie osób pracujących z dziećmi</source>
        <translation>Re-checking people working with children</translation>
    </message>
    <message>
        <source>mies. (polityka ośrodka)</source>
        <translation>months (the centre&apos;s policy)</translation>
    </message>
    <message>
        <source>Próg &amp;ostrzeżenia o
pomocy pieniężnej:</source>
        <translation>Cash assistance
&amp;warning threshold:</translation>
    </message>
    <message>
        <source>Próg ostrzeżenia o pomocy pieniężnej</source>
        <translation>Cash assistance warning threshold</translation>
    </message>
    <message>
        <source>np. 2000,00</source>
        <translation>e.g. 2000,00</translation>
    </message>
    <message>
        <source>Logotypy w nagłówku dokumentów</source>
        <translation>Logos in the document header</translation>
    </message>
    <message>
        <source>Logotypy</source>
        <translation>Logos</translation>
    </message>
    <message>
        <source>Lista logotypów, od lewej do prawej</source>
        <translation>List of logos, from left to right</translation>
    </message>
    <message>
        <source>Dodaj &amp;logo…</source>
        <translation>Add &amp;logo…</translation>
    </message>
    <message>
        <source>Dodaj logo z pliku</source>
        <translation>Add a logo from a file</translation>
    </message>
    <message>
        <source>&amp;Usuń</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Usuń zaznaczone logo</source>
        <translation>Remove the selected logo</translation>
    </message>
    <message>
        <source>W &amp;górę</source>
        <translation>&amp;Up</translation>
    </message>
    <message>
        <source>Przesuń logo w lewo (w górę listy)</source>
        <translation>Move the logo left (up the list)</translation>
    </message>
    <message>
        <source>W &amp;dół</source>
        <translation>&amp;Down</translation>
    </message>
    <message>
        <source>Przesuń logo w prawo (w dół listy)</source>
        <translation>Move the logo right (down the list)</translation>
    </message>
    <message>
        <source>Do 4 obrazów PNG lub JPEG, drukowanych w jednej linii w tej kolejności (pierwszy z lewej).</source>
        <translation>Up to 4 PNG or JPEG images, printed in one line in this order (the first on the left).</translation>
    </message>
    <message>
        <source>Lokalizacja danych</source>
        <translation>Data location</translation>
    </message>
    <message>
        <source>Obecnie otwarta baza danych</source>
        <translation>Database open now</translation>
    </message>
    <message>
        <source>Baza danych przy następnym uruchomieniu</source>
        <translation>Database at the next start</translation>
    </message>
    <message>
        <source>domyślnie: {path}</source>
        <translation>default: {path}</translation>
    </message>
    <message>
        <source>&amp;Wybierz plik…</source>
        <translation>C&amp;hoose file…</translation>
    </message>
    <message>
        <source>Wybierz plik bazy danych SQLite</source>
        <translation>Choose a SQLite database file</translation>
    </message>
    <message>
        <source>&amp;Przywróć domyślną</source>
        <translation>Restore de&amp;fault</translation>
    </message>
    <message>
        <source>Przywróć domyślną lokalizację bazy danych</source>
        <translation>Restore the default database location</translation>
    </message>
    <message>
        <source>Hasło do bazy PostgreSQL</source>
        <translation>PostgreSQL database password</translation>
    </message>
    <message>
        <source>&amp;Hasło PostgreSQL:</source>
        <translation>PostgreSQL &amp;password:</translation>
    </message>
    <message>
        <source>&amp;Baza przy następnym uruchomieniu:</source>
        <translation>Data&amp;base at the next start:</translation>
    </message>
    <message>
        <source>Uwaga: baza leży na dysku sieciowym. Może z niej korzystać tylko jeden komputer naraz (praca kilku stanowisk jednocześnie może uszkodzić dane). Dla kilku stanowisk użyj bazy PostgreSQL na serwerze.</source>
        <translation>Note: the database is on a network drive. Only one computer at a time may use it (several workstations at once can damage the data). For several workstations, use a PostgreSQL database on a server.</translation>
    </message>
    <message>
        <source>Ostrzeżenie: baza na dysku sieciowym</source>
        <translation>Warning: database on a network drive</translation>
    </message>
    <message>
        <source>zapisane w menedżerze poświadczeń; wpisz, aby zmienić</source>
        <translation>stored in the credential manager; type to change it</translation>
    </message>
    <message>
        <source>wpisz hasło</source>
        <translation>type the password</translation>
    </message>
    <message>
        <source>tylko dla bazy PostgreSQL</source>
        <translation>for a PostgreSQL database only</translation>
    </message>
    <message>
        <source>Baza danych</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Obecnie otwarta baza: {location}</source>
        <translation>Database open now: {location}</translation>
    </message>
    <message>
        <source>Wybierz logo</source>
        <translation>Choose a logo</translation>
    </message>
    <message>
        <source>Obrazy PNG i JPEG (*.png *.jpg *.jpeg)</source>
        <translation>PNG and JPEG images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Pasek logotypów może mieć najwyżej {max} znaki w jednej linii.</source>
        <translation>The logo strip can hold at most {max} signs in one line.</translation>
    </message>
    <message>
        <source>Wybierz plik bazy danych</source>
        <translation>Choose the database file</translation>
    </message>
    <message>
        <source>Bazy danych SQLite (*.sqlite3 *.sqlite *.db);;Wszystkie pliki (*)</source>
        <translation>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Nie można zapisać ustawień w pliku „{path}”: {reason}.</source>
        <translation>Cannot save the settings in the file “{path}”: {reason}.</translation>
    </message>
    <message>
        <source>&amp;Inspektor ochrony
danych (IOD):</source>
        <translation>&amp;Data protection
officer (DPO):</translation>
    </message>
    <message>
        <source>Kontakt do inspektora ochrony danych</source>
        <translation>Data protection officer contact</translation>
    </message>
    <message>
        <source>np. iod@gops.pl, tel. 34 317 00 00</source>
        <translation>e.g. iod@gops.pl, tel. 34 317 00 00</translation>
    </message>
    <message>
        <source>Plik bazy SQLite na tym komputerze albo adres serwera PostgreSQL, np. postgresql://użytkownik@serwer/baza (hasło w polu obok trafia do menedżera poświadczeń systemu, nie do pliku ustawień). Zmiana zacznie obowiązywać przy następnym uruchomieniu programu.</source>
        <translation>A SQLite database file on this PC or a PostgreSQL server address, e.g. postgresql://user@server/database (the password in the field below goes to the system&apos;s credential manager, not to the settings file). The change takes effect at the next start of the program.</translation>
    </message>
    <message>
        <source>Folder kopii zapasowych</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Wybierz &amp;folder…</source>
        <translation>Choose &amp;folder…</translation>
    </message>
    <message>
        <source>Wybierz folder kopii zapasowych</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>Folder &amp;kopii zapasowych (np. dysk sieciowy, dysk USB):</source>
        <translation>Bac&amp;kup folder (e.g. a network drive, a USB disk):</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Nieprawidłowy login lub hasło.</source>
        <translation>Wrong login or password.</translation>
    </message>
    <message>
        <source>Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {seconds} s.</source>
        <translation>Too many failed sign-ins. Try again in {seconds} s.</translation>
    </message>
    <message>
        <source>Konto „{login}” jest wyłączone. Poproś administratora o jego włączenie.</source>
        <translation>The account “{login}” is disabled. Ask the administrator to enable it.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Ekran zablokowany</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Logowanie — PAL Desktop</source>
        <translation>Sign in — PAL Desktop</translation>
    </message>
    <message>
        <source>Wpisz hasło konta „{login}”, aby wrócić do pracy.</source>
        <translation>Type the password of “{login}” to get back to work.</translation>
    </message>
    <message>
        <source>Zaloguj się swoim kontem. Dane uczestników widzi tylko ten, kto ich potrzebuje, a każdy dostęp jest zapisywany.</source>
        <translation>Sign in with your account. Participants&apos; data is shown only to those who need it, and every access is logged.</translation>
    </message>
    <message>
        <source>Odblokuj</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Zaloguj</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Zakończ program</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Hasło:</source>
        <translation>&amp;Password:</translation>
    </message>
</context>
<context>
    <name>SmallForm</name>
    <message>
        <source>Błąd</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zapisz</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Zapisz (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Zamknij bez zapisywania (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <source>Błąd: {field}</source>
        <translation>Error: {field}</translation>
    </message>
    <message>
        <source>„{text}” to nie jest data — wpisz ją w postaci dd.mm.rrrr, np. 15.03.2021.</source>
        <translation>“{text}” is not a date — enter it as dd.mm.yyyy, e.g. 15.03.2021.</translation>
    </message>
    <message>
        <source>Porzucić zmiany?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>Wpisane dane nie zostały zapisane. Porzucić je?</source>
        <translation>The data you entered has not been saved. Discard it?</translation>
    </message>
    <message>
        <source>Porzuć zmiany</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Wróć</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Wyszukaj i zaznacz uczestnika, który ma dołączyć do rodziny.</source>
        <translation>Search for and select the participant who is to join the household.</translation>
    </message>
    <message>
        <source>„{text}” to nie jest liczba — wpisz np. 450,50 ({label}).</source>
        <translation>“{text}” is not a number — enter e.g. 450,50 ({label}).</translation>
    </message>
    <message>
        <source>„{text}” to nie jest liczba całkowita ({label}).</source>
        <translation>“{text}” is not a whole number ({label}).</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Prowadzący i pomocnicy</source>
        <translation>Leaders and helpers</translation>
    </message>
    <message>
        <source>Prowadzący i pomocnicy wydarzenia</source>
        <translation>Event leaders and helpers</translation>
    </message>
    <message>
        <source>prowadzi: {name}</source>
        <translation>led by: {name}</translation>
    </message>
    <message>
        <source>Animatorzy i wolontariusze przy wydarzeniu</source>
        <translation>Animators and volunteers at the event</translation>
    </message>
    <message>
        <source>Imię i nazwisko</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Rola</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Dodaj osobę</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <source>Dodaj animatora albo wolontariusza</source>
        <translation>Add an animator or a volunteer</translation>
    </message>
    <message>
        <source>&amp;animator</source>
        <translation>&amp;animator</translation>
    </message>
    <message>
        <source>Animator</source>
        <translation>Animator</translation>
    </message>
    <message>
        <source>&amp;wolontariusz</source>
        <translation>&amp;volunteer</translation>
    </message>
    <message>
        <source>Wolontariusz</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Osoba</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Rola przy wydarzeniu</source>
        <translation>Role at the event</translation>
    </message>
    <message>
        <source>np. współprowadzący, pomoc przy dzieciach</source>
        <translation>e.g. co-leader, help with the children</translation>
    </message>
    <message>
        <source>Godziny wolontariatu</source>
        <translation>Volunteer hours</translation>
    </message>
    <message>
        <source>np. 2,5</source>
        <translation>e.g. 2,5</translation>
    </message>
    <message>
        <source>Kto:</source>
        <translation>Who:</translation>
    </message>
    <message>
        <source>&amp;Osoba:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>&amp;Rola:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Godziny:</source>
        <translation>&amp;Hours:</translation>
    </message>
    <message>
        <source>Dodaj do &amp;wydarzenia</source>
        <translation>Add to &amp;event</translation>
    </message>
    <message>
        <source>Dodaj osobę do wydarzenia</source>
        <translation>Add the person to the event</translation>
    </message>
    <message>
        <source>&amp;Usuń zaznaczoną osobę</source>
        <translation>Remove the &amp;selected person</translation>
    </message>
    <message>
        <source>Usuń zaznaczoną osobę z wydarzenia</source>
        <translation>Remove the selected person from the event</translation>
    </message>
    <message>
        <source>Usuwa też godziny wolontariusza zapisane przy tym wydarzeniu (Delete)</source>
        <translation>Also removes the volunteer&apos;s hours recorded for this event (Delete)</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Godziny zapisuje się tylko wolontariuszom.</source>
        <translation>Hours are recorded only for volunteers.</translation>
    </message>
    <message>
        <source>Usunięto: {name}.</source>
        <translation>Removed: {name}.</translation>
    </message>
    <message>
        <source>Dodano: {name}.</source>
        <translation>Added: {name}.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Otwieranie bazy danych…</source>
        <extracomment>The user chose to create the database if it is missing (&quot;Otwórz domyślną&quot;). The database was chosen at start after a failure: its errors offer the choice again.</extracomment>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Nie można otworzyć bazy danych</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>StipendRuleDialog</name>
    <message>
        <source>Zasady stypendium stażowego</source>
        <translation>Internship stipend rules</translation>
    </message>
    <message>
        <source>&amp;Kwota zasiłku dla bezrobotnych (zł):</source>
        <translation>&amp;Unemployment benefit amount (zł):</translation>
    </message>
    <message>
        <source>Kwota zasiłku dla bezrobotnych</source>
        <translation>Unemployment benefit amount</translation>
    </message>
    <message>
        <source>&amp;Procent zasiłku:</source>
        <translation>&amp;Percent of the benefit:</translation>
    </message>
    <message>
        <source>Procent zasiłku</source>
        <translation>Percent of the benefit</translation>
    </message>
    <message>
        <source>&amp;Godzin w miesiącu dla pełnego stypendium:</source>
        <translation>&amp;Hours a month for the full stipend:</translation>
    </message>
    <message>
        <source>Godzin w miesiącu dla pełnego stypendium</source>
        <translation>Hours a month for the full stipend</translation>
    </message>
    <message>
        <source>Puste pole — wartość domyślna: 120% zasiłku dla bezrobotnych (1 721,90 zł od 1.06.2025, obwieszczenie MRPiPS z 19.05.2025) za co najmniej 160 godzin w miesiącu, za mniej godzin proporcjonalnie, jak w wytycznych EFS dotyczących staży. Wpisz zasady, które stosuje instytucja finansująca.</source>
        <translation>An empty field means the default: 120% of the unemployment benefit (1 721,90 zł from 1.06.2025, MRPiPS notice of 19.05.2025) for at least 160 hours a month, proportionally less for fewer hours, as in the ESF guidelines on internships. Enter the rules the funding institution applies.</translation>
    </message>
</context>
<context>
    <name>StreetsDialog</name>
    <message>
        <source>Ulice obszaru rewitalizacji</source>
        <translation>Revitalisation area streets</translation>
    </message>
    <message>
        <source>Program: {title}. Formularz uczestnika podpowiada te ulice; adres spoza listy wymaga uzasadnienia.</source>
        <translation>Programme: {title}. The participant form suggests these streets; an address outside the list requires a justification.</translation>
    </message>
    <message>
        <source>Lista ulic obszaru</source>
        <translation>List of area streets</translation>
    </message>
    <message>
        <source>Ulica</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Kod pocztowy</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Miejscowość</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>&amp;Usuń zaznaczoną</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <source>Usuń zaznaczoną ulicę</source>
        <translation>Remove the selected street</translation>
    </message>
    <message>
        <source>np. ul. Zamkowa</source>
        <translation>e.g. ul. Zamkowa</translation>
    </message>
    <message>
        <source>&amp;Dodaj ulicę</source>
        <translation>&amp;Add street</translation>
    </message>
    <message>
        <source>Dodaj ulicę do listy</source>
        <translation>Add the street to the list</translation>
    </message>
    <message>
        <source>U&amp;lica:</source>
        <translation>S&amp;treet:</translation>
    </message>
    <message>
        <source>&amp;Kod pocztowy:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>&amp;Miejscowość:</source>
        <translation>T&amp;own:</translation>
    </message>
    <message>
        <source>Zamknij</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dodano: {name}.</source>
        <translation>Added: {name}.</translation>
    </message>
    <message>
        <source>Usunięto: {name} (uczestników z tym adresem: {count}; ich adresy zostały).</source>
        <translation>Removed: {name} (participants with this address: {count}; their addresses were kept).</translation>
    </message>
</context>
<context>
    <name>StructurePanel</name>
    <message>
        <source>Struktura uczestników</source>
        <extracomment>The columns after the figure&apos;s name: the sex each narrows to (&quot;any&quot; for the total).</extracomment>
        <translation>Participants&apos; structure</translation>
    </message>
    <message>
        <source>Uczestnicy</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>K</source>
        <translation>F</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>b.d.</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source>Razem</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Kobiety</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>Mężczyźni</source>
        <translation>Men</translation>
    </message>
    <message>
        <source>Płeć nieznana</source>
        <translation>Sex unknown</translation>
    </message>
    <message>
        <source>Kliknij dwukrotnie liczbę (albo Enter), aby zobaczyć osoby</source>
        <translation>Double-click a number (or press Enter) to see the people</translation>
    </message>
    <message>
        <source>Objęci wsparciem</source>
        <translation>Covered by support</translation>
    </message>
    <message>
        <source>Przystąpili w okresie</source>
        <translation>Joined in the period</translation>
    </message>
    <message>
        <source>Zakończyli udział w okresie</source>
        <translation>Left in the period</translation>
    </message>
    <message>
        <source>Zgodnie ze ścieżką</source>
        <translation>As planned</translation>
    </message>
    <message>
        <source>Wiek przy przystąpieniu</source>
        <translation>Age on joining</translation>
    </message>
    <message>
        <source>Powody wsparcia</source>
        <translation>Reasons for support</translation>
    </message>
    <message>
        <source>nie podano</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Gospodarstwa domowe objęte</source>
        <translation>Households covered</translation>
    </message>
</context>
<context>
    <name>SupportDialog</name>
    <message>
        <source>Forma wsparcia</source>
        <translation>Form of support</translation>
    </message>
    <message>
        <source>Edycja formy wsparcia</source>
        <translation>Edit form of support</translation>
    </message>
    <message>
        <source>wybierz z listy albo wpisz</source>
        <translation>choose from the list or type</translation>
    </message>
    <message>
        <source>&amp;Forma wsparcia:</source>
        <translation>F&amp;orm of support:</translation>
    </message>
    <message>
        <source>Planowany &amp;początek:</source>
        <translation>Planned st&amp;art:</translation>
    </message>
    <message>
        <source>Planowany &amp;koniec:</source>
        <translation>Planned &amp;end:</translation>
    </message>
    <message>
        <source>Wsparcie udzielone &amp;od:</source>
        <translation>Support provided &amp;from:</translation>
    </message>
    <message>
        <source>Początek wsparcia</source>
        <translation>Support start</translation>
    </message>
    <message>
        <source>Wsparcie udzielone &amp;do:</source>
        <translation>Support provided &amp;to:</translation>
    </message>
    <message>
        <source>Koniec wsparcia</source>
        <translation>Support end</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>&amp;Uwagi:</source>
        <translation>&amp;Notes:</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Wartość docelowa wskaźnika</source>
        <translation>Indicator target</translation>
    </message>
    <message>
        <source>Wskaźnik:</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <source>&amp;Wartość docelowa:</source>
        <translation>&amp;Target:</translation>
    </message>
    <message>
        <source>Wartość docelowa</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>np. 12</source>
        <translation>e.g. 12</translation>
    </message>
    <message>
        <source>Jednostka: {unit}. Puste pole — bez wartości docelowej.</source>
        <translation>Unit: {unit}. Leave blank for no target.</translation>
    </message>
    <message>
        <source>&amp;Cel (rozdział V):</source>
        <translation>&amp;Goal (section V):</translation>
    </message>
    <message>
        <source>Cel, który wskaźnik wspiera</source>
        <translation>The goal the indicator supports</translation>
    </message>
    <message>
        <source>tylko cel główny</source>
        <translation>the main goal only</translation>
    </message>
    <message>
        <source>&amp;Rezultat (rozdział X):</source>
        <translation>&amp;Result (section X):</translation>
    </message>
    <message>
        <source>Rezultat, który produkt wspiera</source>
        <translation>The result the product supports</translation>
    </message>
    <message>
        <source>żaden</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Kamień milowy harmonogramu</source>
        <translation>Schedule milestone</translation>
    </message>
    <message>
        <source>Zadanie harmonogramu</source>
        <translation>Schedule task</translation>
    </message>
    <message>
        <source>Nowy kamień milowy</source>
        <translation>New milestone</translation>
    </message>
    <message>
        <source>Nowe zadanie harmonogramu</source>
        <translation>New schedule task</translation>
    </message>
    <message>
        <source>np. imprezy integracyjne</source>
        <translation>e.g. community integration events</translation>
    </message>
    <message>
        <source>&amp;Nazwa:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Nazwa zadania</source>
        <translation>Task name</translation>
    </message>
    <message>
        <source>&amp;Opis:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>Opis zadania</source>
        <translation>Task description</translation>
    </message>
    <message>
        <source>&amp;Kamień milowy (jeden dzień, np. zakończenie programu)</source>
        <translation>&amp;Milestone (one day, e.g. the end of the programme)</translation>
    </message>
    <message>
        <source>Kamień milowy</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>O&amp;d:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>Początek zadania</source>
        <translation>Task start</translation>
    </message>
    <message>
        <source>D&amp;o:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Koniec zadania</source>
        <translation>Task end</translation>
    </message>
    <message>
        <source>według zapisanych wydarzeń</source>
        <translation>based on recorded events</translation>
    </message>
    <message>
        <source>Ile wydarzeń ma się odbyć w ramach zadania; bez liczby planem są wydarzenia zapisane pod zadaniem.</source>
        <translation>How many events are to take place within the task; with no number, the plan is the events recorded under the task.</translation>
    </message>
    <message>
        <source>&amp;Planowana liczba wydarzeń:</source>
        <translation>&amp;Planned number of events:</translation>
    </message>
    <message>
        <source>Planowana liczba wydarzeń</source>
        <translation>Planned number of events</translation>
    </message>
    <message>
        <source>Okres programu: {start} – {end}. Daty zadania muszą się w nim mieścić.</source>
        <translation>Programme period: {start} – {end}. The task dates must fall within it.</translation>
    </message>
    <message>
        <source>Błąd</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zapisz zadanie</source>
        <translation>Save the task</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Błąd: {field}</source>
        <translation>Error: {field}</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>&amp;Date:</translation>
    </message>
</context>
<context>
    <name>UnsureCellsGrid</name>
    <message>
        <source>Podpisy do sprawdzenia</source>
        <translation>Signatures to check</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Liczba uczestników musi być od 1 do {max} (podano {value}).</source>
        <extracomment>Which schedule tasks (by number in section IX) get which kinds of events in the demo. The masculine form of the last surname person_name() gave: a family&apos;s name, which a woman heading the household carries in its feminine form (&quot;Majewska&quot;) and her husband and sons do not. The act&apos;s kinds of cash assistance (art. 37-41 of the social-assistance act) as a centre grants them: (weight, plausible purposes — art. 39 ust. 2 for a celowy, none for okresowy and stały —, amounts in zł, days of the decision&apos;s period, note). Weights and amounts are plausible for a small rural centre, not statistics: most are zasiłki celowe for food and fuel, a few periodic, rare the disaster and repayable kinds. Insertion order that respects foreign keys.</extracomment>
        <translation>The number of participants must be from 1 to {max} (given: {value}).</translation>
    </message>
    <message>
        <source>Nie ma programu o numerze {id}.</source>
        <translation>There is no programme with number {id}.</translation>
    </message>
    <message>
        <source>Pole „Nazwa organizacji” nie może być puste.</source>
        <extracomment>How to reach the office&apos;s data protection officer (inspektor ochrony danych): name, e-mail or phone. Cash assistance above this amount asks before it is saved (services.cash_rules); &quot;&quot; — never asks. The office&apos;s policy: repeat the checks for work with children after this many months (&quot;&quot; — 12).</extracomment>
        <translation>The “Organisation name” field cannot be empty.</translation>
    </message>
    <message>
        <source>Pole „Kod pocztowy” musi mieć postać 00-000 (wpisano: „{value}”).</source>
        <translation>The “Postal code” field must have the form 00-000 (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Pole „Stawka za godzinę wolontariatu” musi być kwotą w złotych, np. 35,00 (wpisano: „{value}”).</source>
        <translation>The “Rate per hour of volunteer work” field must be an amount in zł, e.g. 35,00 (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Pole „Próg ostrzeżenia o pomocy pieniężnej” musi być kwotą w złotych, np. 2000,00 (wpisano: „{value}”).</source>
        <translation>Field &quot;Cash assistance warning threshold&quot; must be an amount in złoty, e.g. 2000,00 (entered: &quot;{value}&quot;).</translation>
    </message>
    <message>
        <source>Pole „Ponowne sprawdzenie osób pracujących z dziećmi” musi być liczbą miesięcy od 1 do 120 (wpisano: „{value}”).</source>
        <translation>Field &quot;Re-checking people working with children&quot; must be a number of months from 1 to 120 (entered: &quot;{value}&quot;).</translation>
    </message>
    <message>
        <source>Pole „E-mail” nie jest poprawnym adresem e-mail (wpisano: „{value}”).</source>
        <translation>The “E-mail” field is not a valid e-mail address (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Nie można odczytać pliku „{path}”: {reason}.</source>
        <translation>Cannot read the file “{path}”: {reason}.</translation>
    </message>
    <message>
        <source>Plik „{name}” nie jest obrazem PNG ani JPEG. Wybierz logo w jednym z tych formatów.</source>
        <translation>The file “{name}” is not a PNG or JPEG image. Choose a logo in one of these formats.</translation>
    </message>
    <message>
        <source>Plik „{name}” jest za duży (ponad 5 MB). Zmniejsz obraz logo.</source>
        <translation>The file “{name}” is too large (over 5 MB). Make the logo image smaller.</translation>
    </message>
    <message>
        <source>Pasek logotypów może mieć najwyżej {max} znaki w jednej linii (wybrano {count}).</source>
        <translation>The logo strip can hold at most {max} logos in one line ({count} chosen).</translation>
    </message>
    <message>
        <source>Pole „Tytuł programu” nie może być puste.</source>
        <translation>The “Programme title” field cannot be empty.</translation>
    </message>
    <message>
        <source>Pole „Koniec programu” ({end}) jest wcześniejsze niż „Początek programu” ({start}).</source>
        <translation>The “Programme end” field ({end}) is earlier than “Programme start” ({start}).</translation>
    </message>
    <message>
        <source>Pole „Baza danych” musi zawierać ścieżkę pliku bazy albo adres w postaci postgresql://użytkownik:hasło@serwer/baza (wpisano: „{value}”).</source>
        <translation>The “Database” field must contain the path of a database file or an address like postgresql://user:password@server/database (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Pole „Baza danych” musi wskazywać plik; baza w pamięci znika po zamknięciu programu.</source>
        <translation>The “Database” field must point to a file; an in-memory database disappears when the program closes.</translation>
    </message>
    <message>
        <source>Pole „Login” może zawierać tylko małe litery bez polskich znaków, cyfry, kropkę, myślnik i podkreślenie (3-64 znaki).</source>
        <translation>The “Login” field may contain only lower-case letters without Polish characters, digits, dots, hyphens and underscores (3-64 characters).</translation>
    </message>
    <message>
        <source>Pole „Hasło” musi mieć co najmniej {min} znaków.</source>
        <translation>The “Password” field must have at least {min} characters.</translation>
    </message>
    <message>
        <source>Login „{login}” jest już zajęty.</source>
        <translation>The login “{login}” is already taken.</translation>
    </message>
    <message>
        <source>Pierwsze konto w bazie musi być kontem administratora (rola „administrator”).</source>
        <translation>The first account in the database must be an administrator (role “administrator”).</translation>
    </message>
    <message>
        <source>W bazie są już konta użytkowników: nowe konto dodaje administrator.</source>
        <translation>The database already has user accounts: new accounts are added by the administrator.</translation>
    </message>
    <message>
        <source>„{login}” to jedyny czynny administrator: bez niego nikt nie zarządzałby kontami. Najpierw nadaj rolę administratora innemu kontu.</source>
        <translation>“{login}” is the only active administrator: without it nobody could manage accounts. First give the administrator role to another account.</translation>
    </message>
    <message>
        <source>Nie można zapisać obrazu do pliku „{path}”. Sprawdź, czy folder istnieje i czy nazwa kończy się na .png.</source>
        <translation>Cannot save the image to the file “{path}”. Check that the folder exists and that the name ends with .png.</translation>
    </message>
    <message>
        <source>PESEL musi mieć 11 cyfr (wpisano: „{value}”).</source>
        <translation>PESEL must have 11 digits (typed: “{value}”).</translation>
    </message>
    <message>
        <source>PESEL „{value}” ma błędną cyfrę kontrolną — sprawdź, czy nie ma literówki.</source>
        <translation>PESEL “{value}” has a wrong check digit — check it for a typo.</translation>
    </message>
    <message>
        <source>PESEL „{value}” zawiera niemożliwą datę urodzenia.</source>
        <translation>PESEL “{value}” contains an impossible date of birth.</translation>
    </message>
    <message>
        <source>PESEL „{value}” zawiera datę urodzenia z przyszłości.</source>
        <translation>PESEL “{value}” contains a date of birth in the future.</translation>
    </message>
    <message>
        <source>Kod pocztowy musi mieć postać 00-000 (wpisano: „{value}”).</source>
        <translation>The postal code must have the form 00-000 (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Adres e-mail nie może zawierać polskich liter ani innych znaków spoza ASCII (wpisano: „{value}”).</source>
        <translation>An e-mail address cannot contain Polish letters or any other non-ASCII characters (typed: “{value}”).</translation>
    </message>
    <message>
        <source>„{value}” nie jest poprawnym adresem e-mail (np. jan.kowalski@example.pl).</source>
        <translation>“{value}” is not a valid e-mail address (e.g. jan.kowalski@example.pl).</translation>
    </message>
    <message>
        <source>Numer telefonu może zawierać tylko cyfry, spacje, myślniki i „+” — co najmniej 9 cyfr (wpisano: „{value}”).</source>
        <translation>A phone number may contain only digits, spaces, hyphens and “+” — at least 9 digits (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Pole „{label}” nie może być puste.</source>
        <extracomment>Refused above these (a typing slip); the disaster kind is higher, as aid to rebuild after a flood can be granted as a zasiłek celowy under art. 40 by a special act. Who may receive cash recorded for the programme: a participant, not a candidate or someone on the reserve list. The office setting (organisation.cash_warning_threshold) above which saving asks first.
----------
What a zasiłek celowy pays for (art. 39 ust. 2); required for every celowy kind (services.cash_rules).
----------
The version the form loaded (an edit of an entry someone else saved since is refused).</extracomment>
        <translation>The “{label}” field cannot be empty.</translation>
    </message>
    <message>
        <source>„{end_label}” ({end}) nie może być wcześniejsza niż „{start_label}” ({start}).</source>
        <extracomment>The article of the social-assistance act behind each kind (printed in the workbook for the accountant).</extracomment>
        <translation>“{end_label}” ({end}) cannot be earlier than “{start_label}” ({start}).</translation>
    </message>
    <message>
        <source>{name} należy już do gospodarstwa domowego „{household}”. Najpierw usuń tę osobę z tamtego gospodarstwa.</source>
        <translation>{name} already belongs to the household “{household}”. First remove this person from that household.</translation>
    </message>
    <message>
        <source>Osoba z numerem PESEL {pesel} jest w rejestrze uczestników: dodaj ją przyciskiem „Dodaj uczestnika do rodziny…”.</source>
        <translation>The person with PESEL {pesel} is in the participant registry: add them with “Add a participant to the family…”.</translation>
    </message>
    <message>
        <source>Osoba z numerem PESEL {pesel} jest już członkiem rodziny „{household}”.</source>
        <translation>The person with PESEL {pesel} is already a member of the “{household}” family.</translation>
    </message>
    <message>
        <source>Zrealizowane wsparcie musi mieć datę rozpoczęcia.</source>
        <translation>Support that has been delivered must have a start date.</translation>
    </message>
    <message>
        <source>Zaznaczono „brak PESEL”, a pole PESEL jest wypełnione — wybierz jedno.</source>
        <extracomment>ParticipantInput fields stored as they are on the Participant row.</extracomment>
        <translation>“No PESEL” is ticked but the PESEL field is filled in — choose one.</translation>
    </message>
    <message>
        <source>Osoba bez numeru PESEL musi mieć podany numer dokumentu tożsamości.</source>
        <translation>A person without a PESEL number must have an identity document number.</translation>
    </message>
    <message>
        <source>Osoba bez numeru PESEL musi mieć podaną datę urodzenia.</source>
        <translation>A person without a PESEL number must have a date of birth.</translation>
    </message>
    <message>
        <source>Pole „PESEL” nie może być puste — wpisz numer albo zaznacz „brak PESEL”.</source>
        <translation>The “PESEL” field cannot be empty — enter the number or tick “No PESEL”.</translation>
    </message>
    <message>
        <source>Data urodzenia {given} nie zgadza się z numerem PESEL ({from_pesel}).</source>
        <translation>The date of birth {given} does not match the PESEL number ({from_pesel}).</translation>
    </message>
    <message>
        <source>Płeć nie zgadza się z numerem PESEL (według PESEL: {sex}).</source>
        <translation>The sex does not match the PESEL number (according to the PESEL: {sex}).</translation>
    </message>
    <message>
        <source>Osoba z numerem PESEL {pesel} jest już w rejestrze.</source>
        <translation>A person with PESEL number {pesel} is already in the register.</translation>
    </message>
    <message>
        <source>Ulica „{street}” nie należy do obszaru rewitalizacji — podaj uzasadnienie.</source>
        <translation>The street “{street}” is not in the revitalisation area — give a reason.</translation>
    </message>
    <message>
        <source>Stopień niepełnosprawności podaje się tylko dla osoby z niepełnosprawnością.</source>
        <translation>The degree of disability is given only for a person with a disability.</translation>
    </message>
    <message>
        <source>Uczestnik nie może mieć statusu „{status}” bez daty podpisania: „{document}”.</source>
        <translation>A participant cannot have the status “{status}” without the signing date of the “{document}”.</translation>
    </message>
    <message>
        <source>Pole „{label}” jest wymagane dla statusu „{status}”.</source>
        <translation>The “{label}” field is required for the status “{status}”.</translation>
    </message>
    <message>
        <source>Osoba z datą zakończenia udziału musi mieć status „zakończył” albo „przerwał”.</source>
        <translation>A person with a participation end date must have the status “completed” or “dropped out”.</translation>
    </message>
    <message>
        <source>Pole „{label}” ma datę zbyt odległą w przyszłości ({value}).</source>
        <translation>The “{label}” field has a date too far in the future ({value}).</translation>
    </message>
    <message>
        <source>Najpierw utwórz program.</source>
        <extracomment>The checks for leading events with children (services.child_protection; art. 21 of the 2016 act). &quot;Nazwisko Imię&quot; of the linked participant (&quot;&quot; when not linked).</extracomment>
        <translation>Create a programme first.</translation>
    </message>
    <message>
        <source>W rejestrze jest już osoba o tym samym imieniu, nazwisku i dacie urodzenia.</source>
        <translation>There is already a person in the register with the same first name, surname and date of birth.</translation>
    </message>
    <message>
        <source>Adres spoza obszaru rewitalizacji (podano uzasadnienie).</source>
        <translation>Address outside the revitalisation area (a reason was given).</translation>
    </message>
    <message>
        <source>Nie ma zakładki „{tab}”. Dostępne zakładki: {names}.</source>
        <translation>There is no tab “{tab}”. Available tabs: {names}.</translation>
    </message>
    <message>
        <source>Pole „DEGURBA” musi mieć wartość 1, 2 albo 3 (wpisano: „{value}”).</source>
        <translation>The “DEGURBA” field must be 1, 2 or 3 (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Pole „Nazwa zadania” nie może być puste.</source>
        <extracomment>Events the task should have: its planned number when set, else the events recorded under it. Events that took place: marked &quot;odbyło się&quot; (recording attendance marks them so). Events dated before today whose status is still &quot;planowane&quot;: the task is behind. Cancelled events (counted in neither number). Events recorded under the task (not cancelled).</extracomment>
        <translation>The “Task name” field cannot be empty.</translation>
    </message>
    <message>
        <source>Podaj datę w polu „Od”.</source>
        <translation>Enter a date in the “From” field.</translation>
    </message>
    <message>
        <source>Podaj datę w polu „Do”.</source>
        <translation>Enter a date in the “To” field.</translation>
    </message>
    <message>
        <source>Pole „Do” ({end}) jest wcześniejsze niż pole „Od” ({start}): zadanie musi się kończyć w dniu rozpoczęcia albo później.</source>
        <translation>The “To” field ({end}) is earlier than the “From” field ({start}): a task must end on its start day or later.</translation>
    </message>
    <message>
        <source>Pole „Od” ({date}) wypada poza okresem programu ({period_start} – {period_end}).</source>
        <translation>The “From” field ({date}) falls outside the programme period ({period_start} – {period_end}).</translation>
    </message>
    <message>
        <source>Pole „Do” ({date}) wypada poza okresem programu ({period_start} – {period_end}).</source>
        <translation>The “To” field ({date}) falls outside the programme period ({period_start} – {period_end}).</translation>
    </message>
    <message>
        <source>Pole „Planowana liczba wydarzeń” musi być liczbą od 0 do 100 000 (podano {value}).</source>
        <translation>The “Planned number of events” field must be a number from 0 to 100,000 (given: {value}).</translation>
    </message>
    <message>
        <source>Pole „{label}” nie może mieć daty z przyszłości ({value}).</source>
        <extracomment>The 20-year residence statement and the foreign records (services.child_protection; art. 21 ust. 4-7). Kept for records before revision 0016; the waiver is a term of the agreement now.</extracomment>
        <translation>The “{label}” field cannot have a date in the future ({value}).</translation>
    </message>
    <message>
        <source>Data wyboru {date} jest poza okresem programu ({start} – {end}).</source>
        <translation>The “Chosen on” date ({date}) is outside the programme period ({start} – {end}).</translation>
    </message>
    <message>
        <source>Nie ma wybranego uczestnika w rejestrze.</source>
        <translation>The selected participant is not in the register.</translation>
    </message>
    <message>
        <source>{name} jest uczestnikiem innego programu.</source>
        <translation>{name} is a participant in another programme.</translation>
    </message>
    <message>
        <source>{name} jest już animatorem w tym programie.</source>
        <translation>{name} is already an animator in this programme.</translation>
    </message>
    <message>
        <source>Inicjatywa nie może kończyć się ({end}) wcześniej, niż się zaczyna ({start}).</source>
        <extracomment>The version the form loaded (an edit of an initiative someone else saved since is refused).</extracomment>
        <translation>An initiative cannot end ({end}) before it starts ({start}).</translation>
    </message>
    <message>
        <source>Liczba osób objętych inicjatywą musi być od 0 do 100 000 (wpisano: {value}).</source>
        <translation>The number of people reached by the initiative must be from 0 to 100,000 (typed: {value}).</translation>
    </message>
    <message>
        <source>Liczba osób objętych musi być liczbą całkowitą (wpisano: „{value}”).</source>
        <translation>The number of people reached must be a whole number (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Rodzaj wydarzenia „{name}” już jest na liście.</source>
        <translation>The event type “{name}” is already on the list.</translation>
    </message>
    <message>
        <source>Godzina zakończenia ({end}) musi być późniejsza niż godzina rozpoczęcia ({start}).</source>
        <translation>The end time ({end}) must be later than the start time ({start}).</translation>
    </message>
    <message>
        <source>Data {date} jest poza okresem programu ({start} – {end}).</source>
        <translation>The date {date} is outside the programme period ({start} – {end}).</translation>
    </message>
    <message>
        <source>Wybrane zadanie nie należy do tego programu.</source>
        <translation>The selected task does not belong to this programme.</translation>
    </message>
    <message>
        <source>Data {date} jest poza terminem zadania „{task}” ({start} – {end}).</source>
        <translation>The date {date} is outside the dates of the task “{task}” ({start} – {end}).</translation>
    </message>
    <message>
        <source>Liczba miejsc musi być większa od zera.</source>
        <translation>The capacity must be greater than zero.</translation>
    </message>
    <message>
        <source>Liczba miejsc ({capacity}) nie może być mniejsza niż liczba zapisanych osób ({enrolled}). Najpierw wypisz nadmiarowe osoby.</source>
        <translation>The capacity ({capacity}) cannot be less than the number of people enrolled ({enrolled}). First unenrol the extra people.</translation>
    </message>
    <message>
        <source>Wydarzenie z przyszłą datą nie mogło się jeszcze odbyć.</source>
        <translation>An event with a future date cannot have taken place yet.</translation>
    </message>
    <message>
        <source>Liczba spotkań w cyklu musi być od 1 do 200.</source>
        <translation>The number of sessions in a series must be from 1 to 200.</translation>
    </message>
    <message>
        <source>Odstęp między spotkaniami musi wynosić od 1 do 8 tygodni.</source>
        <translation>The interval between sessions must be from 1 to 8 weeks.</translation>
    </message>
    <message>
        <source>Cykl ma już spotkanie w dniu {date}.</source>
        <translation>The series already has a meeting on {date}.</translation>
    </message>
    <message>
        <source>Podaj datę, od której obowiązuje zapis na cykl.</source>
        <extracomment>Newly enrolled on at least one meeting of the scope. Put on the waiting list of at least one meeting (places ran out there). Already on every meeting of the scope: nothing written for them. The dates of the meetings written to. Meetings of the scope left as they were because their attendance is already recorded. Per person on a waiting list: the dates of those meetings. Meetings where the person&apos;s attendance is recorded: their enrolment stays with the record. (date, participant id) of those who moved up from a waiting list into the freed place.</extracomment>
        <translation>Give the date from which the series enrolment applies.</translation>
    </message>
    <message>
        <source>Cykl nie ma spotkań od dnia {date}.</source>
        <translation>The series has no meetings from {date} on.</translation>
    </message>
    <message>
        <source>nie ma takiej osoby w rejestrze</source>
        <translation>there is no such person in the register</translation>
    </message>
    <message>
        <source>osoba zakończyła udział w programie</source>
        <translation>the person has left the programme</translation>
    </message>
    <message>
        <source>Próg frekwencji musi wynosić od 1 do 100 % (wpisano: {value}).</source>
        <extracomment>Whether an excused absence counts against the rate (False: it is left out of the count). Under this many percent a rate is shown as low (domain.attendance_rate says why 80 by default).</extracomment>
        <translation>The attendance threshold must be between 1 and 100 % (entered: {value}).</translation>
    </message>
    <message>
        <source>Nie można zapisać obecności na wydarzeniu, które jeszcze się nie odbyło ({date}).</source>
        <translation>Cannot record attendance at an event that has not taken place yet ({date}).</translation>
    </message>
    <message>
        <source>Osoba nr {id} nie jest zapisana na to wydarzenie — dodaj ją jako osobę spoza listy.</source>
        <translation>Person no. {id} is not enrolled for this event — add them as a person not on the list.</translation>
    </message>
    <message>
        <source>{name} zakończył(a) udział w programie i nie może być dopisany(-a).</source>
        <translation>{name} has left the programme and cannot be added.</translation>
    </message>
    <message>
        <source>Wybierz animatora albo wolontariusza.</source>
        <translation>Choose an animator or a volunteer.</translation>
    </message>
    <message>
        <source>Liczba godzin musi być większa od zera i nie większa niż 24.</source>
        <translation>The number of hours must be greater than zero and no more than 24.</translation>
    </message>
    <message>
        <source>Wolontariusz nie ma porozumienia obejmującego dzień {date} — godzin nie można zapisać.</source>
        <translation>The volunteer has no agreement covering {date} — the hours cannot be saved.</translation>
    </message>
    <message>
        <source>Zadanie „{name}” ma zadania podrzędne ({count}). Usuń je najpierw.</source>
        <translation>The task “{name}” has subtasks ({count}). Delete them first.</translation>
    </message>
    <message>
        <source>Do zadania „{name}” przypisano wydarzenia ({count}). Zadanie z wydarzeniami można usunąć tylko razem z odłączeniem wydarzeń od harmonogramu.</source>
        <translation>Events are assigned to the task “{name}” ({count}). A task with events can only be deleted if its events are also detached from the schedule.</translation>
    </message>
    <message>
        <source>Format papieru „{paper}” nie jest obsługiwany: wybierz A4 albo A3.</source>
        <translation>The paper size “{paper}” is not supported: choose A4 or A3.</translation>
    </message>
    <message>
        <source>Nie udało się nadać numeru dokumentu — spróbuj jeszcze raz.</source>
        <extracomment>Polish first names of men that end in &quot;a&quot; (the documents&apos; grammar guesses the sex from the first name). The register&apos;s prefix of each numbered kind of document.</extracomment>
        <translation>The document number could not be given — try again.</translation>
    </message>
    <message>
        <source>Miesiąc musi być liczbą od 1 do 12.</source>
        <translation>The month must be a number from 1 to 12.</translation>
    </message>
    <message>
        <source>{name} nie ma porozumienia ani godzin w miesiącu {month}.</source>
        <translation>{name} has no agreement or hours in {month}.</translation>
    </message>
    <message>
        <source>{name} nie ma żadnego porozumienia — nie ma czego poświadczyć.</source>
        <translation>{name} has no agreement — there is nothing to certify.</translation>
    </message>
    <message>
        <source>Wpisz treść opinii: ocenę sposobu wykonywania świadczeń przez wolontariusza.</source>
        <translation>Enter the text of the reference: an assessment of how the volunteer performed their services.</translation>
    </message>
    <message>
        <source>Treść opinii może mieć najwyżej 6000 znaków.</source>
        <translation>The reference text can have at most 6000 characters.</translation>
    </message>
    <message>
        <source>W okresie {start} – {end} nie zapisano godzin żadnego wolontariusza.</source>
        <translation>No volunteer hours were recorded in the period {start} – {end}.</translation>
    </message>
    <message>
        <source>Miesiąc „{value}” musi mieć postać RRRR-MM, np. 2021-05.</source>
        <translation>The month “{value}” must have the form YYYY-MM, e.g. 2021-05.</translation>
    </message>
    <message>
        <source>Wolontariusz jest niepełnoletni ({age} lat) — wpisz datę pisemnej zgody przedstawiciela ustawowego (rodzica lub opiekuna).</source>
        <translation>The volunteer is a minor ({age} years old) — enter the date of the written consent of their legal representative (parent or guardian).</translation>
    </message>
    <message>
        <source>Osoba pracująca z dziećmi musi być sprawdzona w Rejestrze Sprawców Przestępstw na Tle Seksualnym (art. 21 ustawy z 13 maja 2016 r.) — wpisz datę sprawdzenia.</source>
        <translation>A person working with children must be checked in the Register of Sex Offenders (art. 21 of the Act of 13 May 2016) — enter the date of the check.</translation>
    </message>
    <message>
        <source>Osoba pracująca z dziećmi musi przedstawić informację z Krajowego Rejestru Karnego (art. 21 ustawy z 13 maja 2016 r.) — wpisz datę zaświadczenia.</source>
        <translation>A person working with children must present information from the National Criminal Register (art. 21 of the Act of 13 May 2016) — enter the date of the certificate.</translation>
    </message>
    <message>
        <source>Porozumienie nie może kończyć się ({end}) wcześniej, niż się zaczyna ({start}).</source>
        <translation>An agreement cannot end ({end}) before it starts ({start}).</translation>
    </message>
    <message>
        <source>Pole „{label}” nie może być puste: porozumienie określa zakres, sposób i czas świadczeń oraz sposób jego rozwiązania (art. 44 ustawy).</source>
        <translation>The “{label}” field cannot be empty: the agreement sets out the scope, manner and duration of the services and how it can be terminated (art. 44 of the Act).</translation>
    </message>
    <message>
        <source>Porozumienie na {days} dni wymaga formy pisemnej: świadczenia trwające dłużej niż 30 dni wymagają porozumienia na piśmie (art. 44 ustawy).</source>
        <translation>An agreement for {days} days must be in writing: services lasting longer than 30 days require a written agreement (art. 44 of the Act).</translation>
    </message>
    <message>
        <source>Wolontariusza wykonującego świadczenia nie dłużej niż 30 dni (tu: {days} dni) trzeba ubezpieczyć od następstw nieszczęśliwych wypadków — zaznacz „Ubezpieczenie NNW”.</source>
        <translation>A volunteer providing services for no longer than 30 days (here: {days} days) must be insured against accidents — tick “Accident insurance”.</translation>
    </message>
    <message>
        <source>Wpisz datę urodzenia wolontariusza w jego danych — bez niej nie wiadomo, czy porozumienie wymaga zgody przedstawiciela ustawowego.</source>
        <translation>Enter the volunteer&apos;s date of birth in their details — without it, it is not known whether the agreement needs the consent of a legal representative.</translation>
    </message>
    <message>
        <source>{name} w dniu rozpoczęcia ({start}) będzie mieć {age} lat — porozumienie z osobą niepełnoletnią wymaga pisemnej zgody przedstawiciela ustawowego; wpisz jej datę.</source>
        <translation>{name} will be {age} years old on the start date ({start}) — an agreement with a minor requires the written consent of their legal representative; enter its date.</translation>
    </message>
    <message>
        <source>Wolontariusz pracuje z dziećmi, a w jego danych brakuje: {missing}. Uzupełnij dane wolontariusza przed zawarciem porozumienia.</source>
        <translation>The volunteer works with children, but their details are missing: {missing}. Complete the volunteer&apos;s details before concluding the agreement.</translation>
    </message>
    <message>
        <source>Porozumienie o numerze „{number}” już jest w ewidencji — zostaw pole puste, a numer nada się sam.</source>
        <translation>An agreement numbered “{number}” is already in the records — leave the field empty and a number will be assigned automatically.</translation>
    </message>
    <message>
        <source>Liczba godzin musi być liczbą, np. 2,5 (wpisano: „{value}”).</source>
        <translation>The number of hours must be a number, e.g. 2,5 (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Liczba godzin nie może być ujemna (wpisano: „{value}”).</source>
        <translation>The number of hours cannot be negative (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Liczba godzin musi być większa od zera.</source>
        <translation>The number of hours must be greater than zero.</translation>
    </message>
    <message>
        <source>Liczba godzin w jednym dniu nie może przekraczać 24 (wpisano: „{value}”).</source>
        <translation>The number of hours in one day cannot exceed 24 (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Podaj godziny z dokładnością do setnych części, np. 1,25 (wpisano: „{value}”).</source>
        <translation>Enter the hours to two decimal places at most, e.g. 1,25 (typed: “{value}”).</translation>
    </message>
    <message>
        <source>Nie można zapisać godzin z przyszłą datą ({date}).</source>
        <translation>Cannot save hours with a future date ({date}).</translation>
    </message>
    <message>
        <source>Dzień {date} nie mieści się w żadnym porozumieniu wolontariusza ({periods}) — godzin poza porozumieniem nie zapisuje się.</source>
        <translation>The day {date} is not covered by any of the volunteer&apos;s agreements ({periods}) — hours outside an agreement are not recorded.</translation>
    </message>
    <message>
        <source>Wolontariusz nie ma jeszcze porozumienia — najpierw zapisz porozumienie, potem godziny.</source>
        <translation>The volunteer has no agreement yet — save the agreement first, then the hours.</translation>
    </message>
    <message>
        <source>W dniu {date} zapisano już {logged} godz.; z tym wpisem byłoby {total} godz., a doba ma 24 godziny.</source>
        <translation>On {date}, {logged} h have already been recorded; with this entry it would be {total} h, but a day has 24 hours.</translation>
    </message>
    <message>
        <source>Nie ma wybranego wydarzenia.</source>
        <translation>No event is selected.</translation>
    </message>
    <message>
        <source>Wydarzenie „{title}” odbyło się {event_date}, a wpis ma datę {date}.</source>
        <translation>The event “{title}” took place on {event_date}, but the entry is dated {date}.</translation>
    </message>
    <message>
        <source>Nie ma wybranego zadania harmonogramu.</source>
        <translation>No schedule task is selected.</translation>
    </message>
    <message>
        <source>Podaj okres: datę początkową i końcową.</source>
        <translation>Enter the period: the start and end dates.</translation>
    </message>
    <message>
        <source>Wartość docelowa musi być liczbą, np. 12 albo 1500,5 (wpisano: „{value}”).</source>
        <extracomment>None when the indicator has no measure: staff assess it themselves. value / target × 100, when both are known and the target is above zero. Each breakdown: (label, count) in a fixed order, &quot;brak danych&quot; last when some records lack the data. Completed as planned: the participant&apos;s &quot;zgodnie ze ścieżką&quot; is yes (not merely the status). The same figures by sex and age band (services/report_figures.py). Present marks / the marks of the events held (excused ones only if they lower the rate); None with none.</extracomment>
        <translation>The target must be a number, e.g. 12 or 1500,5 (entered: “{value}”).</translation>
    </message>
    <message>
        <source>Wartość docelowa nie może być ujemna (wpisano: {value}).</source>
        <translation>The target cannot be negative (entered: {value}).</translation>
    </message>
    <message>
        <source>Wartość docelowa jest za duża (wpisano: {value}).</source>
        <translation>The target is too large (entered: {value}).</translation>
    </message>
    <message>
        <source>Koniec okresu ({end}) nie może być wcześniejszy niż jego początek ({start}).</source>
        <translation>The end of the period ({end}) cannot be earlier than its start ({start}).</translation>
    </message>
    <message>
        <source>Wolontariusz nie ma porozumienia — nie ma miesięcy, za które można wydrukować kartę pracy.</source>
        <translation>The volunteer has no agreement — there are no months for which a timesheet can be printed.</translation>
    </message>
    <message>
        <source>Pole „{label}” nie zawiera poprawnej daty — wpisz ją jako dd.mm.rrrr (wpisano: „{value}”).</source>
        <translation>The “{label}” field does not contain a valid date — enter it as dd.mm.yyyy (typed: “{value}”).</translation>
    </message>
    <message>
        <source>„{label}” musi być liczbą od {low} do {high}.</source>
        <translation>&quot;{label}&quot; must be a number from {low} to {high}.</translation>
    </message>
    <message>
        <source>„{label}” może mieć najwyżej dwie cyfry po przecinku (grosze).</source>
        <translation>“{label}” can have at most two decimal places (grosze).</translation>
    </message>
    <message>
        <source>Osoba z umiarkowanym lub znacznym stopniem niepełnosprawności może odbywać staż najwyżej {daily} godzin na dobę i {weekly} godzin tygodniowo.</source>
        <translation>A person with a moderate or severe disability may do an internship for at most {daily} hours a day and {weekly} hours a week.</translation>
    </message>
    <message>
        <source>{hours} godz. to więcej niż {days} dni obecności po {daily} godz. ({most} godz.) — czas stażu nie może przekraczać {daily} godzin na dobę.</source>
        <translation>{hours} h is more than {days} days present at {daily} h ({most} h) — an internship may not exceed {daily} hours a day.</translation>
    </message>
    <message>
        <source>„{label}” musi być większa od zera.</source>
        <translation>“{label}” must be greater than zero.</translation>
    </message>
    <message>
        <source>„{label}” nie może być ujemne.</source>
        <translation>“{label}” cannot be negative.</translation>
    </message>
    <message>
        <source>„{label}” musi być liczbą od 0 do 40.</source>
        <translation>“{label}” must be a number from 0 to 40.</translation>
    </message>
    <message>
        <source>Staż musi się mieścić w okresie programu: od {start} do {end}.</source>
        <translation>The internship must fall within the programme period: {start} to {end}.</translation>
    </message>
    <message>
        <source>Uczestnik ma status „{status}” — nie można dodać nowego stażu.</source>
        <translation>The participant has the status “{status}” — a new internship cannot be added.</translation>
    </message>
    <message>
        <source>Obecność jest już zapisana za {month} — okres stażu musi obejmować ten miesiąc.</source>
        <translation>Attendance is already recorded for {month} — the internship period must include that month.</translation>
    </message>
    <message>
        <source>Dni obecności i nieobecności razem ({total}) to więcej niż dni w miesiącu ({days}).</source>
        <translation>Days present and absent together ({total}) exceed the days in the month ({days}).</translation>
    </message>
    <message>
        <source>Miesiąc {month} jest poza okresem stażu ({start} – {end}).</source>
        <translation>Month {month} is outside the internship period ({start} – {end}).</translation>
    </message>
    <message>
        <source>„{label}” ({date}) nie może być z przyszłości.</source>
        <translation>“{label}” ({date}) cannot be in the future.</translation>
    </message>
    <message>
        <source>Nie rozstrzygnięto podpisu w wierszu {row} listy „{title}”: zaznacz, czy jest podpis, i zapisz ponownie; nic nie zostało zapisane.</source>
        <extracomment>A person&apos;s decision on one cell: (event id, row number) -&gt; signed. For handwritten walk-in rows: (event id, row number) -&gt; the participant picked from the registry.</extracomment>
        <translation>The signature in row {row} of the list &quot;{title}&quot; was not decided: mark whether there is a signature and save again; nothing was saved.</translation>
    </message>
    <message>
        <source>Lista z wydarzenia {date} nie może być wczytana przed jego datą.</source>
        <translation>The list of the event on {date} cannot be read before its date.</translation>
    </message>
    <message>
        <source>Nie ma ustawienia „{key}”. Dozwolone: {allowed}.</source>
        <translation>There is no setting “{key}”. Allowed: {allowed}.</translation>
    </message>
    <message>
        <source>Ustawienie „{label}” przyjmuje jedną wartość (podano {count}). Wartość ze spacjami ujmij w cudzysłów.</source>
        <translation>The setting “{label}” takes one value ({count} given). Put a value with spaces in quotes.</translation>
    </message>
    <message>
        <source>Data „od” jest późniejsza niż data „do”. Popraw zakres dat.</source>
        <translation>The “from” date is later than the “to” date. Correct the date range.</translation>
    </message>
    <message>
        <source>Pole „W tym” ({detail}) nie pasuje do statusu na rynku pracy.</source>
        <translation>The field “Of which” ({detail}) does not fit the labour-market status.</translation>
    </message>
    <message>
        <source>Pole „Powtórz hasło” różni się od nowego hasła.</source>
        <translation>The “Repeat password” field differs from the new password.</translation>
    </message>
    <message>
        <source>Nowe hasło musi być inne niż dotychczasowe.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>Liczba pustych wierszy musi być od 0 do {most}.</source>
        <translation>The number of blank rows must be between 0 and {most}.</translation>
    </message>
    <message>
        <source>Plik musi mieć rozszerzenie .xlsx (podano: {name}).</source>
        <translation>The file must have the .xlsx extension (given: {name}).</translation>
    </message>
    <message>
        <source>Pole „Cel szczegółowy”: wybierz cel tego programu.</source>
        <translation>Field &quot;Specific goal&quot;: choose a goal of this programme.</translation>
    </message>
    <message>
        <source>Pole „Rezultat”: produkt może wspierać tylko rezultat tego programu.</source>
        <translation>Field &quot;Result&quot;: a product can support only a result of this programme.</translation>
    </message>
    <message>
        <source>Tekst jest za długi ({length} znaków, najwyżej {limit}).</source>
        <extracomment>A text longer than this is surely pasted by mistake (the whole report is a few pages). None while nothing has been saved.</extracomment>
        <translation>The text is too long ({length} characters, at most {limit}).</translation>
    </message>
    <message>
        <source>Podaj cel zasiłku celowego (art. 39 ust. 2 ustawy o pomocy społecznej), np. żywność, opał, leki.</source>
        <translation>Give the purpose of the purpose benefit (art. 39(2) of the social assistance act), e.g. food, fuel, medicines.</translation>
    </message>
    <message>
        <source>Zasiłek okresowy przyznaje się na okres ustalony w decyzji (art. 38 ust. 4) — podaj okres od i do.</source>
        <translation>A periodic benefit is granted for the period set in the decision (art. 38(4)) — give the period from and to.</translation>
    </message>
    <message>
        <source>Kwota {amount} jest nieprawdopodobna dla tego świadczenia (najwyżej {limit}) — sprawdź, czy nie wpisano zera za dużo.</source>
        <translation>The amount {amount} is implausible for this benefit (at most {limit}) — check for an extra zero.</translation>
    </message>
    <message>
        <source>Data wypłaty ({paid}) jest poza okresem z decyzji ({start} – {end}).</source>
        <translation>The payment date ({paid}) is outside the decision&apos;s period ({start} – {end}).</translation>
    </message>
    <message>
        <source>Osoba ma status „{status}” — pomoc pieniężną w programie ewidencjonuje się tylko uczestnikom.</source>
        <translation>The person&apos;s status is &quot;{status}&quot; — cash assistance in the programme is recorded for participants only.</translation>
    </message>
    <message>
        <source>{date} osoba nie była jeszcze uczestnikiem (uczestniczy od {start}).</source>
        <translation>On {date} the person was not yet a participant (participating from {start}).</translation>
    </message>
    <message>
        <source>{date} osoba nie była już uczestnikiem (uczestniczyła do {end}).</source>
        <translation>On {date} the person was no longer a participant (participated until {end}).</translation>
    </message>
    <message>
        <source>Pomoc pieniężna musi przypadać w okresie programu: od {start} do {end}.</source>
        <translation>Cash assistance must fall within the programme&apos;s period: from {start} to {end}.</translation>
    </message>
    <message>
        <source>Staż trwa do {end} — zaświadczenie o odbyciu stażu wydaje się po jego zakończeniu.</source>
        <translation>The internship lasts until {end} — the certificate is issued after it ends.</translation>
    </message>
    <message>
        <source>Nie zapisano obecności na stażu w żadnym miesiącu — zaświadczenie nie miałoby godzin.</source>
        <translation>No month of internship attendance was recorded — the certificate would have no hours.</translation>
    </message>
    <message>
        <source>Polisa NNW nie może kończyć się ({end}) wcześniej, niż się zaczyna ({start}).</source>
        <translation>The accident policy cannot end ({end}) before it starts ({start}).</translation>
    </message>
    <message>
        <source>{label}: najwyżej {limit} znaków (wpisano {given}).</source>
        <extracomment>Cc (NUL, the C0 and C1 controls, DEL) and Cs (a lone surrogate, which no database encodes as UTF-8); a multi-line field keeps new lines (also Windows&apos; <byte value="xd"/>
) and tabs. One regular expression each, because every saved and imported text goes through them (a loop per character would cost an import seconds).</extracomment>
        <translation>{label}: at most {limit} characters ({given} entered).</translation>
    </message>
    <message>
        <source>{label}: niedozwolony znak sterujący (kod {code}) na pozycji {position}. Usuń go; często trafia do tekstu przy wklejaniu z innego programu.</source>
        <translation>{label}: a control character that is not allowed (code {code}) at position {position}. Remove it; it often gets into text pasted from another program.</translation>
    </message>
    <message>
        <source>{label}: to nie jest liczba.</source>
        <translation>{label}: this is not a number.</translation>
    </message>
    <message>
        <source>{label}: wartość nie może być ujemna.</source>
        <translation>{label}: the value cannot be negative.</translation>
    </message>
    <message>
        <source>{label}: najwyżej {largest} (wpisano {given}).</source>
        <translation>{label}: at most {largest} ({given} entered).</translation>
    </message>
    <message>
        <source>{label}: liczba jest za duża (najwyżej {largest}).</source>
        <translation>{label}: the number is too large (at most {largest}).</translation>
    </message>
    <message>
        <source>{label}: data {value} jest wcześniejsza niż 1900 rok — sprawdź rok.</source>
        <translation>{label}: the date {value} is before 1900 — check the year.</translation>
    </message>
    <message>
        <source>{label}: data {value} jest z przyszłości.</source>
        <translation>{label}: the date {value} is in the future.</translation>
    </message>
    <message>
        <source>{label}: data {value} jest zbyt odległa — sprawdź rok.</source>
        <translation>{label}: the date {value} is too far ahead — check the year.</translation>
    </message>
    <message>
        <source>{label}: {value} to data sprzed rozpoczęcia programu „{programme}” ({start}).</source>
        <translation>{label}: {value} is before the start of the programme &quot;{programme}&quot; ({start}).</translation>
    </message>
    <message>
        <source>Pole „Wykonywany zawód” podaje się tylko dla osoby pracującej.</source>
        <translation>Field &quot;Occupation&quot; is given only for a person in work.</translation>
    </message>
    <message>
        <source>Pole „Zatrudniony w” podaje się tylko dla osoby pracującej.</source>
        <translation>Field &quot;Employed at&quot; is given only for a person in work.</translation>
    </message>
    <message>
        <source>Pole „Sytuacja (2) po zakończeniu” musi być inne niż „Sytuacja (1)” i podane po niej.</source>
        <translation>Field &quot;Situation (2) on leaving&quot; must differ from &quot;Situation (1)&quot; and be given after it.</translation>
    </message>
    <message>
        <source>Pole „Kwota przyznanych środków” nie może być ujemne.</source>
        <translation>Field &quot;Amount granted&quot; cannot be negative.</translation>
    </message>
    <message>
        <source>Pole „PKD” ma postać „88.99.Z” (wpisano: „{value}”).</source>
        <translation>Field &quot;PKD&quot; has the form &quot;88.99.Z&quot; (entered: &quot;{value}&quot;).</translation>
    </message>
    <message>
        <source>Kwotę i PKD działalności podaje się z datą założenia działalności gospodarczej.</source>
        <translation>The business grant and PKD are given with the business start date.</translation>
    </message>
    <message>
        <source>Stawka za godzinę musi być większa od zera i mniejsza niż 10 000 zł (wpisano: {value}).</source>
        <translation>The hourly rate must be above zero and below 10 000 zł (entered: {value}).</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>Nowy wolontariusz</source>
        <translation>New volunteer</translation>
    </message>
    <message>
        <source>Edycja wolontariusza</source>
        <translation>Editing volunteer</translation>
    </message>
    <message>
        <source>Dane i kontakt</source>
        <translation>Details and contact</translation>
    </message>
    <message>
        <source>&amp;Imię:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <source>Imię</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>&amp;Nazwisko:</source>
        <translation>S&amp;urname:</translation>
    </message>
    <message>
        <source>Nazwisko</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Data &amp;urodzenia:</source>
        <translation>&amp;Date of birth:</translation>
    </message>
    <message>
        <source>Data urodzenia</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>ulica, numer, miejscowość</source>
        <translation>street, number, town</translation>
    </message>
    <message>
        <source>Wolontariat</source>
        <translation>Volunteering</translation>
    </message>
    <message>
        <source>&amp;Umiejętności:</source>
        <translation>S&amp;kills:</translation>
    </message>
    <message>
        <source>Umiejętności</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>np. prace plastyczne, pomoc w lekcjach, prawo jazdy</source>
        <translation>e.g. arts and crafts, homework help, driving licence</translation>
    </message>
    <message>
        <source>&amp;Dostępność:</source>
        <translation>Ava&amp;ilability:</translation>
    </message>
    <message>
        <source>Dostępność</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>np. wtorki i czwartki po 15:00, weekendy</source>
        <translation>e.g. Tuesdays and Thursdays after 15:00, weekends</translation>
    </message>
    <message>
        <source>A&amp;ktywny wolontariusz</source>
        <translation>Active &amp;volunteer</translation>
    </message>
    <message>
        <source>Aktywny wolontariusz</source>
        <translation>Active volunteer</translation>
    </message>
    <message>
        <source>U&amp;wagi:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <source>Uwagi</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Praca z dziećmi i osoba niepełnoletnia</source>
        <translation>Work with children and minors</translation>
    </message>
    <message>
        <source>&amp;Pracuje z dziećmi</source>
        <translation>Works with &amp;children</translation>
    </message>
    <message>
        <source>Pracuje z dziećmi</source>
        <translation>Works with children</translation>
    </message>
    <message>
        <source>wymaga sprawdzenia w rejestrze sprawców i informacji z KRK</source>
        <translation>requires a Sex Offenders Register check and a criminal record certificate (KRK)</translation>
    </message>
    <message>
        <source>&amp;Rejestr sprawców:</source>
        <translation>Sex &amp;offenders register:</translation>
    </message>
    <message>
        <source>Sprawdzenie w Rejestrze Sprawców Przestępstw na Tle Seksualnym</source>
        <translation>Sex Offenders Register check</translation>
    </message>
    <message>
        <source>Informacja z &amp;KRK:</source>
        <translation>Criminal &amp;record (KRK):</translation>
    </message>
    <message>
        <source>Informacja z Krajowego Rejestru Karnego</source>
        <translation>Information from the National Criminal Register (KRK)</translation>
    </message>
    <message>
        <source>Oświadczenie o krajach (20 &amp;lat):</source>
        <translation>Statement on countries (20 &amp;years):</translation>
    </message>
    <message>
        <source>Oświadczenie o krajach zamieszkania w ostatnich 20 latach</source>
        <translation>Statement on countries of residence in the last 20 years</translation>
    </message>
    <message>
        <source>Inne kraje za&amp;mieszkania:</source>
        <translation>Other countries of resi&amp;dence:</translation>
    </message>
    <message>
        <source>Inne kraje zamieszkania w ostatnich 20 latach</source>
        <translation>Other countries of residence in the last 20 years</translation>
    </message>
    <message>
        <source>puste — tylko Polska</source>
        <translation>empty — Poland only</translation>
    </message>
    <message>
        <source>Rejestry karne &amp;obcych państw:</source>
        <translation>&amp;Foreign criminal records:</translation>
    </message>
    <message>
        <source>Informacja z rejestrów karnych tych krajów</source>
        <translation>Information from those countries&apos; criminal records</translation>
    </message>
    <message>
        <source>&amp;Zgoda opiekuna:</source>
        <translation>&amp;Guardian&apos;s consent:</translation>
    </message>
    <message>
        <source>Zgoda przedstawiciela ustawowego</source>
        <translation>Consent of the legal representative</translation>
    </message>
    <message>
        <source>wymagana, gdy wolontariusz nie ma 18 lat</source>
        <translation>required if the volunteer is under 18</translation>
    </message>
    <message>
        <source>Rejestr sprawców</source>
        <translation>Sex offenders register</translation>
    </message>
    <message>
        <source>KRK</source>
        <translation>KRK</translation>
    </message>
    <message>
        <source>{label}: brak daty</source>
        <translation>{label}: no date</translation>
    </message>
    <message>
        <source>{label}: do powtórzenia wg polityki ośrodka od {date}</source>
        <translation>{label}: to be repeated under the centre&apos;s policy since {date}</translation>
    </message>
    <message>
        <source>{label}: do powtórzenia wg polityki ośrodka do {date}</source>
        <translation>{label}: to be repeated under the centre&apos;s policy by {date}</translation>
    </message>
    <message>
        <source>{label}: następne sprawdzenie wg polityki ośrodka do {date}</source>
        <translation>{label}: next check under the centre&apos;s policy by {date}</translation>
    </message>
    <message>
        <source>Osoba niepełnoletnia: wymagana zgoda opiekuna.</source>
        <translation>Minor: guardian&apos;s consent required.</translation>
    </message>
</context>
<context>
    <name>VolunteerRatesDialog</name>
    <message>
        <source>Stawki wolontariatu według rodzaju pracy</source>
        <translation>Volunteer rates by kind of work</translation>
    </message>
    <message>
        <source>Godzina pracy wolontariusza przy zadaniu jest wyceniana według jego stawki. Puste pole: stawka za godzinę wolontariatu z ustawień.</source>
        <translation>An hour of a volunteer&apos;s work on a task is valued at the task&apos;s rate. An empty field: the hourly rate of volunteer work from the settings.</translation>
    </message>
    <message>
        <source>Zadania programu i ich stawki za godzinę</source>
        <translation>The programme&apos;s tasks and their hourly rates</translation>
    </message>
    <message>
        <source>Zadanie (rodzaj pracy)</source>
        <translation>Task (kind of work)</translation>
    </message>
    <message>
        <source>Stawka (zł/godz.)</source>
        <translation>Rate (zł/h)</translation>
    </message>
    <message>
        <source>Błąd stawki</source>
        <translation>Rate error</translation>
    </message>
    <message>
        <source>&amp;Zapisz</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zapisz stawki</source>
        <translation>Save the rates</translation>
    </message>
    <message>
        <source>Zapisz stawki (Ctrl+S)</source>
        <translation>Save the rates (Ctrl+S)</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Anuluj zmiany</source>
        <translation>Discard the changes</translation>
    </message>
    <message>
        <source>Zamknij bez zapisywania (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <source>{task}: {message}</source>
        <translation>{task}: {message}</translation>
    </message>
</context>
<context>
    <name>Volunteers</name>
    <message>
        <source>brak stawki w ustawieniach</source>
        <translation>no rate in the settings</translation>
    </message>
    <message>
        <source>Praca z dziećmi — brak sprawdzenia w Rejestrze Sprawców Przestępstw na Tle Seksualnym.</source>
        <translation>Work with children — no check in the Register of Sex Offenders.</translation>
    </message>
    <message>
        <source>Praca z dziećmi — sprawdzenie w rejestrze sprawców z dnia {date}: według polityki ośrodka (co {months} mies.) do powtórzenia od {since}.</source>
        <translation>Work with children — the offenders&apos; register check of {date}: under the centre&apos;s policy (every {months} months) to be repeated since {since}.</translation>
    </message>
    <message>
        <source>Praca z dziećmi — sprawdzenie w rejestrze sprawców z dnia {date}: według polityki ośrodka (co {months} mies.) do powtórzenia do {until}.</source>
        <translation>Work with children — the offenders&apos; register check of {date}: under the centre&apos;s policy (every {months} months) to be repeated by {until}.</translation>
    </message>
    <message>
        <source>Praca z dziećmi — informacja z KRK z dnia {date}: według polityki ośrodka (co {months} mies.) do powtórzenia od {since}.</source>
        <translation>Work with children — the criminal record certificate of {date}: under the centre&apos;s policy (every {months} months) to be repeated since {since}.</translation>
    </message>
    <message>
        <source>Praca z dziećmi — informacja z KRK z dnia {date}: według polityki ośrodka (co {months} mies.) do powtórzenia do {until}.</source>
        <translation>Work with children — the criminal record certificate of {date}: under the centre&apos;s policy (every {months} months) to be repeated by {until}.</translation>
    </message>
    <message>
        <source>Praca z dziećmi — brak informacji z Krajowego Rejestru Karnego.</source>
        <translation>Work with children — no information from the National Criminal Register (KRK).</translation>
    </message>
    <message>
        <source>osobiście, zgodnie ze wskazówkami koordynatora wolontariatu</source>
        <extracomment>The guardian&apos;s consent for a minor, kept on the volunteer&apos;s record (None leaves the record as it is). Terms of the agreement by the act (services.volunteer_act_rules). Default texts of a new agreement (the form fills them in; the office edits them).</extracomment>
        <translation>in person, following the instructions of the volunteer coordinator</translation>
    </message>
    <message>
        <source>za porozumieniem stron w każdym czasie albo przez każdą ze stron z zachowaniem 7-dniowego okresu wypowiedzenia, w formie pisemnej</source>
        <translation>by mutual agreement of the parties at any time, or by either party with 7 days’ notice, in writing</translation>
    </message>
    <message>
        <source>Nie wpisano daty poinformowania wolontariusza o ryzyku dla zdrowia i zasadach BHP (art. 46 ustawy).</source>
        <translation>The date the volunteer was informed of health risks and health and safety rules (art. 46 of the Act) has not been entered.</translation>
    </message>
    <message>
        <source>Informację o ryzyku i zasadach BHP przekazano po rozpoczęciu świadczeń.</source>
        <translation>Information on risks and health and safety rules was given after the volunteer work started.</translation>
    </message>
    <message>
        <source>Porozumienie podpisano po dniu rozpoczęcia świadczeń.</source>
        <translation>The agreement was signed after the volunteer work started.</translation>
    </message>
    <message>
        <source>Praca z dziećmi — sprawdzenie w rejestrze sprawców z dnia {date} według polityki ośrodka trzeba powtórzyć przed rozpoczęciem porozumienia.</source>
        <translation>Work with children — under the centre&apos;s policy the offenders&apos; register check of {date} must be repeated before the agreement starts.</translation>
    </message>
    <message>
        <source>Praca z dziećmi — informację z KRK z dnia {date} według polityki ośrodka trzeba powtórzyć przed rozpoczęciem porozumienia.</source>
        <translation>Work with children — under the centre&apos;s policy the criminal record certificate of {date} must be repeated before the agreement starts.</translation>
    </message>
    <message>
        <source>Okres pokrywa się z porozumieniem nr {number}.</source>
        <translation>The period overlaps with agreement no. {number}.</translation>
    </message>
    <message>
        <source>Wpisy godzin poza porozumieniami wolontariusza: {count} — sprawdź okresy porozumień.</source>
        <translation>Hour entries outside the volunteer’s agreements: {count} — check the agreement periods.</translation>
    </message>
    <message>
        <source>Porozumienie z osobą niepełnoletnią bez daty zgody przedstawiciela ustawowego.</source>
        <extracomment>&quot;Nazwisko Imię&quot;. &quot;checks&quot;, &quot;minor&quot;, &quot;ending&quot; or &quot;outside&quot;.</extracomment>
        <translation>Agreement with a minor without the date of the legal representative’s consent.</translation>
    </message>
    <message>
        <source>Osoba niepełnoletnia bez daty zgody przedstawiciela ustawowego.</source>
        <translation>Minor without the date of the legal representative’s consent.</translation>
    </message>
    <message>
        <source>Porozumienie nr {number} kończy się dziś ({date}).</source>
        <translation>Agreement no. {number} ends today ({date}).</translation>
    </message>
    <message>
        <source>Porozumienie nr {number} kończy się jutro ({date}).</source>
        <translation>Agreement no. {number} ends tomorrow ({date}).</translation>
    </message>
    <message>
        <source>Porozumienie nr {number} kończy się {date} (za {days} dni).</source>
        <translation>Agreement no. {number} ends on {date} (in {days} days).</translation>
    </message>
    <message>
        <source>Godziny poza porozumieniem: {count} wpis(y), razem {hours} godz. ({days}).</source>
        <translation>Hours outside an agreement: {count} entry(ies), {hours} h in total ({days}).</translation>
    </message>
    <message>
        <source>nieaktywny</source>
        <extracomment>Short notes of the list&apos;s &quot;Uwagi&quot; column, per kind of warning (the full texts are in the tooltip).</extracomment>
        <translation>inactive</translation>
    </message>
    <message>
        <source>KRK / rejestr sprawców</source>
        <translation>criminal record / offenders register</translation>
    </message>
    <message>
        <source>zgoda opiekuna</source>
        <translation>guardian consent</translation>
    </message>
    <message>
        <source>koniec porozumienia</source>
        <translation>agreement ending</translation>
    </message>
    <message>
        <source>godziny poza porozumieniem</source>
        <translation>hours outside the agreement</translation>
    </message>
    <message>
        <source>Praca z dziećmi — brak oświadczenia o krajach zamieszkania w ostatnich 20 latach (art. 21 ustawy o ochronie małoletnich).</source>
        <translation>Work with children — no statement on countries of residence in the last 20 years (art. 21 of the act on the protection of minors).</translation>
    </message>
    <message>
        <source>Praca z dziećmi — podano inne kraje zamieszkania ({countries}), a brak informacji z ich rejestrów karnych.</source>
        <translation>Work with children — other countries of residence are given ({countries}), but there is no information from their criminal records.</translation>
    </message>
    <message>
        <source>nie ma w danych zaznaczonej pracy z dziećmi.</source>
        <translation>work with children is not ticked in the data.</translation>
    </message>
    <message>
        <source>{name} ma {age} lat (poniżej 13): porozumienie zawiera w imieniu dziecka przedstawiciel ustawowy — wydrukowane porozumienie ma miejsce na jego podpis.</source>
        <translation>{name} is {age} (under 13): the legal representative concludes the agreement on the child&apos;s behalf — the printed agreement has room for their signature.</translation>
    </message>
    <message>
        <source>Zaznaczono ubezpieczenie NNW, ale nie wpisano ubezpieczyciela i numeru polisy.</source>
        <translation>Accident insurance is ticked, but no insurer and policy number are entered.</translation>
    </message>
    <message>
        <source>Polisa NNW ({start} – {end}) nie obejmuje całego okresu porozumienia.</source>
        <translation>The accident policy ({start} – {end}) does not cover the whole period of the agreement.</translation>
    </message>
</context>
<context>
    <name>VolunteersTab</name>
    <message>
        <source>Wolontariusze</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>przyszłe</source>
        <translation>upcoming</translation>
    </message>
    <message>
        <source>trwa</source>
        <translation>in force</translation>
    </message>
    <message>
        <source>kończy się wkrótce</source>
        <translation>ending soon</translation>
    </message>
    <message>
        <source>zakończone</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>Szukaj: nazwisko, imię, telefon, uwagi…</source>
        <translation>Search: surname, first name, phone, notes…</translation>
    </message>
    <message>
        <source>Lista wolontariuszy</source>
        <translation>List of volunteers</translation>
    </message>
    <message>
        <source>Wolontariuszy: {count}</source>
        <translation>Volunteers: {count}</translation>
    </message>
    <message>
        <source>Brak wolontariuszy.</source>
        <translation>No volunteers.</translation>
    </message>
    <message>
        <source>Działania na liście wolontariuszy</source>
        <translation>Actions on the volunteer list</translation>
    </message>
    <message>
        <source>&amp;Nowy wolontariusz…</source>
        <translation>&amp;New volunteer…</translation>
    </message>
    <message>
        <source>Dodaj wolontariusza (Ctrl+N)</source>
        <translation>Add a volunteer (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edytuj…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Zmień dane zaznaczonego wolontariusza (Enter)</source>
        <translation>Change the selected volunteer&apos;s details (Enter)</translation>
    </message>
    <message>
        <source>&amp;Usuń</source>
        <translation>De&amp;lete</translation>
    </message>
    <message>
        <source>Usuń zaznaczonego wolontariusza z porozumieniami i godzinami</source>
        <translation>Delete the selected volunteer with their agreements and hours</translation>
    </message>
    <message>
        <source>&amp;Porozumienie…</source>
        <translation>&amp;Agreement…</translation>
    </message>
    <message>
        <source>Zapisz nowe porozumienie z zaznaczonym wolontariuszem</source>
        <translation>Record a new agreement with the selected volunteer</translation>
    </message>
    <message>
        <source>&amp;Godziny…</source>
        <translation>&amp;Hours…</translation>
    </message>
    <message>
        <source>Wpisz godziny pracy zaznaczonego wolontariusza</source>
        <translation>Enter the selected volunteer&apos;s hours of work</translation>
    </message>
    <message>
        <source>&amp;Dokumenty</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>Dokumenty wolontariusza</source>
        <translation>Volunteer documents</translation>
    </message>
    <message>
        <source>Porozumienie, karta pracy, zaświadczenie i opinia (Ctrl+P)</source>
        <translation>Agreement, timesheet, certificate and reference (Ctrl+P)</translation>
    </message>
    <message>
        <source>Porozumienie do podpisu</source>
        <translation>Agreement for signature</translation>
    </message>
    <message>
        <source>Karta pracy za miesiąc…</source>
        <translation>Timesheet for a month…</translation>
    </message>
    <message>
        <source>Zaświadczenie o wykonaniu świadczeń</source>
        <translation>Certificate of services performed</translation>
    </message>
    <message>
        <source>Opinia o wykonaniu świadczeń…</source>
        <translation>Reference on services performed…</translation>
    </message>
    <message>
        <source>&amp;Zestawienie godzin…</source>
        <translation>Hours &amp;summary…</translation>
    </message>
    <message>
        <source>Godziny i wartość pracy wszystkich wolontariuszy w okresie (PDF)</source>
        <translation>Hours and value of work of all volunteers in a period (PDF)</translation>
    </message>
    <message>
        <source>G&amp;ala…</source>
        <translation>&amp;Gala…</translation>
    </message>
    <message>
        <source>Lista wolontariuszy według liczby godzin w okresie, na galę (PDF)</source>
        <translation>List of volunteers by number of hours in a period, for the gala (PDF)</translation>
    </message>
    <message>
        <source>Po&amp;dziękowania…</source>
        <translation>Thank-&amp;you letters…</translation>
    </message>
    <message>
        <source>Podziękowania dla wolontariuszy z godzinami w okresie, po jednej stronie (PDF)</source>
        <translation>Thank-you letters for volunteers with hours in a period, one per page (PDF)</translation>
    </message>
    <message>
        <source>Zaznaczony wolontariusz</source>
        <translation>Selected volunteer</translation>
    </message>
    <message>
        <source>Szczegóły wolontariusza</source>
        <translation>Volunteer details</translation>
    </message>
    <message>
        <source>Porozumienia wolontariusza</source>
        <translation>Volunteer&apos;s agreements</translation>
    </message>
    <message>
        <source>&amp;Nowe…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>Zapisz nowe porozumienie</source>
        <translation>Record a new agreement</translation>
    </message>
    <message>
        <source>Edytuj…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Zmień zaznaczone porozumienie</source>
        <translation>Change the selected agreement</translation>
    </message>
    <message>
        <source>Usuń</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Usuń zaznaczone porozumienie</source>
        <translation>Delete the selected agreement</translation>
    </message>
    <message>
        <source>Drukuj</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Porozumienie do podpisu (PDF)</source>
        <translation>Agreement for signature (PDF)</translation>
    </message>
    <message>
        <source>Godziny wolontariusza</source>
        <translation>Volunteer&apos;s hours</translation>
    </message>
    <message>
        <source>&amp;Dodaj…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>Wpisz godziny (kolejne dni)</source>
        <translation>Enter hours (consecutive days)</translation>
    </message>
    <message>
        <source>Zmień zaznaczony wpis</source>
        <translation>Change the selected entry</translation>
    </message>
    <message>
        <source>Usuń zaznaczony wpis</source>
        <translation>Delete the selected entry</translation>
    </message>
    <message>
        <source>&amp;Karta pracy…</source>
        <translation>&amp;Timesheet…</translation>
    </message>
    <message>
        <source>Karta pracy za miesiąc (PDF)</source>
        <translation>Timesheet for a month (PDF)</translation>
    </message>
    <message>
        <source>Godziny według miesięcy</source>
        <translation>Hours by month</translation>
    </message>
    <message>
        <source>Godziny według zadań</source>
        <translation>Hours by task</translation>
    </message>
    <message>
        <source>Dane</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Porozumienia</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Godziny</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Podsumowanie</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>{date} — do powtórzenia wg polityki ośrodka (termin minął {until})</source>
        <translation>{date} — to be repeated under the centre&apos;s policy (the deadline passed on {until})</translation>
    </message>
    <message>
        <source>{date} — do powtórzenia wg polityki ośrodka do {until}</source>
        <translation>{date} — to be repeated under the centre&apos;s policy by {until}</translation>
    </message>
    <message>
        <source>{date} — następne sprawdzenie wg polityki ośrodka do {until}</source>
        <translation>{date} — next check under the centre&apos;s policy by {until}</translation>
    </message>
    <message>
        <source>Ostrzeżenia dotyczące wolontariuszy</source>
        <translation>Volunteer warnings</translation>
    </message>
    <message>
        <source>Dwuklik albo Enter: pokaż wolontariusza na liście</source>
        <translation>Double-click or Enter: show the volunteer in the list</translation>
    </message>
    <message>
        <source>&amp;Ostrzeżenia ({count})</source>
        <translation>&amp;Warnings ({count})</translation>
    </message>
    <message>
        <source>&amp;Ostrzeżenia: brak</source>
        <translation>&amp;Warnings: none</translation>
    </message>
    <message>
        <source>Zaznacz wolontariusza na liście</source>
        <translation>Select a volunteer in the list</translation>
    </message>
    <message>
        <source>Tu zobaczysz jego dane, porozumienia, godziny i ich wartość.</source>
        <translation>Here you will see their details, agreements, hours and their value.</translation>
    </message>
    <message>
        <source>POZA POROZUMIENIEM — </source>
        <translation>OUTSIDE AGREEMENT — </translation>
    </message>
    <message>
        <source>Razem: {hours} godz. w {days} dniach · wartość pracy: {value}</source>
        <translation>Total: {hours} h on {days} days · value of work: {value}</translation>
    </message>
    <message>
        <source>Łącznie {hours} godz. · wartość pracy wolontariusza: {value}</source>
        <translation>Total {hours} h · value of volunteer work: {value}</translation>
    </message>
    <message>
        <source>(bez zadania)</source>
        <translation>(no task)</translation>
    </message>
    <message>
        <source>Data urodzenia</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Umiejętności</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Dostępność</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>Rejestr sprawców</source>
        <translation>Sex offenders register</translation>
    </message>
    <message>
        <source>Informacja z KRK</source>
        <translation>Criminal record check (KRK)</translation>
    </message>
    <message>
        <source>BRAK</source>
        <translation>MISSING</translation>
    </message>
    <message>
        <source>Praca z dziećmi</source>
        <translation>Works with children</translation>
    </message>
    <message>
        <source>nie</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Zgoda opiekuna</source>
        <translation>Guardian&apos;s consent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>aktywny</source>
        <translation>active</translation>
    </message>
    <message>
        <source>nieaktywny</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>Uwagi</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>, ustne</source>
        <translation>, oral</translation>
    </message>
    <message>
        <source>, NNW</source>
        <translation>, accident insurance</translation>
    </message>
    <message>
        <source>Dodano wolontariusza.</source>
        <translation>Volunteer added.</translation>
    </message>
    <message>
        <source>Zapisano zmiany wolontariusza.</source>
        <translation>Volunteer&apos;s changes saved.</translation>
    </message>
    <message>
        <source>Usunąć wolontariusza?</source>
        <translation>Delete the volunteer?</translation>
    </message>
    <message>
        <source>Usunąć wolontariusza {name} wraz z porozumieniami i godzinami?</source>
        <translation>Delete the volunteer {name} together with their agreements and hours?</translation>
    </message>
    <message>
        <source>Usuniętych godzin nie będzie w zestawieniach ani na zaświadczeniach.</source>
        <translation>Deleted hours will not appear in summaries or on certificates.</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Usunięto wolontariusza {name}.</source>
        <translation>Volunteer {name} deleted.</translation>
    </message>
    <message>
        <source>Zapisano porozumienie nr {number}.</source>
        <translation>Agreement no. {number} saved.</translation>
    </message>
    <message>
        <source>Wpisane w tym okresie godziny ({hours}) zostaną w ewidencji jako godziny poza porozumieniem.</source>
        <translation>The hours entered in this period ({hours}) will remain in the records as hours outside an agreement.</translation>
    </message>
    <message>
        <source>Usunąć porozumienie?</source>
        <translation>Delete the agreement?</translation>
    </message>
    <message>
        <source>Usunąć porozumienie nr {number}?</source>
        <translation>Delete agreement no. {number}?</translation>
    </message>
    <message>
        <source>Usunięto porozumienie nr {number}.</source>
        <translation>Agreement no. {number} deleted.</translation>
    </message>
    <message>
        <source>Zapisano godziny: {count} wpis(y), razem {hours} godz.</source>
        <translation>Hours saved: {count} entry(ies), {hours} h in total.</translation>
    </message>
    <message>
        <source>Usunąć wpis godzin?</source>
        <translation>Delete the hours entry?</translation>
    </message>
    <message>
        <source>Usunąć {hours} godz. z dnia {date}?</source>
        <translation>Delete {hours} h on {date}?</translation>
    </message>
    <message>
        <source>Wydruk: {name}</source>
        <translation>Printout: {name}</translation>
    </message>
    <message>
        <source>Wydruk zapisano w {path}.</source>
        <translation>Printout saved in {path}.</translation>
    </message>
    <message>
        <source>Zaznacz wolontariusza, którego dokument chcesz wydrukować.</source>
        <translation>Select the volunteer whose document you want to print.</translation>
    </message>
    <message>
        <source>Wolontariusz nie ma jeszcze porozumienia — zapisz je przyciskiem „Porozumienie…”.</source>
        <translation>The volunteer has no agreement yet — record one with the “Agreement…” button.</translation>
    </message>
    <message>
        <source>Zestawienie godzin wolontariuszy</source>
        <translation>Volunteer hours summary</translation>
    </message>
    <message>
        <source>&amp;Drukuj zestawienie</source>
        <translation>&amp;Print summary</translation>
    </message>
    <message>
        <source>Gala wolontariatu — lista według godzin</source>
        <translation>Volunteer gala — list by hours</translation>
    </message>
    <message>
        <source>&amp;Drukuj listę</source>
        <translation>&amp;Print list</translation>
    </message>
    <message>
        <source>Podziękowania dla wolontariuszy</source>
        <translation>Thank-you letters for volunteers</translation>
    </message>
    <message>
        <source>&amp;Drukuj podziękowania</source>
        <translation>&amp;Print thank-you letters</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Osoba spoza listy</source>
        <translation>Person not on the list</translation>
    </message>
    <message>
        <source>Dodaj osobę spoza listy</source>
        <translation>Add a person not on the list</translation>
    </message>
    <message>
        <source>&amp;Dodaj jako obecną</source>
        <translation>&amp;Add as present</translation>
    </message>
    <message>
        <source>Dodaj wybraną osobę jako obecną</source>
        <translation>Add the chosen person as present</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WalkInRows</name>
    <message>
        <source>Osoby dopisane ręcznie</source>
        <translation>People written in by hand</translation>
    </message>
    <message>
        <source>&amp;Kto to jest? Szukaj w rejestrze:</source>
        <translation>&amp;Who is it? Search the registry:</translation>
    </message>
    <message>
        <source>Szukaj osoby dopisanej ręcznie</source>
        <translation>Search for a person written in by hand</translation>
    </message>
    <message>
        <source>nie wybrano</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <source>Wiersz {row} · {date}: {who}</source>
        <translation>Row {row} · {date}: {who}</translation>
    </message>
    <message>
        <source>Dopisani ręcznie na liście: {total}, jeszcze nie wybrani z rejestru: {left} (niewybrani nie zostaną zapisani).</source>
        <translation>Written in by hand on the list: {total}, not yet chosen from the registry: {left} (those not chosen will not be recorded).</translation>
    </message>
</context>
<context>
    <name>_CredentialsForm</name>
    <message>
        <source>Komunikat</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Anuluj</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sprawdzanie…</source>
        <translation>Checking…</translation>
    </message>
</context>
</TS>
