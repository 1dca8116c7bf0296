### packetgen：昇格審査資料、キャリブレーション資料、決定記録の読み手が目にするすべての語句（日本語）。
### 1つの語句につき1メッセージ。すべての形式（PDF、HTML、DOCX、Markdown）で共通に使う。翻訳は
### このファイルと同じキーを持つコピー（locales/de.ftl など）。会社独自の言い回しは、変更する
### メッセージだけを収めた `--catalogue FILE` で指定する。構文：https://projectfluent.org
### プレースホルダー（{ $name }）はpacketgenが埋める。各メッセージのものはすべて残すこと。

## カタログ自体
locale-name = 日本語
# ltr または rtl：資料の本文と表の書字方向
locale-direction = ltr
# 言語だけが指定されたときに日付、数値、リストに使うCLDRロケール
locale-cldr = ja-JP

## 全体で使う語
status-met = 充足
status-thin = 不足
status-gap = 欠落
strength-strong = 強固
strength-supported = 一部裏付け
strength-unsupported = 裏付けなし
signal-corroborated = 第三者証言
signal-substantiated = 実証
signal-sustained = 継続性
decision-promote-now = 今回昇格
decision-next-cycle = 次回サイクル
decision-not-yet = 時期尚早
decision-none = 記録なし
relationship-peer = 同僚
relationship-report = 部下
relationship-manager = 上長
relationship-cross-functional = 他部門
relationship-customer = 顧客
relationship-executive = 経営層
relationship-other = その他
date-range = { $start }～{ $end }
label-value = { $label }：{ $value }
by-date = { $date }まで
# 文になっていないリストの項目の区切り（「エビデンスなし4件、項目不足2件」）
list-separator = {"、"}
# 資料内での項目の番号（E1、E2、...）
item-label = E{ $n }
development-step = 育成ステップ{ $n }
page-of = { $page } / { $pages }ページ
handout-page = 資料{ $page }ページ
draft = ドラフト
running = { $name } · { $levels }昇格審査資料
running-draft = ドラフト · { $name } · { $levels }昇格審査資料
levels = { $current } → { $target }

## 文書のプロパティ
meta-title = 昇格審査資料：{ $name }（{ $levels }）
meta-subject = { $framework }に照らした{ $target }のエビデンス
meta-keyword-packet = 昇格審査資料
meta-keyword-framework = キャリアフレームワーク

## ヘッダー
packet-kicker = 昇格審査資料
packet-draft-mark = 表現レビュー付きドラフト
label-recommendation = 推奨
fact-manager = マネージャー
fact-period = 評価期間
fact-period-unset = 未設定（全項目を算入）
fact-framework = フレームワーク
fact-evidence = エビデンス
fact-generated = 作成日
evidence-line = { $items }件{ $outside ->
    [0] {""}
   *[other] （うち算入{ $counting }件）
  }、算入項目{ $min }件以上で充足
record-line = エビデンスのSHA-256：{ $sha } · packetgen { $version } · フレームワーク：{ $framework }
contents = 目次

## 準備状況の概要
glance-title = 準備状況の概要
glance-line = { $levels }：示すべき期待事項{ $total }件 — { $met }、{ $thin }、{ $gap }。{ $strong }、{ $supported }、{ $unsupported }。
count-met = 充足{ $n }件
count-thin = 不足{ $n }件
count-gap = 欠落{ $n }件
count-strong = 強固{ $n }件
count-supported = 一部裏付け{ $n }件
count-unsupported = 裏付けなし{ $n }件
label-held = 保有
held-line = { $levels } — { $total }件中{ $evidenced }件を再確認。{ $concerns ->
    [0] 推薦者からの懸念なし
   *[other] 推薦者が示した懸念{ $concerns }件：{ $ids }
  }
held-none = なし
held-row = 保有：{ $levels }
matrix-caption = 領域別：目標レベルの状況と保有レベルの再確認状況
column-level = レベル
column-total = 合計
cell-of = { $met }/{ $total }
cell-gaps = 欠落{ $n }件
cell-thin = 不足{ $n }件
legend-status = 各セルは最も低い状況を示す：{ $gap }（エビデンスのない期待事項が1件以上）、{ $thin }（項目数が足りない期待事項が1件以上）、{ $met }（すべて充足）。
legend-strength = 強固：本人・推薦者以外の証言、リンクまたは測定された成果、{ $days }日以上の期間の3つがそろうこと。一部裏付け：そのうち1つまたは2つ。

## 最も有力なエビデンス
strongest-title = 最も有力なエビデンス
strongest-lends = 寄与先：{ $expectations }
strongest-none = { $levels }の期待事項に「強固」または「一部裏付け」の強度を与える項目はまだない。

## 残る課題
missing-title = 残る課題
missing-tally = { $levels }：{ $counts }。それぞれに次のステップを示す。
missing-count-gap = エビデンスなし{ $n }件
missing-count-thin = 項目不足{ $n }件
missing-count-unsupported = 充足だが裏付けなし{ $n }件
missing-count-concern = 推薦者の懸念{ $n }件
missing-none = なし：{ $levels }の期待事項はすべて充足かつ強固{ $concerns ->
    [0] である
   *[other] であり、推薦者の懸念にも対応済みである
  }。
open-heading = { $title }（{ $n }）
open-gap = 欠落
open-gap-lead = 算入できるエビデンスがまだない
open-thin = 不足
open-thin-lead = 必要な項目数に満たない
open-unsupported = 充足だが裏付けなし
open-unsupported-lead = 引用により充足しているが、第三者の証言、リンク、成果、期間の広がりのいずれによっても裏付けられていない
open-concern = 推薦者が示した懸念
open-concern-lead = 本人が保有するレベルの期待事項のうち、推薦者が疑問視しているもの
open-count = { $items }：{ $have }/{ $needed }件 · { $strength }
near-outside = 評価期間外：{ $item }
near-planned = 予定：{ $step }

## 次のステップ（ターミナルとJSONでも使う語）
next-evidence = エビデンスが必要
next-items = あと{ $n }件の項目が必要
next-voice = 本人・推薦者以外の証言が必要
next-substance = リンクまたは測定された成果が必要
next-time = { $days }日以上離れた時期の項目が必要

## 推薦内容
case-title = 推薦内容
case-summary = 要約
case-assessment = 推薦者の評価
case-assessment-by = 記入者：{ $sponsor }
case-recommendation = 推奨
case-recommended-by = 推奨者：{ $sponsor }
case-self-assessment = 自己評価
case-own-words = { $name }本人の記述
case-values = バリュー
case-development = 育成計画

## 目標レベル
target-title = 目標レベル：{ $levels }
target-lead = 期待事項ごとに、状況、強度、次のステップ、引用している項目を示す（項目の全文は{ $evidence }を参照）。
card-no-evidence = エビデンスはまだない。
card-thin = 項目{ $have }/{ $needed }件
card-next = 次のステップ：{ $step }
time-title = 取り組みの時期
time-lead = 四半期・領域別の算入項目数。★ 根拠付き：同僚の引用と、リンクまたは数値を伴う項目
time-all = 全項目
time-empty = 項目なし
time-area = 領域
time-words = 内訳：{ $quarters }。
time-quarter-empty = { $quarter }：項目なし
time-quarter = { $quarter }：{ $items }件{ $backed ->
    [0] {""}
   *[other] 、うち根拠付き{ $backed }件
  }{ $areas ->
    [none] {""}
   *[other] （{ $areas }）
  }
time-area-count = { $area }：{ $n }
time-before = { $quarter }より前：ほかに{ $n }件。

## 項目
lend-link = リンク
lend-result = 成果
lend-quote = 引用
ref-outside = 評価期間外：算入しない
ref-broad = 範囲過大：寄与なし
ref-duplicate = 重複：寄与なし
ref-lends-nothing = リンク・成果・引用なし
flag-broad = 範囲過大
flag-duplicate = 重複
flag-self-quote = 本人の引用
tag-untagged = 期待事項未紐付け
missing-voice = 第三者の証言なし
missing-substance = リンク・成果なし
missing-time = 期間2か月未満

## エビデンス
evidence-title = エビデンス
evidence-lead = 全項目をファイルの順に1回ずつ掲載する（{ $span }）。各項目が対応する期待事項と、各項目が寄与するもの（リンク、成果、証言）を併記する。
evidence-span = { $first }–{ $last }
evidence-empty = ファイルにエビデンス項目がない。
label-result = 成果
label-supports = 対応する期待事項
label-lends = 寄与
supports-beyond = { $level }を超える期待事項：{ $ids }
lends-why-link = リンク：{ $title }
lends-why-result = 成果：{ $text }
lends-why-quote = 引用：{ $author }
lends-why-independent = 第三者の引用：{ $author }
lends-nothing = リンク・成果・引用の寄与なし
repeats = （{ $item }と重複）
beyond-title = { $level }より上のレベル
beyond-lead = 次のレベルに向けたシグナル：{ $level }より上の期待事項への引用。状況には影響しない。

## 保有レベル
held-title = 保有レベル（参考）
held-lead = { $levels }：{ $current }の候補者が既に保有するレベルのため、参考情報として示し、欠落とはみなさない。再確認：算入項目によって引用されていること（番号は{ $evidence }を参照）。
held-lead-concerns = 推薦者の懸念は{ $missing }に記載。
column-id = ID
column-expectation = 期待事項
column-reevidenced = 再確認
column-items = 項目
held-yes = 済
held-no = 未確認
held-concern = 推薦者の懸念あり
held-outside = { $items }：期間外

## 表現レビュー（ドラフト）
review-title = 表現レビュー
review-lead-beside = ドラフト：公平性を損なうおそれのある表現について、作成者と推薦者向けの指摘が{ $n }件ある（packetgen check --fairness）。各指摘は該当する本文の横にも表示している。委員会向けには--draftを付けずに出力すること。
review-lead-comments = ドラフト：公平性を損なうおそれのある表現について、作成者と推薦者向けの指摘が{ $n }件ある（packetgen check --fairness）。各指摘は該当する語句へのコメントとしても付けている。委員会向けには--draftを付けずに出力すること。
review-label = 表現レビュー
review-where = { $subject } · { $line }行目
review-author = packetgen表現レビュー
review-lists-missing = 表現レビューの語句リストは{ $languages }のもののみであり、本文はその語句リストで確認している。
review-advice = { $why }。{ $instead }。
review-advice-detail = { $detail } — { $why }。{ $instead }。
review-subject-summary = 要約
review-subject-self-assessment = 自己評価
review-subject-values = バリュー
review-subject-assessment = 推薦者の評価
review-subject-assessment-area = 推薦者の評価（{ $area }）
review-subject-recommendation = 推奨
review-subject-development = 育成ステップ{ $n }
review-subject-item = 項目「{ $title }」
review-subject-quote = 項目「{ $title }」の引用{ $n }
review-subject-period = 評価期間
review-detail-broad = { $n }件の期待事項を引用している
review-detail-duplicate = 項目「{ $title }」と重複している
review-detail-self-quote = 引用の1つが本人のものである
review-recency-late = 算入項目{ $counting }件中{ $late }件が評価期間の最後の3か月（{ $date }より後）に集中している
review-recency-early = 算入項目{ $counting }件のうち、評価期間の前半（{ $date }まで）に該当するものが1件もない
review-why-vague-praise = 成果も成果物も伴わない称賛は、委員会にとって判断の材料にならない
review-instead-vague-praise = その仕事によって何が変わったかを、数値、リンク、または仕事を見ていた人の引用で示す
review-why-personality = 仕事ではなく人柄についての表現は、人によって適用に偏りが生じやすく、期待事項については何も示さない
review-instead-personality = 本人が何を行い、どのような効果があったかを、フレームワークの言葉で記述する
review-why-potential = 示された仕事ではなく潜在能力を根拠にすると、評価に偏りが生じる。委員会はエビデンスに基づいて昇格を判断する
review-instead-potential = 本人が目標レベルで既に行ったことを、日付とともに挙げる
review-why-supportive-only = 「支援した」「協力した」といった動詞だけで書かれた項目では、本人が何を担い、何を決めたのかが見えない
review-instead-supportive-only = 本人が自ら主導、決定、執筆、リリースしたことと、他の人が行ったことを書き分ける
review-why-recency = 期間の終盤に偏ったエビデンスは、1年間ではなく直近数週間の評価に見える
review-instead-recency = 期間の早い時期のエビデンスを追加するか、成果が終盤に集中した理由を説明する
review-why-broad = 1つの項目で多くの期待事項を引用すると、薄いエビデンスをそのすべてに広げることになる
review-instead-broad = 成果ごとに1項目に分け、それぞれが最もよく示す期待事項を引用する
review-why-duplicate = 同じ項目が2回あると、同じ仕事を二重に数えることになる
review-instead-duplicate = 重複を削除するか、それぞれの違いを明記する
review-why-self-quote = 本人の引用は第三者の証言にはならない
review-instead-self-quote = 本人の言葉はself_assessmentに移し、仕事を見ていた同僚の言葉を引用する

## フレームワークについて
about-title = フレームワークについて
about-title-named = フレームワークについて：{ $name }
about-source = 出典：{ $source }

## 決定記録（packetgen decide）
decision-kicker = 決定記録
decision-title = 決定
outcome-promoted = 昇格
outcome-not-yet = 見送り
outcome-deferred = 保留
decision-by = 決定者
decision-date = 日付
decision-on = 対象の審査資料
decision-on-text = { $name }の昇格審査資料。本記録に埋め込まれたエビデンスとフレームワークから{ $date }に作成（エビデンスのSHA-256は各ページ上部に記載）
decision-rationale = 判断理由
decision-ballots = 会議前の投票
decision-ballots-lead = 委員{ $members }名のうち{ $cast }名が、議論の前に{ $anonymized ->
    [yes] この候補者（匿名化された投票用紙では「{ $candidate }」）
   *[no] { $candidate }
  }について投票しました。{ $agreement ->
    [none] 投票はありませんでした。
   *[other] 一致度は{ $agreement }（最も多い票の割合）です。
  }投票用紙は会議前に封印されました（封印のSHA-256：{ $seal }）。
ballot-member = 委員
ballot-vote = 投票
ballot-why = 理由
vote-ready = 昇格可
vote-not-yet = 時期尚早
vote-question = 質問あり
vote-none = 投票なし
# 記録に埋め込むファイルの説明（PDFリーダーの添付ファイル欄）
record-file-evidence = この審査資料の作成元となったエビデンスファイル
record-file-include = { $file }が読み込むエビデンスファイル
record-file-framework = キャリアフレームワーク（{ $id }）
record-file-decision = この審査資料に対する委員会の決定
record-file-ballots = 会議前の委員の投票用紙、封印、または集計
record-file-record = packetgenの記録：バージョン、オプション、ハッシュ、状況

## キャリブレーション資料（packetgen committee）
handout-title = キャリブレーション資料
handout-kicker = キャリブレーション資料
handout-candidates = 候補者{ $n }名
handout-names-hidden = 氏名非表示
handout-order = 並び順：目標レベル、目標レベル単独の強固の件数、同じく充足の件数（いずれも多い順）、{ $anonymized ->
    [yes] 仮名
   *[no] 氏名
  }の順。
handout-chapters-pdf = 各候補者の審査資料は、以降にそれぞれ独立した章として、個別のページ番号付きで続く。
handout-chapters-html = 各候補者の審査資料は、以降にそれぞれ独立した章として続く。
handout-chapters-docx = 各候補者の審査資料は、以降にそれぞれ独立したセクションとして、個別のページ番号付きで続く。
handout-anonymized = 氏名、マネージャー、引用された同僚は仮名に置き換え、代名詞は中立的な表現にしている。リンクはホスト名のみを表示する。
handout-overview = サイクル概要
handout-footer-overview = キャリブレーション資料 · 概要
handout-footer-about = キャリブレーション資料 · フレームワークについて
handout-column-candidate = 候補者
handout-column-level = レベル
handout-column-own = 目標レベル単独
handout-column-all = 全体（累積）
handout-column-depth = エビデンスの厚み
handout-column-last = 最終四半期
handout-column-recommendation = 推奨
handout-first-page = { $page }ページ
handout-own = { $met } · { $thin } · { $gap }（全{ $total }件）
handout-own-met = 充足{ $n }
handout-own-thin = 不足{ $n }
handout-own-gap = 欠落{ $n }
handout-own-strong = 強固{ $n }
handout-all = { $met } / { $thin } / { $gap }（全{ $total }件）
handout-depth-items = 算入項目{ $n }件
handout-depth-shares = 成果{ $outcome } · 資料{ $artifact } · 第三者の引用{ $independent }
handout-question = ? { $measures }がサイクル中央値の半分未満：推薦者への確認事項
handout-depth-measure-items = 項目数
handout-depth-measure-outcome = 成果の割合
handout-depth-measure-artifact = 資料の割合
handout-depth-measure-independent = 第三者の引用の割合
handout-legend = 充足／不足／欠落：算入項目が十分にある／少なすぎる／ない期待事項。強固：第三者の証言、リンクまたは測定された成果、2か月以上にわたる仕事の3つによる裏付けがあること。エビデンスの厚み：算入項目の件数と、そのうち成果（結果または測定された変化）、資料（リンク）、本人とマネージャー以外の人の引用をそれぞれ含む項目の割合。最終四半期：算入項目のうち、評価期間の最後の3か月に該当するものの割合。いずれかの厚みの指標がサイクル中央値の半分未満の候補者には「?」を付ける。これは推薦者への確認事項であり、判定ではない。
handout-not-included = 対象外
handout-not-included-lead = 以下のファイルにはエラーがあるため、本資料から除外した（{ $command }で確認すること）：
handout-errors = { $file } — エラー{ $n }件
handout-author = キャリブレーション委員会
handout-meta-subject = 昇格審査資料{ $n }件{ $anonymized ->
    [yes] 、氏名非表示
   *[no] {""}
  }
handout-keyword = キャリブレーション資料
pseudonym-candidate = 候補者{ $letter }
pseudonym-manager = マネージャー{ $n }
pseudonym-colleague = 同僚{ $n }
pseudonym-file = ファイル{ $n }

## The first pass of a calibration (committee --blind) and the handout's order
decision-blind = 一次レビューでは非表示
blind-sponsor = 推薦者
handout-kicker-blind = キャリブレーション資料・一次レビュー版
handout-blind = 会議前に読む一次レビュー版：エビデンス、準備状況、残課題のみを掲載。推奨、推薦者の評価、自己評価は含まず、推薦者の氏名も記載しない。
handout-order-name = 最初に議論する候補者が評価の強さで決まらないよう、{ $anonymized ->
    [yes] 仮名
   *[no] 氏名
  }順に並べている。
handout-sponsors = 推薦者別：推奨と強固さ
handout-sponsors-lead = 候補者が2名以上いる推薦者ごとに、推奨と各候補者の目標レベルにおける強固な期待事項の数を並べる。推薦者の甘さ・厳しさが行に表れる。候補者が1名の推薦者は掲載しない（その推奨は概要にある）。
handout-sponsors-none = このサイクルで複数の候補者を推奨する推薦者はいない。各推奨は概要にある。
handout-column-sponsor = 推薦者
handout-column-candidates = 候補者：推奨、目標レベルの強固な期待事項
handout-sponsor-entry = { $name }：{ $decision }、強固{ $strong }/{ $total }
