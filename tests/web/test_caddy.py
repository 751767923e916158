"""The board behind Caddy, with the README's Caddyfile: `boardroom serve` on 127.0.0.1 in plain
HTTP, Debian's Caddy in front with `tls internal` (its own certificate authority, for a host
without a public name). Over https a member makes a passkey, signs in (the cookie Secure) and
the app draws over the websocket through the proxy; the page's headers come through whole.
`./dev test` installs caddy; a machine without it fails this test, it does not skip it."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import ssl
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from boardroom.services import passkeys
from boardroom.services.session import open_session
from tests.conftest import fixed_now
from tests.services.test_passkeys import Authenticator, token_of
from tests.web.test_browser import serving
from tests.web.test_serve import free_port

README = Path(__file__).resolve().parents[2] / "README.md"
#: the test's own: no admin port, no root certificate installed in this machine's store, the
#: certificates in the test's folder
GLOBAL = "{{\n\tadmin off\n\tskip_install_trust\n\tstorage file_system {data}\n}}\n\n"


def caddyfile(data: Path, port: int, board_port: int) -> str:
    """The README's Caddyfile for this host: no public name (`tls internal`, as the README
    says), the test's ports."""
    [block] = re.findall(r"```caddyfile\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert "tafel.example.nl {" in block and "reverse_proxy 127.0.0.1:8080" in block, block
    site = block.replace("tafel.example.nl {", f"https://localhost:{port} {{\n    tls internal")
    return GLOBAL.format(data=data) + site.replace("127.0.0.1:8080", f"127.0.0.1:{board_port}")


@pytest.fixture
def behind_caddy(demo_path: Path, tmp_path: Path) -> Iterator[tuple[str, ssl.SSLContext]]:
    caddy = shutil.which("caddy")
    assert caddy, "caddy is not installed (./dev test installs it: apt-get install caddy)"
    board_port, port = free_port(), free_port()
    public = f"https://localhost:{port}"
    data = tmp_path / "caddy"
    data.mkdir()
    config = tmp_path / "Caddyfile"
    config.write_text(caddyfile(data, port, board_port))
    with serving(demo_path, board_port, public):
        proxy = subprocess.Popen(
            [caddy, "run", "--config", str(config), "--adapter", "caddyfile"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={"HOME": str(tmp_path)},
        )  # fmt: skip
        try:
            root = data / "pki" / "authorities" / "local" / "root.crt"
            deadline = time.monotonic() + 30
            while not root.exists():
                assert proxy.poll() is None, proxy.stdout.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "caddy made no certificate authority"
                time.sleep(0.1)
            yield public, ssl.create_default_context(cafile=str(root))
        finally:
            proxy.terminate()
            proxy.wait(10)


async def get_when_up(client: aiohttp.ClientSession, url: str) -> aiohttp.ClientResponse:
    deadline = time.monotonic() + 30
    while True:
        try:
            return await client.get(url)
        except aiohttp.ClientError:
            assert time.monotonic() < deadline, "caddy did not answer"
            await asyncio.sleep(0.2)


async def test_the_board_behind_caddy_with_tls_internal(behind_caddy, demo_path):
    public, trust = behind_caddy
    with open_session(demo_path, as_name="Els", now=fixed_now) as els:
        link = passkeys.invite(els, "Henk Jansen", public).link
    assert link.startswith(f"{public}/join/")
    token = token_of(link)
    origin = {"Origin": public}
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=trust)) as client:
        page = await get_when_up(client, f"{public}/")  # Caddy's certificate, trusted here
        assert page.status == 200 and "Regiotafel Zorg en Welzijn Lindewaard" in await page.text()
        assert "default-src 'none'" in page.headers["Content-Security-Policy"]
        assert page.headers["Server"] == "Caddy"

        device = Authenticator()
        options = await client.post(f"{public}/api/join/{token}/options", json={}, headers=origin)
        made = device.create(await options.text(), origin=public)
        joined = await client.post(
            f"{public}/api/join/{token}", json={"credential": json.loads(made)}, headers=origin
        )
        assert joined.status == 200, await joined.text()
        options = await client.post(f"{public}/api/sign-in/options", json={}, headers=origin)
        answer = device.get(await options.text(), origin=public)
        signed = await client.post(
            f"{public}/api/sign-in", json={"credential": json.loads(answer)}, headers=origin
        )
        assert signed.status == 200
        cookie = signed.headers["Set-Cookie"]
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
        page = await client.get(f"{public}/")
        assert 'data-session-websocket-url="wss://localhost:' in await page.text()

        drawn = b""
        async with client.ws_connect(f"{public}/ws?width=100&height=30", headers=origin) as ws:
            while b"Henk Jansen" not in drawn:
                message = await asyncio.wait_for(ws.receive(), timeout=30)
                assert message.type == aiohttp.WSMsgType.BINARY, message
                drawn += message.data
        plain = await client.post(  # over the proxy too, another origin is refused
            f"{public}/api/sign-in/options", json={}, headers={"Origin": "https://elders.example"}
        )
        assert plain.status == 403
