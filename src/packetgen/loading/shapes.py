"""The shapes of packetgen's input files, as data: which keys each mapping takes, which are
required, and what each holds. The loaders (loading/evidence.py, loading/framework.py) take their keys from
here, and `packetgen schema` turns the same definitions into JSON Schema for editors
(authoring/json_schema.py): one description, never a second hand-kept copy.

Kinds of value: text (one line), markdown, date (YYYY-MM-DD), level (a level id of the
framework), ids (a list of expectation IDs), choice (one of `choices`), slug, files (a list of
file names), rules (fairness rule names), list (of `shape`), object (`shape`), areas (one
Markdown text per framework area), expectations (the framework's level -> area -> texts table),
bool ("true" or "false"), count (a whole number from 1), lang (a language tag such as ja or pt-BR), renames
(a mapping of old expectation IDs to new ones).
"""
from __future__ import annotations

from dataclasses import dataclass

from packetgen.model.evidence import DECISIONS, RELATIONSHIPS


@dataclass(frozen=True)
class Field:
    """One key of a file's shape: its name, the kind of value it takes, help for editors."""

    name: str
    kind: str
    help: str
    required: bool = False
    shape: Shape | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shape:
    """The keys one mapping of a file may have (an item, a quote, a level…)."""

    what: str  # how an error names it
    fields: tuple[Field, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)



# --- the evidence file (docs/reference.md, The evidence file) ---------------------------------------------------

CANDIDATE = Shape("'candidate'", (
    Field("name", "text", "The candidate's name.", required=True),
    Field("current_level", "level", "The level the candidate holds now.", required=True),
    Field("target_level", "level", "The level the packet makes the case for.", required=True),
    Field("role", "text", "The candidate's role, e.g. Product Manager, Code Search."),
    Field("manager", "text", "The candidate's manager (the sponsor, unless assessment.by says otherwise)."),
    Field("pronouns", "text", "How to refer to the candidate, e.g. she/her (printed in the header)."),
))
SPAN = Shape("an excluded span", (
    Field("start", "date", "Its first day.", required=True),
    Field("end", "date", "Its last day.", required=True),
))
PERIOD = Shape("'period'", (
    Field("start", "date", "The first day of the review period.", required=True),
    Field("end", "date", "The last day of the review period.", required=True),
    Field("exclude", "list", "Spans that must not count against the candidate (leave, for instance); "
                             "no reason is written down or printed.", shape=SPAN),
))
ASSESSMENT = Shape("'assessment'", (
    Field("by", "text", "Who assesses: \"Name, Role\" (defaults to candidate.manager)."),
    Field("overall", "markdown", "The sponsor's overall view."),
    Field("areas", "areas", "One Markdown text per framework area id."),
    Field("concerns", "ids", "Expectations of levels the candidate holds that the sponsor doubts."),
))
RECOMMENDATION = Shape("'recommendation'", (
    Field("decision", "choice", "The sponsor's recommendation.", required=True, choices=DECISIONS),
    Field("rationale", "markdown", "Why."),
))
STEP = Shape("a development step", (
    Field("plan", "text", "What the candidate will do.", required=True),
    Field("expectations", "ids", "The expectations it works toward."),
    Field("by", "date", "By when."),
))
LINK = Shape("a link", (
    Field("title", "text", "What the link shows."),
    Field("url", "text", "An http, https or mailto URL.", required=True),
))
QUOTE = Shape("a quote", (
    Field("from", "text", "The person, then (after the first comma) their role.", required=True),
    Field("text", "text", "What they said.", required=True),
    Field("relationship", "choice", "How they worked with the candidate.", choices=RELATIONSHIPS),
    Field("date", "date", "When they said it."),
    Field("lang", "lang", "The quote's language when it is not the packet's (e.g. ja)."),
))
ITEM = Shape("an evidence item", (
    Field("id", "slug", "A stable id, unique across the case (derived from the title when absent)."),
    Field("title", "text", "The accomplishment, in one line.", required=True),
    Field("date", "date", "When it happened (the first day, with `until`).", required=True),
    Field("until", "date", "The last day of work that ran over time (inclusive)."),
    Field("result", "text", "One line: what changed, in your words (e.g. build time 4 h → 22 min)."),
    Field("expectations", "ids", "The expectation IDs it demonstrates."),
    Field("description", "markdown", "What happened, and what changed because of it."),
    Field("links", "list", "Artifacts: PRDs, dashboards, launch posts.", shape=LINK),
    Field("quotes", "list", "What colleagues, customers or leaders said.", shape=QUOTE),
    Field("fairness_ignore", "rules", "Writing-review rules to silence on this item."),
))
EVIDENCE = Shape("the evidence file", (
    Field("framework", "text", "A built-in framework id, or a .yaml file in this file's folder."),
    Field("locale", "locale", "The packet's language and formats (packetgen locales lists them; default en)."),
    Field("candidate", "object", "Who the packet is for.", required=True, shape=CANDIDATE),
    Field("period", "object", "The review window; both dates inclusive.", shape=PERIOD),
    Field("summary", "markdown", "The case in a few paragraphs."),
    Field("self_assessment", "markdown", "The candidate's own voice."),
    Field("assessment", "object", "The sponsor's voice.", shape=ASSESSMENT),
    Field("recommendation", "object", "The sponsor's recommendation.", shape=RECOMMENDATION),
    Field("values", "markdown", "How the candidate shows the company's values."),
    Field("development", "list", "Next steps, each tied to expectations.", shape=STEP),
    Field("fairness_ignore", "rules", "Writing-review rules to silence in the whole file."),
    Field("include", "files", "Files in this folder holding only more `evidence:` items."),
    Field("evidence", "list", "The accomplishments.", shape=ITEM),
))
# a file named by `include:`: evidence items only
INCLUDED = Shape("an included file", (EVIDENCE.field("evidence"),))

# --- the framework file (docs/reference.md, The framework file) ---------------------------------------

NAMED = Shape("an entry", (
    Field("id", "slug", "Lowercase letters, digits, '-' or '_'.", required=True),
    Field("name", "text", "How the packet names it."),
    Field("description", "text", "What it covers."),
))
POLICY = Shape("'policy'", (
    Field("min_evidence", "count", "Counting items an expectation needs to be met (default 2)."),
    Field("sustained_days", "count", "Days an expectation's evidence must cover to be sustained (default 60)."),
))
LEVEL = Shape("a level", NAMED.fields + (
    Field("base", "bool", "true for a first level whose expectations apply to every level."),))
FRAMEWORK = Shape("the framework file", (
    Field("id", "slug", "The framework's id.", required=True),
    Field("name", "text", "Its name.", required=True),
    Field("source", "text", "Where it comes from."),
    Field("about", "markdown", "What it is for (printed in the packet)."),
    Field("cumulative_note", "text", "How levels add up."),
    Field("values_note", "text", "How the company's values enter."),
    Field("policy", "object", "The framework's rules of evidence.", shape=POLICY),
    Field("version", "text", "Which version of the ladder this is (e.g. 2027)."),
    Field("renamed", "renames", "Expectation IDs of earlier versions -> their IDs now; evidence citing an old ID "
                                "is matched as the new one (a warning says so)."),
    Field("areas", "list", "The areas (Impact, Scope, ...).", required=True, shape=NAMED),
    Field("levels", "list", "The levels, lowest first.", required=True, shape=LEVEL),
    Field("expectations", "expectations", "level id -> area id -> list of expectation texts.", required=True),
))
