"""A cycle's packets in one command (issue 30, item 4): `render A.yaml B.yaml ... -o DIR/` writes one packet
per file named from the candidate, in worker processes, each whole or not at all, and sums up what
failed; the packets are those `render` writes one at a time."""
from __future__ import annotations

import hashlib
import shutil

import pytest
from conftest import EXAMPLES
from render_helpers import ARCHIVE_EPOCH, invoke

pytestmark = pytest.mark.renders

BROKEN = "candidate:\n  name: Broken Case\n  current_level: ic3\n  target_level: ic9\nevidence: []\n"


@pytest.fixture
def cycle(tmp_path):
    folder = tmp_path / "cycle"
    folder.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    (folder / "zz-broken.yaml").write_text(BROKEN, encoding="utf-8")
    twin = (folder / EXAMPLES[0].name).read_text(encoding="utf-8")
    (folder / "twin.yaml").write_text(twin, encoding="utf-8")  # the same candidate a second time
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_packet_per_file_named_from_the_candidate_and_the_failures_summed_up(cycle, tmp_path, jobs):
    files = sorted(cycle.glob("*.yaml"))
    out = tmp_path / "out"
    result = invoke("render", *files, "-o", f"{out}/", "--format", "html", "--jobs", jobs)
    assert result.exit_code == 2
    names = {p.name for p in out.iterdir()}
    assert names == {"jordan-lee.html", "morgan-okafor.html", "priya-natarajan.html", "priya-natarajan-2.html"}
    assert "zz-broken.yaml:4:17: error: target_level: unknown level 'ic9'" in result.stderr
    assert f"rendered 4 of 5 packets into {out}/" in result.stderr
    assert result.stderr.rstrip().endswith("packetgen: error: " + str(cycle / "zz-broken.yaml") + ": not rendered (does not load)")
    for example in EXAMPLES:  # each is the packet `render` writes for that file alone
        name = {"ic2": "priya-natarajan", "ic3": "jordan-lee", "ic4": "morgan-okafor"}[example.stem[:3]]
        alone = tmp_path / f"alone-{name}.html"
        assert invoke("render", example, "-o", alone).exit_code == 0
        assert (out / f"{name}.html").read_bytes() == alone.read_bytes()


def test_archival_records_in_a_batch_are_the_records_render_writes(tmp_path, records):
    out = tmp_path / "records"
    result = invoke("render", EXAMPLES[0], EXAMPLES[2], "-o", f"{out}/", "--archival", "--jobs", "2",
                    env={"SOURCE_DATE_EPOCH": ARCHIVE_EPOCH})
    assert result.exit_code == 0, result.stderr
    printed = dict(line.split("  ")[::-1] for line in result.stdout.splitlines())
    for example, name in ((EXAMPLES[0], "priya-natarajan.pdf"), (EXAMPLES[2], "morgan-okafor.pdf")):
        data = (out / name).read_bytes()
        assert data == records(example).read_bytes()  # byte for byte: the record a lone render makes
        assert printed[str(out / name)] == hashlib.sha256(data).hexdigest()


def test_a_batch_needs_a_folder(tmp_path):
    taken = tmp_path / "packet.pdf"
    taken.write_bytes(b"keep me")
    result = invoke("render", EXAMPLES[0], EXAMPLES[1], "-o", taken)
    assert result.exit_code == 2 and "names a folder" in result.stderr and taken.read_bytes() == b"keep me"
    result = invoke("render", EXAMPLES[0], EXAMPLES[1], "-o", "-", "--format", "md")
    assert result.exit_code == 2 and "standard output" in result.stderr
