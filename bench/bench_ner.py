"""Hindi NER benchmark: tagging speed on one core and F1 on IL-NER dev and HiNER validation.

    .venv/bin/python bench/bench_ner.py [--model PATH] [--rounds 3] [--cpu 0]

Speed is measured with khabar's decoder (``khabar.analysis.ner.decode``), warm and cold, and, as the
anchor in the same run, with CRFsuite's own tagger over the same model and features.

Data files are read from ../shared/data (skipped when absent). Writes bench/out/ner.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from khabar.analysis.ner.conll import read_conll
from khabar.analysis.ner.model import Tagger, evaluate

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SETS = {
    "il-ner-dev": DATA / "il-ner" / "hindi-dev.txt",
    "hiner-validation": DATA / "hiner" / "collapsed-validation.conll",
}


def pin_one_core(cpu: int) -> None:
    """Run on one CPU only, where the platform allows it."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})


def tokens_per_second(tagger: Tagger, sentences: list[list[str]], rounds: int) -> float:
    """Median tokens/s over ``rounds`` passes, after a warm-up pass (which fills the feature caches)."""
    tokens = sum(len(s) for s in sentences)
    tagger.tag_sentences(sentences)
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        tagger.tag_sentences(sentences)
        timings.append(time.perf_counter() - started)
    return tokens / statistics.median(timings)


def crfsuite_tokens_per_second(tagger: Tagger, sentences: list[list[str]], rounds: int) -> float:
    """The anchor: the same model and features through CRFsuite's own tagger (one call per sentence)."""
    def run() -> None:
        for tokens in sentences:
            tagger.tag_with_crfsuite(tokens)

    run()
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return sum(len(s) for s in sentences) / statistics.median(timings)


def cold_tokens_per_second(model: str | None, sentences: list[list[str]]) -> float:
    """Tokens/s of one pass with fresh feature caches (every word type featurised for the first time)."""
    tagger = Tagger(model or Tagger.load().path)
    started = time.perf_counter()
    tagger.tag_sentences(sentences)
    return sum(len(s) for s in sentences) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cpu", type=int, default=0, help="the CPU to run on (default 0)")
    args = parser.parse_args()
    pin_one_core(args.cpu)
    tagger = Tagger.load(args.model)
    result: dict = {"model": str(tagger.path), "model_bytes": tagger.path.stat().st_size}
    present = {name: path for name, path in SETS.items() if path.exists()}
    if not present:
        print("no data under", DATA, "- skipping")
        return
    speed_sentences = [s.tokens for s in read_conll(next(iter(present.values())))]
    result["cold_tokens_per_s"] = round(cold_tokens_per_second(args.model, speed_sentences))
    result["warm_tokens_per_s"] = round(tokens_per_second(tagger, speed_sentences, args.rounds))
    result["crfsuite_warm_tokens_per_s"] = round(crfsuite_tokens_per_second(tagger, speed_sentences, args.rounds))
    result["speedup_vs_crfsuite"] = round(result["warm_tokens_per_s"] / result["crfsuite_warm_tokens_per_s"], 2)
    for name, path in present.items():
        result[name] = {
            k: {m: round(v, 4) for m, v in row.items()} for k, row in evaluate(path, tagger).items()
        }
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ner.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
