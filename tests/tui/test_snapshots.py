"""The look of screens (pytest-textual-snapshot): the dashboard, the members and access screens,
and the console with a vote in progress, at 80×24 and 160×48 where it matters most."""


def test_dashboard_snapshot(snap_compare, make_app):
    assert snap_compare(make_app("Els Verhoeven"), terminal_size=(120, 40))


def test_members_snapshot(snap_compare, make_app):
    assert snap_compare(make_app("Els Verhoeven"), press=["f2"], terminal_size=(120, 40))


def _bind_demo_keys(app) -> None:
    """Two members' keys, made from fixed bytes so that the fingerprints never change."""
    import base64
    import struct

    from boardroom.services import access

    for n, member in enumerate(("Henk Jansen", "Marianne van der Velde"), 1):
        blob = b"".join(struct.pack(">I", len(p)) + p for p in (b"ssh-ed25519", bytes([n]) * 32))
        line = f"ssh-ed25519 {base64.b64encode(blob).decode()} {member.split()[0].lower()}@laptop"
        access.add_key(app.session, member, line)


def test_access_screen_snapshot_80x24(snap_compare, make_app):
    app = make_app("Els Verhoeven")
    _bind_demo_keys(app)
    assert snap_compare(app, press=["f2", "k"], terminal_size=(80, 24))


def test_access_screen_snapshot_160x48(snap_compare, make_app):
    app = make_app("Els Verhoeven")
    _bind_demo_keys(app)
    assert snap_compare(app, press=["f2", "k"], terminal_size=(160, 48))


CONSOLE_WITH_A_VOTE = [
    *["f6", "enter", "s", "a", *["p"] * 18, "escape", "n", "n", "n", "v"],
    *["ctrl+s", "f", "a", "escape"],
]


async def _vote_in_progress(pilot) -> None:
    """The chair's console with a vote under way on item 4: two ballots so far. Toasts are
    cleared (they fade on a timer, and would make the picture depend on the clock)."""
    await pilot.press(*CONSOLE_WITH_A_VOTE)
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_console_with_a_vote_in_progress_snapshot_80x24(snap_compare, make_app):
    app = make_app("Marianne van der Velde")
    assert snap_compare(app, run_before=_vote_in_progress, terminal_size=(80, 24))


def test_console_with_a_vote_in_progress_snapshot_160x48(snap_compare, make_app):
    app = make_app("Marianne van der Velde")
    assert snap_compare(app, run_before=_vote_in_progress, terminal_size=(160, 48))
