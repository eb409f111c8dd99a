# The two commands of the README: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out

.PHONY: run test bench venv clean

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

bench: venv
	$(PY) -m bench

clean:
	rm -rf $(OUT) .dateline
