"""Reading an evidence file: every problem reported at once, each located.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

from packetgen.errors import InputError, Location, UsageError
from packetgen.loading import shapes as D
from packetgen.loading import yamlio
from packetgen.loading.budget import _printed_size
from packetgen.loading.checker import (
    Checker,
    did_you_mean,
    is_extension,
    one_line,
    visible,
)
from packetgen.loading.framework import load_framework
from packetgen.model.evidence import (
    _ITEM_ID,
    DECISIONS,
    EXTRACTED_NAMES,
    FAIRNESS_RULES,
    RELATIONSHIPS,
    Assessment,
    Candidate,
    Evidence,
    Included,
    Item,
    Link,
    Loaded,
    Period,
    Quote,
    Recommendation,
    Step,
)
from packetgen.model.framework import DEFAULT_FRAMEWORK, Framework

MAX_ITEMS = 1000
MAX_PER_ITEM = 100  # expectations, links or quotes of one item; development steps


def slugify(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:60].strip("-")


_TOP = D.EVIDENCE.keys
_CANDIDATE = D.CANDIDATE.keys
_ITEM = D.ITEM.keys
_QUOTE = D.QUOTE.keys
MAX_INCLUDES = 50


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

    candidate = _candidate(c, top, fw)
    if fw is not None and target is not None:
        _check_level(fw, target, None, "--target")
    period = _period(c, top)
    summary = c.text(top, "summary", ()) or ""
    self_assessment = c.text(top, "self_assessment", ()) or ""
    assessment = _assessment(c, top, fw)
    recommendation = _recommendation(c, top)
    values = c.text(top, "values", ()) or ""
    development = _development(c, top, fw)
    ignored = _fairness_ignore(c, top, ())
    explicit: dict[str, Location] = {}
    items = _items(c, top, fw, period, today, explicit)
    included = []
    for name, inc in _includes(c, top, Path(doc.path).parent, base_dir):
        ic = Checker(inc, extensions=True)
        inc_top = ic.mapping(inc.data, (), D.INCLUDED.what, D.INCLUDED.keys)
        if inc_top is not None:
            items += _items(ic, inc_top, fw, period, today, explicit)
        c.diagnostics.extend(ic.diagnostics)
        included.append(Included(name, inc.raw))
    if len(items) > MAX_ITEMS:
        c.error(("include",), f"{len(items):,} evidence items with the included files; packetgen takes at most "
                              f"{MAX_ITEMS:,}", key=True)
    items = _derive_ids(items)

    if candidate is not None and fw is not None:
        effective = target or candidate.target_level
        cur, tgt = fw.level(candidate.current_level), fw.level(effective)
        if cur and tgt and not cur.base and not tgt.base and tgt.rank <= cur.rank:
            where = ("candidate", "target_level") if target is None else ("candidate", "current_level")
            c.warning(where, f"target level {effective} is not above the current level "
                             f"{candidate.current_level}; a promotion packet usually aims higher")
    if fw is not None:
        level = target or (candidate.target_level if candidate is not None else None)
        _printed_size(c, fw, level, items, (summary, self_assessment, values,
                                            *_case_texts(assessment, recommendation, development)))
    if c.failed or fw is None or candidate is None:
        raise InputError(c.in_order())
    evidence = Evidence(doc.path, ref, candidate, tuple(items), period, summary, raw=doc.raw, includes=tuple(included),
                        self_assessment=self_assessment, assessment=assessment, recommendation=recommendation,
                        values=values, development=development, fairness_ignore=ignored)
    return Loaded(evidence, fw, c.in_order(), dict(doc.values))


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
        inside = (folder / path).resolve().is_relative_to(folder)
    if not inside:
        raise UsageError(f"framework {ref!r} is outside this file's folder; an evidence file may name a "
                         "built-in framework or a .yaml file in its own folder (pass --framework PATH to use "
                         "one elsewhere)")


def _check_level(fw: Framework, level: str, c: Checker | None, where, key: str = "") -> bool:
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
        if values[key] is not None and fw is not None:
            ok &= _check_level(fw, values[key].strip(), c, p + (key,), key)
    if not ok or any(values[k] is None for k in D.CANDIDATE.required):
        return None
    return Candidate(name=one_line(values["name"]), current_level=values["current_level"].strip(),
                     target_level=values["target_level"].strip(), role=one_line(values["role"] or ""),
                     manager=one_line(values["manager"] or ""))


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
    return Period(start, end) if start and end else None


def _includes(c: Checker, top: dict, shown_dir: Path, base_dir: Path) -> list[tuple[str, "yamlio.Document"]]:
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


def _derive_ids(items: list[Item]) -> list[Item]:
    """Items without an `id` get one from their title, never colliding with an explicit one
    (in any file of the case)."""
    taken = {item.id for item in items if item.id}
    derived = []
    for item in items:
        if not item.id:
            base = slugify(item.title) or "item"
            ident, n = base, 2
            while ident in taken:
                ident, n = f"{base}-{n}", n + 1
            item = replace(item, id=ident)
        taken.add(item.id)
        derived.append(item)
    return derived


def _items(c: Checker, top: dict, fw: Framework | None, period: Period | None, today: date,
           explicit: dict[str, Location]) -> list[Item]:
    """The items of one file's `evidence:`; `explicit` holds the ids given so far, in every file."""
    raw_items = c.list_(top, "evidence", ())
    if raw_items is None:
        return []
    if len(raw_items) > MAX_ITEMS:
        c.error(("evidence",), f"{len(raw_items):,} evidence items; packetgen takes at most {MAX_ITEMS:,}")
        return []
    items: list[Item] = []
    for i, raw in enumerate(raw_items):
        p = ("evidence", i)
        entry = c.mapping(raw, p, f"evidence item #{i + 1}", _ITEM)
        if entry is None:
            continue
        ident = c.text(entry, "id", p)
        if ident is not None:
            ident = ident.strip()
            if not _ITEM_ID.match(ident):
                c.error(p + ("id",), f"evidence id {ident!r} must start with a letter or digit and hold only "
                                     "letters, digits, '.', '-' and '_'")
                ident = None
            elif ident in explicit:
                first = explicit[ident]
                where = f"line {first.line}" if first.path == c.doc.path else str(first)
                c.error(p + ("id",), f"duplicate evidence id {ident!r} (first used at {where}); "
                                     "evidence ids must be unique across the case and its included files")
                ident = None
            else:
                explicit[ident] = c.doc.at(*p, "id")
        title = c.text(entry, "title", p, required=True, where=f"evidence item #{i + 1}")
        day = c.iso_date(entry, "date", p, required=True, where=f"evidence item #{i + 1}")
        cited = _citations(c, entry, p, fw)
        description = c.text(entry, "description", p) or ""
        links = _links(c, entry, p)
        quotes = _quotes(c, entry, p, today)
        ignored = _fairness_ignore(c, entry, p)
        if day is not None and day > today:
            c.warning(p + ("date",), f"{day} is in the future (today is {today})")
        if cited == ():
            c.warning(p, f"evidence item {repr(title) if title else '#' + str(i + 1)} cites no expectations (untagged); "
                         "add the IDs it demonstrates under 'expectations'")
        if title is None or day is None or cited is None:
            continue
        items.append(Item(ident or "", one_line(title), day, cited, description, links, quotes, ignored,
                          where=c.doc.at(*p),
                          quote_lines=tuple(c.doc.at(*p, "quotes", j).line for j in range(len(quotes)))))
    return items


def _citations(c: Checker, entry: dict, p: tuple, fw: Framework | None,
               what: str = "item") -> tuple[str, ...] | None:
    """The expectation IDs under `expectations` (() when absent; None after an error)."""
    raw = entry.get("expectations")
    if raw is None:
        return ()
    if isinstance(raw, str):
        c.error(p + ("expectations",), f"'expectations' must be a list of IDs, e.g. [{raw.strip()}]")
        return None
    refs = c.list_(entry, "expectations", p)
    if refs is None:
        return None
    if len(refs) > MAX_PER_ITEM:
        c.error(p + ("expectations",), f"{len(refs)} expectations on one {what}; at most {MAX_PER_ITEM}")
        return None
    out: list[str] = []
    ok = True
    for j, ref in enumerate(refs):
        rp = p + ("expectations", j)
        if not isinstance(ref, str) or not ref.strip():
            c.error(rp, "an expectation ID must be text such as ic4.impact.1")
            ok = False
            continue
        ref = ref.strip()
        if fw is not None and fw.expectation(ref) is None:
            near = c.suggest(ref, [e.id for e in fw.expectations])
            hint = ("; did you mean " + " or ".join(near) + "?") if near else \
                "; `packetgen framework` lists the valid IDs"
            c.error(rp, f"unknown expectation ID {ref!r}{hint}")
            ok = False
            continue
        if ref in out:
            c.warning(rp, f"expectation {ref} is named twice by this {what}; it counts once")
            continue
        out.append(ref)
    return tuple(out) if ok else None


def _bounded(c: Checker, entry: dict, key: str, p: tuple) -> list:
    """A list under `key` ([] when absent or longer than MAX_PER_ITEM, reported)."""
    values = c.list_(entry, key, p) or []
    if len(values) > MAX_PER_ITEM:
        where = "on one item" if p else "in the file"
        c.error(p + (key,), f"{len(values)} {key.replace('_', ' ')} {where}; at most {MAX_PER_ITEM}")
        return []
    return values


def _links(c: Checker, entry: dict, p: tuple) -> tuple[Link, ...]:
    out = []
    for j, raw in enumerate(_bounded(c, entry, "links", p)):
        lp = p + ("links", j)
        link = c.mapping(raw, lp, D.LINK.what, D.LINK.keys)
        if link is None:
            continue
        url = c.text(link, "url", lp, required=True, where="a link")
        title = c.text(link, "title", lp) or url
        if url is None:
            continue
        made = Link(one_line(title), url.strip())
        if not made.safe:
            c.warning(lp + ("url",), f"link {url.strip()!r} is not an http, https or mailto address; "
                                     "it is shown as text, not as a link")
        out.append(made)
    return tuple(out)


def _quotes(c: Checker, entry: dict, p: tuple, today: date) -> tuple[Quote, ...]:
    out = []
    for j, raw in enumerate(_bounded(c, entry, "quotes", p)):
        qp = p + ("quotes", j)
        quote = c.mapping(raw, qp, D.QUOTE.what, _QUOTE)
        if quote is None:
            continue
        text = c.text(quote, "text", qp, required=True, where="a quote")
        author = one_line(c.text(quote, "from", qp) or "")
        relationship = c.choice(quote, "relationship", qp, RELATIONSHIPS, where="a quote") or ""
        said = c.iso_date(quote, "date", qp, where="a quote")
        if text is None:
            continue
        if not visible(author.partition(",")[0]):
            c.warning(qp, "this quote says nobody's name under 'from', so it corroborates nothing; "
                          "write who said it: from: \"Alex Kim, Engineering Manager\"")
        if said is not None and said > today:
            c.warning(qp + ("date",), f"{said} is in the future (today is {today})")
        out.append(Quote(text.strip(), author, relationship, said))
    return tuple(out)


def _fairness_ignore(c: Checker, parent: dict, p: tuple) -> tuple[str, ...]:
    """`fairness_ignore: [RULE, ...]`: writing-review rules silenced here (contract section 6)."""
    raw = c.list_(parent, "fairness_ignore", p)
    out: list[str] = []
    for j, rule in enumerate(raw or ()):
        rule = rule.strip() if isinstance(rule, str) else rule
        if rule not in FAIRNESS_RULES:
            shown = repr(rule) if isinstance(rule, str) else "a list or mapping"
            c.error(p + ("fairness_ignore", j), f"unknown writing-review rule {shown}"
                    f"{did_you_mean(rule, FAIRNESS_RULES) if isinstance(rule, str) else ''}; "
                    f"the rules are {', '.join(FAIRNESS_RULES)}")
        elif rule not in out:
            out.append(rule)
    return tuple(out)


def _assessment(c: Checker, top: dict, fw: Framework | None) -> Assessment | None:
    if top.get("assessment") is None:
        return None
    p = ("assessment",)
    raw = c.mapping(top["assessment"], p, D.ASSESSMENT.what, D.ASSESSMENT.keys)
    if raw is None:
        return None
    by = one_line(c.text(raw, "by", p, where="'assessment'") or "")
    overall = c.text(raw, "overall", p, where="'assessment'") or ""
    texts: dict[str, str] = {}
    if raw.get("areas") is not None:
        given = raw["areas"]
        areas = c.mapping(given, p + ("areas",), "'assessment.areas'", list(given) if isinstance(given, dict) else ())
        # without a framework (it failed to load) the area ids cannot be checked
        area_ids = [a.id for a in fw.areas] if fw is not None else list(areas or ())
        for key in areas or {}:
            if is_extension(key):
                continue
            if key not in area_ids:
                c.error(p + ("areas", key), f"unknown area {key!r}{did_you_mean(key, area_ids)}; the areas of "
                                            f"{fw.id} are {', '.join(area_ids)}", key=True)
                continue
            text = c.text(areas, key, p + ("areas",), where="'assessment.areas'")
            if text is not None:
                texts[key] = text
        order = {a: n for n, a in enumerate(area_ids)}
        texts = dict(sorted(texts.items(), key=lambda kv: order.get(kv[0], 0)))
    return Assessment(by, overall, tuple(texts.items()))


def _recommendation(c: Checker, top: dict) -> Recommendation | None:
    if top.get("recommendation") is None:
        return None
    p = ("recommendation",)
    raw = c.mapping(top["recommendation"], p, D.RECOMMENDATION.what, D.RECOMMENDATION.keys)
    if raw is None:
        return None
    decision = c.choice(raw, "decision", p, DECISIONS, required=True, where="'recommendation'")
    rationale = c.text(raw, "rationale", p, where="'recommendation'") or ""
    return Recommendation(decision, rationale) if decision else None


def _development(c: Checker, top: dict, fw: Framework | None) -> tuple[Step, ...]:
    steps = []
    for j, raw in enumerate(_bounded(c, top, "development", ())):
        p = ("development", j)
        entry = c.mapping(raw, p, f"development step #{j + 1}", D.STEP.keys)
        if entry is None:
            continue
        plan = c.text(entry, "plan", p, required=True, where=f"development step #{j + 1}")
        cited = _citations(c, entry, p, fw, what="development step")
        by = c.iso_date(entry, "by", p, where=f"development step #{j + 1}")
        if cited == ():
            c.warning(p, f"development step #{j + 1} names no expectation; list the IDs it works toward "
                         "under 'expectations' so the packet can show it beside them")
        if plan is not None and cited is not None:
            steps.append(Step(plan.strip(), cited, by))
    return tuple(steps)
