import Foundation

/// Dictionary-based tagger of people, agencies, organizations and places. Built once per process
/// (dictionaries + automaton) and shared read-only by all workers.
///
/// Per document, in order:
/// 1. the automaton finds every dictionary surface form and cue word in the folded text;
/// 2. `OverlapPolicy.leftmostLongest` keeps non-overlapping name matches;
/// 3. rules add what no list holds: people around cues (`PersonRules`) and quoted new bodies
///    (`「智慧城鄉發展委員會」`), each then found again elsewhere in the document;
/// 4. `ContextResolver` picks the entry of each contextual alias (市府, 資科局) from the
///    document's unambiguous mentions, or marks it `ambiguous` with its candidates.
package final class EntityTagger: Sendable {
    package let lexicon: Lexicon

    package init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Named entities of one document, sorted by start. `sentence` is filled in by the caller.
    /// Never inlined (one call per document), so that callgrind can count the stage by this
    /// function's name (`scripts/tag-instructions`, `scripts/stage-instructions`).
    @inline(never)
    package func tag(_ context: TaggingContext) -> [Entity] {
        var doc = TaggingDocument(lexicon: lexicon, text: context.text.scalars, tokens: context.tokens)
        doc.dateline = context.bylines.map(\.opening) ?? BylineFinder.openingBracket(doc.text)
        doc.matchDictionaries()
        doc.applyRules()
        TitleReferences.apply(&doc, date: context.meta.date)
        ContextResolver.resolve(&doc, title: context.meta.title)
        JurisdictionResolver.resolve(&doc, sentences: context.sentences, title: context.meta.title)
        var entities = doc.entities()
        // Each text a slice of the document's String (a String per entity from its scalars cost
        // about 650 instructions an entity).
        Entity.sliceTexts(&entities, of: context.text)
        return entities
    }
}

/// A mention while a document is being tagged.
///
/// Every rule walks the mentions and copies them (`let m = doc.mentions[i]`), so a copy is kept
/// cheap: the fields most mentions leave empty and that hold heap Strings (a rule's name, its
/// canonical, a parent's name) sit together in one copy-on-write box, nil for dictionary
/// mentions. A copy then retains at most two references (`candidates` and the box) instead of
/// up to five, and is small enough to be copied inline (in perf, the outlined copy and destroy
/// of the five-reference layout were ~5% of the tag stage).
struct Mention {
    var start: Int
    var end: Int
    var type: EntityType
    /// Entry indexes: one when resolved, several while context must decide.
    var candidates: [Int]
    var ambiguous = false
    /// The entry a form names unless context says otherwise (its one plain owner).
    var preferred: Int? = nil
    /// Agencies: the evidence for `jurisdiction` (`JurisdictionResolver`).
    var jurisdictionSource: JurisdictionSource? = nil
    /// A mission (X駐Y大使館) whose sending state is still to be found from the context.
    var mission = false
    /// For a mission: the place entry named after 駐 (its host).
    var host: Int? = nil
    /// `staff` for a person of a byline or credit line.
    var role: EntityRole? = nil
    /// For a rule finding that stands for a dictionary entry (a title reference): that entry.
    var linked: Int? = nil
    /// `jurisdiction` when it is 1–8 ASCII characters (every state code: TW, US, intl), packed
    /// little-endian; 0 when it is nil or kept in the box.
    private var jurisdictionCode: UInt64 = 0
    /// `rule`, `canonical`, `parentName` and a `jurisdiction` that does not pack, or nil when
    /// all are nil.
    private var names: Names?

    /// The boxed String fields; shared between copies until one of them writes.
    private final class Names {
        var rule: String?
        var canonical: String?
        var parentName: String?
        var jurisdiction: String?
        init(rule: String?, canonical: String?, parentName: String?, jurisdiction: String?) {
            self.rule = rule
            self.canonical = canonical
            self.parentName = parentName
            self.jurisdiction = jurisdiction
        }
    }

    init(start: Int, end: Int, type: EntityType, candidates: [Int], rule: String? = nil, canonical: String? = nil,
         preferred: Int? = nil) {
        self.start = start
        self.end = end
        self.type = type
        self.candidates = candidates
        self.preferred = preferred
        if rule != nil || canonical != nil { names = Names(rule: rule, canonical: canonical, parentName: nil, jurisdiction: nil) }
    }

    /// For rule findings: the rule's name and the canonical it gives.
    var rule: String? {
        get { names?.rule }
        set { if newValue != nil || names != nil { writableNames().rule = newValue } }
    }
    var canonical: String? {
        get { names?.canonical }
        set { if newValue != nil || names != nil { writableNames().canonical = newValue } }
    }
    /// For rule findings: the canonical name of the parent body (`rule:unit-compound`).
    var parentName: String? {
        get { names?.parentName }
        set { if newValue != nil || names != nil { writableNames().parentName = newValue } }
    }

    /// Agencies: the state decided so far (`JurisdictionResolver`). A state code is packed into
    /// `jurisdictionCode`, so a copy of the mention retains nothing for it.
    var jurisdiction: String? {
        get {
            if jurisdictionCode != 0 { return Mention.unpack(jurisdictionCode) }
            return names?.jurisdiction
        }
        set {
            if let s = newValue, let code = Mention.pack(s) {
                jurisdictionCode = code
                if names?.jurisdiction != nil { writableNames().jurisdiction = nil }
            } else {
                jurisdictionCode = 0
                if newValue != nil || names?.jurisdiction != nil { writableNames().jurisdiction = newValue }
            }
        }
    }

    /// `s` as 1–8 ASCII bytes, little-endian (nil when it is empty, longer or not ASCII).
    static func pack(_ s: String) -> UInt64? {
        var code: UInt64 = 0, shift: UInt64 = 0
        for b in s.utf8 {
            guard b != 0, b < 0x80, shift < 64 else { return nil }
            code |= UInt64(b) << shift
            shift += 8
        }
        return code == 0 ? nil : code
    }

    /// The String `pack` made `code` of.
    static func unpack(_ code: UInt64) -> String {
        var bytes = code.littleEndian
        return withUnsafeBytes(of: &bytes) { raw in
            var n = 0
            while n < 8 && raw[n] != 0 { n += 1 }
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<n]), as: UTF8.self)
        }
    }

    /// The box, created or copied so that this mention alone holds it.
    private mutating func writableNames() -> Names {
        if names == nil {
            names = Names(rule: nil, canonical: nil, parentName: nil, jurisdiction: nil)
        } else if !isKnownUniquelyReferenced(&names) {
            names = Names(rule: names!.rule, canonical: names!.canonical, parentName: names!.parentName, jurisdiction: names!.jurisdiction)
        }
        return names!
    }
}

/// The working state of tagging one document.
struct TaggingDocument {
    let lexicon: Lexicon
    let text: [Unicode.Scalar]
    let folded: [UInt32]
    let tokens: [TokenSpan]
    var mentions: [Mention] = []
    /// Per scalar: index of the mention covering it, or -1.
    var owner: [Int32]
    /// Cue matches: (start, end, role), sorted; found by `matchDictionaries`, which alone writes them.
    private(set) var cues: [(start: Int, end: Int, hit: CueHit)] = []
    /// The cues' edges, two bits a role per position (`CueEdges`), made with `cues`.
    private(set) var cueFlags: [UInt8] = []
    /// ICU word and cue edges for the person rules and the name model (built once, on first use).
    var nameEdges: NameFinder.Edges? = nil
    /// The bracket that opens the body, the dateline (the byline step's `BylineSpans.opening`).
    var dateline: Range<Int>? = nil
    /// Where the characters the rules' scans start from stand (`RuleMarks`).
    let marks: RuleMarks

    init(lexicon: Lexicon, text: [Unicode.Scalar], tokens: [TokenSpan]) {
        self.lexicon = lexicon
        self.text = text
        // The fold, `nameDots` and the marks in one pass (`RuleMarkTable.foldAndMark`).
        (self.folded, self.marks) = lexicon.ruleMarks.foldAndMark(text, fold: lexicon.fold)
        self.tokens = tokens
        self.owner = [Int32](repeating: -1, count: text.count)
    }

    /// `folded` with the full-width full stops that join the parts of a foreign name (CNA writes
    /// 凱倫．克洛普, 派特．瓦倫蒂諾) folded to the middle dot the name rules read (凱倫·克洛普), where
    /// a Han character stands on both sides; elsewhere (１．５, an ellipsis) it stays a full stop.
    /// The small full stop ﹒ (U+FE52: 艾克﹒叶) and the bullet • (U+2022: 格雷厄姆•艾利森) are read
    /// the same way between two Han characters (`nameDotLookalikes`); a bullet opening a line stays.
    static func nameDots(_ text: [Unicode.Scalar], _ folded: [UInt32]) -> [UInt32] {
        guard text.count >= 3 else { return folded }
        var out = folded
        // Read without bounds checks; written (and so copied) only where a dot is found.
        text.withUnsafeBufferPointer { t in
            for k in 1..<(t.count - 1) where isNameDotLookalike(t[k].value) && FoldTable.isHan(folded[k - 1]) && FoldTable.isHan(folded[k + 1]) {
                out[k] = 0xB7
            }
        }
        return out
    }

    /// Characters written for the middle dot of a foreign name: the full-width full stop, the small
    /// full stop and the bullet. Compared, not hashed: it is asked at every character.
    @inline(__always) static func isNameDotLookalike(_ v: UInt32) -> Bool {
        // Han characters (below U+FE52) and ASCII fail in two comparisons.
        v == 0x2022 || (v >= 0xFE52 && (v == 0xFF0E || v == 0xFE52))
    }

    mutating func matchDictionaries() {
        let raw = lexicon.automaton.scan(text)
        var names: [PatternMatch] = []
        names.reserveCapacity(raw.count)
        let roles = lexicon.patternRoles
        // Room for one hit per cue match (most cue words have one): grown from empty, the list
        // was reallocated three times a document.
        var cueMatches = 0
        for m in raw where roles[Int(m.pattern)] & Lexicon.isCue != 0 { cueMatches += 1 }
        cues.reserveCapacity(cueMatches)
        for m in raw {
            let p = Int(m.pattern)
            let role = roles[p]
            if role & Lexicon.isCue != 0 {
                for hit in lexicon.cues[p] { cues.append((m.start, m.end, hit)) }
            }
            if role & (Lexicon.isName | Lexicon.isGeneric) != 0,
               !OverlapPolicy.cutsLatinWord(text, start: m.start, end: m.end, fold: lexicon.fold) {
                names.append(PatternMatch(start: m.start, end: m.end, pattern: m.pattern))
            }
        }
        cues.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        cueFlags = CueEdges.flags(cues, count: folded.count)
        shortenPlacesCutByWords(&names)
        // Room for the dictionary's mentions and as many again from the rules: the array regrew
        // from empty, each time copying every mention so far.
        mentions.reserveCapacity(2 * names.count)
        let cueStarts = cues.map(\.start)
        for var m in OverlapPolicy.leftmostLongest(names) {
            // A place that swallows the start of a title (桃園市|長 in 桃園市長張善政) gives way to the
            // title when its shorter form names the same place (桃園).
            var lo = 0, hi = cueStarts.count
            while lo < hi { let mid = (lo + hi) / 2; if cueStarts[mid] <= m.start { lo = mid + 1 } else { hi = mid } }
            var k = lo
            while k < cues.count && cues[k].start < m.end {
                let c = cues[k]
                k += 1
                guard c.hit.role == .before && c.end > m.end else { continue }
                if let p = lexicon.patternIndex[foldedString(m.start, c.start)],
                   Set(lexicon.refs[p].map(\.entry)) == Set(lexicon.refs[Int(m.pattern)].map(\.entry)) {
                    m = PatternMatch(start: m.start, end: c.start, pattern: Int32(p))
                }
            }
            // Kind, candidates and preferred entry depend on the pattern only (`Lexicon.patternMentions`).
            // Each mention is built in the call that adds it (a local mention was copied into
            // the array, then destroyed: twice its references retained and released).
            let named = lexicon.patternMentions[Int(m.pattern)]
            if let type = named.type {
                add(Mention(start: m.start, end: m.end, type: type, candidates: named.candidates,
                            preferred: named.preferred ? named.candidates[0] : nil))
            } else {
                // A generic body name no entry holds (衛生部): its state comes from context.
                add(Mention(start: m.start, end: m.end, type: .agency, candidates: [], rule: "generic-body", canonical: nil,
                            preferred: named.preferred ? named.candidates[0] : nil))
            }
        }
    }

    /// A place whose last characters start an ICU word that runs past it (日本海|軍 in 日本|海軍,
    /// 日本國|家 in 日本|國家|足球隊, 以色列國|防軍 in 以色列|國防軍) gives way to its shorter form ending
    /// where that word starts, when the shorter form is a place too (日本, 以色列): the longer place
    /// cut the word, and `WordEdgeRule` dropped it, so the body after it was lost with it. Done
    /// before the overlap policy, so that the word's own match (海軍, 國防軍) can win its characters.
    /// A place ending in an administrative suffix (新北市|政府, 台北市|長) is left to the rules that
    /// read those, and a name that starts where the place ends keeps it whole (蒙古國|大使館).
    /// Only the long form of a state (日本國, 以色列國) and a sea named after one (日本海) end in a
    /// character that starts the common words after a state's name (國家 國防軍 國會, 海軍 海外 海上);
    /// other places cut by ICU's word are its misreadings (東沙島|海面 cut 島海).
    static let cutEnds = ScalarSet("國海")
    mutating func shortenPlacesCutByWords(_ names: inout [PatternMatch]) {
        guard !tokens.isEmpty else { return }
        let kinds = lexicon.patternMentions
        // A name that starts right where the place ends (蒙古國|大使館, which ICU cuts 國大|使館) keeps the place whole.
        // The starts are hashed on first need, after the character tests (most documents have no
        // place ending in 國 or 海); a name's start does not change below.
        var starts: Set<Int>? = nil
        for n in names.indices {
            let m = names[n]
            guard m.end - m.start >= 3, kinds[Int(m.pattern)].type == .place,
                  Self.cutEnds.contains(folded[m.end - 1]),
                  !WordEdgeRule.placeSuffixes.contains(folded[m.end - 1]) else { continue }
            if starts == nil { starts = Set(names.map(\.start)) }
            guard !starts!.contains(m.end) else { continue }
            // The token that holds the place's last character.
            var lo = 0, hi = tokens.count
            while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end < m.end { lo = mid + 1 } else { hi = mid } }
            guard lo < tokens.count else { continue }
            let t = tokens[lo]
            guard t.start > m.start + 1, t.start < m.end, t.end > m.end,
                  (t.start..<t.end).allSatisfy({ FoldTable.isHan(folded[$0]) }),
                  let p = lexicon.patternIndex[foldedString(m.start, t.start)], kinds[p].type == .place else { continue }
            names[n] = PatternMatch(start: m.start, end: t.start, pattern: Int32(p))
        }
    }

    /// Appends `m` and marks its span. `m` is consumed: a caller's last use moves it into the
    /// array instead of copying it (a copy retains and releases its references).
    mutating func add(_ m: consuming Mention) {
        let i = Int32(mentions.count)
        let start = m.start, end = m.end
        mentions.append(m)
        for k in start..<end { owner[k] = i }
    }

    /// Moves the end of mention `i` to `end` (the span `old end..<end` must be free).
    mutating func extend(_ i: Int, to end: Int) {
        for k in mentions[i].end..<end { owner[k] = Int32(i) }
        mentions[i].end = end
    }

    /// Removes mentions inside `start..<end` (a longer rule finding replaces them).
    mutating func clear(_ start: Int, _ end: Int) {
        for k in start..<end {
            let o = owner[k]
            if o >= 0 {
                let m = mentions[Int(o)]
                for j in m.start..<m.end { owner[j] = -1 }
                mentions[Int(o)].end = mentions[Int(o)].start // emptied; dropped in entities()
            }
        }
    }

    /// The index of the first token that starts at or after `pos` (`tokens.count` when none): a
    /// binary search, for the rules that walk ICU words from an entity's edge.
    func firstToken(atOrAfter pos: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].start < pos { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// The end of the ICU word that starts at `pos`, or nil when no word starts there.
    func wordEnd(startingAt pos: Int) -> Int? {
        let t = firstToken(atOrAfter: pos)
        return t < tokens.count && tokens[t].start == pos ? tokens[t].end : nil
    }

    /// Characters that start a count, not a name (三家, 一批, 兩地, 數家, 多所), Traditional and
    /// Simplified. Neither 第 (青島市第三醫院 is a name) nor 零 (法國|零售|集團) is among them: a rule
    /// that refuses those too checks `ordinal` and `zero` itself.
    static let countFirst = ScalarSet("〇一二三四五六七八九十百千萬万兩两幾几數数多")
    static let ordinal: UInt32 = 0x7B2C // 第
    static let zero: UInt32 = 0x96F6 // 零

    func isFree(_ start: Int, _ end: Int) -> Bool {
        guard start >= 0, end <= text.count, start < end else { return false }
        for k in start..<end where owner[k] >= 0 { return false }
        return true
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(scalars: text[start..<end])
    }

    func foldedString(_ start: Int, _ end: Int) -> String {
        String(scalars: folded[start..<end].lazy.map { Unicode.Scalar($0)! })
    }

    mutating func applyRules() {
        NameExtensionRules.apply(&self)
        VillageRule.apply(&self)
        TeamRule.apply(&self)
        PlacePrefixRules.apply(&self)
        UnitCompoundRules.apply(&self)
        LeaderGovernmentRule.apply(&self)
        FacilityRule.apply(&self)
        CompassPlaceRule.apply(&self)
        QuotedBodyRule.apply(&self)
        PersonRules.apply(&self)
        OrganizationHeadRule.apply(&self)
        ForeignPlaceRule.apply(&self)
        PlaceHeadRule.apply(&self)
        DefinedPlaceRule.apply(&self)
        ShortPlaceRule.apply(&self)
        KindBeforePlaceRule.apply(&self)
        UnlistedOrganizationRule.apply(&self)
        PlaceNamedOrganizationRule.apply(&self)
        PartyRule.apply(&self)
        OrganRules.apply(&self)
        ChannelRule.apply(&self)
        EnglishNameRule.apply(&self)
        NameFinder.apply(&self)
        ContextTypeRule.apply(&self)
        NameExtensionRules.dropGlosses(&self)
        WordEdgeRule.apply(&self)
        SpanVerbRule.apply(&self)
        PlaceLedNameRule.apply(&self)
        ContinentRule.apply(&self)
        LanguageRule.apply(&self)
    }

    /// Finds every other free occurrence of each template's surface (folded) and adds it as a
    /// copy of that template; longer surfaces first where two start at the same place. One pass
    /// over the text for all templates.
    ///
    /// A surface is kept as a span of `folded` where its template stands (no array per
    /// template), and a template is read (copied) only where its surface is found, not at each
    /// position tried.
    ///
    /// The surfaces are one array sorted by (first character, length descending, template
    /// order): the run of a first character is the list a `[UInt32: [Int]]` keyed by it held,
    /// in the order a stable sort by length gave it, found by binary search. The dictionary
    /// (an allocation per first character, a hash per character tried) and the heap bitmap
    /// were half the function's instructions at about one call a document.
    mutating func propagate(_ templates: [Mention]) {
        if templates.isEmpty { return }
        let f = folded
        // (first character, length, template) of every template of two characters or more.
        var surfaces: [(first: UInt32, count: Int, start: Int, template: Int)] = []
        surfaces.reserveCapacity(templates.count)
        for t in templates.indices where templates[t].end - templates[t].start >= 2 {
            let start = templates[t].start
            surfaces.append((f[start], templates[t].end - start, start, t))
        }
        if surfaces.isEmpty { return }
        // The order is total (the template breaks ties), so any sort gives it; a rule's templates
        // are a handful, and an insertion sort allocates nothing (the library's stable sort took
        // a buffer each call: 2,000 instructions for a few surfaces).
        @inline(__always) func before(_ a: (first: UInt32, count: Int, start: Int, template: Int),
                                      _ b: (first: UInt32, count: Int, start: Int, template: Int)) -> Bool {
            a.first != b.first ? a.first < b.first : a.count != b.count ? a.count > b.count : a.template < b.template
        }
        if surfaces.count <= 32 {
            for k in 1..<surfaces.count {
                let s = surfaces[k]
                var j = k
                while j > 0 && before(s, surfaces[j - 1]) { surfaces[j] = surfaces[j - 1]; j -= 1 }
                surfaces[j] = s
            }
        } else {
            surfaces.sort(by: before)
        }
        // A surface already listed keeps its first template: equal surfaces are neighbours after
        // the sort (same first character and length), the first template first.
        var kept: [(first: UInt32, count: Int, start: Int, template: Int)] = []
        kept.reserveCapacity(surfaces.count)
        var group = 0 // where the kept surfaces of the current (first, count) start
        for s in surfaces {
            if let last = kept.last, last.first == s.first, last.count == s.count {
                if kept[group...].contains(where: { f[$0.start..<($0.start + $0.count)] == f[s.start..<(s.start + s.count)] }) { continue }
            } else {
                group = kept.count
            }
            kept.append(s)
        }
        let n = f.count
        // 768 bytes: under the 1 KB that `withUnsafeTemporaryAllocation` keeps on the stack without
        // asking (1,536 bytes went to the heap, about 700 instructions a call).
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 96) { bits in
            // First and second characters hashed to 2,048 bits each, and their union; a false
            // positive only costs the look-up that follows (the positions tried do not depend on
            // the hash). Words 0..<32: first characters; 32..<64: second; 64..<96: either.
            bits.initialize(repeating: 0)
            @inline(__always) func set(_ c: UInt32, _ base: Int) { bits[base + Int((c >> 6) & 31)] |= 1 << UInt64(c & 63) }
            @inline(__always) func has(_ c: UInt32, _ base: Int) -> Bool { bits[base + Int((c >> 6) & 31)] & (1 << UInt64(c & 63)) != 0 }
            for s in kept {
                set(s.first, 0)
                set(s.first, 64)
                set(f[s.start + 1], 32)
                set(f[s.start + 1], 64)
            }
            f.withUnsafeBufferPointer { fp in
                var i = 0
                while i < n {
                    // Skips to the next position where a template may start. Every surface has two
                    // characters or more: a character that is no surface's first or second character
                    // starts none there and none before it, so the walk reads every other character
                    // where the text holds none of them; a position is returned only when its
                    // character may start a surface and the next may continue one. A position
                    // skipped could start no surface, so the positions tried below are those of the
                    // plain walk that tried every first character.
                    // Wrapping arithmetic (k < n, so no step overflows): the checked `+` put
                    // two overflow tests in this loop of ~18 instructions a step.
                    var k = i
                    i = n
                    while k &+ 1 < n {
                        let c = fp[k &+ 1]
                        if !has(c, 64) { k &+= 2; continue }
                        if has(c, 32) && has(fp[k], 0) { i = k; break }
                        k &+= 1
                    }
                    guard i < n else { break }
                    let c = fp[i]
                    guard owner[i] < 0 else { i += 1; continue }
                    // The run of surfaces starting with `c` (none on a false positive of the bits).
                    var lo = 0, hi = kept.count
                    while lo < hi { let mid = (lo + hi) / 2; if kept[mid].first < c { lo = mid + 1 } else { hi = mid } }
                    var advanced = false
                    var r = lo
                    while r < kept.count && kept[r].first == c {
                        let surface = kept[r]
                        r += 1
                        guard i + surface.count <= n else { continue }
                        var same = true
                        for d in 0..<surface.count where fp[i + d] != fp[surface.start + d] { same = false; break }
                        guard same, isFree(i, i + surface.count) else { continue }
                        var m = templates[surface.template]
                        m.start = i
                        m.end = i + surface.count
                        add(m)
                        i += surface.count
                        advanced = true
                        break
                    }
                    if !advanced { i += 1 }
                }
            }
        }
    }

    func entities() -> [Entity] {
        // Mentions are put in order (by start, then end, then as found) before the entities are
        // built: the keys are sorted by themselves (a comparison that reads two mentions through
        // their indexes misses the cache on each), and only when some pair is out of order.
        var keys: [(start: Int, end: Int, index: Int)] = []
        keys.reserveCapacity(mentions.count)
        var inOrder = true
        for i in mentions.indices where mentions[i].end > mentions[i].start {
            let key = (start: mentions[i].start, end: mentions[i].end, index: i)
            if let last = keys.last, key < last { inOrder = false }
            keys.append(key)
        }
        if !inOrder { keys.sort { $0 < $1 } }
        let order = keys.prefix(DocumentLimits.maxEntities) // the analyzer reports reaching the limit
        var out: [Entity] = []
        out.reserveCapacity(order.count)
        // Each entity is appended first and filled in place: appending a filled local copies it
        // (a dozen references retained, then released).
        var ruleSources = RuleSources()
        for (_, _, i) in order {
            let start = mentions[i].start, end = mentions[i].end
            out.append(Entity(type: mentions[i].type, text: "", start: start, end: end, source: ""))  // text: `tag` sets it
            fill(&out[out.count - 1], from: i, ruleSources: &ruleSources)
        }
        return out
    }

    /// The `source` of each rule's entities, `rule:NAME`, made once per rule in a document and
    /// shared by its entities: concatenating it for each entity allocated a String each time
    /// (most are longer than the 15 bytes a String holds inline).
    private struct RuleSources {
        var known: [(rule: String, source: String)] = []

        mutating func source(of rule: String) -> String {
            let n = rule.utf8.count
            for k in known.indices where known[k].rule.utf8.count == n && known[k].rule == rule { return known[k].source }
            let source = "rule:" + rule
            known.append((rule, source))
            return source
        }
    }

    /// The dictionary or rule fields of the entity of mention `i`. Fields are read in place
    /// (`mentions[i].rule`, `entries[k].canonical`): copying a whole Mention or DictionaryEntry
    /// retains and releases each of its references.
    private func fill(_ e: inout Entity, from i: Int, ruleSources: inout RuleSources) {
        e.role = mentions[i].role
        if mentions[i].type == .agency {
            e.jurisdiction = mentions[i].jurisdiction
            e.jurisdictionSource = mentions[i].jurisdictionSource
        }
        if let rule = mentions[i].rule {
            e.source = ruleSources.source(of: rule)
            e.canonical = mentions[i].canonical
            e.parent = mentions[i].parentName
            if let k = mentions[i].linked {
                e.id = lexicon.reportIDs[k]
            } else if mentions[i].type == .person, let c = e.canonical {
                // One canonical per person: the Traditional form, folded character by character.
                e.canonical = lexicon.names.canonicalName(c, fold: lexicon.fold)
            }
        } else if mentions[i].candidates.count == 1 {
            let k = mentions[i].candidates[0]
            e.source = lexicon.locations[k]
            e.canonical = lexicon.entries[k].canonical
            e.id = lexicon.reportIDs[k]
            e.parent = lexicon.parentCanonicals[k]
            e.level = lexicon.entries[k].level
        } else {
            let m = mentions[i]
            let entries = m.candidates.map { lexicon.entries[$0] }
            e.source = entries.map(\.location).joined(separator: " ")
            e.ambiguous = true
            e.candidates = entries.map(\.canonical)
        }
    }
}
