"""Evidence strength (docs/reference.md, Evidence strength): every rule at its edge, through the public API."""
from __future__ import annotations

import pytest
from conftest import TODAY

from packetgen import analyse, load
from packetgen.analysis.strength import Person, measured_changes
from packetgen.text import fold


def run(path, **options):
    return analyse(load(path, today=TODAY, target=options.get("target")), **options)


def cov(result, ident):
    return next(c for c in result.expectations if c.id == ident)


def item(result, ident):
    return result.strength_of[ident]


# --- outcome: a measured change, each form both ways -----------------------------------------

@pytest.mark.parametrize("text, found", [
    # (a) a percentage
    ("click-through +61 % on the first result", ["+61 %"]),
    ("23% faster", ["23%"]),
    ("reached **41%** of new deals", ["41%"]),
    ("up 12 percent", ["12 percent"]),
    # (b) a multiple
    ("2× the throughput", ["2×"]),
    ("4.1x faster", ["4.1x"]),
    # (c) money
    ("$1.2M saved", ["$1.2M"]),
    ("€3,400.50 saved", ["€3,400.50"]),
    # (d) a change between two numbers, within four words and then two
    ("from 41 min to 6 min", ["41 min to 6 min"]),
    ("4 h → 22 min", ["4 h → 22 min"]),
    ("9 days to 2 days", ["9 days to 2 days"]),
    ("p95 340ms -> 120ms", ["340ms -> 120ms"]),
    ("onboarding fell from 14 working days down to 3", ["14 working days down to 3"]),
    # (e) the words
    ("doubled weekly actives", ["doubled"]), ("Halved the queue", ["Halved"]),
    ("tripled and quadrupled", ["tripled", "quadrupled"]),
    # several, in order
    ("4 h → 22 min and +61 %", ["4 h → 22 min", "+61 %"]),
])
def test_a_measured_change_is_an_outcome(text, found):
    assert measured_changes(text) == found


@pytest.mark.parametrize("text", [
    # bare counts are not outcomes
    "12 enterprise customers", "3 engineering teams", "2,300 pull requests", "worked with 4 designers",
    # hyphenated quantities
    "an 18-month roadmap", "a 20-minute talk", "a 3-minute demo video", "18-month-old backlog",
    # years, dates, codes, times
    "v2 in Q3 2026", "on 12 March", "IC4", "FY27 planning", "H1 goals", "p95", "a 1:1 every week",
    "at 10:30", "shipped 2026-03-12", "on March 12, 2026", "the 3rd of March", "in March 2026",
    "since 1999", "release 1.2.3", "Q3-2026", "12th March", "Mar. 3", "from 2019 to 2023",
    "Shows ic4.impact.1.", "Kickoff 12-Mar-2026", "See https://github.com/o/r/pull/4821", "Offsite 3–5 March",
    "March 12–14", "Q3'26", "2026/03/12", "12/03/2026", "12.03.2026", "GPT-4 rollout",
    # a number and "to" too far apart, or in another sentence
    "3 teams asked us over many months to ship 5 things", "We had 3 teams. To ship 5 took long.",
    # x glued to a word, or a grid
    "a 3 x 4 grid", "the 3xl shirt",
])
def test_a_count_a_date_or_a_hyphenated_quantity_is_no_outcome(text):
    assert measured_changes(text) == []


ITEM = """
evidence:
  - id: a
    title: {title}
    date: 2026-01-10
    expectations: [ic4.impact.1]
    description: {description}
"""


@pytest.mark.parametrize("title, description, outcome", [
    ("Cut batch run time from 4 h to 22 min", "", "4 h to 22 min"),
    ("Launched ranking v2 in Q3 2026", "", ""),
    ("Launched ranking v2", "Shipped on 12 March; click-through up 18%.", "18%"),
    ("Launched ranking v2", "Shipped on 12 March for IC4 goals.", ""),
    ("Ran 18 months of support tickets through triage", "", ""),
    ("Unified 3 engineering teams", "Build time 4 h → 22 min, adoption +61 %.", "4 h → 22 min"),
])
def test_the_outcome_is_the_first_change_in_title_then_description(evidence_file, title, description, outcome):
    result = run(evidence_file(ITEM.format(title=title, description=description or '""')))
    assert item(result, "a").outcome_text == outcome
    assert item(result, "a").signals.outcome is bool(outcome)
    assert item(result, "a").signals.artifact is False


def test_a_result_is_an_outcome_even_without_digits_and_is_shown_first(evidence_file):
    path = evidence_file("""
    evidence:
      - id: a
        title: Cut build time from 4 h to 22 min
        date: 2026-01-10
        result: The APM ran the May launch review alone
        expectations: [ic4.teamwork.1]
    """)
    s = item(run(path), "a")
    assert s.signals.outcome and s.outcome_text == "The APM ran the May launch review alone"


# --- artifact: a link a committee can open ------------------------------------------------------

@pytest.mark.parametrize("url, artifact", [
    ("https://example.com/prd", True), ("http://intranet.example/doc", True), ("HTTPS://EXAMPLE.COM", True),
    ("TBD", False), ("prd", False), ("https://", False), ("mailto:alex@example.com", False),
    ("ftp://example.com/x", False), ("javascript:alert(1)", False),
])
def test_only_an_http_url_with_a_host_is_an_artifact(evidence_file, url, artifact):
    path = evidence_file(f"""
    evidence:
      - id: a
        title: Ranking
        date: 2026-01-10
        expectations: [ic4.impact.1]
        links: [{{title: PRD, url: "{url}"}}]
    """)
    s = item(run(path), "a")
    assert s.signals.artifact is artifact and (s.artifact == 0) is artifact


def test_a_link_that_is_no_url_is_a_located_warning(evidence_file):
    from click.testing import CliRunner

    from packetgen.cli import cli

    path = evidence_file("""
    evidence:
      - id: a
        title: Ranking
        date: 2026-01-10
        expectations: [ic4.impact.1]
        links:
          - {title: PRD, url: "TBD"}
          - {title: Doc, url: "https://"}
    """)
    err = CliRunner().invoke(cli, ["check", str(path)]).stderr
    assert f"{path}:11:27: warning: link 'TBD' is not an http, https or mailto address" in err
    assert f"{path}:12:27: warning: link 'https://' is not an http, https or mailto address" in err
    assert err.count("backs nothing") == 2


# --- people: who a quote is from, and whose voice counts ---------------------------------------

PEOPLE = """\
candidate:
  name: Jordan Lée
  current_level: ic3
  target_level: ic4
  manager: Sam Rivera
"""


def quoted(evidence_file, *authors, header=PEOPLE, extra="", relationship=""):
    rel = f", relationship: {relationship}" if relationship else ""
    quotes = "".join(f"\n          - {{from: \"{a}\", text: \"Good work.\"{rel}}}" for a in authors)
    return run(evidence_file(f"""
    {extra}
    evidence:
      - id: a
        title: Ranking
        date: 2026-01-10
        expectations: [ic4.impact.1]
        quotes:{quotes or ' []'}
    """, header=header))


@pytest.mark.parametrize("author", ["Jordan", "jordan lee", "Jordan Lée", "JORDAN LEE, PM", "Lée", "Jordan Lee",
                                    "J. Lee", "Jordan L.", "Lee Jordan, PM", "Jor\u200bdan Lee", "J. Lée, PM"])
def test_a_quote_from_the_candidate_by_any_form_of_the_name_is_a_self_quote(evidence_file, author):
    s = item(quoted(evidence_file, author), "a")
    assert s.flags == ("self_quote",)
    assert not s.signals.corroborated and not s.signals.independent


def test_a_colleague_who_shares_no_word_with_the_name_corroborates_independently(evidence_file):
    s = item(quoted(evidence_file, "Jordana Leeds, EM"), "a")  # near the name is not the name
    assert s.flags == () and s.signals.corroborated and s.signals.independent
    assert (s.voice, s.independent_voice) == (0, 0)


def test_the_sponsor_corroborates_an_item_but_is_never_independent(evidence_file):
    for author in ("Sam, GPM", "Sam Rivera, Group PM", "sam rivera, manager"):
        s = item(quoted(evidence_file, author), "a")
        assert s.signals.corroborated and not s.signals.independent
    impact = cov(quoted(evidence_file, "Sam Rivera, Group PM"), "ic4.impact.1")
    assert not impact.backing.corroborated  # an expectation needs a voice besides the sponsor's


def test_a_quote_marked_as_the_managers_is_not_independent_whatever_the_name(evidence_file):
    s = item(quoted(evidence_file, "Helena Marsh, Director", relationship="manager"), "a")
    assert s.signals.corroborated and not s.signals.independent
    s = item(quoted(evidence_file, "Helena Marsh", relationship="peer"), "a")  # a relationship says who they are
    assert s.signals.independent


def test_the_person_of_assessment_by_is_a_manager_too(evidence_file):
    header = PEOPLE.replace("  manager: Sam Rivera\n", "")
    by = 'assessment:\n      by: "Helena Marsh, Director of Product"\n      overall: Ready.'
    s = item(quoted(evidence_file, "Helena Marsh, Director", header=header, extra=by), "a")
    assert s.signals.corroborated and not s.signals.independent
    s = item(quoted(evidence_file, "Helena Marsh, Director", header=header), "a")  # no assessment: a colleague
    assert s.signals.independent


@pytest.mark.parametrize("author", ["X", "X, PM", "-", "Alex Kim", "Me", "Q."])
def test_a_quote_that_is_no_voice_corroborates_nothing(evidence_file, author):
    s = item(quoted(evidence_file, author), "a")
    assert not s.signals.corroborated and not s.signals.independent and s.voice is None


def test_a_named_quote_without_a_role_is_a_located_warning(evidence_file):
    from click.testing import CliRunner

    from packetgen.cli import cli

    path = evidence_file("""
    evidence:
      - id: a
        title: Ranking
        date: 2026-01-10
        expectations: [ic4.impact.1]
        quotes:
          - {from: "Alex Kim", text: "Great."}
          - {from: "Priya Raman, Staff Engineer", text: "Great."}
    """)
    err = CliRunner().invoke(cli, ["check", str(path)]).stderr
    assert f"{path}:11:9: warning: this quote does not say who 'Alex Kim' is, so it corroborates nothing" in err
    assert "Priya" not in err


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


def test_person_compares_without_case_accents_or_invisible_characters_and_reads_initials():
    jordan = Person.of("Jordan Lée")
    assert jordan.is_("jordan") and jordan.is_("LEE") and jordan.is_("Jordan  Lee") and jordan.is_("jordan lée")
    assert jordan.is_("J. Lee") and jordan.is_("Jordan L.") and jordan.is_("Lee Jordan") and jordan.is_("Jordan L")
    assert jordan.is_("Jor\u200bdan") and jordan.is_("Jordan\u00adLee".replace("\u00ad", " \u00ad"))
    assert not jordan.is_("J. L.") and not jordan.is_("K. Lee") and not jordan.is_("Jo") and not jordan.is_("")
    assert not jordan.is_("Jordana Leeds") and not jordan.is_("Lee Kim")
    assert fold("  Zoë   ÅSE ") == "zoe ase" and fold("Zo\u200bë\ufe0f") == "zoe"


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

def test_broad_over_four_expectations_of_the_levels_to_demonstrate(evidence_file):
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
    assert item(result, "five").demonstrate_cited == 5
    # a two-level jump (IC3 -> IC5): IC4 is still to demonstrate, so five IC4 IDs stay broad
    assert run(path, target="ic5").strength_of["five"].flags == ("broad",)
    # at or below the current level (IC3 -> IC3): only IC3 is judged, IC4 is beyond it
    assert run(path, target="ic3").strength_of["five"].flags == ()


def test_citing_held_expectations_honestly_never_makes_an_item_broad(evidence_file):
    held = "all.impact.1, all.scope.1, all.scope.2, all.scope.3, all.execution.1, all.execution.2, " \
           "all.execution.3, ic2.scope.1, ic3.impact.1, ic3.scope.1, ic3.execution.3"
    path = evidence_file(f"""
    evidence:
      - {{id: flagship, title: Flagship, date: 2026-01-10, expectations: [{held}, ic4.impact.1, ic4.impact.2]}}
    """)
    s = item(run(path), "flagship")
    assert s.flags == () and s.lends and s.demonstrate_cited == 2


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
        title: "launched  ranking\u200b V2."
        date: 2026-05-10
        expectations: [ic4.impact.1]
        description: "click\u00adthrough up"
        links: [{title: Doc, url: "https://example.com/doc"}]
        quotes: [{from: "Alex Kim, EM", text: "Great."}]
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


def test_duplicates_ignore_punctuation_entirely(evidence_file):
    path = evidence_file("""
    evidence:
      - {id: a, title: Weekly e-mail digest, date: 2026-01-10, expectations: [ic4.impact.1]}
      - {id: b, title: "Weekly email digest!", date: 2026-02-10, expectations: [ic4.impact.1]}
    """)
    assert item(run(path), "b").flags == ("duplicate",)


# --- expectation strength --------------------------------------------------------------------

def two_items(evidence_file, first: str, second: str, until: str = ""):
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
        date: {second}{f"{chr(10)}        until: {until}" if until else ""}
        expectations: [ic4.impact.1]
    """))


@pytest.mark.parametrize("first, second, sustained", [
    ("2026-01-01", "2026-02-28", False),  # 59 days, both ends counted
    ("2026-01-01", "2026-03-01", True),   # 60 days
    ("2026-03-31", "2026-04-01", False),  # a day apart across a quarter's end
    ("2026-01-02", "2026-03-31", True),   # 89 days inside one quarter
])
def test_sustained_is_a_span_of_days_not_two_quarters(evidence_file, first, second, sustained):
    impact = cov(two_items(evidence_file, first, second), "ic4.impact.1")
    assert impact.backing.as_dict() == {"corroborated": True, "substantiated": True, "sustained": sustained}
    assert impact.strength == ("strong" if sustained else "supported")


def test_one_item_with_until_can_be_sustained_alone_and_until_extends_the_span(evidence_file):
    path = evidence_file("""
    evidence:
      - id: mentoring
        title: Weekly mentoring of the new APM
        date: 2026-01-05
        until: 2026-03-30
        result: The APM ran the May launch review alone
        expectations: [ic4.teamwork.1]
        quotes: [{from: "Aiko Tanaka, APM", relationship: report, text: "I learned to run a review."}]
    """)
    mentoring = cov(run(path, min_evidence=1), "ic4.teamwork.1")
    assert mentoring.status == "met" and mentoring.strength == "strong" and mentoring.next is None
    impact = cov(two_items(evidence_file, "2026-01-01", "2026-01-02", until="2026-03-01"), "ic4.impact.1")
    assert impact.backing.sustained


def test_a_framework_policy_sets_the_days(tmp_path, evidence_file):
    ladder = tmp_path / "ladder.yaml"
    ladder.write_text(LADDER.replace("policy: {}", "policy: {sustained_days: '30'}"), encoding="utf-8")
    path = evidence_file("""
    framework: ladder.yaml
    candidate: {name: Jordan Lee, current_level: one, target_level: two}
    evidence:
      - {id: a, title: A, date: 2026-01-01, until: 2026-01-30, expectations: [two.craft.1],
         links: [{title: PRD, url: "https://example.com/p"}], quotes: [{from: "Alex Kim, EM", text: Yes.}]}
    """, header="")
    assert cov(run(path, min_evidence=1), "two.craft.1").strength == "strong"


def test_a_gap_has_no_strength_and_no_signals(evidence_file):
    result = two_items(evidence_file, "2026-01-02", "2026-05-02")
    gap = cov(result, "ic4.impact.2")
    assert gap.status == "gap" and gap.strength is None and not any(gap.backing.as_dict().values())


def test_stale_items_lend_nothing_and_until_inside_the_period_counts(evidence_file):
    path = evidence_file("""
    period: {start: 2026-01-01, end: 2026-12-31}
    evidence:
      - id: old
        title: Old, 50% better
        date: 2025-06-10
        expectations: [ic4.impact.1]
        quotes: [{from: "Alex Kim, EM", text: "Great."}]
      - id: new
        title: New
        date: 2026-06-10
        expectations: [ic4.impact.1]
      - id: running
        title: Running since last year
        date: 2025-11-01
        until: 2026-01-15
        expectations: [ic4.impact.2]
    """)
    result = run(path)
    impact = cov(result, "ic4.impact.1")
    assert impact.status == "thin" and impact.stale == ("old",) and impact.strength == "unsupported"
    assert item(result, "old").counts is False and item(result, "old").signals.outcome
    assert item(result, "running").counts and cov(result, "ic4.impact.2").evidence == ("running",)


def test_a_thin_expectation_can_be_supported_but_a_single_day_is_never_sustained(evidence_file):
    path = evidence_file("""
    evidence:
      - id: a
        title: Ranking up 18%
        date: 2026-01-10
        expectations: [ic4.impact.1]
        quotes: [{from: "Alex Kim, EM", text: "Great."}]
    """)
    impact = cov(run(path), "ic4.impact.1")
    assert impact.status == "thin" and impact.strength == "supported"
    assert impact.backing.as_dict() == {"corroborated": True, "substantiated": True, "sustained": False}


def test_totals_count_strength_per_level(evidence_file):
    result = two_items(evidence_file, "2026-01-02", "2026-05-02")
    own = result.totals(level="ic4")
    assert (own.total, own.met, own.strong, own.supported, own.unsupported) == (10, 1, 1, 0, 0)


# --- min_evidence: --min-evidence, then the expectation's own, then the policy, then 2 ----------------

LADDER = """\
id: ladder
name: A ladder
policy: {}
areas: [{id: craft, name: Craft}]
levels: [{id: one, name: One}, {id: two, name: Two}]
expectations:
  one:
    craft: [Does the work.]
  two:
    craft:
      - Leads the work.
      - {text: Writes the annual strategy., min_evidence: "1"}
"""


def ladder_case(tmp_path, evidence_file, policy: str = "{}", items: int = 2):
    (tmp_path / "ladder.yaml").write_text(LADDER.replace("policy: {}", f"policy: {policy}"), encoding="utf-8")
    entries = "".join(f"""
      - {{id: i{n}, title: Item {n}, date: 2026-0{n + 1}-01, expectations: [two.craft.1, two.craft.2]}}"""
                      for n in range(items))
    return evidence_file(f"""
    framework: ladder.yaml
    candidate: {{name: Jordan Lee, current_level: one, target_level: two}}
    evidence:{entries}
    """, header="")


@pytest.mark.parametrize("policy, option, leads, strategy", [
    ("{}", None, ("met", 2), ("met", 1)),                       # 2 by default; the strategy's own 1
    ("{min_evidence: '3'}", None, ("thin", 3), ("met", 1)),     # the policy; the expectation's own wins
    ("{min_evidence: '3'}", 2, ("met", 2), ("met", 2)),         # --min-evidence wins over both
    ("{}", 3, ("thin", 3), ("thin", 3)),
])
def test_min_evidence_precedence(tmp_path, evidence_file, policy, option, leads, strategy):
    result = run(ladder_case(tmp_path, evidence_file, policy), min_evidence=option)
    assert (cov(result, "two.craft.1").status, cov(result, "two.craft.1").needed) == leads
    assert (cov(result, "two.craft.2").status, cov(result, "two.craft.2").needed) == strategy
    assert result.min_evidence_given is (option is not None)


# --- held levels and the levels to demonstrate ---------------------------------------------------

@pytest.mark.parametrize("current, target, shown", [
    ("ic3", "ic4", ("ic4",)), ("ic2", "ic4", ("ic3", "ic4")), ("ic2", "ic5", ("ic3", "ic4", "ic5")),
    ("ic4", "ic4", ("ic4",)), ("ic4", "ic3", ("ic3",)),
])
def test_the_levels_to_demonstrate(evidence_file, current, target, shown):
    header = f"candidate:\n  name: Jordan Lee\n  current_level: {current}\n  target_level: {target}\n"
    result = run(evidence_file("evidence: []\n", header=header))
    assert result.demonstrate == shown
    assert {c.expectation.level for c in result.expectations if not c.held} == set(shown)
    assert all(c.next is None for c in result.expectations if c.held)
    assert all(c.next is not None and c.next.step == "needs-evidence" for c in result.expectations if not c.held)


def test_a_concern_is_a_held_expectation_with_a_next_step(evidence_file):
    path = evidence_file("""
    assessment:
      by: "Sam Rivera, GPM"
      concerns: [ic3.execution.2, all.teamwork.1]
    evidence:
      - {id: a, title: A, date: 2026-01-10, expectations: [all.teamwork.1, ic4.impact.1]}
    """)
    result = run(path)
    concern = cov(result, "ic3.execution.2")
    assert concern.held and concern.concern and concern.next.step == "needs-evidence"
    assert cov(result, "all.teamwork.1").next.step == "needs-items"
    assert [c.id for c in result.concerns] == ["all.teamwork.1", "ic3.execution.2"]
    assert [c.id for c in result.next_steps][-2:] == ["all.teamwork.1", "ic3.execution.2"]  # after the level's rows


def test_a_concern_that_is_not_held_is_a_located_error(evidence_file):
    from packetgen.errors import InputError

    path = evidence_file("""
    assessment:
      concerns: [ic3.execution.2, ic4.impact.1]
    evidence: []
    """)
    with pytest.raises(InputError) as caught:
        run(path)
    messages = [str(d) for d in caught.value.errors]
    assert len(messages) == 1 and messages[0].startswith(f"{path}:6:31: error: concern ic4.impact.1 is not an expectation")


# --- what to do next ---------------------------------------------------------------------------

def test_each_next_step_in_order(evidence_file):
    path = evidence_file("""
    evidence:
      - {id: a, title: Alone, date: 2026-01-10, expectations: [ic4.impact.2]}
      - {id: b, title: Bare one, date: 2026-01-10, expectations: [ic4.scope.1]}
      - {id: c, title: Bare two, date: 2026-04-10, expectations: [ic4.scope.1]}
      - {id: d, title: Voiced, date: 2026-01-10, expectations: [ic4.execution.1],
         quotes: [{from: "Alex Kim, EM", text: Yes.}]}
      - {id: e, title: Voiced again, date: 2026-05-10, expectations: [ic4.execution.1]}
      - {id: f, title: Linked, date: 2026-01-10, expectations: [ic4.execution.2],
         quotes: [{from: "Alex Kim, EM", text: Yes.}], links: [{title: PRD, url: "https://example.com/p"}]}
      - {id: g, title: Linked again, date: 2026-01-20, expectations: [ic4.execution.2]}
    """)
    result = run(path)
    steps = {c.id: (c.next.step, c.next.missing, c.next.days) if c.next else None for c in result.to_demonstrate}
    assert steps["ic4.impact.1"] == ("needs-evidence", 2, None)
    assert steps["ic4.impact.2"] == ("needs-items", 1, None)
    assert steps["ic4.scope.1"] == ("needs-independent-voice", None, None)
    assert steps["ic4.execution.1"] == ("needs-substance", None, None)
    assert steps["ic4.execution.2"] == ("needs-time", None, 60)
    from packetgen.wording import next_text

    assert [next_text(cov(result, i).next) for i in ("ic4.impact.1", "ic4.impact.2", "ic4.scope.1",
                                                     "ic4.execution.1", "ic4.execution.2")] == [
        "needs evidence", "needs 1 more item", "needs a voice other than yours or your sponsor's",
        "needs a link or a measured result", "needs items at least 60 days apart"]
    # gaps before thin before the rest, within the target level
    order = [c.status for c in result.next_steps]
    assert order == sorted(order, key=("gap", "thin", "met").index)


# --- the loader's checks of the new fields -------------------------------------------------------

def test_until_before_date_and_bad_exclude_spans_are_located_errors(evidence_file):
    from packetgen.errors import InputError

    path = evidence_file("""
    period:
      start: 2026-01-01
      end: 2026-06-30
      exclude:
        - {start: 2026-03-10, end: 2026-03-01}
        - {start: 2025-12-01, end: 2026-01-10}
        - {start: 2026-02-01, end: 2026-02-20}
        - {start: 2026-02-15, end: 2026-02-25}
    evidence:
      - {id: a, title: A, date: 2026-01-10, until: 2026-01-05, expectations: [ic4.impact.1]}
    """)
    with pytest.raises(InputError) as caught:
        run(path)
    errors = [str(d).split(": error: ") for d in caught.value.errors]
    where = {loc.removeprefix(f"{path}:"): text for loc, text in errors}
    assert set(where) == {"9:32", "10:7", "12:7", "14:48"}
    assert where["9:32"].startswith("this excluded span ends (2026-03-01) before it starts")
    assert "reaches outside the review period" in where["10:7"]
    assert "overlaps the one at line 11" in where["12:7"]
    assert where["14:48"].startswith("the work cannot end (2026-01-05) before it starts (2026-01-10)")


def test_the_hidden_characters_are_every_format_character_and_variation_selector():
    import sys
    import unicodedata

    from packetgen.text import HIDDEN

    hidden = {chr(c) for c in range(sys.maxunicode + 1)
              if unicodedata.category(chr(c)) == "Cf" or 0xFE00 <= c <= 0xFE0F or 0xE0100 <= c <= 0xE01EF}
    assert {chr(c) for c in range(sys.maxunicode + 1) if HIDDEN.fullmatch(chr(c))} == hidden
