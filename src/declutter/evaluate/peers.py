"""Extractors to compare with: declutter itself, the peers, and the C4 line-rule baseline.

An extractor is any callable from a :class:`~declutter.evaluate.datasets.Page` to plain text.
Each peer is called the way its own documentation recommends for main-text extraction, with its
defaults:

- ``trafilatura``: ``trafilatura.extract(html, url=url)``; ``None`` becomes ``""``.
- ``readability``: ``readability.Document(html).summary()``, rendered to text with
  :func:`~declutter.evaluate.render_text.render_text`.
- ``justext``: ``justext.justext(html, stoplist)`` with the stoplist of the page language when
  jusText has one; otherwise its language-independent mode (empty stoplist, both stopword
  thresholds 0, as ``python -m justext`` does); the paragraphs not marked boilerplate, one per
  line.
- ``boilerpy3``: ``extractors.ArticleExtractor().get_content(html)``.
- ``resiliparse``: ``extract_plain_text(html, main_content=True)`` on a tree parsed from the page
  decoded by resiliparse's own ``detect_encoding``/``bytes_to_str``.
- ``c4``: the C4 line rule (:func:`c4_lines`) over the page's text (the naive rendering, for an
  HTML page). A baseline for plain-text input.

For text pages (``--as-text``), the HTML-only peers receive every line wrapped in ``<p>``.
Each adapter is a module-level function so that worker processes can receive it.
"""

from __future__ import annotations

import html as html_lib
import importlib
import importlib.util
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType, ModuleType
from typing import Any

from .datasets import Page
from .decode import decode_html
from .render_text import render_text

__all__ = [
    "EXTRACTORS",
    "PEERS",
    "ExtractorSpec",
    "UnknownExtractor",
    "c4_lines",
    "lines_as_html",
    "resolve_extractors",
]

Extractor = Callable[[Page], str]

# ISO 639-1 code to the name of jusText's stoplist for that language.
JUSTEXT_STOPLISTS: Mapping[str, str] = MappingProxyType(
    {
        "af": "Afrikaans", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
        "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech",
        "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
        "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
        "fi": "Finnish", "fr": "French", "fy": "West_Frisian", "ga": "Irish", "gl": "Galician",
        "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "ht": "Haitian",
        "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "is": "Icelandic",
        "it": "Italian", "jv": "Javanese", "ka": "Georgian", "kk": "Kazakh", "kn": "Kannada",
        "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish",
        "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam",
        "mr": "Marathi", "ms": "Malay", "mt": "Maltese", "nb": "Norwegian_Bokmal",
        "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal",
        "oc": "Occitan", "pl": "Polish", "pt": "Portuguese", "qu": "Quechua", "ro": "Romanian",
        "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian",
        "su": "Sundanese", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
        "tk": "Turkmen", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
        "uz": "Uzbek", "vi": "Vietnamese", "yo": "Yoruba",
    }
)  # fmt: skip

# The C4 line rule (Raffel et al. 2020, "clean_page" in TensorFlow Datasets' c4_utils).
C4_END_MARKS = (".", "?", "!", '"')  # a kept line ends in one of these ...
C4_ELLIPSIS = "..."  # ... but not in an ellipsis
C4_MIN_WORDS = 3  # a kept line has at least this many whitespace-separated words
C4_BANNED_WORD = "javascript"  # a line mentioning it (any case) is dropped
C4_POLICY_SUBSTRINGS = (  # a line containing one of these (lowercased) is dropped
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
_C4_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")


class UnknownExtractor(ValueError):
    """An extractor name that is neither declutter, a peer, nor a baseline."""


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """A named extractor and the modules it needs to run."""

    name: str
    function: Extractor
    requires: tuple[str, ...]


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


def lines_as_html(text: str) -> str:
    """A minimal HTML page holding each non-blank line of ``text`` in its own ``<p>``."""
    body = "".join(
        f"<p>{html_lib.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip()
    )
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>'


def _html_input(page: Page) -> str | bytes:
    """What an HTML-only peer receives: the page itself, or its lines wrapped in ``<p>``."""
    if page.input_kind == "text":
        return lines_as_html(_text_of(page))
    return page.content


def _html_str(page: Page) -> str:
    source = _html_input(page)
    return decode_html(source) if isinstance(source, bytes) else source


def _text_of(page: Page) -> str:
    if isinstance(page.content, str):
        return page.content
    return decode_html(page.content)


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


# --------------------------------------------------------------------------------------------
# Adapters
# --------------------------------------------------------------------------------------------


def run_declutter(page: Page) -> str:
    """declutter with its default options, told whether the page is HTML or text."""
    api: Any = _module("declutter")
    result = api.extract(page.content, url=page.url, input_format=page.input_kind)
    return str(result)


def run_declutter_precision(page: Page) -> str:
    """declutter with ``favor="precision"``."""
    api: Any = _module("declutter")
    return str(api.extract(page.content, url=page.url, input_format=page.input_kind, favor="precision"))


def run_declutter_recall(page: Page) -> str:
    """declutter with ``favor="recall"``."""
    api: Any = _module("declutter")
    return str(api.extract(page.content, url=page.url, input_format=page.input_kind, favor="recall"))


def run_trafilatura(page: Page) -> str:
    """trafilatura.extract with its default settings."""
    trafilatura: Any = _module("trafilatura")
    result = trafilatura.extract(_html_input(page), url=page.url)
    return result if isinstance(result, str) else ""


def run_readability(page: Page) -> str:
    """readability-lxml's summary, as text."""
    readability: Any = _module("readability")
    summary = readability.Document(_html_input(page)).summary()
    return render_text(summary) if isinstance(summary, str) else ""


def run_justext(page: Page) -> str:
    """jusText with the page language's stoplist, else in its language-independent mode."""
    justext: Any = _module("justext")
    name = JUSTEXT_STOPLISTS.get(page.language or "")
    source = _html_input(page)
    if name is not None and name in justext.get_stoplists():
        paragraphs = justext.justext(source, justext.get_stoplist(name))
    else:
        paragraphs = justext.justext(source, frozenset(), stopwords_low=0, stopwords_high=0)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def run_boilerpy3(page: Page) -> str:
    """BoilerPy3's ArticleExtractor."""
    extractors: Any = _module("boilerpy3.extractors")
    return str(extractors.ArticleExtractor().get_content(_html_str(page)))


def run_resiliparse(page: Page) -> str:
    """resiliparse's main-content plain text."""
    encoding: Any = _module("resiliparse.parse.encoding")
    html_tree: Any = _module("resiliparse.parse.html")
    html2text: Any = _module("resiliparse.extract.html2text")
    source = _html_input(page)
    if isinstance(source, bytes):
        source = encoding.bytes_to_str(source, encoding.detect_encoding(source))
    tree = html_tree.HTMLTree.parse(source)
    return str(html2text.extract_plain_text(tree, main_content=True))


def run_c4(page: Page) -> str:
    """The C4 line rule over the page text (the naive rendering of an HTML page)."""
    text = _text_of(page) if page.input_kind == "text" else render_text(page.content)
    return "\n".join(c4_lines(text))


def c4_lines(text: str) -> list[str]:
    """The lines of ``text`` that the C4 line rule keeps, stripped, in order.

    A line is kept when, after citation markers (``[1]``, ``[edit]``, ``[citation needed]``)
    are removed and it is stripped, it ends in ``.``, ``?``, ``!`` or ``"`` but not in
    ``...``, has at least 3 whitespace-separated words, does not mention "javascript", and
    contains none of the cookie and policy phrases of C4. C4's page-level rules (dropping a
    whole page for "lorem ipsum", a curly bracket, a bad word or fewer than 5 sentences) are not
    applied: they reject documents, not boilerplate.
    """
    kept = []
    for raw in text.splitlines():
        line = _C4_CITATION.sub("", raw).strip()
        lowered = line.lower()
        if (
            line.endswith(C4_END_MARKS)
            and not line.endswith(C4_ELLIPSIS)
            and len(line.split()) >= C4_MIN_WORDS
            and C4_BANNED_WORD not in lowered
            and not any(p in lowered for p in C4_POLICY_SUBSTRINGS)
        ):
            kept.append(line)
    return kept


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------

EXTRACTORS: Mapping[str, ExtractorSpec] = MappingProxyType(
    {
        spec.name: spec
        for spec in (
            ExtractorSpec("declutter", run_declutter, ("declutter.api",)),
            ExtractorSpec("declutter-precision", run_declutter_precision, ("declutter.api",)),
            ExtractorSpec("declutter-recall", run_declutter_recall, ("declutter.api",)),
            ExtractorSpec("trafilatura", run_trafilatura, ("trafilatura",)),
            ExtractorSpec("readability", run_readability, ("readability", "lxml_html_clean")),
            ExtractorSpec("justext", run_justext, ("justext",)),
            ExtractorSpec("boilerpy3", run_boilerpy3, ("boilerpy3",)),
            ExtractorSpec("resiliparse", run_resiliparse, ("resiliparse",)),
            ExtractorSpec("c4", run_c4, ()),
        )
    }
)

# The peers, in the order reports list them.
PEERS = ("trafilatura", "readability", "justext", "boilerpy3", "resiliparse")


def missing_modules(spec: ExtractorSpec) -> list[str]:
    """The modules an extractor needs that cannot be imported here."""
    missing = []
    for name in spec.requires:
        try:
            found = importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:  # a parent package is missing
            found = False
        if not found:
            missing.append(name)
    return missing


def resolve_extractors(names: Sequence[str]) -> tuple[dict[str, Extractor], dict[str, str]]:
    """The extractors to run, by name, and those skipped with the reason.

    ``all`` stands for declutter, every peer and ``c4``; ``peers`` for every peer. An unknown
    name raises :class:`UnknownExtractor`; an extractor whose modules are not installed is
    skipped.
    """
    expanded: list[str] = []
    for name in names:
        if name == "all":
            expanded += ["declutter", *PEERS, "c4"]
        elif name == "peers":
            expanded += list(PEERS)
        elif name in EXTRACTORS:
            expanded.append(name)
        else:
            allowed = ", ".join([*EXTRACTORS, "peers", "all"])
            raise UnknownExtractor(f"unknown extractor {name!r}; choose from {allowed}")
    chosen: dict[str, Extractor] = {}
    skipped: dict[str, str] = {}
    for name in dict.fromkeys(expanded):
        spec = EXTRACTORS[name]
        missing = missing_modules(spec)
        if missing:
            hint = "" if name.startswith("declutter") else " (pip install 'declutter[compare]')"
            skipped[name] = f"not installed: {', '.join(missing)}{hint}"
        else:
            chosen[name] = spec.function
    return chosen, skipped
