"""`committee tally` printed: the JSON document (committee/tally.py's, as a record embeds it), a
Markdown agenda to paste into the meeting's notes, and a terminal table. The wording a reader of a
tally sees lives here."""
from __future__ import annotations

from packetgen.ballots.ballot import VOTES
from packetgen.ballots.tally import CandidateTally, Tally, tally_json
from packetgen.markdown import inert

VOTE_WORDS = {"ready": "ready", "not-yet": "not yet", "question": "question"}


def json_text(t: Tally) -> str:
    return tally_json(t).decode("utf-8")


def agreement(c: CandidateTally) -> str:
    """"67 % (2 of 3)"; "no votes" when nobody voted."""
    if c.agreement is None:
        return "no votes"
    top = max(c.counts.values())
    return f"{round(100 * c.agreement)} % ({top} of {c.cast})"


def leading(c: CandidateTally) -> str:
    if not c.leading:
        return "—"
    return " = ".join(VOTE_WORDS[v] for v in c.leading) + (" (tie)" if len(c.leading) > 1 else "")


def _returned(t: Tally) -> str:
    members = len(t.manifest.members)
    return f"{members - len(t.missing_ballots)} of {members} members voted"


def _why_divided(c: CandidateTally) -> str:
    parts = [agreement(c)]
    if c.questions:
        parts.append(f"{len(c.questions)} question{'s' * (len(c.questions) != 1)}")
    if c.not_voted:
        parts.append(f"{len(c.not_voted)} not voting")
    return ", ".join(parts)


def to_markdown(t: Tally) -> str:
    lines = [f"## Ballots before the meeting ({_returned(t)})", "",
             "| Candidate | " + " | ".join(VOTE_WORDS[v].capitalize() for v in VOTES) +
             " | Most common | Agreement | Not voted |",
             "|---|" + "---:|" * len(VOTES) + "---|---|---|"]
    for c in t.candidates:
        counts = c.counts
        lines.append(f"| {inert(c.candidate)} | " + " | ".join(str(counts[v]) for v in VOTES) +
                     f" | {leading(c)} | {agreement(c)} | {inert(', '.join(c.not_voted)) or '—'} |")
    lines += ["", "### Agenda, most divided first", ""]
    lines += [f"{n}. {inert(c.candidate)}: {_why_divided(c)}" for n, c in enumerate(t.agenda, start=1)]
    asked = [(c, member, why) for c in t.agenda for member, why in c.questions]
    if asked:
        lines += ["", "### Questions", ""]
        lines += [f"- **{inert(c.candidate)}**, {inert(member)}: {inert(why) or '(no question written)'}"
                  for c, member, why in asked]
    if t.missing_ballots:
        lines += ["", f"No ballot from: {inert(', '.join(t.missing_ballots))}."]
    return "\n".join(lines) + "\n"


def print_table(t: Tally, console) -> None:
    from rich.table import Table
    from rich.text import Text  # names and whys are the members' text, never rich markup

    table = Table(title=f"Ballots before the meeting: {_returned(t)}",
                  title_justify="left")
    table.add_column("Candidate")
    for v in VOTES:
        table.add_column(VOTE_WORDS[v], justify="right")
    for name in ("most common", "agreement", "not voted"):
        table.add_column(name)
    for c in t.candidates:
        table.add_row(Text(c.candidate), *(str(c.counts[v]) for v in VOTES), leading(c), agreement(c),
                      Text(", ".join(c.not_voted) or "—"))
    console.print(table)
    console.print("Agenda, most divided first:")
    for n, c in enumerate(t.agenda, start=1):
        console.print(f"  {n}. {c.candidate}: {_why_divided(c)}", markup=False)
    asked = [(c, member, why) for c in t.agenda for member, why in c.questions]
    if asked:
        console.print("Questions:")
        for c, member, why in asked:
            console.print(f"  {c.candidate}, {member}: {why or '(no question written)'}", markup=False)
    if t.missing_ballots:
        console.print(f"No ballot from: {', '.join(t.missing_ballots)}", markup=False)
