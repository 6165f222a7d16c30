"""``python -m natojp_tui`` is the ``natojp`` command."""

from natojp_tui.cli import main

raise SystemExit(main())
