"""A per-call time budget, checked between stages and inside long loops."""

from __future__ import annotations

import time

from .errors import TimeBudgetExceeded

__all__ = ["CHECK_EVERY", "NEVER", "Deadline"]

CHECK_EVERY = 256
"""Loops over blocks or elements check the deadline once per this many steps."""


class Deadline:
    """When an extraction must be over; ``budget=None`` never expires."""

    __slots__ = ("budget", "end")

    def __init__(self, budget: float | None) -> None:
        self.budget = budget
        self.end = None if budget is None else time.monotonic() + budget

    def check(self, stage: str) -> None:
        """Raise :class:`TimeBudgetExceeded` if the budget is spent."""
        if self.end is not None and time.monotonic() > self.end:
            assert self.budget is not None
            raise TimeBudgetExceeded(self.budget, stage)

    def tick(self, step: int, stage: str) -> None:
        """Inside a loop: check once every CHECK_EVERY steps."""
        if self.end is not None and step % CHECK_EVERY == 0:
            self.check(stage)


NEVER = Deadline(None)
"""The deadline of a call without a time budget (the default of every stage)."""
