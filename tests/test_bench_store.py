"""The store/search benchmark: its definition of a right hit, its corpus, and a smoke run of the whole."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

bench_store = pytest.importorskip("bench_store")
make_corpus = pytest.importorskip("make_corpus")


def rules():
    return bench_store.inflection_rules(make_corpus.load_corpus_vocab())


def test_nukta_and_chandrabindu_variants_fold_together():
    assert bench_store.fold("क़मर") == bench_store.fold("कमर")
    assert bench_store.fold("ज़िला") == bench_store.fold("जिला")
    assert bench_store.fold("माँगे") == bench_store.fold("मांगे")
    assert bench_store.fold("दिल") != bench_store.fold("दाल")


def test_accepted_forms_are_regular_inflections_only():
    forms = bench_store.accepted_forms("दिल", rules())
    assert {"दिल", "दिलों"} <= forms
    assert "दिलाया" not in forms and "दिला" not in forms and "दाल" not in forms
    room = bench_store.accepted_forms("कमरा", rules())
    assert {"कमरा", "कमरे", "कमरों"} <= room and "कमर" not in room


def test_document_words_are_whole_devanagari_words():
    words = bench_store.document_words("दिल्ली में दाल, दिलों की बात। क़मर 2024")
    assert words == {"दिल्ली", "में", "दाल", "दिलों", "की", "बात", "कमर"}
    assert "दिल" not in words


def test_corpus_is_varied_deterministic_and_has_republished_stories():
    vocab = make_corpus.load_corpus_vocab()
    maker, twin = make_corpus.CorpusMaker(vocab, 5), make_corpus.CorpusMaker(vocab, 5)
    first = [maker.page(n) for n in range(200)]
    again = [twin.page(n) for n in range(200)]
    assert first == again
    assert len({page for _, page in first}) == 200
    maker = make_corpus.CorpusMaker(vocab, 5, duplicate_share=0.5)
    for n in range(40):
        maker.page(n)
    assert maker.duplicates > 5


def test_smoke_run_reports_every_field(tmp_path):
    args = argparse.Namespace(pages=50, seed=3, rounds=1, split_pages=10, cpu=None)
    report = bench_store.run_bench(args, tmp_path)
    ingest = report["ingest"]
    assert ingest["pages"] == 50 and ingest["store"]["articles"] == 50
    assert ingest["pages_per_second"] > 0 and ingest["db_bytes_after_checkpoint"] > 0
    assert set(ingest["split"]["ms_per_page"]) == {"extract", "analyse", "store_and_read"}
    queries = report["queries"]
    assert queries["count"] >= 150
    assert {"p50_ms", "p95_ms", "p99_ms", "max_ms"} <= set(queries["overall"])
    assert {"pitfall", "phrase", "prefix", "latin", "browse", "filter:site"} <= set(queries["by_type"])
    assert report["unicode61"]["latency"]["overall"]["n"] > 0
    pitfalls = report["accuracy"]["by_type"]["pitfall"]
    assert pitfalls["unicode61"]["wrong"] > pitfalls["khabar"]["wrong"]
    assert set(report["verdict"]) == {"ingest_rate_met", "query_p50_met", "query_p99_met"}
