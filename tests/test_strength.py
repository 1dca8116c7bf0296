"""Evidence strength (docs/reference.md, Evidence strength): every rule at its edge, through the public API."""
from __future__ import annotations

import pytest
from conftest import TODAY

from packetgen import analyse, load
from packetgen.analysis.strength import Person, quantities, quarter
from packetgen.text import fold


def run(path, **options):
    return analyse(load(path, today=TODAY, target=options.get("target")), **options)


def cov(result, ident):
    return next(c for c in result.expectations if c.id == ident)


def item(result, ident):
    return result.strength_of[ident]


# --- outcome: the contract's examples, both ways ---------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("from 41 min to 6 min", ["41 min", "6 min"]),
    ("23%", ["23%"]),
    ("$1.2M", ["$1.2M"]),
    ("2×", ["2×"]),
    ("2,300 pull requests", ["2,300"]),
    ("12 enterprise customers", ["12"]),
    ("reached **41%** of new deals", ["41%"]),
    ("p95 latency fell to 180 ms", ["180 ms"]),
    ("€3,400.50 saved", ["€3,400.50"]),
])
def test_outcome_counts_a_stated_quantity(text, found):
    assert quantities(text) == found


@pytest.mark.parametrize("text", [
    "v2 in Q3 2026", "on 12 March", "IC4", "FY27 planning", "H1 goals", "p95", "a 1:1 every week",
    "at 10:30", "shipped 2026-03-12", "on March 12, 2026", "the 3rd of March", "in March 2026",
    "since 1999", "release 1.2.3", "Q3-2026", "12th March", "Mar. 3",
    "Shows ic4.impact.1.", "Kickoff 12-Mar-2026", "See https://github.com/o/r/pull/4821", "Offsite 3–5 March",
    "March 12–14", "Q3'26", "2026/03/12", "12/03/2026", "12.03.2026", "GPT-4 rollout",
])
def test_outcome_ignores_years_dates_codes_and_times(text):
    assert quantities(text) == []


ITEM = """
evidence:
  - id: a
    title: {title}
    date: 2026-01-10
    expectations: [ic4.impact.1]
    description: {description}
"""


@pytest.mark.parametrize("title, description, outcome", [
    ("Cut batch run time from 4 h to 22 min", "", True),
    ("Launched ranking v2 in Q3 2026", "", False),
    ("Launched ranking v2", "Shipped on 12 March; click-through up 18%.", True),
    ("Launched ranking v2", "Shipped on 12 March for IC4 goals.", False),
])
def test_outcome_reads_title_and_description(evidence_file, title, description, outcome):
    result = run(evidence_file(ITEM.format(title=title, description=description or '""')))
    assert item(result, "a").signals.outcome is outcome
    assert item(result, "a").signals.artifact is False


# --- people: who a quote is from -------------------------------------------------------------

PEOPLE = """\
candidate:
  name: Jordan Lée
  current_level: ic3
  target_level: ic4
  manager: Sam Rivera
"""


def quoted(evidence_file, *authors, header=PEOPLE, extra=""):
    quotes = "".join(f"\n          - {{from: \"{a}\", text: \"Good work.\"}}" for a in authors)
    return run(evidence_file(f"""
    {extra}
    evidence:
      - id: a
        title: Ranking
        date: 2026-01-10
        expectations: [ic4.impact.1]
        quotes:{quotes or ' []'}
    """, header=header))


@pytest.mark.parametrize("author", ["Jordan", "jordan lee", "Jordan Lée", "JORDAN LEE, PM", "Lée", "Jordan Lee"])
def test_a_quote_from_the_candidate_by_any_form_of_the_name_is_a_self_quote(evidence_file, author):
    s = item(quoted(evidence_file, author), "a")
    assert s.flags == ("self_quote",)
    assert not s.signals.corroborated and not s.signals.independent


def test_a_colleague_who_shares_no_word_with_the_name_corroborates_independently(evidence_file):
    s = item(quoted(evidence_file, "Jordana Leeds, EM"), "a")  # near the name is not the name
    assert s.flags == () and s.signals.corroborated and s.signals.independent
    assert (s.voice, s.independent_voice) == (0, 0)


def test_the_manager_corroborates_but_is_not_independent(evidence_file):
    for author in ("Sam", "Sam Rivera, Group PM", "sam rivera"):
        s = item(quoted(evidence_file, author), "a")
        assert s.signals.corroborated and not s.signals.independent


def test_the_person_of_assessment_by_is_a_manager_too(evidence_file):
    header = PEOPLE.replace("  manager: Sam Rivera\n", "")
    by = 'assessment:\n      by: "Helena Marsh, Director of Product"\n      overall: Ready.'
    s = item(quoted(evidence_file, "Helena Marsh", header=header, extra=by), "a")
    assert s.signals.corroborated and not s.signals.independent
    s = item(quoted(evidence_file, "Helena Marsh", header=header), "a")  # no assessment: a colleague
    assert s.signals.independent


def test_a_quote_without_a_person_corroborates_nothing(evidence_file):
    path = evidence_file("""
    evidence:
      - id: a
        title: Ranking
        date: 2026-01-10
        expectations: [ic4.impact.1]
        quotes:
          - {text: "Anonymous praise."}
    """)
    assert item(run(path), "a").signals == item(run(path), "a").signals.__class__()


def test_person_compares_apostrophes_and_undecomposable_letters_alike():
    assert Person.of("Sean O'Brien").is_("Sean O’Brien") and Person.of("Sean O’Brien").is_("o'brien")
    assert Person.of("Łukasz Nowak").is_("Lukasz") and Person.of("Søren Kjær").is_("Soren Kjaer")
    nfd = "A\u0308nne"  # the same name typed with a combining diaeresis
    assert Person.of("Änne Berg").is_(nfd) and Person.of(nfd + " Berg").is_("Änne")


def test_duplicates_ignore_punctuation_entirely(evidence_file):
    path = evidence_file("""
    evidence:
      - {id: a, title: Weekly e-mail digest, date: 2026-01-10, expectations: [ic4.impact.1]}
      - {id: b, title: "Weekly email digest!", date: 2026-02-10, expectations: [ic4.impact.1]}
    """)
    assert item(run(path), "b").flags == ("duplicate",)


def test_person_compares_without_case_or_accents():
    jordan = Person.of("Jordan Lée")
    assert jordan.is_("jordan") and jordan.is_("LEE") and jordan.is_("Jordan  Lee") and jordan.is_("jordan lée")
    assert not jordan.is_("Jordan L") and not jordan.is_("") and not jordan.is_("Jo")
    assert fold("  Zoë   ÅSE ") == "zoe ase"


def test_fold_spells_every_latin_letter_as_anyascii_does():
    """fold() reads a stroke or bar letter's base from its Unicode name (no anyascii import);
    for every letter of the Latin blocks the result is what anyascii gives."""
    import unicodedata

    from anyascii import anyascii

    def by_anyascii(text):
        bare = "".join(anyascii(c) if not c.isascii() and c.isalpha() and unicodedata.name(c, "").startswith("LATIN")
                       else c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return " ".join(bare.casefold().split())

    letters = [chr(cp) for cp in range(0x80, 0x2000) if chr(cp).isalpha() and "LATIN" in unicodedata.name(chr(cp), "")]
    assert len(letters) > 500
    assert [fold(c) for c in letters] == [by_anyascii(c) for c in letters]
    assert fold("Søren Łukasz Đorđe Ħal") == "soren lukasz dorde hal" and fold("Straße Æsir") == "strasse aesir"


# --- flags ---------------------------------------------------------------------------------

def test_broad_over_four_of_the_target_levels_own(evidence_file):
    path = evidence_file("""
    evidence:
      - id: four
        title: Four
        date: 2026-01-10
        expectations: [ic4.impact.1, ic4.impact.2, ic4.scope.1, ic4.scope.2]
      - id: five
        title: Five
        date: 2026-01-10
        expectations: [ic4.impact.1, ic4.impact.2, ic4.scope.1, ic4.scope.2, ic4.execution.1]
    """)
    result = run(path)
    assert item(result, "four").flags == () and item(result, "five").flags == ("broad",)
    assert item(result, "five").own_cited == 5
    # the same file matched against IC5: IC4 is no longer the target level's own
    assert run(path, target="ic5").strength_of["five"].flags == ()


def test_broad_over_ten_in_all(evidence_file):
    ten = "all.impact.1, all.scope.1, all.scope.2, all.scope.3, all.execution.1, all.execution.2, " \
          "all.execution.3, all.execution.4, all.execution.5, all.execution.6"
    path = evidence_file(f"""
    evidence:
      - {{id: ten, title: Ten, date: 2026-01-10, expectations: [{ten}]}}
      - {{id: eleven, title: Eleven, date: 2026-01-10, expectations: [{ten}, ic5.impact.1]}}
    """)
    result = run(path)
    assert item(result, "ten").flags == () and item(result, "eleven").flags == ("broad",)


def test_a_broad_item_lends_nothing(evidence_file):
    path = evidence_file("""
    period: {start: 2025-10-01, end: 2026-09-30}
    evidence:
      - id: big
        title: Did everything, 40% faster
        date: 2025-11-10
        expectations: [ic4.impact.1, ic4.impact.2, ic4.scope.1, ic4.scope.2, ic4.execution.1]
        links: [{title: Doc, url: "https://example.com/doc"}]
        quotes: [{from: "Alex Kim, EM", text: "Great."}]
      - id: small
        title: Did one thing
        date: 2026-05-10
        expectations: [ic4.impact.1]
    """)
    result = run(path)
    impact = cov(result, "ic4.impact.1")
    assert impact.status == "met" and impact.evidence == ("big", "small") and impact.lending == ("small",)
    assert impact.strength == "unsupported" and impact.unsupported
    scope = cov(result, "ic4.scope.1")
    assert scope.status == "thin" and scope.lending == () and scope.strength == "unsupported"


def test_a_duplicate_lends_nothing_and_names_the_first(evidence_file):
    path = evidence_file("""
    evidence:
      - id: first
        title: Launched Ranking v2
        date: 2026-01-10
        expectations: [ic4.impact.2]
        description: "Click-through: *up*!"
      - id: copy
        title: "launched  ranking V2."
        date: 2026-05-10
        expectations: [ic4.impact.1]
        description: clickthrough up
        links: [{title: Doc, url: "https://example.com/doc"}]
        quotes: [{from: "Alex Kim", text: "Great."}]
      - id: other
        title: Launched Ranking v2
        date: 2026-06-10
        expectations: [ic4.impact.1]
        description: A different description.
    """)
    result = run(path)
    assert item(result, "copy").flags == ("duplicate",) and item(result, "copy").duplicate_of == "first"
    assert item(result, "first").flags == () and item(result, "other").flags == ()
    impact = cov(result, "ic4.impact.1")
    assert impact.status == "met" and impact.lending == ("other",) and impact.strength == "unsupported"


# --- expectation strength --------------------------------------------------------------------

def two_items(evidence_file, first: str, second: str):
    return run(evidence_file(f"""
    evidence:
      - id: a
        title: Ranking
        date: {first}
        expectations: [ic4.impact.1]
        links: [{{title: PRD, url: "https://example.com/prd"}}]
        quotes: [{{from: "Alex Kim, EM", text: "Great."}}]
      - id: b
        title: Search
        date: {second}
        expectations: [ic4.impact.1]
    """))


def test_two_items_in_one_quarter_are_not_sustained(evidence_file):
    impact = cov(two_items(evidence_file, "2026-01-02", "2026-03-31"), "ic4.impact.1")
    assert impact.backing.as_dict() == {"corroborated": True, "substantiated": True, "sustained": False}
    assert impact.strength == "supported"


def test_two_items_in_two_quarters_are_sustained(evidence_file):
    impact = cov(two_items(evidence_file, "2026-03-31", "2026-04-01"), "ic4.impact.1")
    assert impact.backing.as_dict() == {"corroborated": True, "substantiated": True, "sustained": True}
    assert impact.strength == "strong"
    # the same quarter of different years is two quarters
    assert quarter(__import__("datetime").date(2025, 2, 1)) != quarter(__import__("datetime").date(2026, 2, 1))


def test_a_gap_has_no_strength_and_no_signals(evidence_file):
    result = two_items(evidence_file, "2026-01-02", "2026-05-02")
    gap = cov(result, "ic4.impact.2")
    assert gap.status == "gap" and gap.strength is None and not any(gap.backing.as_dict().values())


def test_stale_items_lend_nothing(evidence_file):
    path = evidence_file("""
    period: {start: 2026-01-01, end: 2026-12-31}
    evidence:
      - id: old
        title: Old, 50% better
        date: 2025-06-10
        expectations: [ic4.impact.1]
        quotes: [{from: "Alex Kim", text: "Great."}]
      - id: new
        title: New
        date: 2026-06-10
        expectations: [ic4.impact.1]
    """)
    result = run(path)
    impact = cov(result, "ic4.impact.1")
    assert impact.status == "thin" and impact.stale == ("old",) and impact.strength == "unsupported"
    assert item(result, "old").counts is False and item(result, "old").signals.outcome


def test_a_thin_expectation_can_be_supported_but_never_sustained(evidence_file):
    path = evidence_file("""
    evidence:
      - id: a
        title: Ranking up 18%
        date: 2026-01-10
        expectations: [ic4.impact.1]
        quotes: [{from: "Alex Kim", text: "Great."}]
    """)
    impact = cov(run(path), "ic4.impact.1")
    assert impact.status == "thin" and impact.strength == "supported"
    assert impact.backing.as_dict() == {"corroborated": True, "substantiated": True, "sustained": False}


def test_totals_count_strength_per_level(evidence_file):
    result = two_items(evidence_file, "2026-01-02", "2026-05-02")
    own = result.totals(level="ic4")
    assert (own.total, own.met, own.strong, own.supported, own.unsupported) == (10, 1, 1, 0, 0)
