"""The board in the browser on the ten-year board: `boardroom serve` as a process, headless
Chromium (Debian's) with its virtual authenticator as the member's device, as in tests/web.

- sign-in → first frame: from the click on "Sign in with a passkey" (the WebAuthn ceremony, the
  cookie, the page, textual-serve's terminal, the websocket, the app's process) until the
  dashboard's text has arrived in the page;
- a key → the screen's change: from the key pressed in the page until the app's first bytes
  after it arrive, and until its last (the app quiet for QUIET seconds after); the canvas
  paints them at the browser's next frame (≤ 16.7 ms more);
- memory per signed-in session: each app process's PSS and RSS (/proc/PID/smaps_rollup);
- 20 sessions at once (websockets with the member's cookie, each an app that has drawn its
  first frame), and meanwhile the chair's console keys over a terminal (bench/console.py) on
  the same board, beside the same keys on a copy without them, in the same run.

    python -m bench.web [--runs 7] [--sessions 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.console import BOARD_NOW
from bench.console import measure as console_keys
from bench.generate import OUT, ensure_board

CHROMIUM = "/usr/bin/chromium"
QUIET = 0.15
MARKER = b"Upcoming meetings"  # the dashboard's last card: the first frame is whole


async def passkey_device(context, page) -> None:  # type: ignore[no-untyped-def]
    """The member's device for this page: Chromium's virtual authenticator (DevTools'
    WebAuthn domain), holding passkeys, the user verified (a fingerprint or PIN)."""
    device = await context.new_cdp_session(page)
    await device.send("WebAuthn.enable")
    await device.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True,
        "automaticPresenceSimulation": True}})  # fmt: skip


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BOARDROOM_NOW": BOARD_NOW}
    server = subprocess.Popen(
        [sys.executable, "-m", "boardroom", "serve", "--db", str(db), "--listen",
         f"127.0.0.1:{port}", "--public-url", f"http://localhost:{port}", "--lang", "en"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
            return server
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit("boardroom serve did not answer") from None
            time.sleep(0.1)


def invite(db: Path, member: str, public: str) -> str:
    import datetime as dt

    from boardroom.services import passkeys
    from boardroom.services.session import open_session

    now = dt.datetime.fromisoformat(BOARD_NOW).replace(tzinfo=dt.UTC)
    with open_session(db, as_name="Els Verhoeven", now=lambda: now) as secretary:
        return passkeys.invite(secretary, member, public).link


def app_processes(db: Path) -> list[int]:
    """The app processes `serve` started for signed-in tabs on this board."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"web-session" in command and str(db).encode() in command:
            found.append(int(entry.name))
    return found


def memory_mb(pid: int) -> tuple[float, float]:
    """(PSS, RSS) of a process in MB."""
    figures = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        figures[name.rstrip(":")] = int(value) / 1024
    return figures["Pss"], figures["Rss"]


def p95(values: list[float]) -> float:
    return (
        statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]
    )


class Frames:
    """The websocket frames a page receives, with when they came."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.frames: list[tuple[float, bytes]] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.frames.append((time.perf_counter(), payload))

    async def until(self, marker: bytes, since: int, timeout: float = 30) -> float:
        deadline = time.perf_counter() + timeout
        while True:
            seen = b""
            for at, data in list(self.frames[since:]):
                seen += data
                if marker in seen:  # the frame that completed it
                    return at
            if time.perf_counter() > deadline:
                raise SystemExit(f"{marker!r} never arrived")
            await asyncio.sleep(0.005)

    async def quiet(self, since: int = 0, timeout: float = 10) -> None:
        """Until a frame after `since` came and none for QUIET seconds after it."""
        deadline = time.perf_counter() + timeout
        while len(self.frames) <= since or time.perf_counter() - self.frames[-1][0] < QUIET:
            if time.perf_counter() > deadline:
                raise SystemExit("the app drew nothing")
            await asyncio.sleep(0.005)


async def in_the_browser(
    db: Path, public: str, runs: int
) -> tuple[dict[str, list[float]], dict[str, str]]:
    """The figures, and the cookies of a sign-in left open (for the sessions after)."""
    from playwright.async_api import async_playwright

    link = invite(db, "Els Verhoeven", public)
    result: dict[str, list[float]] = {"sign-in": [], "key: first bytes": [], "key: done": []}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        context = await browser.new_context(viewport={"width": 1100, "height": 700})
        page = await context.new_page()
        await passkey_device(context, page)
        frames = Frames(page)
        await page.goto(link)
        await page.click("#join")
        await page.wait_for_url("**/?joined=1")
        for _run in range(runs):
            await page.wait_for_selector("#sign-in")
            since = len(frames.frames)
            start = time.perf_counter()
            await page.click("#sign-in")
            result["sign-in"].append((await frames.until(MARKER, since) - start) * 1000)
            await frames.quiet(since)
            await asyncio.sleep(1.0)  # the app warms up after its first frame, as it does
            for key in ["M", "g"] * 10:  # members, dashboard: a list and the cards
                since = len(frames.frames)
                start = time.perf_counter()
                await page.keyboard.press(key)
                await frames.quiet(since)
                arrived = [at for at, _data in frames.frames[since:]]
                if arrived:
                    result["key: first bytes"].append((arrived[0] - start) * 1000)
                    result["key: done"].append((arrived[-1] - start) * 1000)
                await asyncio.sleep(0.3)
            result.setdefault("memory: PSS", []).extend(memory_mb(p)[0] for p in app_processes(db))
            result.setdefault("memory: RSS", []).extend(memory_mb(p)[1] for p in app_processes(db))
            await page.click("header button")  # sign out
        await page.wait_for_selector("#sign-in")
        since = len(frames.frames)
        await page.click("#sign-in")
        await frames.until(MARKER, since)
        cookie_jar = {c["name"]: c["value"] for c in await context.cookies()}
        await browser.close()
    return result, cookie_jar


async def many_sessions(public: str, cookies: dict[str, str], count: int) -> list:  # type: ignore[type-arg]
    """`count` tabs' worth of apps, each drawn once; returned open."""
    import aiohttp

    client = aiohttp.ClientSession(cookies=cookies)
    sockets = []
    for _ in range(count):
        ws = await client.ws_connect(f"{public}/ws?width=120&height=35", headers={"Origin": public})
        seen = b""
        while MARKER not in seen:
            message = await asyncio.wait_for(ws.receive(), timeout=60)
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
        sockets.append(ws)
    return [client, sockets]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10, help="console key rounds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        alone, shared = Path(folder) / "alone.db", Path(folder) / "shared.db"
        shutil.copy(ensure_board(), alone)
        shutil.copy(ensure_board(), shared)
        port = free_port()
        public = f"http://localhost:{port}"
        server = serve(shared, port)
        try:
            browser, cookies = asyncio.run(in_the_browser(shared, public, args.runs))

            async def with_sessions() -> tuple[dict, float, float, float]:  # type: ignore[type-arg]
                client, sockets = await many_sessions(public, cookies, args.sessions)
                pids = app_processes(shared)
                pss = sum(memory_mb(p)[0] for p in pids)
                rss = sum(memory_mb(p)[1] for p in pids)
                keys = await asyncio.to_thread(console_keys, shared, args.rounds)
                for ws in sockets:
                    await ws.close()
                await client.close()
                return keys, pss, rss, len(pids)

            baseline = console_keys(alone, args.rounds)
            together, pss, rss, apps = asyncio.run(with_sessions())
        finally:
            server.terminate()
            server.wait(10)
    empty = [kind for kind, v in browser.items() if not v]
    if empty:
        raise SystemExit(f"nothing measured: {', '.join(empty)}")
    summary: dict[str, Any] = {
        kind: {
            "n": len(v),
            "p50": statistics.median(v),
            "p95": p95(v),
            "max": max(v),
            "all": [round(x, 1) for x in v],
        }
        for kind, v in browser.items()
    }
    summary["sessions"] = {"apps": apps, "PSS MB": pss, "RSS MB": rss}
    summary["console alone"] = baseline
    summary["console with sessions"] = together
    OUT.mkdir(exist_ok=True)
    (OUT / "web.json").write_text(json.dumps(summary, indent=2))
    for kind, v in summary.items():
        if "p50" in v:
            print(f"{kind:18} n={v['n']:3}  p50 {v['p50']:7.1f}  p95 {v['p95']:7.1f}"
                  f"  max {v['max']:7.1f}")  # fmt: skip
    print(f"{apps} apps open at once: PSS {pss:.0f} MB in all ({pss / max(apps, 1):.0f} each),"
          f" RSS {rss:.0f} MB")  # fmt: skip
    for name in ("console alone", "console with sessions"):
        for kind, v in summary[name].items():
            print(f"{name:22} {kind:28} p50 {v['p50_ms']:6.1f} ms  p95 {v['p95_ms']:6.1f} ms")


if __name__ == "__main__":
    main()
