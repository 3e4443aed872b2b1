"""Readers for the evaluation datasets: the project's corpus and four public benchmark formats.

Each reader takes the dataset folder and returns its pages as :class:`PageRef` entries, in a
stable order (sorted by id), without reading any page yet: ids are known up front (for the
dev/holdout split and ``--limit``) and a page's bytes are read only when it is loaded.
A loaded page is a :class:`Page`, one frozen record whatever the format.

Formats (see ``../shared/datasets/README.md`` and ``corpus/README.md``):

``corpus``
    ``<slug>/page.html`` or ``<slug>/page.txt``, ``<slug>/gold.txt``, ``<slug>/meta.json``
    (``page_type``, ``language``, ``input``). Folders still missing a file are skipped with a
    :class:`DatasetWarning`.
``wcxb``
    ``html/<id>.html.gz``, ``ground-truth/<id>.json``, optional ``metadata.json``. The page type
    is the ground truth's ``_internal.page_type.primary``, else the ``metadata.json`` ``files``
    entry, else ``article``, with ``category`` read as ``collection`` (as the WCXB script does).
    A null ``main_content`` is gold ``""``, because the WCXB script scores such pages against an
    empty reference.
``scrapinghub``
    ``ground-truth.json`` (id to ``articleBody`` and ``url``), ``html/<id>.html.gz``.
``trafilatura``
    ``evaldata.json`` (URL to ``file``, ``with``, ``without`` and, on some records,
    ``comments``), ``html/<file>.gz``. The id is the file name without ``.html``; there is no
    gold text. ``comments`` snippets are kept on the record but not scored, as in trafilatura's
    evaluation, which extracts without comments.
``readability``
    ``<case>/source.html``, ``<case>/expected.html`` (its rendered text is the gold, see
    :func:`~declutter.evaluate.render_text.render_text`), ``<case>/expected-metadata.json``.

Where a dataset gives no language, it is the page's declared one (``<html lang>`` or a
``content-language`` meta tag), reduced to its primary subtag, or ``None``.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import re
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, cast

from .render_text import render_text

__all__ = [
    "FORMATS",
    "DatasetError",
    "DatasetWarning",
    "InputKind",
    "Page",
    "PageRef",
    "Split",
    "as_text_page",
    "detect_format",
    "iter_pages",
    "read_corpus",
    "read_dataset",
    "read_readability",
    "read_scrapinghub",
    "read_trafilatura",
    "read_wcxb",
    "select_split",
    "split_of",
]

InputKind = Literal["html", "text"]
Split = Literal["dev", "holdout", "all"]

# Pages whose id hashes (SHA-1, last hex digit) below this value form the holdout slice:
# 3 of 16 digits, about 19 % of every dataset, the same pages on every run and machine.
HOLDOUT_DIGITS = 3

# How much of a page to search for its declared language.
_LANG_SNIFF_BYTES = 65536
_HTML_LANG = re.compile(
    rb"<html\b[^>]*?\b(?:xml:)?lang\s*=\s*[\"']?\s*([A-Za-z]{2,3})\b", re.IGNORECASE
)
_META_LANG = re.compile(
    rb"<meta\b[^>]*?http-equiv\s*=\s*[\"']?content-language[\"']?[^>]*?content\s*=\s*"
    rb"[\"']?\s*([A-Za-z]{2,3})\b",
    re.IGNORECASE,
)
_GZIP_MAGIC = b"\x1f\x8b"


class DatasetError(ValueError):
    """A dataset folder that does not have the layout of the format it was read as."""


class DatasetWarning(UserWarning):
    """A page left out of a dataset because a file of it is missing or unreadable."""


@dataclass(frozen=True, slots=True)
class Page:
    """One evaluation page, whatever the dataset format.

    ``content`` is what the extractor receives: raw bytes as stored (never decoded here, so each
    extractor decodes as it would in real use), or ``str`` for a page rendered to text.
    ``gold`` is the full main text, or ``None`` where the dataset has none (trafilatura's).
    ``snippets_annotated`` says the dataset annotates ``with``/``without`` snippets on every
    page, so that snippet metrics count pages whose lists happen to be empty.
    """

    id: str
    content: bytes | str
    input_kind: InputKind
    url: str | None = None
    gold: str | None = None
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    comment_snippets: tuple[str, ...] = ()
    snippets_annotated: bool = False
    page_type: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class PageRef:
    """A page known by id, read from disk only by :meth:`load`."""

    id: str
    loader: Callable[[], Page]

    def load(self) -> Page:
        """Read the page."""
        return self.loader()


Reader = Callable[[Path], list[PageRef]]


# --------------------------------------------------------------------------------------------
# Splits and conversions
# --------------------------------------------------------------------------------------------


def split_of(page_id: str) -> Literal["dev", "holdout"]:
    """``holdout`` for the ~19 % of ids whose SHA-1 ends in a hex digit below 3, else ``dev``."""
    digit = int(hashlib.sha1(page_id.encode("utf-8")).hexdigest()[-1], 16)
    return "holdout" if digit < HOLDOUT_DIGITS else "dev"


def select_split(refs: Sequence[PageRef], split: Split) -> list[PageRef]:
    """The pages of one split, in their order; ``all`` keeps every page."""
    if split == "all":
        return list(refs)
    if split not in ("dev", "holdout"):
        raise ValueError(f"split must be dev, holdout or all, got {split!r}")
    return [r for r in refs if split_of(r.id) == split]


def as_text_page(page: Page) -> Page:
    """The page as a naive scraper's text rendering (issue 4), with the same gold; pages that
    are text already are returned unchanged."""
    if page.input_kind == "text":
        return page
    return replace(page, content=render_text(page.content), input_kind="text")


# --------------------------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------------------------


def read_corpus(root: Path) -> list[PageRef]:
    """The project's own corpus: one folder per page (see the module docstring)."""
    root = Path(root)
    _require_dir(root)
    refs = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        has_page = (folder / "page.html").is_file() or (folder / "page.txt").is_file()
        if not (has_page and (folder / "gold.txt").is_file() and (folder / "meta.json").is_file()):
            warnings.warn(
                f"corpus page {folder.name} skipped: it needs page.html or page.txt, gold.txt "
                "and meta.json",
                DatasetWarning,
                stacklevel=2,
            )
            continue
        refs.append(PageRef(folder.name, functools.partial(_load_corpus_page, folder)))
    return refs


def _load_corpus_page(folder: Path) -> Page:
    meta = _read_json(folder / "meta.json")
    html_file, text_file = folder / "page.html", folder / "page.txt"
    declared = meta.get("input")
    if declared == "text" or (declared is None and not html_file.is_file()):
        kind: InputKind = "text"
        content = text_file.read_bytes()
    else:
        kind = "html"
        content = html_file.read_bytes()
    return Page(
        id=folder.name,
        content=content,
        input_kind=kind,
        url=_opt_str(meta.get("url")),
        gold=(folder / "gold.txt").read_text(encoding="utf-8"),
        page_type=_opt_str(meta.get("page_type")),
        language=_primary_subtag(_opt_str(meta.get("language"))),
    )


def read_wcxb(root: Path) -> list[PageRef]:
    """A WCXB split folder: ``html/``, ``ground-truth/`` and ``metadata.json``."""
    root = Path(root)
    _require_dir(root / "ground-truth")
    _require_dir(root / "html")
    files: Mapping[str, Any] = {}
    if (root / "metadata.json").is_file():
        files = _read_json(root / "metadata.json").get("files") or {}
    refs = []
    for gt_file in sorted((root / "ground-truth").glob("*.json")):
        page_id = gt_file.stem
        html_file = root / "html" / f"{page_id}.html.gz"
        if not html_file.is_file():
            html_file = root / "html" / f"{page_id}.html"
        if not html_file.is_file():
            warnings.warn(f"wcxb page {page_id} skipped: no html file", DatasetWarning, 2)
            continue
        entry = files.get(page_id)
        meta_type = _opt_str(entry.get("page_type")) if isinstance(entry, dict) else None
        refs.append(
            PageRef(page_id, functools.partial(_load_wcxb_page, gt_file, html_file, meta_type))
        )
    return refs


def _load_wcxb_page(gt_file: Path, html_file: Path, meta_type: str | None) -> Page:
    data = _read_json(gt_file)
    truth = data.get("ground_truth")
    gt: Mapping[str, Any] = truth if isinstance(truth, dict) else {}
    content = _read_maybe_gzip(html_file)
    return Page(
        id=gt_file.stem,
        content=content,
        input_kind="html",
        url=_opt_str(data.get("url")) or _opt_str(gt.get("url")),
        gold=_opt_str(gt.get("main_content")) or "",
        with_snippets=_str_tuple(gt.get("with")),
        without_snippets=_str_tuple(gt.get("without")),
        snippets_annotated=True,
        page_type=_wcxb_page_type(data, meta_type),
        language=sniff_language(content),
    )


def _wcxb_page_type(data: Mapping[str, Any], meta_type: str | None) -> str:
    internal = data.get("_internal")
    found = internal.get("page_type") if isinstance(internal, dict) else None
    if isinstance(found, dict):
        found = found.get("primary")
    page_type = _opt_str(found) or meta_type or "article"
    return "collection" if page_type == "category" else page_type


def read_scrapinghub(root: Path) -> list[PageRef]:
    """The ScrapingHub article-extraction benchmark: ``ground-truth.json`` and ``html/``."""
    root = Path(root)
    truth = _read_json(root / "ground-truth.json")
    refs = []
    for page_id in sorted(truth):
        html_file = root / "html" / f"{page_id}.html.gz"
        if not html_file.is_file():
            warnings.warn(f"scrapinghub page {page_id} skipped: no html", DatasetWarning, 2)
            continue
        entry = truth[page_id] if isinstance(truth[page_id], dict) else {}
        refs.append(
            PageRef(page_id, functools.partial(_load_scrapinghub_page, page_id, entry, html_file))
        )
    return refs


def _load_scrapinghub_page(page_id: str, entry: Mapping[str, Any], html_file: Path) -> Page:
    content = _read_maybe_gzip(html_file)
    return Page(
        id=page_id,
        content=content,
        input_kind="html",
        url=_opt_str(entry.get("url")),
        gold=_opt_str(entry.get("articleBody")) or "",
        page_type="article",
        language=sniff_language(content),
    )


def read_trafilatura(root: Path) -> list[PageRef]:
    """trafilatura's evaluation set: ``evaldata.json`` and ``html/<file>.gz``."""
    root = Path(root)
    evaldata = _read_json(root / "evaldata.json")
    refs = []
    for url, entry in evaldata.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise DatasetError(f"evaldata.json: record {url!r} has no file name")
        name = entry["file"]
        candidates = [root / "html" / f"{name}.gz", root / "html" / name]
        html_file = next((c for c in candidates if c.is_file()), None)
        if html_file is None:
            warnings.warn(f"trafilatura page {name} skipped: no html", DatasetWarning, 2)
            continue
        page_id = name.removesuffix(".gz").removesuffix(".html")
        refs.append(
            PageRef(
                page_id, functools.partial(_load_trafilatura_page, page_id, url, entry, html_file)
            )
        )
    return sorted(refs, key=lambda r: r.id)


def _load_trafilatura_page(
    page_id: str, url: str, entry: Mapping[str, Any], html_file: Path
) -> Page:
    content = _read_maybe_gzip(html_file)
    return Page(
        id=page_id,
        content=content,
        input_kind="html",
        url=url,
        gold=None,
        with_snippets=_str_tuple(entry.get("with")),
        without_snippets=_str_tuple(entry.get("without")),
        comment_snippets=_str_tuple(entry.get("comments"), drop_empty=True),
        snippets_annotated=True,
        language=sniff_language(content),
    )


def read_readability(root: Path) -> list[PageRef]:
    """Mozilla Readability's test pages: ``<case>/source.html`` and ``<case>/expected.html``."""
    root = Path(root)
    _require_dir(root)
    refs = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if not ((folder / "source.html").is_file() and (folder / "expected.html").is_file()):
            warnings.warn(
                f"readability case {folder.name} skipped: needs source.html and expected.html",
                DatasetWarning,
                stacklevel=2,
            )
            continue
        refs.append(PageRef(folder.name, functools.partial(_load_readability_page, folder)))
    return refs


def _load_readability_page(folder: Path) -> Page:
    content = (folder / "source.html").read_bytes()
    meta_file = folder / "expected-metadata.json"
    meta = _read_json(meta_file) if meta_file.is_file() else {}
    language = _primary_subtag(_opt_str(meta.get("lang"))) or sniff_language(content)
    return Page(
        id=folder.name,
        content=content,
        input_kind="html",
        gold=render_text((folder / "expected.html").read_bytes()),
        page_type="article",
        language=language,
    )


FORMATS: Mapping[str, Reader] = MappingProxyType(
    {
        "corpus": read_corpus,
        "wcxb": read_wcxb,
        "scrapinghub": read_scrapinghub,
        "trafilatura": read_trafilatura,
        "readability": read_readability,
    }
)


def detect_format(root: Path) -> str | None:
    """The format a dataset folder looks like, from its layout, or ``None``."""
    root = Path(root)
    if (root / "evaldata.json").is_file():
        return "trafilatura"
    if (root / "ground-truth.json").is_file():
        return "scrapinghub"
    if (root / "ground-truth").is_dir() and (root / "html").is_dir():
        return "wcxb"
    if not root.is_dir():
        return None
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if (folder / "source.html").is_file() and (folder / "expected.html").is_file():
            return "readability"
        if (folder / "meta.json").is_file() and (folder / "gold.txt").is_file():
            return "corpus"
    return None


def read_dataset(root: Path, fmt: str) -> list[PageRef]:
    """The pages of a dataset folder read as ``fmt`` (one of :data:`FORMATS`)."""
    try:
        reader = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}") from None
    return reader(Path(root))


def iter_pages(root: Path, fmt: str) -> Iterator[Page]:
    """Every page of a dataset, loaded one at a time."""
    for ref in read_dataset(root, fmt):
        yield ref.load()


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def sniff_language(content: bytes) -> str | None:
    """The primary language subtag the page declares in ``<html lang>`` or a
    ``content-language`` meta tag, lowercased, or ``None``."""
    head = content[:_LANG_SNIFF_BYTES]
    match = _HTML_LANG.search(head) or _META_LANG.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _primary_subtag(language: str | None) -> str | None:
    if not language:
        return None
    return re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower() or None


def _read_maybe_gzip(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == _GZIP_MAGIC else data


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise DatasetError(f"{path} is missing")
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict):
        raise DatasetError(f"{path} must hold a JSON object")
    return cast(dict[str, Any], data)


def _require_dir(path: Path) -> None:
    if not path.is_dir():
        raise DatasetError(f"{path} is not a folder")


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _str_tuple(value: object, *, drop_empty: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(v for v in value if isinstance(v, str) and (v or not drop_empty))
