"""declutter's build backend: setuptools' own, plus what the optional mypyc build needs.

Every hook is setuptools.build_meta's. With ``DECLUTTER_USE_MYPYC=1`` in the environment (see
setup.py):

- ``build_wheel`` compiles the pipeline, and ``get_requires_for_build_wheel`` asks for
  MYPYC_REQUIRES, so that a plain build never downloads mypy;
- every other hook runs setup.py with mypyc off: metadata and sdists are the same either way;
- an editable install is never compiled: its extensions would be written into src/declutter
  beside the sources, and Python would keep importing them after the ``.py`` files changed.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from setuptools import build_meta as _setuptools

# The hooks not redefined below are setuptools' own.
from setuptools.build_meta import *

USE_MYPYC_VARIABLE = "DECLUTTER_USE_MYPYC"

MYPYC_REQUIRES = [
    "mypy>=1.11",
    "types-lxml>=2024.4",
    "types-regex>=2024.5",
    "charset-normalizer>=3.0",
]
"""mypy brings mypyc; the stubs and charset-normalizer (which ships its own types) let mypy
check the modules it compiles. None of them is needed to run the compiled package."""

_Settings = dict[str, Any] | None
_T = TypeVar("_T")


def _use_mypyc() -> bool:
    return os.environ.get(USE_MYPYC_VARIABLE, "").strip().lower() in ("1", "true", "yes")


@contextmanager
def _pure() -> Iterator[None]:
    """setup.py runs with mypyc off inside this block."""
    asked = os.environ.get(USE_MYPYC_VARIABLE)
    os.environ[USE_MYPYC_VARIABLE] = "0"
    try:
        yield
    finally:
        if asked is None:
            del os.environ[USE_MYPYC_VARIABLE]
        else:
            os.environ[USE_MYPYC_VARIABLE] = asked


def get_requires_for_build_wheel(config_settings: _Settings = None) -> list[str]:
    with _pure():  # runs setup.py, before mypy is installed
        requires: list[str] = _setuptools.get_requires_for_build_wheel(config_settings)
    return [*requires, *MYPYC_REQUIRES] if _use_mypyc() else requires


def _mypyc_off(hook: Callable[..., _T]) -> Callable[..., _T]:
    """setuptools' hook, run with mypyc off (:func:`_pure`)."""

    @functools.wraps(hook)
    def run(*args: Any, **kwargs: Any) -> _T:
        with _pure():
            return hook(*args, **kwargs)

    return run


# Metadata, sdists and their requirements are the same whether or not a wheel is compiled.
prepare_metadata_for_build_wheel = _mypyc_off(_setuptools.prepare_metadata_for_build_wheel)
get_requires_for_build_sdist = _mypyc_off(_setuptools.get_requires_for_build_sdist)
build_sdist = _mypyc_off(_setuptools.build_sdist)
get_requires_for_build_editable = _mypyc_off(_setuptools.get_requires_for_build_editable)
prepare_metadata_for_build_editable = _mypyc_off(_setuptools.prepare_metadata_for_build_editable)


def build_editable(
    wheel_directory: str, config_settings: _Settings = None, metadata_directory: str | None = None
) -> str:
    if _use_mypyc():
        print(
            f"declutter: {USE_MYPYC_VARIABLE} is ignored for an editable install, which stays "
            "pure Python (compiled modules in src/ would shadow the edited sources)",
            file=sys.stderr,
        )
    with _pure():
        name: str = _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)
    return name
