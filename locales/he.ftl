### packetgen: כל מילה שקוראי תיק קידום, חוברת כיול או רשומה רואים, בעברית.
### הודעה אחת לכל ביטוי, המשמשת את כל הפורמטים (PDF, HTML, DOCX, Markdown). תרגום הוא עותק של
### locales/en.ftl עם אותם מפתחות; חברה משנה ניסוח באמצעות `--catalogue FILE` הכולל רק את ההודעות
### שהיא משנה. תחביר: https://projectfluent.org
### את הערכים במקומות השמורים ({ $name }) ממלא packetgen: יש לשמור על כל אחד מהם.
### packetgen מבודד כל מקום שמור בסימני כיווניות, ולכן אין להוסיף כאן תווי בקרת כיווניות.

## הקטלוג עצמו
locale-name = עברית
# ltr או rtl: כיוון הטקסט והטבלאות בתיק
locale-direction = rtl
# אזור ה־CLDR לתאריכים, למספרים ולרשימות כשמתבקשת שפה בלבד
locale-cldr = he-IL

## מילים המשמשות בכל מקום
status-met = הושג
status-thin = חלקי
status-gap = פער
strength-strong = חזק
strength-supported = נתמך
strength-unsupported = לא נתמך
signal-corroborated = מאושש
signal-substantiated = מבוסס
signal-sustained = מתמשך
decision-promote-now = קידום כעת
decision-next-cycle = בסבב הבא
decision-not-yet = עדיין לא
decision-none = לא נרשמה
relationship-peer = עמית/ה
relationship-report = כפיף/ה
relationship-manager = מנהל/ת
relationship-cross-functional = בין־צוותי
relationship-customer = לקוח/ה
relationship-executive = הנהלה
relationship-other = אחר
date-range = { $start } – { $end }
label-value = { $label }: { $value }
by-date = עד { $date }
# בין פריטי רשימה שאינה משפט (״4 ללא ראיות, 2 עם מעט מדי פריטים״)
list-separator = {", "}
# מספר הפריט בתיק (E1, E2, ...)
item-label = E{ $n }
development-step = צעד פיתוח { $n }
page-of = עמוד { $page } מתוך { $pages }
handout-page = עמוד { $page } בחוברת
draft = טיוטה
running = { $name } · תיק קידום { $levels }
running-draft = טיוטה · { $name } · תיק קידום { $levels }
# החץ מצביע בכיוון הקריאה: מהרמה הנוכחית (מימין) אל רמת היעד (משמאל)
levels = { $current } ← { $target }

## מאפייני המסמך
meta-title = תיק קידום: { $name }, { $levels }
meta-subject = ראיות לרמה { $target } לפי { $framework }
meta-keyword-packet = תיק קידום
meta-keyword-framework = מודל קריירה

## כותרת
packet-kicker = תיק קידום
packet-draft-mark = טיוטה עם בדיקת ניסוח
label-recommendation = המלצה
fact-manager = מנהל/ת
fact-period = תקופת ההערכה
fact-period-unset = לא הוגדרה (כל הפריטים נספרים)
fact-framework = מודל קריירה
fact-evidence = ראיות
fact-generated = תאריך הפקה
evidence-line = { $items ->
    [one] פריט אחד
    [two] שני פריטים
   *[other] { $items } פריטים
  }{ $outside ->
    [0] {""}
   *[other] {" "}({ $counting } נספרים)
  }; ״הושג״ = { $min ->
    [one] פריט נספר אחד לפחות
   *[other] { $min } פריטים נספרים לפחות
  }
record-line = SHA-256 של הראיות { $sha } · packetgen { $version } · מודל { $framework }
contents = תוכן העניינים

## מוכנות במבט על
glance-title = מוכנות במבט על
glance-line = { $levels }: { $total ->
    [one] ציפייה אחת להוכחה
    [two] שתי ציפיות להוכחה
   *[other] { $total } ציפיות להוכחה
  } — { $met }, { $thin }, { $gap }; { $strong }, { $supported }, { $unsupported }.
count-met = { $n ->
    [one] אחת הושגה
   *[other] { $n } הושגו
  }
count-thin = { $n ->
    [one] אחת חלקית
   *[other] { $n } חלקיות
  }
count-gap = { $n ->
    [one] פער אחד
   *[other] { $n } פערים
  }
count-strong = { $n ->
    [one] אחת חזקה
   *[other] { $n } חזקות
  }
count-supported = { $n ->
    [one] אחת נתמכת
   *[other] { $n } נתמכות
  }
count-unsupported = { $n ->
    [one] אחת לא נתמכת
   *[other] { $n } לא נתמכות
  }
label-held = רמות קיימות
held-line = { $levels } — { $evidenced } מתוך { $total } הוכחו מחדש; { $concerns ->
    [0] לא הועלו הסתייגויות
    [one] הסתייגות אחת של הגורם הממליץ: { $ids }
    [two] שתי הסתייגויות של הגורם הממליץ: { $ids }
   *[other] { $concerns } הסתייגויות של הגורם הממליץ: { $ids }
  }
held-none = אין
held-row = רמות קיימות: { $levels }
matrix-caption = לפי תחום: הרמות להוכחה, והרמות הקיימות שהוכחו מחדש
column-level = רמה
column-total = סה״כ
cell-of = { $met } מתוך { $total }
cell-gaps = { $n ->
    [one] פער אחד
   *[other] { $n } פערים
  }
cell-thin = { $n ->
    [one] אחת חלקית
   *[other] { $n } חלקיות
  }
legend-status = כל תא מציג את הסטטוס החלש ביותר שבו. { $gap }: לפחות ציפייה אחת ללא ראיות; { $thin }: לפחות ציפייה אחת עם מעט מדי פריטים; { $met }: כל הציפיות הושגו.
legend-strength = חזק: קול נוסף שאינו של המועמד/ת או של הגורם הממליץ, קישור או תוצאה מדידה, ופריסה על פני { $days } ימים לפחות; נתמך: אחד או שניים מאלה.

## הראיות החזקות ביותר
strongest-title = הראיות החזקות ביותר
strongest-lends = תורם לציפיות: { $expectations }
strongest-none = עדיין אין פריט המעניק חוזק ״חזק״ או ״נתמך״ לציפייה כלשהי של { $levels }.

## מה חסר
missing-title = מה חסר
missing-tally = עבור { $levels }: { $counts }; לכל אחת מצוין הצעד הבא.
missing-count-gap = { $n ->
    [one] אחת ללא ראיות
   *[other] { $n } ללא ראיות
  }
missing-count-thin = { $n ->
    [one] אחת עם מעט מדי פריטים
   *[other] { $n } עם מעט מדי פריטים
  }
missing-count-unsupported = { $n ->
    [one] אחת הושגה אך לא נתמכת
   *[other] { $n } הושגו אך לא נתמכות
  }
missing-count-concern = { $n ->
    [one] אחת עם הסתייגות של הגורם הממליץ
   *[other] { $n } עם הסתייגות של הגורם הממליץ
  }
missing-none = לא חסר דבר: כל הציפיות של { $levels } הושגו והן חזקות{ $concerns ->
    [0] {""}
   *[other] , וניתן מענה להסתייגויות של הגורם הממליץ
  }.
open-heading = { $title } ({ $n })
open-gap = פערים
open-gap-lead = אין עדיין ראיות נספרות
open-thin = ציפיות חלקיות
open-thin-lead = פחות פריטים מהנדרש
open-unsupported = הושגו אך לא נתמכות
open-unsupported-lead = הושגו על סמך פריטים המפנים אליהן, אך אין קול בלתי תלוי, קישור, תוצאה או פריסה לאורך זמן שמגבים אותן
open-concern = הסתייגויות של הגורם הממליץ
open-concern-lead = ציפיות של רמה קיימת, שהגורם הממליץ מטיל בהן ספק
open-count = { $items }: { $have } מתוך { $needed } · { $strength }
near-outside = מחוץ לתקופה: { $item }
near-planned = בתוכנית: { $step }

## מה הלאה (גם המילים של המסוף ושל ה־JSON)
next-evidence = נדרשות ראיות
next-items = { $n ->
    [one] נדרש פריט נוסף
    [two] נדרשים שני פריטים נוספים
   *[other] נדרשים { $n } פריטים נוספים
  }
next-voice = נדרש קול נוסף, שאינו שלך או של הגורם הממליץ
next-substance = נדרש קישור או תוצאה מדידה
next-time = נדרשים פריטים בהפרש של { $days } ימים לפחות

## המועמדות
case-title = המועמדות
case-summary = תקציר
case-assessment = הערכת הגורם הממליץ
case-assessment-by = מאת { $sponsor }
case-recommendation = המלצה
case-recommended-by = בהמלצת { $sponsor }
case-self-assessment = הערכה עצמית
case-own-words = במילים של { $name }
case-values = ערכים
case-development = תוכנית פיתוח

## הרמות להוכחה
target-title = הרמות להוכחה: { $levels }
target-lead = כל ציפייה עם הסטטוס, החוזק, הצעד הבא והפריטים המפנים אליה (במלואם בפרק { $evidence }).
card-no-evidence = אין עדיין ראיות.
card-thin = { $have } מתוך { $needed } פריטים
card-next = הצעד הבא: { $step }
time-title = מתי נעשתה העבודה
time-lead = פריטים נספרים לפי רבעון ותחום; ★ מגובים: פריטים עם ציטוט של עמית/ה ועם קישור או נתון מספרי
time-all = כל הפריטים
time-empty = אין פריטים
time-area = תחום
# ״ב־״ לפני הרבעון ו״לפי תחום:״ בסוגריים: אות עברית מחוץ למקומות השמורים קובעת כיוון מימין
# לשמאל לרשימה ולסוגריים (אחרת, כשכל חלקיהם מבודדים, הם מוצגים משמאל לימין)
time-words = במילים: { $quarters }.
time-quarter-empty = ב־{ $quarter }: אין פריטים
time-quarter = ב־{ $quarter }: { $items ->
    [one] פריט אחד
    [two] שני פריטים
   *[other] { $items } פריטים
  }{ $backed ->
    [0] {""}
    [one] , אחד מגובה
   *[other] , { $backed } מגובים
  }{ $areas ->
    [none] {""}
   *[other] {" "}(לפי תחום: { $areas })
  }
time-area-count = { $area } { $n }
time-before = לפני { $quarter }: { $n ->
    [one] עוד פריט אחד
   *[other] עוד { $n } פריטים
  }.

## פריטים
lend-link = קישור
lend-result = תוצאה
lend-quote = ציטוט
ref-outside = מחוץ לתקופת ההערכה: לא נספר
ref-broad = רחב מדי: אינו תורם דבר
ref-duplicate = כפול: אינו תורם דבר
ref-lends-nothing = אין קישור, תוצאה או ציטוט
flag-broad = רחב מדי
flag-duplicate = כפול
flag-self-quote = ציטוט עצמי
tag-untagged = ללא שיוך
missing-voice = אין קול בלתי תלוי
missing-substance = אין קישור או תוצאה
missing-time = פריסה של פחות מחודשיים

## ראיות
evidence-title = ראיות
evidence-lead = כל פריט פעם אחת, לפי סדר הקובץ ({ $span }), עם הציפיות שהוא תומך בהן ומה שהוא תורם להן: קישור, תוצאה, קול.
evidence-span = { $first }–{ $last }
evidence-empty = בקובץ אין פריטי ראיה.
label-result = תוצאה
label-supports = תומך בציפיות:
label-lends = תורם
supports-beyond = מעבר לרמה { $level }: { $ids }
lends-why-link = קישור: { $title }
lends-why-result = תוצאה: { $text }
lends-why-quote = ציטוט: { $author }
lends-why-independent = ציטוט בלתי תלוי: { $author }
lends-nothing = אינו תורם קישור, תוצאה או ציטוט
repeats = (חוזר על { $item })
beyond-title = מעבר לרמה { $level }
beyond-lead = סימנים לקראת הרמה הבאה: ציפיות מעל רמה { $level } שפריטים מפנים אליהן. הן אינן משנות אף סטטוס.

## רמות קיימות
held-title = רמות קיימות, לעיון
held-lead = { $levels }: רמות הכלולות ברמה { $current }, ולכן הן רקע בלבד ולעולם אינן פער. הוכח מחדש: פריטים נספרים מפנים לציפייה (לפי מספר הפריט; ראו בפרק { $evidence }).
held-lead-concerns = הסתייגויות הגורם הממליץ מפורטות בפרק { $missing }.
column-id = מזהה
column-expectation = ציפייה
column-reevidenced = הוכח מחדש
column-items = פריטים
held-yes = כן
held-no = לא הוכח מחדש
held-concern = הסתייגות של הגורם הממליץ
held-outside = { $items } מחוץ לתקופה

## בדיקת ניסוח (בטיוטה)
# { "" -> *[other] --draft } הוא מקום שמור ש־packetgen מבודד בסימני כיווניות: כטקסט רגיל בתוך
# משפט עברי, ״--draft״ מוצג כ־״draft--״ (המקפים מקבלים את כיוון העברית).
review-title = בדיקת ניסוח
review-lead-beside = טיוטה: { $n ->
    [one] הערה אחת
    [two] שתי הערות
   *[other] { $n } הערות
  } לכותב/ת ולגורם הממליץ על ניסוחים שעלולים להתקבל באופן לא שוויוני (packetgen check --fairness); כל הערה מופיעה גם לצד הטקסט שאליו היא מתייחסת. לוועדה יש להפיק את התיק ללא { "" ->
   *[other] --draft
  }.
review-lead-comments = טיוטה: { $n ->
    [one] הערה אחת
    [two] שתי הערות
   *[other] { $n } הערות
  } לכותב/ת ולגורם הממליץ על ניסוחים שעלולים להתקבל באופן לא שוויוני (packetgen check --fairness); כל הערה מופיעה גם כהערה במסמך, על המילים שאליהן היא מתייחסת. לוועדה יש להפיק את התיק ללא { "" ->
   *[other] --draft
  }.
review-label = בדיקת ניסוח
review-where = { $subject } · שורה { $line }
review-author = בדיקת הניסוח של packetgen
review-lists-missing = רשימות המילים של בדיקת הניסוח קיימות ב{ $languages } בלבד, ועל פיהן נבדק טקסט זה.
review-advice = { $why }; { $instead }
review-advice-detail = { $detail } — { $why }; { $instead }
review-subject-summary = התקציר
review-subject-self-assessment = ההערכה העצמית
review-subject-values = הערכים
review-subject-assessment = הערכת הגורם הממליץ
review-subject-assessment-area = הערכת הגורם הממליץ בתחום { $area }
review-subject-recommendation = ההמלצה
review-subject-development = צעד פיתוח מס׳ { $n }
review-subject-item = הפריט ״{ $title }״
review-subject-quote = הפריט ״{ $title }״, ציטוט { $n }
review-subject-period = תקופת ההערכה
review-detail-broad = הפריט מפנה ל־{ $n } ציפיות
review-detail-duplicate = הפריט חוזר על הפריט ״{ $title }״
review-detail-self-quote = אחד הציטוטים הוא ציטוט עצמי
review-recency-late = { $late } מתוך { $counting } הפריטים הנספרים מתוארכים לשלושת החודשים האחרונים של התקופה (אחרי { $date })
review-recency-early = אף אחד מ־{ $counting } הפריטים הנספרים אינו מתוארך למחצית הראשונה של התקופה (עד { $date })
review-why-vague-praise = שבח שאין לצידו תוצאה או תוצר אינו נותן לוועדה דבר שאפשר לשקול
review-instead-vague-praise = יש לציין מה השתנה בזכות העבודה — נתון מספרי, קישור או ציטוט של אדם שראה אותה
review-why-personality = תיאורי אישיות, במקום תיאורי עבודה, מיוחסים באופן לא שוויוני ואינם אומרים דבר על הציפיות
review-instead-personality = יש לתאר מה נעשה בפועל ומה הייתה השפעתו, במונחי מודל הקריירה
review-why-potential = הערכת פוטנציאל במקום עבודה מוכחת נעשית באופן לא שוויוני; ועדות מקדמות על סמך ראיות
review-instead-potential = יש לציין מה כבר נעשה ברמת היעד, בצירוף התאריך
review-why-supportive-only = פריט המתואר בפעלי סיוע בלבד מסתיר את האחריות וההחלטות האישיות
review-instead-supportive-only = יש לפרט מה הייתה התרומה האישית — הובלה, החלטה, כתיבה או השקה — ומה עשו אחרים
review-why-recency = תיק שהראיות בו מרוכזות בסוף התקופה משקף את השבועות האחרונים, לא את השנה כולה
review-instead-recency = יש להוסיף ראיות מוקדם יותר בתקופה, או להסביר מדוע העבודה התרכזה בסוף התקופה
review-why-broad = פריט אחד המפנה לציפיות רבות מדלל את הראיות בין כולן
review-instead-broad = יש לפצל אותו לפריט נפרד לכל הישג, וכל פריט יפנה למה שהוא מדגים בצורה הטובה ביותר
review-why-duplicate = פריט שמופיע פעמיים סופר את אותה עבודה פעמיים
review-instead-duplicate = יש להסיר את העותק, או לפרט במה כל אחד מהם שונה
review-why-self-quote = ציטוט עצמי אינו מאושש דבר
review-instead-self-quote = יש להעביר את דברי המועמד/ת אל self_assessment, ולהביא ציטוט של עמיתים שראו את העבודה

## על מודל הקריירה
about-title = על מודל הקריירה
about-title-named = על מודל הקריירה: { $name }
about-source = מקור: { $source }

## ההחלטה ברשומה (packetgen decide)
decision-kicker = תיעוד החלטה
decision-title = החלטה
outcome-promoted = קידום אושר
outcome-not-yet = עדיין לא
outcome-deferred = ההחלטה נדחתה
decision-by = הוחלט על ידי
decision-date = תאריך
decision-on = תיק הקידום
decision-on-text = של { $name }, שהופק בתאריך { $date } מהראיות וממודל הקריירה המוטמעים ברשומה זו (ה־SHA-256 של הראיות מופיע בראש כל עמוד)
decision-rationale = נימוקים
decision-ballots = פתקי הצבעה לפני הישיבה
decision-ballots-lead = { $cast } מתוך { $members } חברי הוועדה הצביעו לפני הדיון על { $anonymized ->
    [yes] מועמדות זו („{ $candidate }” בפתקים האנונימיים)
   *[no] { $candidate }
  }; { $agreement ->
    [none] לא ניתן אף קול.
   *[other] הסכמה { $agreement } (שיעור הקול הנפוץ ביותר).
  } הפתקים נחתמו לפני הישיבה: SHA-256 של החותם { $seal }.
ballot-member = חבר ועדה
ballot-vote = הצבעה
ballot-why = נימוק
vote-ready = מוכן
vote-not-yet = עדיין לא
vote-question = שאלה
vote-none = לא הצביע
# תיאורי הקבצים המוטמעים ברשומה (חלונית הקבצים המצורפים בקורא PDF)
record-file-evidence = קובץ הראיות שממנו נבנה תיק קידום זה
record-file-include = קובץ ראיות הנכלל בקובץ { $file }
record-file-framework = מודל הקריירה ({ $id })
record-file-decision = החלטת הוועדה על תיק קידום זה
record-file-ballots = פתק הצבעה של חבר ועדה, החותם או הספירה, מלפני הישיבה
record-file-record = רשומת packetgen: גרסאות, אפשרויות, ערכי גיבוב וסטטוסים

## חוברות כיול (packetgen committee)
handout-title = חוברת כיול
handout-kicker = חוברת כיול
handout-candidates = { $n ->
    [one] מועמדות אחת
    [two] שתי מועמדויות
   *[other] { $n } מועמדויות
  }
handout-names-hidden = השמות מוסתרים
handout-order = סדר המיון: רמת היעד; מספר הציפיות החזקות ברמת היעד עצמה; מספר הציפיות שהושגו בה (מהגבוה לנמוך); ולבסוף { $anonymized ->
    [yes] השם הבדוי
   *[no] השם
  }.
handout-chapters-pdf = תיקי הקידום מופיעים בהמשך, כל אחד כפרק נפרד עם מספור עמודים משלו.
handout-chapters-html = תיקי הקידום מופיעים בהמשך, כל אחד כפרק נפרד.
handout-chapters-docx = תיקי הקידום מופיעים בהמשך, כל אחד כמקטע נפרד עם מספור עמודים משלו.
handout-anonymized = שמות המועמדים, המנהלים והעמיתים המצוטטים הוחלפו בשמות בדויים, וכינויי הגוף ניטרליים מגדרית; בקישורים מוצג שם האתר בלבד.
handout-overview = סקירת הסבב
handout-footer-overview = חוברת כיול · סקירה
handout-footer-about = חוברת כיול · על מודל הקריירה
handout-column-candidate = מועמד/ת
handout-column-level = רמה
handout-column-own = רמת היעד בלבד
handout-column-all = כל הרמות (מצטבר)
handout-column-depth = עומק הראיות
handout-column-last = רבעון אחרון
handout-column-recommendation = המלצה
handout-first-page = עמוד { $page }
handout-own = מתוך { $total }: { $met } · { $thin } · { $gap }
handout-own-met = { $n ->
    [one] אחת הושגה
   *[other] { $n } הושגו
  }
handout-own-thin = { $n ->
    [one] אחת חלקית
   *[other] { $n } חלקיות
  }
handout-own-gap = { $n ->
    [one] פער אחד
   *[other] { $n } פערים
  }
handout-own-strong = { $n ->
    [one] אחת חזקה
   *[other] { $n } חזקות
  }
handout-all = { $met } / { $thin } / { $gap } מתוך { $total }
handout-depth-items = { $n ->
    [one] פריט נספר אחד
   *[other] { $n } פריטים נספרים
  }
handout-depth-shares = { $outcome } עם תוצאה · { $artifact } עם תוצר · { $independent } עם ציטוט בלתי תלוי
handout-question = ? מתחת למחצית החציון של הסבב ({ $measures }): שאלה לגורם הממליץ
handout-depth-measure-items = פריטים
handout-depth-measure-outcome = עם תוצאה
handout-depth-measure-artifact = עם תוצר
handout-depth-measure-independent = עם ציטוט בלתי תלוי
handout-legend = הושג / חלקי / פער: ציפיות עם מספיק פריטים נספרים, עם מעט מדי פריטים נספרים ובלי פריטים נספרים כלל; חזק: מגובה בקול בלתי תלוי, בקישור או בתוצאה מדידה, ובעבודה הנפרשת על פני חודשיים לפחות. עומק הראיות: מספר הפריטים הנספרים, ושיעור הפריטים מתוכם הכוללים תוצאה (תוצאה מפורשת או שינוי מדיד), תוצר (קישור) וציטוט של אדם שאינו המועמד/ת ואינו המנהל/ת. רבעון אחרון: שיעור הפריטים הנספרים בשלושת החודשים האחרונים של התקופה. מועמדות שנמצאת מתחת למחצית החציון של הסבב באחד ממדדי העומק מסומנת ב־״?״: שאלה לגורם הממליץ, לא הכרעה.
handout-not-included = קבצים שלא נכללו
handout-not-included-lead = בקבצים הבאים יש שגיאות (יש להריץ עליהם { $command }), ולכן הם לא נכללו בחוברת זו:
handout-errors = { $file } — { $n ->
    [one] שגיאה אחת
    [two] שתי שגיאות
   *[other] { $n } שגיאות
  }
handout-author = ועדת כיול
handout-meta-subject = { $n ->
    [one] תיק קידום אחד
    [two] שני תיקי קידום
   *[other] { $n } תיקי קידום
  }{ $anonymized ->
    [yes] , השמות מוסתרים
   *[no] {""}
  }
handout-keyword = חוברת כיול
pseudonym-candidate = מועמד/ת { $letter }
pseudonym-manager = מנהל/ת { $n }
pseudonym-colleague = עמית/ה { $n }
pseudonym-file = קובץ { $n }

## The first pass of a calibration (committee --blind) and the handout's order
decision-blind = לא מוצג בקריאה הראשונה
blind-sponsor = הגורם הממליץ
handout-kicker-blind = חוברת כיול · מהדורת קריאה ראשונה
handout-blind = מהדורת קריאה ראשונה, לקריאה לפני הישיבה: הראיות, המוכנות ומה חסר בלבד — ללא המלצה, ללא הערכת הגורם הממליץ וללא הערכה עצמית, ובלי לציין את שם הגורם הממליץ.
handout-order-name = ממוין לפי { $anonymized ->
    [yes] כינוי
   *[no] שם
  }, כדי שהמקרה הראשון שנדון לא ייבחר לפי חוזקו.
handout-sponsors = גורמים ממליצים: המלצות לצד חוזק
handout-sponsors-lead = כל גורם ממליץ עם שתי מועמדויות או יותר, והמלצותיו לצד מספר הציפיות החזקות ברמות להוכחה של כל מועמדות: גורם ממליץ מקל או מחמיר ניכר בשורה. גורם ממליץ עם מועמדות אחת אינו מופיע: המלצתו מופיעה בסקירה.
handout-sponsors-none = אף גורם ממליץ אינו ממליץ על יותר ממועמדות אחת בסבב זה: כל המלצה מופיעה בסקירה.
handout-column-sponsor = גורם ממליץ
handout-column-candidates = מועמדויות: המלצה, חזקות מתוך הרמות להוכחה
handout-sponsor-entry = { $name }: { $decision }, { $strong } מתוך { $total } חזקות
