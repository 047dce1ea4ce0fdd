"""Extraction speed on one core and peak memory: khabar against trafilatura and resiliparse.

Speed: every system runs in this process, one after another, pinned to CPU 0, over the same pages
(the development corpus when present, plus the bundled samples) repeated to about ``--extractions``
page extractions split into ``--rounds`` rounds; the median round gives pages/s.
Memory: each system runs in a fresh subprocess over the pages once; its ``VmHWM`` is its peak RSS.
Writes ``bench/out/extract.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from khabar.evaluation.anchors import SYSTEM_NAMES, SystemUnavailable, load_system  # noqa: E402
from khabar.evaluation.corpus import load_cases  # noqa: E402
from khabar.evaluation.weight import add_page_weight  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
OUT = REPO / "bench" / "out" / "extract.json"


HELD_OUT = [REPO / "tests" / "heldout", REPO / "tests" / "heldout2"]


def load_pages(corpus: Path, heavy: bool = False) -> list[bytes | str]:
    """HTML of the corpus pages (when the corpus exists) and of every bundled sample; with ``heavy``,
    the held-out pages too, each carrying the scripts, styles, icons and mega-menu real sites serve."""
    folders = [corpus] if (corpus / "gold").is_dir() else []
    folders.append(REPO / "samples")
    if heavy:
        folders.extend(HELD_OUT)
    pages = [case.data for folder in folders for case in load_cases(folder)]
    if heavy:
        pages = [add_page_weight(p.decode("utf-8") if isinstance(p, bytes) else p) for p in pages]
    return pages


def pin_to_one_core() -> bool:
    """Pin this process to CPU 0 where the platform allows it."""
    if not hasattr(os, "sched_setaffinity"):
        return False
    os.sched_setaffinity(0, {0})
    return True


def time_round(run, pages: list, count: int) -> float:
    """Pages per second for ``count`` extractions cycling over ``pages``."""
    started = time.perf_counter()
    for i in range(count):
        run(pages[i % len(pages)], None, "html")
    return count / (time.perf_counter() - started)


def measure_speed(name: str, pages: list, extractions: int, rounds: int) -> dict:
    """Median pages/s of one system over several rounds, after one warm-up pass."""
    system = load_system(name)
    for page in pages:
        system.run(page, None, "html")
    per_round = max(1, extractions // rounds)
    rates = [time_round(system.run, pages, per_round) for _ in range(rounds)]
    return {"pages_per_second": statistics.median(rates), "rounds": rates, "extractions": per_round * rounds}


def memory_child(name: str, corpus: Path, heavy: bool) -> None:
    """Subprocess body: extract every page once and print the peak RSS in MiB as JSON."""
    pages = load_pages(corpus, heavy)
    if name != "baseline":
        system = load_system(name)
        for page in pages:
            system.run(page, None, "html")
    print(json.dumps({"peak_rss_mib": peak_rss_kib() / 1024}))


def peak_rss_kib() -> int:
    """Peak RSS of this process in KiB: ``VmHWM`` (reset by exec) where /proc exists, else
    ``ru_maxrss``, which on Linux can carry the parent's peak over a fork."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure_memory(name: str, corpus: Path, heavy: bool) -> float | None:
    """Peak RSS (MiB) of a fresh interpreter that imports one system and runs it over the pages."""
    command = [sys.executable, __file__, "--memory-child", name, "--corpus", str(corpus)]
    command += ["--heavy"] if heavy else []
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])["peak_rss_mib"]


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def run_bench(args: argparse.Namespace) -> dict:
    pages = load_pages(args.corpus, args.heavy)
    pinned = pin_to_one_core()
    results, notes = {}, []
    for name in args.systems.split(","):
        try:
            results[name] = measure_speed(name, pages, args.extractions, args.rounds)
        except SystemUnavailable as exc:
            notes.append(f"skipped {name}: {exc}")
            continue
        results[name]["peak_rss_mib"] = measure_memory(name, args.corpus, args.heavy)
        print(f"{name:12s} {results[name]['pages_per_second']:9.1f} pages/s   "
              f"peak RSS {results[name]['peak_rss_mib'] or float('nan'):7.1f} MiB", flush=True)
    speed = {n: r["pages_per_second"] for n, r in results.items()}
    return {
        "pages": len(pages), "pinned_to_one_core": pinned, "python": platform.python_version(),
        "machine": platform.machine(), "heavy": args.heavy,
        "baseline_rss_mib": measure_memory("baseline", args.corpus, args.heavy),
        "systems": results, "notes": notes,
        "ratios": {"khabar/trafilatura": ratio(speed.get("khabar"), speed.get("trafilatura")),
                   "khabar/resiliparse": ratio(speed.get("khabar"), speed.get("resiliparse"))},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--systems", default=",".join(SYSTEM_NAMES))
    parser.add_argument("--extractions", type=int, default=2000, help="page extractions per system")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--heavy", action="store_true",
                        help="add the held-out pages and real-site page weight (scripts, styles, menus)")
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.heavy and args.out == OUT:
        args.out = OUT.with_name("extract-heavy.json")
    if args.memory_child:
        memory_child(args.memory_child, args.corpus, args.heavy)
        return 0
    report = run_bench(args)
    for key, value in report["ratios"].items():
        print(f"{key:22s} {value:.2f}x" if value else f"{key:22s} n/a")
    print(f"baseline interpreter RSS {report['baseline_rss_mib'] or float('nan'):.1f} MiB; {report['pages']} distinct pages")
    for note in report["notes"]:
        print(f"note: {note}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
