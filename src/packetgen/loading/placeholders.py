"""The example text `packetgen init` writes, so that `check` can say where a file still holds it:
a case that reads "Your Name" or the starter's sample summary must not pass as finished."""
from __future__ import annotations

NAME = "Your Name"
ROLE = "Your Role, Your Team"
MANAGER = "Your Manager"
SPONSOR = "Your Manager, Their Role"
SUMMARY = "The case in a few sentences: what changed because of your work, and why you are ready."
SELF_ASSESSMENT = "What I am proudest of, what I would do differently, where I want to grow."
OVERALL = "The sponsor's view of the case as a whole."
AREA = "What the sponsor has seen in this area."
RATIONALE = "Why, in a few sentences."
VALUES = "How you show the company's values, with an example."
PLAN = "What you will do next to show it"
ITEM_TITLE = "Launched code search ranking v2"
ITEM_DESCRIPTION = "What you did, and what changed because of it: *click-through +18%*."
ITEM_RESULT = "First-result click-through 41% → 59%"
QUOTE_TEXT = "What they saw you do, in their words."

# where each stands in an evidence file (paths of keys; "*" is any index or area)
PLACES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("candidate", "name"), NAME), (("candidate", "role"), ROLE), (("candidate", "manager"), MANAGER),
    (("assessment", "by"), SPONSOR), (("summary",), SUMMARY), (("self_assessment",), SELF_ASSESSMENT),
    (("assessment", "overall"), OVERALL), (("assessment", "areas", "*"), AREA),
    (("recommendation", "rationale"), RATIONALE), (("values",), VALUES), (("development", "*", "plan"), PLAN),
    (("evidence", "*", "title"), ITEM_TITLE), (("evidence", "*", "description"), ITEM_DESCRIPTION),
    (("evidence", "*", "result"), ITEM_RESULT), (("evidence", "*", "quotes", "*", "text"), QUOTE_TEXT),
)
