"""Flat-memory evidence: RSS of ``khabar extract BIG.warc.gz -o /dev/null --format jsonl`` over its run.

Samples the subprocess's ``VmRSS`` (``/proc/PID/status``) every ``--interval`` seconds and reports the
peak and the RSS at 10%, 50% and 90% of the run. Without a WARC argument it first generates one of
``--make-gb`` with ``make_warc.py``. Writes ``bench/out/warc_memory.json``. Linux only.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "warc_memory.json"


def khabar_command() -> list[str]:
    """The ``khabar`` console script beside this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / "khabar"
    found = str(beside) if beside.exists() else shutil.which("khabar")
    if not found:
        raise SystemExit("khabar is not installed: run `pip install -e .` first")
    return [found]


def rss_mib(pid: int) -> float | None:
    """Current resident set size of ``pid`` in MiB, or None once it has exited."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def sample_run(command: list[str], interval: float) -> tuple[list[tuple[float, float]], int, float]:
    """Run ``command``; return (time, RSS MiB) samples, its exit code and its wall time."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        samples = []
        while process.poll() is None:
            rss = rss_mib(process.pid)
            if rss is not None:
                samples.append((time.monotonic() - started, rss))
            time.sleep(interval)
        if process.returncode:
            errors.seek(0)
            sys.stderr.write(errors.read()[-4000:].decode(errors="replace"))
    return samples, process.returncode, time.monotonic() - started


def rss_at(samples: list[tuple[float, float]], fraction: float, total: float) -> float | None:
    """RSS of the last sample taken before ``fraction`` of the run."""
    before = [rss for t, rss in samples if t <= fraction * total]
    return before[-1] if before else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", type=Path, nargs="?")
    parser.add_argument("--make-gb", type=float, default=0.05, help="size of the WARC to generate when none is given")
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    warc = args.warc or HERE / "out" / f"generated-{args.make_gb:g}gb.warc.gz"
    if not warc.exists():
        warc.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "make_warc.py"), "--size-gb", str(args.make_gb), str(warc)],
                       check=True)
    command = [*khabar_command(), "extract", str(warc), "-o", "/dev/null", "--format", "jsonl"]
    samples, code, seconds = sample_run(command, args.interval)
    rss = [r for _, r in samples]
    report = {
        "command": " ".join(command), "warc_bytes": warc.stat().st_size, "exit_code": code,
        "seconds": seconds, "samples": len(samples), "peak_rss_mib": max(rss, default=None),
        "rss_mib_at": {f"{int(f * 100)}%": rss_at(samples, f, seconds) for f in (0.1, 0.5, 0.9)},
        "interval_s": args.interval,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
