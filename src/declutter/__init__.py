"""declutter: remove boilerplate from web pages and keep the main content.

>>> from declutter import extract
>>> extract("<html><body><nav><a href='/'>Home</a></nav><article><h1>Title</h1>"
...         "<p>A paragraph of the article that says something worth reading here.</p>"
...         "</article></body></html>")
'Title\\n\\nA paragraph of the article that says something worth reading here.'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import Result, extract, extract_result
from .blocks import Block, Features, Kind, Label
from .errors import DeclutterError, InputTooLargeError, TimeBudgetExceeded
from .metadata import Metadata
from .options import Options
from .site import SiteMemory

try:
    __version__ = version("declutter")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

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
    "extract_result",
]
