"""`style`: the board's house style — the accent colour, logo and font of its documents."""

from __future__ import annotations

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, common, host_path


def register(commands: Commands) -> None:
    style = commands.add_parser(
        "style",
        help="the house style of the board's documents: accent colour, logo, font",
        description="Show the board's house style, or change it (secretary or chair): every"
        " document (PDF, Word, HTML, the bundle) is set in it. The logo and the font are kept"
        " in the board, so the documents look the same whoever makes them. Without options:"
        " show it.",
    )
    common(style)
    style.add_argument("--accent", metavar="#RRGGBB", help="the accent colour (headings, rules)")
    for flag, what in (
        ("--logo", "the logo, a PNG or JPEG image (at the head of every document)"),
        ("--font", "the font, a TrueType file (.ttf) whose licence allows embedding"),
        ("--font-bold", "its bold (default: the regular one, set bold)"),
    ):
        host_path(style, flag, stdio=None, metavar="FILE", help=what)
    style.add_argument(
        "--without",
        choices=("logo", "font"),
        action="append",
        default=[],
        help="take the logo, or the font (regular and bold), away",
    )
    style.set_defaults(handler=run_style)


def run_style(inv: Invocation) -> int:
    from boardroom.domain.style import FONT_LIMIT, LOGO_LIMIT
    from boardroom.services import style

    args = inv.args
    with inv.session() as session:
        if args.accent is not None or args.without or args.logo or args.font or args.font_bold:
            style.require_styler(session)  # before a file of the host is read
        files: dict[str, style.StyleFile | None] = {}
        for part in args.without:
            files |= {"logo": None} if part == "logo" else {"font": None, "font_bold": None}
        for part, name, flag, limit in (
            ("logo", args.logo, "--logo", LOGO_LIMIT),
            ("font", args.font, "--font", FONT_LIMIT),
            ("font_bold", args.font_bold, "--font-bold", FONT_LIMIT),
        ):
            if name is not None:
                content, file_name = inv.files.read_bytes(name, flag, limit)
                files[part] = style.StyleFile(file_name, content)
        if args.accent is not None or files:
            board = style.set_style(session, accent=args.accent, files=files)
        else:
            board = style.the_board(session)
        print(style.described(board))
    return 0
