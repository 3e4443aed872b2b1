"""The one frozen object that carries every knob of an extraction."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

__all__ = ["Options", "page_codec"]

# Python codecs that decode text but are no character set of a page: a page that declares one
# is lying, and some of them fail on any byte they do not expect (idna, punycode).
_NOT_CHARSETS = frozenset(
    {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7", "undefined"}
)


def page_codec(label: str) -> str | None:
    """The name of the codec a label names, or ``None`` when it names none or one that is no
    character set (``base64``, ``rot13``, ``zlib``: transforms; ``idna``, ``punycode``)."""
    import codecs

    try:
        info = codecs.lookup(label)
    except (LookupError, TypeError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


OutputFormat = Literal["text", "markdown", "json"]
Favor = Literal["precision", "balanced", "recall"]
InputFormat = Literal["auto", "html", "text"]
Oversize = Literal["raise", "truncate"]

_CHOICES: dict[str, tuple[str, ...]] = {
    "output_format": ("text", "markdown", "json"),
    "favor": ("precision", "balanced", "recall"),
    "input_format": ("auto", "html", "text"),
    "on_oversize": ("raise", "truncate"),
}


@dataclass(frozen=True, slots=True)
class Options:
    """How to extract. Make variants with :func:`dataclasses.replace` or :meth:`with_`.

    A bad value raises :class:`ValueError` (or :class:`TypeError` for a wrong type) naming the
    values that are allowed.
    """

    output_format: OutputFormat = "text"
    """What :func:`declutter.extract` returns: plain text, markdown, or the JSON of the result."""
    favor: Favor = "balanced"
    """Precision keeps less (only clear content); recall keeps more (borderline blocks too)."""
    input_format: InputFormat = "auto"
    """Whether the page is HTML or already plain text; ``auto`` sniffs it."""
    include_title: bool = True
    """Start the output with the headline (kept once)."""
    include_comments: bool = False
    """Keep reader comments under articles (forum posts are content either way)."""
    include_tables: bool = True
    """Keep table rows that belong to the content."""
    encoding: str | None = None
    """Decode bytes with this codec instead of detecting one."""
    max_input_bytes: int = 64 * 1024 * 1024
    """Largest page accepted, in bytes (UTF-8 bytes for ``str`` input)."""
    on_oversize: Oversize = "raise"
    """Over ``max_input_bytes``: raise :class:`InputTooLargeError`, or cut the page there."""
    time_budget: float | None = None
    """Seconds an extraction may take; past it :class:`TimeBudgetExceeded` is raised."""

    def __post_init__(self) -> None:
        for name, allowed in _CHOICES.items():
            value = getattr(self, name)
            if value not in allowed:
                raise ValueError(
                    f"Options.{name} must be one of {', '.join(map(repr, allowed))}; got {value!r}"
                )
        for name in ("include_title", "include_comments", "include_tables"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"Options.{name} must be a bool; got {getattr(self, name)!r}")
        if self.encoding is not None and page_codec(self.encoding) is None:
            import codecs

            try:
                codecs.lookup(self.encoding)
            except (LookupError, TypeError, ValueError):
                raise ValueError(f"Options.encoding: unknown codec {self.encoding!r}") from None
            raise ValueError(
                f"Options.encoding: {self.encoding!r} is no character set a page can be in"
            )
        if isinstance(self.max_input_bytes, bool) or not isinstance(self.max_input_bytes, int):
            raise TypeError("Options.max_input_bytes must be an int")
        if self.max_input_bytes <= 0:
            raise ValueError("Options.max_input_bytes must be positive")
        if self.time_budget is not None:
            if isinstance(self.time_budget, bool) or not isinstance(self.time_budget, (int, float)):
                raise TypeError("Options.time_budget must be a number of seconds or None")
            if not self.time_budget > 0:
                raise ValueError("Options.time_budget must be positive")

    def with_(self, **changes: Any) -> Options:
        """A copy with some fields changed; unknown names raise :class:`TypeError`."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise TypeError(
                f"unknown option(s) {', '.join(unknown)}; known options: {', '.join(sorted(known))}"
            )
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Options(**values)
