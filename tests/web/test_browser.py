"""The board in a real browser: `boardroom serve` started as the host's owner would, headless
Chromium (Debian's) driven by Playwright, and Chromium's virtual authenticator (the DevTools
WebAuthn domain) as the member's device: an invited member makes a passkey from the link, signs
in without typing a name, and the app draws for them; their passkey removed, the page asks
them to sign in again. The pictures are kept in the test's folder to look at."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.async_api import async_playwright

from boardroom.services import passkeys
from boardroom.services.session import open_session
from tests.conftest import fixed_now
from tests.web.test_serve import free_port

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture
def served(demo_path):
    port = free_port()
    url = f"http://localhost:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "boardroom", "serve", "--db", str(demo_path), "--listen",
         f"127.0.0.1:{port}", "--public-url", url, "--lang", "en"],
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
        yield url
    finally:
        server.terminate()
        server.wait(10)


async def test_a_member_joins_from_the_link_and_works_in_the_browser(served, demo_path, tmp_path):
    with open_session(demo_path, as_name="Els", now=fixed_now) as els:
        link = passkeys.invite(els, "Henk Jansen", served).link
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = await browser.new_context(viewport={"width": 1100, "height": 700})
        page = await context.new_page()
        device = await context.new_cdp_session(page)
        await device.send("WebAuthn.enable")
        await device.send("WebAuthn.addVirtualAuthenticator", {"options": {
            "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
            "hasUserVerification": True, "isUserVerified": True,
            "automaticPresenceSimulation": True}})  # fmt: skip
        await page.goto(link)
        assert "Welcome, Henk Jansen." in await page.inner_text("main")
        await page.screenshot(path=str(tmp_path / "join.png"))
        await page.click("#join")
        await page.wait_for_url("**/?joined=1", timeout=15_000)
        await page.click("#sign-in")  # no name to type: the device offers its passkey
        await page.wait_for_selector("#terminal canvas", timeout=15_000)
        assert "Henk Jansen" in await page.inner_text("header")
        await page.wait_for_timeout(1500)  # the app's first frame
        await page.screenshot(path=str(tmp_path / "app.png"))
        with open_session(demo_path, as_name="Els", now=fixed_now) as els:
            [held] = passkeys.passkeys(els)
            assert (held.member, held.last_used_at != "") == ("Henk Jansen", True)
            passkeys.remove_passkey(els, held.id)
        await page.goto(served)
        await page.wait_for_selector("#sign-in", timeout=10_000)  # asked to sign in again
        await browser.close()
