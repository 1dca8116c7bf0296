# Two entry points a new machine needs (see README): `make example` and `make test`.
# Both create .venv with everything packetgen and its tests need, once.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/ic3-to-ic4-teamwork-scope-gaps.yaml

.PHONY: example test bench clean

$(BIN)/packetgen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $@

example: $(BIN)/packetgen
	$(BIN)/packetgen check $(EXAMPLE)
	$(BIN)/packetgen gaps $(EXAMPLE)

test: $(BIN)/packetgen
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build dist out
