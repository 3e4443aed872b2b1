"""Exceptions raised by declutter.

Every error derives from :class:`DeclutterError`; the specific ones also derive from the builtin
they resemble, so ``except ValueError`` catches a page that is too large.
"""

from __future__ import annotations

__all__ = ["DeclutterError", "InputTooLargeError", "TimeBudgetExceeded"]


class DeclutterError(Exception):
    """Root of every error raised by declutter."""


class InputTooLargeError(DeclutterError, ValueError):
    """The page is larger than ``Options.max_input_bytes`` and truncation was not asked for."""

    def __init__(self, size: int, limit: int, decompressed: bool = False) -> None:
        # Decompression stops one byte past the limit: the whole size is never known.
        size_text = "gzip-compressed and decompresses to" if decompressed else f"{size:,} bytes,"
        super().__init__(
            f"input is {size_text} over the limit of {limit:,} "
            "(raise Options.max_input_bytes, or pass on_oversize='truncate')"
        )
        self.size = size
        self.limit = limit
        self.decompressed = decompressed

    def __reduce__(self) -> tuple[type, tuple[int, int, bool]]:
        return type(self), (self.size, self.limit, self.decompressed)


class TimeBudgetExceeded(DeclutterError, TimeoutError):
    """Extraction ran past ``Options.time_budget`` seconds and was stopped cleanly."""

    def __init__(self, budget: float, stage: str) -> None:
        super().__init__(f"extraction exceeded its time budget of {budget:g} s during {stage}")
        self.budget = budget
        self.stage = stage

    def __reduce__(self) -> tuple[type, tuple[float, str]]:
        return type(self), (self.budget, self.stage)
