"""Papers kept in the board (issue 13) on the ten-year board: attaching a 20 MB paper, the
meeting bundle of 10 papers of 20 pages each, and what 500 stored papers cost the screens
that list them (the agenda) — the console never reads them.

    python -m bench.papers
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import ensure_board
from boardroom.clock import wall
from boardroom.exports.bundle import bundle_pdf
from boardroom.services import agenda, papers
from boardroom.services.record import find_meeting
from boardroom.services.session import open_session


def pdf(pages: int, name: str) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 11)
        for line in range(40):
            canvas.drawString(60, 780 - line * 18, f"{name}, pagina {n}, regel {line + 1}: " * 2)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "board.db"
        shutil.copy(ensure_board(), db)
        session = open_session(db, wall, as_name="Els Verhoeven")
        meeting = find_meeting(session, "2026-12-10")

        big = b"%PDF-1.4\n" + os.urandom(20 * 2**20)
        attach = []
        for n in range(5):
            start = time.perf_counter()
            papers.add_paper(session, meeting, 4, f"Groot {n}", big + bytes([n]), "groot.pdf")
            attach.append((time.perf_counter() - start) * 1000)
        # the big ones are not PDFs a reader opens; take them out of the bundle again
        for row in papers.meeting_papers(session, meeting):
            if row.title.startswith("Groot"):
                agenda.remove_paper(session, row.id)

        for n in range(10):
            papers.add_paper(session, meeting, 4 + n % 2, f"Notitie {n}", pdf(20, f"N{n}"), "n.pdf")
        bundles = []
        for _ in range(5):
            start = time.perf_counter()
            data = bundle_pdf(papers.bundle(session, meeting))
            bundles.append((time.perf_counter() - start) * 1000)

        for n in range(490):  # 500 stored papers on the meeting
            papers.add_paper(session, meeting, 1 + n % 9, f"Stuk {n}", f"stuk {n}".encode(), "s.md")
        views = []
        for _ in range(20):
            start = time.perf_counter()
            agenda.agenda_view(session, meeting.id or 0)
            views.append((time.perf_counter() - start) * 1000)
        session.close()

    print(
        f"attach a 20 MB paper: median {statistics.median(attach):.0f} ms, max {max(attach):.0f} ms"
    )
    print(
        f"bundle, 10 papers of 20 pages ({len(data) / 2**20:.1f} MB, 200 + agenda pages):"
        f" median {statistics.median(bundles):.0f} ms, max {max(bundles):.0f} ms"
    )
    print(
        f"agenda view with 500 stored papers: median {statistics.median(views):.1f} ms,"
        f" max {max(views):.1f} ms"
    )


if __name__ == "__main__":
    main()
