"""``pal-desktop export efs`` and ``import efs``: the participant data set written, checked, and the funder's
export of it compared with the registry.

``import efs`` and ``export efs --check`` write nothing: they list who is missing on either side, which
fields differ, and what the funder would reject, so the office corrects the registry (or the funder's
system) by hand.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK, EXIT_FAILED = 0, 1


def add_efs_import_parser(kinds) -> None:
    from pal_desktop.cli import _positive_int

    efs = kinds.add_parser(
        "efs", help="porównaj plik eksportu z systemu SL2014 / SM EFS z rejestrem (niczego nie zapisuje)",
        description="Czyta plik z danymi uczestników wyeksportowany z systemu instytucji (XLSX albo CSV, układ SL2014 "
                    "albo SM EFS, rozpoznawany po nagłówkach) i wypisuje różnice z rejestrem: kogo brakuje po "
                    "każdej ze stron i które pola się różnią. Niczego nie zapisuje. Kod wyjścia: 0 — bez różnic; "
                    "1 — są różnice; 2 — plik nie do odczytania albo inny błąd.")
    efs.add_argument("file", type=Path, metavar="PLIK", help="plik .xlsx albo .csv z systemu instytucji")
    efs.add_argument("--programme", type=_positive_int, metavar="ID", help="program (domyślnie aktywny program)")


def cmd_import_efs(args) -> int:
    from pal_desktop.errors import ValidationError
    from pal_desktop.messages import QT_TRANSLATE_NOOP
    from pal_desktop.services import efs_export
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.efs_import import compare_efs_file
    from pal_desktop.services.programmes import active_programme

    opened = open_app_database(args.db, create=False)
    programme_id = args.programme
    if programme_id is None:
        active = active_programme(opened.db)
        if active is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Najpierw utwórz program."), field="programme")
        programme_id = active.id
    result = compare_efs_file(opened.db, programme_id, args.file)
    print(f"Plik {args.file.name} (układ {efs_export.LAYOUT_NAMES[result.layout]}): osób w pliku "
          f"{result.people_in_file}, w rejestrze {result.people_in_registry}, różnic {len(result.differences)}.")
    for difference in result.differences:
        print(f"  {difference.text()}")
    print("Niczego nie zapisano.")
    return EXIT_FAILED if result.differences else EXIT_OK


def cmd_check_efs(db, programme_id: int, path: Path, layout: str | None) -> int:
    """``export efs --check``: every record and field the funder would reject, and typed text with no
    dictionary value yet; nothing is written."""
    from pal_desktop.services import efs_export, efs_validation

    layout = efs_export.layout_of_programme(db, programme_id, path, layout)
    issues = efs_validation.validation_report(db, programme_id, efs_export.LAYOUT_PERIODS[layout])
    print(f"Sprawdzenie w układzie {efs_export.LAYOUT_NAMES[layout]}: problemów {len(issues)}.")
    for issue in issues:
        print(f"  {issue.name} (nr {issue.participant_id}), „{issue.column}”: {issue.message}")
    unmapped = efs_validation.unmapped_free_text(db, programme_id)
    if unmapped:
        print(f"Wpisy bez wartości ze słownika ({len(unmapped)}) — wybierz ją w formularzu uczestnika:")
        for item in unmapped:
            print(f"  {item.name} (nr {item.participant_id}), „{item.field}”: {item.text}")
    print("Niczego nie zapisano.")
    return EXIT_FAILED if issues else EXIT_OK


def cmd_export_efs(db, programme_id: int | None, args) -> int:
    """``export efs``: the data set in the programme's layout, and the records left out with the reasons."""
    from pal_desktop.errors import ValidationError
    from pal_desktop.messages import QT_TRANSLATE_NOOP
    from pal_desktop.services.efs_export import LAYOUT_NAMES, export_efs

    if programme_id is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Najpierw utwórz program."), field="programme")
    if args.check:
        return cmd_check_efs(db, programme_id, args.file, args.layout)
    report = export_efs(db, programme_id, args.file, args.layout)
    print(f"Zapisano dane {report.exported} uczestników (układ {LAYOUT_NAMES[report.layout]}): {report.path}")
    if report.not_joined:
        print(f"Nie wyeksportowano {len(report.not_joined)} osób, które nie przystąpiły do programu:")
        for problem in report.not_joined:
            print(f"  {problem.text()}")
    if report.left_out:
        print(f"Pominięto {len(report.left_out)} rekordów z brakującymi danymi:")
        for problem in report.left_out:
            print(f"  {problem.text()}")
        return EXIT_FAILED
    return EXIT_OK
