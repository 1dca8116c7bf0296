"""The wheel carries the framework and templates: an installed packetgen works from any folder."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "-q", "-w", str(out), str(ROOT)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    (found,) = out.glob("packetgen-*.whl")
    return found


def test_wheel_ships_framework_and_templates(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "packetgen/_data/framework/sourcegraph-pm.yaml" in names
    assert any(n.startswith("packetgen/_data/templates/") for n in names)
    assert "packetgen/_data/templates/screen.css" in names
    assert "packetgen/data/fairness.yaml" in names  # the writing review's word lists
    assert "packetgen/data/schema/evidence.schema.json" in names  # what init points editors at


def test_installed_wheel_runs_from_another_folder(wheel, tmp_path):
    site = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                              str(site), str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = ("import sys, packetgen; from packetgen.cli import main; "
            "print('FROM', packetgen.__file__, file=sys.stderr); sys.argv[0] = 'packetgen'; main()")
    run = subprocess.run([sys.executable, "-c", code, "gaps", str(EXAMPLES[0]), "--format", "json"],
                         capture_output=True, text=True, cwd=elsewhere, env=env)
    assert run.returncode == 0, run.stderr
    assert f"FROM {site}" in run.stderr  # the installed copy, not the checkout
    assert json.loads(run.stdout)["summary"]["total"] > 0

    fair = subprocess.run([sys.executable, "-c", code, "check", "--fairness", str(ROOT / "tests/testdata/fairness/"
                                                                                  "vague-praise.yaml")],
                          capture_output=True, text=True, cwd=elsewhere, env=env)
    assert fair.returncode == 0 and "note[vague-praise]" in fair.stderr, fair.stderr

    init = subprocess.run([sys.executable, "-c", code, "init", "--level", "ic4"], capture_output=True, text=True,
                          cwd=elsewhere, env=env)
    schema = init.stdout.splitlines()[0].split("$schema=file://", 1)[1]
    assert Path(schema).is_file() and Path(schema).is_relative_to(site)  # the installed copy's schema
