# The two commands are `make demo` and `make test`; each sets up .venv itself.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The example downstream package (installed by `make test`, its tests run with the suite).
EXAMPLE := examples/acme_clinic
CHECKSUM := $(shell cat pyproject.toml $(EXAMPLE)/pyproject.toml | cksum | cut -d' ' -f1)
# `make test` installs the package with its test extras and the example; `make demo` only
# the package.
STAMP := $(VENV)/.installed-test-$(CHECKSUM)
DEMO_STAMP := $(VENV)/.installed-demo-$(CHECKSUM)
WHEEL_DIR := build/wheel-test
FUZZ_SECONDS ?= 60
# Stops at once, with one line, when $(PYTHON) is older than the oldest supported Python.
CHECK_PYTHON = @$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and \
	"postloss needs Python 3.11 or newer; $(PYTHON) is Python %d.%d (set PYTHON=...)" \
	% sys.version_info[:2])'

.PHONY: demo test fuzz docs wheel-test benchmark mutation clean

$(STAMP): pyproject.toml $(EXAMPLE)/pyproject.toml
	$(CHECK_PYTHON)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(PY) -m pip install --quiet --disable-pip-version-check -e $(EXAMPLE)
	touch $@

$(DEMO_STAMP): pyproject.toml
	$(CHECK_PYTHON)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	touch $@

demo: $(DEMO_STAMP)
	$(PY) examples/demo.py

test: $(STAMP)
	$(PY) -m pytest
	$(PY) -m mypy --strict
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Fuzz parse_report, SymptomReport and assess for FUZZ_SECONDS (tests/fuzz; see docs/testing.md).
fuzz: $(STAMP)
	FUZZ_SECONDS=$(FUZZ_SECONDS) $(PY) -m pytest -m fuzz tests/fuzz

# Regenerate the generated documents (a test fails when they are out of date).
docs: $(STAMP)
	$(PY) -c "import postloss.interop.markdown as m; print(m.decision_table(), end='')" > docs/rules.md
	$(PY) -c "import json; from postloss import SymptomReport as c; from postloss.interop.json \
		import schema; print(json.dumps(schema(c), indent=2, ensure_ascii=False))" \
		> docs/schemas/symptom-report.schema.json
	$(PY) -c "import json; from postloss import Assessment as c; from postloss.interop.json \
		import schema; print(json.dumps(schema(c), indent=2, ensure_ascii=False))" \
		> docs/schemas/assessment.schema.json

# The suite against the built wheel in a fresh venv, with src/ out of the way, so a data
# file missing from the wheel fails.
wheel-test: $(STAMP)
	$(CHECK_PYTHON)
	rm -rf $(WHEEL_DIR)
	$(PY) -m pip wheel --quiet --no-deps --disable-pip-version-check -w $(WHEEL_DIR)/dist .
	$(PYTHON) -m venv $(WHEEL_DIR)/venv
	$(WHEEL_DIR)/venv/bin/python -m pip install --quiet --disable-pip-version-check \
		"$$(ls $(WHEEL_DIR)/dist/postloss-*.whl)[test]"
	$(WHEEL_DIR)/venv/bin/python -m pip install --quiet --disable-pip-version-check ./$(EXAMPLE)
	mkdir -p $(WHEEL_DIR)/$(EXAMPLE)
	cp -r tests docs benchmarks README.md pyproject.toml $(WHEEL_DIR)/
	cp -r $(EXAMPLE)/tests $(WHEEL_DIR)/$(EXAMPLE)/
	cd $(WHEEL_DIR) && venv/bin/python -m pytest -p no:cacheprovider tests docs README.md \
		$(EXAMPLE)/tests

benchmark: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(PY) benchmarks/import_time.py
	$(PY) benchmarks/assess_speed.py

# Mutation testing of the triage package (slow: minutes); the score is in docs/testing.md.
# Starts afresh each time, lists the mutants that were not killed, and fails below 97 %.
mutation: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check 'mutmut==3.8.1'
	rm -rf mutants
	# Bytecode is written (whatever PYTHONDONTWRITEBYTECODE says): each mutant runs in a fresh
	# interpreter, which would otherwise compile the package and the tests again every time.
	HYPOTHESIS_PROFILE=mutation PYTHONDONTWRITEBYTECODE= $(VENV)/bin/mutmut run
	$(VENV)/bin/mutmut results
	$(VENV)/bin/mutmut export-cicd-stats
	$(PY) -c "import json; s = json.load(open('mutants/mutmut-cicd-stats.json')); \
		score = 100 * s['killed'] / s['total']; \
		print(f\"killed {s['killed']} of {s['total']} mutants ({score:.1f} %)\"); \
		raise SystemExit(score < 97)"

clean:
	rm -rf $(VENV) build dist mutants .pytest_cache .mypy_cache .ruff_cache .hypothesis
