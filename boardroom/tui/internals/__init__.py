"""Everything boardroom does with Textual's private parts, in one place.

Textual is fast enough for a list or a form; on a board with ten years of history and lists
built ahead, five things were not, and each was fixed by leaning on a part of Textual that is
not its public API. They live here, each with why and what it saves (measured with
bench/screens.py and bench/startup.py on the ten-year board), so that a Textual upgrade is
checked in one place:

- `table.CachedTable` — a DataTable that keeps its drawn cells while it looks the same (a
  revisited list was drawn from nothing: ~95 ms for 40 rows at 160 columns), draws a plain
  one-line cell without four nested Rich renderables (most of a list's first drawing), and is
  not drawn twice when it learns a size it was already drawn at.
- `screens.ResumedOnce` — a screen's first opening handles one ScreenResume, not Textual's
  two (each restyled the screen and reloaded its rows: a fifth of a first opening), and a
  screen styled ahead is not styled again on its first showing (a sixth).
- `screens.ScreensAhead` — the lists are built and mounted off-screen after the first frame,
  so a chair's first F7 costs what a revisit costs (two thirds of a first opening is
  building), and a meeting's agenda, once built, is kept and shown again.
- `collect.CollectBetweenKeys` — the cyclic garbage collector runs between keys, not in the
  middle of a screen being built (40–120 ms pauses). It uses no private name; it is here
  because it works around how Textual allocates, and has the same switch.
- `bindings.TranslatedBindings` — each screen's keys in the reader's language, chosen after
  the screens' classes were made (Textual copies a class's bindings per instance, privately).

The switch: `BOARDROOM_TEXTUAL_TRICKS=off` in the environment turns every one of them off.
The app then runs on Textual's public behaviour alone: the same screens and keys, slower, and
Textual's own key panel in English (the footer translates for itself). Use it when an upgrade
of Textual breaks one of these, until it is fixed; tests/tui/test_textual_internals.py fails
loudly on an upgrade that renames or reshapes anything listed in PRIVATE, and runs the app
with the switch off.
"""

from __future__ import annotations

import os


def _switched_on() -> bool:
    return os.environ.get("BOARDROOM_TEXTUAL_TRICKS", "on").strip().lower() not in (
        "off",
        "0",
        "no",
        "false",
    )


#: read once, when the app's modules are imported
ENABLED = _switched_on()

#: Textual's module or class, the private name, and for a method its parameters (None: an
#: attribute). The canary test checks each against the installed Textual.
PRIVATE: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    # table.CachedTable
    ("textual.widgets.DataTable", "_render_cell",
     ("self", "row_index", "column_index", "base_style", "width", "cursor", "hover")),
    ("textual.widgets.DataTable", "_get_row_renderables", ("self", "row_index")),
    ("textual.widgets.DataTable", "_get_styles_to_render_cell",
     ("self", "is_header_cell", "is_row_label_cell", "is_fixed_style_cell", "hover", "cursor",
      "show_cursor", "show_hover_cursor", "has_css_foreground_priority",
      "has_css_background_priority")),
    ("textual.widgets.DataTable", "_on_resize", ("self", "_")),
    ("textual.widgets.DataTable", "_row_render_cache", None),
    ("textual.widgets.DataTable", "_cell_render_cache", None),
    ("textual.widgets.DataTable", "_row_renderable_cache", None),
    ("textual.widgets.DataTable", "_line_cache", None),
    ("textual.widgets.DataTable", "_styles_cache", None),
    ("textual.widgets.DataTable", "_row_locations", None),
    ("textual.widgets.DataTable", "_column_locations", None),
    ("textual.widgets.DataTable", "_show_hover_cursor", None),
    ("textual.widgets.DataTable", "_update_count", None),
    ("textual.widgets.DataTable", "_pseudo_class_state", None),
    ("textual.widgets.DataTable", "_component_styles", None),
    ("textual._types", "SegmentLines", None),
    # screens.ResumedOnce
    ("textual.screen.Screen", "_on_screen_resume", ("self", "event")),
    ("textual.screen.Screen", "_css_update_count", None),
    # screens.ScreensAhead
    ("textual.app.App", "_css_update_count", None),
    ("textual.app.App", "_load_screen_css", ("self", "screen")),
    ("textual.app.App", "_get_screen", ("self", "screen")),
    ("textual.app.App", "_screen_stacks", None),
    # bindings.TranslatedBindings
    ("textual.dom.DOMNode", "_bindings", None),
)  # fmt: skip
