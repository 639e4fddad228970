/// `rule:place-translit`: a foreign division or natural feature that no list holds, written as a
/// transliteration and its head: 阿爾高州, 馬托格羅索省, 巴登符騰堡邦, 帕克縣, 結雅河, 拉多加湖,
/// 尼庫瑙島, 帕洛馬山. The name is the run of free characters right before the head that
/// transliteration uses far more than ordinary text (the name model's `name-translit` table, with
/// its function-word guards); the head must end at an ICU word edge (河流, 島嶼 are words, not
/// heads), and a title after it (州長, 省長) leaves the run to the person rules. A listed place
/// before the run stays its own place (美國|蒙大拿州). It runs after the cue-based person rules,
/// so a name of a credit line (（編輯：李亨山）) is a person first, and before the name model,
/// which would take 杜蘭戈 in 杜蘭戈州 for a person.
enum ForeignPlaceRule {
    /// Longest first: 群島 before 島.
    static let heads: [[UInt32]] = ["群島", "半島", "山脈", "州", "省", "邦", "郡", "縣", "市", "區", "島", "河", "湖", "山", "灣"]
        .map { Array($0.unicodeScalars.map(\.value)) }
    static let headStarts = ScalarSet(heads.map { $0[0] })
    /// `heads` by first character, in list order: only those are compared at a position.
    static let headsByFirst = KeyedWords.byFirst(heads)
    /// Characters after a head that make it the start of a title or another word (州長, 市民, 省份).
    static let notAfterHead = ScalarSet("長民份內外界際府議隊節")
    /// The run: 2 to 8 characters whose mean transliteration score reaches `minimumMean`.
    static let runLengths = 2...8
    static let minimumMean: Float = 1.5
    /// Verbs and prepositions that end the name on its left though the function-word sets do not
    /// hold them (由|梅塔省, 傍|伊利湖, 攻|錦州).
    static let looseStop = ScalarSet("由令任傍府攻地把使往經過自至入出進回住居生位處同當有無即前後間近旁邊聽分抵給反于兩一二三四五六七八九十百千萬幾各每全諸國訪")

    static func apply(_ doc: inout TaggingDocument) {
        let f = doc.folded
        let model = doc.lexicon.names
        // At each head's first character (`RuleMarks`); a name found is skipped, and the character after it.
        var next = 2
        for e in doc.marks[.foreignHead] where e >= next {
            guard doc.owner[e] < 0, doc.owner[e - 1] < 0,
                  let h = headsByFirst.words(keyed: f[e]).first(where: { PlacePrefixRules.has(f, e, $0) }), doc.isFree(e, e + h.count) else { continue }
            let end = e + h.count
            if end < f.count && notAfterHead.contains(f[end]) || PersonRules.splitsToken(doc, at: end) { continue }
            if doc.cues.contains(where: { $0.start == end && $0.hit.role == .before }) { continue }
            guard let s = runStart(doc, model, before: e), !wordCrosses(doc, model, e, from: s) else { continue }
            // 烏托邦 is a word, not a state of a federation.
            if f[e] == 0x90A6 /* 邦 */ && (PersonRules.isSingleWord(doc, s, end) || PersonRules.isSingleWord(doc, e - 2, end)) { continue }
            doc.add(Mention(start: s, end: end, type: .place, candidates: [], rule: "place-translit", canonical: doc.string(s, end)))
            next = end + 1
        }
    }

    /// The start of the name before the head at `e`, or nil: free Han characters going left, at
    /// most two of them ones transliteration rarely uses (圖|盧茲市, 北|博滕區, 得|克薩斯州), up
    /// to a clear edge: the text's start, a character that is no Han, another mention (美國|蒙大拿州),
    /// a function character (的 在 於 和) or an ICU word of ordinary characters (流經|庫伊瓦河).
    /// The run's characters must score `minimumMean` on average (the loose ones count 0).
    static func runStart(_ doc: TaggingDocument, _ model: NameModel, before e: Int) -> Int? {
        let f = doc.folded
        var s = e, sum: Float = 0, loose = 0
        while true {
            if s == 0 || doc.owner[s - 1] >= 0 || !FoldTable.isHan(f[s - 1]) || NameFinder.notGiven.contains(f[s - 1])
                || NameFinder.translitStop.contains(f[s - 1]) || headStarts.contains(f[s - 1]) { break }
            if let r = NameFinder.translitChar(model, f[s - 1]) {
                sum += r
            } else {
                if looseStop.contains(f[s - 1]) || ordinaryWordEnds(doc, model, at: s) { break }
                loose += 1
            }
            s -= 1
            if e - s > runLengths.upperBound || loose > 2 { return nil }
        }
        let n = e - s
        guard runLengths.contains(n), loose * 3 <= n, sum / Float(n) >= minimumMean, !PersonRules.splitsToken(doc, at: s) else { return nil }
        return s
    }

    /// True when an ICU word of two or more characters, one of them no transliteration character,
    /// ends at `at` (流經 before 庫伊瓦河).
    static func ordinaryWordEnds(_ doc: TaggingDocument, _ model: NameModel, at: Int) -> Bool {
        let tokens = doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end < at { lo = mid + 1 } else { hi = mid } }
        guard lo < tokens.count, tokens[lo].end == at, at - tokens[lo].start >= 2 else { return false }
        return (tokens[lo].start..<at).contains { NameFinder.translitChar(model, doc.folded[$0]) == nil }
    }

    /// True when an ICU word crosses the head's start and holds a character of the run that is
    /// no transliteration character (納斯達克|股市: 股市 is the word).
    static func wordCrosses(_ doc: TaggingDocument, _ model: NameModel, _ e: Int, from s: Int) -> Bool {
        let tokens = doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= e { lo = mid + 1 } else { hi = mid } }
        guard lo < tokens.count, tokens[lo].start < e else { return false }
        return (max(s, tokens[lo].start)..<e).contains { NameFinder.translitChar(model, doc.folded[$0]) == nil }
    }
}
