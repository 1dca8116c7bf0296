"""A calibration cycle, end to end (README, Running a calibration): the README's blocks run as written
in bash — the first-pass edition and ballots, the tally and seal, the meeting's handout and agenda,
records, decisions from a CSV with the sealed ballots, verify — with the members' votes and HR's CSV
written in between. The records it makes are then tampered with: a ballot that differs from its seal,
one missing or added, a tally that does not follow, each is exit 1."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
import yaml
from conftest import EXAMPLES, ROOT
from render_helpers import ARCHIVE_EPOCH, invoke, pdf_pages, squash
from test_ballots import fill

from packetgen.catalogue import english
from packetgen.records.format import RECORD_NAME, sha256

pytestmark = pytest.mark.renders

CYCLE = (EXAMPLES[0], EXAMPLES[1])  # two candidates keep the walk under a minute
VOTES = {  # member -> the vote each gives on each candidate, in the manifest's (pseudonym) order
    "Ada Lovelace": [("ready", "Outcomes are measured."), ("question", "Who owned the migration?")],
    "Grace Hopper": [("ready", ""), ("not-yet", "Scope stays in one team.")],
    "Alan Turing": [("not-yet", "No independent voice on scope."), (None, "")],
}


def readme_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Running a calibration"):text.index("### Records for HR")]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def run_block(block: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
           "SOURCE_DATE_EPOCH": ARCHIVE_EPOCH}
    run = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=cwd, capture_output=True, text=True, env=env)
    assert run.returncode == 0, f"{block}\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr}"
    return run


@pytest.fixture(scope="module")
def walk(tmp_path_factory):
    here = tmp_path_factory.mktemp("calibration")
    (here / "cycle").mkdir()
    for example in CYCLE:
        shutil.copy(example, here / "cycle" / example.name)
    (here / "committee.txt").write_text("\n".join(VOTES) + "\n", encoding="utf-8")
    blocks = readme_blocks()
    assert len(blocks) == 3
    out = {"first": run_block(blocks[0], here)}
    manifest = yaml.safe_load((here / "ballots" / "cycle.yaml").read_text(encoding="utf-8"))
    labels = [c["candidate"] for c in manifest["candidates"]]
    for member, votes in VOTES.items():
        path = here / "ballots" / f"ballot-{member.lower().replace(' ', '-')}.yaml"
        path.write_text(fill(path.read_text(encoding="utf-8"), dict(zip(labels, votes, strict=True))),
                        encoding="utf-8")
    out["seal"] = run_block(blocks[1], here)
    key = {row["name"]: row["pseudonym"] for row in csv.DictReader(io.StringIO((here / "key.csv").read_text()))}
    names = {example.stem: yaml.safe_load(example.read_text(encoding="utf-8"))["candidate"]["name"]
             for example in CYCLE}
    (here / "why.md").write_text("The scope evidence is **one team** so far.\n", encoding="utf-8")
    rows = ["record,outcome,by,date,rationale"]
    rows += [f"records/{stem}.pdf,{'not-yet' if n == 0 else 'promoted'},Calibration committee,2026-07-02,"
             f"{'why.md' if n == 0 else ''}" for n, stem in enumerate(names)]
    (here / "decisions.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out["decide"] = run_block(blocks[2], here)
    return here, out, key, names, labels


def test_the_walk_writes_every_file_and_each_decided_record_verifies(walk):
    here, out, key, names, labels = walk
    for name in ("first-pass.pdf", "handout.docx", "agenda.md", "seal.txt", "key.csv"):
        assert (here / name).stat().st_size > 0, name
    assert sorted(p.name for p in (here / "decided").iterdir()) == sorted(f"{stem}.pdf" for stem in names)
    assert out["decide"].stdout.count(": verified") == len(names)
    assert "FAIL" not in out["decide"].stdout
    assert f"SHA-256 {sha256((here / 'seal.txt').read_bytes())}" in out["seal"].stderr
    said = re.findall(r"inputs sha256 ([0-9a-f]{64})", out["first"].stderr)  # the handout's and the ballots'
    assert len(said) == 2 and said[0] == said[1] == yaml.safe_load((here / "ballots" / "cycle.yaml").read_text())["inputs"]
    agenda = (here / "agenda.md").read_text(encoding="utf-8")
    # A: ready 2 of 3 (67 %); B: 1 question, 1 not yet, 1 abstention (50 %): B is the more divided
    assert agenda.index(f"1. {labels[1]}: 50 % (1 of 2), 1 question, 1 not voting") < agenda.index(f"2. {labels[0]}")


def test_a_decided_record_shows_its_candidates_votes_and_maps_to_its_pseudonym(walk):
    here, _, key, names, labels = walk
    words = english()
    for stem, name in names.items():
        record = here / "decided" / f"{stem}.pdf"
        with pikepdf.open(record) as pdf:
            files = {n: spec.get_file().read_bytes() for n, spec in pdf.attachments.items()}
        data = json.loads(files[RECORD_NAME])
        label = data["ballots"]["candidate"]
        assert label == key[name]  # the key maps the ballots' pseudonym back to this record's candidate
        assert {"cycle.yaml", "seal.txt", "tally.json", "ballot-ada-lovelace.yaml"} <= set(files)
        for blob in (files["cycle.yaml"], files["ballot-ada-lovelace.yaml"], files["tally.json"]):
            assert name.split()[-1].encode() not in blob  # anonymised ballots name pseudonyms only
        last = pdf_pages(record)[-1]
        assert squash(words("decision-ballots")) in last
        votes = VOTES["Ada Lovelace"][labels.index(label)]
        assert f"Ada Lovelace {words('vote-' + votes[0])}" in last and votes[1] in last
        assert "Alan Turing" in last and sha256(files["seal.txt"])[:20] in last.replace(" ", "")


def _tampered(record: Path, out: Path, change) -> Path:
    """The record with its attachments changed by change(files) and packetgen-record.json made to
    agree with them, as a forger who rewrites both would."""
    with pikepdf.open(record) as pdf:
        files = {n: spec.get_file().read_bytes() for n, spec in pdf.attachments.items()}
        data = json.loads(files[RECORD_NAME])
        change(files, data["ballots"])
        data["ballots"]["files"] = [{"name": f["name"], "sha256": sha256(files[f["name"]])}
                                    for f in data["ballots"]["files"] if f["name"] in files]
        data["ballots"]["tally"] = sha256(files["tally.json"])
        files[RECORD_NAME] = json.dumps(data, indent=2, sort_keys=True).encode()
        for name in list(pdf.attachments):
            if name not in files:
                del pdf.attachments[name]
        for name, blob in files.items():
            pdf.attachments[name] = pikepdf.AttachedFileSpec(pdf, blob, filename=name)
        pdf.save(out)
    return out


def _changed_vote(files, box):
    files["ballot-grace-hopper.yaml"] = files["ballot-grace-hopper.yaml"].replace(b"vote: not-yet", b"vote: ready")


def _missing(files, box):
    del files["ballot-alan-turing.yaml"]


def _added(files, box):
    files["ballot-late.yaml"] = files["ballot-ada-lovelace.yaml"]
    box["files"].append({"name": "ballot-late.yaml", "sha256": ""})


def _tally(files, box):
    tally = json.loads(files["tally.json"])
    tally["candidates"][0]["counts"]["ready"] += 1
    files["tally.json"] = (json.dumps(tally, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


@pytest.mark.parametrize(("change", "said"), [
    (_changed_vote, "seal: ballot-grace-hopper.yaml differs from the sealed one"),
    (_missing, "seal: ballot-alan-turing.yaml is sealed but missing"),
    (_added, "seal: ballot-late.yaml is not in the seal"),
    (_tally, "tally: tally.json does not follow from the embedded ballots"),
])
def test_verify_fails_when_the_ballots_or_the_tally_are_not_those_sealed(walk, tmp_path, change, said):
    here, *_ = walk
    record = next((here / "decided").iterdir())
    result = invoke("verify", _tampered(record, tmp_path / "t.pdf", change))
    assert result.exit_code == 1, result.output
    assert f"FAIL  {said}" in result.output


def test_decisions_csv_is_all_or_none_with_located_errors(walk, tmp_path):
    here, *_ = walk
    table = here / "decisions.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "decisions.csv"
    shutil.copytree(here / "records", tmp_path / "records")
    shutil.copy(here / "why.md", tmp_path / "why.md")
    bad.write_text("\n".join([lines[0], lines[1], lines[2].replace(",promoted,", ",promote,"),
                              "records/nowhere.pdf,promoted,HR,2026-07-02,"]) + "\n", encoding="utf-8")
    result = invoke("decide", "--from", bad, "-o", tmp_path / "decided")
    assert result.exit_code == 2 and "Traceback" not in result.output
    column = lines[2].index(",promoted,") + 2
    assert f"{bad}:3:{column}: error: outcome 'promote': use one of promoted, not-yet, deferred" in result.stderr
    assert f"{bad}:4:1: error: record 'records/nowhere.pdf': no such file" in result.stderr
    # a row whose record does not verify, found after the first row was decided: still nothing written
    (tmp_path / "records" / "fake.pdf").write_bytes(b"%PDF-1.7\nnot a record\n")
    bad.write_text("\n".join([lines[0], lines[1], "records/fake.pdf,deferred,HR,2026-07-02,"]) + "\n",
                   encoding="utf-8")
    result = invoke("decide", "--from", bad, "-o", tmp_path / "decided")
    assert result.exit_code == 2
    assert f"{bad}:3:1: error: fake.pdf:" in result.stderr and "nothing was written" in result.stderr
    assert not (tmp_path / "decided").exists()
