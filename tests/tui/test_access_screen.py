"""The access screen (members → k): add a member's key by pasting it, see it, remove it."""

from __future__ import annotations

import subprocess

from textual.widgets import DataTable

from boardroom.services import access
from boardroom.tui.screens.access import AccessScreen
from boardroom.tui.screens.members import MembersScreen
from boardroom.tui.widgets.form import FormScreen
from tests.tui.test_console import SIZE


async def test_the_secretary_adds_and_removes_a_key_from_the_members_screen(make_app, tmp_path):
    key = tmp_path / "henk"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "k")
        await pilot.pause()
        assert isinstance(app.screen, AccessScreen)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-member").value = "Henk Jansen"
        form.query_one("#field-key").load_text(key.with_suffix(".pub").read_text())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccessScreen)
        rows = access.keys(app.session)
        assert [(r.member, r.added_by, r.active) for r in rows] == [
            ("Henk Jansen", "Els Verhoeven", True)
        ]
        table = app.screen.query_one("#table", DataTable)
        shown = [str(c) for c in table.get_row_at(0)]
        assert shown[0:2] == ["Henk Jansen", "yes"] and shown[3:] == [
            "Els Verhoeven",
            "ed25519",
            rows[0].fingerprint,
        ]
        await pilot.press("d", "y")
        await pilot.pause()
        assert access.keys(app.session) == [] and table.row_count == 0
        await pilot.press("escape")
        assert isinstance(app.screen, MembersScreen)


async def test_a_private_key_pasted_by_mistake_is_refused_in_the_form(make_app, tmp_path):
    key = tmp_path / "henk"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "k", "a")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-member").value = "Henk Jansen"
        form.query_one("#field-key").load_text(key.read_text())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "this is a private key" in str(app.screen.query_one("#form-error").content)
        assert access.keys(app.session) == []


async def test_a_members_passkey_shows_beside_the_keys_and_is_removed_here(make_app):
    from boardroom.services import passkeys
    from tests.services.test_passkeys import ORIGIN, RP_ID, URL, Authenticator, token_of

    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        passkeys.invite(app.session, "Ingrid", URL)
        link = passkeys.invite(app.session, "Henk Jansen", URL).link
        await pilot.press("f2", "k")
        await pilot.pause()
        assert "2 invitation links open" in str(app.screen.query_one("#screen-title").content)
        device = Authenticator()  # Henk opens the link in his browser and makes a passkey
        options, challenge, _ = passkeys.enrolment_options(app.session, token_of(link), RP_ID, "T")
        passkeys.enrol(app.session, token_of(link), challenge, device.create(options), ORIGIN,
                       RP_ID, "laptop")  # fmt: skip
        app.screen.reload()
        await pilot.pause()
        assert "1 invitation link open" in str(app.screen.query_one("#screen-title").content)
        table = app.screen.query_one("#table", DataTable)
        row = [str(c) for c in table.get_row_at(table.row_count - 1)]
        assert row[0:2] == ["Henk Jansen", "yes"] and row[3:] == [
            "Els Verhoeven",
            "passkey",
            "laptop",
        ]
        table.move_cursor(row=table.row_count - 1)
        await pilot.press("d", "y")
        await pilot.pause()
        assert passkeys.passkeys(app.session) == []


async def test_the_secretary_invites_a_member_to_the_browser_from_here(make_app):
    app = make_app("Els Verhoeven")
    copied: list[str] = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "k", "i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-member").value = "Henk Jansen"
        form.query_one("#field-public_url").value = "http://tafel.example.nl"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "must start with https://" in str(form.query_one("#form-error").content)
        form.query_one("#field-public_url").value = "https://tafel.example.nl"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccessScreen)
        [link] = copied
        assert link.startswith("https://tafel.example.nl/join/")
        said = [str(n.message) for n in app._notifications]
        assert any(m.startswith(f"Henk Jansen: {link}\n(copied; works once, until ") for m in said)
        assert "1 invitation link open" in str(app.screen.query_one("#screen-title").content)
