"""Reading signed attendance lists: accuracy and time per page on synthetic scans of real printed lists.

    python bench/bench_scan.py [--pages 110] [--dpi 200] [--seed 1]

Each page is a real list (30 people, 5 blank rows) signed by the generator in ``tests/scan_synth.py``
(signatures of various lengths, pens and pressure; stray dots and strokes crossing from the neighbour's
cell), rotated in any orientation with a few degrees of skew, some perspective, noise, uneven light and JPEG
compression. Printed: the share of cells read correctly, the share sent to review, the wrong answers not sent
to review (target under 0.1 %, with at most 5 % to review), and the median time per page (target under 1 s
at 200 dpi) against a baseline measured in the same run: decoding the page's QR code alone.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import numpy as np  # noqa: E402
from scan_synth import damage, random_damage, sign_page  # noqa: E402

from pal_desktop.domain.scan_code import parse  # noqa: E402
from pal_desktop.reports.attendance_list import AttendanceListData, EventFacts, render_attendance_list  # noqa: E402
from pal_desktop.reports.scan_marks import ScanLayout, ScanTarget  # noqa: E402
from pal_desktop.reports.styles import DocumentHeader  # noqa: E402
from pal_desktop.services import scan_reader  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=110)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    header = DocumentHeader(organisation="Gminny Ośrodek Pomocy Społecznej w Kłobucku",
                            programme_title="Program Aktywności Lokalnej dla Gminy Kłobuck na lata 2021-2022",
                            funding_line="RPO WSL 2014-2020, Oś IX, Działanie 9.1")
    data = AttendanceListData(header, EventFacts("Warsztaty", "Akademia Lidera", "12.05.2021", "10:00–12:00",
                                                 "Kłobuck", "Jan Nowak"),
                              [f"Uczestnik{i} Żółtowski" for i in range(30)], 5,
                              scan=ScanTarget(1, None, None, "0badc0de", "b5"))
    layout = ScanLayout()
    pdf = render_attendance_list(data, layout)
    rng = random.Random(args.seed)
    cells = correct = review = wrong = pages_lost = 0
    read_times, decode_times = [], []
    for index in range(args.pages):
        page_number = 1 + index % layout.pages
        signed = sign_page(pdf, layout, page_number, args.dpi, rng, walk_ins=rng.randint(0, 2))
        image = np.asarray(damage(signed.image, random_damage(rng), rng))
        started = time.perf_counter()
        codes = scan_reader.decode_codes(image)
        decode_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        codes = [c for c in scan_reader.decode_codes(image) if c.text.startswith("PAL1")]
        page_cells = [c for c in layout.cells if c.page == page_number]
        try:
            code = parse(codes[0].text)
            geometry = scan_reader.locate_page(image, codes[0], layout.page_sizes[code.page])
        except (IndexError, scan_reader.PageNotFound):
            pages_lost += 1  # listed to the user as a page to scan again: nothing is recorded from it
            read_times.append(time.perf_counter() - started)
            continue
        for cell in page_cells:
            reading = scan_reader.read_cell(image, geometry, cell)
            truth = signed.truth[(cell.page, cell.row, cell.column, cell.kind)]
            cells += 1
            if reading.signed is None:
                review += 1
            elif reading.signed == truth:
                correct += 1
            else:
                wrong += 1
        read_times.append(time.perf_counter() - started)
    read, decode = statistics.median(read_times), statistics.median(decode_times)
    print(f"pages {args.pages} at {args.dpi} dpi, cells read {cells} (pages not found, to scan again: {pages_lost})")
    print(f"correct {correct / cells:.2%}, to review {review / cells:.2%}, wrong and not sent to review "
          f"{wrong / cells:.3%} ({wrong} cells)")
    print(f"time per page: median {read * 1000:.0f} ms; QR decoding alone {decode * 1000:.0f} ms; ratio {read / decode:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
