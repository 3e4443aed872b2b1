"""declutter: remove boilerplate from web pages and keep the main content.

>>> from declutter import extract
>>> extract("<html><body><nav><a href='/'>Home</a></nav><article><h1>Title</h1>"
...         "<p>A paragraph of the article that says something worth reading here.</p>"
...         "</article></body></html>")
'Title\\n\\nA paragraph of the article that says something worth reading here.'
"""

from __future__ import annotations

from typing import Any

from .api import Result, extract, extract_result
from .batch import extract_many, extract_many_results
from .blocks import Block, Features, Kind, Label
from .errors import DeclutterError, InputTooLargeError, TimeBudgetExceeded
from .metadata import Metadata
from .options import Options
from .site import SiteMemory


def __getattr__(name: str) -> Any:
    # __version__ is read from the package metadata on first use: importlib.metadata costs
    # tens of milliseconds that `import declutter` should not pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("declutter")
        except PackageNotFoundError:  # a source tree that was not installed
            return "0.0.0"
    raise AttributeError(f"module 'declutter' has no attribute {name!r}")

__all__ = [
    "Block",
    "DeclutterError",
    "Features",
    "InputTooLargeError",
    "Kind",
    "Label",
    "Metadata",
    "Options",
    "Result",
    "SiteMemory",
    "TimeBudgetExceeded",
    "__version__",
    "extract",
    "extract_many",
    "extract_many_results",
    "extract_result",
]
