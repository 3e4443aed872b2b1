"""Build declutter compiled by mypyc (setup.py) and check it against the sources.

    python scripts/check_compiled.py [DATASETS] [--step 8] [--skip-tests] [--timing 100]

Needs mypy, types-lxml and types-regex in the running environment (``pip install -e
'.[typecheck]'``): the wheel is built without build isolation. In a temporary folder:

1. builds the wheel with ``DECLUTTER_USE_MYPYC=1`` and installs it there (``pip --target``);
2. runs the test suite against it (pytest's header says which build it imported);
3. extracts every ``--step``-th page of wcxb-dev, and every page of trafilatura-eval-dev,
   readability-test-pages and corpus/, as JSON and as markdown, once with the compiled build
   and once with the sources, each in its own process, and compares the outputs byte for byte;
4. with ``--timing N``: times N wcxb-dev pages in one process, page by page in turn, with the
   compiled build, the sources (imported as a copy named ``declutter_pure``), lxml's parse and
   trafilatura when it is installed; prints median ms and the medians of per-page ratios.

DATASETS defaults to ../shared/datasets beside the project. Exits 1 if a test fails or an
output differs.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_DATASETS = PROJECT.parent / "shared" / "datasets"


def sample(datasets: Path, step: int) -> list[Path]:
    """The pages compared: every step-th of wcxb-dev, all of the other sets."""
    wcxb = sorted((datasets / "wcxb-dev" / "html").glob("*.html.gz"))[::step]
    trafilatura = sorted((datasets / "trafilatura-eval-dev" / "html").glob("*.gz"))
    readability = sorted((datasets / "readability-test-pages").glob("*/source.html"))
    corpus = sorted(p for p in (PROJECT / "corpus").rglob("*") if p.suffix in (".html", ".txt"))
    return wcxb + trafilatura + readability + corpus


def read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def digests(paths: list[Path]) -> None:
    """Worker: one line per page and format, the SHA-256 of the output of the declutter that
    this process imports."""
    import declutter.segment
    from declutter import extract

    print(f"# {declutter.segment.__file__}", flush=True)
    for path in paths:
        page = read(path)
        for fmt in ("json", "markdown"):
            output = extract(page, output_format=fmt).encode("utf-8", "surrogatepass")
            print(f"{hashlib.sha256(output).hexdigest()} {fmt} {path}", flush=True)


def _run(command: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, text=True, capture_output=True, check=False)


def build(target: Path) -> None:
    wheels = target / "wheel"
    env = dict(os.environ, DECLUTTER_USE_MYPYC="1")
    pip = [sys.executable, "-m", "pip"]
    done = _run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(PROJECT)], env
    )
    if done.returncode:
        sys.exit(f"building the compiled wheel failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    (wheel,) = wheels.glob("*.whl")
    done = _run([*pip, "install", "--no-deps", "--target", str(target / "site"), str(wheel)])
    if done.returncode:
        sys.exit(f"installing {wheel.name} failed:\n{done.stderr[-3000:]}")
    print(f"built {wheel.name}")


def compare(site: Path, paths: list[Path]) -> int:
    """Outputs that differ between the compiled build at ``site`` and the sources."""
    outputs = []
    for path_entry in (site, PROJECT / "src"):
        env = dict(os.environ, PYTHONPATH=str(path_entry))
        listing = site.parent / "pages.txt"
        listing.write_text("\n".join(map(str, paths)), encoding="utf-8")
        done = _run([sys.executable, __file__, "--digests", str(listing)], env)
        if done.returncode:
            sys.exit(f"extraction failed with {path_entry}:\n{done.stderr[-3000:]}")
        lines = done.stdout.splitlines()
        print(f"imported {lines[0][2:]}")
        outputs.append(lines[1:])
    compiled, pure = outputs
    differing = [c.split(" ", 1)[1] for c, p in zip(compiled, pure, strict=True) if c != p]
    for line in differing[:20]:
        print(f"differs: {line}")
    print(f"{len(paths)} pages, {len(compiled)} outputs compared, {len(differing)} differ")
    return len(differing)


def timing(site: Path, datasets: Path, count: int) -> None:
    """Run in a fresh process: time both builds, lxml and trafilatura page by page."""
    pure = site.parent / "pure"
    shutil.copytree(PROJECT / "src" / "declutter", pure / "declutter_pure")  # relative imports only
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), str(pure)]))
    command = [sys.executable, __file__, "--timing-worker", str(count), str(datasets)]
    subprocess.run(command, env=env, check=True)


def timing_worker(count: int, datasets: Path) -> None:
    import gc
    import statistics
    import time

    import declutter_pure  # type: ignore[import-not-found]
    import lxml.html

    import declutter
    import declutter.segment

    assert not declutter.segment.__file__.endswith(".py"), "the compiled build was not imported"
    runs = {
        "compiled": declutter.extract,
        "pure": declutter_pure.extract,
        "lxml-parse": lxml.html.document_fromstring,
    }
    try:
        import trafilatura

        runs["trafilatura"] = trafilatura.extract
    except ImportError:
        pass
    paths = sorted((datasets / "wcxb-dev" / "html").glob("*.html.gz"))
    pages = [read(p) for p in paths[:: max(1, len(paths) // count)][:count]]
    for run in runs.values():
        run(pages[0])
    ms: dict[str, list[float]] = {name: [] for name in runs}
    gc.disable()
    for page in pages:
        for name, run in runs.items():
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                run(page)
                best = min(best, time.perf_counter() - start)
            ms[name].append(best * 1000)
        gc.collect()
    print(f"{len(pages)} wcxb-dev pages, best of 3 per page, each extractor in turn")
    for name, values in ms.items():
        ratios = "  ".join(
            f"/{other} {statistics.median(a / b for a, b in zip(values, ms[other])):.3f}"
            for other in ms
            if other != name
        )
        print(f"{name:12} median {statistics.median(values):7.2f} ms  {ratios}")


def main() -> None:
    if sys.argv[1:2] == ["--digests"]:
        digests([Path(p) for p in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()])
        return
    if sys.argv[1:2] == ["--timing-worker"]:
        timing_worker(int(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="?", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--step", type=int, default=8, help="every step-th wcxb-dev page")
    parser.add_argument("--skip-tests", action="store_true")
    parser.add_argument("--timing", type=int, default=0, metavar="N")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory(prefix="declutter-mypyc-") as tmp:
        site = Path(tmp) / "site"
        build(Path(tmp))
        if not args.skip_tests:
            env = dict(os.environ, PYTHONPATH=str(site))
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-q"], cwd=PROJECT, env=env, check=False
            )
            failed |= done.returncode != 0
        failed |= compare(site, sample(args.datasets, args.step)) > 0
        if args.timing:
            timing(site, args.datasets, args.timing)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
