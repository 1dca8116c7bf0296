"""Anonymisation that hides more than names (README, Calibration handouts): every form a red-team pass
found, pronouns and titles, the roster, the role, the key, the framework, read back from the
handout's PDF, DOCX and HTML where it matters."""
from __future__ import annotations

import csv
import re
import stat
import zipfile

import docx
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from render_helpers import pdf_pages, write_ladder

from packetgen.cli import cli
from packetgen.committee.names import NameReplacer, Report
from packetgen.committee.pronouns import neutral

PEOPLE = {"Priya Raman": "Candidate A", "Ottilie Lambert": "Colleague 1", "Jose Garcia": "Colleague 2",
          "王伟": "Colleague 3", "Li Na": "Colleague 4", "April Jones": "Colleague 5", "Will Smith": "Colleague 6",
          "Grace Hopper": "Colleague 7"}


@pytest.fixture
def scrub():
    return NameReplacer(PEOPLE, Report())


@pytest.mark.parametrize("text, hidden", [
    ("Ask PriyaR or PriyaRaman", ["Priya", "Raman"]),  # glued to a capital: CamelCase
    ("Lamberts roadmap", ["Lambert"]),  # a genitive without its apostrophe
    ("José García and Jose\u0301 Garci\u0301a reviewed it", ["Jos", "Garc"]),  # accents, NFC and NFD
    ("王伟的路线图", ["王伟"]),  # CJK, no spaces
    ("**Pri**ya, Pri&#121;a and Pri\u00adya signed off", ["Pri", "ya"]),  # split by Markdown, entities, soft hyphen
    ("see lina.dev or ping @lina", ["lina"]),  # two-letter name parts glued into a handle
    ("docs at https://xn--jos-dma.example.com/notes", ["xn--", "jos"]),  # punycode host of josé
])
def test_every_form_of_a_name_is_replaced(scrub, text, hidden):
    out = scrub(text)
    for fragment in hidden:
        assert fragment.lower() not in out.lower(), (text, out)


@pytest.mark.parametrize("text", ["shipped in April 2026", "due on May 3", "Will ship the beta next week",
                                  "handled with grace", "Hope this helps"])
def test_names_that_are_words_stay_words_where_they_are_words(text):
    report = Report()
    scrub = NameReplacer({**PEOPLE, "May Chen": "Colleague 8", "Hope Diaz": "Colleague 9"}, report)
    assert scrub(text) == text


def test_a_common_word_name_standing_as_a_name_is_replaced_and_the_undecided_are_reported():
    report = Report()
    scrub = NameReplacer(PEOPLE, report)
    assert scrub("The review was led by April, then Will shipped it.") == \
        "The review was led by Colleague 5, then Colleague 6 shipped it."
    scrub("Will ship the beta.")
    assert report.undecided == {"Will ship": 1}


def test_pronouns_and_titles_become_neutral_with_the_verb_agreeing():
    text = ("She is ready and he was early; she has shipped, he does reviews, she's done. Her plan worked and "
            "the team thanked her. His launch was his. She did it herself; he did it himself. Ask Ms. Lee or Mr Park.")
    assert neutral(text) == (
        "They are ready and they were early; they have shipped, they do reviews, they’re done. Their plan worked "
        "and the team thanked them. Their launch was theirs. They did it themself; they did it themself. "
        "Ask Lee or Park.")


GENDERED = re.compile(r"\b(?:she|he|her|him|his|hers|herself|himself|Mr|Mrs|Ms)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("anon")
    roster = folder / "roster.csv"
    roster.write_text("name,team\nOttilie Brandt,Search\nZbigniew Nowak,Search\n", encoding="utf-8")
    out = {}
    for fmt in ("pdf", "docx", "html"):
        out[fmt] = folder / f"h.{fmt}"
        # names and roles are gone before an engine lays the text out: this PDF is Typst's (a fifth of the
        # time); test_committee reads WeasyPrint's anonymised handout, its text, metadata and bytes
        result = CliRunner().invoke(cli, ["committee", *map(str, EXAMPLES), "--anonymize", "--hide-role",
                                          "--redact-names", str(roster), "-o", str(out[fmt]),
                                          *(["--engine", "typst"] if fmt == "pdf" else [])])
        assert result.exit_code == 0, result.stderr
    return out


def texts(handouts) -> dict[str, str]:
    from bs4 import BeautifulSoup

    with zipfile.ZipFile(handouts["docx"]) as z:
        parts = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels")))
    return {"pdf": " ".join(pdf_pages(handouts["pdf"])),
            "docx": " ".join(p.text for p in docx.Document(str(handouts["docx"])).paragraphs) + " " + parts,
            "html": BeautifulSoup(handouts["html"].read_text(encoding="utf-8"), "html.parser").get_text(" ")}


@pytest.mark.renders
def test_no_gendered_pronoun_or_title_is_left(handouts):
    for fmt, text in texts(handouts).items():
        found = GENDERED.findall(re.sub(r"<[^>]+>", " ", text))
        assert found == [], (fmt, found[:10])


@pytest.mark.renders
def test_roles_are_hidden_and_the_roster_is_applied(handouts):
    for fmt, text in texts(handouts).items():
        assert "Group Product Manager, AI Coding Assistant" not in text and "AI Coding Assistant" not in text, fmt
        # and the sponsor's title: there is one Chief Product Officer, one Director of Product
        for title in ("Chief Product Officer", "Director of Product", "Group Product Manager"):
            assert not re.search(rf"Manager \d+, {title}", text), (fmt, title)
    key_run = CliRunner().invoke(cli, ["committee", str(EXAMPLES[0]), "--anonymize", "-o",
                                       str(handouts["pdf"].with_name("solo.html"))])
    assert key_run.exit_code == 0


@pytest.mark.renders
def test_free_text_given_names_are_reported_not_guessed(tmp_path, evidence_file):
    path = evidence_file("""
    evidence:
      - title: Paired on the launch
        date: 2026-03-12
        expectations: [ic4.impact.1]
        description: >-
          Ottilie and Zbigniew paired on this with me; Ottilie wrote the plan. Will it hold? Our
          North Star metric moved, thanks to Grace for the review.
    """)
    result = CliRunner().invoke(cli, ["committee", str(path), "--anonymize", "-o", str(tmp_path / "h.html")])
    assert result.exit_code == 0
    warning = next(line for line in result.stderr.splitlines() if "given names" in line)
    assert "Ottilie ×2" in warning and "Zbigniew ×1" in warning and "Grace ×1" in warning
    assert "North" not in warning and "Star" not in warning and "Will" not in warning
    assert "she" not in warning.lower().split(":")[-1] and "female" not in warning.lower()
    html = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert "given names" not in html  # on stderr only
    roster = tmp_path / "people.txt"
    roster.write_text("Ottilie Brandt\nZbigniew Nowak\nGrace Obi\n", encoding="utf-8")
    again = CliRunner().invoke(cli, ["committee", str(path), "--anonymize", "--redact-names", str(roster),
                                     "-o", str(tmp_path / "h2.html")])
    assert "Ottilie" not in (tmp_path / "h2.html").read_text(encoding="utf-8")
    assert "given names" not in again.stderr


@pytest.mark.renders
def test_the_key_is_private_inert_and_written_with_its_handout(tmp_path, evidence_file):
    path = evidence_file("""
    evidence: []
    """, header="candidate:\n  name: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"\n"
                "  current_level: ic3\n  target_level: ic4\n")
    handout, key = tmp_path / "h.html", tmp_path / "key.csv"
    assert CliRunner().invoke(cli, ["committee", str(path), "--anonymize", "--key-out", str(key),
                                    "-o", str(handout)]).exit_code == 0
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    rows = list(csv.DictReader(key.open(encoding="utf-8")))
    assert rows[0]["name"].startswith("'=HYPERLINK(")  # text, not a formula
    # a run that fails after the key could be written replaces neither file
    old_handout, old_key = handout.read_bytes(), key.read_bytes()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "packet.html.j2").write_text("{% if %}", encoding="utf-8")
    failed = CliRunner().invoke(cli, ["committee", str(EXAMPLES[0]), "--anonymize", "--key-out", str(key),
                                      "--template-dir", str(broken), "-o", str(handout)])
    assert failed.exit_code == 2
    assert handout.read_bytes() == old_handout and key.read_bytes() == old_key
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "evidence.yaml", "h.html", "key.csv"]


@pytest.mark.renders
def test_a_frameworks_own_texts_are_scrubbed(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    write_ladder(folder / "ladder.yaml", id="priya-raman-search", name="Priya Raman's Search PM ladder",
                 about="Written by Priya Raman.")
    (folder / "priya.yaml").write_text("framework: ladder.yaml\ncandidate: {name: Priya Raman, current_level: one, "
                                       "target_level: two}\nevidence: []\n", encoding="utf-8")
    for fmt in ("pdf", "html"):
        out = tmp_path / f"h.{fmt}"
        assert CliRunner().invoke(cli, ["committee", str(folder / "priya.yaml"), "--anonymize",
                                        "-o", str(out)]).exit_code == 0
        shown = " ".join(pdf_pages(out)) if fmt == "pdf" else out.read_text(encoding="utf-8")
        assert "Priya" not in shown and "Raman" not in shown and "priya-raman" not in shown, fmt
    from pypdf import PdfReader

    meta = PdfReader(tmp_path / "h.pdf").metadata
    assert "priya" not in str(meta.get("/Keywords", "")).lower()


FORMS = """\
framework: sourcegraph-pm
candidate:
  name: Priya Raman
  current_level: ic3
  target_level: ic4
  manager: Ottilie Lambert
  role: PM, Search
period: {start: 2025-07-01, end: 2026-06-30}
summary: >-
  PriyaR and PriyaRaman on Slack; **Pri**ya, Pri&#121;a and Pri\u00adya wrote it; Lamberts roadmap.
evidence:
  - title: Priya's ranking launch with Jose Garcia
    date: 2026-03-12
    expectations: [ic4.impact.1, ic4.execution.1]
    description: >-
      José García and Jose\u0301 Garci\u0301a reviewed it; 王伟的路线图 came first; see lina.dev or ping
      @lina; notes at <https://xn--jos-dma.example.com/notes>.
    links:
      - {title: "Priya's launch post", url: "https://priyaraman.dev/launch"}
    quotes:
      - from: "José García, Staff Engineer"
        text: She shipped it herself, and 王伟 and Li Na agreed.
      - from: "王伟, Designer"
        text: Her plan worked.
      - from: "Li Na, EM"
        text: Worked with PriyaR on it.
"""
NAME_PARTS = ["priya", "raman", "lambert", "ottilie", "jose", "garcia", "王伟", "lina", "li na", "xn--jos"]


@pytest.mark.renders
def test_every_form_is_gone_from_every_format_its_xml_and_its_metadata(tmp_path):
    from bs4 import BeautifulSoup
    from pypdf import PdfReader

    from packetgen.text import unaccent as fold

    path = tmp_path / "priya.yaml"
    path.write_text(FORMS.replace("\\u0301", "\u0301").replace("\\u00ad", "\u00ad"), encoding="utf-8")
    seen = {}
    for fmt in ("pdf", "docx", "html"):
        out = tmp_path / f"h.{fmt}"
        result = CliRunner().invoke(cli, ["committee", str(path), "--anonymize", "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        if fmt == "pdf":
            reader = PdfReader(out)
            meta = " ".join(str(v) for v in (reader.metadata or {}).values())
            xmp = reader.xmp_metadata.stream.get_data().decode("utf-8", "replace") if reader.xmp_metadata else ""
            outline = " ".join(str(item.title) for item in reader.outline if not isinstance(item, list))
            seen[fmt] = " ".join(pdf_pages(out)) + meta + xmp + outline
        elif fmt == "docx":
            with zipfile.ZipFile(out) as z:
                seen[fmt] = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                                     if n.endswith((".xml", ".rels")))
        else:
            raw = out.read_text(encoding="utf-8")
            seen[fmt] = raw + BeautifulSoup(raw, "html.parser").get_text(" ")
    for fmt, text in seen.items():
        low = fold(text).lower()
        assert [part for part in NAME_PARTS if part in low] == [], fmt
        assert "Candidate A" in text and "Colleague" in text and "Manager 1" in text, fmt
        assert GENDERED.findall(re.sub(r"<[^>]+>", " ", text)) == [], fmt


def test_a_regular_verb_after_the_pronoun_agrees_too():
    """"It's Priya, and she answers the same day" read "…they answers…" in a handout: a quote's
    words changed into bad grammar. The present tense's -s now comes off (after one adverb too)."""
    text = ("It's Priya, and she answers the same day. He always writes tests; she tries, he fixes it, she watches, "
            "he pushes, she goes. She focuses on users and he uses data. He quickly agrees; she also leads.")
    assert neutral(text) == (
        "It's Priya, and they answer the same day. They always write tests; they try, they fix it, they watch, "
        "they push, they go. They focus on users and they use data. They quickly agree; they also lead.")
    assert neutral("She says this is his.") == "They say this is theirs."  # nothing else moves
    assert neutral("He always is early; she really has grown, he usually doesn't wait.") == \
        "They always are early; they really have grown, they usually don't wait."
    # bases ending in -e, -s or -z, adverbs ending in -s, and the case a verb is written in (a review's finds)
    assert neutral("He caches results; she refocuses the team, quizzes us. She finesses it, he unties it, "
                   "he tiptoes. She nowadays owns the roadmap.") == (
        "They cache results; they refocus the team, quizzes us. They finesse it, they untie it, "
        "they tiptoe. They nowadays own the roadmap.")
    assert neutral("She Focuses On Reliability. SHE FIXES BUGS.") == "They Focus On Reliability. THEY FIX BUGS."
    assert neutral("She's been great and he's got the plan; she's ready.") == \
        "They’ve been great and they’ve got the plan; they’re ready."  # 's is has before a participle
    assert neutral("She's led the launch, he's already written the PRD and she's shipped it; he's excited, "
                   "she's leading the next.") == ("They’ve led the launch, they’ve already written the PRD and "
                                                  "they’ve shipped it; they’re excited, they’re leading the next.")
    assert neutral("Does she know? Is he ready? What has she shipped? The reason is she cares.") == \
        "Do they know? Are they ready? What have they shipped? The reason is they care."  # questions, not clauses


@pytest.mark.parametrize("text", [
    "a" * 62_000,  # one long run: the handle pattern scanned it again from every letter (58 s before)
    "[" * 30_000,  # link texts that never close
    "[x](" * 15_000,  # links whose address never ends
    "<http:" * 10_000,  # autolinks that never close
    "a." * 31_000,  # a dotted run
    "x@" * 31_000,  # an address that never ends
])
def test_anonymising_a_long_hostile_text_takes_linear_time(text):
    """Each pattern the anonymiser runs over a text is linear in the text (contract limits: any input under
    the documented limits in well under a minute); a generous bound, the figures are in the issue's note."""
    import time

    scrub = NameReplacer({"Jordan Lee": "Candidate A"}, Report())
    start = time.monotonic()
    scrub(text + " Jordan Lee led it.")
    assert time.monotonic() - start < 5


def test_no_file_can_choose_its_letter(tmp_path):
    """A file ground until its own hash is tiny (a nonce in a comment, a few thousand tries) was "Candidate
    A" whatever the others; now the letters follow a seed of every file, so where it lands depends on files
    its author does not have."""
    import hashlib

    from packetgen.committee.cycle import prepare

    raw = EXAMPLES[1].read_bytes()
    name = b"Jordan Lee"
    nonce = next(n for n in range(200_000)
                 if hashlib.sha256(name + b"\0" + raw + f"# {n}\n".encode()).hexdigest().startswith("000"))
    ground = tmp_path / "ground.yaml"
    ground.write_bytes(raw + f"# {nonce}\n".encode())
    letters = set()
    for variant in range(6):  # the same ground file among other cycles: another file's bytes differ
        other = tmp_path / f"other-{variant}.yaml"
        other.write_bytes(EXAMPLES[0].read_bytes() + f"# variant {variant}\n".encode())
        cycle = prepare([str(ground), str(other), str(EXAMPLES[2])], anonymize_names=True)
        letters.add(next(row.pseudonym for row in cycle.key if row.kind == "candidate" and row.source == str(ground)))
    assert len(letters) > 1 and letters != {"Candidate A"}


def test_a_role_without_a_comma_is_no_name(tmp_path):
    """A quote `from` such as "Head of Sales", "Ximena - Design" or "Group Product Manager Sam Rivera" names
    at most the person in it: "of", "sales", "design", "product" stay words everywhere (they became
    "Colleague n" in every chapter and in the framework's texts), while Ximena and Sam Rivera are hidden."""
    from packetgen.committee.cycle import prepare

    case = tmp_path / "case.yaml"
    text = EXAMPLES[1].read_text(encoding="utf-8")
    text = text.replace('evidence:\n', 'evidence:\n  - title: Priced the sales and design tiers of the product\n'
                        '    date: 2026-03-02\n    expectations: [all.impact.1]\n'
                        '    description: Head of sales signed off on the design of the product tiers.\n'
                        '    quotes:\n      - {from: "Head of Sales", text: "The tiers sold themselves."}\n'
                        '      - {from: "Ximena - Design", text: "Ximena here: the design held up."}\n'
                        '      - {from: "Group Product Manager Sam Rivera", text: "Sam Rivera signs off."}\n', 1)
    case.write_text(text, encoding="utf-8")
    cycle = prepare([str(case), str(EXAMPLES[0])], anonymize_names=True)
    named = next(r for r in cycle.results if any(i.title.startswith("Priced") for i in r.evidence.items))
    item = next(i for i in named.evidence.items if i.title.startswith("Priced"))
    assert item.title == "Priced the sales and design tiers of the product"
    assert item.description == "Head of sales signed off on the design of the product tiers."
    authors = [q.author for q in item.quotes]
    assert authors[0] == "Head of Sales" and authors[1].startswith("Colleague ") and authors[1].endswith(" - Design")
    assert re.fullmatch(r"Manager \d+, Group Product Manager", authors[2])  # the file's own manager, Sam Rivera
    said = " ".join(q.text for q in item.quotes)
    assert "Ximena" not in said and "Sam" not in said and "Rivera" not in said
    from packetgen.loading.framework import load_framework

    assert [e.text for e in named.framework.expectations] == [e.text for e in load_framework().expectations]
    kinds = {row.name: row.kind for row in cycle.key}
    assert "Head of Sales" not in kinds and kinds.get("Sam Rivera") == "manager" and kinds.get("Ximena") == "colleague"


# --- round 3: forms that survived, units, honorifics, the warning, roles (issue 29, item 9) ---------------

CYCLE = {"Jordan M. Lee": "Candidate B", "Sam Lee": "Manager 1", "Priya Raman": "Candidate A",
         "Tom O'Brien": "Colleague 1", "Paul Lan": "Colleague 2", "Will Smith": "Colleague 6"}


@pytest.mark.parametrize("text, hidden", [
    ("ping jordan2 on chat", ["jordan"]),  # a handle's number
    ("assigned to jordanl", ["jordanl"]),  # given name and an initial
    ("obrien reviewed it", ["brien"]),  # O'Brien without the apostrophe
    ("PRaman approved", ["Raman"]),  # an initial and the surname, with its capital
    ("write to jordan dot lee at work", ["jordan", "lee"]),  # an address spelled out
    ("Ｊｏｒｄａｎ wrote it", ["Ｊｏｒｄａｎ", "Jordan"]),  # fullwidth
    ("J\u043ErdAn wrote it", ["rdan"]),  # a Cyrillic о among Latin letters
    ("Jor\ufe0fdan wrote it", ["Jor"]),  # a variation selector inside the name
    ("Sam thinks the plan holds.", ["Sam"]),  # the manager's first name opening a sentence
])
def test_forms_found_in_round_three_are_replaced(text, hidden):
    out = NameReplacer(CYCLE, Report())(text)
    for fragment in hidden:
        assert fragment.lower() not in out.lower(), (text, out)
    assert "[name]" not in out and not re.search(r"Candidate B\d", out), out


@pytest.mark.parametrize("text", ["Our plan shipped.", "The PLAN review.", "Will ship the beta.",
                                  "SAM grew 20% and the TAM held.", "Lan parties are out."])
def test_round_three_forms_leave_words_alone(text):
    out = NameReplacer(CYCLE, Report())(text)
    assert out == text if not text.startswith("Lan") else out.endswith("parties are out.")


def test_a_full_name_is_one_unit_even_with_a_middle_name_and_a_shared_surname():
    scrub = NameReplacer(CYCLE, Report())
    assert scrub("Jordan Lee and Jordan M. Lee and Jordan Alex Lee") == "Candidate B and Candidate B and Candidate B"
    assert scrub("Sam Lee asked; Lee said yes.") == "Manager 1 asked; Manager 1 said yes."  # the one named last
    assert scrub("Lee said yes.") == "[name] said yes."  # two people share it and neither was named
    assert neutral(scrub("Ask Ms. Lee, Mx Raman or Mr. O'Brien.")) == "Ask [name], Candidate A or Colleague 1."


def test_the_given_name_warning_covers_short_and_accented_names(tmp_path, evidence_file):
    path = evidence_file("""
    evidence:
      - title: Mentored two new PMs
        date: 2026-03-12
        expectations: [ic4.teamwork.1]
        description: >-
          I mentored Jun and Zoë through their first launch; José, Łukasz and Søren reviewed it. An early
          draft went out Jun 3 and the team signed off.
    """)
    from packetgen.committee.cycle import prepare

    left = prepare([str(path)], anonymize_names=True).report.given_names
    assert {name: left[name] for name in ("Jun", "Zoë", "José", "Łukasz", "Søren")} == {
        "Jun": 1, "Zoë": 1, "José": 1, "Łukasz": 1, "Søren": 1}  # "Jun 3" is a date
    assert "An" not in left


@pytest.mark.renders
def test_anonymised_roles_go_unless_show_role(tmp_path, evidence_file):
    path = evidence_file("""
    evidence:
      - title: Ran the pricing review
        date: 2026-03-12
        expectations: [ic4.impact.1]
        quotes:
          - {from: "Dana Wu, Staff Engineer, Payments", text: "The review settled it."}
    """)
    html = {}
    for extra in ([], ["--show-role"]):
        out = tmp_path / f"h{len(extra)}.html"
        result = CliRunner().invoke(cli, ["committee", str(path), "--anonymize", *extra, "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        from bs4 import BeautifulSoup

        html[bool(extra)] = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser").get_text(" ")
    assert "Staff Engineer" not in html[False] and "Payments" not in html[False]
    assert "Colleague 1" in html[False] and "Dana" not in html[False]
    assert "Staff Engineer, Payments" in html[True] and "Dana" not in html[True]


# --- a red-team pass over the above: leaks, words mangled, slow texts --------------------------------------

PANEL = {**CYCLE, "April Jones": "Colleague 3", "Max Chen": "Colleague 4", "Don Hill": "Colleague 5",
         "Mark Green": "Colleague 7"}


@pytest.mark.parametrize("text, hidden", [
    ("jordan lee shipped it and JORDAN LEE signed", ["jordan", "lee"]),  # a word-like part beside the rest
    ("ping jordanlee or JordanLee2", ["jordan"]),  # glued without the middle initial
    ("PR\u0406YA RAMAN approved", ["RAMAN", "YA"]),  # a Cyrillic capital І in capitals
    ("O\u02bcBrien, O`Brien and Tom O Brien", ["brien"]),  # other apostrophes, or none but a space
    ("\U0001d40f\U0001d42b\U0001d422\U0001d432\U0001d41a wrote", ["\U0001d40f"]),  # bold letters of a profile
    ("Priya\u3164Raman wrote", ["priya", "raman"]),  # a Hangul filler between the parts
    ("Ask TomO or PriyaR", ["tomo", "priyar", "Colleague 1O"]),  # CamelCase with an initial
])
def test_forms_a_red_team_found_are_replaced(text, hidden):
    out = NameReplacer(CYCLE, Report())(text)
    for fragment in hidden:
        assert fragment.lower() not in out.lower(), (text, out)


@pytest.mark.parametrize("text", [
    "We built a customer-facing dashboard with a bottom-up estimate and same-day, fleet-wide support.",
    "See atom.io and samsung.com; the SAM/TAM analysis held.", "Don't ship yet.", "Max latency dropped 40%.",
    "It moved from March to April, then April–June.", "By April we had shipped.", "The Hill team agreed.",
    "Led the Green Build initiative.", "Will Ship Beta In April"])
def test_words_a_red_team_found_mangled_stay_words(text):
    assert NameReplacer(PANEL, Report())(text) == text


@pytest.mark.parametrize("text", [
    "- Met April about the plan.\n" * 2200,  # each month judged on all the text before it (19 s)
    "a April " * 6000,  # 42 s
    "In standup Lee agreed the plan was fine. " * 1500,
    "[a](" + " " * 60_000,  # a link's address never ends, in spaces (quadratic backtracking)
    "x" + "a*a_" * 4000 + "c" + "_a*a" * 4000,  # emphasis nested 8,000 deep, unwrapped one level a pass
])
def test_texts_a_red_team_found_slow_take_linear_time(text):
    import time

    scrub = NameReplacer(PANEL, Report())
    start = time.monotonic()
    neutral(scrub(text + " Jordan Lee led it."))
    assert time.monotonic() - start < 5
