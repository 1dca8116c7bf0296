"""Properties of evidence strength (docs/reference.md, Evidence strength), over generated cases built as the loader
builds them. CI runs the "ci" Hypothesis profile; `make test-thorough` runs thousands.

A duplicate is judged against an *earlier* item (docs/reference.md, Evidence strength), so two items with the same
title and description that differ elsewhere lend differently in different orders, by
definition. The generated files therefore give every item its own title, and make duplicates
as exact copies under another id: the order property holds for those, and the flag is still
exercised."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from packetgen.analysis.matching import analyse
from packetgen.loading.framework import load_framework
from packetgen.model.evidence import Assessment, Candidate, Evidence, Item, Link, Period, Quote

FW = load_framework()
IDS = [e.id for e in FW.cumulative("ic4")] + [e.id for e in FW.own("ic5")][:4]
CANDIDATE = "Jordan Lée"
MANAGER = "Sam Rivera"
# who a quote may be from: the candidate by name, word or accent; the manager; colleagues; nobody
SELF = ["Jordan", "jordan lee", "Jordan Lée, PM", "LÉE"]
OTHERS = ["Sam", "Sam Rivera, GPM", "Helena Marsh, Director", "Alex Kim, EM", "Jordana Leeds", "Priya", ""]
INDEPENDENT = ["Alex Kim, EM", "Priya Raman, Staff Engineer", "Aiko Tanaka, APM"]
SPONSOR = ["Sam Rivera, GPM", "Sam, Group PM", "Helena Marsh, Director of Product"]
HELD = [e.id for e in FW.cumulative("ic3")]
WORDS = ["Launched", "ranking", "v2", "in", "Q3", "2026", "on", "12", "March", "23%", "$1.2M",
         "2,300", "customers", "1:1", "IC4", "helped", "from", "41", "min", "to", "6"]
START = date(2025, 10, 1)
NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]  # one per item
RANK = {None: -1, "unsupported": 0, "supported": 1, "strong": 2}

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
quote = st.builds(Quote, text=st.just("Good work."), author=st.sampled_from(SELF + OTHERS),
                  relationship=st.sampled_from(["", "", "peer", "manager", "report"]))


@st.composite
def item(draw, n: int) -> Item:
    return Item(
        id=f"item-{n}",
        title=f"{draw(sentence)} {NAMES[n]}",
        date=(day := START + timedelta(days=draw(st.integers(-40, 400)))),
        until=draw(st.one_of(st.none(), st.integers(0, 120).map(lambda n: day + timedelta(days=n)))),
        result=draw(st.sampled_from(["", "", "The APM ran the review alone"])),
        expectations=tuple(draw(st.lists(st.sampled_from(IDS), max_size=12, unique=True))),
        description=draw(st.one_of(st.just(""), sentence)),
        links=tuple(draw(st.lists(st.just(Link("PRD", "https://example.com/prd")), max_size=1))),
        quotes=tuple(draw(st.lists(quote, max_size=2))),
    )


@st.composite
def evidence(draw) -> Evidence:
    items = [draw(item(n)) for n in range(draw(st.integers(0, 7)))]
    # exact copies under another id: flagged duplicate, and order-independent by construction
    for n in draw(st.lists(st.integers(0, max(len(items) - 1, 0)), max_size=2)) if items else ():
        items.append(replace(items[n], id=f"copy-{len(items)}"))
    by = draw(st.sampled_from(["", "Helena Marsh, Director of Product"]))
    return Evidence(
        path="generated.yaml", framework=FW.id,
        candidate=Candidate(CANDIDATE, "ic3", "ic4", manager=draw(st.sampled_from([MANAGER, ""]))),
        items=tuple(items), period=draw(st.sampled_from([None, Period(START, date(2026, 9, 30))])),
        assessment=Assessment(by=by, concerns=tuple(draw(st.lists(st.sampled_from(HELD), max_size=3, unique=True))))
        if by else None,
    )


def strengths(ev: Evidence, min_evidence: int | None = 2) -> dict[str, str | None]:
    return {c.id: c.strength for c in analyse(FW, ev, min_evidence=min_evidence).expectations}


def with_quote(ev: Evidence, index: int, author: str, relationship: str = "") -> Evidence:
    items = list(ev.items)
    target = items[index % len(items)]
    items[index % len(items)] = replace(target, quotes=target.quotes + (Quote("Said so.", author, relationship),))
    return replace(ev, items=tuple(items))


def demonstrate_figures(result) -> tuple:
    """Everything a reader sees of the levels to demonstrate."""
    return (result.demonstrate_totals, [(c.id, c.status, c.strength, c.backing, c.next) for c in result.to_demonstrate])


@given(evidence(), st.integers(0, 50), st.sampled_from(OTHERS[:-1]), st.integers(1, 3))
def test_a_quote_from_someone_else_never_lowers_any_strength(ev, index, author, k):
    if not ev.items:
        return
    before, after = strengths(ev, k), strengths(with_quote(ev, index, author), k)
    assert all(RANK[after[i]] >= RANK[before[i]] for i in before)


@given(evidence(), st.integers(0, 50), st.sampled_from(SELF), st.integers(1, 3))
def test_a_self_quote_never_raises_any_strength(ev, index, author, k):
    if not ev.items:
        return
    before, after = strengths(ev, k), strengths(with_quote(ev, index, author), k)
    assert all(RANK[after[i]] <= RANK[before[i]] for i in before)


@given(evidence(), st.randoms(use_true_random=False), st.integers(1, 3))
def test_item_order_changes_no_status_and_no_strength(ev, rnd, k):
    shuffled = list(ev.items)
    rnd.shuffle(shuffled)
    a = analyse(FW, ev, min_evidence=k)
    b = analyse(FW, replace(ev, items=tuple(shuffled)), min_evidence=k)
    assert [(c.id, c.status, c.strength, c.backing) for c in a.expectations] == \
           [(c.id, c.status, c.strength, c.backing) for c in b.expectations]


@given(evidence(), st.integers(1, 3))
def test_strength_is_null_exactly_for_a_gap(ev, k):
    for c in analyse(FW, ev, min_evidence=k).expectations:
        assert (c.strength is None) == (c.status == "gap")
        if c.status == "gap":
            assert not any(c.backing.as_dict().values()) and c.lending == ()
        assert set(c.lending) <= set(c.evidence)


@given(evidence(), st.integers(0, 50), st.sampled_from(HELD), st.integers(1, 3))
def test_citing_a_held_expectation_never_changes_any_demonstrate_figure(ev, index, held, k):
    if not ev.items:
        return
    items = list(ev.items)
    target = items[index % len(items)]
    if held in target.expectations:
        return
    items[index % len(items)] = replace(target, expectations=target.expectations + (held,))
    # a copy of the item keeps being a copy: cite it there too
    items = [replace(i, expectations=items[index % len(items)].expectations)
             if i.title == target.title and i.description == target.description else i for i in items]
    before = analyse(FW, ev, min_evidence=k)
    after = analyse(FW, replace(ev, items=tuple(items)), min_evidence=k)
    assert demonstrate_figures(after) == demonstrate_figures(before)


@given(evidence(), st.integers(0, 50), st.sampled_from(INDEPENDENT), st.sampled_from(["", "peer", "report"]),
       st.integers(1, 3))
def test_an_independent_quote_never_lowers_any_strength(ev, index, author, relationship, k):
    if not ev.items:
        return
    before, after = strengths(ev, k), strengths(with_quote(ev, index, author, relationship), k)
    assert all(RANK[after[i]] >= RANK[before[i]] for i in before)


@given(evidence(), st.integers(0, 50), st.sampled_from(SELF + SPONSOR), st.integers(1, 3))
def test_a_self_or_sponsor_quote_never_raises_any_strength(ev, index, author, k):
    if not ev.items:
        return
    from packetgen.analysis.strength import People

    people = People.of(ev)
    person = author.partition(",")[0]
    if not (people.is_candidate(person) or people.is_manager(person)):
        return  # in this file they are someone else: an independent voice
    before, after = strengths(ev, k), strengths(with_quote(ev, index, author), k)
    assert all(RANK[after[i]] <= RANK[before[i]] for i in before)
    marked = strengths(with_quote(ev, index, "Alex Kim, EM", "manager"), k)  # a quote marked as the manager's
    assert all(RANK[marked[i]] <= RANK[before[i]] for i in before)


@given(evidence(), st.one_of(st.none(), st.integers(1, 3)))
def test_next_is_null_exactly_when_held_without_concern_or_met_and_strong(ev, k):
    for c in analyse(FW, ev, min_evidence=k).expectations:
        assert (c.next is None) == ((c.held and not c.concern) or (c.status == "met" and c.strength == "strong"))
        assert c.held == (c.expectation.level != "ic4")
