"""Reading an evidence file: every problem reported at once, each located.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from packetgen.errors import InputError, Location, UsageError
from packetgen.loading import placeholders, yamlio
from packetgen.loading import shapes as D
from packetgen.loading.budget import check_printed_size
from packetgen.loading.checker import Checker, did_you_mean, is_extension, one_line
from packetgen.loading.framework import load_framework
from packetgen.loading.items import MAX_ITEMS, bounded, citations, derive_ids, fairness_ignore, read_items
from packetgen.model.evidence import (
    DECISIONS,
    EXTRACTED_NAMES,
    Assessment,
    Candidate,
    Evidence,
    Included,
    Loaded,
    Period,
    Recommendation,
    Span,
    Step,
)
from packetgen.model.framework import DEFAULT_FRAMEWORK, Framework
from packetgen.text import fold

MAX_INCLUDES = 50
_TOP = D.EVIDENCE.keys
_CANDIDATE = D.CANDIDATE.keys


def load_evidence(path: str | Path, *, framework: str | None = None, target: str | None = None,
                  today: date | None = None) -> Loaded:
    """Read and validate an evidence file.

    `framework` overrides the file's `framework:`; `target` overrides its target level
    (a UsageError when that level does not exist). Raises InputError with every error
    and warning when the file has any error; otherwise returns the warnings with it.
    """
    doc = yamlio.load_file(path)
    return parse_evidence(doc, base_dir=Path(path).parent, framework=framework, target=target,
                          today=today or date.today())


def parse_evidence(doc: yamlio.Document, *, base_dir: Path, framework: str | None = None,
                   target: str | None = None, today: date) -> Loaded:
    c = Checker(doc, extensions=True)
    top = c.mapping(doc.data, (), "the evidence file", _TOP)
    if top is None:
        raise InputError(c.diagnostics)

    ref = framework or c.text(top, "framework", ()) or DEFAULT_FRAMEWORK
    fw: Framework | None = None
    try:
        if not framework:
            _confine(ref, base_dir)
        fw = load_framework(ref, base_dir)
    except InputError as exc:  # the framework file itself is broken: show where
        c.diagnostics.extend(exc.diagnostics)
    except UsageError as exc:
        if framework:
            raise
        c.error(("framework",), str(exc))

    locale = _locale(c, top)
    candidate = _candidate(c, top, fw)
    if fw is not None and target is not None:
        check_level(fw, target, None, "--target")
    period = _period(c, top)
    summary = c.markdown(top, "summary", ()) or ""
    self_assessment = c.markdown(top, "self_assessment", ()) or ""
    assessment = _assessment(c, top, fw)
    recommendation = _recommendation(c, top)
    values = c.markdown(top, "values", ()) or ""
    development = _development(c, top, fw)
    ignored = fairness_ignore(c, top, ())
    explicit: dict[str, Location] = {}
    items = read_items(c, top, fw, period, today, explicit)
    included = []
    for name, inc in _includes(c, top, Path(doc.path).parent, base_dir):
        ic = Checker(inc, extensions=True)
        inc_top = ic.mapping(inc.data, (), D.INCLUDED.what, D.INCLUDED.keys)
        if inc_top is not None:
            items += read_items(ic, inc_top, fw, period, today, explicit)
        c.diagnostics.extend(ic.diagnostics)
        included.append(Included(name, inc.raw))
    if len(items) > MAX_ITEMS:
        c.error(("include",), f"{len(items):,} evidence items with the included files; packetgen takes at most "
                              f"{MAX_ITEMS:,}", key=True)
    items = derive_ids(items)

    if candidate is not None and fw is not None:
        effective = target or candidate.target_level
        cur, tgt = fw.level(candidate.current_level), fw.level(effective)
        if cur and tgt and not cur.base and not tgt.base and tgt.rank <= cur.rank:
            where = ("candidate", "target_level") if target is None else ("candidate", "current_level")
            c.warning(where, f"target level {effective} is not above the current level "
                             f"{candidate.current_level}; a promotion packet usually aims higher")
    if fw is not None and candidate is not None and assessment is not None and assessment.concerns:
        _check_concerns(c, fw, candidate, target or candidate.target_level, assessment.concerns)
    if fw is not None:
        level = target or (candidate.target_level if candidate is not None else None)
        check_printed_size(c, fw, level, items, (summary, self_assessment, values,
                                            *_case_texts(assessment, recommendation, development)))
    _placeholders(c, top)
    if c.failed or fw is None or candidate is None:
        raise InputError(c.in_order())
    evidence = Evidence(doc.path, ref, candidate, tuple(items), period, summary, raw=doc.raw, includes=tuple(included),
                        self_assessment=self_assessment, assessment=assessment, recommendation=recommendation,
                        values=values, development=development, fairness_ignore=ignored, locale=locale)
    return Loaded(evidence, fw, c.in_order(), dict(doc.values))


def _locale(c: Checker, top: dict) -> str:
    """`locale:` as a BCP 47 tag ("de", "pt-BR") whose catalogue, or whose language's, is installed."""
    from packetgen.catalogue import installed, normal

    raw = c.text(top, "locale", ())
    if not raw:
        return ""
    tag = normal(raw)
    have = installed()
    if tag not in have and tag.split("-")[0] not in have:
        c.error(("locale",), f"unknown locale {raw!r}; installed: {', '.join(have)} (packetgen locales; a "
                             "company's own language: render --locale TAG --catalogue FILE)")
        return ""
    return tag


def _case_texts(assessment, recommendation, development) -> tuple[str, ...]:
    texts = []
    if assessment is not None:
        texts += [assessment.by, assessment.overall, *(text for _, text in assessment.areas)]
    if recommendation is not None:
        texts.append(recommendation.rationale)
    texts += [step.plan for step in development]
    return tuple(texts)


def _confine(ref: str, base_dir: Path) -> None:
    """A framework named by an evidence file must sit in that file's folder (or below):
    the file's author must not make packetgen read anything else on the reader's disk."""
    from packetgen.resources import builtin_frameworks

    if ref in builtin_frameworks():
        return
    path = Path(ref)
    inside = not path.is_absolute() and not ref.startswith("~")
    if inside:
        folder = base_dir.resolve()
        try:
            inside = (folder / path).resolve().is_relative_to(folder)
        except (OSError, RuntimeError) as exc:  # a loop of symbolic links, a name too long
            reason = getattr(exc, "strerror", None) or "a loop of symbolic links"
            raise UsageError(f"framework {ref[:80]!r}{'…' if len(ref) > 80 else ''} cannot be read: {reason}") from None
    if not inside:
        raise UsageError(f"framework {ref!r} is outside this file's folder; an evidence file may name a "
                         "built-in framework or a .yaml file in its own folder (pass --framework PATH to use "
                         "one elsewhere)")


def check_level(fw: Framework, level: str, c: Checker | None, where, key: str = "") -> bool:
    names = [lv.id for lv in fw.candidate_levels]
    found = fw.level(level)
    if found is not None and not found.base:
        return True
    if found is not None:
        msg = (f"{level!r} is the base level that applies to every level, not a level a person holds; "
               f"use one of {', '.join(names)}")
    else:
        msg = f"unknown level {level!r}{did_you_mean(level, names)}; the levels of {fw.id} are {', '.join(names)}"
    if c is None:
        raise UsageError(f"{where}: {msg}")
    c.error(where, f"{key}: {msg}" if key else msg)
    return False


def _candidate(c: Checker, top: dict, fw: Framework | None) -> Candidate | None:
    if "candidate" not in top:
        c.error((), "missing required key 'candidate' (with name, current_level, target_level)")
        return None
    raw = c.mapping(top["candidate"], ("candidate",), "'candidate'", _CANDIDATE)
    if raw is None:
        return None
    p = ("candidate",)
    values = {k: c.text(raw, k, p, required=k in D.CANDIDATE.required, where="'candidate'") for k in _CANDIDATE}
    ok = True
    for key in ("current_level", "target_level"):
        value = values[key]
        if value is not None and fw is not None:
            ok &= check_level(fw, value.strip(), c, p + (key,), key)
    if not ok or any(values[k] is None for k in D.CANDIDATE.required):
        return None
    name, current, target = (values[k] or "" for k in ("name", "current_level", "target_level"))
    return Candidate(name=one_line(name), current_level=current.strip(),
                     target_level=target.strip(), role=one_line(values["role"] or ""),
                     manager=one_line(values["manager"] or ""), pronouns=one_line(values["pronouns"] or ""))


def _period(c: Checker, top: dict) -> Period | None:
    if top.get("period") is None:
        return None
    raw = c.mapping(top["period"], ("period",), D.PERIOD.what, D.PERIOD.keys)
    if raw is None:
        return None
    start = c.iso_date(raw, "start", ("period",), required=True, where="'period'")
    end = c.iso_date(raw, "end", ("period",), required=True, where="'period'")
    if start and end and end < start:
        c.error(("period", "end"), f"the period ends ({end}) before it starts ({start})")
        return None
    if not (start and end):
        return None
    return Period(start, end, _excluded(c, raw, start, end))


def _excluded(c: Checker, period: dict, start: date, end: date) -> tuple[Span, ...]:
    """`period.exclude`: spans inside the period, each ending on or after its start, none
    overlapping another."""
    spans: list[tuple[Span, tuple]] = []
    for j, raw in enumerate(bounded(c, period, "exclude", ("period",))):
        p = ("period", "exclude", j)
        entry = c.mapping(raw, p, D.SPAN.what, D.SPAN.keys)
        if entry is None:
            continue
        first = c.iso_date(entry, "start", p, required=True, where="an excluded span")
        last = c.iso_date(entry, "end", p, required=True, where="an excluded span")
        if first is None or last is None:
            continue
        if last < first:
            c.error(p + ("end",), f"this excluded span ends ({last}) before it starts ({first})")
        elif first < start or last > end:
            c.error(p, f"this excluded span ({first} to {last}) reaches outside the review period ({start} to "
                       f"{end}); exclude only days of the period")
        elif any(first <= other.end and last >= other.start for other, _ in spans):
            other, where = next((o, w) for o, w in spans if first <= o.end and last >= o.start)
            c.error(p, f"this excluded span ({first} to {last}) overlaps the one at line {c.doc.at(*where).line} "
                       f"({other.start} to {other.end}); join them into one")
        else:
            spans.append((Span(first, last), p))
    return tuple(sorted((span for span, _ in spans), key=lambda s: s.start))


def _includes(c: Checker, top: dict, shown_dir: Path, base_dir: Path) -> list[tuple[str, yamlio.Document]]:
    """The files `include:` names, parsed: plain file names in the including file's folder,
    each at most once, never the including file itself (errors located at the entry)."""
    names = c.list_(top, "include", ())
    if not names:
        return []
    if len(names) > MAX_INCLUDES:
        c.error(("include",), f"{len(names)} included files; packetgen takes at most {MAX_INCLUDES}")
        return []
    out, seen = [], set()
    own = Path(c.doc.path).name
    for j, name in enumerate(names):
        p = ("include", j)
        if not isinstance(name, str) or not name.strip():
            c.error(p, "an included file is named by its file name, e.g. 2026-q1.yaml")
            continue
        name = name.strip()
        if Path(name).name != name or name in (".", "..") or "\\" in name:
            c.error(p, f"include {name!r}: name a file in this file's folder (no folders, no '..')")
            continue
        if name == own:
            c.error(p, f"include {name!r}: a file cannot include itself")
            continue
        if name in EXTRACTED_NAMES:  # `extract` gives the case's own two files back under these names
            c.error(p, f"include {name!r}: records give the case's {name.removesuffix('.yaml')} file back under "
                       "this name; rename the included file")
            continue
        if name in seen:
            c.error(p, f"include {name!r} is named twice")
            continue
        seen.add(name)
        path = base_dir / name
        if not path.is_file():
            c.error(p, f"include {name!r}: there is no such file beside this one")
            continue
        if not path.resolve().is_relative_to(base_dir.resolve()):  # a link: included files stay in the folder
            c.error(p, f"include {name!r} is a link to a file outside this file's folder; include files that "
                       "are in the folder")
            continue
        try:
            out.append((name, yamlio.load_file(path, str(shown_dir / name))))
        except InputError as exc:  # the included file's own syntax errors, located in it
            c.diagnostics.extend(exc.diagnostics)
    return out


def _assessment(c: Checker, top: dict, fw: Framework | None) -> Assessment | None:
    if top.get("assessment") is None:
        return None
    p = ("assessment",)
    raw = c.mapping(top["assessment"], p, D.ASSESSMENT.what, D.ASSESSMENT.keys)
    if raw is None:
        return None
    by = one_line(c.text(raw, "by", p, where="'assessment'") or "")
    overall = c.markdown(raw, "overall", p, where="'assessment'") or ""
    texts: dict[str, str] = {}
    if raw.get("areas") is not None:
        given = raw["areas"]
        areas = c.mapping(given, p + ("areas",), "'assessment.areas'", list(given) if isinstance(given, dict) else ())
        # without a framework (it failed to load) the area ids cannot be checked
        area_ids = [a.id for a in fw.areas] if fw is not None else list(areas or ())
        for key in areas or {}:
            assert areas is not None
            if is_extension(key):
                continue
            if key not in area_ids:
                c.error(p + ("areas", key), f"unknown area {key!r}{did_you_mean(key, area_ids)}; the areas of "
                                            f"{fw.id if fw else 'the framework'} are {', '.join(area_ids)}", key=True)
                continue
            text = c.markdown(areas, key, p + ("areas",), where="'assessment.areas'")
            if text is not None:
                texts[key] = text
        order = {a: n for n, a in enumerate(area_ids)}
        texts = dict(sorted(texts.items(), key=lambda kv: order.get(kv[0], 0)))
    concerns = citations(c, raw, p, fw, what="list of concerns", key="concerns") or ()
    return Assessment(by, overall, tuple(texts.items()), concerns)


def _check_concerns(c: Checker, fw: Framework, candidate: Candidate, target: str, concerns: tuple[str, ...]) -> None:
    """A concern names an expectation of a level the candidate holds (not one to demonstrate:
    those show their own status)."""
    held = set(fw.held(candidate.current_level, target))
    names = ", ".join(lv.name for lv in fw.levels_up_to(target) if lv.id in held) or "none"
    for j, ref in enumerate(concerns):
        exp = fw.expectation(ref)
        if exp is not None and exp.level not in held:
            c.error(("assessment", "concerns", j),
                    f"concern {ref} is not an expectation of a level {candidate.name or 'the candidate'} holds "
                    f"(held: {names}); a concern doubts what is held, while {fw.level_name(exp.level)} is "
                    "to be demonstrated and shows its own status")


def _recommendation(c: Checker, top: dict) -> Recommendation | None:
    if top.get("recommendation") is None:
        return None
    p = ("recommendation",)
    raw = c.mapping(top["recommendation"], p, D.RECOMMENDATION.what, D.RECOMMENDATION.keys)
    if raw is None:
        return None
    decision = c.choice(raw, "decision", p, DECISIONS, required=True, where="'recommendation'")
    rationale = c.markdown(raw, "rationale", p, where="'recommendation'") or ""
    return Recommendation(decision, rationale) if decision else None


def _development(c: Checker, top: dict, fw: Framework | None) -> tuple[Step, ...]:
    steps = []
    for j, raw in enumerate(bounded(c, top, "development", ())):
        p = ("development", j)
        entry = c.mapping(raw, p, f"development step #{j + 1}", D.STEP.keys)
        if entry is None:
            continue
        plan = c.text(entry, "plan", p, required=True, where=f"development step #{j + 1}")
        cited = citations(c, entry, p, fw, what="development step")
        by = c.iso_date(entry, "by", p, where=f"development step #{j + 1}")
        if cited == ():
            c.warning(p, f"development step #{j + 1} names no expectation; list the IDs it works toward "
                         "under 'expectations' so the packet can show it beside them")
        if plan is not None and cited is not None:
            steps.append(Step(plan.strip(), cited, by))
    return tuple(steps)


def _placeholders(c: Checker, top: dict) -> None:
    """A located warning wherever the file still holds `init`'s example text, unchanged."""
    def walk(value, pattern: tuple[str, ...], path: tuple):
        if not pattern:
            yield path, value
            return
        key, rest = pattern[0], pattern[1:]
        if key == "*":
            pairs = (enumerate(value) if isinstance(value, list) else
                     value.items() if isinstance(value, dict) else ())
            for k, v in pairs:
                yield from walk(v, rest, path + (k,))
        elif isinstance(value, dict) and key in value:
            yield from walk(value[key], rest, path + (key,))

    for pattern, text in placeholders.PLACES:
        for path, value in walk(top, pattern, ()):
            # only a text of about the placeholder's length can be it (a cheap test before folding)
            if isinstance(value, str) and abs(len(value.strip()) - len(text)) <= 8 and fold(value) == fold(text):
                field = ".".join(str(k) for k in path if isinstance(k, str))
                fix = "write the candidate's name" if path == ("candidate", "name") else "write your own, or remove it"
                c.warning(path, f"{field} still holds the starter file's example ({text!r}); {fix}")
