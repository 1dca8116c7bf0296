"""What a record is made from (the evidence and framework bytes, the options, the rendering
environment) and making one: the packet rendered from exactly those sources.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from packetgen.errors import UsageError
from packetgen.records.ballots import BallotBox
from packetgen.records.decision import parse_decision
from packetgen.records.format import DECISION_NAME, FORMAT, NAME_LIMIT, RECORD_NAME, sha256
from packetgen.version import __version__

# --- what a record is made from ---------------------------------------------------------------

@dataclass(frozen=True)
class Sources:
    """Everything a record's bytes follow from (with the release and the environment)."""

    evidence_name: str
    evidence: bytes
    framework_name: str
    framework: bytes
    target: str
    min_evidence: int
    paper: str
    generated: datetime
    decision: bytes | None = None  # decision.json, as embedded
    includes: tuple[tuple[str, bytes], ...] = ()  # the files the evidence's `include:` names (name, bytes)
    min_evidence_given: bool = True  # False: each expectation's own, else the framework's policy
    locale: str = ""  # the language it was rendered in ("": the evidence file's, else English)
    ballots: BallotBox | None = None  # the committee's sealed ballots (decide --ballots), with a decision
    engine: str = "weasyprint"  # what laid the record out ("typst": said in its record JSON)

    @property
    def override(self) -> int | None:
        """The --min-evidence the record was rendered with, or None."""
        return self.min_evidence if self.min_evidence_given else None


def sources_of(result, *, paper: str, generated: datetime, locale: str | None = None,
               engine: str = "weasyprint") -> Sources:
    """The sources of a matched case (render --archival)."""
    evidence, framework = result.evidence.raw, result.framework.raw
    if not evidence or not framework:
        raise UsageError("an archival record needs the evidence and framework files it was built from")
    from packetgen.records.ballots import RESERVED

    reserved = {RECORD_NAME, DECISION_NAME, *RESERVED}  # the names a record gives its own files
    evidence_name = Path(result.evidence.path).name or "evidence.yaml"
    if evidence_name in reserved:
        evidence_name = "evidence-" + evidence_name
    framework_name = Path(result.framework.path).name or "framework.yaml"
    if framework_name == evidence_name or framework_name in reserved:
        framework_name = "framework-" + framework_name
    includes = tuple((inc.name, inc.raw) for inc in result.evidence.includes)
    long = [name for name, _ in includes if len(name) > NAME_LIMIT]
    if long:
        raise UsageError(f"an archival record embeds each included file under its name, of at most {NAME_LIMIT} "
                         f"characters; {long[0][:40]}… has {len(long[0])}: rename it (and its `include:` line)")
    clash = {name for name, _ in includes} & ({framework_name, evidence_name} | reserved)
    if clash:
        raise UsageError(f"an archival record cannot embed an included file named {sorted(clash)[0]!r}: the record "
                         "needs that name for itself; rename the included file")
    return Sources(evidence_name, evidence, framework_name, framework, result.target_level, result.min_evidence,
                   paper, generated.astimezone(UTC).replace(microsecond=0), includes=includes,
                   min_evidence_given=result.min_evidence_given, locale=locale or result.evidence.locale or "",
                   engine=engine)


def _safe(name: str, fallback: str) -> str:
    """A file name from a record, usable inside a temporary folder (no folders, no dot-files)."""
    name = Path(str(name)).name.lstrip(".")
    return name[:NAME_LIMIT] or fallback


def load_sources(sources: Sources, *, target: str | None = None):
    """The embedded evidence and framework, loaded as `render` loaded them (evidence.Loaded),
    against `target` or the record's own target level."""
    from packetgen.loading.evidence import load_evidence

    with tempfile.TemporaryDirectory(prefix="packetgen-record-") as tmp:
        ev_path = Path(tmp) / _safe(sources.evidence_name, "evidence.yaml")
        fw_path = Path(tmp) / "framework" / _safe(sources.framework_name, "framework.yaml")
        fw_path.parent.mkdir()
        ev_path.write_bytes(sources.evidence)
        fw_path.write_bytes(sources.framework)
        for name, blob in sources.includes:  # beside the evidence file, under the names it gives
            (Path(tmp) / _safe(name, "included.yaml")).write_bytes(blob)
        return load_evidence(ev_path, framework=str(fw_path), target=target or sources.target,
                             today=sources.generated.date())


def _result(sources: Sources):
    """Load and match the sources exactly as `render` did."""
    from packetgen.analysis.matching import analyse

    loaded = load_sources(sources)
    return analyse(loaded.framework, loaded.evidence, target=sources.target, min_evidence=sources.override)


def make(sources: Sources) -> tuple[bytes, dict]:
    """The record's bytes (unsigned) and its record JSON. Rendering is deterministic, so the
    last few are kept: `verify` right after `render` in one process does not lay out twice."""
    data, blob = _make(sources)
    return data, json.loads(blob)


@lru_cache(maxsize=4)
def _make(sources: Sources) -> tuple[bytes, bytes]:
    from packetgen import catalogue
    from packetgen.records.archive import environment, write_record

    result = _result(sources)
    words = catalogue.load(sources.locale or None)
    record = {
        "packetgen": __version__,
        "format": FORMAT,
        "evidence": {"name": sources.evidence_name, "sha256": sha256(sources.evidence)},
        "framework": {"id": result.framework.id, "name": sources.framework_name, "sha256": sha256(sources.framework)},
        "target_level": result.target_level,
        "min_evidence": sources.min_evidence,
        **({} if sources.min_evidence_given else {"min_evidence_from": "framework"}),
        "paper": sources.paper,
        "locale": words.locale,
        "generated": sources.generated.isoformat(),
        **({} if sources.engine == "weasyprint" else {"engine": sources.engine}),
        "environment": environment(sources.engine),
        "statuses": {c.id: c.status for c in result.expectations},
    }
    if sources.includes:
        record["includes"] = [{"name": name, "sha256": sha256(blob)} for name, blob in sources.includes]
    files = [(sources.evidence_name, sources.evidence, words("record-file-evidence")),
             *((name, blob, words("record-file-include", file=sources.evidence_name))
               for name, blob in sources.includes),
             (sources.framework_name, sources.framework, words("record-file-framework", id=result.framework.id))]
    decision = None
    if sources.decision is not None:
        decision = parse_decision(sources.decision)
        record["decision"] = {"sha256": sha256(sources.decision)}
        files.append((DECISION_NAME, sources.decision, words("record-file-decision")))
    if sources.ballots is not None:
        record["ballots"] = sources.ballots.record_json()
        files += [(name, blob, words("record-file-ballots")) for name, blob in sources.ballots.files]
        if decision is not None:
            decision = {**decision, "ballots": sources.ballots.summary()}
    blob = json.dumps(record, indent=2, sort_keys=True).encode("utf-8")
    files.append((RECORD_NAME, blob, words("record-file-record")))
    writer = write_record
    if sources.engine == "typst":
        from packetgen.rendering.typst_pdf import write_record as writer
    data = writer(result, record, files, generated=sources.generated, paper=sources.paper, words=words,
                        decision=decision and {**decision, "date": date.fromisoformat(decision["date"])})
    return data, blob
