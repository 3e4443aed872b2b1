"""``python -m declutter.evaluate``: the same as ``declutter evaluate``."""

from .cli import main

raise SystemExit(main())
