"""The schedule as a printed Gantt chart: task names with Polish letters, "Strona X z Y", A4 versus A3 pages."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from pal_desktop.reports.schedule_chart import ChartEvent, ChartTask, ScheduleChartData, render_schedule_chart
from pal_desktop.reports.styles import DocumentHeader
from pal_desktop.services import schedule

D = dt.date


def pdf_text(content: bytes) -> tuple[int, list[str]]:
    reader = PdfReader(io.BytesIO(content))
    return len(reader.pages), [" ".join(page.extract_text().split()) for page in reader.pages]


def test_the_seeded_schedule_on_a4_and_a3(db):
    a4 = schedule.schedule_pdf(db, None, "A4", today=D(2022, 6, 30))
    a3 = schedule.schedule_pdf(db, None, "A3", today=D(2022, 6, 30))
    pages_a4, texts_a4 = pdf_text(a4)
    pages_a3, texts_a3 = pdf_text(a3)
    # 24 months: two pages of 12 months on A4, all of them on one A3 page.
    assert (pages_a4, pages_a3) == (2, 1)
    for number, text in enumerate(texts_a4, start=1):
        assert f"Strona {number} z 2" in text
        # The task list is repeated on every page.
        for name in ("działania organizacyjne", "wyłonienie animatorów lokalnych", "zakończenie programu",
                     "świadczenie pomocy w formie usług wolontariatu", "pomoc pieniężna dla uczestników projektu"):
            assert name in text, (number, name)
        assert "Harmonogram realizacji programu" in text and "Legenda" in text
        assert "Program Aktywności Lokalnej dla Gminy Kłobuck" in text
    assert "01.2021 – 12.2021" in texts_a4[0] and "01.2022 – 12.2022" in texts_a4[1]
    assert "dziś 30.06.2022" in texts_a4[1] and "dziś 30.06.2022" not in texts_a4[0]
    assert "Strona 1 z 1" in texts_a3[0] and "2021" in texts_a3[0] and "2022" in texts_a3[0]
    assert "01.01.2021 –" in texts_a3[0] and "31.03.2021" in texts_a3[0]


def test_the_font_with_polish_letters_is_embedded(db):
    content = schedule.schedule_pdf(db, None, "A4")
    reader = PdfReader(io.BytesIO(content))
    fonts = {str(font["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in font for font in fonts)


def test_many_tasks_go_on_more_pages_and_events_are_counted():
    tasks = [ChartTask(number=n, name=f"zadanie nr {n} — źdźbło", start=D(2021, 1, 1), end=D(2021, 12, 31),
                       time_progress=0.5, held=n % 4, planned=4, overdue=1 if n == 3 else 0,
                       events=tuple(ChartEvent(D(2021, 1, 1) + dt.timedelta(days=d), "odbylo_sie") for d in range(50)))
             for n in range(1, 41)]
    data = ScheduleChartData(header=DocumentHeader(organisation="GOPS w Kłobucku", programme_title="PAL"),
                             title="PAL", period_start=D(2021, 1, 1), period_end=D(2021, 12, 31),
                             today=D(2021, 7, 1), tasks=tasks, paper="A4", printed_on="01.07.2021")
    pages, texts = pdf_text(render_schedule_chart(data))
    assert pages > 1
    assert f"Strona {pages} z {pages}" in texts[-1]
    everything = " ".join(texts)
    assert all(f"zadanie nr {n} — źdźbło" in everything for n in range(1, 41))
    assert "3 zadanie nr 3 — źdźbło 01.01.2021 – 31.12.2021 3/4 !" in everything  # task 3 has late events
