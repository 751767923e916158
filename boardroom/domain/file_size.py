"""How a file's size is written for people: `13 kB`, `20.5 MB` (papers, limits, bundles)."""

from __future__ import annotations


def size_text(size: int) -> str:
    """`13 kB`, `20.5 MB`."""
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, round(size / 1024))} kB"
