"""The board in the browser (`boardroom serve`): the board's own page, passkeys, and the app.

A member opens their invitation link (`/join/TOKEN`) and makes a passkey, then signs in on the
board's page with it — no name, no password. Signed in, the page opens a websocket and the
app runs for them in a process of its own (`boardroom web-session`, as the passkey's member,
the host's files closed), its screen drawn by textual-serve's terminal in the page.

Closed like the SSH door: every request that changes something, and the websocket, must come
from the board's own origin; the websocket and the app need a signed-in session (a random
cookie: HttpOnly, SameSite=Strict, Secure over https, bound to the passkey, ending after
SESSION_HOURS or at sign-out); no route serves a file of the host but the page's own scripts
and textual-serve's terminal; every page says so in its Content-Security-Policy (nothing is
loaded from anywhere else). A refusal is one line in the host's log and nothing written.
"""

from __future__ import annotations

import html
import json
import logging
import secrets
import shlex
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from aiohttp import WSMsgType, web

from boardroom.domain.clock import Clock
from boardroom.domain.errors import BoardroomError
from boardroom.i18n import _, current_language, set_language
from boardroom.services import passkeys
from boardroom.services.session import Session, open_session

log = logging.getLogger("boardroom.web")

COOKIE = "boardroom_session"
CEREMONY = "boardroom_ceremony"
#: how long a sign-in lasts (a meeting day); sign-out ends it sooner
SESSION_HOURS = 12
#: how long the browser has between asking for a passkey ceremony and answering it
CEREMONY_SECONDS = 300
STATIC = Path(__file__).parent / "static"


@dataclass
class SignedIn:
    passkey_id: int
    member: str
    until: float


@dataclass
class Ceremony:
    challenge: bytes
    token: str  # the invitation's, for a passkey being made; "" for a sign-in
    until: float


def terminal_static() -> Path:
    """textual-serve's terminal (xterm.js and its glue), served from the board itself."""
    import textual_serve

    return Path(textual_serve.__file__).parent / "static"


class BoardSite:
    """The board's web face for one board file, as members reach it at `public_url`."""

    def __init__(
        self, db_path: Path, public_url: str, clock: Clock, *, language: str = "nl"
    ) -> None:
        parts = urlsplit(public_url)
        self.db_path = db_path
        self.clock = clock
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.rp_id = parts.hostname or "localhost"
        self.secure = parts.scheme == "https"
        self.language = language
        self.signed: dict[str, SignedIn] = {}
        self.ceremonies: dict[str, Ceremony] = {}
        #: files an app made for its member (an export), by delivery key: whose sign-in
        #: (cookie) may fetch it; textual-serve's download manager carries the bytes
        self.downloads: dict[str, str] = {}
        self._download_manager: Any = None
        with self._session() as session:
            board = session.repo.board()
            self.board_name = board.name if board else "boardroom"

    # -- the application --------------------------------------------------------------------

    def application(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        app.add_routes(
            [
                web.get("/", self.index),
                web.get("/join/{token}", self.join_page),
                web.post("/api/join/{token}/options", self.join_options),
                web.post("/api/join/{token}", self.join),
                web.post("/api/sign-in/options", self.sign_in_options),
                web.post("/api/sign-in", self.sign_in),
                web.post("/sign-out", self.sign_out),
                web.get("/api/session", self.session_state),
                web.get("/ws", self.websocket),
                web.get("/download/{key}", self.download),
                web.get("/static/board.js", self.script),
                web.static("/static/terminal", terminal_static()),
            ]
        )
        return app

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """What every answer carries, and what every change must show: the board's origin."""
        if request.method == "POST" and request.headers.get("Origin") != self.origin:
            return self._refuse(request, 403, "wrong origin")
        response = await handler(request)
        connect = self.origin.replace("https://", "wss://").replace("http://", "ws://")
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            f" img-src 'self' data:; font-src 'self'; connect-src 'self' {connect};"
            " base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def _refuse(self, request: web.Request, status: int, why: str) -> web.Response:
        peer = request.remote or "?"
        log.warning("refused %s %s from %s: %s", request.method, request.path, peer, why)
        return web.json_response({"error": why}, status=status)

    def _session(self) -> Session:
        session = open_session(self.db_path, self.clock)
        session.repo.actor = "browser"
        return session

    def signed_in(self, request: web.Request) -> SignedIn | None:
        """The sign-in this request's cookie holds, if it holds one that still stands."""
        key = request.cookies.get(COOKIE, "")
        signed = self.signed.get(key)
        if signed is None or signed.until < time.monotonic():
            return None
        try:  # its passkey may have been removed, or its member's access ended, since
            with self._session() as session:
                passkeys.passkey_opens(session, signed.passkey_id)
        except BoardroomError:
            self.signed.pop(key, None)
            return None
        return signed

    # -- pages --------------------------------------------------------------------------------

    def _page(self, title: str, body: str, *, terminal: bool = False) -> web.Response:
        head = (
            '<link rel="stylesheet" href="/static/terminal/css/xterm.css">'
            '<script src="/static/terminal/js/textual.js"></script>'
            if terminal
            else ""
        ) + '<script src="/static/board.js"></script>'
        page = (
            f'<!DOCTYPE html>\n<html lang="{current_language()}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title>{head}<style>{_STYLE}</style></head>"
            f"<body>{body}</body></html>"
        )
        return web.Response(text=page, content_type="text/html")

    async def index(self, request: web.Request) -> web.Response:
        set_language(reader_language(request, self.language))
        signed = self.signed_in(request)
        name = html.escape(self.board_name)
        if signed is None:
            return self._page(
                self.board_name,
                f"<main><h1>{name}</h1><p>{html.escape(_('Sign in with your passkey.'))}</p>"
                f'<button id="sign-in" data-failed="{html.escape(_("Not signed in:"))}">'
                f"{html.escape(_('Sign in with a passkey'))}</button>"
                '<p id="message" role="status"></p></main>',
            )
        socket = self.origin.replace("https://", "wss://").replace("http://", "ws://") + "/ws"
        return self._page(
            self.board_name,
            f"<header><span>{name} — {html.escape(signed.member)}</span>"
            f'<button id="sign-out">{html.escape(_("Sign out"))}</button></header>'
            f'<div id="terminal" class="textual-terminal" data-session-websocket-url="{socket}"'
            ' data-font-size="16"></div>'
            '<div id="closed" hidden><div role="alert">'
            f'<p id="closed-lost">{html.escape(_("The connection to the board was lost. Reconnecting…"))}</p>'
            f'<p id="closed-ended">{html.escape(_("The app has ended. What you did is kept in the board."))}</p>'
            f'<button id="open-again">{html.escape(_("Open the board again"))}</button>'
            "</div></div>",
            terminal=True,
        )

    async def join_page(self, request: web.Request) -> web.Response:
        set_language(reader_language(request, self.language))
        token = request.match_info["token"]
        try:
            with self._session() as session:
                member = passkeys.invited(session, token)
        except BoardroomError as error:
            self._refuse(request, 403, "invitation: " + error.message)
            return self._page(
                self.board_name,
                f"<main><h1>{html.escape(self.board_name)}</h1>"
                f"<p>{html.escape(error.message)}</p></main>",
            )
        welcome = _("Welcome, {name}. Make a passkey on this device to sign in to the board:"
                    " your fingerprint, face or PIN, no password.").format(name=member)  # fmt: skip
        return self._page(
            self.board_name,
            f"<main><h1>{html.escape(self.board_name)}</h1><p>{html.escape(welcome)}</p>"
            f'<button id="join" data-join="/api/join/{html.escape(token)}"'
            f' data-failed="{html.escape(_("No passkey made:"))}">'
            f"{html.escape(_('Make a passkey'))}</button>"
            '<p id="message" role="status"></p></main>',
        )

    async def script(self, request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / "board.js")

    # -- ceremonies -------------------------------------------------------------------------------

    def _begin(self, response: web.Response, challenge: bytes, token: str) -> web.Response:
        key = secrets.token_urlsafe(24)
        now = time.monotonic()
        self.ceremonies = {k: c for k, c in self.ceremonies.items() if c.until > now}
        self.ceremonies[key] = Ceremony(challenge, token, now + CEREMONY_SECONDS)
        response.set_cookie(CEREMONY, key, **self._cookie(CEREMONY_SECONDS))
        return response

    def _ceremony(self, request: web.Request, token: str) -> Ceremony | None:
        ceremony = self.ceremonies.pop(request.cookies.get(CEREMONY, ""), None)
        if ceremony is None or ceremony.until < time.monotonic() or ceremony.token != token:
            return None
        return ceremony

    def _cookie(self, seconds: int) -> dict[str, Any]:
        return {
            "max_age": seconds,
            "httponly": True,
            "secure": self.secure,
            "samesite": "Strict",
            "path": "/",
        }

    async def join_options(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        try:
            with self._session() as session:
                options, challenge, _member = passkeys.enrolment_options(
                    session, token, self.rp_id, self.board_name
                )
        except BoardroomError as error:
            return self._refuse(request, 403, error.message)
        return self._begin(web.Response(text=options, content_type="application/json"),
                           challenge, token)  # fmt: skip

    async def join(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        ceremony = self._ceremony(request, token)
        if ceremony is None:
            return self._refuse(request, 403, "no passkey ceremony under way")
        try:
            body = await request.json()
            with self._session() as session:
                passkeys.enrol(
                    session, token, ceremony.challenge, json.dumps(body["credential"]),
                    self.origin, self.rp_id, str(body.get("label", "")),
                )  # fmt: skip
        except BoardroomError as error:
            return self._refuse(request, 403, error.message)
        except (ValueError, KeyError, TypeError):
            return self._refuse(request, 400, "not a passkey")
        return web.json_response({"ok": True})

    async def sign_in_options(self, request: web.Request) -> web.Response:
        options, challenge = passkeys.sign_in_options(self.rp_id)
        return self._begin(web.Response(text=options, content_type="application/json"),
                           challenge, "")  # fmt: skip

    async def sign_in(self, request: web.Request) -> web.Response:
        ceremony = self._ceremony(request, "")
        if ceremony is None:
            return self._refuse(request, 403, "no sign-in under way")
        try:
            body = await request.json()
            with self._session() as session:
                who, passkey_id = passkeys.sign_in(
                    session, ceremony.challenge, json.dumps(body["credential"]), self.origin,
                    self.rp_id,
                )  # fmt: skip
        except BoardroomError as error:
            return self._refuse(request, 403, error.message)
        except (ValueError, KeyError, TypeError):
            return self._refuse(request, 400, "not a passkey")
        key = secrets.token_urlsafe(32)
        now = time.monotonic()
        self.signed = {k: signed for k, signed in self.signed.items() if signed.until > now}
        self.signed[key] = SignedIn(passkey_id, who.name, now + SESSION_HOURS * 3600)
        response = web.json_response({"ok": True, "member": who.name})
        response.set_cookie(COOKIE, key, **self._cookie(SESSION_HOURS * 3600))
        log.info("%s signed in with passkey %s", who.name, passkey_id)
        return response

    async def sign_out(self, request: web.Request) -> web.Response:
        """Asked by the page's script (a form's POST would carry no Origin under the page's
        no-referrer policy, and be refused as any POST without the board's origin is)."""
        signed = self.signed.pop(request.cookies.get(COOKIE, ""), None)
        if signed is not None:
            log.info("%s signed out", signed.member)
        response = web.json_response({"ok": True})
        response.del_cookie(COOKIE, path="/")
        return response

    async def session_state(self, request: web.Request) -> web.Response:
        """Whether this browser's sign-in still stands (the page asks after a lost connection,
        before it opens the app again). Asked often: no line in the log."""
        signed = self.signed_in(request)
        if signed is None:
            return web.json_response({"signed_in": False}, status=401)
        return web.json_response({"signed_in": True, "member": signed.member})

    # -- the app --------------------------------------------------------------------------------

    def command(self, passkey_id: int, language: str) -> str:
        """The app's process for a signed-in member (a shell line: textual-serve starts it)."""
        return shlex.join(
            [sys.executable, "-m", "boardroom", "web-session", "--db", str(self.db_path),
             "--passkey", str(passkey_id), "--lang", language]
        )  # fmt: skip

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        if request.headers.get("Origin") != self.origin:
            return self._refuse(request, 403, "wrong origin")
        signed = self.signed_in(request)
        if signed is None:
            return self._refuse(request, 403, "not signed in")
        from textual_serve.app_service import AppService

        socket = web.WebSocketResponse(heartbeat=15)
        await socket.prepare(request)
        width = _number(request.query.get("width"), 80)
        height = _number(request.query.get("height"), 24)
        cookie = request.cookies.get(COOKIE, "")

        announced: list[str] = []  # files this tab's app made (its bytes come from the app)

        async def write_str(text: str) -> None:
            if text.startswith('["deliver_file_start"'):  # a file made for this member
                announced.append(str(json.loads(text)[1]))
                self.downloads[announced[-1]] = cookie
            await socket.send_str(text)

        service = AppService(
            self.command(signed.passkey_id, reader_language(request, self.language)),
            write_bytes=socket.send_bytes,
            write_str=write_str,
            close=lambda: _close(socket),
            download_manager=self.download_manager(),
        )
        await service.start(width, height)
        try:
            async for message in socket:
                if message.type != WSMsgType.TEXT:
                    continue
                kind, data = (message.json() + [None, None])[:2]
                if kind == "stdin" and isinstance(data, str):
                    await service.send_bytes(data.encode("utf-8"))
                elif kind == "resize" and isinstance(data, dict):
                    await service.set_terminal_size(
                        _number(data.get("width"), 80), _number(data.get("height"), 24)
                    )
                elif kind == "ping":
                    await socket.send_json(["pong", data])
        finally:
            for key in announced:  # not fetched while the app ran: it can no longer be
                self.downloads.pop(key, None)
            await service.stop()
            # textual-serve keeps its process private; wait for it, so that its pipes are
            # closed here and not when the loop is gone (the one private name of it we use)
            process = getattr(service, "_process", None)
            if process is not None:
                await process.wait()
        return socket

    def download_manager(self) -> Any:
        """textual-serve's: it asks the app for a file's bytes as the browser fetches them."""
        if self._download_manager is None:
            from textual_serve.download_manager import DownloadManager

            self._download_manager = DownloadManager()
        return self._download_manager

    async def download(self, request: web.Request) -> web.StreamResponse:
        """A file an app made for its member, fetched once by that member's browser."""
        key = request.match_info["key"]
        cookie = request.cookies.get(COOKIE, "")
        if self.signed_in(request) is None or self.downloads.get(key) != cookie:
            return self._refuse(request, 403, "not a download of this sign-in")
        del self.downloads[key]
        try:
            meta = await self.download_manager().get_download_metadata(key)
        except KeyError:
            return self._refuse(request, 404, "no such download")
        response = web.StreamResponse()
        response.content_type = meta.mime_type
        if meta.encoding:
            response.charset = meta.encoding
        name = Path(meta.file_name).name
        plain = name.encode("ascii", "replace").decode().replace('"', "")
        response.headers["Content-Disposition"] = (
            f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"
        )
        response.headers["Cache-Control"] = "no-store"
        await response.prepare(request)
        async for chunk in self.download_manager().download(key):
            await response.write(chunk)
        await response.write_eof()
        log.info("%s downloaded %s", self.signed[cookie].member, name)
        return response


async def _close(socket: web.WebSocketResponse) -> None:
    await socket.close()


def reader_language(request: web.Request, default: str) -> str:
    """The language the reader's browser asks for first, of the two the board speaks."""
    for part in request.headers.get("Accept-Language", "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in ("nl", "en"):
            return tag
    return default


def _number(value: object, default: int) -> int:
    try:
        return max(10, min(500, int(str(value))))
    except ValueError:
        return default


_STYLE = """
body { margin: 0; font-family: system-ui, sans-serif; background: #f4f5f8; color: #222; }
main { max-width: 32em; margin: 12vh auto; padding: 2em; background: #fff;
       border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.08); }
h1 { font-size: 1.4em; color: #333355; }
button { font-size: 1.05em; padding: .6em 1.2em; border: 0; border-radius: 6px;
         background: #333355; color: #fff; cursor: pointer; }
header { display: flex; justify-content: space-between; align-items: center;
         padding: .3em .8em; background: #333355; color: #fff; font-size: .9em; }
header button { background: transparent; border: 1px solid #fff; padding: .2em .8em; }
#terminal { position: absolute; top: 2.4em; bottom: 0; left: 0; right: 0;
            width: auto; height: auto; }  /* (the terminal's own sheet says 100vh) */
#closed { position: absolute; inset: 2.4em 0 0 0; display: flex; align-items: center;
          justify-content: center; background: rgba(20, 20, 40, .75); z-index: 10; }
#closed[hidden] { display: none; }
#closed div { max-width: 30em; padding: 1.5em 2em; background: #fff; border-radius: 8px; }
#closed.lost #closed-ended, #closed.ended #closed-lost, #closed.lost #open-again { display: none; }
"""
