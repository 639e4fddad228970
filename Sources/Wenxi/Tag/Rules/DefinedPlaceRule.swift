/// `rule:place-defined`: a sentence that opens by defining its subject as a place, the way
/// encyclopedic text introduces one: `X是Y的城鎮` (利恩茨是奧地利的城鎮, 郭家窯鄉是…下轄的一個鄉,
/// 五一湖是一個位於…的淡水湖, 梅塔拉（Methala），是印度…的一個城鎮, 郪江，是…的一條河流). X is a
/// place whatever it is made of: transliterations the name model would take for a person (利恩茨,
/// 梅塔拉), Japanese and Chinese names no list holds (美里町, 藤縣, 達拖錯).
/// - X opens the text or a sentence (after 。！？ or a line break), is 2–14 free Han characters and
///   holds no stop character of `place-heads.tsv` (這裡, 他的家鄉, 該市 are no names) and is no
///   adverb or conjunction (無論是…的小城鎮), pronoun or verb of saying (他說X是…);
/// - then, optionally, a bracketed original（Methala）and a comma, then 是;
/// - the clause after 是 (at most `clauseLength` characters, to the next punctuation) holds 的 or
///   a counted 一個/一座/一條…, and ends on a word of `classes`: a kind of place, never a thing,
///   a body or a person (是英國的一位政治人物, 是日本的一家公司 are not matched).
/// News text rarely writes such clauses; they are the first line of a gazetteer entry. The
/// lists are hand-written from that convention, not from an answer key. It runs after the
/// listed places and the head rules (a subject they found is left alone) and before the name
/// model, which would take 利恩茨 for a person.
enum DefinedPlaceRule {
    /// Kinds of place that end the defining clause, longest first within a shared ending.
    static let classes: [[UInt32]] = [
        "城市", "城鎮", "城镇", "市鎮", "市镇", "小鎮", "小镇", "村莊", "村庄", "村落", "首都", "首府", "港口",
        "河流", "支流", "湖泊", "淡水湖", "鹹水湖", "咸水湖", "島嶼", "岛屿", "山峰", "火山", "山脈", "山脉",
        "海灣", "海湾", "半島", "半岛", "行省", "市", "鎮", "镇", "鄉", "乡", "村", "縣", "县", "郡", "州", "省",
        "町", "島", "岛", "湖", "河",
    ].map { Array($0.unicodeScalars.map(\.value)) }
    /// Counted forms that say the clause names one thing of a kind (一個城鎮, 一條河流).
    static let counted: [[UInt32]] = ["一個", "一个", "一座", "一條", "一条", "一市", "一處", "一处"]
        .map { Array($0.unicodeScalars.map(\.value)) }
    /// Adverbs and conjunctions that stand before 是 and are no subject (無論是…小城鎮, 尤其是…的城市).
    static let notSubjects: Set<[UInt32]> = Set([
        "無論", "无论", "不論", "不论", "不管", "尤其", "特別", "特别", "即使", "哪怕", "或者", "而且", "或許", "或许",
        "也許", "也许", "其實", "其实", "主要", "首先", "其次", "最後", "最后", "原來", "原来", "顯然", "显然", "當然",
        "当然", "可能", "應該", "应该", "一定", "肯定", "確實", "确实", "畢竟", "毕竟", "究竟", "到底", "不僅", "不仅",
    ].map { Array($0.unicodeScalars.map(\.value)) })
    /// Pronouns and verbs of saying that put the subject after them (他說X是…): the sentence is
    /// not X's definition.
    static let notInSubject = ScalarSet("他她它我你您咱說说講讲問问")
    static let subjectLengths = 2...14
    static let clauseLength = 32
    /// What ends a sentence before the subject.
    static let sentenceEnds = ScalarSet("。！？!?\n")
    /// What ends the defining clause.
    static let clauseEnds = ScalarSet("，。；：！？,.;:!?（）()「」『』《》、\n")
    static let copula: UInt32 = 0x662F // 是

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        // Each 是 (most sentences hold none): the subject is what stands between it and the
        // sentence's start, past an optional （…） and comma.
        for p in doc.marks[.copula] where p >= 1 {
            var e = p
            if f[e - 1] == 0xFF0C || f[e - 1] == 0x2C { e -= 1 }
            if e > 0 && (f[e - 1] == 0xFF09 || f[e - 1] == 0x29) {
                var k = e - 1
                while k > 0 && e - k < 60 && f[k] != 0xFF08 && f[k] != 0x28 { k -= 1 }
                guard f[k] == 0xFF08 || f[k] == 0x28 else { continue }
                e = k
            }
            guard e >= subjectLengths.lowerBound, e < p || f[e] == 0x662F else { continue }
            var s = e
            let stop = doc.lexicon.placeHeads.stop
            while s > 0 && e - s <= subjectLengths.upperBound && FoldTable.isHan(f[s - 1]) && doc.owner[s - 1] < 0
                && f[s - 1] != 0x662F && !stop.contains(f[s - 1]) && !notInSubject.contains(f[s - 1]) { s -= 1 }
            guard s == 0 || sentenceEnds.contains(f[s - 1]), subjectLengths.contains(e - s),
                  !notSubjects.contains(Array(f[s..<e])), definingClause(f, after: e) == true else { continue }
            doc.add(Mention(start: s, end: e, type: .place, candidates: [], rule: "place-defined", canonical: doc.string(s, e)))
        }
    }

    /// Whether what follows the subject ending at `e` is `（…）`? `，`? `是` and a clause that
    /// calls it a place; nil when there is no 是 there.
    static func definingClause(_ f: [UInt32], after e: Int) -> Bool? {
        let n = f.count
        var j = e
        if f[j] == 0xFF08 || f[j] == 0x28 {
            let limit = min(n, j + 60)
            while j < limit && f[j] != 0xFF09 && f[j] != 0x29 { j += 1 }
            guard j < limit else { return nil }
            j += 1
        }
        if j < n && (f[j] == 0xFF0C || f[j] == 0x2C) { j += 1 }
        guard j < n, f[j] == 0x662F else { return nil }
        var k = j + 1
        while k < n && k - j <= clauseLength && !clauseEnds.contains(f[k]) { k += 1 }
        guard k - j <= clauseLength else { return false }
        guard let w = classes.first(where: { k - $0.count > j && PlacePrefixRules.has(f, k - $0.count, $0) }) else { return false }
        let before = k - w.count
        let marked = (j + 1..<before).contains { f[$0] == 0x7684 /* 的 */ }
            || counted.contains { c in (j + 1...max(j + 1, before - c.count)).contains { PlacePrefixRules.has(f, $0, c) } }
        return marked
    }
}

/// `rule:place-kind`: a transliterated name right after the word for its kind of place, the way
/// news and encyclopedic text introduce a foreign town: 俄羅斯城市沃羅涅日, 丹麥城市羅斯基勒,
/// 捷克边陲城市赫罗诺夫, 距離首都基希涅夫, 阿鲁巴首都奥拉涅斯塔德, 首府福克沙尼. The kind word
/// (`kinds`) ends an ICU word right before the run; the run is 2–8 free characters that
/// transliteration uses far more than ordinary text (`NameFinder.translitChar`, the name model's
/// `name-transliteration.tsv`, whose function words end it), with the mean score that
/// `place-translit` wants, starting and ending on ICU word edges, and the name model's right
/// extension (`TranslitContext.extendRight`: 沃羅涅|日, 葉里|凡). Listed cities after such words
/// (首都莫斯科) are the dictionaries'; the name model would take the run for a person (沃羅涅). It
/// runs before the name model.
enum KindBeforePlaceRule {
    static let kinds: [[UInt32]] = [
        "城市", "城鎮", "城镇", "小鎮", "小镇", "市鎮", "市镇", "首都", "首府", "港口", "港市", "古城", "村莊", "村庄",
    ].map { Array($0.unicodeScalars.map(\.value)) }
    static let kindEnds = ScalarSet(kinds.map { $0[$0.count - 1] })
    static let runLengths = 2...8

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        let n = f.count
        let model = doc.lexicon.names
        guard !model.isEmpty else { return }
        // Right after each kind's last character (`RuleMarks`) where a transliteration character
        // may stand; a name found is skipped.
        var next = 2
        for p in doc.marks[.kindEnd] where p + 1 >= next {
            let s = p + 1
            guard s < n else { break }
            guard model.nextTranslit(f, from: s) == s, doc.owner[s] < 0,
                  kinds.contains(where: { s >= $0.count && PlacePrefixRules.has(f, s - $0.count, $0) }),
                  !PersonRules.splitsToken(doc, at: s) else { continue }
            var e = s
            var sum: Float = 0
            while e < n && e - s < runLengths.upperBound && doc.owner[e] < 0, let r = NameFinder.translitChar(model, f[e]) {
                sum += r
                e += 1
            }
            guard runLengths.contains(e - s), e - s < runLengths.upperBound || e == n || doc.owner[e] >= 0 || !FoldTable.isHan(f[e]),
                  sum / Float(e - s) >= ForeignPlaceRule.minimumMean, !PersonRules.splitsToken(doc, at: e) else { continue }
            // Up to two more characters that ICU left alone and transliteration uses (沃羅涅|日, 葉里|凡).
            let edges = doc.nameEdges ?? NameFinder.Edges(doc)
            e = TranslitContext.extendRight(doc, model, edges, e, edges.after)
            doc.add(Mention(start: s, end: e, type: .place, candidates: [], rule: "place-kind", canonical: doc.string(s, e)))
            next = e
        }
    }
}
