### packetgen: todas las palabras que ve quien lee un expediente, un dosier o un registro, en español.
### Un mensaje por expresión, leído por todos los formatos (PDF, HTML, DOCX, Markdown). Una traducción es
### una copia de este archivo con las mismas claves (locales/de.ftl, ...); una empresa cambia la redacción
### con `--catalogue FILE`, que contiene solo los mensajes que cambia. Sintaxis: https://projectfluent.org
### Los marcadores ({ $name }) los rellena packetgen: hay que conservar todos los de cada mensaje.

## El catálogo
locale-name = Español
# ltr o rtl: la dirección del texto y de las tablas del expediente
locale-direction = ltr
# La configuración regional CLDR para fechas, números y listas cuando solo se indica un idioma
locale-cldr = es-ES

## Palabras de uso general
status-met = cumplida
status-thin = parcial
status-gap = brecha
strength-strong = sólida
strength-supported = respaldada
strength-unsupported = sin respaldo
signal-corroborated = corroborada
signal-substantiated = fundamentada
signal-sustained = sostenida
decision-promote-now = Promocionar ahora
decision-next-cycle = Próximo ciclo
decision-not-yet = Todavía no
decision-none = sin registrar
relationship-peer = par
relationship-report = reporte directo
relationship-manager = responsable
relationship-cross-functional = transversal
relationship-customer = cliente
relationship-executive = dirección
relationship-other = otra relación
date-range = { $start } – { $end }
label-value = { $label }: { $value }
by-date = para el { $date }
# entre los elementos de una lista que no es una frase (“4 sin evidencias, 2 con evidencias insuficientes”)
list-separator = {", "}
# el número de una evidencia en el expediente (E1, E2, ...)
item-label = E{ $n }
development-step = acción de desarrollo { $n }
page-of = página { $page } de { $pages }
handout-page = página { $page } del dosier
draft = BORRADOR
running = { $name } · expediente de promoción { $levels }
running-draft = BORRADOR · { $name } · expediente de promoción { $levels }
levels = { $current } → { $target }

## Propiedades del documento
meta-title = Expediente de promoción: { $name }, { $levels }
meta-subject = Evidencias para { $target } según { $framework }
meta-keyword-packet = expediente de promoción
meta-keyword-framework = marco de carrera profesional

## Encabezado
packet-kicker = Expediente de promoción
packet-draft-mark = borrador con revisión de redacción
label-recommendation = Recomendación
fact-manager = Responsable
fact-period = Periodo de evaluación
fact-period-unset = sin definir (computan todas las evidencias)
fact-framework = Marco de carrera
fact-evidence = Evidencias
fact-generated = Generado
evidence-line = { $items ->
    [one] 1 evidencia
   *[other] { $items } evidencias
  }{ $outside ->
    [0] {""}
   *[other] {" "}({ $counting } { $counting ->
        [one] computable
       *[other] computables
      })
  }; cumplida = { $min } o más evidencias computables
record-line = SHA-256 de las evidencias { $sha } · packetgen { $version } · marco { $framework }
contents = Índice

## Grado de preparación
glance-title = Grado de preparación: resumen
glance-line = { $levels }: { $total ->
    [one] 1 expectativa
   *[other] { $total } expectativas
  } por demostrar — { $met }, { $thin }, { $gap }; { $strong }, { $supported }, { $unsupported }.
count-met = { $n ->
    [one] { $n } cumplida
   *[other] { $n } cumplidas
  }
count-thin = { $n ->
    [one] { $n } parcial
   *[other] { $n } parciales
  }
count-gap = { $n ->
    [one] { $n } brecha
   *[other] { $n } brechas
  }
count-strong = { $n ->
    [one] { $n } sólida
   *[other] { $n } sólidas
  }
count-supported = { $n ->
    [one] { $n } respaldada
   *[other] { $n } respaldadas
  }
count-unsupported = { $n } sin respaldo
label-held = Niveles alcanzados
held-line = { $levels } — { $evidenced } de { $total } { $total ->
    [one] revalidada
   *[other] revalidadas
  }; { $concerns ->
    [0] sin reservas
    [one] 1 reserva del patrocinador: { $ids }
   *[other] { $concerns } reservas del patrocinador: { $ids }
  }
held-none = ninguno
held-row = Alcanzados: { $levels }
matrix-caption = Por área: los niveles por demostrar y la revalidación de los niveles alcanzados
column-level = Nivel
column-total = Total
cell-of = { $met } de { $total }
cell-gaps = { $n ->
    [one] 1 brecha
   *[other] { $n } brechas
  }
cell-thin = { $n ->
    [one] { $n } parcial
   *[other] { $n } parciales
  }
legend-status = Cada celda muestra su peor estado: { $gap }, al menos una sin evidencias; { $thin }, al menos una con evidencias insuficientes; { $met }, todas cumplidas.
legend-strength = Sólida: una voz distinta de la persona candidata y del patrocinador, un enlace o un resultado medido, y al menos { $days ->
    [one] 1 día
   *[other] { $days } días
  }; respaldada: uno o dos de estos requisitos.

## Evidencias más sólidas
strongest-title = Evidencias más sólidas
strongest-lends = aporta a { $expectations }
strongest-none = Ninguna evidencia aporta aún solidez ni respaldo a una expectativa de { $levels }.

## Qué falta
missing-title = Qué falta
missing-tally = Para { $levels }: { $counts }; cada una con su siguiente paso.
missing-count-gap = { $n } sin evidencias
missing-count-thin = { $n } con evidencias insuficientes
missing-count-unsupported = { $n ->
    [one] { $n } cumplida pero sin respaldo
   *[other] { $n } cumplidas pero sin respaldo
  }
missing-count-concern = { $n } con reservas del patrocinador
missing-none = Nada: todas las expectativas de { $levels } están cumplidas y son sólidas{ $concerns ->
    [0] {""}
   *[other] , y las reservas del patrocinador tienen respuesta
  }.
open-heading = { $title } ({ $n })
open-gap = Brechas
open-gap-lead = aún sin evidencias computables
open-thin = Parciales
open-thin-lead = menos evidencias de las necesarias
open-unsupported = Cumplidas pero sin respaldo
open-unsupported-lead = cumplidas por número de evidencias, pero sin una voz independiente, un enlace, un resultado o una continuidad en el tiempo que las respalde
open-concern = Reservas del patrocinador
open-concern-lead = expectativas de un nivel ya alcanzado que el patrocinador pone en duda
open-count = { $items }: { $have } de { $needed } · { $strength }
near-outside = Fuera del periodo: { $item }
near-planned = Prevista: { $step }

## Siguiente paso (también las palabras del terminal y del JSON)
next-evidence = necesita evidencias
next-items = necesita { $n ->
    [one] 1 evidencia más
   *[other] { $n } evidencias más
  }
next-voice = necesita una voz distinta de la persona candidata y del patrocinador
next-substance = necesita un enlace o un resultado medido
next-time = necesita evidencias separadas al menos { $days ->
    [one] 1 día
   *[other] { $days } días
  }

## La candidatura
case-title = La candidatura
case-summary = Resumen
case-assessment = Valoración del patrocinador
case-assessment-by = Por { $sponsor }
case-recommendation = Recomendación
case-recommended-by = recomendación de { $sponsor }
case-self-assessment = Autoevaluación
case-own-words = En palabras de { $name }
case-values = Valores
case-development = Plan de desarrollo

## Los niveles por demostrar
target-title = Niveles por demostrar: { $levels }
target-lead = Cada expectativa con su estado, su solidez, su siguiente paso y las evidencias que la citan (completas en { $evidence }).
card-no-evidence = Aún sin evidencias.
card-thin = { $have } de { $needed } { $needed ->
    [one] evidencia
   *[other] evidencias
  }
card-next = Siguiente paso: { $step }
time-title = Cuándo se realizó el trabajo
time-lead = evidencias computables por trimestre y área; ★ avaladas: evidencias con la cita de un colega y un enlace o una cifra
time-all = Todas las evidencias
time-empty = sin evidencias
time-area = Área
time-words = En texto: { $quarters }.
time-quarter-empty = { $quarter }: sin evidencias
time-quarter = { $quarter }: { $items ->
    [one] 1 evidencia
   *[other] { $items } evidencias
  }{ $backed ->
    [0] {""}
    [one] , 1 avalada
   *[other] , { $backed } avaladas
  }{ $areas ->
    [none] {""}
   *[other] {" "}({ $areas })
  }
time-area-count = { $area } { $n }
time-before = Antes del { $quarter }: { $n } más.

## Evidencias: etiquetas y avisos
lend-link = enlace
lend-result = resultado
lend-quote = cita
ref-outside = fuera del periodo de evaluación: no computa
ref-broad = demasiado amplia: no aporta nada
ref-duplicate = duplicada: no aporta nada
ref-lends-nothing = sin enlace, resultado ni cita
flag-broad = demasiado amplia
flag-duplicate = duplicada
flag-self-quote = cita a la persona candidata
tag-untagged = sin expectativas asociadas
missing-voice = sin voz independiente
missing-substance = sin enlace ni resultado
missing-time = abarca menos de dos meses

## Evidencias
evidence-title = Evidencias
evidence-lead = Cada evidencia una sola vez, en el orden del archivo ({ $span }), con las expectativas que respalda y lo que les aporta: un enlace, un resultado, una voz.
evidence-span = { $first }–{ $last }
evidence-empty = El archivo no incluye ninguna evidencia.
label-result = Resultado
label-supports = Respalda
label-lends = Aporta
supports-beyond = Por encima de { $level }: { $ids }
lends-why-link = enlace: { $title }
lends-why-result = resultado: { $text }
lends-why-quote = cita: { $author }
lends-why-independent = cita independiente: { $author }
lends-nothing = No aporta enlace, resultado ni cita
repeats = (repite { $item })
beyond-title = Por encima de { $level }
beyond-lead = Indicios del siguiente nivel: expectativas citadas por encima de { $level }. No modifican ningún estado.

## Niveles alcanzados
held-title = Niveles alcanzados, como referencia
held-lead = { $levels }: niveles ya alcanzados con el nivel actual ({ $current }); sirven de contexto y nunca cuentan como brecha. Revalidada: citada por evidencias computables (indicadas por su número; véase { $evidence }).
held-lead-concerns = Las reservas del patrocinador figuran en { $missing }.
column-id = ID
column-expectation = Expectativa
column-reevidenced = Revalidada
column-items = Evidencias
held-yes = sí
held-no = no revalidada
held-concern = reserva del patrocinador
held-outside = { $items } fuera del periodo

## Revisión de redacción (un borrador)
review-title = Revisión de redacción
review-lead-beside = Borrador: { $n ->
    [one] 1 nota
   *[other] { $n } notas
  } para quien redacta y para el patrocinador sobre expresiones que pesan de forma desigual (packetgen check --fairness), cada una también junto al texto al que se refiere. La versión para el comité se genera sin --draft.
review-lead-comments = Borrador: { $n ->
    [one] 1 nota
   *[other] { $n } notas
  } para quien redacta y para el patrocinador sobre expresiones que pesan de forma desigual (packetgen check --fairness), cada una también como comentario sobre las palabras a las que se refiere. La versión para el comité se genera sin --draft.
review-label = Revisión de redacción
review-where = { $subject } · línea { $line }
review-author = Revisión de redacción de packetgen
review-lists-missing = Las listas de palabras de la revisión de redacción solo existen en { $languages }: son las que se han aplicado a este texto.
review-advice = { $why }; { $instead }
review-advice-detail = { $detail } — { $why }; { $instead }
review-subject-summary = el resumen
review-subject-self-assessment = la autoevaluación
review-subject-values = los valores
review-subject-assessment = la valoración del patrocinador
review-subject-assessment-area = la valoración del patrocinador sobre { $area }
review-subject-recommendation = la recomendación
review-subject-development = la acción de desarrollo n.º { $n }
review-subject-item = la evidencia “{ $title }”
review-subject-quote = la evidencia “{ $title }”, cita { $n }
review-subject-period = el periodo
review-detail-broad = cita { $n } expectativas
review-detail-duplicate = repite la evidencia “{ $title }”
review-detail-self-quote = una de las citas es de la propia persona candidata
review-recency-late = { $late ->
    [one] 1 de { $counting } evidencias computables corresponde
   *[other] { $late } de { $counting } evidencias computables corresponden
  } a los tres últimos meses del periodo (después del { $date })
review-recency-early = { $counting ->
    [one] la única evidencia computable no corresponde
   *[other] ninguna de las { $counting } evidencias computables corresponde
  } a la primera mitad del periodo (hasta el { $date })
review-why-vague-praise = un elogio sin un resultado ni un entregable que lo acompañe no ofrece al comité nada que pueda valorar
review-instead-vague-praise = indicar qué cambió gracias al trabajo: una cifra, un enlace o una cita de alguien que lo presenció
review-why-personality = los comentarios sobre la personalidad, y no sobre el trabajo, se aplican de forma desigual y no dicen nada sobre las expectativas
review-instead-personality = describir qué hizo la persona y con qué efecto, en los términos del marco de carrera
review-why-potential = el potencial, en lugar del trabajo demostrado, se juzga de forma desigual: los comités promocionan con evidencias
review-instead-potential = citar lo que la persona ya ha hecho en el nivel objetivo, con su fecha
review-why-supportive-only = una evidencia narrada solo con verbos de apoyo oculta de qué se responsabilizó la persona y qué decidió
review-instead-supportive-only = indicar qué lideró, decidió, redactó o lanzó la persona por sí misma, y qué hicieron otras personas
review-why-recency = una candidatura concentrada al final del periodo refleja las últimas semanas, no el año
review-instead-recency = añadir evidencias de los primeros meses del periodo o explicar por qué el trabajo se concentró al final
review-why-broad = una evidencia que cita muchas expectativas diluye su peso entre todas ellas
review-instead-broad = dividirla en una evidencia por logro, cada una con las expectativas que mejor demuestra
review-why-duplicate = la misma evidencia repetida cuenta dos veces el mismo trabajo
review-instead-duplicate = eliminar la copia o indicar en qué se diferencia cada una
review-why-self-quote = una cita de la propia persona candidata no corrobora nada
review-instead-self-quote = trasladar sus palabras a self_assessment y citar a otra persona que haya presenciado el trabajo

## Acerca del marco de carrera
about-title = Acerca del marco de carrera
about-title-named = Acerca del marco de carrera: { $name }
about-source = Fuente: { $source }

## La decisión de un registro (packetgen decide)
decision-kicker = Registro de decisión
decision-title = Decisión
outcome-promoted = Promoción concedida
outcome-not-yet = Todavía no
outcome-deferred = Decisión aplazada
decision-by = Decidido por
decision-date = Fecha
decision-on = Expediente
decision-on-text = de { $name }, generado el { $date } a partir de las evidencias y del marco de carrera que incluye este registro (el SHA-256 de las evidencias figura en la parte superior de cada página)
decision-rationale = Justificación
decision-ballots = Papeletas antes de la reunión
decision-ballots-lead = { $cast } de { $members ->
    [one] { $members } miembro
   *[other] { $members } miembros
  } votaron sobre { $anonymized ->
    [yes] esta candidatura («{ $candidate }» en las papeletas anonimizadas)
   *[no] { $candidate }
  } antes del debate; { $agreement ->
    [none] no se emitió ningún voto.
   *[other] acuerdo { $agreement } (la proporción del voto más frecuente).
  } Las papeletas se sellaron antes de la reunión: SHA-256 del sello { $seal }.
ballot-member = Miembro
ballot-vote = Voto
ballot-why = Motivo
vote-ready = Listo
vote-not-yet = Todavía no
vote-question = Pregunta
vote-none = No votó
# las descripciones de los archivos que incluye un registro (el panel de adjuntos de un lector de PDF)
record-file-evidence = El archivo de evidencias a partir del cual se generó este expediente
record-file-include = Un archivo de evidencias incluido por { $file }
record-file-framework = El marco de carrera ({ $id })
record-file-decision = La decisión del comité sobre este expediente
record-file-ballots = Una papeleta de un miembro del comité, el sello o el recuento, de antes de la reunión
record-file-record = Registro de packetgen: versiones, opciones, hashes y estados

## Dosieres de calibración (packetgen committee)
handout-title = Dosier de calibración
handout-kicker = Dosier de calibración
handout-candidates = { $n ->
    [one] 1 candidatura
   *[other] { $n } candidaturas
  }
handout-names-hidden = nombres ocultos
handout-order = Ordenado por nivel objetivo; después, por el número de expectativas sólidas del propio nivel objetivo y, a continuación, por el de cumplidas (de más a menos); por último, por { $anonymized ->
    [yes] seudónimo
   *[no] nombre
  }.
handout-chapters-pdf = A continuación figura el expediente de cada candidatura, como capítulo independiente con su propia numeración de páginas.
handout-chapters-html = A continuación figura el expediente de cada candidatura, como capítulo independiente.
handout-chapters-docx = A continuación figura el expediente de cada candidatura, como sección independiente con su propia numeración de páginas.
handout-anonymized = Los nombres, responsables y personas citadas se sustituyen por seudónimos y los pronombres son neutros; los enlaces muestran solo el dominio.
handout-overview = Resumen del ciclo
handout-footer-overview = Dosier de calibración · resumen
handout-footer-about = Dosier de calibración · acerca del marco de carrera
handout-column-candidate = Candidatura
handout-column-level = Nivel
handout-column-own = Nivel objetivo
handout-column-all = Todos (acumulado)
handout-column-depth = Profundidad de las evidencias
handout-column-last = Último trimestre
handout-column-recommendation = Recomendación
handout-first-page = página { $page }
handout-own = { $met } · { $thin } · { $gap } de { $total }
handout-own-met = { $n ->
    [one] { $n } cumplida
   *[other] { $n } cumplidas
  }
handout-own-thin = { $n ->
    [one] { $n } parcial
   *[other] { $n } parciales
  }
handout-own-gap = { $n ->
    [one] { $n } brecha
   *[other] { $n } brechas
  }
handout-own-strong = { $n ->
    [one] { $n } sólida
   *[other] { $n } sólidas
  }
handout-all = { $met } / { $thin } / { $gap } de { $total }
handout-depth-items = { $n ->
    [one] 1 evidencia computable
   *[other] { $n } evidencias computables
  }
handout-depth-shares = { $outcome } con resultado · { $artifact } con entregable · { $independent } con cita independiente
handout-question = ? menos de la mitad de la mediana del ciclo ({ $measures }): una pregunta para el patrocinador
handout-depth-measure-items = evidencias
handout-depth-measure-outcome = con resultado
handout-depth-measure-artifact = con entregable
handout-depth-measure-independent = con cita independiente
handout-legend = Cumplida / parcial / brecha: expectativas con suficientes evidencias computables, con muy pocas y sin ninguna; sólida: con una voz independiente, un enlace o un resultado medido, y al menos dos meses de trabajo. Profundidad de las evidencias: número de evidencias computables y proporción de ellas con un resultado (una cifra o un cambio medido), con un entregable (un enlace) y con una cita de alguien distinto de la persona candidata y del responsable. Último trimestre: proporción de evidencias computables de los tres últimos meses del periodo. Una candidatura por debajo de la mitad de la mediana del ciclo en cualquier medida de profundidad se marca con “?”: una pregunta para el patrocinador, no un veredicto.
handout-not-included = No incluidos
handout-not-included-lead = Estos archivos contienen errores (se detallan con { $command }) y quedan fuera de este dosier:
handout-errors = { $file } — { $n ->
    [one] 1 error
   *[other] { $n } errores
  }
handout-author = Comité de calibración
handout-meta-subject = { $n ->
    [one] 1 expediente de promoción
   *[other] { $n } expedientes de promoción
  }{ $anonymized ->
    [yes] , nombres ocultos
   *[no] {""}
  }
handout-keyword = dosier de calibración
pseudonym-candidate = Candidatura { $letter }
pseudonym-manager = Responsable { $n }
pseudonym-colleague = Colega { $n }
pseudonym-file = Archivo { $n }

## The first pass of a calibration (committee --blind) and the handout's order
decision-blind = no se muestra en la primera lectura
blind-sponsor = el patrocinador
handout-kicker-blind = Dosier de calibración · edición de primera lectura
handout-blind = Edición de primera lectura, para leer antes de la reunión: solo las evidencias, el grado de preparación y lo que falta; sin recomendación, sin valoración del patrocinador ni autoevaluación, y sin nombrar al patrocinador.
handout-order-name = Ordenado por { $anonymized ->
    [yes] seudónimo
   *[no] nombre
  }, para que la solidez de un caso no decida cuál se comenta primero.
handout-sponsors = Patrocinadores: recomendaciones junto a la solidez
handout-sponsors-lead = Cada patrocinador con dos o más candidaturas, sus recomendaciones junto al número de expectativas sólidas de los niveles por demostrar: un patrocinador indulgente o severo se ve en la fila. Un patrocinador con una sola candidatura no aparece: esa recomendación está en la vista general.
handout-sponsors-none = Ningún patrocinador recomienda más de una candidatura en este ciclo: cada recomendación está en la vista general.
handout-column-sponsor = Patrocinador
handout-column-candidates = Candidaturas: recomendación, sólidas de los niveles por demostrar
handout-sponsor-entry = { $name }: { $decision }, { $strong } de { $total } sólidas
