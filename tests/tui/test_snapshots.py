"""The look of the dashboard and the members screen (pytest-textual-snapshot)."""


def test_dashboard_snapshot(snap_compare, make_app):
    assert snap_compare(make_app("Els Verhoeven"), terminal_size=(120, 40))


def test_members_snapshot(snap_compare, make_app):
    assert snap_compare(make_app("Els Verhoeven"), press=["f2"], terminal_size=(120, 40))
