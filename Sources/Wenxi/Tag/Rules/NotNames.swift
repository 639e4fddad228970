/// Words that make a surname-led string no person's name, read from the `not-name` file
/// (`Dictionaries/not-names.tsv`; `scripts/import-known-names` reads the same file):
///
/// - class `kin`, `polite`, `title`: terms of address after a surname (王媽媽, 林阿姨, 陳老師,
///   李醫生): a way to speak of someone, not their name (`isAddressForm`);
/// - class `weekday`: 週一 … 週日, 週末 (周 likewise): after a title, 周五 is a day, not the surname
///   周; class `day-part`: a weekday followed by one of these characters (周三晚) is a day too;
/// - class `adverb`: surnames that are far more often an adverb written between a subject and its
///   verb (曾 "once", 都 "all"): such a character with a word of class `after-adverb` after it
///   (曾多次, 曾公開, 都太), with an ICU word after it that runs past the name (曾|舉辦, 曾|慘遭), or
///   making one ICU word with a one-character rest (曾經), is the adverb (`isFunctionLed`);
/// - class `preposition`: surnames that are also a preposition of time (于, 於): with a day of the
///   week after them (于周一) they are a date (`isFunctionLed`);
/// - class `span-lead` (fourteenth session): one-character function words (使 任 以 在 被 把 …)
///   that, standing as an ICU word of their own at the start of a name a rule found, belong to the
///   clause before it, not to the name (使|日興證券公司, 任|軍事科學院): `SpanVerbRule`;
/// - class `span-verb` (fourteenth session): verbs of events, motion and speech (開設 贏得 擔任 前往
///   表示 …; one or two characters) that no organization's or place's name holds: as an ICU word
///   inside a name a rule found they end it (紐約|開設|辦事處, 法國|贏得|聯合會): `SpanVerbRule`;
///
/// Words are compared with the folded text as written in the file (no fold is applied: the file
/// lists both scripts where they differ), two characters packed `first << 32 | second`.
package struct NotNames: Sendable {
    /// Classes whose words end an address form (`isAddressForm`).
    static let addressClasses: Set<String> = ["kin", "polite", "title"]
    /// Every class the file may use.
    static let classes: Set<String> = ["kin", "polite", "title", "weekday", "day-part", "adverb", "after-adverb", "preposition",
                                       "span-lead", "span-verb"]

    let addressTerms: Set<UInt64>
    let weekdays: Set<UInt64>
    /// The first characters of `weekdays` (one bit test before the pair is looked up).
    let weekdayStarts: ScalarSet
    let partsOfDay: ScalarSet
    /// Class `adverb`: surnames that are mostly adverbs (曾, 都).
    let adverbs: ScalarSet
    /// Class `preposition`: surnames that are prepositions of time (于, 於).
    let prepositions: ScalarSet
    /// Class `after-adverb`: one character (as `pair(c, 0)`) or two after an adverb.
    let afterAdverb: Set<UInt64>
    /// Class `span-lead`: function characters that do not start a rule-found name (`SpanVerbRule`).
    let spanLeads: ScalarSet
    /// Class `span-verb`: one- or two-character verbs (as `pair(c, 0)` or `pair(a, b)`) no name holds.
    let spanVerbs: Set<UInt64>

    @inline(__always) static func pair(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }

    init(entries: [DictionaryEntry], kinds: [DictionaryKind]) {
        var address = Set<UInt64>(), week = Set<UInt64>(), parts: [UInt32] = []
        var adverbChars: [UInt32] = [], prepositionChars: [UInt32] = [], after = Set<UInt64>()
        var leadChars: [UInt32] = [], verbs = Set<UInt64>()
        for i in entries.indices where kinds[i] == .notName {
            let v = entries[i].canonical.unicodeScalars.map(\.value)
            switch entries[i].entryClass ?? "" {
            case let c where NotNames.addressClasses.contains(c) && v.count == 2: address.insert(NotNames.pair(v[0], v[1]))
            case "weekday" where v.count == 2: week.insert(NotNames.pair(v[0], v[1]))
            case "day-part" where v.count == 1: parts.append(v[0])
            case "adverb" where v.count == 1: adverbChars.append(v[0])
            case "preposition" where v.count == 1: prepositionChars.append(v[0])
            case "after-adverb" where v.count == 1 || v.count == 2: after.insert(NotNames.pair(v[0], v.count == 2 ? v[1] : 0))
            case "span-lead" where v.count == 1: leadChars.append(v[0])
            case "span-verb" where v.count == 1 || v.count == 2: verbs.insert(NotNames.pair(v[0], v.count == 2 ? v[1] : 0))
            default: break
            }
        }
        addressTerms = address
        weekdays = week
        weekdayStarts = ScalarSet(week.map { UInt32($0 >> 32) })
        partsOfDay = ScalarSet(parts)
        adverbs = ScalarSet(adverbChars)
        prepositions = ScalarSet(prepositionChars)
        afterAdverb = after
        spanLeads = ScalarSet(leadChars)
        spanVerbs = verbs
    }

    /// True when the word `f[start..<end]` (an ICU word) is a function word of class `span-lead`
    /// (one character) or a verb of class `span-verb`: it does not start a rule-found name.
    func isSpanLead(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        (end - start == 1 && spanLeads.contains(f[start])) || isSpanVerb(f, start, end)
    }

    /// True when the word `f[start..<end]` (an ICU word) is a verb of class `span-verb`.
    func isSpanVerb(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        guard !spanVerbs.isEmpty, end - start == 1 || end - start == 2 else { return false }
        return spanVerbs.contains(NotNames.pair(f[start], end - start == 2 ? f[start + 1] : 0))
    }

    /// True for a day of the week (周一 … 周日, 周末), alone or with a part of the day (周三晚).
    func isWeekday(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 2, weekdayStarts.contains(f[start]), weekdays.contains(NotNames.pair(f[start], f[start + 1])) else { return false }
        return end - start == 2 || (end - start == 3 && partsOfDay.contains(f[start + 2]))
    }

    /// True for a surname (one or two characters) and a term of address: a way to speak of
    /// someone (王妈妈说), not their name.
    func isAddressForm(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        guard end - start == 3 || end - start == 4 else { return false }
        return addressTerms.contains(NotNames.pair(f[end - 2], f[end - 1]))
    }

    /// True for a surname character used as the adverb or preposition it also is: 曾多次, 曾公開,
    /// 曾經, 曾|舉辦 (an ICU word from the second character runs past the name), 都太; 于周一 (a
    /// preposition and a day of the week). `wordEnd(k)` is the end of the ICU word that starts at
    /// `k`, nil when none starts there.
    func isFunctionLed(_ f: [UInt32], _ start: Int, _ end: Int, wordEnd: (Int) -> Int?) -> Bool {
        guard end - start >= 2 else { return false }
        let c = f[start]
        if prepositions.contains(c) { return isWeekday(f, start + 1, end) }
        guard adverbs.contains(c) else { return false }
        let next = f[start + 1]
        if afterAdverb.contains(NotNames.pair(next, 0)) { return true }
        if start + 2 < f.count && afterAdverb.contains(NotNames.pair(next, f[start + 2])) { return true }
        if let e = wordEnd(start + 1), e > end { return true }
        if end - start == 2, let e = wordEnd(start), e == end { return true }
        return false
    }

    /// True for a three-character span read as a surname and a given name that ICU reads as two
    /// words cut in the middle: the surname and the next character make one word and the last
    /// character starts a word that runs past the span (甄別|真偽 → 甄別真, 蕭瑟|秋風 → 蕭瑟秋,
    /// 陳述|己見 → 陳述己). A name does not cut a longer word (issue 10 item 7); a name whose last
    /// character only begins a word with what follows (王小|明天 is not cut: 王小 is no word) stays,
    /// and so does a span that opens with two characters of transliterations (馬克|龍也 is 馬克龍,
    /// Macron: `PersonRules.transliterationCharacters`). `wordEnd(k)` is the end of the ICU word
    /// that starts at `k`, nil when none starts there.
    func cutsWords(_ f: [UInt32], _ start: Int, _ end: Int, wordEnd: (Int) -> Int?) -> Bool {
        guard end - start == 3, let first = wordEnd(start), first == start + 2,
              let last = wordEnd(end - 1), last > end else { return false }
        let translit = PersonRules.transliterationCharacters
        return !(translit.contains(f[start]) && translit.contains(f[start + 1]))
    }

    /// `wenxi dict check` rules (`WordTableCheck`): a known class; two Han characters a word (one
    /// for `day-part`, `adverb` and `preposition`, one or two for `after-adverb`); no word twice in
    /// one class.
    static func problems(_ entries: [DictionaryEntry]) -> [DictionaryProblem] {
        WordTableCheck.problems(entries, kind: .notName,
                                lengths: Dictionary(uniqueKeysWithValues: classes.map { c -> (String, ClosedRange<Int>) in
                                    switch c {
                                    case "day-part", "adverb", "preposition", "span-lead": return (c, 1...1)
                                    case "after-adverb", "span-verb": return (c, 1...2)
                                    default: return (c, 2...2)
                                    }
                                }))
    }
}
