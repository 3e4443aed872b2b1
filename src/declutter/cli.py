"""The ``declutter`` command.

    declutter page.html                 main text of one page to stdout
    declutter < page.html               the same, from stdin
    declutter DIR --out DIR2            every page in DIR, one output file each
    declutter DIR --jobs 2 --jsonl      every page in DIR, two at once, one JSON line each
    declutter page.html --explain       every block with its label, score and reason
    declutter evaluate PATH ...         score extractors on a benchmark (see its --help)

Exit status: 0 on success, 1 when an input cannot be read or extracted, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .api import Result, extract_result
from .batch import extract_many_results
from .errors import DeclutterError
from .options import Options

__all__ = ["main"]

PROGRESS_MIN_FILES = 20
"""Runs over fewer files show no progress bar."""

_PAGE_SUFFIXES: tuple[str, ...] = (
    ".html",
    ".htm",
    ".xhtml",
    ".txt",
    ".shtml",
    ".php",
    ".asp",
    ".aspx",
)
_PAGE_SUFFIXES += tuple(suffix + ".gz" for suffix in _PAGE_SUFFIXES)  # extract() gunzips them


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="declutter",
        description="Remove boilerplate from web pages: print the main content.",
        epilog="'declutter evaluate --help' describes the evaluation command.",
    )
    p.add_argument(
        "inputs", nargs="*", help="HTML or text files, or folders of them; none (or -) reads stdin"
    )
    p.add_argument("--out", metavar="DIR", help="write one output file per input into DIR")
    p.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="output format"
    )
    p.add_argument(
        "--explain", action="store_true", help="list every block with label, score and reason"
    )
    p.add_argument("--favor", choices=("precision", "balanced", "recall"), default="balanced")
    p.add_argument("--input-format", choices=("auto", "html", "text"), default="auto")
    p.add_argument("--url", help="the page's URL (for metadata; nothing is fetched)")
    p.add_argument("--no-title", action="store_true", help="leave the headline out of the output")
    p.add_argument("--comments", action="store_true", help="keep reader comments under articles")
    p.add_argument("--no-tables", action="store_true", help="leave the rows of data tables out")
    p.add_argument("--encoding", help="decode input bytes with this codec instead of detecting it")
    p.add_argument("--max-bytes", type=int, metavar="N", help="refuse pages larger than N bytes")
    p.add_argument(
        "--time-budget", type=float, metavar="SECONDS", help="give up on a page after this long"
    )
    p.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="extract N pages at once (0: one per CPU)"
    )
    p.add_argument(
        "--jsonl", action="store_true", help="one JSON object per page on stdout (path and result)"
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar on long runs")
    p.add_argument("--version", action="version", version=f"declutter {_version()}")
    return p


def _version() -> str:
    import declutter

    return str(declutter.__version__)


def _progress(items: Iterator[Result], total: int, enabled: bool) -> Iterator[Result]:
    """Results with a progress bar on stderr for long runs (tqdm, when it is installed)."""
    if not enabled or total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return items
    try:
        from tqdm import tqdm
    except ImportError:
        return items
    return iter(tqdm(items, total=total, unit="page", file=sys.stderr))


def _files(inputs: list[str]) -> Iterator[tuple[Path, Path]]:
    """(file, path relative to the input it came from) for every page named or found in a folder."""
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            for root, _, files in sorted(os.walk(path)):
                for file in sorted(files):
                    if file.lower().endswith(_PAGE_SUFFIXES):
                        full = Path(root) / file
                        yield full, full.relative_to(path)
        else:
            yield path, Path(path.name)


def explain(result: Result) -> str:
    """A table of every block: label, score, kind, reason and the start of its text."""
    lines = [
        f"# title: {result.title}",
        f"# input: {result.input_format}, encoding {result.encoding}, method {result.method}",
    ]
    if result.reason:
        lines.append(f"# empty: {result.reason}")
    lines.append(f"{'#':>4}  {'label':<11} {'score':>7}  {'kind':<9} {'reason':<48} text")
    for b in result.blocks:
        text = b.text.replace("\n", " ")
        if len(text) > 70:
            text = text[:69] + "…"
        lines.append(
            f"{b.index:>4}  {b.label.value:<11} {b.score:>7.2f}  {b.kind.value:<9} {b.reason[:48]:<48} {text}"
        )
    return "\n".join(lines)


def _render(result: Result, args: argparse.Namespace) -> str:
    if args.explain:
        return explain(result)
    return result.render(args.format)


def main(argv: list[str] | None = None) -> int:
    """Run the command; return its exit status."""
    try:
        return _main(argv)
    except BrokenPipeError:  # the reader went away (declutter ... | head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "evaluate":
        from .evaluate.cli import main as evaluate_main

        return evaluate_main(argv[1:])
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        options = Options(
            output_format=args.format,
            favor=args.favor,
            input_format=args.input_format,
            include_title=not args.no_title,
            include_comments=args.comments,
            include_tables=not args.no_tables,
            encoding=args.encoding,
            time_budget=args.time_budget,
            **({"max_input_bytes": args.max_bytes} if args.max_bytes is not None else {}),
        )
    except (ValueError, TypeError) as error:
        print(f"declutter: {error}", file=sys.stderr)
        return 2
    if not args.inputs or args.inputs == ["-"]:  # "-": stdin, as most commands read it
        if args.out:
            print("declutter: --out needs input files or folders", file=sys.stderr)
            return 2
        data = sys.stdin.buffer.read()
        try:
            result = extract_result(data, url=args.url, options=options)
        except DeclutterError as error:
            print(f"declutter: <stdin>: {error}", file=sys.stderr)
            return 1
        _write(sys.stdout, _render(result, args))
        return 0
    if args.jobs < 0:
        print("declutter: --jobs must be 0 (one per CPU) or more", file=sys.stderr)
        return 2
    status = 0
    files = list(_files(args.inputs))
    unreadable: dict[int, str] = {}

    def contents() -> Iterator[bytes]:
        for i, (path, _) in enumerate(files):
            try:
                yield path.read_bytes()
            except OSError as error:
                unreadable[i] = f"cannot read: {error.strerror or error}"
                yield b""

    results = extract_many_results(contents(), jobs=args.jobs, options=options, errors="empty")
    for i, result in enumerate(_progress(results, len(files), not args.no_progress)):
        path, relative = files[i]
        problem = unreadable.get(i)
        if problem is None and result.reason.startswith("not extracted:"):
            problem = result.reason.removeprefix("not extracted: ").split(": ", 1)[-1]
        if problem:
            print(f"declutter: {path}: {problem}", file=sys.stderr)
            status = 1
            continue
        if args.jsonl:
            record = {"path": str(path), **result.as_dict()}
            if not args.explain and args.format != "json":
                record.pop("blocks")
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        output = _render(result, args)
        if args.out:
            suffix = {"text": ".txt", "markdown": ".md", "json": ".json"}[args.format]
            if relative.suffix.lower() == ".gz":
                relative = relative.with_suffix("")
            target = Path(args.out) / relative.with_suffix(
                ".explain.txt" if args.explain else suffix
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(output + "\n", encoding="utf-8")
        else:
            if len(files) > 1:
                sys.stdout.write(f"==> {path} <==\n")
            _write(sys.stdout, output)
    sys.stdout.flush()
    return status


def _write(stream: TextIO, text: str) -> None:
    stream.write(text)
    if text and not text.endswith("\n"):
        stream.write("\n")
    stream.flush()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
