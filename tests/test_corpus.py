"""The corpus: every page has valid gold and meta, and the corpus covers what it promises."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from declutter.load import decode

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PAGES = sorted(p for p in CORPUS.iterdir() if p.is_dir())
PAGE_TYPES = {"article", "forum", "product", "collection", "listing", "documentation", "service"}
REQUIRED_LANGUAGES = {"en", "de", "fr", "es", "tr", "ru", "zh", "ar"}
META_KEYS = {"page_type", "language", "input", "title", "description", "traps"}


def _meta(folder: Path) -> dict[str, object]:
    data = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _fold(text: str) -> str:
    return " ".join(text.split())


def _squash(text: str) -> str:
    """Letters and digits only, case-folded: markup boundaries and cell separators do not matter."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _visible_text(folder: Path) -> str:
    """All text of the page, folded: element text for HTML (scripts included, since app shells
    carry their article in JSON-LD), the file itself for a text page."""
    if (folder / "page.txt").exists():
        return _fold((folder / "page.txt").read_text(encoding="utf-8"))
    source, _ = decode((folder / "page.html").read_bytes())
    root = lxml_html.document_fromstring(source.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    return _fold(html.unescape("".join(root.itertext())).replace("\\n", " "))


@pytest.mark.parametrize("folder", PAGES, ids=[p.name for p in PAGES])
def test_page_folder_is_complete(folder: Path) -> None:
    """Each page folder has one page file, UTF-8 gold ending in a newline, and a full meta.json."""
    pages = [name for name in ("page.html", "page.txt") if (folder / name).exists()]
    assert len(pages) == 1
    gold = (folder / "gold.txt").read_text(encoding="utf-8")
    assert gold.strip() and gold.endswith("\n") and not gold.endswith("\n\n")
    meta = _meta(folder)
    assert set(meta) == META_KEYS
    assert meta["page_type"] in PAGE_TYPES
    assert meta["input"] == ("html" if pages[0] == "page.html" else "text")
    assert isinstance(meta["language"], str) and re.fullmatch(r"[a-z]{2}", meta["language"])
    assert isinstance(meta["traps"], list) and all(isinstance(t, str) and t for t in meta["traps"])
    assert meta["title"] == gold.splitlines()[0], "the gold starts with the headline"
    assert folder.name.startswith(f"{meta['language']}-")


@pytest.mark.parametrize("folder", PAGES, ids=[p.name for p in PAGES])
def test_gold_lines_occur_in_the_page(folder: Path) -> None:
    """Every line of the gold is text of the page itself (gold is never invented)."""
    page = _squash(_visible_text(folder))
    missing = [line for line in (folder / "gold.txt").read_text(encoding="utf-8").splitlines()
               if line.strip() and _squash(line) not in page]  # fmt: skip
    assert not missing, f"gold lines not in the page: {missing[:3]}"


def test_corpus_coverage() -> None:
    """At least 60 pages, every page type 5 times, the required languages, 10 text pages."""
    metas = [_meta(p) for p in PAGES]
    assert len(metas) >= 60
    types = Counter(str(m["page_type"]) for m in metas)
    assert set(types) == PAGE_TYPES and min(types.values()) >= 5
    assert REQUIRED_LANGUAGES <= {str(m["language"]) for m in metas}
    assert sum(1 for m in metas if m["input"] == "text") >= 10
