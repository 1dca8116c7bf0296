"""Pseudonyms for a calibration cycle (README, Calibration handouts): every candidate becomes "Candidate A",
"Candidate B", ..., managers "Manager 1", ..., quote authors and everyone on a roster
(`--redact-names`) "Colleague 1", ...; every occurrence of any of their names in any text is
replaced; gendered pronouns and titles become neutral; link URLs are reduced to their host;
item ids are renumbered (they are often derived from titles). Pure: evidence in, evidence out,
plus a report of what may still give someone away.

Names are matched on the text as the reader will see it: entities resolved, invisible
characters removed, Unicode normalised, Markdown emphasis inside a word unwrapped, and accents
folded on both sides; inside glued forms too (CamelCase, a genitive "s", handles, e-mail
addresses, file names and hosts, punycode included). A name that is also a common word (April,
Will, Grace, Hope) is replaced only where it stands as a name; what cannot be decided is
reported. Not handled: initials, nicknames, inflected forms ("Priyas" in another language).

Letters are assigned by a hash of each candidate's name and file content, so the same input
set gets the same pseudonyms whatever order the files are given in.
"""
from __future__ import annotations

import hashlib
import string
from collections.abc import Sequence
from dataclasses import dataclass, replace

from packetgen.committee.given_names import note_given_names
from packetgen.committee.names import NameReplacer, Report, name_key, readable, split_person
from packetgen.committee.pronouns import neutral
from packetgen.model.evidence import Assessment, Candidate, Evidence, Link, Recommendation
from packetgen.model.framework import Framework
from packetgen.model.result import Result


@dataclass(frozen=True)
class KeyRow:
    pseudonym: str
    kind: str  # candidate, manager, colleague
    name: str
    source: str  # the evidence file(s), or the roster


def letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA ..."""
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = string.ascii_uppercase[rem] + out
    return out


# --- the cycle --------------------------------------------------------------------------------

def anonymize(evidences: list[Evidence], *, roster: Sequence[str] = (), roster_source: str = "",
              hide_role: bool = False) -> tuple[list[Evidence], list[KeyRow], Report]:
    """Pseudonymise a cycle (letters follow a hash of each case seeded by all of them, not input order)."""
    evidences, key, report, _ = _anonymize(evidences, roster=roster, roster_source=roster_source,
                                           hide_role=hide_role)
    return evidences, key, report


def _english_label(kind: str, n: int | str) -> str:
    from packetgen.catalogue import english

    return english()(f"pseudonym-{kind}", n=n, letter=n)


def _anonymize(evidences: list[Evidence], *, roster, roster_source: str, hide_role: bool, label_of=None):
    """`label_of(kind, n)`: a pseudonym in the handout's language (kind "candidate" with a letter,
    "manager" or "colleague" with a number); English when not given."""
    label_of = label_of or _english_label
    # letters follow a hash of each case seeded by every case of the cycle: the same files give the same
    # letters in any order, and no one file can choose its letter (grinding its own bytes moves the seed
    # too, and the other files, which its author does not have, decide where it lands)
    digests = [hashlib.sha256(ev.candidate.name.encode() + b"\0" + ev.raw).digest() for ev in evidences]
    seed = hashlib.sha256(b"".join(sorted(digests))).digest()
    order = sorted(range(len(evidences)), key=lambda i: hashlib.sha256(seed + digests[i]).hexdigest())
    names: dict[str, str] = {}
    seen: set[str] = set()
    key: list[KeyRow] = []
    labels: dict[int, str] = {}
    for n, i in enumerate(order):
        label = label_of("candidate", letters(n))
        labels[i] = label
        names.setdefault(evidences[i].candidate.name, label)
        seen.add(name_key(evidences[i].candidate.name))
        key.append(KeyRow(label, "candidate", evidences[i].candidate.name, evidences[i].path))

    def register(person: str, kind: str, source: str) -> None:
        person = readable(person).strip()
        if person and name_key(person) not in seen:
            count = sum(row.kind == kind for row in key) + 1
            names[person] = label_of(kind, count)
            seen.add(name_key(person))
            key.append(KeyRow(names[person], kind, person, source))

    for i in order:
        ev = evidences[i]
        register(ev.candidate.manager, "manager", ev.path)
        if ev.assessment is not None:
            register(split_person(ev.assessment.by)[0], "manager", ev.path)
        for item in ev.items:
            for quote in item.quotes:
                register(split_person(quote.author)[0], "colleague", ev.path)
    for person in roster:
        register(person, "colleague", roster_source)
    report = Report()
    replacer = NameReplacer(names, report)

    def scrub(text: str) -> str:
        return neutral(replacer(text))

    def who(author: str, *, role: bool = True) -> str:
        """A `from` or `by`: the person's pseudonym, then their role (scrubbed), unless `role` is False."""
        if not author:
            return ""
        person, title = split_person(readable(author))
        return replacer(person) + (scrub(title) if role else "")

    out = []
    for i, ev in enumerate(evidences):
        items = []
        for n, item in enumerate(ev.items, start=1):
            links = tuple(Link(scrub(link.title) if link.title != link.url else (replacer.host(link.url) or "link"),
                               replacer.host(link.url)) for link in item.links)
            quotes = tuple(replace(q, text=scrub(q.text), author=who(q.author, role=not hide_role))
                           for q in item.quotes)
            items.append(replace(item, id=f"e{n}", title=scrub(item.title), description=scrub(item.description),
                                 links=links, quotes=quotes, where=None, quote_lines=()))
        cand = ev.candidate
        candidate = Candidate(labels[i], cand.current_level, cand.target_level,
                              "" if hide_role else scrub(cand.role), replacer(cand.manager) if cand.manager else "")
        assessment = ev.assessment and Assessment(
            who(ev.assessment.by, role=not hide_role), scrub(ev.assessment.overall),  # a sponsor's title (the
            # only Chief Product Officer) can name the team as well as the candidate's role does
            tuple((area, scrub(text)) for area, text in ev.assessment.areas))
        recommendation = ev.recommendation and Recommendation(ev.recommendation.decision,
                                                              scrub(ev.recommendation.rationale))
        development = tuple(replace(step, plan=scrub(step.plan)) for step in ev.development)
        out.append(replace(ev, path=labels[i], candidate=candidate, items=tuple(items),
                           summary=scrub(ev.summary), self_assessment=scrub(ev.self_assessment),
                           assessment=assessment, recommendation=recommendation, values=scrub(ev.values),
                           development=development, raw=b""))  # the source holds the names
    note_given_names(_texts(out), report)
    return out, key, report, replacer


def _texts(evidences: list[Evidence]):
    for ev in evidences:
        yield from (ev.candidate.role, ev.summary, ev.self_assessment, ev.values)
        if ev.assessment:
            yield ev.assessment.by
            yield ev.assessment.overall
            yield from (t for _, t in ev.assessment.areas)
        if ev.recommendation:
            yield ev.recommendation.rationale
        yield from (s.plan for s in ev.development)
        for item in ev.items:
            yield from (item.title, item.description)
            yield from (link.title for link in item.links)
            for q in item.quotes:
                yield from (q.text, q.author)


def anonymize_results(results: list[Result], *, roster: Sequence[str] = (), roster_source: str = "",
                      hide_role: bool = False, label_of=None) -> tuple[list[Result], list[KeyRow], Report]:
    """Pseudonymise matched cases. Statuses, strength and flags stay those judged on the real
    files: a pseudonym must never change them (a "Colleague 18" is not a quantity). The
    frameworks' own texts are scrubbed too (a company ladder may carry a person's name)."""
    evidences, key, report, replacer = _anonymize([r.evidence for r in results], roster=roster,
                                                  roster_source=roster_source, hide_role=hide_role,
                                                  label_of=label_of)
    frameworks: dict[int, Framework] = {}
    for r in results:
        frameworks.setdefault(id(r.framework), _scrubbed_framework(r.framework, replacer))
    renamed = [_renamed(replace(r, framework=frameworks[id(r.framework)]), ev)
               for r, ev in zip(results, evidences, strict=True)]
    return renamed, key, report


def _scrubbed_framework(fw: Framework, replacer: NameReplacer) -> Framework:
    areas = tuple(replace(a, name=replacer(a.name), description=replacer(a.description)) for a in fw.areas)
    expectations = tuple(replace(e, text=replacer(e.text)) for e in fw.expectations)
    scrubbed_id = replacer(fw.id)
    return replace(fw, id=scrubbed_id if scrubbed_id == fw.id else "framework", name=replacer(fw.name),
                   about=replacer(fw.about), cumulative_note=replacer(fw.cumulative_note),
                   values_note=replacer(fw.values_note), source=replacer(fw.source), areas=areas,
                   expectations=expectations, path="", raw=b"")


def _renamed(result: Result, evidence: Evidence) -> Result:
    """`result` over the pseudonymised `evidence` (same items in the same order, new ids)."""
    ids = {old.id: new.id for old, new in zip(result.evidence.items, evidence.items, strict=False)}

    def renamed(refs: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(ids[i] for i in refs)

    exps = {e.id: e for e in result.framework.expectations}
    return replace(
        result, evidence=evidence,
        expectations=tuple(replace(c, expectation=exps.get(c.id, c.expectation), evidence=renamed(c.evidence),
                                   stale=renamed(c.stale), lending=renamed(c.lending)) for c in result.expectations),
        beyond_target=tuple(replace(s, expectation=exps.get(s.expectation.id, s.expectation),
                                    evidence=renamed(s.evidence)) for s in result.beyond_target),
        untagged=renamed(result.untagged), stale=renamed(result.stale),
        item_strength=tuple(replace(s, id=ids[s.id], duplicate_of=ids.get(s.duplicate_of, ""))
                            for s in result.item_strength))
