"""Reader settings from the TOML config file: key rebinding by binding id.

```toml
[keymap]
next-quote = "n,ctrl+n"
copy = "c"
```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from natojp_tui.tui.keymap import BY_ID


@dataclass(slots=True)
class ReaderConfig:
    """What the reader took from the config file, and what it could not use."""

    keymap: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    problems: list[str] = field(default_factory=list)


def parse_config(text: str, path: Path | None = None) -> ReaderConfig:
    """Read the ``[keymap]`` table; unknown ids and bad values become ``problems``."""
    import tomllib  # only when there is a config file (not on every start-up)

    config = ReaderConfig(path=path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        config.problems.append(f"config {path or ''}: {exc}")
        return config
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        config.problems.append('config: [keymap] must be a table of binding id = "keys"')
        return config
    for binding_id, keys in keymap.items():
        if binding_id not in BY_ID:
            config.problems.append(f"config: unknown binding id {binding_id!r}")
        elif isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            config.keymap[binding_id] = ",".join(keys)
        elif isinstance(keys, str) and keys.strip():
            config.keymap[binding_id] = keys
        else:
            config.problems.append(f"config: keys for {binding_id!r} must be a string")
    return config


def load_config(path: Path | None = None) -> ReaderConfig:
    """The config at ``path`` or the default location; an absent file is an empty config."""
    if path is None:
        from natojp_tui.locations import config_file

        path = config_file()
    if path is None:
        return ReaderConfig()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        return ReaderConfig(path=path, problems=[f"config {path}: {exc.strerror or exc}"])
    return parse_config(text, path)


def effective_keys(keymap: dict[str, str], binding_id: str) -> str:
    """The keys a binding answers to once the keymap is applied."""
    return keymap.get(binding_id, BY_ID[binding_id].keys)
