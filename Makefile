# onrecord: `make demo` and `make test` each set up .venv first (offline-pinned, hashed lock).
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml 2>/dev/null | sha1sum | cut -c1-12)
PYTEST_ARGS ?=

.PHONY: demo test test-fast bench train lock clean gate serve

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

## demo: set up, extract the bundled samples into demo.db, print who said what from the archive
demo: $(STAMP)
	rm -f demo.db
	$(BIN)/onrecord ingest samples/ --db demo.db
	$(BIN)/onrecord stats --db demo.db --format json
	$(BIN)/onrecord search --db demo.db --format table --limit 500

## test: set up and run the whole suite
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## test-fast: the model-free tests only
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser and not postgres and not ray" $(PYTEST_ARGS)

## gate: PolNeAR dev F1 floors for the default and the rules mode (skips when the corpus is absent)
gate: $(STAMP)
	$(BIN)/onrecord evaluate gate --jobs 2
	@if [ -f onrecord/evaluate/floors-accurate.json ]; then $(BIN)/onrecord evaluate gate --jobs 2 --floors onrecord/evaluate/floors-accurate.json; fi

## serve: the archive the demo built, on http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/onrecord serve --db demo.db --port 8000

## bench: benchmarks printing ratios against a baseline measured in the same run
bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

## train: train the attribution tagger on PolNeAR train (CPU works, slowly)
train: $(STAMP)
	$(BIN)/python -m onrecord.attribution.train --data ../shared/data/polnear --out train_out --configs q

## lock: re-pin every dependency with hashes (needs the package registry)
lock:
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --strip-extras -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) build dist *.egg-info demo.db .pytest_cache
