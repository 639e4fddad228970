/// Where the characters that the rules' text scans start from stand in one document: one pass over
/// the folded text, one table look-up a character, for all of them (`TaggingDocument.marks`).
///
/// A dozen rules each walked the whole text testing its own first or last character (國 of 國道,
/// 小 of 小行星, 軍, 黨, 「, the place heads, the organization heads' last characters, Latin letters
/// before a head …): 4–10 instructions a character each, bounds checks included. Each rule now walks
/// the positions of its own mark, in text order, and tests there what it tested before; a scan that
/// jumped past a name it found (`k = end`) skips the positions before that end.
struct RuleMarks {
    /// The marks, one bit each in `RuleMarkTable`.
    enum Mark: Int, CaseIterable {
        /// 國 (`FacilityRule`: 國道N號).
        case freeway
        /// 小 (`FacilityRule.asteroids`: 小行星).
        case asteroid
        /// 軍 (`OrganRules.armies`, `OrganRules.directedArmies`, `TeamRule.stateArmies`).
        case army
        /// 黨 (`PartyRule`).
        case party
        /// 大 (`OrganRules.congresses`).
        case big
        /// 立 (`PlaceNamedOrganizationRule.publicInstitutions`).
        case established
        /// 「 (`QuotedBodyRule`).
        case quoteOpen
        /// 局 and 所 (`PoliceUnitRule`).
        case bureauOrOffice
        /// The first characters of `ForeignPlaceRule.heads` and the last of its endings (`shapeLast`).
        case foreignHead
        /// The first characters of the place heads (`PlaceHeads.headStarts`, `PlaceHeadRule`).
        case placeHead
        /// The last characters of the organization heads (`Lexicon.organizationHeadLastSet`,
        /// `OrganizationHeadRule`).
        case organizationHeadLast
        /// The last characters of the organ heads and 委 (`Lexicon.organHeadLastSet`, `OrganRules.organs`).
        case organLast
        /// ASCII letters and digits (`UnlistedOrganizationRule.latinNames`: a Latin name before a head;
        /// `ChannelRule`: a Latin network before its channel).
        case latin
        /// 是 (`DefinedPlaceRule`).
        case copula
        /// The last characters of `KindBeforePlaceRule.kinds` (城市, 港口 …).
        case kindEnd
        /// The last characters of the unlisted-name heads (`Lexicon.unlistedNameHeadLastSet`,
        /// `UnlistedOrganizationRule`).
        case unlistedHeadLast
        /// 及 and 暨 (`OrganRules.conjoinedBureaus`).
        case conjunction
        /// 第 (`OrganRules.ordinalUnits`).
        case ordinal
        /// 隊 and 队 (`TeamRule.teamLast`: a described team's head).
        case teamLast
        /// 臺, 頻 and 微 (`ChannelRule`: a text with none of them holds no channel).
        case channel
        /// The opening brackets of `JurisdictionResolver.quoteOpen` (《「“『〈: names quoted are no evidence).
        case evidenceQuote
        /// The first characters of the former states' names (`JurisdictionTable.historicalFirst`:
        /// 蘇聯, 清朝, evidence of a state outside any mention).
        case historicalFirst
        /// The first characters of the scope words (`OrganRules.scopeFirsts`: 世 國 全 亞 歐 of 世界,
        /// 國際, 全國, 亞洲, 歐洲; `OrganRules.scopedAssociations`).
        case scopeFirst
    }

    /// The positions of all marks in one array, mark after mark, each mark's ascending.
    private let positions: [Int]
    /// Where each mark's positions start in `positions`, and their end (one more than the marks).
    private let starts: [Int]

    init(positions: [Int], starts: [Int]) {
        self.positions = positions
        self.starts = starts
    }

    /// The positions of `mark`'s characters, ascending.
    subscript(_ mark: Mark) -> ArraySlice<Int> { positions[starts[mark.rawValue]..<starts[mark.rawValue + 1]] }
}

/// The characters of each `RuleMarks.Mark`, as one bit mask a character: built with the lexicon
/// (two of the sets are its word lists), asked once a character of each document. The masks are 32
/// bits wide (256 KB for the BMP): the sixteen marks of the tenth session filled 16 bits.
struct RuleMarkTable: Sendable {
    /// Masks of the Basic Multilingual Plane, indexed by scalar (256 KB).
    private var bmp = [UInt32](repeating: 0, count: 0x10000)
    /// Masks of the other planes' characters in any set.
    private var astral: [UInt32: UInt32] = [:]

    init(placeHeadStarts: ScalarSet, organizationHeadLast: ScalarSet, organLast: ScalarSet, unlistedHeadLast: ScalarSet,
         historicalFirst: ScalarSet) {
        assert(RuleMarks.Mark.allCases.count <= UInt32.bitWidth)
        let single: [(RuleMarks.Mark, UInt32)] = [
            (.freeway, FacilityRule.freeway[0]), (.asteroid, FacilityRule.asteroid[0]), (.army, TeamRule.army),
            (.party, PartyRule.party), (.big, OrganRules.big), (.established, PlaceNamedOrganizationRule.established),
            (.quoteOpen, QuotedBodyRule.open), (.bureauOrOffice, PoliceUnitRule.bureau), (.bureauOrOffice, PoliceUnitRule.office),
            (.organLast, OrganRules.committee), (.copula, DefinedPlaceRule.copula),
            (.conjunction, OrganRules.ji), (.conjunction, OrganRules.jointJi), (.ordinal, TaggingDocument.ordinal),
            (.channel, ChannelRule.tai), (.channel, ChannelRule.channel[0]), (.channel, ChannelRule.microblog[0]),
        ]
        for (mark, c) in single { insert(c, mark) }
        let sets: [(RuleMarks.Mark, ScalarSet)] = [
            (.foreignHead, ForeignPlaceRule.markChars), (.placeHead, placeHeadStarts),
            (.organizationHeadLast, organizationHeadLast), (.organLast, organLast),
            (.kindEnd, KindBeforePlaceRule.kindEnds), (.unlistedHeadLast, unlistedHeadLast),
            (.teamLast, TeamRule.teamLast), (.evidenceQuote, JurisdictionResolver.quoteOpen), (.historicalFirst, historicalFirst),
            (.scopeFirst, OrganRules.scopeFirsts),
        ]
        for (mark, set) in sets { set.forEachMember { insert($0, mark) } }
        for c in UInt32(0x30)...0x7A where UnlistedOrganizationRule.isLatinAlnum(c) { insert(c, .latin) }
    }

    private mutating func insert(_ c: UInt32, _ mark: RuleMarks.Mark) {
        let bit = UInt32(1) << UInt32(mark.rawValue)
        if c < 0x10000 { bmp[Int(c)] |= bit } else { astral[c, default: 0] |= bit }
    }

    /// The marks of one folded text: one pass without bounds checks keeps the marked positions
    /// and their masks and counts each mark; one array for all marks is then filled at its final
    /// size, each mark's positions in their own run (appending to an array a mark as the pass
    /// went regrew the arrays: 40% of the pass; sixteen arrays reserved at their counts still
    /// cost sixteen allocations a document).
    func marks(_ f: [UInt32]) -> RuleMarks {
        var counts = [Int](repeating: 0, count: RuleMarks.Mark.allCases.count)
        var hits: [(position: Int32, mask: UInt32)] = []
        hits.reserveCapacity(f.count)
        f.withUnsafeBufferPointer { fp in
            bmp.withUnsafeBufferPointer { table in
                counts.withUnsafeMutableBufferPointer { count in
                    for i in 0..<fp.count {
                        let c = fp[i]
                        let m = c < 0x10000 ? table[Int(c)] : astral[c] ?? 0
                        if m != 0 { RuleMarkTable.record(m, at: i, hits: &hits, counts: count) }
                    }
                }
            }
        }
        return RuleMarkTable.marks(hits: hits, counts: counts)
    }

    /// Records a marked position: its mask in `hits` and one count for each mark it holds (the
    /// loop body `marks` and `foldAndMark` share).
    @inline(__always)
    private static func record(_ m: UInt32, at i: Int, hits: inout [(position: Int32, mask: UInt32)],
                               counts: UnsafeMutableBufferPointer<Int>) {
        hits.append((Int32(i), m))
        var b = m
        while b != 0 {
            counts[b.trailingZeroBitCount] += 1
            b &= b - 1
        }
    }

    /// The mask of one folded character.
    private func mask(_ c: UInt32) -> UInt32 { c < 0x10000 ? bmp[Int(c)] : astral[c] ?? 0 }

    /// `TaggingDocument.nameDots(text, fold.fold(text))` and its `marks`, in one pass over the text:
    /// each character is folded, tested for a name-dot lookalike and looked up in the mark table
    /// in the same loop (three passes cost about 14 instructions a character: the fold 2.0 M, the
    /// dots 2.1 M and the marks 6.4 M at `scripts/tag-instructions --every 30`). A lookalike between
    /// two Han characters is then written as the middle dot, as `nameDots` does (deciding from
    /// the folds before any is written); its mark is the middle dot's when both characters'
    /// masks agree (no mark holds a dot), and otherwise the marks are read again from the result.
    func foldAndMark(_ text: [Unicode.Scalar], fold: FoldTable) -> (folded: [UInt32], marks: RuleMarks) {
        var counts = [Int](repeating: 0, count: RuleMarks.Mark.allCases.count)
        var hits: [(position: Int32, mask: UInt32)] = []
        hits.reserveCapacity(text.count)
        var dots: [Int] = []
        var folded = fold.withTables { foldBMP, foldAstral in
            text.withUnsafeBufferPointer { src in
                [UInt32](unsafeUninitializedCapacity: src.count) { out, n in
                    bmp.withUnsafeBufferPointer { table in
                        counts.withUnsafeMutableBufferPointer { count in
                            for i in 0..<src.count {
                                let v = src[i].value
                                let c = v < 0x10000 ? foldBMP[Int(v)] : (foldAstral[v] ?? v)
                                out[i] = c
                                if TaggingDocument.isNameDotLookalike(v) { dots.append(i) }
                                let m = c < 0x10000 ? table[Int(c)] : astral[c] ?? 0
                                if m != 0 { RuleMarkTable.record(m, at: i, hits: &hits, counts: count) }
                            }
                        }
                    }
                    n = src.count
                }
            }
        }
        if text.count >= 3 && !dots.isEmpty {
            let last = text.count - 1
            let joined = dots.filter { k in k >= 1 && k < last && FoldTable.isHan(folded[k - 1]) && FoldTable.isHan(folded[k + 1]) }
            var sameMarks = true
            for k in joined {
                if mask(folded[k]) != mask(0xB7) { sameMarks = false }
                folded[k] = 0xB7
            }
            if !sameMarks { return (folded, marks(folded)) }
        }
        return (folded, RuleMarkTable.marks(hits: hits, counts: counts))
    }

    /// The marks from the marked positions of a text (ascending) and each mark's count.
    private static func marks(hits: [(position: Int32, mask: UInt32)], counts: [Int]) -> RuleMarks {
        let markCount = RuleMarks.Mark.allCases.count
        var starts = [Int](repeating: 0, count: markCount + 1)
        for k in 0..<markCount { starts[k + 1] = starts[k] + counts[k] }
        let total = starts[markCount]
        var next = Array(starts[0..<markCount])
        // No marks: an empty list, not `unsafeUninitializedCapacity: 0`, which stores its count into
        // the shared empty-array storage (a data race ThreadSanitizer reports when two workers do it).
        guard total > 0 else { return RuleMarks(positions: [], starts: starts) }
        let positions = [Int](unsafeUninitializedCapacity: total) { out, filled in
            next.withUnsafeMutableBufferPointer { next in
                for h in hits {
                    var b = h.mask
                    while b != 0 {
                        let k = b.trailingZeroBitCount
                        out[next[k]] = Int(h.position)
                        next[k] += 1
                        b &= b - 1
                    }
                }
            }
            filled = total
        }
        return RuleMarks(positions: positions, starts: starts)
    }
}
