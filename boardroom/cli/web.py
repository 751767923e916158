"""`serve`: the board in the browser, members signed in with passkeys; and `web-session`, the
app process the server starts for a signed-in member."""

from __future__ import annotations

import ipaddress
import os
import ssl

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, common, host_path
from boardroom.domain.errors import ValidationProblem
from boardroom.host_files import CLOSED


def register(commands: Commands) -> None:
    serve = commands.add_parser(
        "serve",
        help="the board in the browser: members sign in with a passkey",
        description="Serve the board's page: a member opens the link of `access invite`, makes"
        " a passkey, and from then on signs in on the page and works in the app as"
        " themselves. Behind TLS: a proxy (Caddy) in front, or --cert and --key; plain HTTP"
        " only on 127.0.0.1.",
    )
    common(serve, db_required=True)
    serve.add_argument(
        "--listen", default="127.0.0.1:8080", metavar="HOST:PORT", help="default 127.0.0.1:8080"
    )
    serve.add_argument(
        "--public-url",
        default=os.environ.get("BOARDROOM_PUBLIC_URL"),
        metavar="URL",
        help="the board's address as members reach it (https://…; default:"
        " $BOARDROOM_PUBLIC_URL, or http://HOST:PORT on 127.0.0.1)",
    )
    host_path(serve, "--cert", stdio=None, metavar="FILE", help="TLS certificate (PEM)")
    host_path(serve, "--key", dest="key_file", stdio=None, metavar="FILE", help="its key (PEM)")
    serve.set_defaults(handler=run_serve, owner_only=True)

    session = commands.add_parser(
        "web-session",
        help="(run by `serve` for a signed-in member) the app as the passkey's member",
        description="The app for one browser tab, as the member whose passkey signed in. Not"
        " for people to run.",
    )
    common(session, db_required=True)
    session.add_argument("--passkey", type=int, required=True, metavar="NR")
    session.set_defaults(handler=run_web_session, owner_only=True)


def _listen(text: str) -> tuple[str, int]:
    host, _sep, port = text.rpartition(":")
    try:
        number = int(port)
    except ValueError:
        number = 0
    if not host or not 0 < number < 65536:
        raise ValidationProblem(f"not HOST:PORT: {text!r}", "--listen")
    return host.strip("[]"), number


def run_serve(inv: Invocation) -> int:
    from aiohttp import web

    from boardroom.i18n import current_language
    from boardroom.web.server import BoardSite

    args = inv.args
    host, port = _listen(args.listen)
    loopback = host == "localhost" or (_is_ip(host) and ipaddress.ip_address(host).is_loopback)
    tls = None
    if args.cert or args.key_file:
        if not (args.cert and args.key_file):
            raise ValidationProblem("--cert and --key go together", "--cert")
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        try:
            tls.load_cert_chain(str(inv.files.path(args.cert, "--cert")),
                                str(inv.files.path(args.key_file, "--key")))  # fmt: skip
        except (OSError, ssl.SSLError) as error:
            raise ValidationProblem(f"cannot use the certificate: {error}", "--cert") from None
    elif not loopback:
        raise ValidationProblem(
            "plain HTTP only on 127.0.0.1: put a proxy with TLS in front (Caddy), or give"
            " --cert and --key",
            "--listen",
        )
    scheme = "https" if tls else "http"
    public = args.public_url or f"{scheme}://{host}:{port}"
    if not public.startswith("https://") and not loopback:
        raise ValidationProblem("the board's address must start with https://", "--public-url")
    site = BoardSite(inv.db_path, public, inv.now, language=current_language())
    print(f"serving {site.board_name} at {public} (listening on {host}:{port})", flush=True)
    web.run_app(site.application(), host=host, port=port, ssl_context=tls, print=None)
    return 0


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def run_web_session(inv: Invocation) -> int:
    from boardroom.cli.board import open_app
    from boardroom.services.passkeys import open_passkey_session

    with open_passkey_session(inv.db_path, inv.now, inv.args.passkey) as session:
        assert session.user is not None  # refused above when the passkey no longer opens it
        member = session.user.name
    browser = Invocation(inv.args, inv.db_path, member, inv.now, CLOSED, passkey=inv.args.passkey)
    return open_app(browser)
