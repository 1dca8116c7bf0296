from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TODAY = date(2026, 11, 27)  # a fixed "today" so future-date warnings do not drift


def pytest_addoption(parser):
    parser.addoption("--update-testdata", action="store_true",
                     help="Rewrite the golden .expected files from the current output.")


@pytest.fixture
def update_testdata(request) -> bool:
    return request.config.getoption("--update-testdata")


@pytest.fixture
def write(tmp_path):
    """Write a dedented YAML text to a file in tmp_path and return its path."""

    def _write(text: str, name: str = "evidence.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


HEADER = """\
candidate:
  name: Jordan Lee
  current_level: ic3
  target_level: ic4
"""


@pytest.fixture
def evidence_file(write):
    """An evidence file with the standard header and the given `evidence:` body."""

    def _make(body: str, header: str = HEADER, name: str = "evidence.yaml") -> Path:
        return write(header + textwrap.dedent(body).lstrip("\n"), name)

    return _make


# Hypothesis: CI runs a fixed, bounded set of examples (derandomized: the same every run);
# `HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py` runs many more locally.
try:
    from hypothesis import HealthCheck, settings

    settings.register_profile("ci", derandomize=True, deadline=None, max_examples=60,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("thorough", derandomize=False, deadline=None, max_examples=2000,
                              suppress_health_check=[HealthCheck.too_slow])
    import os as _os

    settings.load_profile(_os.environ.get("HYPOTHESIS_PROFILE", "ci"))
except ImportError:  # pragma: no cover
    pass


@pytest.fixture(scope="session")
def packets(tmp_path_factory):
    """Each example rendered once per format per test session (per xdist worker):
    packets(example, "pdf") -> Rendered(result, path, records). `records` are the log records
    WeasyPrint emitted while rendering (a test fails on any warning among them)."""
    import logging
    from types import SimpleNamespace

    from render_helpers import render_to

    base = tmp_path_factory.mktemp("packets")
    cache: dict = {}

    def get(example: Path, fmt: str):
        key = (Path(example), fmt)
        if key not in cache:
            out = base / f"{Path(example).stem}.{fmt}"
            records: list = []
            handler = logging.Handler()
            handler.emit = records.append
            logging.getLogger("weasyprint").addHandler(handler)
            try:
                result = render_to(example, out)
            finally:
                logging.getLogger("weasyprint").removeHandler(handler)
            cache[key] = SimpleNamespace(result=result, path=out, records=records)
        return cache[key]

    return get
