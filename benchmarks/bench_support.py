"""What the benchmarks share: the pages they run on, and the pipeline cut into its stages.

Pages come from the project's ``corpus/`` by default, or from any dataset folder that
``declutter.evaluate`` can read (``../shared/datasets/wcxb-dev`` and the like). When that package
is missing, a small reader here takes the corpus layout and the WCXB layout.

The stage chain below mirrors :func:`declutter.api.extract_result`; when the pipeline's calls
change, this is the one place the benchmarks need to follow.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from declutter.deadline import Deadline
from declutter.features import measure
from declutter.load import load
from declutter.metadata import read_metadata
from declutter.options import Options
from declutter.render import to_text
from declutter.scoring import score
from declutter.segment import segment
from declutter.select import select

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
DATASETS = REPO.parent / "shared" / "datasets"

PAGES_ENV = "DECLUTTER_BENCH_PAGES"
"""Environment variable naming a dataset folder to benchmark on instead of ``corpus/``."""
LIMIT_ENV = "DECLUTTER_BENCH_LIMIT"
"""Environment variable capping the number of pages taken from that folder."""

DEFAULT_DATASET_LIMIT = 100
"""Pages taken from a dataset folder unless a limit is given: enough to spread page sizes and
templates, few enough for a pytest-benchmark run of a few minutes."""

STAGES = ("load", "metadata", "segment", "measure", "score", "select", "render")
"""The pipeline's stages, in the order :func:`declutter.api.extract_result` runs them."""


@dataclass(frozen=True, slots=True)
class BenchPage:
    """One page to run: its bytes (or text) as stored, and what the dataset says about it."""

    id: str
    content: bytes | str
    url: str | None = None
    gold: str | None = None
    language: str | None = None
    page_type: str | None = None

    @property
    def size(self) -> int:
        """Bytes of the page as stored (UTF-8 bytes for a text page)."""
        c = self.content
        return len(c) if isinstance(c, bytes) else len(c.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class BenchRef:
    """A page known by id, read from disk only by :meth:`load`."""

    id: str
    loader: Callable[[], BenchPage]

    def load(self) -> BenchPage:
        """Read the page."""
        return self.loader()


def _from_evaluate(root: Path) -> list[BenchRef] | None:
    """The pages of a dataset folder as ``declutter.evaluate`` reads them, or ``None`` without
    that package."""
    try:
        from declutter.evaluate.datasets import PageRef, detect_format, read_dataset
    except ImportError:
        return None
    fmt = detect_format(root)
    if fmt is None:
        raise ValueError(f"{root}: not a dataset folder declutter.evaluate can read")

    def loader(ref: PageRef) -> Callable[[], BenchPage]:
        def load() -> BenchPage:
            p = ref.load()
            return BenchPage(p.id, p.content, p.url, p.gold, p.language, p.page_type)

        return load

    return [BenchRef(ref.id, loader(ref)) for ref in read_dataset(root, fmt)]


def _wcxb_page(root: Path, file: Path) -> BenchPage:
    page_id = file.name.split(".")[0]
    data = file.read_bytes()
    content = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    truth_file = root / "ground-truth" / f"{page_id}.json"
    url = gold = page_type = None
    if truth_file.is_file():
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        url = truth.get("url")
        gold = (truth.get("ground_truth") or {}).get("main_content") or ""
        page_type = ((truth.get("_internal") or {}).get("page_type") or {}).get("primary")
    return BenchPage(page_id, content, url, gold, None, page_type)


def _corpus_page(folder: Path, file: Path) -> BenchPage:
    gold_file = folder / "gold.txt"
    gold = gold_file.read_text(encoding="utf-8") if gold_file.is_file() else None
    return BenchPage(folder.name, file.read_bytes(), gold=gold)


def _own_reader(root: Path) -> list[BenchRef]:
    """The corpus layout (``<slug>/page.html``) or the WCXB layout (``html/<id>.html.gz``)."""
    if (root / "html").is_dir():
        return [
            BenchRef(file.name.split(".")[0], functools.partial(_wcxb_page, root, file))
            for file in sorted((root / "html").glob("*.html*"))
        ]
    refs = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for name in ("page.html", "page.txt"):
            if (folder / name).is_file():
                page = functools.partial(_corpus_page, folder, folder / name)
                refs.append(BenchRef(folder.name, page))
                break
    return refs


def bench_refs(root: Path) -> list[BenchRef]:
    """Every page of a dataset folder or of the corpus, unread, in a stable order."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root} is not a folder")
    refs = _from_evaluate(root)
    return refs if refs is not None else _own_reader(root)


def read_bench_pages(root: Path, limit: int | None = None) -> list[BenchPage]:
    """The first ``limit`` pages (all when ``None``) of a dataset folder or of the corpus."""
    return [ref.load() for ref in bench_refs(root)[:limit]]


# ------------------------------------------------------------------------------------------
# The pipeline, one stage at a time
# ------------------------------------------------------------------------------------------

StageCall = Callable[[Any], Any]


def stage_calls(options: Options | None = None) -> dict[str, StageCall]:
    """Each stage as a one-argument call on its input from :func:`stage_inputs`."""
    opts = options or Options()
    return {
        "load": lambda page: load(page.content, page.url, opts),
        "metadata": lambda doc: read_metadata(doc.root, doc.url),
        "segment": lambda doc: segment(doc, Deadline(None)),
        "measure": lambda args: measure(*args),
        "score": score,
        "select": lambda blocks: select(blocks, opts.favor, opts.include_title),
        "render": to_text,
    }


def stage_inputs(page: BenchPage, options: Options | None = None) -> dict[str, Any]:
    """What every stage receives for one page, computed once by running the stages before it,
    chained as :func:`declutter.extract_result` chains them."""
    opts = options or Options()
    calls = stage_calls(opts)
    document = calls["load"](page)
    metadata = calls["metadata"](document)
    blocks = calls["segment"](document)
    measured = calls["measure"]((blocks, metadata.title, None))
    scored = calls["score"](measured)
    selection = calls["select"](scored)
    return {
        "load": page,
        "metadata": document,
        "segment": document,
        "measure": (blocks, metadata.title, None),
        "score": measured,
        "select": scored,
        "render": selection.blocks,
    }
