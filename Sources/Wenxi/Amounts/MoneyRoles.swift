/// The cue words of `Dictionaries/money-cues.tsv`, compiled for lookups at a position.
package struct MoneyCueTable: Sendable {
    /// One cue: the role it gives and how strongly.
    package struct Cue: Sendable, Equatable {
        package var id: String
        /// The role it gives; nil for a speaker word (`isSpeaker`).
        package var role: EntityRole?
        /// Weak cues (每, 付, 獎) decide only when no strong cue is near.
        package var weak: Bool
        /// The amount belongs to no named party whatever the sentence names (tax revenue).
        package var noHolder: Bool
        /// Not a role: a word after a name that makes it the speaker rather than the holder (指出, 表示).
        package var isSpeaker: Bool { role == nil }
    }

    /// The roles an amount can have (README, "Money roles and holders").
    package static let roles = EntityRole.money.map(\.rawValue)
    /// Not a role: words after a name that make it the speaker rather than the holder (指出, 表示).
    package static let speaker = "speaker"

    package let cues: [Cue]
    let words: WordTable
    /// Report ids (`organization:…`) of news media (classes in `mediaClasses`): they report
    /// amounts, so they hold one only as a possessive or the clause's own subject.
    package let mediaIDs: Set<String>
    package static let mediaClasses: Set<String> = ["newspaper", "broadcaster", "media", "news-site", "magazine", "news-agency"]

    package init(entries: [DictionaryEntry]) {
        var cues: [Cue] = []
        var pairs: [(String, String)] = []
        for e in entries where e.kind == .moneyCue {
            guard let written = e.fields["role"] else { continue }
            let role = EntityRole(rawValue: written)
            guard written == MoneyCueTable.speaker || (role != nil && role != .staff) else { continue }
            let cue = Cue(id: e.id, role: role, weak: e.fields["strength"] == "weak", noHolder: e.fields["holder"] == "none")
            for form in [e.canonical] + e.aliases { pairs.append((form, String(cues.count))) }
            cues.append(cue)
        }
        self.cues = cues
        words = WordTable(pairs)
        var media = Set<String>()
        for e in entries where e.kind == .organization {
            if let c = e.entryClass, MoneyCueTable.mediaClasses.contains(c) { media.insert(e.kind.rawValue + ":" + e.id) }
        }
        mediaIDs = media
    }

    /// The longest cue starting at `i`: (end, cue).
    @inline(__always)
    func match(_ s: [Unicode.Scalar], at i: Int) -> (end: Int, cue: Cue)? {
        guard let m = words.match(s, at: i), let k = Int(m.value) else { return nil }
        return (m.end, cues[k])
    }
}

/// Role, holder and conversions of the money entities of one report (README, "Money roles and
/// holders"). Runs on the merged entity list, so a holder is always one of the report's mentions.
///
/// - Conversion: an amount in another currency in brackets right after an amount
///   (86.64美元（約新台幣2549元）, 約280億港元（36億美元）), or after 約合/折合/相當於, converts it:
///   it gets `equivalent_of` and the role and holder of the amount it converts.
/// - Role: the nearest strong cue between the previous amount of the sentence (or the sentence
///   start) and the amount, or in the same clause just after it (4500萬資安相關預算, 2500元違約金);
///   else the role of the previous amount of the sentence (年增1103億元 takes the role of what
///   grows); else the nearest weak cue (每月55元); else the previous sentence's last role; else `other`.
///   A cue right after 比/較 names what the amount is compared with, not the amount: it is skipped.
/// - Holder: a 的-possessive just before the cue (資科局的資安預算); else the first named mention
///   of the amount's clause that is not a speaker (桃園市審計處日前指出市府編列…: 市府); else the
///   first of its sentence (台電表示，…投入); else the first of the previous sentence. Places count
///   only as possessives; a fine belongs to the one fined, never to an agency (which imposes
///   it); a salary only to a person. None for a cue marked `holder: none` (稅收: the state's).
package enum MoneyRoles {
    /// Sets `role`, `holder` and `equivalent_of` of the money entities (sorted by start).
    /// `scalars[prefix...]` is the body text the offsets refer to; `skip` holds spans whose named
    /// mentions are never holders (the dateline and credit lines).
    /// `defaultCurrency` holds the starts (body offsets) of the amounts whose currency is only
    /// the document's default for 元 alone (`AmountResult.defaultCurrency`).
    package static func assign(_ entities: inout [Entity], scalars: [Unicode.Scalar], prefix: Int, sentences: [Span],
                              skip: [Span], cues: MoneyCueTable, defaultCurrency: Set<Int> = []) {
        // By index: `contains(where:)` iterates copies, retaining every field of every entity.
        guard entities.indices.contains(where: { entities[$0].type == .money }) else { return }
        var pass = Pass(scalars: scalars, prefix: prefix, sentences: sentences, skip: skip, cues: cues, defaultCurrency: defaultCurrency)
        pass.run(&entities)
        if !defaultCurrency.isEmpty { holderCurrency(&entities, defaultCurrency: defaultCurrency) }
    }

    /// The currency each state whose money Chinese calls 元 pays in.
    static let yuanCurrency = ["TW": "TWD", "CN": "CNY", "HK": "HKD", "MO": "MOP"]

    /// 元 alone is the document's currency (CNY in Simplified text, TWD in Traditional), but an
    /// amount held by an agency of a state whose money is called 元 is in that state's currency:
    /// 台湾国防部空军司令部…以4亿218万2000元决标 in a Simplified story is TWD (marked `inferred`).
    /// Not when a conversion right after it is in that currency (100元（约合新台币450元）).
    static func holderCurrency(_ entities: inout [Entity], defaultCurrency: Set<Int>) {
        for i in entities.indices where entities[i].type == .money && defaultCurrency.contains(entities[i].start) {
            guard let h = entities[i].holder, h.type == .agency else { continue }
            // The holder is one of the entities (sorted by start).
            var lo = 0, hi = entities.count
            while lo < hi { let mid = (lo + hi) / 2; if entities[mid].start < h.start { lo = mid + 1 } else { hi = mid } }
            guard lo < entities.count, entities[lo].start == h.start, entities[lo].end == h.end,
                  let state = entities[lo].jurisdiction, let cur = yuanCurrency[state], cur != entities[i].currency else { continue }
            var k = i + 1
            var convertedToIt = false
            while k < entities.count && entities[k].start <= entities[i].end + 12 {
                if entities[k].type == .money, entities[k].equivalentOf?.start == entities[i].start, entities[k].currency == cur { convertedToIt = true }
                k += 1
            }
            if convertedToIt { continue }
            entities[i].currency = cur
            entities[i].inferred = true
        }
    }

    struct Pass {
        let s: [Unicode.Scalar]
        let prefix: Int
        let sentences: [Span]
        let skip: [Span]
        let cues: MoneyCueTable
        /// Starts of the amounts whose currency is only the document's default for 元 alone.
        let defaultCurrency: Set<Int>

        init(scalars: [Unicode.Scalar], prefix: Int, sentences: [Span], skip: [Span], cues: MoneyCueTable, defaultCurrency: Set<Int> = []) {
            s = scalars
            self.prefix = prefix
            self.sentences = sentences
            self.skip = skip
            self.cues = cues
            self.defaultCurrency = defaultCurrency
        }

        /// Body offset `k` as a scalar (the headline comes first in `s`).
        @inline(__always) func at(_ k: Int) -> Unicode.Scalar { s[k + prefix] }
        var count: Int { s.count - prefix }

        /// A clause mark: ，,；;：:。！？ and the line break. (A switch, not a `Set`: the cue
        /// search asks of every scalar within 40 of an amount, and each `Set` lookup hashed it.)
        @inline(__always)
        static func isClauseMark(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "，", ",", "；", ";", "：", ":", "。", "！", "？", "\n": true
            default: false
            }
        }

        /// 比, 較, 较: what an amount is compared with follows.
        @inline(__always)
        static func isComparison(_ c: Unicode.Scalar) -> Bool { c == "比" || c == "較" || c == "较" }

        mutating func run(_ entities: inout [Entity]) {
            let named = entities.indices.filter { i in
                entities[i].type.isNamed && !skip.contains { entities[i].start >= $0.start && entities[i].end <= $0.end }
            }
            var lastRole: (sentence: Int, role: EntityRole)? = nil
            var prevMoney: Int? = nil
            // Amounts that fell back to `other`, waiting for a joined amount after them.
            var defaulted: [Int] = []
            for i in entities.indices where entities[i].type == .money {
                let e = entities[i]
                let sentence = e.sentence < sentences.count ? sentences[e.sentence] : Span(start: 0, end: count)
                // A conversion takes everything from the amount it converts.
                if let p = prevMoney, entities[p].sentence == e.sentence, converts(entities[p], e) {
                    entities[i].equivalentOf = Span(start: entities[p].start, end: entities[p].end)
                    entities[i].role = entities[p].role
                    entities[i].holder = entities[p].holder
                    prevMoney = i
                    continue
                }
                let floor = prevMoney.flatMap { entities[$0].sentence == e.sentence ? entities[$0].end : nil } ?? sentence.start
                let found = cue(for: e, from: floor, sentence: sentence)
                var role: EntityRole
                if let c = found, !c.cue.weak, let r = c.cue.role {
                    role = r
                } else if let p = prevMoney, entities[p].sentence == e.sentence, let r = entities[p].role {
                    role = r
                } else if let c = found, let r = c.cue.role {
                    role = r
                } else if let l = lastRole, l.sentence == e.sentence - 1 {
                    role = l.role
                } else {
                    role = .other
                    defaulted.append(i)
                }
                entities[i].role = role
                let inherited = found == nil ? prevMoney.flatMap { entities[$0].sentence == e.sentence ? entities[$0] : nil } : nil
                if let c = found, c.cue.noHolder || precededByNoHolderCue(c.start) {
                    entities[i].holder = nil
                } else if let inherited, found == nil {
                    entities[i].holder = inherited.holder
                } else {
                    entities[i].holder = holder(for: e, role: role, cueStart: found?.start, sentence: sentence,
                                                entities: entities, named: named)
                }
                lastRole = (e.sentence, role)
                prevMoney = i
            }
            // 10萬元以上、50萬元以下罰鍰: an amount joined to the next one (、 至 到 或 及 and the
            // like, no clause mark between) shares its role and holder.
            for i in defaulted.reversed() {
                guard let j = entities[(i + 1)...].firstIndex(where: { $0.type == .money }),
                      entities[j].sentence == entities[i].sentence, entities[j].start - entities[i].end <= 3,
                      !hasClauseMark(entities[i].end, entities[j].start), let r = entities[j].role, r != .other else { continue }
                entities[i].role = r
                if entities[i].holder == nil { entities[i].holder = entities[j].holder }
            }
        }

        /// 賦稅收入: a cue right after a `holder: none` cue of the same kind of money.
        func precededByNoHolderCue(_ start: Int) -> Bool {
            for b in max(0, start - 3)..<start {
                if let m = cues.match(s, at: b + prefix), m.end - prefix == start, m.cue.noHolder { return true }
            }
            return false
        }

        /// Whether `b` converts `a`: another currency, in brackets right after `a`, or after
        /// 約合/折合/相當於/換算 (with at most a bracket or comma between).
        func converts(_ a: Entity, _ b: Entity) -> Bool {
            guard let ca = a.currency, let cb = b.currency, ca != cb, b.start >= a.end else { return false }
            var k = a.end
            var bracket = false, comma = false
            while k < b.start {
                let c = at(k)
                if c == "（" || c == "(" { bracket = true; k += 1; continue }
                if c == " " || c == "，" || c == "," { comma = true; k += 1; continue }
                break
            }
            // （36億美元）, or ，約新台幣1035億元 (約 in the amount's span).
            if k == b.start { return bracket || (comma && (at(b.start) == "約" || at(b.start) == "约")) }
            // 約合, 折合, 相當於, 換算 before the converted amount.
            guard b.start - k <= 4 else { return false }
            let gap = String(String.UnicodeScalarView(s[(k + prefix)..<(b.start + prefix)]))
            return MoneyRoles.conversionWords.contains { gap == $0 || (gap.hasSuffix($0) && gap.count == $0.count + 1) }
        }

        /// The cue that names the amount's role: the nearest strong one, else the nearest weak one.
        /// Left: between `floor` and the amount (a clause mark costs 8); right: up to 8 scalars after
        /// it in the same clause, past 的/之/「.
        func cue(for e: Entity, from floor: Int, sentence: Span) -> (start: Int, cue: MoneyCueTable.Cue)? {
            var best: (cost: Int, start: Int, cue: MoneyCueTable.Cue)? = nil
            func consider(_ start: Int, _ cue: MoneyCueTable.Cue, _ cost: Int) {
                if cue.isSpeaker { return }
                // 比全年預算少了…: what the amount is compared with.
                for b in max(0, start - 3)..<start where Pass.isComparison(at(b)) { return }
                let weighted = cost + (cue.weak ? 1000 : 0)
                if best == nil || weighted < best!.cost { best = (weighted, start, cue) }
            }
            // Right side first, so that on a tie the cue after the amount wins.
            var k = e.end
            let limit = min(sentence.end, e.end + 8)
            while k < limit {
                let c = at(k)
                if Pass.isClauseMark(c) || Numerals.asciiDigit(c) != nil { break }
                if let m = cues.match(s, at: k + prefix) {
                    consider(k, m.cue, k - e.end)
                    k = m.end - prefix
                    continue
                }
                k += 1
            }
            // Left side: every cue ending at or before the amount.
            var marks = 0
            var j = e.start - 1
            let lower = max(floor, e.start - 40)
            while j >= lower {
                let c = at(j)
                if Pass.isClauseMark(c) { marks += 1 }
                if let m = cues.match(s, at: j + prefix), m.end - prefix <= e.start {
                    consider(j, m.cue, e.start - (m.end - prefix) + 8 * marks)
                }
                j -= 1
            }
            return best.map { ($0.start, $0.cue) }
        }

        /// See `MoneyRoles`. `cueStart` is where the role's cue begins (for possessives).
        func holder(for e: Entity, role: EntityRole, cueStart: Int?, sentence: Span, entities: [Entity], named: [Int]) -> Holder? {
            func allowed(_ x: Entity, possessive: Bool) -> Bool {
                if x.type == .place && !possessive { return false }
                if role == .fine && x.type == .agency { return false }
                // Salaries are earned by people; a body named beside one sets or pays it.
                if role == .salary && x.type != .person { return false }
                return true
            }
            // Named mentions of the sentence before the amount, at most 500 scalars back (`named` is
            // sorted by start: two binary searches, so a document with many amounts stays linear).
            let from = max(sentence.start, e.start - 500)
            let before = Array(named[firstNamed(startingAt: from, named, entities)..<firstNamed(startingAt: e.start, named, entities)])
                .filter { entities[$0].end <= e.start }
            // 1. X的…cue…amount or X的…amount: X owns it, when nothing named stands between.
            if let last = before.last {
                let x = entities[last]
                if x.end < count, at(x.end) == "的" || at(x.end) == "之", e.start - x.end <= 12,
                   !hasClauseMark(x.end, e.start), allowed(x, possessive: true) {
                    return Holder(x)
                }
                if let c = cueStart, x.end == c, c <= e.start, allowed(x, possessive: true), !afterPreposition(x) { return Holder(x) }
            }
            // 2. The clause's first mention that is not a speaker nor after a preposition.
            let clause = clauseStart(before: e.start, floor: sentence.start)
            for k in before where entities[k].start >= clause {
                let x = entities[k]
                if allowed(x, possessive: false) && !isSpeaker(x) && !afterPreposition(x) { return Holder(x) }
            }
            // 3. The sentence's first mention that is not a speaker, else its first speaker (its
            //    topic: 台電表示，…投入). Never a news medium (路透社報導，…).
            for k in before where allowed(entities[k], possessive: false) && !isSpeaker(entities[k]) && !afterPreposition(entities[k])
                && !isMedia(entities[k]) {
                return Holder(entities[k])
            }
            // (Not for a fine: the speaker is the official who imposes it. Nor for an agency and
            // an amount in another state's currency: a body that only speaks of it reports it.)
            for k in before where role != .fine && allowed(entities[k], possessive: false) && !afterPreposition(entities[k])
                && !isMedia(entities[k]) && (defaultCurrency.contains(e.start) || !MoneyRoles.reportsForeignMoney(entities[k], e)) {
                return Holder(entities[k])
            }
            // 4. The previous sentence's first mention, when this sentence names nobody before the amount.
            guard before.isEmpty, e.sentence > 0, e.sentence - 1 < sentences.count else { return nil }
            let prev = sentences[e.sentence - 1]
            for k in named[firstNamed(startingAt: max(prev.start, prev.end - 500), named, entities)...] {
                if entities[k].start >= prev.end { break }
                guard entities[k].end <= prev.end else { continue }
                if allowed(entities[k], possessive: false) && !isSpeaker(entities[k]) && !isMedia(entities[k]) { return Holder(entities[k]) }
            }
            return nil
        }

        func isMedia(_ x: Entity) -> Bool {
            x.type == .organization && x.id.map { cues.mediaIDs.contains($0) } == true
        }

        /// 透過子公司中國淘寶, 向AOP, 與X: a mention after a preposition is not the subject.
        func afterPreposition(_ x: Entity) -> Bool {
            var k = x.start - 1
            // Past a title-like word between (子公司, 旗下): at most 4 scalars back.
            while k >= 0 && x.start - k <= 5 {
                let c = at(k)
                if Pass.isClauseMark(c) { return false }
                if MoneyRoles.prepositions.contains(c) {
                    if (c == "和" || c == "與" || c == "与") && x.start - k > 1 { k -= 1; continue }
                    return true
                }
                k -= 1
            }
            return false
        }

        /// The position in `named` of the first mention starting at or after `pos`.
        func firstNamed(startingAt pos: Int, _ named: [Int], _ entities: [Entity]) -> Int {
            var lo = 0, hi = named.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if entities[named[mid]].start < pos { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        func hasClauseMark(_ a: Int, _ b: Int) -> Bool {
            for k in a..<b where Pass.isClauseMark(at(k)) { return true }
            return false
        }

        /// The start of the clause holding `pos` (looked for at most 200 scalars back).
        func clauseStart(before pos: Int, floor: Int) -> Int {
            var k = pos - 1
            let floor = max(floor, pos - 200)
            while k >= floor {
                if Pass.isClauseMark(at(k)) { return k + 1 }
                k -= 1
            }
            return floor
        }

        /// A mention followed (within 4 scalars: 日前, 今天) by a speaker word.
        func isSpeaker(_ x: Entity) -> Bool {
            var k = x.end
            let limit = min(count, x.end + 5)
            while k < limit {
                if Pass.isClauseMark(at(k)) { return false }
                if let m = cues.match(s, at: k + prefix), m.cue.isSpeaker { return true }
                k += 1
            }
            return false
        }
    }

    /// The currency of each state (ISO 4217, the euro area's members): an agency of one of these
    /// states that only speaks of an amount in another currency is no holder of it.
    static let stateCurrency: [String: String] = [
        "TW": "TWD", "CN": "CNY", "HK": "HKD", "MO": "MOP", "US": "USD", "JP": "JPY", "KR": "KRW", "GB": "GBP",
        "AU": "AUD", "CA": "CAD", "NZ": "NZD", "SG": "SGD", "CH": "CHF", "RU": "RUB", "TH": "THB", "VN": "VND",
        "ID": "IDR", "IN": "INR", "PH": "PHP", "MY": "MYR", "NG": "NGN", "TR": "TRY", "SA": "SAR", "ZA": "ZAR",
        "DE": "EUR", "FR": "EUR", "IT": "EUR", "ES": "EUR", "NL": "EUR", "BE": "EUR", "AT": "EUR", "IE": "EUR",
        "FI": "EUR", "PT": "EUR", "GR": "EUR", "LU": "EUR", "SK": "EUR", "SI": "EUR", "EE": "EUR", "LV": "EUR",
        "LT": "EUR", "MT": "EUR", "CY": "EUR",
    ]

    /// 國發會強調，…丹麥廠商創造20億歐元商機; 央行今天公布…人民幣存款餘額為人民幣2358.8億元: an
    /// agency that speaks of an amount in a currency not its state's is reporting it (a foreign
    /// market, the banks' deposits), not holding it. Only for the speaker fallback: as the subject
    /// of its clause (國發會投入20億歐元) it still holds it; and not for 元 alone, whose currency
    /// is only the document's default until the holder's state sets it (`holderCurrency`).
    static func reportsForeignMoney(_ x: Entity, _ amount: Entity) -> Bool {
        guard x.type == .agency, let state = x.jurisdiction, let own = stateCurrency[state],
              let cur = amount.currency else { return false }
        return cur != own
    }

    /// Prepositions that put a following name out of subject position (透過, 向, 對, 與, 給, 從).
    static let prepositions: Set<Unicode.Scalar> = ["透", "經", "经", "向", "對", "对", "與", "与", "和", "跟", "從", "从", "給", "给", "替", "讓", "让"]

    /// Words before an amount that make it a conversion of the amount before.
    static let conversionWords = ["約合", "约合", "折合", "相當於", "相当于", "換算", "换算", "等於", "等于", "折算"]
}
