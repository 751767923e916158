"""The board's web face over real HTTP on 127.0.0.1 (aiohttp's test server): the page says
nothing of the host and loads nothing from elsewhere; an invited member makes a passkey from
the link and signs in with it (a software authenticator, as in tests/services/test_passkeys.py);
the websocket starts the app as that member; a wrong origin, a missing cookie, a used link and
a removed passkey are refused, each with one line in the host's log and nothing written."""

from __future__ import annotations

import asyncio
import json
import logging
import socket

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from boardroom.services import passkeys
from boardroom.services.session import open_session
from boardroom.web.server import COOKIE, BoardSite
from tests.conftest import fixed_now
from tests.services.test_passkeys import Authenticator, token_of


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def site(demo_path):
    port = free_port()
    board = BoardSite(demo_path, f"http://127.0.0.1:{port}", fixed_now, language="en")
    client = TestClient(TestServer(board.application(), host="127.0.0.1", port=port))
    await client.start_server()
    try:
        yield board, client
    finally:
        await client.close()


def invited(demo_path, member: str = "Henk Jansen") -> str:
    with open_session(demo_path, as_name="Els", now=fixed_now) as els:
        return passkeys.invite(els, member, "https://tafel.example.nl").link


async def post(client, board, path: str, body: dict | None = None):
    return await client.post(path, json=body or {}, headers={"Origin": board.origin})


async def join(board, client, token: str, device: Authenticator) -> None:
    options = await post(client, board, f"/api/join/{token}/options")
    assert options.status == 200
    made = device.create(await options.text(), origin=board.origin)
    done = await post(client, board, f"/api/join/{token}", {"credential": json.loads(made),
                                                            "label": "laptop"})  # fmt: skip
    assert done.status == 200, await done.text()


async def signed_in(board, client, device: Authenticator) -> aiohttp.ClientResponse:
    options = await post(client, board, "/api/sign-in/options")
    answer = device.get(await options.text(), origin=board.origin)
    return await post(client, board, "/api/sign-in", {"credential": json.loads(answer)})


async def test_the_page_is_the_boards_own_and_loads_nothing_from_elsewhere(site, demo_path):
    board, client = site
    page = await client.get("/")
    text = await page.text()
    assert page.status == 200 and "Regiotafel Zorg en Welzijn Lindewaard" in text
    assert "Sign in with a passkey" in text
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    for leak in ("https://", "googleapis", str(demo_path), "--as", "--db", "boardroom "):
        assert leak not in text, leak
    script = await client.get("/static/board.js")
    assert script.status == 200 and "navigator.credentials.get" in await script.text()
    terminal = await client.get("/static/terminal/js/textual.js")
    assert terminal.status == 200
    for path in ("/static/../../etc/passwd", "/static/terminal/../../../../etc/passwd",
                 "/etc/passwd", f"/static/terminal/{demo_path}"):  # fmt: skip
        answer = await client.get(path)
        assert answer.status in (403, 404) and "root:" not in await answer.text(), path


async def test_an_invited_member_makes_a_passkey_signs_in_and_the_app_opens(site, demo_path):
    board, client = site
    token = token_of(invited(demo_path))
    page = await client.get(f"/join/{token}")
    assert "Welcome, Henk Jansen." in await page.text()
    device = Authenticator()
    await join(board, client, token, device)
    again = await client.get(f"/join/{token}")
    assert "this link does not work (any more)" in await again.text()  # once only

    answer = await signed_in(board, client, device)
    assert answer.status == 200 and (await answer.json())["member"] == "Henk Jansen"
    cookie = answer.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    page = await client.get("/")
    text = await page.text()
    assert "Henk Jansen" in text and 'data-session-websocket-url="ws://127.0.0.1:' in text
    assert str(demo_path) not in text

    async with client.ws_connect("/ws?width=100&height=30", headers={"Origin": board.origin}) as ws:
        first = await asyncio.wait_for(ws.receive(), timeout=30)  # the app, drawing its screen
        assert first.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT)
        with open_session(demo_path, as_name="Els", now=fixed_now) as els:
            [held] = passkeys.passkeys(els)
            assert held.last_used_at  # signed in: kept
            passkeys.remove_passkey(els, held.id)
        closed = False
        for _ in range(200):  # access ended: the app closes, and the socket with it
            message = await asyncio.wait_for(ws.receive(), timeout=30)
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                                aiohttp.WSMsgType.CLOSING):  # fmt: skip
                closed = True
                break
        assert closed
    with pytest.raises(aiohttp.WSServerHandshakeError):  # the passkey is gone: no new app
        await client.ws_connect("/ws", headers={"Origin": board.origin})


async def test_what_is_refused_and_logged(site, demo_path, caplog):
    board, client = site
    caplog.set_level(logging.WARNING, logger="boardroom.web")
    no_origin = await client.post("/api/sign-in/options", json={})
    assert no_origin.status == 403
    other = await client.post("/api/sign-in/options", json={},
                              headers={"Origin": "https://elders.example.com"})  # fmt: skip
    assert other.status == 403
    with pytest.raises(aiohttp.WSServerHandshakeError):  # no sign-in
        await client.ws_connect("/ws", headers={"Origin": board.origin})
    token = token_of(invited(demo_path))
    device = Authenticator()
    await join(board, client, token, device)
    assert (await signed_in(board, client, device)).status == 200
    with pytest.raises(aiohttp.WSServerHandshakeError):  # signed in, but from elsewhere
        await client.ws_connect("/ws", headers={"Origin": "https://elders.example.com"})
    stranger = await signed_in(board, client, Authenticator())
    assert stranger.status == 403
    replay = await post(client, board, "/api/sign-in", {"credential": {"id": "x"}})
    assert replay.status == 403  # no ceremony under way
    guessed = await post(client, board, "/api/join/guessed/options")
    assert guessed.status == 403
    lines = [r.getMessage() for r in caplog.records if r.name == "boardroom.web"]
    assert len(lines) >= 7 and all(line.startswith("refused ") for line in lines), lines
    assert any("wrong origin" in line for line in lines)
    assert any("not signed in" in line for line in lines)
    with open_session(demo_path, now=fixed_now) as session:
        assert [p.member for p in passkeys.passkeys(session)] == ["Henk Jansen"]


async def test_the_page_speaks_the_readers_language(site, demo_path):
    board, client = site
    dutch = await client.get("/", headers={"Accept-Language": "nl-NL,nl;q=0.9,en;q=0.8"})
    text = await dutch.text()
    assert '<html lang="nl">' in text and "Aanmelden met een passkey" in text
    token = token_of(invited(demo_path))
    welcome = await client.get(f"/join/{token}", headers={"Accept-Language": "nl"})
    assert "Welkom, Henk Jansen. Maak op dit apparaat een passkey" in await welcome.text()
    english = await client.get("/", headers={"Accept-Language": "de-DE,en-GB;q=0.8"})
    assert '<html lang="en">' in await english.text()


async def test_a_download_is_only_for_the_sign_in_whose_app_made_it(site, demo_path, caplog):
    board, client = site
    caplog.set_level(logging.WARNING, logger="boardroom.web")
    asked = await client.get("/api/session")
    assert (asked.status, await asked.json()) == (401, {"signed_in": False})
    token = token_of(invited(demo_path))
    device = Authenticator()
    await join(board, client, token, device)
    assert (await signed_in(board, client, device)).status == 200
    asked = await client.get("/api/session")
    assert await asked.json() == {"signed_in": True, "member": "Henk Jansen"}
    board.downloads["made-for-someone-else"] = "another sign-in's cookie"
    for key in ("made-for-someone-else", "guessed"):
        answer = await client.get(f"/download/{key}")
        assert answer.status == 403
    assert "made-for-someone-else" in board.downloads  # still theirs
    lines = [r.getMessage() for r in caplog.records if r.name == "boardroom.web"]
    assert lines == ["refused GET /download/made-for-someone-else from 127.0.0.1: not a download"
                     " of this sign-in", "refused GET /download/guessed from 127.0.0.1: not a"
                     " download of this sign-in"]  # fmt: skip
