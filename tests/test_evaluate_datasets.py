"""Tests for declutter.evaluate.datasets: the five readers on tiny fixture folders, the split,
and (marked ``datasets``) the real development sets when they are present."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from declutter.evaluate.datasets import (
    DatasetError,
    DatasetWarning,
    PageRef,
    as_text_page,
    detect_format,
    iter_pages,
    read_corpus,
    read_dataset,
    read_readability,
    read_scrapinghub,
    read_trafilatura,
    read_wcxb,
    select_split,
    split_of,
)

ARTICLE = b"<html lang='de-DE'><body><nav>Menu</nav><p>Der Text.</p></body></html>"


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def _write_gz(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data))


# --- corpus -----------------------------------------------------------------------------------


def _corpus(root: Path) -> Path:
    html_page = root / "de-article-news"
    html_page.mkdir(parents=True)
    (html_page / "page.html").write_bytes("<p>Grüße</p>".encode("cp1252"))
    (html_page / "gold.txt").write_text("Grüße\n", encoding="utf-8")
    _write_json(
        html_page / "meta.json",
        {"page_type": "article", "language": "de", "input": "html", "traps": []},
    )
    text_page = root / "en-listing-dump"
    text_page.mkdir()
    (text_page / "page.txt").write_text("Jobs\nJobs\nA job.\n", encoding="utf-8")
    (text_page / "gold.txt").write_text("Jobs\n\nA job.\n", encoding="utf-8")
    _write_json(text_page / "meta.json", {"page_type": "listing", "language": "en-GB"})
    (root / "zz-unfinished").mkdir()
    (root / "README.md").write_text("not a page", encoding="utf-8")
    return root


def test_corpus_reads_html_and_text_pages(tmp_path: Path) -> None:
    """An HTML page keeps its raw bytes; a text page is marked as text; meta fills the record."""
    with pytest.warns(DatasetWarning, match="zz-unfinished"):
        refs = read_corpus(_corpus(tmp_path))
    assert [r.id for r in refs] == ["de-article-news", "en-listing-dump"]
    html_page, text_page = (r.load() for r in refs)
    assert html_page.content == "<p>Grüße</p>".encode("cp1252")
    assert html_page.input_kind == "html"
    assert html_page.gold == "Grüße\n"
    assert (html_page.page_type, html_page.language) == ("article", "de")
    assert text_page.input_kind == "text"
    assert text_page.content == b"Jobs\nJobs\nA job.\n"
    assert (text_page.page_type, text_page.language) == ("listing", "en")
    assert not html_page.snippets_annotated


def test_corpus_folder_missing_is_an_error(tmp_path: Path) -> None:
    """Reading a folder that does not exist raises DatasetError."""
    with pytest.raises(DatasetError):
        read_corpus(tmp_path / "nope")


# --- WCXB -------------------------------------------------------------------------------------


def _wcxb(root: Path) -> Path:
    _write_gz(root / "html" / "0001.html.gz", ARTICLE)
    _write_json(
        root / "ground-truth" / "0001.json",
        {
            "url": "https://example.org/a",
            "_internal": {"page_type": {"primary": "category"}},
            "ground_truth": {
                "main_content": "Der Text.",
                "with": ["Der Text"],
                "without": ["Menu"],
            },
        },
    )
    _write_gz(root / "html" / "0002.html.gz", b"<html><body><p>x</p></body></html>")
    _write_json(
        root / "ground-truth" / "0002.json",
        {"_internal": {}, "ground_truth": {"main_content": None, "with": [], "without": []}},
    )
    _write_json(root / "ground-truth" / "0003.json", {"ground_truth": {}})  # no html: skipped
    _write_json(root / "metadata.json", {"files": {"0002": {"page_type": "forum"}}})
    return root


def test_wcxb_reads_ground_truth_and_gzipped_html(tmp_path: Path) -> None:
    """Gold, snippets, url and decompressed bytes come from the WCXB layout."""
    with pytest.warns(DatasetWarning, match="0003"):
        refs = read_wcxb(_wcxb(tmp_path))
    first = refs[0].load()
    assert first.id == "0001"
    assert first.content == ARTICLE
    assert first.gold == "Der Text."
    assert (first.with_snippets, first.without_snippets) == (("Der Text",), ("Menu",))
    assert first.url == "https://example.org/a"
    assert first.snippets_annotated


def test_wcxb_page_type_rules(tmp_path: Path) -> None:
    """'category' reads as 'collection'; a missing ground-truth type falls back to metadata."""
    with pytest.warns(DatasetWarning):
        first, second = (r.load() for r in read_wcxb(_wcxb(tmp_path)))
    assert first.page_type == "collection"
    assert second.page_type == "forum"


def test_wcxb_null_main_content_is_empty_gold(tmp_path: Path) -> None:
    """A null main_content is gold '' (the WCXB script scores it against an empty text)."""
    with pytest.warns(DatasetWarning):
        second = read_wcxb(_wcxb(tmp_path))[1].load()
    assert second.gold == ""


def test_wcxb_language_from_html_lang(tmp_path: Path) -> None:
    """Without a language in the dataset, the page's <html lang> primary subtag is used."""
    with pytest.warns(DatasetWarning):
        first, second = (r.load() for r in read_wcxb(_wcxb(tmp_path)))
    assert (first.language, second.language) == ("de", None)


# --- ScrapingHub ------------------------------------------------------------------------------


def test_scrapinghub_reads_article_bodies(tmp_path: Path) -> None:
    """Each ground-truth id pairs its articleBody with html/<id>.html.gz."""
    _write_json(
        tmp_path / "ground-truth.json",
        {"b2": {"articleBody": "Body two.", "url": "https://b"}, "a1": {"url": "https://a"}},
    )
    _write_gz(tmp_path / "html" / "a1.html.gz", b"<p>one</p>")
    _write_gz(tmp_path / "html" / "b2.html.gz", b"<p>two</p>")
    pages = [r.load() for r in read_scrapinghub(tmp_path)]
    assert [p.id for p in pages] == ["a1", "b2"]
    assert [p.gold for p in pages] == ["", "Body two."]
    assert pages[1].content == b"<p>two</p>"
    assert pages[1].url == "https://b"


# --- trafilatura ------------------------------------------------------------------------------


def _trafilatura(root: Path) -> Path:
    _write_json(
        root / "evaldata.json",
        {
            "https://example.de/post": {
                "file": "example.de.post.html",
                "with": ["Der Text"],
                "without": ["Menu"],
                "comments": ["Toller Beitrag", ""],
                "region": "DE",
            },
            "https://example.ch/plain": {
                "file": "example.ch.plain.html",
                "with": ["a"],
                "without": [],
            },
            "https://example.at/gone": {"file": "gone.html", "with": [], "without": []},
        },
    )
    _write_gz(root / "html" / "example.de.post.html.gz", ARTICLE)
    (root / "html" / "example.ch.plain.html").write_bytes(b"<p>a</p>")  # not gzipped
    return root


def test_trafilatura_reads_snippets_and_comments(tmp_path: Path) -> None:
    """Snippets and non-empty comment snippets are kept; there is no gold text."""
    with pytest.warns(DatasetWarning, match="gone.html"):
        refs = read_trafilatura(_trafilatura(tmp_path))
    assert [r.id for r in refs] == ["example.ch.plain", "example.de.post"]
    plain, post = (r.load() for r in refs)
    assert post.url == "https://example.de/post"
    assert post.gold is None
    assert post.with_snippets == ("Der Text",)
    assert post.without_snippets == ("Menu",)
    assert post.comment_snippets == ("Toller Beitrag",)
    assert post.content == ARTICLE
    assert plain.content == b"<p>a</p>"
    assert plain.snippets_annotated


def test_trafilatura_record_without_file_is_an_error(tmp_path: Path) -> None:
    """A record without a file name is a malformed dataset."""
    _write_json(tmp_path / "evaldata.json", {"https://x": {"with": []}})
    with pytest.raises(DatasetError, match="file"):
        read_trafilatura(tmp_path)


# --- readability ------------------------------------------------------------------------------


def test_readability_gold_is_expected_html_rendered(tmp_path: Path) -> None:
    """The gold is the text of expected.html; the language comes from its metadata."""
    case = tmp_path / "001"
    case.mkdir()
    (case / "source.html").write_bytes(b"<html><body><div>nav</div><h1>T</h1><p>P.</p></body>")
    (case / "expected.html").write_text(
        '<div id="readability-page-1" class="page"><h1>T</h1><p>P.</p></div>', encoding="utf-8"
    )
    _write_json(case / "expected-metadata.json", {"title": "T", "lang": "en-US"})
    (tmp_path / "LICENSE.md").write_text("x", encoding="utf-8")
    (page,) = iter_pages(tmp_path, "readability")
    assert page.id == "001"
    assert page.gold == "T\n\nP."
    assert page.language == "en"
    assert isinstance(page.content, bytes)
    assert page.content.startswith(b"<html>")


def test_readability_incomplete_case_is_skipped(tmp_path: Path) -> None:
    """A case folder without expected.html is skipped with a warning."""
    (tmp_path / "002").mkdir()
    (tmp_path / "002" / "source.html").write_bytes(b"<p>x</p>")
    with pytest.warns(DatasetWarning, match="002"):
        assert read_readability(tmp_path) == []


# --- format detection, splits, text rendering -------------------------------------------------


def test_detect_format_recognises_each_layout(tmp_path: Path) -> None:
    """Each fixture layout is recognised; an empty folder is not."""
    assert detect_format(_corpus(tmp_path / "c")) == "corpus"
    assert detect_format(_wcxb(tmp_path / "w")) == "wcxb"
    assert detect_format(_trafilatura(tmp_path / "t")) == "trafilatura"
    _write_json(tmp_path / "s" / "ground-truth.json", {})
    assert detect_format(tmp_path / "s") == "scrapinghub"
    (tmp_path / "r" / "case").mkdir(parents=True)
    (tmp_path / "r" / "case" / "source.html").write_bytes(b"")
    (tmp_path / "r" / "case" / "expected.html").write_bytes(b"")
    assert detect_format(tmp_path / "r") == "readability"
    (tmp_path / "empty").mkdir()
    assert detect_format(tmp_path / "empty") is None


def test_read_dataset_rejects_unknown_format(tmp_path: Path) -> None:
    """An unknown format name is a ValueError naming the allowed ones."""
    with pytest.raises(ValueError, match="wcxb"):
        read_dataset(tmp_path, "warc")


def test_split_is_a_stable_hash_of_the_id() -> None:
    """The split of an id never changes (pinned examples) and is about a fifth holdout."""
    assert [split_of(i) for i in ("0001", "0002", "0003", "0006", "aclu")] == [
        "dev",
        "dev",
        "holdout",
        "holdout",
        "dev",
    ]
    ids = [f"{i:04d}" for i in range(10000)]
    share = sum(split_of(i) == "holdout" for i in ids) / len(ids)
    assert 0.17 < share < 0.21


def test_select_split_partitions_the_pages() -> None:
    """Dev and holdout are disjoint, cover every page and keep the order."""
    refs = [PageRef(f"{i:04d}", lambda: pytest.fail("not loaded")) for i in range(50)]
    dev, holdout = select_split(refs, "dev"), select_split(refs, "holdout")
    assert {r.id for r in dev} | {r.id for r in holdout} == {r.id for r in refs}
    assert not {r.id for r in dev} & {r.id for r in holdout}
    assert [r.id for r in dev] == sorted(r.id for r in dev)
    assert select_split(refs, "all") == refs


def test_as_text_page_renders_html_and_keeps_gold(tmp_path: Path) -> None:
    """An HTML page becomes its naive text rendering with the same gold and snippets."""
    with pytest.warns(DatasetWarning):
        page = read_wcxb(_wcxb(tmp_path))[0].load()
    text_page = as_text_page(page)
    assert text_page.input_kind == "text"
    assert text_page.content == "Menu\n\nDer Text."
    assert (text_page.gold, text_page.with_snippets) == (page.gold, page.with_snippets)
    assert as_text_page(text_page) is text_page


# --- the real development sets (skipped when absent) ------------------------------------------


def _datasets_root() -> Path:
    override = os.environ.get("DECLUTTER_DATASETS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


def _real(name: str) -> Path:
    folder = _datasets_root() / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is not present")
    return folder


@pytest.mark.datasets
def test_real_wcxb_dev() -> None:
    """wcxb-dev has 1,497 pages of seven page types, each with gold text (maybe empty)."""
    folder = _real("wcxb-dev")
    refs = read_wcxb(folder)
    assert len(refs) == 1497
    assert detect_format(folder) == "wcxb"
    sample = [refs[i].load() for i in range(0, len(refs), 50)]
    assert all(p.gold is not None and p.content for p in sample)
    types = {p.page_type for p in sample}
    assert types <= {
        "article", "forum", "product", "collection", "listing", "documentation", "service"
    }  # fmt: skip
    assert len(types) >= 5


@pytest.mark.datasets
def test_real_trafilatura_eval_dev() -> None:
    """trafilatura-eval-dev has 482 pages, each with snippets and readable html."""
    folder = _real("trafilatura-eval-dev")
    pages = list(iter_pages(folder, "trafilatura"))
    assert len(pages) == 482
    assert all(p.with_snippets and p.gold is None and p.content for p in pages)
    assert any(p.comment_snippets for p in pages)


@pytest.mark.datasets
def test_real_readability_test_pages() -> None:
    """readability-test-pages has 130 cases whose expected text is not empty."""
    folder = _real("readability-test-pages")
    pages = list(iter_pages(folder, "readability"))
    assert len(pages) == 130
    assert all(p.gold for p in pages)
