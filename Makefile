# The two commands a new user runs: `make demo` (extract the bundled sample pages) and `make test`.
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

demo: $(STAMP)
	$(BIN)/khabar extract samples/pages samples/jsonl samples/dumps -o samples-out.jsonl
	$(BIN)/khabar eval samples --systems khabar
	@echo "records written to samples-out.jsonl"

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

eval: $(STAMP)
	$(BIN)/khabar eval ../shared/corpus

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf $(VENV) samples-out.jsonl
