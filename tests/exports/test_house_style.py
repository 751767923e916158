"""The board's house style: set with `boardroom style` (or the board file's [style]), kept in
the board, and used alike by the PDF, Word and HTML: the board's font (embedded in the PDF,
named in Word and carried in the HTML), its accent colour, its logo at the head."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import reportlab
from docx import Document as Docx
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from boardroom.cli import main
from boardroom.domain.errors import PermissionDenied, ValidationProblem
from boardroom.services import style
from tests.conftest import EXAMPLE_BOARD, fixed_now

VERA = Path(reportlab.__file__).parent / "fonts"
FAMILY = "Lindewaard Sans"


def house_font(tmp_path: Path, source: str = "Vera.ttf", name: str = "huisfont.ttf") -> Path:
    """A TrueType font of the board's own: Vera under another family name."""
    font = TTFont(VERA / source)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
    target = tmp_path / name
    font.save(target)
    return target


def logo(tmp_path: Path) -> Path:
    target = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), "#00665e").save(target)
    return target


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def styled(demo_path, tmp_path, capsys):
    font = house_font(tmp_path)
    bold = house_font(tmp_path, "VeraBd.ttf", "huisfont-vet.ttf")
    code, out, err = run(
        capsys, "style", "--db", str(demo_path), "--as", "Els", "--accent", "#00665E",
        "--logo", str(logo(tmp_path)), "--font", str(font), "--font-bold", str(bold),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Accent colour: #00665e",
        "Logo: logo.png",
        "Font: huisfont.ttf",
        "Bold font: huisfont-vet.ttf",
    ]
    return demo_path


def export(demo_path: Path, fmt: str) -> bytes:
    target = demo_path.with_name(f"minutes.{fmt}")
    args = ["export", "minutes", "--db", str(demo_path), "--meeting", "2026-05-14"]
    assert main([*args, "--format", fmt, "-o", str(target)]) == 0
    return target.read_bytes()


def test_the_pdf_embeds_the_boards_font_and_shows_its_logo(styled):
    reader = PdfReader(io.BytesIO(export(styled, "pdf")))
    first = reader.pages[0]
    fonts = {str(font.get_object()["/BaseFont"]) for font in first["/Resources"]["/Font"].values()}
    assert fonts and all("LindewaardSans" in name.replace("-", "") for name in fonts), fonts
    images = [x for x in first["/Resources"]["/XObject"].values()
              if x.get_object()["/Subtype"] == "/Image"]  # fmt: skip
    assert len(images) == 1
    assert b"0 0.4 0.368627 rg" in first.get_contents().get_data()  # the accent: #00665e


def test_word_and_html_name_the_font_and_use_the_accent(styled):
    data = export(styled, "docx")
    word = Docx(io.BytesIO(data))
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        font = word.styles[name].font
        assert font.name == FAMILY, name
        fonts = word.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:asciiTheme")) is None, name  # Word would prefer its theme's
    assert str(word.styles["Heading 1"].font.color.rgb) == "00665E"
    with zipfile.ZipFile(io.BytesIO(data)) as docx:  # the logo first, then the two charts
        media = [docx.read(n) for n in docx.namelist() if n.startswith("word/media/")]
    assert len(media) == 3 and media[0] == (styled.parent / "logo.png").read_bytes()
    page = export(styled, "html").decode()
    assert bool(f'font-family: "{FAMILY}"' in page)
    assert bool('src: url("data:font/ttf;base64,' in page)
    assert bool("color: #00665e" in page)
    assert bool('<img class="logo" src="data:image/png;base64,' in page)


def test_without_a_style_the_documents_use_the_products_font(demo_path):
    reader = PdfReader(io.BytesIO(export(demo_path, "pdf")))
    fonts = {
        str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()
    }
    assert fonts and all("BitstreamVeraSans" in name.replace("-", "") for name in fonts), fonts
    assert not reader.pages[0]["/Resources"]["/XObject"]  # no logo


def test_taking_the_logo_and_font_away(styled, capsys):
    code, out, _err = run(capsys, "style", "--db", str(styled), "--as", "Els",
                          "--without", "logo", "--without", "font")  # fmt: skip
    assert code == 0
    assert out.splitlines()[1:] == [
        "Logo: none",
        "Font: none (the product's own)",
        "Bold font: none (the product's own)",
    ]


def test_what_is_refused(open_demo, tmp_path):
    els = open_demo("Els")
    with pytest.raises(ValidationProblem, match="a logo must be a PNG or JPEG image"):
        style.set_style(els, files={"logo": style.StyleFile("logo.gif", b"GIF89a....")})
    with pytest.raises(ValidationProblem, match=r"not a font file \(a TrueType .ttf is needed\)"):
        style.set_style(els, files={"font": style.StyleFile("font.ttf", b"\0\1\0\0 nonsense")})
    bold = style.StyleFile("vet.ttf", house_font(tmp_path, "VeraBd.ttf").read_bytes())
    with pytest.raises(ValidationProblem, match="a bold font goes with a regular one"):
        style.set_style(els, files={"font_bold": bold})
    restricted = TTFont(VERA / "Vera.ttf")
    restricted["OS/2"].fsType = 0x0002
    buffer = io.BytesIO()
    restricted.save(buffer)
    with pytest.raises(ValidationProblem, match="licence does not allow embedding"):
        style.set_style(els, files={"font": style.StyleFile("r.ttf", buffer.getvalue())})
    with pytest.raises(ValidationProblem, match=r"#RRGGBB, as #1f5c99 \(got 'red'\)"):
        style.set_style(els, accent="red")
    with pytest.raises(PermissionDenied):
        style.set_style(open_demo("Henk"), accent="#123456")
    assert style.house_style(els).accent == "#333355"  # nothing of it was written
    assert style.house_style(els).font is None and style.house_style(els).logo is None


def test_the_board_file_names_its_style(tmp_path, capsys):
    font = house_font(tmp_path)
    logo(tmp_path)
    text = EXAMPLE_BOARD.read_text(encoding="utf-8")
    assert '\n[style]\naccent = "#1f5c99"' in text
    text = text.replace(
        'accent = "#1f5c99"', 'accent = "#00665e"\nlogo = "logo.png"\nfont = "huisfont.ttf"'
    )
    board = tmp_path / "board.toml"
    board.write_text(text, encoding="utf-8")
    code, _out, err = run(capsys, "init", "--db", str(tmp_path / "b.db"), "--from", str(board))
    assert (code, err) == (0, "")
    from boardroom.services.session import open_session

    with open_session(tmp_path / "b.db", now=fixed_now) as session:
        kept = style.house_style(session)
    assert (kept.accent, kept.family) == ("#00665e", FAMILY)
    assert kept.font == font.read_bytes() and kept.logo == (tmp_path / "logo.png").read_bytes()
    missing = tmp_path / "missing.toml"
    missing.write_text(text.replace('"logo.png"', '"elders/logo.png"'), encoding="utf-8")
    code, _out, err = run(capsys, "init", "--db", str(tmp_path / "c.db"), "--from", str(missing))
    assert code == 2 and "style.logo" in err and "elders/logo.png" in err
    assert not (tmp_path / "c.db").exists()  # nothing half made


def test_the_permission_is_asked_before_a_file_is_read(demo_path, tmp_path, capsys):
    """A portfolio holder naming a file learns only that he may not: not whether it exists."""
    for name in (str(tmp_path / "missing.png"), str(logo(tmp_path))):
        code, _out, err = run(capsys, "style", "--db", str(demo_path), "--as", "Henk",
                              "--logo", name)  # fmt: skip
        assert code == 2
        assert err == (
            "boardroom: error: Henk Jansen (roles: portfolio_holder) may not change the"
            " board's settings\n"
        )
