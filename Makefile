# The two commands a new user runs: `make demo` (extract, store and serve the bundled sample pages) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint eval bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,anchors,train]'
	touch $(STAMP)

DEMO_PAGES := samples/pages samples/jsonl samples/dumps tests/heldout/pages tests/heldout2/pages
DEMO_DB := samples.db
HOST ?= 127.0.0.1
PORT ?= 8000

demo: $(STAMP)
	$(BIN)/khabar extract samples/pages samples/jsonl samples/dumps -o samples-out.jsonl
	$(BIN)/khabar eval samples --systems khabar
	@echo "records written to samples-out.jsonl"
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/khabar ingest $(DEMO_PAGES) --db $(DEMO_DB)
	$(BIN)/khabar stats --db $(DEMO_DB)
	$(BIN)/khabar search गंगा --db $(DEMO_DB) --limit 3
	@echo "serving $(DEMO_DB) at http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/khabar serve --db $(DEMO_DB) --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

eval: $(STAMP)
	$(BIN)/khabar eval ../shared/corpus

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf $(VENV) samples-out.jsonl $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
