# Two commands for a newcomer: `make run` and `make test`. Everything they need is installed here.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export TOKENIZERS_PARALLELISM := false

.PHONY: run test setup index bench eval clean e2e-deps ocr-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

index: setup
	$(BIN)/troly ingest --if-missing

# The main job: the knowledge base of the shipped corpus, then a console chat (or the web
# server with the chat page when there is no terminal).
run: index
	@if [ -t 0 ]; then $(BIN)/troly chat; else $(BIN)/troly serve; fi

test: setup e2e-deps ocr-deps
	$(BIN)/python -m pytest -q

e2e-deps:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	    || echo "chromium not installed: browser tests will be skipped"; }

# Scanned PDFs and images are read by tesseract (Vietnamese data) where it can be installed.
ocr-deps:
	@command -v tesseract >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie poppler-utils >/dev/null) \
	    || echo "tesseract not installed: scanned PDFs cannot be read; OCR tests will be skipped"; }

bench: index
	$(BIN)/python bench/bench_search.py
	$(BIN)/python bench/bench_answer.py
	$(BIN)/python bench/bench_repair.py
	$(BIN)/python bench/bench_webhooks.py

eval: index
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev.jsonl --cmd "$(BIN)/troly ask --jsonl"

clean:
	rm -rf data .pytest_cache
