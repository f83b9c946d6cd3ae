<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="pl">
<context>
    <name>AnimatorsTab</name>
    <message>
        <source>Animatorzy</source>
        <translation>Animators</translation>
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
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Nazwisko</source>
        <extracomment>Rows: (id, Nazwisko, Imię, Telefon, Obszar działania, Data wyboru, Inicjatywy, Aktywny).
----------
Rows: (id, Nazwisko, Imię, PESEL, Płeć, Adres, Status, Data rozpoczęcia) from registry.participant_page.
----------
Rows: (id, Nazwisko, Imię, Telefon, Praca z dziećmi, Porozumienie do, Godziny łącznie).</extracomment>
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
        <source>Aktywny</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Data</source>
        <extracomment>Rows: (id, Data, Godziny, Tytuł, Rodzaj, Zadanie, Miejsce, Zapisani, Obecni, Status) from registry.event_page.</extracomment>
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
        <source>Rodzaj</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Zadanie</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Numer zadania z harmonogramu</source>
        <translation>Number of the schedule task</translation>
    </message>
    <message>
        <source>Miejsce</source>
        <translation>Place</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>PESEL</source>
        <translation>PESEL</translation>
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
        <extracomment>Rows: (id, Lp., Wskaźnik, Rodzaj, Jednostka, Wartość docelowa) from ui_queries.indicator_rows.
----------
Element of a schedule row that says whether the task is a milestone. Rows: (id, Lp., Zadanie, Od, Do, Wydarzeń, opis, kamień milowy).</extracomment>
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
        <source>Od</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Wydarzeń</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Praca z dziećmi</source>
        <translation>Works with children</translation>
    </message>
    <message>
        <source>Porozumienie do</source>
        <translation>Agreement until</translation>
    </message>
    <message>
        <source>Godziny łącznie</source>
        <translation>Total hours</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Folder „{folder}” nie istnieje. Utwórz go albo wskaż inne miejsce bazy danych.</source>
        <extracomment>Tables whose rows are never audited field by field (the log itself, and the bulky binary logos).</extracomment>
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
        <source>Brak miejsca na dysku dla bazy „{location}”. Zwolnij miejsce i spróbuj ponownie; żadne zmiany nie zostały zapisane.</source>
        <translation>There is no disk space left for the database “{location}”. Free some space and try again; no changes were saved.</translation>
    </message>
    <message>
        <source>Plik „{location}” nie jest bazą danych PAL Desktop albo jest uszkodzony. Przywróć kopię zapasową albo wskaż inny plik.</source>
        <translation>The file “{location}” is not a PAL Desktop database or it is damaged. Restore a backup or choose another file.</translation>
    </message>
    <message>
        <source>Baza „{location}” jest zajęta przez inny program. Zamknij go i spróbuj ponownie.</source>
        <translation>The database “{location}” is in use by another program. Close that program and try again.</translation>
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
        <source>Baza „{location}” nie istnieje. Utwórz ją poleceniem: pal-desktop init</source>
        <extracomment>The newest revision in migrations/versions (a test keeps it equal to Alembic&apos;s head). Knowing it without Alembic lets an up-to-date database open without importing Alembic at all, which saves a quarter of a second of start-up.</extracomment>
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
    <name>Efs</name>
    <message>
        <source>Kraj</source>
        <extracomment>The data set&apos;s columns, in the funder&apos;s order.</extracomment>
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
        <translation>work placement</translation>
    </message>
    <message>
        <source>imprezy integracyjne</source>
        <translation>community integration events</translation>
    </message>
    <message>
        <source>pomoc pieniężna</source>
        <translation>financial assistance</translation>
    </message>
    <message>
        <source>wolontariat</source>
        <translation>volunteering</translation>
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
        <source>profilaktyka uzależnień</source>
        <translation>addiction prevention</translation>
    </message>
    <message>
        <source>terapia uzależnień</source>
        <translation>addiction therapy</translation>
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
        <extracomment>The settings that describe the area (see the module&apos;s docstring), with their defaults. The special statuses, each answered Tak / Nie / Odmowa podania informacji.
----------
How each product of seed section XI is counted from the records (the indicators&apos; ``measure``).</extracomment>
        <translation>There is no programme with number {id}.</translation>
    </message>
    <message>
        <source>Wiersz {row}: ktoś zmienił albo usunął tę osobę w rejestrze po przygotowaniu podglądu. Przygotuj podgląd ponownie; nic nie zostało zapisane.</source>
        <translation>Row {row}: someone changed or deleted this person in the register after the preview was prepared. Prepare the preview again; nothing was saved.</translation>
    </message>
    <message>
        <source>Ktoś inny zmienił ten rekord w międzyczasie. Odśwież widok i wprowadź zmianę ponownie; nic nie zostało zapisane.</source>
        <translation>Someone else changed this record in the meantime. Refresh the view and make your change again; nothing was saved.</translation>
    </message>
    <message>
        <source>Nie ma gospodarstwa domowego o numerze {id}.</source>
        <translation>There is no household with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma uczestnika o numerze {id}.</source>
        <translation>There is no participant with number {id}.</translation>
    </message>
    <message>
        <source>Nie ma pozycji ścieżki o numerze {id}.</source>
        <translation>There is no support path item with number {id}.</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Wydarzenia</source>
        <translation>Events</translation>
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
</context>
<context>
    <name>Export</name>
    <message>
        <source>Nazwisko</source>
        <extracomment>The columns of the export, in order (the registry table&apos;s, plus what an office asks for most).</extracomment>
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
        <source>Plik „{name}” musi mieć rozszerzenie {allowed} — po nim program poznaje format.</source>
        <extracomment>Column widths in the XLSX (characters).</extracomment>
        <translation>The file “{name}” must have the extension {allowed} — the program recognises the format by it.</translation>
    </message>
    <message>
        <source>Uczestnicy</source>
        <translation>Participants</translation>
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
        <extracomment>Polish field names, as the form labels them (messages name fields with these).</extracomment>
        <translation>First name</translation>
    </message>
    <message>
        <source>Nazwisko</source>
        <extracomment>Rows per IN (...) list when looking PESEL numbers up. What a column can be mapped to, with the Polish names the mapping dialog shows. Besides the fields of ParticipantInput there are columns that hold several: a full name, and an address &quot;ul. Długa 5/3&quot;.</extracomment>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Forma wsparcia</source>
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
        <extracomment>Columns the registry table can be sorted by.</extracomment>
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
        <source>Imię i nazwisko</source>
        <translation>Full name</translation>
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
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Pomoc — PAL Desktop</source>
        <translation>Help — PAL Desktop</translation>
    </message>
    <message>
        <source>Pomoc</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Treść pomocy</source>
        <translation>Help text</translation>
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
        <source>szukanie na bieżącej liście</source>
        <translation>search the current list</translation>
    </message>
    <message>
        <source>ustawienia organizacji i lokalizacja bazy danych</source>
        <translation>organisation settings and database location</translation>
    </message>
    <message>
        <source>ta pomoc</source>
        <translation>this help</translation>
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
        <source>Wiersz {row}, {column}: {problem}</source>
        <extracomment>The same problems as ValidationErrors (message &quot;Wiersz {row}, {column}: {problem}&quot;), for the UI.</extracomment>
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
        <source>Wiersz {row}, PESEL: osoba z numerem PESEL {pesel} została dodana do rejestru po przygotowaniu podglądu. Przygotuj podgląd ponownie; nic nie zostało zapisane.</source>
        <translation>Row {row}, PESEL: a person with PESEL number {pesel} was added to the register after the preview was prepared. Prepare the preview again; nothing was saved.</translation>
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
        <source>Nic nie znaleziono dla „{query}”.</source>
        <translation>Nothing found for “{query}”.</translation>
    </message>
    <message>
        <source>{shown} z {total}</source>
        <translation>{shown} of {total}</translation>
    </message>
    <message>
        <source>Wyszukiwanie pojawi się wkrótce</source>
        <translation>Search is coming soon</translation>
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
        <source>Drukowanie pojawi się razem z raportami PDF.</source>
        <translation>Printing comes with the PDF reports.</translation>
    </message>
    <message>
        <source>Zapisywanie pojawi się razem z formularzami rekordów.</source>
        <translation>Saving comes with the record forms.</translation>
    </message>
    <message>
        <source>Dodawanie rekordów pojawi się razem z formularzami.</source>
        <translation>Adding records comes with the forms.</translation>
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
        <source>Wczytywanie…</source>
        <translation>Loading…</translation>
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
        <source>Ustawienia zapisane. Nowa lokalizacja bazy danych zacznie obowiązywać przy następnym uruchomieniu programu.</source>
        <translation>Settings saved. The new database location takes effect the next time the program starts.</translation>
    </message>
    <message>
        <source>Ustawienia zapisane.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>O programie</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Ewidencja Programu Aktywności Lokalnej dla ośrodków pomocy społecznej (GOPS/MOPS): uczestnicy, animatorzy, wolontariusze, harmonogram, wydarzenia i raporty.</source>
        <translation>Records of a Programme of Local Activity for social assistance centres (GOPS/MOPS): participants, animators, volunteers, schedule, events and reports.</translation>
    </message>
    <message>
        <source>Działa bez dostępu do internetu. Dane pozostają w bazie wskazanej w ustawieniach.</source>
        <translation>Works without internet access. The data stays in the database chosen in the settings.</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <source>Uczestnicy</source>
        <translation>Participants</translation>
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
        <source>Brak uczestników w tym programie.</source>
        <translation>No participants in this programme.</translation>
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
        <source>Inne dokumenty drukujesz tam, gdzie są ich dane:</source>
        <translation>Other documents are printed where their data is:</translation>
    </message>
    <message>
        <source>Gdzie drukować inne dokumenty</source>
        <translation>Where to print other documents</translation>
    </message>
    <message>
        <source>karta-programu</source>
        <translation>programme-card</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <source>Harmonogram</source>
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
        <source>Harmonogram tego programu nie ma jeszcze zadań.</source>
        <translation>This programme&apos;s schedule has no tasks yet.</translation>
    </message>
    <message>
        <source>{mark} kamień milowy (pogrubiony)    Najedź kursorem na zadanie, aby zobaczyć jego opis.</source>
        <translation>{mark} milestone (in bold)    Point at a task to see its description.</translation>
    </message>
    <message>
        <source>Legenda harmonogramu</source>
        <translation>Schedule legend</translation>
    </message>
    <message>
        <source>Kamień milowy.</source>
        <translation>Milestone.</translation>
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
        <source>&amp;Baza przy następnym uruchomieniu:</source>
        <translation>Data&amp;base at the next start:</translation>
    </message>
    <message>
        <source>Plik bazy SQLite na tym komputerze albo adres serwera PostgreSQL, np. postgresql://użytkownik:hasło@serwer/baza. Zmiana zacznie obowiązywać przy następnym uruchomieniu programu.</source>
        <translation>A SQLite database file on this computer or the address of a PostgreSQL server, e.g. postgresql://user:password@server/database. The change takes effect the next time the program starts.</translation>
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
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Otwieranie bazy danych…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Nie można otworzyć bazy danych</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Liczba uczestników musi być od 1 do {max} (podano {value}).</source>
        <extracomment>Which schedule tasks (by number in section IX) get which kinds of events in the demo. Insertion order that respects foreign keys.</extracomment>
        <translation>The number of participants must be from 1 to {max} (given: {value}).</translation>
    </message>
    <message>
        <source>Nie ma programu o numerze {id}.</source>
        <translation>There is no programme with number {id}.</translation>
    </message>
    <message>
        <source>Pole „Nazwa organizacji” nie może być puste.</source>
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
        <translation>The “{label}” field cannot be empty.</translation>
    </message>
    <message>
        <source>„{end_label}” ({end}) nie może być wcześniejsza niż „{start_label}” ({start}).</source>
        <translation>“{end_label}” ({end}) cannot be earlier than “{start_label}” ({start}).</translation>
    </message>
    <message>
        <source>{name} należy już do gospodarstwa domowego „{household}”. Najpierw usuń tę osobę z tamtego gospodarstwa.</source>
        <translation>{name} already belongs to the household “{household}”. First remove this person from that household.</translation>
    </message>
    <message>
        <source>Data urodzenia nie może być z przyszłości.</source>
        <translation>The date of birth cannot be in the future.</translation>
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
        <extracomment>(id, Polish title) of each tab, in order: the names ``pal-desktop screenshot --tab`` accepts.</extracomment>
        <translation>There is no tab “{tab}”. Available tabs: {names}.</translation>
    </message>
    <message>
        <source>Pole „DEGURBA” musi mieć wartość 1, 2 albo 3 (wpisano: „{value}”).</source>
        <translation>The “DEGURBA” field must be 1, 2 or 3 (typed: “{value}”).</translation>
    </message>
</context>
<context>
    <name>VolunteersTab</name>
    <message>
        <source>Wolontariusze</source>
        <translation>Volunteers</translation>
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
</context>
</TS>
