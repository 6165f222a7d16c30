"""SVG snapshots of the library screens: the people view and a dossier's exported brief.

Update after a deliberate visual change with
``pytest tests/test_snapshots_library.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from test_snapshots import steps
from test_tui_support import SEED, isolate, make_app, plain_article, seed_article


def test_people_view(tmp_path, monkeypatch, snap_compare):
    isolate(tmp_path, monkeypatch)
    app, _, store = make_app(tmp_path, [])
    store.import_paths([SEED])
    assert snap_compare(app, terminal_size=(120, 30), run_before=steps("p"))


def test_dossier_brief(tmp_path, monkeypatch, snap_compare):
    isolate(tmp_path, monkeypatch)
    seed = seed_article()
    app, _, store = make_app(tmp_path, [seed, plain_article(1, quotes=2)])
    store.set_note(seed.quotes[-1].id, "The closing line: use it to open the brief.")
    store.tag(seed.quotes[-1].id, "partnership")
    store.dossier_add(
        "2013 Rasmussen visit", [seed.quotes[-1].id, seed.quotes[0].id, seed.events[1].id]
    )
    assert snap_compare(app, terminal_size=(120, 40), run_before=steps("D"))
