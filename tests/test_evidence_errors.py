"""Golden files: each bad input under testdata/invalid/ next to the exact diagnostics it
must produce. `pytest --update-testdata` rewrites them on purpose."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY

from packetgen import analyse, load
from packetgen.analysis.flags import flag_warnings
from packetgen.errors import InputError

HERE = Path(__file__).parent
CASES = sorted((HERE / "testdata" / "invalid").glob("*.yaml"))


def diagnostics_of(relative: str) -> list[str]:
    """What `check` prints for a file: the loader's diagnostics and, for a valid file, the
    warnings about its items' flags, in file order."""
    try:
        loaded = load(relative, today=TODAY)
        found = sorted(loaded.diagnostics + flag_warnings(analyse(loaded)),
                       key=lambda d: (d.location.line, d.location.column))
    except InputError as exc:
        found = exc.diagnostics
    return [str(d) for d in found]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden_diagnostics(case, monkeypatch, update_testdata):
    monkeypatch.chdir(HERE)
    relative = case.relative_to(HERE).as_posix()
    got = diagnostics_of(relative)
    expected_file = case.with_suffix(".expected")
    if update_testdata or not expected_file.exists():
        expected_file.write_text("\n".join(got) + "\n", encoding="utf-8")
        if not update_testdata:
            pytest.fail(f"wrote missing golden file {expected_file.name}; review and commit it")
    assert got == expected_file.read_text(encoding="utf-8").splitlines()
    # every line is located and shaped `path:LINE:COL: severity: message`
    for line in got:
        path, lineno, col, rest = line.split(":", 3)
        assert path == relative and int(lineno) >= 1 and int(col) >= 1
        assert rest.startswith((" error: ", " warning: "))
