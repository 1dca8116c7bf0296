"""Reading evidence items (in the evidence file and in the files it includes): titles, dates,
cited expectation IDs, links and quotes, each problem located; item ids derived from titles."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

from packetgen.errors import Location
from packetgen.loading import shapes as D
from packetgen.loading.checker import Checker, did_you_mean, one_line, visible
from packetgen.model.evidence import FAIRNESS_RULES, RELATIONSHIPS, Item, Link, Period, Quote
from packetgen.model.framework import Framework

MAX_ITEMS = 1000
ITEM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MAX_PER_ITEM = 100  # expectations, links or quotes of one item; development steps


def slugify(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:60].strip("-")


_ITEM = D.ITEM.keys
_QUOTE = D.QUOTE.keys


def derive_ids(items: list[Item]) -> list[Item]:
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


def read_items(c: Checker, top: dict, fw: Framework | None, period: Period | None, today: date,
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
            if not ITEM_ID.match(ident):
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
        until = c.iso_date(entry, "until", p, where=f"evidence item #{i + 1}")
        if until is not None and day is not None and until < day:
            c.error(p + ("until",), f"the work cannot end ({until}) before it starts ({day}); 'until' is the last "
                                    "day of work that began on 'date'")
            until = None
        result = one_line(c.text(entry, "result", p, where=f"evidence item #{i + 1}") or "")
        cited = citations(c, entry, p, fw)
        description = c.markdown(entry, "description", p, where=f"evidence item #{i + 1}") or ""
        links = _links(c, entry, p)
        quotes = _quotes(c, entry, p, today)
        ignored = fairness_ignore(c, entry, p)
        if day is not None and day > today:
            c.warning(p + ("date",), f"{day} is in the future (today is {today})")
        if cited == ():
            named = repr(title) if title else '#' + str(i + 1)
            c.warning(p, f"evidence item {named} cites no expectations (untagged); "
                         "add the IDs it demonstrates under 'expectations'")
        if title is None or day is None or cited is None:
            continue
        items.append(Item(ident or "", one_line(title), day, cited, description, links, quotes, ignored,
                          until=until, result=result, where=c.doc.at(*p),
                          quote_lines=tuple(c.doc.at(*p, "quotes", j).line for j in range(len(quotes))),
                          quote_places=tuple(c.doc.at(*p, "quotes", j) for j in range(len(quotes)))))
    return items


def citations(c: Checker, entry: dict, p: tuple, fw: Framework | None,
              what: str = "item", key: str = "expectations") -> tuple[str, ...] | None:
    """The expectation IDs under `key` (() when absent; None after an error)."""
    raw = entry.get(key)
    if raw is None:
        return ()
    if isinstance(raw, str):
        c.error(p + (key,), f"{key!r} must be a list of IDs, e.g. [{raw.strip()}]")
        return None
    refs = c.list_(entry, key, p)
    if refs is None:
        return None
    if len(refs) > MAX_PER_ITEM:
        c.error(p + (key,), f"{len(refs)} expectations on one {what}; at most {MAX_PER_ITEM}")
        return None
    out: list[str] = []
    ok = True
    for j, ref in enumerate(refs):
        rp = p + (key, j)
        if not isinstance(ref, str) or not ref.strip():
            c.error(rp, "an expectation ID must be text such as ic4.impact.1")
            ok = False
            continue
        ref = ref.strip()
        if fw is not None and ref in fw.renames:
            now = fw.renames[ref]
            version = f" version {fw.version}" if fw.version else ""
            c.warning(rp, f"{ref} is {now} in the framework {fw.id}{version} (renamed); matched as {now} "
                          "(`packetgen framework migrate` rewrites the IDs in this file)")
            ref = now
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


def bounded(c: Checker, entry: dict, key: str, p: tuple) -> list:
    """A list under `key` ([] when absent or longer than MAX_PER_ITEM, reported)."""
    values = c.list_(entry, key, p) or []
    if len(values) > MAX_PER_ITEM:
        where = "on one item" if p else "in the file"
        c.error(p + (key,), f"{len(values)} {key.replace('_', ' ')} {where}; at most {MAX_PER_ITEM}")
        return []
    return values


def _links(c: Checker, entry: dict, p: tuple) -> tuple[Link, ...]:
    out = []
    for j, raw in enumerate(bounded(c, entry, "links", p)):
        lp = p + ("links", j)
        link = c.mapping(raw, lp, D.LINK.what, D.LINK.keys)
        if link is None:
            continue
        url = c.text(link, "url", lp, required=True, where="a link")
        if url is None:
            continue
        title = c.text(link, "title", lp) or url
        made = Link(one_line(title), url.strip())
        if not made.safe:
            c.warning(lp + ("url",), f"link {url.strip()!r} is not an http, https or mailto address; "
                                     "it is shown as text, not as a link, and backs nothing")
        elif not made.is_artifact and not made.url.lower().startswith("mailto:"):
            c.warning(lp + ("url",), f"link {url.strip()!r} names no site to open, so it backs nothing; "
                                     "give the full address, e.g. https://example.com/prd")
        out.append(made)
    return tuple(out)


def _quotes(c: Checker, entry: dict, p: tuple, today: date) -> tuple[Quote, ...]:
    out = []
    for j, raw in enumerate(bounded(c, entry, "quotes", p)):
        qp = p + ("quotes", j)
        quote = c.mapping(raw, qp, D.QUOTE.what, _QUOTE)
        if quote is None:
            continue
        text = c.text(quote, "text", qp, required=True, where="a quote")
        author = one_line(c.text(quote, "from", qp) or "")
        relationship = c.choice(quote, "relationship", qp, RELATIONSHIPS, where="a quote") or ""
        said = c.iso_date(quote, "date", qp, where="a quote")
        lang = c.lang(quote, "lang", qp, where="a quote") or ""
        if text is None:
            continue
        made = Quote(text.strip(), author, relationship, said, lang)
        if not visible(author.partition(",")[0]):
            c.warning(qp, "this quote says nobody's name under 'from', so it corroborates nothing; "
                          "write who said it: from: \"Alex Kim, Engineering Manager\"")
        if said is not None and said > today:
            c.warning(qp + ("date",), f"{said} is in the future (today is {today})")
        out.append(made)
    return tuple(out)


def fairness_ignore(c: Checker, parent: dict, p: tuple) -> tuple[str, ...]:
    """`fairness_ignore: [RULE, ...]`: writing-review rules silenced here (docs/reference.md, Writing review)."""
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
