"""Word-processor papers (DOCX, ODT, DOC, RTF) turned into PDF pages for the meeting bundle by
LibreOffice, when the host has it (Debian: libreoffice-writer-nogui). Run headless, with a
profile of its own in a folder that is thrown away, and a time limit: a paper it cannot turn
is listed in the bundle, never a reason for the bundle to fail."""

from __future__ import annotations

import mimetypes
import shutil
import subprocess
import tempfile
from pathlib import Path

from boardroom.services.papers import CONVERTED

#: seconds a paper may take (LibreOffice starts in 2–5 s; a long paper takes longer)
TIME_LIMIT = 120


def office() -> str | None:
    """LibreOffice's program on this host, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_pdfs(papers: dict[int, tuple[bytes, str]]) -> dict[int, bytes | None]:
    """Each paper (key → its bytes and media type) as PDF, in one run of LibreOffice; None
    for one it could not turn (or all of them where the host has no LibreOffice)."""
    program = office()
    wanted = {key: kind for key, (_content, kind) in papers.items() if kind in CONVERTED}
    made: dict[int, bytes | None] = dict.fromkeys(papers)
    if program is None or not wanted:
        return made
    with tempfile.TemporaryDirectory(prefix="boardroom-office-") as folder:
        work = Path(folder)
        sources = []
        for key, kind in wanted.items():
            source = work / f"paper-{key}{mimetypes.guess_extension(kind) or '.rtf'}"
            source.write_bytes(papers[key][0])
            sources.append(str(source))
        try:
            subprocess.run(
                [
                    program,
                    "--headless",
                    "--norestore",
                    "--nolockcheck",
                    f"-env:UserInstallation={(work / 'profile').as_uri()}",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work / "pdf"),
                    *sources,
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TIME_LIMIT * len(sources),
                check=False,
                cwd=work,
                env={"HOME": str(work), "PATH": "/usr/bin:/bin:/usr/local/bin"},
            )
        except (OSError, subprocess.TimeoutExpired):
            return made
        for key in wanted:
            pdf = work / "pdf" / f"paper-{key}.pdf"
            made[key] = pdf.read_bytes() if pdf.is_file() else None
    return made
