"""Shared test configuration: the hypothesis profiles.

``ci`` (the default) keeps the property tests to a few seconds; ``deep`` runs many more examples
for a nightly or pre-release run: ``HYPOTHESIS_PROFILE=deep pytest tests/test_properties.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,  # timing varies on shared CI machines; linear time has its own tests
    suppress_health_check=_SLOW_DATA,
    print_blob=True,
)
settings.register_profile(
    "deep",
    max_examples=2000,
    deadline=None,
    suppress_health_check=_SLOW_DATA,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_report_header() -> str:
    """Which build of declutter the run tests: the sources, or modules compiled by mypyc."""
    import declutter.segment

    build = "pure Python" if declutter.segment.__file__.endswith(".py") else "compiled by mypyc"
    return f"declutter: {build}, from {Path(declutter.segment.__file__).parent}"
