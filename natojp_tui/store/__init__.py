"""The store: the only code that reads or writes the database (see ``db.py``)."""

from natojp_tui.store.db import SCHEMA_VERSION, ImportReport, Store, StoreError

__all__ = ["SCHEMA_VERSION", "ImportReport", "Store", "StoreError"]
