"""The declutter command."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from declutter.cli import main

PAGES = Path(__file__).parent / "pages"
NEWS = PAGES / "news_typical.html"
EXPECTED = (PAGES / "news_typical.expected.txt").read_text(encoding="utf-8")


def test_file_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """declutter page.html prints the main text and exits 0."""
    assert main([str(NEWS)]) == 0
    assert capsys.readouterr().out == EXPECTED


@pytest.mark.parametrize("argv", [[], ["-"]])
def test_stdin(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """declutter < page.html (or declutter - < page.html) reads the page from stdin; "-" was
    taken for a file name ("cannot read: No such file or directory")."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NEWS.read_bytes())))
    assert main(argv) == 0
    assert capsys.readouterr().out == EXPECTED


def test_folder_to_folder(tmp_path: Path) -> None:
    """declutter DIR --out DIR2 writes one output per page, keeping the folder layout."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.html").write_bytes(NEWS.read_bytes())
    (src / "sub" / "b.htm").write_bytes(NEWS.read_bytes())
    (src / "notes.bin").write_bytes(b"\x00\x01")
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out)]) == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == [
        "a.txt",
        "sub/b.txt",
    ]
    assert (out / "sub" / "b.txt").read_text(encoding="utf-8") == EXPECTED


def test_gzipped_pages_in_a_folder(tmp_path: Path) -> None:
    """Pages stored gzip-compressed (page.html.gz) are read like the rest; outputs drop the .gz."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html.gz").write_bytes(gzip.compress(NEWS.read_bytes()))
    (src / "b.HTM.GZ").write_bytes(gzip.compress(NEWS.read_bytes()))
    (src / "archive.tar.gz").write_bytes(gzip.compress(b"not a page"))
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]
    assert (out / "a.txt").read_text(encoding="utf-8") == EXPECTED


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints the whole result as JSON."""
    assert main([str(NEWS), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] + "\n" == EXPECTED


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    """--explain lists every block with its label, score and reason."""
    assert main([str(NEWS), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "# title: Harbour town votes to keep its ferry running through winter" in out
    line = next(
        ln
        for ln in out.splitlines()
        if ln.rstrip().endswith("Read also: Harbour wall repairs to start in April")
    )
    assert "boilerplate" in line and "boilerplate label 'read also'" in line


def test_missing_file_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An unreadable input exits 1 with one line on stderr."""
    assert main([str(tmp_path / "missing.html")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("declutter: ") and "cannot read" in err[0]


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad flag value exits 2."""
    assert main(["--format", "xml", str(NEWS)]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_too_large_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A page the library refuses (over --max-bytes) exits 1 naming the file."""
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 100 + b"</p>")
    assert main([str(big), "--max-bytes", "50"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"declutter: {big}: input is 107 bytes, over the limit of 50")


def test_unknown_codec_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --encoding is a usage error."""
    assert main([str(NEWS), "--encoding", "no-such-codec"]) == 2
    assert "unknown codec" in capsys.readouterr().err


def test_jobs_and_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--jobs 2 --jsonl prints one JSON line per page, in input order, same text as one job."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        (src / f"p{i}.html").write_bytes(NEWS.read_bytes().replace(b"ferry", f"ferry{i}".encode()))
    (src / "p4.html").write_bytes(b"")
    assert main([str(src), "--jobs", "2", "--jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(r["path"]).name for r in lines] == [f"p{i}.html" for i in range(5)]
    assert lines[2]["text"] == EXPECTED.strip().replace("ferry", "ferry2")
    assert lines[4]["text"] == "" and lines[4]["reason"] == "the page has no text"
    assert "blocks" not in lines[0]


def test_jobs_reports_each_bad_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With --jobs, a refused page is reported on stderr and the others still come out."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_bytes(
        b"<article><h1>Short</h1><p>A small page that fits the limit.</p></article>"
    )
    (src / "b.html").write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    assert (
        main([str(src), "--jobs", "2", "--max-bytes", "4000", "--out", str(tmp_path / "out")]) == 1
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].endswith(
        "b.html: input is 5,007 bytes, over the limit of 4,000 (raise Options.max_input_bytes, or pass on_oversize='truncate')"
    )
    assert (tmp_path / "out" / "a.txt").read_text(
        encoding="utf-8"
    ) == "Short\n\nA small page that fits the limit.\n"
    assert not (tmp_path / "out" / "b.txt").exists()


def test_comments_and_no_tables_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--comments keeps reader comments, --no-tables drops data-table rows."""
    from test_api import _ARTICLE_WITH_TABLE_AND_COMMENTS

    page = tmp_path / "page.html"
    page.write_text(_ARTICLE_WITH_TABLE_AND_COMMENTS, encoding="utf-8")
    assert main([str(page)]) == 0
    plain = capsys.readouterr().out
    assert main([str(page), "--comments"]) == 0
    with_comments = capsys.readouterr().out
    assert main([str(page), "--no-tables"]) == 0
    no_tables = capsys.readouterr().out
    comment = (
        "Does anyone know whether the lock gates will stay open during the high tide on Sunday?"
    )
    assert comment not in plain and comment in with_comments
    assert "12 April | 6.1 m" in plain and "12 April | 6.1 m" not in no_tables
    assert with_comments.startswith(plain.rstrip("\n"))
