"""What every part of a record agrees on: the names of its attachments, its format number, the
outcomes a decision may record, and the error for a file that is not a record."""
from __future__ import annotations

import hashlib

from packetgen.errors import PacketgenError

RECORD_NAME = "packetgen-record.json"
DECISION_NAME = "decision.json"
FORMAT = 2
OUTCOMES = ("promoted", "not-yet", "deferred")
RATIONALE_LIMIT = 64 * 1024
NAME_LIMIT = 200


class NotARecord(PacketgenError):
    """The file is not a packetgen archival record (exit code 2)."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
