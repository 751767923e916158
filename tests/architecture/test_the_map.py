"""The code points to the repository's own map: every "docs/architecture.md §N" it cites is a
section there, and nothing cites a document the repository does not have."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "docs" / "architecture.md"


def cited() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in [
        *ROOT.glob("boardroom/**/*.py"),
        *ROOT.glob("tests/**/*.py"),
        *ROOT.glob("bench/*.py"),
    ]:
        for number in re.findall(r"docs/architecture\.md §(\d+)", path.read_text(encoding="utf-8")):
            found.setdefault(number, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_section_the_code_cites_is_in_the_map():
    sections = set(re.findall(r"^## (\d+)\. ", MAP.read_text(encoding="utf-8"), re.MULTILINE))
    assert cited() and set(cited()) <= sections, {
        n: p for n, p in cited().items() if n not in sections
    }


def test_no_code_cites_a_design_document_outside_the_repository():
    outside = re.compile(r"DESIGN(\.md)? ?§")
    files = [*ROOT.glob("boardroom/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("bench/*.py"),
             ROOT / "README.md", *ROOT.glob("docs/*.md"), *ROOT.glob("bench/*.md")]  # fmt: skip
    assert [
        str(p.relative_to(ROOT)) for p in files if outside.search(p.read_text(encoding="utf-8"))
    ] == []
