"""JSON Schema for evidence and framework files, generated from loading/shapes.py (the shapes
the loaders read with) and a framework (its levels, areas and expectation IDs, each ID with
its text as the description an editor shows). `packetgen schema` prints them; the package
ships the built-in framework's (data/schema/), which `init` points editors at.

The schema checks structure and vocabulary; the loader checks the rest (dates that exist, a
period that ends after it starts, unique ids) and says where.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from packetgen.loading import shapes as D
from packetgen.model.framework import Framework
from packetgen.resources import package_data

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = package_data("schema")
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "YYYY-MM-DD"}
_EXTENSION: dict[str, dict] = {"^x-": {}}  # a user's own fields, anywhere


def shipped(kind: str) -> Path:
    """The shipped schema of the built-in framework: kind "evidence" or "framework"."""
    return SCHEMA_DIR / f"{kind}.schema.json"


def _object(shape: D.Shape, value_of, *, extensions: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: {**value_of(f), "description": f.help} for f in shape.fields},
        "additionalProperties": False,
    }
    if extensions:
        out["patternProperties"] = _EXTENSION
    if shape.required:
        out["required"] = list(shape.required)
    return out


def evidence_schema(fw: Framework) -> dict[str, Any]:
    """The schema of an evidence file read against `fw`."""
    from packetgen.catalogue import installed as installed_locales
    from packetgen.model.evidence import FAIRNESS_RULES

    levels = [lv.id for lv in fw.candidate_levels]
    ids = {"type": "string", "enum": [e.id for e in fw.expectations],
           "enumDescriptions": [f"{fw.level_name(e.level)} · {fw.area_name(e.area)}: {e.text}"
                                for e in fw.expectations]}

    def value_of(f: D.Field) -> dict[str, Any]:
        kind = f.kind
        if kind in ("text", "markdown"):
            return {"type": "string"}
        if kind == "slug":
            return {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9._-]*$"}
        if kind == "date":
            return dict(_DATE)
        if kind == "lang":
            return {"type": "string", "pattern": r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"}
        if kind == "locale":  # an installed catalogue, or one with a region: de, de-CH
            codes = list(installed_locales())
            return {"type": "string", "anyOf": [{"enum": codes},
                                                {"pattern": rf"^(?:{'|'.join(codes)})(?:-[A-Za-z0-9]{{2,8}})+$"}]}
        if kind == "level":
            return {"type": "string", "enum": levels}
        if kind == "choice":
            return {"type": "string", "enum": list(f.choices)}
        if kind == "ids":
            return {"type": "array", "items": ids, "maxItems": 100}
        if kind == "rules":
            return {"type": "array", "items": {"type": "string", "enum": list(FAIRNESS_RULES)}}
        if kind == "files":
            return {"type": "array", "items": {"type": "string", "pattern": r"^[^/\\]+$"}}
        if kind == "areas":
            return {"type": "object", "properties": {a.id: {"type": "string", "description": a.name}
                                                     for a in fw.areas},
                    "patternProperties": _EXTENSION, "additionalProperties": False}
        if kind == "object":
            return _object(_shape(f), value_of)
        if kind == "list":
            return {"type": "array", "items": _object(_shape(f), value_of), "maxItems": 1000}
        raise ValueError(f"no schema for a {kind} field")  # a new kind needs a line here

    top = _object(D.EVIDENCE, value_of)
    return {"$schema": DRAFT, "title": f"packetgen evidence file ({fw.name})", **top}


def included_schema(fw: Framework) -> dict[str, Any]:
    """The schema of a file named by `include:` (evidence items only)."""
    whole = evidence_schema(fw)
    return {**whole, "title": f"packetgen included evidence file ({fw.name})",
            "properties": {"evidence": whole["properties"]["evidence"]}, "required": []}


def framework_schema() -> dict[str, Any]:
    """The schema of a framework file."""
    def value_of(f: D.Field) -> dict[str, Any]:
        if f.kind in ("text", "markdown"):
            return {"type": "string"}
        if f.kind == "slug":
            return {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"}
        if f.kind == "bool":
            return {"type": "string", "enum": ["true", "false"]}
        if f.kind == "count":
            return {"type": "string", "pattern": "^[1-9][0-9]*$"}
        if f.kind == "object":
            return _object(_shape(f), value_of, extensions=False)
        if f.kind == "renames":
            return {"type": "object", "additionalProperties": {"type": "string"}}
        if f.kind == "list":
            return {"type": "array", "minItems": 1, "items": _object(_shape(f), value_of, extensions=False)}
        if f.kind == "expectations":
            text = {"type": "string", "minLength": 1}
            entry = {"anyOf": [text, {"type": "object", "required": ["text"], "additionalProperties": False,
                                      "properties": {"text": text,
                                                     "id": {"type": "string",
                                                            "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"},
                                                     "min_evidence": {"type": "string",
                                                                      "pattern": "^[1-9][0-9]*$"}}}]}
            return {"type": "object", "additionalProperties": {
                "type": ["object", "null"], "additionalProperties": {"type": ["array", "null"], "items": entry}}}
        raise ValueError(f"no schema for a {f.kind} field")

    return {"$schema": DRAFT, "title": "packetgen career framework file",
            **_object(D.FRAMEWORK, value_of, extensions=False)}


def render(schema: dict[str, Any]) -> str:
    import json

    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schema_text(kind: str, framework: str | None = None) -> str:
    """What `packetgen schema KIND` prints: the schema of an evidence file (with the framework's
    levels and IDs), of an included file, or of a framework file."""
    from packetgen.loading.framework import load_framework

    if kind == "framework":
        return render(framework_schema())
    fw = load_framework(framework, Path.cwd())
    return render((evidence_schema if kind == "evidence" else included_schema)(fw))


def _shape(f: D.Field) -> D.Shape:
    """The shape of an object or list field (the definitions give one for those kinds)."""
    if f.shape is None:
        raise ValueError(f"field {f.name!r} ({f.kind}) has no shape")
    return f.shape
