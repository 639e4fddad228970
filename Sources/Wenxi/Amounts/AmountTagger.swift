/// What the numbers stage finds in one document.
package struct AmountResult: Sendable {
    /// money, quantity, percent and date entities, sorted by start.
    package var entities: [Entity] = []
    /// The last dateline, its place split from the reporter with the tagger's entities and its day
    /// resolved (from the byline step's spans).
    package var byline: Byline?
    /// The credit lines' names (from the byline step's spans).
    package var credits: Credits?
    /// Starts of the money entities whose currency is only the document's default for 元 alone
    /// (its script or dateline): `MoneyRoles` gives them their holder's currency instead.
    package var defaultCurrency: Set<Int> = []
    package init() {}
}

/// Money, quantities, percentages and dates, with the dates of the CNA dateline and credit lines
/// that the byline step (`BylineFinder`) found.
///
/// One pass over the scalars: only digits, Chinese numerals, currency signs/words, `（` and the
/// first characters of relative date words start any work. See the README section "Amounts,
/// quantities and dates" for the rules (currency inference, qualifiers, ROC years…).
package enum AmountTagger {
    /// `named` are the entity tagger's results (people, places…), for the dateline's place. The
    /// byline step's spans come from `context.bylines`, found here when the caller has none.
    /// Never inlined, so that callgrind can count the stage by this function's name
    /// (`scripts/stage-instructions --stage amounts`; main 3e6ea5d inlined it into the Analyzer,
    /// and the script counted only the related links' titles, which call it too).
    @inline(never)
    package static func tag(_ context: TaggingContext, named: [Entity]) -> AmountResult {
        let scalars = context.text.scalars
        var scanner = AmountScanner(
            scalars: scalars,
            anchor: CivilDate.articleDate(context.meta.date),
            named: named,
            bylines: context.bylines ?? BylineFinder.find(scalars))
        var result = scanner.run(sentences: context.sentences)
        Entity.sliceTexts(&result.entities, of: context.text)
        return result
    }

    /// Tags a bare string (no article date): for tests and `wenxi numbers`.
    package static func tag(text: String, articleDate: String? = nil) -> AmountResult {
        let buffer = TextBuffer(text)
        let scalars = buffer.scalars
        var scanner = AmountScanner(scalars: scalars, anchor: CivilDate.articleDate(articleDate), named: [],
                                    bylines: BylineFinder.find(scalars))
        var result = scanner.run(sentences: [])
        Entity.sliceTexts(&result.entities, of: buffer)
        return result
    }

    /// Parses a whole string as one number (`wenxi numbers`): ASCII/full-width digits, Chinese
    /// numerals and capitals, mixtures, a sign (負/-). Nil when the string is not exactly a number.
    package static func parseNumber(_ string: String) -> ExactNumber? {
        let s = Array(string.unicodeScalars)
        let p = NumberParser(digitSequences: true, allowSpaces: true, allowSign: true)
        guard let r = p.parse(s, at: 0), r.end == s.count else { return nil }
        return r.value
    }

    /// Fills the money tables, largest amounts and dates of the summary.
    ///
    /// Every money entity with a value counts once, in its own currency (amounts of different
    /// currencies are never added), except conversions (`equivalent_of`), which repeat an amount
    /// already counted. A range counts its lower end (`value`), as `jq add` over `.value` would.
    /// `money_by_role` adds per currency and role (`other` when no role was found),
    /// `money_by_holder` per holder key, role and currency in order of first mention; the five
    /// largest amounts are ranked by value regardless of currency. Dates are the distinct resolved
    /// `date` values in order of first mention.
    package static func summarize(_ entities: [Entity], sentences: [Sentence], into summary: inout Summary) {
        var totals: [String: ExactNumber] = [:]
        var byRole: [String: [String: ExactNumber]] = [:]
        var holderOrder: [HolderKey] = []
        var byHolder: [HolderKey: (id: String?, total: ExactNumber, amounts: Int)] = [:]
        // Indexes of the money entities with their values; entities are read in place, not
        // copied (a copy retains a dozen strings).
        var money: [(Int, ExactNumber)] = []
        // Dates already listed: most documents have a handful, looked for in the list (a Set
        // cost an allocation and a hash per date); past 16, in a Set, so time stays linear.
        let firstDate = summary.dates.count
        var seen: Set<String>? = nil
        entities.withUnsafeBufferPointer { entities in
            for index in entities.indices {
                let e = entities.baseAddress! + index
                if e.pointee.type == .money, let v = e.pointee.value, let cur = e.pointee.currency, e.pointee.equivalentOf == nil {
                    let role = (e.pointee.role ?? .other).rawValue
                    totals[cur, default: .zero] = totals[cur, default: .zero] + v
                    byRole[cur, default: [:]][role, default: .zero] = byRole[cur, default: [:]][role, default: .zero] + v
                    if let h = e.pointee.holder {
                        let key = HolderKey(holder: h.key, role: role, currency: cur)
                        if let old = byHolder[key] {
                            byHolder[key] = (old.id, old.total + v, old.amounts + 1)
                        } else {
                            holderOrder.append(key)
                            byHolder[key] = (h.id, v, 1)
                        }
                    }
                    money.append((index, v))
                } else if e.pointee.type == .date, let d = e.pointee.date {
                    if summary.dates.count - firstDate < 16 {
                        if summary.dates[firstDate...].contains(d) { continue }
                    } else {
                        if seen == nil { seen = Set(summary.dates[firstDate...]) }
                        if !seen!.insert(d).inserted { continue }
                    }
                    summary.dates.append(d)
                }
            }
        }
        summary.moneyTotals = totals
        summary.moneyByRole = byRole
        summary.moneyByHolder = holderOrder.map { k in
            let v = byHolder[k]!
            return HolderMoney(holder: k.holder, id: v.id, role: k.role, currency: k.currency, total: v.total, amounts: v.amounts)
        }
        // Stable: larger first, then earlier first.
        let ranked = money.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }
        summary.largestAmounts = ranked.prefix(5).map { item in
            let e = entities[item.element.0]
            let text = e.sentence < sentences.count ? sentences[e.sentence].text : ""
            return AmountSummary(text: e.text, value: e.value!, currency: e.currency!, sentence: e.sentence, sentenceText: text,
                                 role: e.role?.rawValue, holder: e.holder?.key)
        }
    }

    struct HolderKey: Hashable {
        var holder: String
        var role: String
        var currency: String
    }
}
