### packetgen: every word a reader of a packet, a handout or a record sees, in English.
### One message per phrase, read by every format (PDF, HTML, DOCX, Markdown). A translation is a
### copy of this file with the same keys (locales/de.ftl, ...); a company changes wording with
### `--catalogue FILE` holding only the messages it changes. Syntax: https://projectfluent.org
### Placeables ({ $name }) are filled by packetgen: keep every one a message has.

## The catalogue itself
locale-name = English
# ltr or rtl: the direction of the packet's text and tables
locale-direction = ltr
# The CLDR locale for dates, numbers and lists when only a language is asked for
locale-cldr = en-GB

## Words used everywhere
status-met = met
status-thin = thin
status-gap = gap
strength-strong = strong
strength-supported = supported
strength-unsupported = unsupported
signal-corroborated = corroborated
signal-substantiated = substantiated
signal-sustained = sustained
decision-promote-now = Promote now
decision-next-cycle = Next cycle
decision-not-yet = Not yet
decision-none = none recorded
relationship-peer = peer
relationship-report = report
relationship-manager = manager
relationship-cross-functional = cross-functional
relationship-customer = customer
relationship-executive = executive
relationship-other = other
date-range = { $start } – { $end }
label-value = { $label }: { $value }
by-date = by { $date }
# between the items of a list that is not a sentence ("4 without evidence, 2 with too few items")
list-separator = {", "}
# an item's number in the packet (E1, E2, ...)
item-label = E{ $n }
development-step = development step { $n }
page-of = page { $page } of { $pages }
handout-page = handout page { $page }
draft = DRAFT
running = { $name } · packet for { $levels }
running-draft = DRAFT · { $name } · packet for { $levels }
levels = { $current } → { $target }

## Document properties
meta-title = Promotion packet: { $name }, { $levels }
meta-subject = Evidence for { $target } against the { $framework }
meta-keyword-packet = promotion packet
meta-keyword-framework = career framework

## Header
packet-kicker = Promotion packet
packet-draft-mark = draft with writing review
label-recommendation = Recommendation
fact-manager = Manager
fact-period = Review period
fact-period-unset = not set (every item counts)
fact-framework = Framework
fact-evidence = Evidence
fact-generated = Generated
evidence-line = { $items ->
    [one] 1 item
   *[other] { $items } items
  }{ $outside ->
    [0] {""}
   *[other] {" "}({ $counting } counting)
  }; met = { $min } or more counting items
record-line = Evidence SHA-256 { $sha } · packetgen { $version } · framework { $framework }
contents = Contents

## Readiness at a glance
glance-title = Readiness at a glance
glance-line = { $levels }: { $total ->
    [one] 1 expectation
   *[other] { $total } expectations
  } to demonstrate — { $met }, { $thin }, { $gap }; { $strong }, { $supported }, { $unsupported }.
count-met = { $n } met
count-thin = { $n } thin
count-gap = { $n } gap
count-strong = { $n } strong
count-supported = { $n } supported
count-unsupported = { $n } unsupported
label-held = Held
held-line = { $levels } — { $evidenced } of { $total } re-evidenced; { $concerns ->
    [0] no concerns raised
    [one] 1 concern raised by the sponsor: { $ids }
   *[other] { $concerns } concerns raised by the sponsor: { $ids }
  }
held-none = none
held-row = Held: { $levels }
matrix-caption = By area: the levels to demonstrate, and the held levels re-evidenced
column-level = Level
column-total = Total
cell-of = { $met } of { $total }
cell-gaps = { $n ->
    [one] 1 gap
   *[other] { $n } gaps
  }
cell-thin = { $n } thin
legend-status = A cell reads as its worst status: { $gap } at least one without evidence { $thin } at least one with too few items { $met } all met.
legend-strength = Strong: a voice other than the candidate’s or the sponsor’s, a link or a measured result, and at least { $days } days; supported: one or two of them.

## Strongest evidence
strongest-title = Strongest evidence
strongest-lends = lends to { $expectations }
strongest-none = No item yet lends strong or supported strength to an expectation of { $levels }.

## What is missing
missing-title = What is missing
missing-tally = For { $levels }: { $counts }; each with its next step.
missing-count-gap = { $n } without evidence
missing-count-thin = { $n } with too few items
missing-count-unsupported = { $n } met but unsupported
missing-count-concern = { $n } raised by the sponsor
missing-none = Nothing: every expectation of { $levels } is met and strong{ $concerns ->
    [0] {""}
   *[other] , and the sponsor’s concerns are answered
  }.
open-heading = { $title } ({ $n })
open-gap = Gaps
open-gap-lead = no counting evidence yet
open-thin = Thin
open-thin-lead = fewer items than needed
open-unsupported = Met but unsupported
open-unsupported-lead = met by citations, but no independent voice, link, result or span of time backs them
open-concern = Concerns raised by the sponsor
open-concern-lead = expectations of a level the candidate holds, which the sponsor doubts
open-count = { $items }: { $have } of { $needed } · { $strength }
near-outside = Outside the period: { $item }
near-planned = Planned: { $step }

## What to do next (also the terminal's and the JSON's words)
next-evidence = needs evidence
next-items = needs { $n ->
    [one] 1 more item
   *[other] { $n } more items
  }
next-voice = needs a voice other than yours or your sponsor's
next-substance = needs a link or a measured result
next-time = needs items at least { $days } days apart

## The case
case-title = The case
case-summary = Summary
case-assessment = The sponsor’s assessment
case-assessment-by = By { $sponsor }
case-recommendation = Recommendation
case-recommended-by = recommended by { $sponsor }
case-self-assessment = Self-assessment
case-own-words = In { $name }’s own words
case-values = Values
case-development = Development plan

## The levels to demonstrate
target-title = The levels to demonstrate: { $levels }
target-lead = Each expectation with its status, strength, next step and the items citing it (in full under { $evidence }).
card-no-evidence = No evidence yet.
card-thin = { $have } of { $needed } items
card-next = Next: { $step }
time-title = When the work happened
time-lead = counting items per quarter and area; ★ backed: items with a colleague’s quote and a link or number
time-all = All items
time-empty = no items
time-area = Area
time-words = In words: { $quarters }.
time-quarter-empty = { $quarter }: no items
time-quarter = { $quarter }: { $items ->
    [one] 1 item
   *[other] { $items } items
  }{ $backed ->
    [0] {""}
   *[other] , { $backed } backed
  }{ $areas ->
    [none] {""}
   *[other] {" "}({ $areas })
  }
time-area-count = { $area } { $n }
time-before = Before { $quarter }: { $n } more.

## Items
lend-link = link
lend-result = result
lend-quote = quote
ref-outside = outside the review period: not counted
ref-broad = broad: lends nothing
ref-duplicate = duplicate: lends nothing
ref-lends-nothing = no link, result or quote
flag-broad = broad
flag-duplicate = duplicate
flag-self-quote = quotes the candidate
tag-untagged = untagged
missing-voice = no independent voice
missing-substance = no link or result
missing-time = spans under two months

## Evidence
evidence-title = Evidence
evidence-lead = Every item once, in the order of the file ({ $span }), with the expectations it supports and what it lends to them: a link, a result, a voice.
evidence-span = { $first }–{ $last }
evidence-empty = The file lists no evidence items.
label-result = Result
label-supports = Supports
label-lends = Lends
supports-beyond = Beyond { $level }: { $ids }
lends-why-link = link: { $title }
lends-why-result = result: { $text }
lends-why-quote = quote: { $author }
lends-why-independent = independent quote: { $author }
lends-nothing = Lends no link, result or quote
repeats = (repeats { $item })
beyond-title = Beyond { $level }
beyond-lead = Signals toward the next level: cited expectations above { $level }. They change no status.

## Held levels
held-title = Held levels, for reference
held-lead = { $levels }: held by a { $current }, so context, never a gap. Re-evidenced: cited by counting items (by number, see { $evidence }).
held-lead-concerns = The sponsor’s concerns are listed under { $missing }.
column-id = ID
column-expectation = Expectation
column-reevidenced = Re-evidenced
column-items = Items
held-yes = yes
held-no = not re-evidenced
held-concern = concern raised by the sponsor
held-outside = { $items } outside period

## Writing review (a draft)
review-title = Writing review
review-lead-beside = A draft: { $n ->
    [one] 1 note
   *[other] { $n } notes
  } for the writer and the sponsor on wording that lands unequally (packetgen check --fairness), each also beside the text it is about. Render without --draft for the committee.
review-lead-comments = A draft: { $n ->
    [one] 1 note
   *[other] { $n } notes
  } for the writer and the sponsor on wording that lands unequally (packetgen check --fairness), each also a comment on the words it is about. Render without --draft for the committee.
review-label = Writing review
review-where = { $subject } · line { $line }
review-author = packetgen writing review
review-lists-missing = The writing review’s word lists are in { $languages } only: they read this text.
review-advice = { $why }; { $instead }
review-advice-detail = { $detail } — { $why }; { $instead }
review-subject-summary = the summary
review-subject-self-assessment = the self-assessment
review-subject-values = the values
review-subject-assessment = the sponsor's assessment
review-subject-assessment-area = the sponsor's assessment of { $area }
review-subject-recommendation = the recommendation
review-subject-development = development step #{ $n }
review-subject-item = item '{ $title }'
review-subject-quote = item '{ $title }', quote { $n }
review-subject-period = the period
review-detail-broad = it cites { $n } expectations
review-detail-duplicate = it repeats item '{ $title }'
review-detail-self-quote = a quote is from the candidate
review-recency-late = { $late } of { $counting } counting items fall in the period's last three months (after { $date })
review-recency-early = none of the { $counting } counting items falls in the period's first half (to { $date })
review-why-vague-praise = praise with no outcome and no artifact beside it tells a committee nothing it can weigh
review-instead-vague-praise = say what changed because of the work — a number, a link, or a quote from someone who saw it
review-why-personality = words about personality rather than work are applied unequally and say nothing about the expectations
review-instead-personality = describe what the person did and its effect, in the framework's terms
review-why-potential = potential in place of demonstrated work is judged unequally; committees promote on evidence
review-instead-potential = cite what the person has already done at the target level, with its date
review-why-supportive-only = an item told only with supporting verbs hides what the person owned and decided
review-instead-supportive-only = say what they led, decided, wrote or shipped themselves, and what others did
review-why-recency = a case bunched at the end of the period reads as the last weeks, not the year
review-instead-recency = add evidence from earlier in the period, or say why the work landed late
review-why-broad = one item citing many expectations spreads thin evidence over all of them
review-instead-broad = split it into one item per accomplishment, each citing what it shows best
review-why-duplicate = the same item twice counts the same work twice
review-instead-duplicate = remove the copy, or say what is different about each
review-why-self-quote = a quote from the candidate corroborates nothing
review-instead-self-quote = move the candidate's words to self_assessment; quote a colleague who saw the work

## About the framework
about-title = About the framework
about-title-named = About the framework: { $name }
about-source = Source: { $source }

## The decision of a record (packetgen decide)
decision-kicker = Decision record
decision-title = Decision
outcome-promoted = Promoted
outcome-not-yet = Not yet
outcome-deferred = Deferred
decision-by = Decided by
decision-date = Date
decision-on = On the packet
decision-on-text = for { $name }, generated { $date } from the evidence and framework this record embeds (the evidence’s SHA-256 is at the top of every page)
decision-rationale = Rationale
decision-ballots = Ballots before the meeting
decision-ballots-lead = { $cast } of { $members ->
    [one] { $members } member
   *[other] { $members } members
  } voted on { $anonymized ->
    [yes] this candidate (“{ $candidate }” in the anonymised ballots)
   *[no] { $candidate }
  } before the discussion; { $agreement ->
    [none] no vote was cast.
   *[other] agreement { $agreement } (the share of the most common vote).
  } The ballots were sealed before the meeting: seal SHA-256 { $seal }.
ballot-member = Member
ballot-vote = Vote
ballot-why = Why
vote-ready = Ready
vote-not-yet = Not yet
vote-question = Question
vote-none = Did not vote
# the descriptions of the files a record embeds (a PDF reader's attachments panel)
record-file-evidence = The evidence file this packet was built from
record-file-include = An evidence file that { $file } includes
record-file-framework = The career framework ({ $id })
record-file-decision = The committee’s decision on this packet
record-file-ballots = A committee member’s ballot, the seal or the tally, from before the meeting
record-file-record = packetgen record: versions, options, hashes and statuses

## Calibration handouts (packetgen committee)
handout-title = Calibration handout
handout-kicker = Calibration handout
handout-candidates = { $n ->
    [one] 1 candidate
   *[other] { $n } candidates
  }
handout-names-hidden = names hidden
handout-order = Sorted by target level, then by the target level's own strong count, then its own met count (most first), then by { $anonymized ->
    [yes] pseudonym
   *[no] name
  }.
handout-chapters-pdf = Each candidate’s packet follows as its own chapter with its own page numbers.
handout-chapters-html = Each candidate’s packet follows as its own chapter.
handout-chapters-docx = Each candidate’s packet follows as its own section with its own page numbers.
handout-anonymized = Names, managers and quoted colleagues are replaced by pseudonyms, pronouns are neutral; links show only their host.
handout-overview = Cycle overview
handout-footer-overview = Calibration handout · overview
handout-footer-about = Calibration handout · about the framework
handout-column-candidate = Candidate
handout-column-level = Level
handout-column-own = Target level’s own
handout-column-all = All (cumulative)
handout-column-depth = Evidence depth
handout-column-last = Last quarter
handout-column-recommendation = Recommendation
handout-first-page = page { $page }
handout-own = { $met } · { $thin } · { $gap } of { $total }
handout-own-met = { $n } met
handout-own-thin = { $n } thin
handout-own-gap = { $n } gap
handout-own-strong = { $n } strong
handout-all = { $met } / { $thin } / { $gap } of { $total }
handout-depth-items = { $n ->
    [one] 1 counting item
   *[other] { $n } counting items
  }
handout-depth-shares = { $outcome } outcome · { $artifact } artifact · { $independent } independent quote
handout-question = ? under half the cycle’s median { $measures }: a question for the sponsor
handout-depth-measure-items = items
handout-depth-measure-outcome = with an outcome
handout-depth-measure-artifact = with an artifact
handout-depth-measure-independent = with an independent quote
handout-legend = Met / thin / gap: expectations with enough, too few and no counting items; strong: backed by an independent voice, a link or measured result, and at least two months of work. Evidence depth: counting items, and the share of them with an outcome (a result or measured change), an artifact (a link) and a quote from someone other than the candidate and the manager. Last quarter: the share of counting items in the period’s last three months. A candidate under half the cycle’s median on any depth measure is marked “?”: a question for the sponsor, not a verdict.
handout-not-included = Not included
handout-not-included-lead = These files have errors (run { $command } on them) and are left out of this handout:
handout-errors = { $file } — { $n ->
    [one] 1 error
   *[other] { $n } errors
  }
handout-author = Calibration committee
handout-meta-subject = { $n ->
    [one] 1 promotion packet
   *[other] { $n } promotion packets
  }{ $anonymized ->
    [yes] , names hidden
   *[no] {""}
  }
handout-keyword = calibration handout
pseudonym-candidate = Candidate { $letter }
pseudonym-manager = Manager { $n }
pseudonym-colleague = Colleague { $n }
pseudonym-file = File { $n }

## The first pass of a calibration (committee --blind) and the handout's order
decision-blind = not shown in the first pass
blind-sponsor = the sponsor
handout-kicker-blind = Calibration handout · first-pass edition
handout-blind = First-pass edition, to read before the meeting: the evidence, readiness and what is missing only — no recommendation, sponsor’s assessment or self-assessment, and no sponsor named.
handout-order-name = In order of { $anonymized ->
    [yes] pseudonym
   *[no] name
  }, so that the first case discussed is not chosen by its strength.
handout-sponsors = Sponsors: recommendations beside strength
handout-sponsors-lead = Each sponsor with two or more candidates, their recommendations beside each candidate’s strong count for the levels to demonstrate: a lenient or a severe sponsor shows across the row. A sponsor with one candidate is not listed: that recommendation is in the overview.
handout-sponsors-none = No sponsor recommends more than one candidate in this cycle: each recommendation is in the overview.
handout-column-sponsor = Sponsor
handout-column-candidates = Candidates: recommendation, strong of the levels to demonstrate
handout-sponsor-entry = { $name }: { $decision }, { $strong } of { $total } strong
