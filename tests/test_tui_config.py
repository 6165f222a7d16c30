"""Key rebinding from the TOML config file, by binding id."""

from __future__ import annotations

from natojp_tui.tui.config import effective_keys, load_config, parse_config
from natojp_tui.tui.keymap import BY_ID, KEYS


def test_keymap_table_rebinds_by_id_with_a_string_or_a_list():
    config = parse_config('[keymap]\nnext-quote = "x"\ncopy = ["c", "ctrl+y"]\n')
    assert config.keymap == {"next-quote": "x", "copy": "c,ctrl+y"}
    assert config.problems == []
    assert effective_keys(config.keymap, "copy") == "c,ctrl+y"
    assert effective_keys(config.keymap, "quit") == BY_ID["quit"].keys


def test_unknown_ids_and_bad_values_are_reported_not_fatal():
    config = parse_config('[keymap]\nfly = "f"\ncopy = 3\nquit = ""\n')
    assert config.keymap == {}
    assert len(config.problems) == 3
    assert "unknown binding id 'fly'" in config.problems[0]


def test_broken_toml_is_a_problem_not_a_crash():
    config = parse_config("[keymap\n")
    assert config.keymap == {} and config.problems


def test_missing_file_is_an_empty_config(tmp_path):
    assert load_config(tmp_path / "nope.toml").problems  # an explicit missing path is reported
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\nsearch = "ctrl+f"\n', encoding="utf-8")
    assert load_config(path).keymap == {"search": "ctrl+f"}


def test_default_location_is_the_user_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert load_config().keymap == {}
    (tmp_path / "natojp-tui").mkdir()
    (tmp_path / "natojp-tui" / "config.toml").write_text('[keymap]\nhelp = "h"\n', encoding="utf-8")
    assert load_config().keymap == {"help": "h"}


def test_every_binding_has_a_unique_id_and_a_description():
    ids = [k.id for k in KEYS]
    assert len(ids) == len(set(ids))
    assert all(k.description for k in KEYS)
