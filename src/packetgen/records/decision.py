"""A decision as a record embeds it: decision.json, written and read back (what `decide` adds)."""
from __future__ import annotations

import json
from datetime import date

from packetgen.records.format import DECISION_NAME, OUTCOMES, NotARecord


def decision_json(outcome: str, by: str, on: date, rationale: str = "") -> bytes:
    """decision.json as embedded: fixed keys, sorted, UTF-8."""
    return (json.dumps({"outcome": outcome, "by": by, "date": on.isoformat(), "rationale": rationale},
                       indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def parse_decision(blob: bytes) -> dict:
    """decision.json read back; NotARecord when it is not one packetgen writes."""
    try:
        decision = json.loads(blob)
        ok = (isinstance(decision, dict) and set(decision) == {"outcome", "by", "date", "rationale"}
              and decision["outcome"] in OUTCOMES and isinstance(decision["by"], str)
              and isinstance(decision["rationale"], str) and date.fromisoformat(decision["date"]))
    except (ValueError, TypeError):
        ok = False
    if not ok:
        raise NotARecord(f"{DECISION_NAME} is not a decision packetgen writes")
    return decision
