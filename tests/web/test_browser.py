"""The board in a real browser: `boardroom serve` started as the host's owner would, headless
Chromium (Debian's) driven by Playwright, and Chromium's virtual authenticator (the DevTools
WebAuthn domain) as the member's device. What the app draws is read from the bytes the page
receives on its websocket (the terminal paints a canvas); the pictures are kept in the test's
folder to look at."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, Playwright, async_playwright

from bench.web import passkey_device
from boardroom.domain import models as m
from boardroom.services import passkeys
from boardroom.services.session import open_session
from tests.conftest import fixed_now
from tests.web.test_serve import free_port

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
#: a terminal's controls: CSI sequences (colours, the cursor) and OSC ones (titles, pointer)
ANSI = re.compile(r"\x1b\[[0-9;?<>=$]*[a-zA-Z]|\x1b\][^\x07]*\x07")


@contextmanager
def serving(db: Path, port: int, public: str) -> Iterator[subprocess.Popen[bytes]]:
    """`boardroom serve` as a process, answering on 127.0.0.1:port."""
    server = subprocess.Popen(
        [sys.executable, "-m", "boardroom", "serve", "--db", str(db), "--listen",
         f"127.0.0.1:{port}", "--public-url", public, "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
            break
        except OSError:
            assert server.poll() is None, server.stdout.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "boardroom serve did not answer"
            time.sleep(0.1)
    try:
        yield server
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def served(demo_path: Path) -> Iterator[str]:
    port = free_port()
    with serving(demo_path, port, f"http://localhost:{port}"):
        yield f"http://localhost:{port}"


class Screen:
    """What the app drew in the page, as the text of the bytes its websocket brought."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.received = ""
        self.sockets = 0
        self.last = time.monotonic()
        page.on("websocket", self._opened)

    def _opened(self, socket) -> None:  # type: ignore[no-untyped-def]
        self.sockets += 1
        socket.on("framereceived", self._frame)

    def _frame(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.received += payload.decode("utf-8", "replace")
        self.last = time.monotonic()

    @property
    def text(self) -> str:
        return ANSI.sub("", self.received)

    async def shows(self, marker: str, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while marker not in self.text:
            assert time.monotonic() < deadline, f"{marker!r} not drawn; last: {self.text[-600:]!r}"
            await asyncio.sleep(0.05)

    async def settled(self, quiet: float = 0.4, timeout: float = 15) -> None:
        """Until the app has drawn nothing for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() - self.last < quiet:
            assert time.monotonic() < deadline, "the app kept drawing"
            await asyncio.sleep(0.05)

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.page.keyboard.press(key)
            await self.settled()

    def since(self) -> int:
        return len(self.received)


async def chromium(playwright: Playwright) -> Browser:
    return await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)


async def with_a_passkey(browser: Browser, locale: str = "en-GB") -> Page:
    """A page in a fresh browser profile whose device holds passkeys (Chromium's virtual
    authenticator, user verified: the fingerprint or PIN)."""
    context = await browser.new_context(
        viewport={"width": 1100, "height": 700}, locale=locale, accept_downloads=True
    )
    page = await context.new_page()
    await passkey_device(context, page)
    return page


def invite(db: Path, member: str, public: str) -> str:
    with open_session(db, as_name="Els", now=fixed_now) as els:
        return passkeys.invite(els, member, public).link


async def join_and_sign_in(page: Page, link: str, public: str) -> Screen:
    """The member opens their link, makes a passkey, signs in: the app draws for them."""
    screen = Screen(page)
    await page.goto(link)
    await page.click("#join")
    await page.wait_for_url("**/?joined=1", timeout=15_000)
    await page.click("#sign-in")  # no name to type: the device offers its passkey
    await page.wait_for_selector("#terminal canvas", timeout=15_000)
    await screen.shows("Next meeting")
    await screen.settled()
    return screen


def remove_passkeys_of(db: Path, member: str) -> None:
    with open_session(db, as_name="Els", now=fixed_now) as els:
        for held in passkeys.passkeys(els):
            if held.member == member:
                passkeys.remove_passkey(els, held.id)


async def test_a_member_joins_from_the_link_and_works_in_the_browser(served, demo_path, tmp_path):
    link = invite(demo_path, "Henk Jansen", served)
    async with async_playwright() as playwright:
        browser = await chromium(playwright)
        page = await with_a_passkey(browser)
        await page.goto(link)
        assert "Welcome, Henk Jansen." in await page.inner_text("main")
        await page.screenshot(path=str(tmp_path / "join.png"))
        screen = await join_and_sign_in(page, link, served)
        assert "Henk Jansen" in await page.inner_text("header")
        # the footer shows the keys the browser leaves to the page: letters, ctrl+k
        assert " g Dashboard " in screen.text and "^k palette" in screen.text
        assert not re.search(r" f[0-9]+ Dashboard", screen.text)
        await screen.press("F9")  # an F-key still reaches the app where the browser lets it
        await screen.shows("Interest rounds")
        await page.screenshot(path=str(tmp_path / "app.png"))
        # two more members invited: each joins on their own device, and is themselves
        for member in ("Ingrid Smit", "Marianne van der Velde"):
            theirs = await with_a_passkey(browser)
            drawn = await join_and_sign_in(theirs, invite(demo_path, member, served), served)
            assert member in await theirs.inner_text("header")
            await drawn.shows(f"{member} · ")  # the app's own header: who, in which role
            await theirs.click("#sign-out")  # and signs out: the page, the sign-in gone
            await theirs.wait_for_selector("#sign-in", timeout=10_000)
            assert (await theirs.request.get(f"{served}/api/session")).status == 401
        with open_session(demo_path, as_name="Els", now=fixed_now) as els:
            held = {p.member: p.last_used_at != "" for p in passkeys.passkeys(els)}
        assert held == {"Henk Jansen": True, "Ingrid Smit": True, "Marianne van der Velde": True}
        remove_passkeys_of(demo_path, "Henk Jansen")
        # the app ends within a second and the page asks for a sign-in by itself
        await page.wait_for_selector("#sign-in", timeout=10_000)
        await browser.close()


async def test_the_app_speaks_the_browsers_language(served, demo_path, tmp_path):
    link = invite(demo_path, "Henk Jansen", served)
    async with async_playwright() as playwright:
        browser = await chromium(playwright)
        page = await with_a_passkey(browser, locale="nl-NL")
        await page.goto(link)
        assert "Welkom, Henk Jansen." in await page.inner_text("main")
        screen = Screen(page)
        await page.click("#join")
        await page.wait_for_url("**/?joined=1", timeout=15_000)
        await page.click("#sign-in")
        await screen.shows("Volgende vergadering")
        assert "Afmelden" in await page.inner_text("header")
        assert " g Overzicht " in screen.text and "^k palette" in screen.text
        await screen.settled()
        await page.screenshot(path=str(tmp_path / "app-nl.png"))
        await browser.close()


async def test_an_export_downloads_to_the_members_browser(served, demo_path):
    link = invite(demo_path, "Els Verhoeven", served)
    async with async_playwright() as playwright:
        browser = await chromium(playwright)
        page = await with_a_passkey(browser)
        screen = await join_and_sign_in(page, link, served)
        await screen.press("V", "a", "o")  # the agenda of the next meeting, export
        await screen.shows("agenda-2026-12-10.html")  # a file name: the browser's folder
        async with page.expect_download(timeout=20_000) as started:
            await page.keyboard.press("Control+s")
        download = await started.value
        assert download.suggested_filename == "agenda-2026-12-10.html"
        text = Path(await download.path()).read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>")
        assert "<h1>Agenda Regiotafel Zorg en Welzijn Lindewaard</h1>" in text
        await screen.shows("Sent to your browser: agenda-2026-12-10.html")
        # the file was for this sign-in, once: fetched again, or by anyone else, refused
        key = download.url.rsplit("/", 1)[1]
        again = await page.request.get(f"{served}/download/{key}")
        assert again.status == 403
        await browser.close()


class Proxy:
    """The network between the browser and the board: it can be cut (every connection
    dropped, as a train entering a tunnel would), and new connections go through again."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.links: list[asyncio.StreamWriter] = []
        self.down = False

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._link, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    async def _link(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.down:
            writer.transport.abort()
            return
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        self.links += [writer, up_writer]

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while chunk := await source.read(65536):
                    sink.write(chunk)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def cut(self) -> None:
        self.down = True
        for writer in self.links:
            writer.transport.abort()
        self.links = []

    async def stop(self) -> None:
        self.cut()
        self.server.close()


async def test_a_lost_connection_says_so_and_opens_a_fresh_session(demo_path, tmp_path):
    board_port = free_port()
    proxy = Proxy(board_port)
    port = await proxy.start()
    public = f"http://localhost:{port}"
    with serving(demo_path, board_port, public):
        link = invite(demo_path, "Els Verhoeven", public)
        async with async_playwright() as playwright:
            browser = await chromium(playwright)
            page = await with_a_passkey(browser)
            screen = await join_and_sign_in(page, link, public)
            assert await page.is_hidden("#closed")
            proxy.cut()
            await page.wait_for_selector("#closed.lost", state="visible", timeout=10_000)
            assert "The connection to the board was lost. Reconnecting…" in (
                await page.inner_text("#closed")
            )
            await page.screenshot(path=str(tmp_path / "lost.png"))
            await page.wait_for_timeout(1500)  # still down: it keeps trying
            assert await page.is_visible("#closed.lost")
            proxy.down = False
            # the board answers again: a fresh session, without signing in again
            await page.wait_for_selector("#closed", state="hidden", timeout=20_000)
            await screen.shows("Next meeting")
            assert screen.sockets == 2
            # the member quits the app: it says so, and opens again on a click
            start = screen.since()
            await page.keyboard.press("q")
            await page.wait_for_selector("#closed.ended", state="visible", timeout=10_000)
            assert "The app has ended." in await page.inner_text("#closed")
            await page.click("#open-again")
            await page.wait_for_selector("#closed", state="hidden", timeout=10_000)
            await screen.shows("Next meeting")
            assert screen.sockets == 3 and "Next meeting" in screen.received[start:]
            await browser.close()
    await proxy.stop()


async def test_a_request_filed_in_the_browser_shows_live_on_the_secretarys_ssh_screen(
    served, demo_path, board_host, keys
):
    """The issue's whole story: Henk, a portfolio holder, joins from his link and asks for
    agenda space in the browser; Els, the secretary, has the requests list open over SSH and
    sees it appear; the request is Henk's in the record; his passkey removed, his page asks
    for a sign-in again."""
    from bench.console import Terminal
    from boardroom.services import agenda

    board_host.bind("Els Verhoeven", keys["els"])
    board_host.start()
    secretary = Terminal([*board_host.ssh_command(keys["els"], tty=True)])
    try:
        secretary.wait_for("Next meeting", timeout=20)
        secretary.send("E", settle=0.5)  # the agenda requests
        secretary.wait_for("Agenda requests", timeout=10)
        link = invite(demo_path, "Henk Jansen", served)
        async with async_playwright() as playwright:
            browser = await chromium(playwright)
            page = await with_a_passkey(browser)
            screen = await join_and_sign_in(page, link, served)
            await screen.press("E", "n")  # his requests, a new one
            await screen.shows("Request agenda space")
            await page.keyboard.type("Wachtlijsten jeugd-GGZ")
            await screen.settled()
            await screen.press("Control+s")
            secretary.wait_for("Wachtlijsten jeugd-GGZ", timeout=5)  # live, over SSH
            with open_session(demo_path, as_name="Els", now=fixed_now) as els:
                [filed] = [
                    r for r in agenda.all_requests(els) if r.title == "Wachtlijsten jeugd-GGZ"
                ]
                assert filed.requester == "Henk Jansen"
            remove_passkeys_of(demo_path, "Henk Jansen")
            await page.wait_for_selector("#sign-in", timeout=10_000)
            await browser.close()
    finally:
        secretary.close()


async def test_a_member_votes_from_the_browser_and_the_round_closes_there(served, demo_path):
    """Henk follows the board in his browser; the chair opens a roll-call vote at the table:
    the vote appears in his tab by itself, he votes with one key, the ballot is his in the
    record, and when the chair counts, the vote closes in his tab saying the outcome."""
    from boardroom.domain.enums import Choice, DecisionMethod
    from boardroom.services import decide
    from tests.remote.test_notes_over_ssh import meeting_in_progress
    from tests.services.test_meeting import deciding_item

    link = invite(demo_path, "Henk Jansen", served)
    async with async_playwright() as playwright:
        browser = await chromium(playwright)
        page = await with_a_passkey(browser)
        screen = await join_and_sign_in(page, link, served)
        mid, _first = meeting_in_progress(demo_path)
        with open_session(demo_path, fixed_now, as_name="Marianne van der Velde") as chair:
            item = deciding_item(chair, mid)
            round_id = decide.propose(chair, item.id, "Regionale aanpak.", DecisionMethod.VOTE)
        await screen.shows("Your answer, please.", timeout=3)
        await screen.shows("simple majority")
        await screen.press("f")
        await screen.shows("Your answer: for", timeout=3)
        with open_session(demo_path, fixed_now, as_name="Marianne van der Velde") as chair:
            henk = chair.repo.member_by_name("Henk Jansen").id
            [ballot] = chair.repo.ballots(round_id)
            assert (ballot.voter_id, ballot.choice, ballot.entered_by_id) == (
                henk,
                Choice.FOR,
                henk,
            )
            for voter in chair.repo.model(m.Round, round_id).voter_order:
                if voter != henk:
                    decide.cast_ballot(chair, round_id, voter, Choice.FOR)
            number = decide.close_vote(chair, round_id).decision_number
        await screen.shows(": adopted", timeout=3)  # said as the vote closes
        await screen.shows(number)
        await browser.close()
