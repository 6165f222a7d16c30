"""Where things live on disk: the database, config, bundled articles, fallbacks."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "natojp-tui"
DB_ENV = "NATOJP_DB"
WEB_PAGES_DIR = ("web", "pages")  # inside a database folder: pages fetched from the web


def data_dir() -> Path:
    """The user data folder (``~/.local/share/natojp-tui`` on Linux)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The user config folder (``~/.config/natojp-tui`` on Linux)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def config_file() -> Path | None:
    """``natojp.toml`` in the working folder, else in the user config folder, else None."""
    for candidate in (Path.cwd() / "natojp.toml", config_dir() / "config.toml"):
        if candidate.is_file():
            return candidate
    return None


def default_db_path(flag: str | os.PathLike[str] | None = None) -> Path:
    """The database folder: ``--db`` flag, else ``$NATOJP_DB``, else the data dir."""
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "library"


def bundled_articles_dir() -> Path:
    """The articles shipped with the package (inside the wheel, or in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "articles", here.parent / "articles"):
        if candidate.is_dir():
            return candidate
    return here / "articles"


def clipboard_fallback_file() -> Path:
    """Where a copy goes when no clipboard is reachable."""
    return data_dir() / "clipboard.txt"
