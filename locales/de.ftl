### packetgen: jedes Wort, das Leserinnen und Leser eines Dossiers, einer Unterlage oder eines Protokolls sehen, auf Deutsch.
### Eine Nachricht je Wendung, von jedem Format gelesen (PDF, HTML, DOCX, Markdown). Eine Übersetzung ist
### eine Kopie von locales/en.ftl mit denselben Schlüsseln; ein Unternehmen ändert Formulierungen mit
### `--catalogue FILE`, das nur die geänderten Nachrichten enthält. Syntax: https://projectfluent.org
### Platzhalter ({ $name }) füllt packetgen: Jeder Platzhalter einer Nachricht bleibt erhalten.

## Der Katalog selbst
locale-name = Deutsch
# ltr oder rtl: die Schreibrichtung von Text und Tabellen des Dossiers
locale-direction = ltr
# Das CLDR-Gebietsschema für Datumsangaben, Zahlen und Listen, wenn nur eine Sprache angegeben ist
locale-cldr = de-DE

## Überall verwendete Wörter
status-met = erfüllt
status-thin = dünn
status-gap = Lücke
strength-strong = stark
strength-supported = gestützt
strength-unsupported = ungestützt
signal-corroborated = bestätigt
signal-substantiated = untermauert
signal-sustained = anhaltend
decision-promote-now = Jetzt befördern
decision-next-cycle = Nächster Zyklus
decision-not-yet = Noch nicht
decision-none = keine erfasst
relationship-peer = Peer
relationship-report = Mitarbeitende
relationship-manager = Führungskraft
relationship-cross-functional = bereichsübergreifend
relationship-customer = Kunde
relationship-executive = Geschäftsleitung
relationship-other = sonstige
date-range = { $start } – { $end }
label-value = { $label }: { $value }
by-date = bis { $date }
# zwischen den Einträgen einer Aufzählung, die kein Satz ist („4 ohne Belege, 2 mit zu wenigen Belegen“)
list-separator = {", "}
# die Nummer eines Belegs im Dossier (E1, E2, …)
item-label = E{ $n }
development-step = Entwicklungsschritt { $n }
page-of = Seite { $page } von { $pages }
handout-page = Seite { $page } der Unterlage
draft = ENTWURF
running = { $name } · Beförderungsdossier { $levels }
running-draft = ENTWURF · { $name } · Beförderungsdossier { $levels }
levels = { $current } → { $target }

## Dokumenteigenschaften
meta-title = Beförderungsdossier: { $name }, { $levels }
meta-subject = Belege für { $target } gemäß { $framework }
meta-keyword-packet = Beförderungsdossier
meta-keyword-framework = Karriere-Framework

## Kopfbereich
packet-kicker = Beförderungsdossier
packet-draft-mark = Entwurf mit Formulierungsprüfung
label-recommendation = Empfehlung
fact-manager = Führungskraft
fact-period = Zeitraum
fact-period-unset = nicht festgelegt (alle Belege werden angerechnet)
fact-framework = Framework
fact-evidence = Belege
fact-generated = Erstellt am
evidence-line = { $items ->
    [one] 1 Beleg
   *[other] { $items } Belege
  }{ $outside ->
    [0] {""}
   *[other] {" "}(davon { $counting } anrechenbar)
  }; erfüllt = { $min ->
    [one] mindestens 1 anrechenbarer Beleg
   *[other] mindestens { $min } anrechenbare Belege
  }
record-line = SHA-256 der Belege { $sha } · packetgen { $version } · Framework { $framework }
contents = Inhalt

## Beförderungsreife auf einen Blick
glance-title = Beförderungsreife auf einen Blick
glance-line = { $levels }: { $total ->
    [one] 1 nachzuweisende Anforderung
   *[other] { $total } nachzuweisende Anforderungen
  } — { $met }, { $thin }, { $gap }; { $strong }, { $supported }, { $unsupported }.
count-met = { $n } erfüllt
count-thin = { $n } dünn
count-gap = { $n ->
    [one] 1 Lücke
   *[other] { $n } Lücken
  }
count-strong = { $n } stark
count-supported = { $n } gestützt
count-unsupported = { $n } ungestützt
label-held = Erreicht
held-line = { $levels } — { $evidenced } von { $total } erneut belegt; { $concerns ->
    [0] keine Bedenken geäußert
    [one] 1 Bedenken des Sponsors: { $ids }
   *[other] { $concerns } Bedenken des Sponsors: { $ids }
  }
held-none = keine
held-row = Erreicht: { $levels }
matrix-caption = Nach Bereich: die nachzuweisenden Stufen und die erreichten Stufen (erneut belegt)
column-level = Stufe
column-total = Gesamt
cell-of = { $met } von { $total }
cell-gaps = { $n ->
    [one] 1 Lücke
   *[other] { $n } Lücken
  }
cell-thin = { $n } dünn
legend-status = Eine Zelle zeigt ihren schlechtesten Status: { $gap }, wenn mindestens eine Anforderung ohne Belege ist; { $thin }, wenn mindestens eine zu wenige Belege hat; { $met }, wenn alle erfüllt sind.
legend-strength = Stark: eine unabhängige Stimme (weder die kandidierende Person noch der Sponsor), ein Link oder ein messbares Ergebnis und eine Zeitspanne von mindestens { $days } Tagen; gestützt: eines oder zwei davon.

## Stärkste Belege
strongest-title = Stärkste Belege
strongest-lends = stärkt { $expectations }
strongest-none = Noch kein Beleg macht eine Anforderung für { $levels } stark oder gestützt.

## Was fehlt
missing-title = Was fehlt
missing-tally = Für { $levels }: { $counts }; jeweils mit dem nächsten Schritt.
missing-count-gap = { $n } ohne Belege
missing-count-thin = { $n } mit zu wenigen Belegen
missing-count-unsupported = { $n } ungestützt erfüllt
missing-count-concern = { $n } mit Bedenken des Sponsors
missing-none = Nichts: Jede Anforderung für { $levels } ist erfüllt und stark{ $concerns ->
    [0] {""}
   *[other] , und die Bedenken des Sponsors sind ausgeräumt
  }.
open-heading = { $title } ({ $n })
open-gap = Lücken
open-gap-lead = noch keine anrechenbaren Belege
open-thin = Dünn
open-thin-lead = weniger Belege als erforderlich
open-unsupported = Erfüllt, aber ungestützt
open-unsupported-lead = durch Belege erfüllt, aber ohne unabhängige Stimme, Link, Ergebnis oder Zeitspanne, die sie stützt
open-concern = Bedenken des Sponsors
open-concern-lead = vom Sponsor angezweifelte Anforderungen einer bereits erreichten Stufe
open-count = { $items }: { $have } von { $needed } · { $strength }
near-outside = Außerhalb des Beurteilungszeitraums: { $item }
near-planned = Geplant: { $step }

## Nächste Schritte (auch die Wörter des Terminals und des JSON)
next-evidence = Belege ergänzen
next-items = { $n ->
    [one] 1 weiteren Beleg ergänzen
   *[other] { $n } weitere Belege ergänzen
  }
next-voice = eine Stimme außer der eigenen und der des Sponsors ergänzen
next-substance = einen Link oder ein messbares Ergebnis ergänzen
next-time = Belege im Abstand von mindestens { $days } Tagen ergänzen

## Der Fall
case-title = Der Fall
case-summary = Zusammenfassung
case-assessment = Einschätzung des Sponsors
case-assessment-by = Von { $sponsor }
case-recommendation = Empfehlung
case-recommended-by = empfohlen von { $sponsor }
case-self-assessment = Selbsteinschätzung
case-own-words = { $name } in eigenen Worten
case-values = Werte
case-development = Entwicklungsplan

## Die nachzuweisenden Stufen
target-title = Nachzuweisende Stufen: { $levels }
target-lead = Jede Anforderung mit Status, Stärke, nächstem Schritt und den Belegen, die sich auf sie beziehen (vollständig unter „{ $evidence }“).
card-no-evidence = Noch keine Belege.
card-thin = { $have } von { $needed } Belegen
card-next = Nächster Schritt: { $step }
time-title = Zeitlicher Verlauf der Arbeit
time-lead = anrechenbare Belege je Quartal und Bereich; ★ belastbar: Belege mit dem Zitat einer Kollegin oder eines Kollegen und einem Link oder einer Zahl
time-all = Alle Belege
time-empty = keine Belege
time-area = Bereich
time-words = In Worten: { $quarters }.
time-quarter-empty = { $quarter }: keine Belege
time-quarter = { $quarter }: { $items ->
    [one] 1 Beleg
   *[other] { $items } Belege
  }{ $backed ->
    [0] {""}
   *[other] , { $backed } belastbar
  }{ $areas ->
    [none] {""}
   *[other] {" "}({ $areas })
  }
time-area-count = { $area } { $n }
time-before = Vor { $quarter }: { $n ->
    [one] 1 weiterer
   *[other] { $n } weitere
  }.

## Belege (einzeln)
lend-link = Link
lend-result = Ergebnis
lend-quote = Zitat
ref-outside = außerhalb des Beurteilungszeitraums: nicht angerechnet
ref-broad = zu breit: stärkt nichts
ref-duplicate = Duplikat: stärkt nichts
ref-lends-nothing = kein Link, kein Ergebnis, kein Zitat
flag-broad = zu breit
flag-duplicate = Duplikat
flag-self-quote = zitiert die kandidierende Person
tag-untagged = nicht zugeordnet
missing-voice = keine unabhängige Stimme
missing-substance = kein Link und kein Ergebnis
missing-time = Zeitspanne unter zwei Monaten

## Belege
evidence-title = Belege
evidence-lead = Jeder Beleg einmal, in der Reihenfolge der Datei ({ $span }), mit den Anforderungen, die er belegt, und womit er sie stärkt: Link, Ergebnis, Stimme.
evidence-span = { $first }–{ $last }
evidence-empty = Die Datei enthält keine Belege.
label-result = Ergebnis
label-supports = Belegt
label-lends = Stärkt durch
supports-beyond = Über { $level } hinaus: { $ids }
lends-why-link = Link: { $title }
lends-why-result = Ergebnis: { $text }
lends-why-quote = Zitat: { $author }
lends-why-independent = unabhängiges Zitat: { $author }
lends-nothing = Stärkt nichts: kein Link, kein Ergebnis, kein Zitat
repeats = (wiederholt { $item })
beyond-title = Über { $level } hinaus
beyond-lead = Hinweise auf die nächste Stufe: angeführte Anforderungen oberhalb von { $level }. Sie ändern keinen Status.

## Erreichte Stufen
held-title = Erreichte Stufen (zur Einordnung)
held-lead = { $levels }: als { $current } bereits erreicht, daher nur Kontext, nie eine Lücke. Erneut belegt: von anrechenbaren Belegen angeführt (nach Nummer, siehe „{ $evidence }“).
held-lead-concerns = Die Bedenken des Sponsors stehen unter „{ $missing }“.
column-id = ID
column-expectation = Anforderung
column-reevidenced = Erneut belegt
column-items = Belege
held-yes = ja
held-no = nicht erneut belegt
held-concern = Bedenken des Sponsors
held-outside = { $items } außerhalb des Zeitraums

## Formulierungsprüfung (ein Entwurf)
review-title = Formulierungsprüfung
review-lead-beside = Ein Entwurf: { $n ->
    [one] 1 Hinweis
   *[other] { $n } Hinweise
  } für die verfassende Person und den Sponsor zu Formulierungen, die zu ungleicher Bewertung führen können (packetgen check --fairness), jeweils auch neben dem betreffenden Text. Die Fassung für das Gremium ohne --draft erzeugen.
review-lead-comments = Ein Entwurf: { $n ->
    [one] 1 Hinweis
   *[other] { $n } Hinweise
  } für die verfassende Person und den Sponsor zu Formulierungen, die zu ungleicher Bewertung führen können (packetgen check --fairness), jeweils auch als Kommentar zu den betreffenden Wörtern. Die Fassung für das Gremium ohne --draft erzeugen.
review-label = Formulierungsprüfung
review-where = { $subject } · Zeile { $line }
review-author = packetgen Formulierungsprüfung
review-lists-missing = Die Wortlisten der Formulierungsprüfung liegen nur auf { $languages } vor; mit ihnen wurde dieser Text geprüft.
review-advice = { $why }; { $instead }
review-advice-detail = { $detail } — { $why }; { $instead }
review-subject-summary = Zusammenfassung
review-subject-self-assessment = Selbsteinschätzung
review-subject-values = Werte
review-subject-assessment = Einschätzung des Sponsors
review-subject-assessment-area = Einschätzung des Sponsors zu { $area }
review-subject-recommendation = Empfehlung
review-subject-development = Entwicklungsschritt { $n }
review-subject-item = Beleg „{ $title }“
review-subject-quote = Beleg „{ $title }“, Zitat { $n }
review-subject-period = Beurteilungszeitraum
review-detail-broad = { $n ->
    [one] führt 1 Anforderung an
   *[other] führt { $n } Anforderungen an
  }
review-detail-duplicate = wiederholt Beleg „{ $title }“
review-detail-self-quote = ein Zitat stammt von der kandidierenden Person
review-recency-late = { $late ->
    [one] 1 von { $counting } anrechenbaren Belegen fällt
   *[other] { $late } von { $counting } anrechenbaren Belegen fallen
  } in die letzten drei Monate des Zeitraums (nach dem { $date })
review-recency-early = { $counting ->
    [one] der einzige anrechenbare Beleg fällt
   *[other] keiner der { $counting } anrechenbaren Belege fällt
  } in die erste Hälfte des Zeitraums (bis { $date })
review-why-vague-praise = Lob ohne Wirkung und ohne Artefakt gibt dem Gremium nichts an die Hand, was es gewichten kann
review-instead-vague-praise = benennen, was sich durch die Arbeit verändert hat — eine Zahl, ein Link oder das Zitat einer Person, die sie miterlebt hat
review-why-personality = Aussagen über die Persönlichkeit statt über die Arbeit werden ungleich verwendet und sagen nichts über die Anforderungen aus
review-instead-personality = beschreiben, was die Person getan hat und mit welcher Wirkung, in den Begriffen des Frameworks
review-why-potential = Potenzial anstelle nachgewiesener Arbeit wird ungleich beurteilt; Gremien befördern auf Grundlage von Belegen
review-instead-potential = anführen, was die Person auf der Zielstufe bereits geleistet hat, mit Datum
review-why-supportive-only = ein Beleg, der nur mit unterstützenden Verben beschrieben ist, verschweigt, was die Person verantwortet und entschieden hat
review-instead-supportive-only = benennen, was die Person selbst geleitet, entschieden, geschrieben oder ausgeliefert hat und was andere beigetragen haben
review-why-recency = ein Fall, dessen Belege sich am Ende des Zeitraums häufen, bildet die letzten Wochen ab, nicht das Jahr
review-instead-recency = Belege aus früheren Abschnitten des Zeitraums ergänzen oder begründen, warum die Arbeit erst spät abgeschlossen wurde
review-why-broad = ein Beleg, der viele Anforderungen anführt, verteilt wenig Substanz auf alle
review-instead-broad = auf einen Beleg je Leistung aufteilen; jeder führt die Anforderungen an, die er am besten zeigt
review-why-duplicate = derselbe Beleg, zweimal aufgeführt, zählt dieselbe Arbeit doppelt
review-instead-duplicate = die Kopie entfernen oder benennen, worin sich die beiden unterscheiden
review-why-self-quote = ein Selbstzitat bestätigt nichts
review-instead-self-quote = diese Worte nach self_assessment verschieben; eine Person zitieren, die die Arbeit miterlebt hat

## Über das Framework
about-title = Über das Framework
about-title-named = Über das Framework: { $name }
about-source = Quelle: { $source }

## Die Entscheidung eines Protokolls (packetgen decide)
decision-kicker = Entscheidungsprotokoll
decision-title = Entscheidung
outcome-promoted = Befördert
outcome-not-yet = Noch nicht
outcome-deferred = Zurückgestellt
decision-by = Entschieden von
decision-date = Datum
decision-on = Dossier
decision-on-text = für { $name }, erstellt am { $date } aus den Belegen und dem Framework, die dieses Protokoll enthält (der SHA-256-Wert der Belege steht oben auf jeder Seite)
decision-rationale = Begründung
decision-ballots = Stimmzettel vor der Sitzung
decision-ballots-lead = { $cast } von { $members ->
    [one] { $members } Mitglied
   *[other] { $members } Mitgliedern
  } stimmten vor der Beratung über { $anonymized ->
    [yes] diese Kandidatur („{ $candidate }“ auf den anonymisierten Stimmzetteln)
   *[no] { $candidate }
  } ab; { $agreement ->
    [none] es wurde keine Stimme abgegeben.
   *[other] Übereinstimmung { $agreement } (Anteil der häufigsten Stimme).
  } Die Stimmzettel wurden vor der Sitzung versiegelt: Siegel-SHA-256 { $seal }.
ballot-member = Mitglied
ballot-vote = Stimme
ballot-why = Begründung
vote-ready = Bereit
vote-not-yet = Noch nicht
vote-question = Frage
vote-none = Keine Stimme
# die Beschreibungen der Dateien, die ein Protokoll einbettet (Anhänge-Bereich eines PDF-Readers)
record-file-evidence = Die Belegdatei, aus der dieses Dossier erstellt wurde
record-file-include = Eine Belegdatei, die { $file } einbindet
record-file-framework = Das Karriere-Framework ({ $id })
record-file-decision = Die Entscheidung des Gremiums zu diesem Dossier
record-file-ballots = Ein Stimmzettel eines Gremiumsmitglieds, das Siegel oder die Auszählung, von vor der Sitzung
record-file-record = packetgen-Protokoll: Versionen, Optionen, Hashwerte und Status

## Kalibrierungsunterlagen (packetgen committee)
handout-title = Kalibrierungsunterlage
handout-kicker = Kalibrierungsunterlage
handout-candidates = { $n ->
    [one] 1 Kandidatur
   *[other] { $n } Kandidaturen
  }
handout-names-hidden = Namen verborgen
handout-order = Sortiert nach Zielstufe, dann nach der Zahl starker Anforderungen der Zielstufe selbst, dann nach der Zahl ihrer erfüllten Anforderungen (jeweils absteigend), dann nach { $anonymized ->
    [yes] Pseudonym
   *[no] Name
  }.
handout-chapters-pdf = Das Dossier jeder Kandidatur folgt als eigenes Kapitel mit eigener Seitenzählung.
handout-chapters-html = Das Dossier jeder Kandidatur folgt als eigenes Kapitel.
handout-chapters-docx = Das Dossier jeder Kandidatur folgt als eigener Abschnitt mit eigener Seitenzählung.
handout-anonymized = Namen, Führungskräfte und zitierte Kolleginnen und Kollegen sind durch Pseudonyme ersetzt, Pronomen sind neutral; Links zeigen nur den Hostnamen.
handout-overview = Zyklusübersicht
handout-footer-overview = Kalibrierungsunterlage · Übersicht
handout-footer-about = Kalibrierungsunterlage · Über das Framework
handout-column-candidate = Kandidatur
handout-column-level = Stufe
handout-column-own = Nur Zielstufe
handout-column-all = Alle (kumuliert)
handout-column-depth = Belegtiefe
handout-column-last = Letztes Quartal
handout-column-recommendation = Empfehlung
handout-first-page = Seite { $page }
handout-own = { $met } · { $thin } · { $gap } von { $total }
handout-own-met = { $n } erfüllt
handout-own-thin = { $n } dünn
handout-own-gap = { $n ->
    [one] 1 Lücke
   *[other] { $n } Lücken
  }
handout-own-strong = { $n } stark
handout-all = { $met } / { $thin } / { $gap } von { $total }
handout-depth-items = { $n ->
    [one] 1 anrechenbarer Beleg
   *[other] { $n } anrechenbare Belege
  }
handout-depth-shares = { $outcome } Wirkung · { $artifact } Artefakt · { $independent } unabhängiges Zitat
handout-question = ? unter der Hälfte des Zyklus-Medians ({ $measures }): eine Frage an den Sponsor
handout-depth-measure-items = Anzahl Belege
handout-depth-measure-outcome = Anteil mit Wirkung
handout-depth-measure-artifact = Anteil mit Artefakt
handout-depth-measure-independent = Anteil mit unabhängigem Zitat
handout-legend = Erfüllt / dünn / Lücke: Anforderungen mit genügend, zu wenigen und keinen anrechenbaren Belegen; stark: mit unabhängiger Stimme, Link oder messbarem Ergebnis und mindestens zwei Monaten Arbeit. Belegtiefe: anrechenbare Belege und deren Anteil mit Wirkung (Ergebnis oder gemessene Veränderung), mit Artefakt (Link) und mit dem Zitat einer anderen Person als der kandidierenden Person und der Führungskraft. Letztes Quartal: Anteil der anrechenbaren Belege in den letzten drei Monaten des Zeitraums. Eine Kandidatur, die bei einer Kennzahl der Belegtiefe unter der Hälfte des Zyklus-Medians liegt, ist mit „?“ markiert: eine Frage an den Sponsor, kein Urteil.
handout-not-included = Nicht enthalten
handout-not-included-lead = Diese Dateien enthalten Fehler (mit { $command } prüfen) und sind in dieser Unterlage nicht enthalten:
handout-errors = { $file } — { $n } Fehler
handout-author = Kalibrierungsgremium
handout-meta-subject = { $n ->
    [one] 1 Beförderungsdossier
   *[other] { $n } Beförderungsdossiers
  }{ $anonymized ->
    [yes] , Namen verborgen
   *[no] {""}
  }
handout-keyword = Kalibrierungsunterlage
pseudonym-candidate = Person { $letter }
pseudonym-manager = Führungskraft { $n }
pseudonym-colleague = Teammitglied { $n }
pseudonym-file = Datei { $n }

## The first pass of a calibration (committee --blind) and the handout's order
decision-blind = im ersten Durchgang nicht gezeigt
blind-sponsor = der Sponsor
handout-kicker-blind = Kalibrierungsunterlage · Erster Durchgang
handout-blind = Ausgabe für den ersten Durchgang, vor der Sitzung zu lesen: nur Belege, Beförderungsreife und was fehlt – keine Empfehlung, keine Einschätzung des Sponsors, keine Selbsteinschätzung, kein Sponsor namentlich genannt.
handout-order-name = Nach { $anonymized ->
    [yes] Pseudonym
   *[no] Name
  } geordnet, damit nicht die Stärke eines Falls bestimmt, welcher zuerst besprochen wird.
handout-sponsors = Sponsoren: Empfehlungen neben der Stärke
handout-sponsors-lead = Jeder Sponsor mit zwei oder mehr Kandidaturen, seine Empfehlungen neben der Zahl starker Anforderungen der nachzuweisenden Stufen: ein milder oder strenger Sponsor zeigt sich in der Zeile. Ein Sponsor mit einer Kandidatur ist nicht aufgeführt: diese Empfehlung steht in der Übersicht.
handout-sponsors-none = Kein Sponsor empfiehlt in diesem Zyklus mehr als eine Kandidatur: jede Empfehlung steht in der Übersicht.
handout-column-sponsor = Sponsor
handout-column-candidates = Kandidaturen: Empfehlung, stark von den nachzuweisenden Anforderungen
handout-sponsor-entry = { $name }: { $decision }, { $strong } von { $total } stark
