"""Ballots before the meeting and their tally (docs/reference.md, Running a calibration): ballots an
editor completes from their JSON Schema, each naming the inputs' SHA-256; a tally that refuses, with
located errors, a ballot for other inputs, an unknown candidate or vote, a second ballot of one
member; agreement, questions, missing voters and the agenda checked against ballots counted by hand.
Nothing here renders."""
from __future__ import annotations

import json
import re
import stat

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES

from packetgen.ballots import ballot as B
from packetgen.ballots.tally import check_sealed, parse_seal, seal_text, tally
from packetgen.cli import cli
from packetgen.records.format import sha256


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


MEMBERS = ("Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov")
CANDIDATES = ("Xavier", "Yara", "Zoltan", "Wen")


def fill(text: str, votes: dict[str, tuple[str | None, str]]) -> str:
    """A ballot as a member fills it in an editor: the vote after `vote:`, the why after `why:`."""
    out, current = [], None
    for line in text.splitlines():
        found = re.match(r'  - candidate: "(.*)"$', line)
        if found:
            current = found.group(1)
        elif line.startswith("    vote:") and current in votes:
            line = f"    vote: {votes[current][0] or ''}"
        elif line.startswith("    why:") and current in votes:
            line = f"    why: {json.dumps(votes[current][1])}"
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.fixture
def folder(tmp_path):
    """A ballot folder of four candidates and five members, four ballots filled as counted by hand
    below (Barbara Liskov returned none)."""
    manifest = B.Manifest(sha256(b"inputs"), False, MEMBERS, tuple((c, sha256(c.encode())) for c in CANDIDATES))
    (tmp_path / B.MANIFEST_NAME).write_bytes(B.manifest_yaml(manifest))
    hand = {  # Xavier: 2 ready, 1 not yet, Edsger abstains. Yara: 1 ready, 1 not yet, 2 questions.
        # Zoltan: 2 ready, 2 not yet (a tie). Wen: nobody votes.
        "Ada Lovelace": {"Xavier": ("ready", "Shipped it."), "Yara": ("ready", ""), "Zoltan": ("ready", "")},
        "Grace Hopper": {"Xavier": ("ready", ""), "Yara": ("not-yet", ""), "Zoltan": ("not-yet", "")},
        "Alan Turing": {"Xavier": ("not-yet", "Scope is one team."), "Yara": ("question", "Who owned the migration?"),
                        "Zoltan": ("ready", "")},
        "Edsger Dijkstra": {"Xavier": (None, ""), "Yara": ("question", "Where is the outcome measured?"),
                            "Zoltan": ("not-yet", "")},
    }
    for member, name in zip(MEMBERS, B.member_file_names(MEMBERS), strict=True):
        if member in hand:
            (tmp_path / name).write_text(fill(B.ballot_yaml(manifest, member).decode(), hand[member]),
                                         encoding="utf-8")
    return tmp_path


def row(counted, name):
    return next(c for c in counted.candidates if c.candidate == name)


def test_agreement_questions_missing_voters_and_agenda_as_counted_by_hand(folder):
    manifest, _, ballots, problems = B.read_ballots(folder)
    assert problems == []
    counted = tally(manifest, ballots)
    x, y, z, w = (row(counted, c) for c in CANDIDATES)
    assert x.counts == {"ready": 2, "not-yet": 1, "question": 0} and x.cast == 3
    assert x.agreement == pytest.approx(2 / 3) and x.leading == ("ready",)
    assert x.not_voted == ("Edsger Dijkstra", "Barbara Liskov")  # who abstains, then who returned no ballot
    assert y.counts == {"ready": 1, "not-yet": 1, "question": 2} and y.agreement == 0.5
    assert y.questions == (("Alan Turing", "Who owned the migration?"),
                           ("Edsger Dijkstra", "Where is the outcome measured?"))
    assert z.agreement == 0.5 and z.leading == ("ready", "not-yet")  # a tie names both
    assert w.cast == 0 and w.agreement is None and w.leading == ()
    assert w.not_voted == MEMBERS
    assert counted.missing_ballots == ("Barbara Liskov",)
    # most divided first: nobody voted on Wen; Yara and Zoltan split 50 %, Yara with two questions
    assert [c.candidate for c in counted.agenda] == ["Wen", "Yara", "Zoltan", "Xavier"]


def test_the_tally_prints_as_table_json_and_markdown(folder):
    as_json = invoke("committee", "tally", folder, "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    doc = json.loads(as_json.stdout)
    assert doc["agenda"] == ["Wen", "Yara", "Zoltan", "Xavier"]
    assert doc["missing_ballots"] == ["Barbara Liskov"]
    yara = next(c for c in doc["candidates"] if c["candidate"] == "Yara")
    assert yara["agreement"] == 0.5 and yara["leading"] == ["question"]
    assert {"member": "Alan Turing", "why": "Who owned the migration?"} in yara["questions"]
    md = invoke("committee", "tally", folder, "--format", "md").stdout
    assert "| Xavier | 2 | 1 | 0 | ready | 67 % (2 of 3) | Edsger Dijkstra, Barbara Liskov |" in md
    assert "| Zoltan | 2 | 2 | 0 | ready = not yet (tie) | 50 % (2 of 4) |" in md
    assert "1. Wen: no votes, 5 not voting" in md and "2. Yara: 50 % (2 of 4), 2 questions, 1 not voting" in md
    table = invoke("committee", "tally", folder).stdout
    assert "4 of 5 members voted" in table and "Yara, Alan Turing: Who owned the migration?" in table


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_a_refused_ballot_is_a_located_error_and_partial_tallies_the_rest(folder):
    ada = (folder / "ballot-ada-lovelace.yaml").read_text(encoding="utf-8")
    _write(folder, "ballot-ada-lovelace.yaml", ada.replace("vote: ready", "vote: yes", 1))
    grace = (folder / "ballot-grace-hopper.yaml").read_text(encoding="utf-8")
    _write(folder, "ballot-grace-hopper.yaml", grace.replace('candidate: "Yara"', 'candidate: "Yarra"'))
    alan = (folder / "ballot-alan-turing.yaml").read_text(encoding="utf-8")
    _write(folder, "ballot-alan-turing.yaml", re.sub(r"inputs: \w+", "inputs: " + "0" * 64, alan))
    _write(folder, "ballot-edsger-again.yaml", (folder / "ballot-edsger-dijkstra.yaml").read_text(encoding="utf-8"))
    result = invoke("committee", "tally", folder)
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.stderr.splitlines()

    def located(name, text):
        line = next(n for n, s in enumerate((folder / name).read_text(encoding="utf-8").splitlines(), 1) if text in s)
        return [m for m in lines if m.startswith(f"{folder / name}:{line}:")]

    assert any("unknown vote 'yes'" in m for m in located("ballot-ada-lovelace.yaml", "vote: yes"))
    assert any("unknown candidate 'Yarra'" in m for m in located("ballot-grace-hopper.yaml", "Yarra"))
    assert any("made for other inputs" in m for m in located("ballot-alan-turing.yaml", "inputs: 000"))
    # the second file of one member (by name order, ballot-edsger-dijkstra.yaml comes after -again)
    assert any("Edsger Dijkstra already voted in ballot-edsger-again.yaml" in m
               for m in located("ballot-edsger-dijkstra.yaml", "member: \""))
    partial = invoke("committee", "tally", folder, "--partial", "--format", "json")
    assert partial.exit_code == 0, partial.output
    doc = json.loads(partial.stdout)
    assert [b["member"] for b in doc["ballots"]] == ["Edsger Dijkstra"]  # only the sound ballot counts
    assert "left out of the tally" in partial.stderr


def test_an_unknown_member_and_an_unknown_key_are_refused(folder):
    ada = (folder / "ballot-ada-lovelace.yaml").read_text(encoding="utf-8")
    _write(folder, "ballot-ada-lovelace.yaml", ada.replace('member: "Ada Lovelace"', 'member: "Ada King"')
           .replace("    why: \"Shipped it.\"", "    vot: ready\n    why: \"Shipped it.\""))
    result = invoke("committee", "tally", folder)
    assert result.exit_code == 2
    assert re.search(r"ballot-ada-lovelace.yaml:\d+:\d+: error: member 'Ada King' is not on the committee",
                     result.stderr)
    assert "unknown key 'vot'" in result.stderr  # a typo never silently abstains


def test_ballots_from_the_examples_name_the_inputs_and_complete_in_an_editor(tmp_path):
    members = tmp_path / "members.txt"
    members.write_text("Ada Lovelace\nGrace Hopper\n", encoding="utf-8")
    out = tmp_path / "ballots"
    result = invoke("committee", "ballots", *EXAMPLES, "--members", members, "-o", out)
    assert result.exit_code == 0, result.output
    ballot = (out / "ballot-ada-lovelace.yaml").read_text(encoding="utf-8")
    assert ballot.startswith("# yaml-language-server: $schema=ballot.schema.json\n")
    expected = sha256("\n".join(sorted(" ".join(sha256(b) for b in blobs) for blobs in _inputs())).encode())
    assert yaml.safe_load(ballot)["inputs"] == expected
    schema = json.loads((out / "ballot.schema.json").read_text(encoding="utf-8"))
    vote = schema["properties"]["votes"]["items"]["properties"]["vote"]
    assert vote["enum"] == ["ready", "not-yet", "question", None]  # what the editor completes
    filled = yaml.safe_load(ballot)
    jsonschema.validate(filled, schema)  # an empty ballot is a valid one (every vote an abstention)
    filled["votes"][0]["vote"] = "ready"
    jsonschema.validate(filled, schema)
    filled["votes"][0]["vote"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(filled, schema)
    again = invoke("committee", "ballots", *EXAMPLES, "--members", members, "-o", out)
    assert again.exit_code == 2 and "never written over" in again.stderr
    assert (out / "ballot-ada-lovelace.yaml").read_text(encoding="utf-8") == ballot


def _inputs():
    from packetgen.loading.evidence import load_evidence

    for example in EXAMPLES:
        loaded = load_evidence(example)
        yield (loaded.evidence.raw, *(i.raw for i in loaded.evidence.includes), loaded.framework.raw)


def test_anonymised_ballots_name_pseudonyms_only_and_the_key_maps_them_back(tmp_path):
    members = tmp_path / "members.csv"
    members.write_text("name,email\nAda Lovelace,ada@example.com\n", encoding="utf-8")
    out, key = tmp_path / "ballots", tmp_path / "key.csv"
    result = invoke("committee", "ballots", *EXAMPLES, "--members", members, "-o", out, "--anonymize",
                    "--key-out", key)
    assert result.exit_code == 0, result.output
    names = [yaml.safe_load(e.read_text(encoding="utf-8"))["candidate"]["name"] for e in EXAMPLES]
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        for name in names:
            assert not any(part in text for part in name.split()), (path.name, name)
        for example in EXAMPLES:
            assert example.name not in text
    manifest = B.parse_manifest((out / B.MANIFEST_NAME).read_bytes(), "cycle.yaml")
    assert manifest.anonymized and manifest.labels == ("Candidate A", "Candidate B", "Candidate C")
    import csv

    rows = [r for r in csv.DictReader(key.read_text(encoding="utf-8").splitlines()) if r["kind"] == "candidate"]
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    for r in rows:  # the key maps each pseudonym to the person whose evidence file the manifest names
        source = next(e for e in EXAMPLES if str(e) == r["source"])
        assert manifest.label_of(sha256(source.read_bytes())) == r["pseudonym"]
        assert yaml.safe_load(source.read_text(encoding="utf-8"))["candidate"]["name"] == r["name"]


def test_the_seal_is_sha256sum_lines_and_names_each_change(folder, tmp_path):
    seal = tmp_path / "seal.txt"
    result = invoke("committee", "tally", folder, "--seal", "-o", seal)
    assert result.exit_code == 0, result.output
    digest = sha256(seal.read_bytes())
    assert f"SHA-256 {digest}" in result.stderr
    lines = seal.read_text(encoding="utf-8").splitlines()
    assert lines[-1] == f"{sha256((folder / 'cycle.yaml').read_bytes())}  cycle.yaml"
    assert len(lines) == 5  # the manifest and four ballots, by name
    sealed = parse_seal(seal.read_bytes(), "seal.txt")
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix == ".yaml"}
    assert check_sealed(files, sealed) == []
    changed = dict(files, **{"ballot-ada-lovelace.yaml": files["ballot-ada-lovelace.yaml"] + b"\n"})
    assert check_sealed(changed, sealed)[0].startswith("ballot-ada-lovelace.yaml differs from the sealed one")
    gone = {k: v for k, v in files.items() if k != "ballot-grace-hopper.yaml"}
    assert check_sealed(gone, sealed) == ["ballot-grace-hopper.yaml is sealed but missing"]
    added = dict(files, **{"ballot-late.yaml": b"x"})
    assert check_sealed(added, sealed) == ["ballot-late.yaml is not in the seal (added after it, or left out of "
                                           "the tally)"]
    again = invoke("committee", "tally", folder, "--seal", "-o", seal)
    assert again.exit_code == 2 and "never replaced" in again.stderr
    assert sha256(seal.read_bytes()) == digest
    bad = tmp_path / "bad-seal.txt"
    bad.write_text(seal.read_text(encoding="utf-8") + "not a line\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"bad-seal.txt:6:1: error: not a seal line"):
        parse_seal(bad.read_bytes(), str(bad))


def test_seal_text_follows_the_ballots(folder):
    manifest, raw, ballots, _ = B.read_ballots(folder)
    text = seal_text(raw, ballots).decode()
    assert text.count("\n") == 5 and all(re.fullmatch(r"[0-9a-f]{64}  \S+", line) for line in text.splitlines())
