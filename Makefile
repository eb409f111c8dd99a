# The two commands of the README: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out

.PHONY: run test heldout bench venv clean

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) on PATH"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed

# The main job on embedded defaults: local broker, seed articles, events read back from the sink topics.
run: venv
	$(VENV)/bin/dateline demo --seeds seeds

test: venv
	$(PY) -m pytest -q -p no:cacheprovider

# The held-out floor on the whole held-out set; `make test` (and CI) scores a fixed share of every batch.
heldout: venv
	$(PY) -m pytest -q -s -p no:cacheprovider tests/test_extraction_quality.py -k heldout_set --heldout=all

bench: venv
	$(PY) -m bench

clean:
	rm -rf $(OUT) .dateline
