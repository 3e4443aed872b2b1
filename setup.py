"""The optional mypyc build of the extraction pipeline.

declutter is a pure-Python package, and a plain build (``pip install .``, ``pip install -e .``)
stays one: the metadata lives in pyproject.toml, and this file adds nothing to it.

With ``DECLUTTER_USE_MYPYC=1`` in the environment, a wheel build (``pip wheel .``,
``python -m build --wheel``) also compiles the modules of COMPILED with mypyc into C extensions
that sit in the wheel beside the same ``.py`` files; Python imports the extension where there is
one. The ``.py`` files stay the source of truth: the extensions are built from them, and give
byte-identical results (``scripts/check_compiled.py`` builds one and checks that). The build
backend (``_backend/declutter_backend.py``) asks for mypy and the stubs only for such a build,
and never compiles an editable install or an sdist.
"""

from __future__ import annotations

import os

from setuptools import setup

USE_MYPYC_VARIABLE = "DECLUTTER_USE_MYPYC"

COMPILED = [
    "blocks.py",
    "boxes.py",
    "declared.py",
    "features.py",
    "hints.py",
    "inclusions.py",
    "limits.py",
    "load.py",
    "metadata.py",
    "mojibake.py",
    "parse.py",
    "refine.py",
    "render.py",
    "repeats.py",
    "scoring.py",
    "segment.py",
    "select.py",
    "site.py",
    "textlines.py",
    "textpage.py",
    "textweights.py",
    "tree.py",
    "trim.py",
    "weights.py",
]
"""The modules of src/declutter that mypyc compiles: every stage of the pipeline. On HTML pages,
blocks, segment, features, scoring and select carry nearly all of the gain (100.6M instructions
a wcxb-dev page with only those five compiled, 100.0M with all, 144.3M with none); on the same
pages rendered to text, the others (textpage.py's own stage among them) matter too: 135.5M with
the five, 112.2M with all, 154.3M with none. Left as Python: api.py and options.py, the public boundary, whose own checks of the caller's arguments must run
before any compiled function checks its annotations (with mypyc's wording); deadline.py, whose
Deadline.check a test replaces; batch.py, cli.py and evaluate/, which have no hot loop; errors.py
and the package's __init__."""


def use_mypyc() -> bool:
    return os.environ.get(USE_MYPYC_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def ext_modules() -> list[object]:
    if not use_mypyc():
        return []
    from mypyc.build import mypycify

    paths = [os.path.join("src", "declutter", name) for name in COMPILED]
    # One shared library for all of them, so that calls between modules stay native calls. mypy
    # reads its options (strict) from pyproject.toml.
    return list(mypycify(paths, opt_level="3", group_name="declutter"))


setup(ext_modules=ext_modules())
