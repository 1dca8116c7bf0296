# Two entry points a new machine needs (see README): `make example` and `make test`.
# Both create .venv with everything packetgen and its tests need, once.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/ic3-to-ic4-teamwork-scope-gaps.yaml

.PHONY: example test test-fast lint test-thorough bench clean

# Where PYTHONDONTWRITEBYTECODE is set (this machine sets it), every process compiles each module it
# imports again: the suite starts hundreds of packetgen processes, and from a clean clone that was two
# minutes of CPU. make's commands write Python's bytecode caches as Python does by default.
unexport PYTHONDONTWRITEBYTECODE

# uv installs the same packages as pip in a fraction of the time (27 s -> 11 s here, its cache empty),
# compiled to bytecode as pip does (with PYTHONDONTWRITEBYTECODE set, a module left uncompiled is
# compiled again by every process that imports it: the suite took 20 % more CPU); where uv cannot be
# had, pip does it.
$(BIN)/packetgen: pyproject.toml
	@scripts/install-system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q uv && $(BIN)/uv pip install -q --compile-bytecode --python $(BIN)/python -e '.[test]' \
	  || { $(BIN)/python -m pip install -q --upgrade pip && $(BIN)/python -m pip install -q -e '.[test]'; }
	@touch $@

example: $(BIN)/packetgen
	@mkdir -p out
	$(BIN)/packetgen gaps $(EXAMPLE)
	$(BIN)/packetgen render $(EXAMPLE) -o out/packet.pdf
	$(BIN)/packetgen render $(EXAMPLE) -o out/packet.docx
	$(BIN)/packetgen render $(EXAMPLE) -o out/packet.html

# --dist loadfile: each test file runs on one worker, so its module fixtures (the hostile corpus: 30 s,
# the handouts) run once, not once per worker (40 s of CPU and 15 s of wall time less on 2 cores).
# One worker more than the CPUs: a quarter of a worker's time is spent waiting (on LibreOffice and
# Chromium starting, on a render another worker is making for both); a third worker on 2 cores fills
# it: 318 -> 276 s for the same CPU (four workers: 285 s).
WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
test: $(BIN)/packetgen
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile --no-loadscope-reorder

# The fast lane: every test that renders nothing (about 15 s); a test that renders without the
# `renders` mark fails here and says so (tests/conftest.py).
test-fast: $(BIN)/packetgen
	PACKETGEN_FAST_LANE=1 $(BIN)/python -m pytest -n auto -m "not renders" -q

# ruff (rules in pyproject.toml) and mypy --check-untyped-defs: both must find nothing.
lint: $(BIN)/packetgen
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

# Thousands of Hypothesis examples instead of CI's fixed, bounded set (takes long).
test-thorough: $(BIN)/packetgen
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -n auto tests/test_properties.py

bench: $(BIN)/packetgen
	$(BIN)/python bench/render_bench.py

clean:
	rm -rf $(VENV) build dist out
