### packetgen : tous les mots qu’un lecteur d’un dossier, d’un support de calibration ou d’un relevé voit, en français.
### Un message par formule, lu par chaque format (PDF, HTML, DOCX, Markdown). Une traduction est une
### copie de ce fichier avec les mêmes clés (locales/de.ftl, ...) ; une entreprise modifie une formulation avec
### `--catalogue FILE`, qui ne contient que les messages modifiés. Syntaxe : https://projectfluent.org
### Les placeables ({ $name }) sont remplis par packetgen : conserver chacun de ceux qu’un message contient.

## Le catalogue lui-même
locale-name = Français
# ltr ou rtl : le sens du texte et des tableaux du dossier
locale-direction = ltr
# La locale CLDR des dates, nombres et listes quand seule une langue est demandée
locale-cldr = fr-FR

## Mots utilisés partout
status-met = atteinte
status-thin = partielle
status-gap = lacune
strength-strong = solide
strength-supported = étayée
strength-unsupported = non étayée
signal-corroborated = corroborée
signal-substantiated = documentée
signal-sustained = durable
decision-promote-now = Promouvoir maintenant
decision-next-cycle = Prochain cycle
decision-not-yet = Pas encore
decision-none = non renseignée
relationship-peer = pair
relationship-report = collaborateur direct
relationship-manager = manager
relationship-cross-functional = transverse
relationship-customer = client
relationship-executive = direction
relationship-other = autre
date-range = { $start } – { $end }
label-value = { $label } : { $value }
by-date = d’ici le { $date }
# entre les éléments d’une liste qui n’est pas une phrase (« 4 sans élément, 2 avec trop peu d’éléments »)
list-separator = {", "}
# le numéro d’un élément dans le dossier (E1, E2, ...)
item-label = E{ $n }
development-step = action { $n } du plan de développement
page-of = page { $page } sur { $pages }
handout-page = page { $page } du support
draft = PROJET
running = { $name } · dossier de promotion { $levels }
running-draft = PROJET · { $name } · dossier de promotion { $levels }
levels = { $current } → { $target }

## Propriétés du document
meta-title = Dossier de promotion : { $name }, { $levels }
meta-subject = Éléments de preuve pour { $target } au regard du référentiel « { $framework } »
meta-keyword-packet = dossier de promotion
meta-keyword-framework = référentiel de carrière

## En-tête
packet-kicker = Dossier de promotion
packet-draft-mark = projet avec relecture rédactionnelle
label-recommendation = Recommandation
fact-manager = Manager
fact-period = Période d’évaluation
fact-period-unset = non définie (tous les éléments sont retenus)
fact-framework = Référentiel
fact-evidence = Éléments de preuve
fact-generated = Généré le
evidence-line = { $items ->
    [one] { $items } élément
   *[other] { $items } éléments
  }{ $outside ->
    [0] {""}
   *[other] {" "}({ $counting ->
        [one] { $counting } retenu
       *[other] { $counting } retenus
    })
  } ; attente atteinte dès { $min ->
    [one] { $min } élément retenu
   *[other] { $min } éléments retenus
  }
record-line = SHA-256 des éléments de preuve { $sha } · packetgen { $version } · référentiel { $framework }
contents = Sommaire

## État de préparation en bref
glance-title = État de préparation en bref
glance-line = { $levels } : { $total ->
    [one] { $total } attente
   *[other] { $total } attentes
  } à démontrer — { $met }, { $thin }, { $gap } ; { $strong }, { $supported }, { $unsupported }.
count-met = { $n ->
    [one] { $n } atteinte
   *[other] { $n } atteintes
  }
count-thin = { $n ->
    [one] { $n } partielle
   *[other] { $n } partielles
  }
count-gap = { $n ->
    [one] { $n } lacune
   *[other] { $n } lacunes
  }
count-strong = { $n ->
    [one] { $n } solide
   *[other] { $n } solides
  }
count-supported = { $n ->
    [one] { $n } étayée
   *[other] { $n } étayées
  }
count-unsupported = { $n ->
    [one] { $n } non étayée
   *[other] { $n } non étayées
  }
label-held = Acquis
held-line = { $levels } — { $evidenced } sur { $total } { $evidenced ->
    [one] confirmée
   *[other] confirmées
  } ; { $concerns ->
    [0] aucune réserve émise
    [one] 1 réserve émise par le sponsor : { $ids }
   *[other] { $concerns } réserves émises par le sponsor : { $ids }
  }
held-none = aucun
held-row = Acquis : { $levels }
matrix-caption = Par domaine : les niveaux à démontrer, et les attentes confirmées des niveaux acquis
column-level = Niveau
column-total = Total
cell-of = { $met } sur { $total }
cell-gaps = { $n ->
    [one] { $n } lacune
   *[other] { $n } lacunes
  }
cell-thin = { $n ->
    [one] { $n } partielle
   *[other] { $n } partielles
  }
legend-status = Chaque cellule affiche le statut le plus défavorable de ses attentes : { $gap } si au moins une est sans élément, { $thin } si au moins une a trop peu d’éléments, { $met } si toutes sont atteintes.
legend-strength = Solide : une voix autre que celle de la personne candidate ou du sponsor, un lien ou un résultat mesuré, et une durée d’au moins { $days ->
    [one] { $days } jour
   *[other] { $days } jours
  } ; étayée : un ou deux de ces critères.

## Éléments les plus probants
strongest-title = Éléments les plus probants
strongest-lends = contribue à { $expectations }
strongest-none = Aucun élément ne rend encore solide ou étayée une attente à démontrer ({ $levels }).

## Ce qui manque
missing-title = Ce qui manque
missing-tally = Pour { $levels } : { $counts } ; chaque attente avec sa prochaine étape.
missing-count-gap = { $n } sans élément
missing-count-thin = { $n } avec trop peu d’éléments
missing-count-unsupported = { $n ->
    [one] { $n } atteinte mais non étayée
   *[other] { $n } atteintes mais non étayées
  }
missing-count-concern = { $n } faisant l’objet d’une réserve du sponsor
missing-none = Rien : toutes les attentes à démontrer ({ $levels }) sont atteintes et solides{ $concerns ->
    [0] {""}
   *[other] , et les réserves du sponsor ont reçu une réponse
  }.
open-heading = { $title } ({ $n })
open-gap = Lacunes
open-gap-lead = aucun élément retenu pour l’instant
open-thin = Partielles
open-thin-lead = moins d’éléments que requis
open-unsupported = Atteintes mais non étayées
open-unsupported-lead = atteintes par le nombre d’éléments qui les citent, mais sans voix indépendante, lien, résultat ni durée à l’appui
open-concern = Réserves émises par le sponsor
open-concern-lead = attentes d’un niveau acquis, que le sponsor met en doute
open-count = { $items } : { $have } sur { $needed } · { $strength }
near-outside = Hors période : { $item }
near-planned = Prévu : { $step }

## Prochaine étape (aussi les mots du terminal et du JSON)
next-evidence = ajouter des éléments de preuve
next-items = ajouter { $n ->
    [one] { $n } élément
   *[other] { $n } éléments
  }
next-voice = ajouter une voix autre que celle de la personne candidate ou du sponsor
next-substance = ajouter un lien ou un résultat mesuré
next-time = ajouter des éléments espacés d’au moins { $days ->
    [one] { $days } jour
   *[other] { $days } jours
  }

## L’argumentaire
case-title = L’argumentaire
case-summary = Synthèse
case-assessment = L’évaluation du sponsor
case-assessment-by = Par { $sponsor }
case-recommendation = Recommandation
case-recommended-by = recommandé par { $sponsor }
case-self-assessment = Autoévaluation
case-own-words = Par { $name }, en ses propres termes
case-values = Valeurs
case-development = Plan de développement

## Les niveaux à démontrer
target-title = Niveaux à démontrer : { $levels }
target-lead = Chaque attente avec son statut, sa solidité, sa prochaine étape et les éléments qui la citent (détaillés sous { $evidence }).
card-no-evidence = Aucun élément pour l’instant.
card-thin = { $have } sur { $needed ->
    [one] { $needed } élément
   *[other] { $needed } éléments
  }
card-next = Prochaine étape : { $step }
time-title = Chronologie des réalisations
time-lead = éléments retenus par trimestre et par domaine ; ★ attestés : éléments avec une citation de collègue et un lien ou un chiffre
time-all = Tous les éléments
time-empty = aucun élément
time-area = Domaine
time-words = Détail par trimestre — { $quarters }.
time-quarter-empty = { $quarter } : aucun élément
time-quarter = { $quarter } : { $items ->
    [one] { $items } élément
   *[other] { $items } éléments
  }{ $backed ->
    [0] {""}
    [one] , dont { $backed } attesté
   *[other] , dont { $backed } attestés
  }{ $areas ->
    [none] {""}
   *[other] {" "}({ $areas })
  }
time-area-count = { $area } { $n }
time-before = Avant le { $quarter } : { $n } de plus.

## Éléments
lend-link = lien
lend-result = résultat
lend-quote = citation
ref-outside = hors période d’évaluation : non retenu
ref-broad = trop large : n’apporte rien
ref-duplicate = doublon : n’apporte rien
ref-lends-nothing = ni lien, ni résultat, ni citation
flag-broad = trop large
flag-duplicate = doublon
flag-self-quote = auto-citation
tag-untagged = non rattaché
missing-voice = aucune voix indépendante
missing-substance = ni lien ni résultat
missing-time = sur moins de deux mois

## Éléments de preuve
evidence-title = Éléments de preuve
evidence-lead = Chaque élément une seule fois, dans l’ordre du fichier ({ $span }), avec les attentes pour lesquelles il est cité et ce qu’il leur apporte : un lien, un résultat, une voix.
evidence-span = { $first }–{ $last }
evidence-empty = Le fichier ne contient aucun élément de preuve.
label-result = Résultat
label-supports = Cité pour
label-lends = Apporte
supports-beyond = Au-delà du niveau { $level } : { $ids }
lends-why-link = un lien : { $title }
lends-why-result = un résultat : { $text }
lends-why-quote = une citation : { $author }
lends-why-independent = une citation indépendante : { $author }
lends-nothing = N’apporte ni lien, ni résultat, ni citation
repeats = (reprend { $item })
beyond-title = Au-delà du niveau { $level }
beyond-lead = Signaux vers le niveau suivant : attentes citées au-delà du niveau { $level }. Elles ne modifient aucun statut.

## Niveaux acquis
held-title = Niveaux acquis, pour mémoire
held-lead = { $levels } : niveaux déjà acquis au niveau { $current } ; ils servent de contexte et ne constituent jamais une lacune. Confirmée : attente citée par des éléments retenus (numérotés, voir { $evidence }).
held-lead-concerns = Les réserves du sponsor figurent sous { $missing }.
column-id = ID
column-expectation = Attente
column-reevidenced = Confirmée
column-items = Éléments
held-yes = oui
held-no = non confirmée
held-concern = réserve émise par le sponsor
held-outside = { $items } hors période

## Relecture rédactionnelle (d’un projet)
review-title = Relecture rédactionnelle
review-lead-beside = Ce projet comporte { $n ->
    [one] { $n } remarque
   *[other] { $n } remarques
  } à l’intention de la personne qui rédige et du sponsor, sur des formulations qui pèsent inégalement selon les personnes (packetgen check --fairness) ; chacune figure aussi à côté du texte concerné. Générer sans --draft pour le comité.
review-lead-comments = Ce projet comporte { $n ->
    [one] { $n } remarque
   *[other] { $n } remarques
  } à l’intention de la personne qui rédige et du sponsor, sur des formulations qui pèsent inégalement selon les personnes (packetgen check --fairness) ; chacune figure aussi en commentaire sur les mots concernés. Générer sans --draft pour le comité.
review-label = Relecture rédactionnelle
review-where = { $subject } · ligne { $line }
review-author = packetgen, relecture rédactionnelle
review-lists-missing = Les listes de mots de la relecture rédactionnelle n’existent qu’en { $languages } : ce sont elles qui ont été appliquées à ce texte.
review-advice = { $why } ; { $instead }
review-advice-detail = { $detail } — { $why } ; { $instead }
review-subject-summary = la synthèse
review-subject-self-assessment = l’autoévaluation
review-subject-values = les valeurs
review-subject-assessment = l’évaluation du sponsor
review-subject-assessment-area = l’évaluation du sponsor, domaine { $area }
review-subject-recommendation = la recommandation
review-subject-development = action n° { $n } du plan de développement
review-subject-item = élément « { $title } »
review-subject-quote = élément « { $title } », citation { $n }
review-subject-period = la période
review-detail-broad = il est cité pour { $n ->
    [one] { $n } attente
   *[other] { $n } attentes
  }
review-detail-duplicate = il reprend l’élément « { $title } »
review-detail-self-quote = une citation émane de la personne candidate
review-recency-late = { $late } sur { $counting ->
    [one] { $counting } élément retenu
   *[other] { $counting } éléments retenus
  } { $late ->
    [one] se situe
   *[other] se situent
  } dans les trois derniers mois de la période (après le { $date })
review-recency-early = { $counting ->
    [one] l’unique élément retenu ne se situe pas
   *[other] aucun des { $counting } éléments retenus ne se situe
  } dans la première moitié de la période (jusqu’au { $date })
review-why-vague-praise = un éloge sans résultat ni livrable à l’appui ne donne au comité rien qu’il puisse évaluer
review-instead-vague-praise = indiquer ce qui a changé grâce au travail — un chiffre, un lien ou la citation d’une personne qui l’a constaté
review-why-personality = les termes qui décrivent la personnalité plutôt que le travail s’appliquent de manière inégale et ne disent rien des attentes
review-instead-personality = décrire ce que la personne a fait et son effet, dans les termes du référentiel
review-why-potential = le potentiel invoqué à la place du travail démontré est jugé de manière inégale ; les comités promeuvent sur la base de preuves
review-instead-potential = citer ce que la personne a déjà accompli au niveau visé, avec la date
review-why-supportive-only = un élément décrit uniquement avec des verbes de soutien masque ce que la personne a pris en charge et décidé
review-instead-supportive-only = préciser ce qu’elle a piloté, décidé, rédigé ou livré elle-même, et ce que d’autres ont fait
review-why-recency = un dossier concentré en fin de période donne à voir les dernières semaines, pas l’année
review-instead-recency = ajouter des éléments du début de la période, ou expliquer pourquoi le travail a abouti tardivement
review-why-broad = un seul élément cité pour de nombreuses attentes dilue une même preuve entre toutes
review-instead-broad = le scinder en un élément par réalisation, chacun cité pour ce qu’il démontre le mieux
review-why-duplicate = le même élément en double compte deux fois le même travail
review-instead-duplicate = supprimer la copie, ou préciser ce qui distingue chacun
review-why-self-quote = une citation de la personne candidate ne corrobore rien
review-instead-self-quote = déplacer ses propos vers self_assessment ; citer une personne qui a observé le travail

## À propos du référentiel
about-title = À propos du référentiel
about-title-named = À propos du référentiel : { $name }
about-source = Source : { $source }

## La décision d’un relevé (packetgen decide)
decision-kicker = Relevé de décision
decision-title = Décision
outcome-promoted = Promotion accordée
outcome-not-yet = Pas encore
outcome-deferred = Décision reportée
decision-by = Décision prise par
decision-date = Date
decision-on = Dossier concerné
decision-on-text = pour { $name }, généré le { $date } à partir des éléments de preuve et du référentiel intégrés à ce relevé (l’empreinte SHA-256 des éléments de preuve figure en haut de chaque page)
decision-rationale = Justification
decision-ballots = Bulletins avant la réunion
decision-ballots-lead = { $cast } { $members ->
    [one] membre sur { $members }
   *[other] membres sur { $members }
  } ont voté sur { $anonymized ->
    [yes] ce dossier (« { $candidate } » dans les bulletins anonymisés)
   *[no] { $candidate }
  } avant la discussion ; { $agreement ->
    [none] aucun vote n’a été exprimé.
   *[other] accord { $agreement } (la part du vote le plus fréquent).
  } Les bulletins ont été scellés avant la réunion : empreinte SHA-256 du sceau { $seal }.
ballot-member = Membre
ballot-vote = Vote
ballot-why = Motif
vote-ready = Prêt
vote-not-yet = Pas encore
vote-question = Question
vote-none = N’a pas voté
# les descriptions des fichiers qu’un relevé intègre (panneau des pièces jointes d’un lecteur PDF)
record-file-evidence = Le fichier d’éléments de preuve à partir duquel ce dossier a été généré
record-file-include = Un fichier d’éléments de preuve inclus par { $file }
record-file-framework = Le référentiel de carrière ({ $id })
record-file-decision = La décision du comité sur ce dossier
record-file-ballots = Un bulletin d’un membre du comité, le sceau ou le décompte, d’avant la réunion
record-file-record = Relevé packetgen : versions, options, empreintes et statuts

## Supports de calibration (packetgen committee)
handout-title = Support de calibration
handout-kicker = Support de calibration
handout-candidates = { $n ->
    [one] { $n } candidature
   *[other] { $n } candidatures
  }
handout-names-hidden = noms masqués
handout-order = Tri par niveau visé, puis par nombre d’attentes solides du seul niveau visé, puis par nombre d’attentes atteintes de ce niveau (ordre décroissant), puis par { $anonymized ->
    [yes] pseudonyme
   *[no] nom
  }.
handout-chapters-pdf = Le dossier de chaque candidature suit, en chapitre distinct avec sa propre pagination.
handout-chapters-html = Le dossier de chaque candidature suit, en chapitre distinct.
handout-chapters-docx = Le dossier de chaque candidature suit, en section distincte avec sa propre pagination.
handout-anonymized = Les noms des personnes candidates, des managers et des collègues cités sont remplacés par des pseudonymes, les pronoms sont neutralisés ; les liens n’affichent que leur nom de domaine.
handout-overview = Vue d’ensemble du cycle
handout-footer-overview = Support de calibration · vue d’ensemble
handout-footer-about = Support de calibration · à propos du référentiel
handout-column-candidate = Candidature
handout-column-level = Niveau
handout-column-own = Niveau visé seul
handout-column-all = Tous niveaux (cumul)
handout-column-depth = Profondeur des preuves
handout-column-last = Dernier trimestre
handout-column-recommendation = Recommandation
handout-first-page = page { $page }
handout-own = { $met } · { $thin } · { $gap } sur { $total }
handout-own-met = { $n ->
    [one] { $n } atteinte
   *[other] { $n } atteintes
  }
handout-own-thin = { $n ->
    [one] { $n } partielle
   *[other] { $n } partielles
  }
handout-own-gap = { $n ->
    [one] { $n } lacune
   *[other] { $n } lacunes
  }
handout-own-strong = { $n ->
    [one] { $n } solide
   *[other] { $n } solides
  }
handout-all = { $met } / { $thin } / { $gap } sur { $total }
handout-depth-items = { $n ->
    [one] { $n } élément retenu
   *[other] { $n } éléments retenus
  }
handout-depth-shares = résultat { $outcome } · livrable { $artifact } · citation indépendante { $independent }
handout-question = ? moins de la moitié de la médiane du cycle ({ $measures }) : une question pour le sponsor
handout-depth-measure-items = éléments
handout-depth-measure-outcome = avec résultat
handout-depth-measure-artifact = avec livrable
handout-depth-measure-independent = avec citation indépendante
handout-legend = Atteinte / partielle / lacune : attentes avec assez, trop peu ou aucun élément retenu ; solide : appuyée par une voix indépendante, un lien ou un résultat mesuré, et au moins deux mois de travail. Profondeur des preuves : nombre d’éléments retenus, et part de ceux qui comportent un résultat (un résultat énoncé ou une évolution mesurée), un livrable (un lien) et une citation d’une personne autre que la personne candidate ou son manager. Dernier trimestre : part des éléments retenus situés dans les trois derniers mois de la période. Une candidature à moins de la moitié de la médiane du cycle sur l’une de ces mesures est signalée par « ? » : une question pour le sponsor, pas un verdict.
handout-not-included = Non inclus
handout-not-included-lead = Ces fichiers comportent des erreurs (exécuter { $command } sur ces fichiers) et sont exclus de ce support :
handout-errors = { $file } — { $n ->
    [one] { $n } erreur
   *[other] { $n } erreurs
  }
handout-author = Comité de calibration
handout-meta-subject = { $n ->
    [one] { $n } dossier de promotion
   *[other] { $n } dossiers de promotion
  }{ $anonymized ->
    [yes] , noms masqués
   *[no] {""}
  }
handout-keyword = support de calibration
pseudonym-candidate = Candidat { $letter }
pseudonym-manager = Manager { $n }
pseudonym-colleague = Collègue { $n }
pseudonym-file = Fichier { $n }

## The first pass of a calibration (committee --blind) and the handout's order
decision-blind = non affichée au premier passage
blind-sponsor = le sponsor
handout-kicker-blind = Support de calibration · édition de premier passage
handout-blind = Édition de premier passage, à lire avant la réunion : seulement les éléments de preuve, l’état de préparation et ce qui manque — ni recommandation, ni évaluation du sponsor, ni auto-évaluation, et aucun sponsor nommé.
handout-order-name = Classé par { $anonymized ->
    [yes] pseudonyme
   *[no] nom
  }, afin que le premier dossier discuté ne soit pas choisi selon sa solidité.
handout-sponsors = Sponsors : recommandations face à la solidité
handout-sponsors-lead = Chaque sponsor ayant au moins deux candidatures, ses recommandations face au nombre d’attentes solides des niveaux à démontrer : un sponsor indulgent ou sévère se voit sur la ligne. Un sponsor n’ayant qu’une candidature n’est pas listé : sa recommandation figure dans la vue d’ensemble.
handout-sponsors-none = Aucun sponsor ne recommande plus d’une candidature dans ce cycle : chaque recommandation figure dans la vue d’ensemble.
handout-column-sponsor = Sponsor
handout-column-candidates = Candidatures : recommandation, attentes solides des niveaux à démontrer
handout-sponsor-entry = { $name } : { $decision }, { $strong } sur { $total } solides
