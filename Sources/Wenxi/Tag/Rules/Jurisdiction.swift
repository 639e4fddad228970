import Foundation

/// What the dictionaries say about the jurisdiction of bodies, compiled once with the `Lexicon`.
///
/// - Every entry's *state* (`states`): an agency's jurisdiction is its `jurisdiction` column when
///   it has one, `intl` for level `international`, else the ISO code that starts its id
///   (`us.treasury` → `US`, `tw.mof` → `TW`); a place's is the code after `pl.` (`pl.us.dc` →
///   `US`); an organization's or person's comes from `state-words.tsv` id prefixes
///   (`org.party.kmt` → `TW`), from an id of the form `org.CLASS.CC.NAME`, or from its parent
///   (a politician's party).
/// - *Stems* (`entries(stem:state:)`): the generic name a body goes by inside its own country.
///   Taiwan's bodies: each of their surface forms (財政部 → 財政部). Other states: their
///   contextual aliases (`~財政部`), and each surface form less a leading place or state word of
///   the same state (美國財政部, 美財政部 → 財政部 for `US`; 中國人民銀行's 中國央行 → 央行 for `CN`).
/// - *Generic* names (`isGeneric`): the forms of `generic-bodies.tsv`, and every stem that
///   belongs to bodies of two or more states. Their jurisdiction comes from the text around them
///   (`JurisdictionResolver`).
/// A class, not a struct: its fifteen tables are read by many rule functions that bind
/// `lex.jurisdiction` to a local, and a struct copy retains and releases every table (1,390
/// copies over every 30th post); a class reference is one.
package final class JurisdictionTable: Sendable {
    /// Per entry (index into `Lexicon.entries`): its state (`TW`, `US`, `intl` …) or nil.
    package let states: [String?]
    /// Folded stem -> state -> entry indexes.
    let stems: [[UInt32]: [String: [Int]]]
    /// Folded generic forms.
    let generic: Set<[UInt32]>
    /// Folded back-reference words (該國) that point at the last state named.
    let backReferences: Set<[UInt32]>
    /// Folded words that name several states (各國, 等國, 其他國家: `state-words.tsv` class
    /// `plural`), longest first: a generic body right after one (各國央行, 美日等國外交部) is a
    /// kind of body, no one state's.
    let pluralReferences: [[UInt32]]
    /// Folded state words written before body names (美, 陸, 台): word -> state.
    let prefixWords: [[UInt32]: String]
    /// The same words by their last scalar, longest first: the resolver looks up the scalar
    /// before a mention instead of walking every word.
    let prefixWordsByLast: [UInt32: [(form: [UInt32], state: String)]]
    /// Folded collective words that are a body only after a place (香港警方, 中國軍方), longest first.
    let collective: [[UInt32]]
    /// Folded names of historical states (清朝, 大清, 蘇聯: `state-words.tsv` class `historical`)
    /// and the state that holds their land today, by first scalar: evidence for generic names
    /// (清朝海陸軍 is no body of Taiwan's even with 台灣 in the sentence).
    let historical: [UInt32: [(form: [UInt32], state: String)]]
    /// The first scalars of `historical`'s forms: the scan tests a bit before hashing a scalar.
    let historicalFirst: ScalarSet
    /// Folded forms that are only `~aliases` of Taiwan's bodies (秘書處, 水務局, 消防局 of its
    /// cities): the name alone does not say the state, so they are resolved like generic names
    /// (keeping their Taiwan body when the evidence says Taiwan) and are no evidence.
    /// Form -> the number of bodies it names.
    let contextualOnly: [[UInt32]: Int]
    /// Missions (an agency whose name has 駐 and ends in 館): entry, state, the places named
    /// after 駐 in its forms (entry indexes), and whether it is a consulate.
    let missions: [(entry: Int, state: String, hosts: Set<Int>, consulate: Bool)]
    /// The states listed in `places.tsv` as countries or territories (`pl.XX`), plus `intl`.
    package let knownStates: Set<String>
    /// Local bodies named by their place (`generic-bodies.tsv` rows with `local_state` and
    /// `local_name`): folded form, the state whose places take it, and the name the canonical
    /// appends to the place's (上海市 + 公安局; 武漢市 + 衛健委 → 武漢市衛生健康委員會). Longest first.
    let localBodies: [(form: [UInt32], state: String, name: String)]
    /// Each form of a `generic-bodies.tsv` row -> the row's first form (中央銀行 -> 央行): the
    /// forms of one generic name, for the state a story gave that name first.
    let families: [[UInt32]: [UInt32]]

    init(states: [String?], stems: [[UInt32]: [String: [Int]]], generic: Set<[UInt32]>, backReferences: Set<[UInt32]>,
         pluralReferences: [[UInt32]], prefixWords: [[UInt32]: String],
         prefixWordsByLast: [UInt32: [(form: [UInt32], state: String)]], collective: [[UInt32]],
         historical: [UInt32: [(form: [UInt32], state: String)]], historicalFirst: ScalarSet,
         contextualOnly: [[UInt32]: Int], missions: [(entry: Int, state: String, hosts: Set<Int>, consulate: Bool)],
         knownStates: Set<String>, localBodies: [(form: [UInt32], state: String, name: String)],
         families: [[UInt32]: [UInt32]]) {
        self.states = states
        self.stems = stems
        self.generic = generic
        self.backReferences = backReferences
        self.pluralReferences = pluralReferences
        self.prefixWords = prefixWords
        self.prefixWordsByLast = prefixWordsByLast
        self.collective = collective
        self.historical = historical
        self.historicalFirst = historicalFirst
        self.contextualOnly = contextualOnly
        self.missions = missions
        self.knownStates = knownStates
        self.localBodies = localBodies
        self.families = families
    }

    /// The generic name `form` is a form of (itself when it is no generic-body form).
    func family(_ form: [UInt32]) -> [UInt32] { families[form] ?? form }

    package func isGeneric(_ folded: [UInt32]) -> Bool { generic.contains(folded) }

    /// Entries whose stem in `state` is `stem` (folded).
    func entries(stem: [UInt32], state: String) -> [Int] { stems[stem]?[state] ?? [] }

    /// The state an agency entry belongs to from its columns and id alone (nil when none can be
    /// derived): `jurisdiction` column, level `international`, or the id's first segment.
    package static func agencyState(_ e: DictionaryEntry) -> String? {
        if let j = e.fields["jurisdiction"], !j.isEmpty { return j }
        if e.level == "international" { return "intl" }
        return isoPrefix(e.id, segment: 0)
    }

    /// The id segment `segment` upper-cased when it is two ASCII letters.
    static func isoPrefix(_ id: String, segment: Int) -> String? {
        // On the bytes: this runs for every entry at start-up (splitting allocates).
        var seg = 0, len = 0
        var a: UInt8 = 0, b: UInt8 = 0
        for c in id.utf8 {
            if c == 0x2E {
                if seg == segment { break }
                seg += 1
                continue
            }
            guard seg == segment else { continue }
            len += 1
            if len == 1 { a = c } else if len == 2 { b = c } else { return nil }
        }
        guard seg == segment, len == 2, a >= 0x61 && a <= 0x7A, b >= 0x61 && b <= 0x7A else { return nil }
        return String(decoding: [a - 0x20, b - 0x20], as: UTF8.self)
    }

    /// The number of `.`-separated segments of an id.
    static func segmentCount(_ id: String) -> Int {
        var n = 1
        for c in id.utf8 where c == 0x2E { n += 1 }
        return n
    }

    static func build(entries: [DictionaryEntry], kinds: [DictionaryKind], indexOfID: [String: Int], automaton: Automaton,
                      refs: [[SurfaceRef]], folded: ([UInt32]) -> [UInt32], fold: FoldTable) -> JurisdictionTable {
        // One array per form (not the scalars, then their fold).
        func f(_ s: String) -> [UInt32] { s.unicodeScalars.map { fold.fold($0.value) } }

        // State words: id prefixes, prefixes of names, back-references.
        var idPrefixes: [(String, String, String)] = []
        var prefixWords: [[UInt32]: String] = [:]
        var backRefs = Set<[UInt32]>()
        var plurals: [[UInt32]] = []
        var genericForms = Set<[UInt32]>()
        var collective: [[UInt32]] = []
        var historical: [UInt32: [(form: [UInt32], state: String)]] = [:]
        var localBodies: [(form: [UInt32], state: String, name: String)] = []
        var families: [[UInt32]: [UInt32]] = [:]
        var known: Set<String> = ["intl"]
        for i in entries.indices {
            switch kinds[i] {
            case .stateWord:
                let state = entries[i].fields["jurisdiction"] ?? ""
                for w in [entries[i].canonical] + entries[i].aliases {
                    switch entries[i].entryClass ?? "" {
                    case "id-prefix": idPrefixes.append((w, state, w + "."))
                    case "back-reference": backRefs.insert(f(w))
                    case "plural": if !plurals.contains(f(w)) { plurals.append(f(w)) }
                    case "historical":
                        let form = f(w)
                        if form.count >= 2 && !state.isEmpty { historical[form[0], default: []].append((form, state)) }
                    default: if !state.isEmpty { prefixWords[f(w)] = state }
                    }
                }
            case .genericBody:
                for w in [entries[i].canonical] + entries[i].aliases {
                    if entries[i].entryClass == "collective" { collective.append(f(w)) } else { genericForms.insert(f(w)) }
                    if let st = entries[i].fields["local_state"], let name = entries[i].fields["local_name"] { localBodies.append((f(w), st, name)) }
                    if entries[i].entryClass != "collective", w != entries[i].canonical { families[f(w)] = f(entries[i].canonical) }
                }
            case .place:
                if segmentCount(entries[i].id) == 2, entries[i].id.hasPrefix("pl."), let s = isoPrefix(entries[i].id, segment: 1) { known.insert(s) }
            default:
                break
            }
        }
        idPrefixes.sort { $0.0.count > $1.0.count }

        // States per entry: own evidence first, then parents (a few passes: chains are short).
        var states = [String?](repeating: nil, count: entries.count)
        for i in entries.indices {
            switch kinds[i] {
            case .agency:
                states[i] = agencyState(entries[i])
            case .place:
                if entries[i].id.hasPrefix("pl.") { states[i] = isoPrefix(entries[i].id, segment: 1) }
            case .organization, .person:
                let id = entries[i].id
                if let j = entries[i].fields["jurisdiction"], !j.isEmpty { states[i] = j; continue }
                if let p = idPrefixes.first(where: { id == $0.0 || id.hasPrefix($0.2) }) { states[i] = p.1; continue }
                if kinds[i] == .organization, segmentCount(id) >= 4, let s = isoPrefix(id, segment: 2), known.contains(s) {
                    states[i] = s
                }
            default:
                break
            }
        }
        // An organization named after its country (加拿大保守黨, 英國廣播公司): that country.
        for i in entries.indices where states[i] == nil && kinds[i] == .organization {
            let name = Array(entries[i].canonical.unicodeScalars)
            var best = (len: 0, state: nil as String?)
            for m in automaton.scan(name) where m.start == 0 && m.end < name.count && m.end > best.len {
                if let r = refs[Int(m.pattern)].first(where: { kinds[Int($0.entry)] == .place && states[Int($0.entry)] != nil }) {
                    best = (m.end, states[Int(r.entry)])
                }
            }
            states[i] = best.state
        }
        for _ in 0..<4 {
            for i in entries.indices where states[i] == nil && (kinds[i] == .organization || kinds[i] == .person || kinds[i] == .place) {
                if let p = entries[i].parent, let pi = indexOfID[p], let s = states[pi] { states[i] = s }
            }
        }

        // Stems of agencies.
        var stems: [[UInt32]: [String: [Int]]] = [:]
        func addStem(_ stem: [UInt32], _ state: String, _ i: Int) {
            guard stem.count >= 2 else { return }
            // In place: a copy of the inner dictionary taken out and stored back was copied whole
            // on every write (it was still referenced from `stems`).
            if !(stems[stem]?[state]?.contains(i) ?? false) { stems[stem, default: [:]][state, default: []].append(i) }
        }
        // The state words by their state: a form's leading state word is looked for among its own
        // state's words only.
        var prefixWordsOfState: [String: [[UInt32]]] = [:]
        for (w, ws) in prefixWords { prefixWordsOfState[ws, default: []].append(w) }
        for i in entries.indices where kinds[i] == .agency {
            guard let state = states[i] else { continue }
            for s in entries[i].contextualAliases { addStem(f(s), state, i) }
            for s in [entries[i].canonical] + entries[i].aliases {
                let form = f(s)
                if state == "TW" { addStem(form, state, i) }
                // The longest leading place (or state word) of the same state.
                var cut = 0
                for m in automaton.scan(Array(s.unicodeScalars)) where m.start == 0 && m.end < form.count && m.end > cut {
                    if refs[Int(m.pattern)].contains(where: { kinds[Int($0.entry)] == .place && states[Int($0.entry)] == state }) {
                        cut = m.end
                    }
                }
                for w in prefixWordsOfState[state] ?? [] where w.count > cut && w.count < form.count && form.starts(with: w) {
                    cut = w.count
                }
                if cut > 0 { addStem(Array(form[cut...]), state, i) }
            }
        }
        // Missions and the places their names give after 駐.
        var missions: [(entry: Int, state: String, hosts: Set<Int>, consulate: Bool)] = []
        let zhu: UInt32 = 0x99D0, guan: UInt32 = 0x9928, ling: UInt32 = 0x9818
        for i in entries.indices where kinds[i] == .agency {
            guard let state = states[i] else { continue }
            let canon = f(entries[i].canonical)
            guard canon.last == guan, canon.contains(zhu) else { continue }
            var hosts = Set<Int>()
            for s in [entries[i].canonical] + entries[i].aliases {
                let sc = Array(s.unicodeScalars)
                let fs = f(s)
                guard let z = fs.firstIndex(of: zhu) else { continue }
                for m in automaton.scan(sc) where m.start == z + 1 {
                    for r in refs[Int(m.pattern)] where kinds[Int(r.entry)] == .place { hosts.insert(Int(r.entry)) }
                }
            }
            if !hosts.isEmpty { missions.append((i, state, hosts, canon.count >= 3 && canon[canon.count - 3] == ling)) }
        }
        var generic = genericForms
        for (stem, byState) in stems where byState.count >= 2 { generic.insert(stem) }
        // Forms that only Taiwan's bodies hold, and only as `~aliases`.
        var contextualOnly: [[UInt32]: Int] = [:]
        for i in entries.indices where kinds[i] == .agency && states[i] == "TW" {
            for s in entries[i].contextualAliases {
                let sc = Array(s.unicodeScalars)
                let whole = automaton.scan(sc).filter { $0.start == 0 && $0.end == sc.count }
                if !whole.isEmpty, whole.allSatisfy({ refs[Int($0.pattern)].allSatisfy { $0.contextual && states[Int($0.entry)] == "TW" } }) {
                    contextualOnly[f(s)] = Set(whole.flatMap { refs[Int($0.pattern)].map(\.entry) }).count
                }
            }
        }
        for k in historical.keys { historical[k]!.sort { $0.form.count > $1.form.count } }
        var prefixWordsByLast: [UInt32: [(form: [UInt32], state: String)]] = [:]
        for (w, ws) in prefixWords where !w.isEmpty { prefixWordsByLast[w[w.count - 1], default: []].append((w, ws)) }
        for k in prefixWordsByLast.keys {
            prefixWordsByLast[k]!.sort { $0.form.count != $1.form.count ? $0.form.count > $1.form.count : $0.form.lexicographicallyPrecedes($1.form) }
        }
        return JurisdictionTable(states: states, stems: stems, generic: generic, backReferences: backRefs,
                                 pluralReferences: plurals.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }, prefixWords: prefixWords, prefixWordsByLast: prefixWordsByLast, collective: collective.sorted { $0.count > $1.count },
                                 historical: historical, historicalFirst: ScalarSet(historical.keys), contextualOnly: contextualOnly,
                                 missions: missions, knownStates: known, localBodies: localBodies.sorted { $0.form.count > $1.form.count },
                                 families: families)
    }
}

/// Decides the jurisdiction of every agency mention (after the context resolver), and for a
/// generic name (財政部, 央行, 國會 …) picks the body of that state.
///
/// Evidence, strongest first; the first that names one state wins and is recorded in
/// `jurisdiction_source`:
/// 1. `name`: the name is not generic: its dictionary entry's state (美國財政部, 港府, 國台辦).
/// 2. `prefix`: a place or state-bearing entity right before the mention, or before it with
///    的/時任/前/現任 between (日本的防衛省); a place glued to the name was already merged into it
///    by `PlacePrefixRules` (中國外交部, 法國央行).
/// 3. `back-reference`: 該國 right before the mention: the last state named before it.
/// 4. `context`: the states of the names around it (places, non-generic agencies, people and
///    organizations whose entries carry a state): the same sentence counts 2, the previous
///    sentence 1; a unique best wins. Taiwan's own evidence needs to beat the others.
/// 5. `dateline`: the place of the CNA dateline （中央社華盛頓3日電）.
/// 6. `title`: the one state the headline names most.
/// 7. `script`: Simplified text leans `CN`, Traditional `TW`.
///
/// A bare generic name in Traditional text whose state nothing in the document names (no place,
/// body or person around it, no dateline, headline or outlet) is dropped when only the script
/// links it to Taiwan (`script` evidence) and Taiwan's body has another name: 內閣
/// (行政院), 國會 (立法院), 海軍, 立法會 or 特區政府 in a text of unknown origin (an
/// encyclopedia on Ming China or Ukraine) is no body of Taiwan, and the encyclopedic key tags no
/// bare common noun. Only a name other states' bodies bear too (the generic names: 內閣, 國會,
/// 議會) or one the generic-body rule found is dropped (`isUnanchored`): an abbreviation only
/// Taiwan's bodies bear (市府, 資科局: a `~alias`, contextual but Taiwan's alone) stays as the
/// evidence left it. A Taiwan body named by its own name (文化部, 外交部, 總統府) stays: a
/// Taiwanese post without a dateline names its own government so, and so does a body a rule
/// named in full (a quoted new body, a place's bureau). Simplified text keeps its bodies (its
/// script says a PRC outlet wrote it).
///
/// A generic mention then takes the entry whose stem in that state is its text; with none it
/// stays an agency of that jurisdiction with no canonical (`rule:generic-body`). A Taiwan body is
/// never kept when the evidence names another state.
enum JurisdictionResolver {
    static let gapCharacters = ScalarSet("的時任前現新“「『")
    static let quoteOpen = ScalarSet("《「“『〈")
    static let listSeparators = ScalarSet("、和與及")
    static let quoteClose = ScalarSet("》」”』〉")

    static func resolve(_ doc: inout TaggingDocument, sentences: [Span], title: String?) {
        // The sets read once here, not once a character in the loops below (each read of a static
        // checks its lazy initialisation: 13,713 swift_once calls over every 30th post).
        let gapCharacters = Self.gapCharacters, quoteOpen = Self.quoteOpen
        let listSeparators = Self.listSeparators, quoteClose = Self.quoteClose
        let lex = doc.lexicon
        let table = lex.jurisdiction
        // The mentions' stored fields are read through the array's buffer in this function: asked
        // through its subscript here, a field went through an outlined getter that copied the whole
        // mention and released it (about 11,600 copies at `scripts/tag-instructions --every 30`).
        var agencyIdx: [Int] = []
        doc.mentions.withUnsafeBufferPointer { ms in
            for i in ms.indices where ms[i].type == .agency && ms[i].end > ms[i].start { agencyIdx.append(i) }
            agencyIdx.sort { ms[$0].start < ms[$1].start }
        }
        if agencyIdx.isEmpty { return }

        // `mentions[i].jurisdiction` read where the mention stands. The property is computed, and
        // asked through the array's subscript in this long function it went through an outlined
        // getter that copied the whole mention and released it (~190 instructions, five times for
        // each agency).
        func jurisdiction(_ i: Int) -> String? { doc.mentions.withUnsafeBufferPointer { $0[i].jurisdiction } }
        // Evidence: (start, end, state) of every mention whose entity carries a state, in order.
        func state(of i: Int) -> String? {
            // Read in place: copying the mention costs more than the look-up.
            if let j = jurisdiction(i) { return j }
            return doc.mentions.withUnsafeBufferPointer { ms in
                let candidates = ms[i].candidates
                guard let first = candidates.first else { return nil }
                // Several candidates of one state (ambiguous among Taiwan's cities) still name it.
                let s = table.states[first]
                for c in candidates.dropFirst() where table.states[c] != s { return nil }
                return s
            }
        }
        var generic = [Bool](repeating: false, count: doc.mentions.count)
        // A name that is only a `~alias` of Taiwan's bodies (秘書處, 水務局) says no state by itself either.
        var contextualOnly = [Bool](repeating: false, count: doc.mentions.count)
        var anyGeneric = false
        // Each undecided agency's folded text, copied once: the stem and table look-ups below key on it.
        var forms = [[UInt32]](repeating: [], count: doc.mentions.count)
        for i in agencyIdx where jurisdiction(i) == nil {
            let (start, end, named, mission) = doc.mentions.withUnsafeBufferPointer { ($0[i].start, $0[i].end, !$0[i].candidates.isEmpty, $0[i].mission) }
            let form = Array(doc.folded[start..<end])
            forms[i] = form
            contextualOnly[i] = named && table.contextualOnly[form] != nil
            generic[i] = mission || table.isGeneric(form) || contextualOnly[i]
            anyGeneric = anyGeneric || generic[i]
        }
        // When every mention's name says its state (most documents), none reads the evidence:
        // each takes its own state, and the quotes, evidence, dateline and headline are not read.
        let needsEvidence = agencyIdx.contains { i in
            jurisdiction(i) == nil && (generic[i] || state(of: i) == nil)
        }
        if !needsEvidence {
            var placeCounts: [Int: Int]? = nil
            for i in agencyIdx {
                if jurisdiction(i) == nil, let s = state(of: i) {
                    doc.mentions[i].jurisdiction = s
                    doc.mentions[i].jurisdictionSource = .name
                }
                if doc.mentions[i].candidates.isEmpty, let s = jurisdiction(i) { resolveMission(&doc, i, state: s, placeCounts: &placeCounts) }
            }
            return
        }
        // Names inside book-title brackets or short quotes (a law, a report: 《台灣保證法》) are
        // not what the text is about: no evidence.
        // From each opening bracket (`RuleMarks`), in text order; none stands inside the span read
        // from one, and the bracket that ends the span is read next.
        var quoted = [Bool](repeating: false, count: doc.folded.count)
        var q = 0
        for open in doc.marks[.evidenceQuote] where open >= q {
            var r = open + 1
            while r < doc.folded.count && r - open <= 16 && !quoteClose.contains(doc.folded[r]) && !quoteOpen.contains(doc.folded[r]) { r += 1 }
            if r < doc.folded.count && quoteClose.contains(doc.folded[r]) && (doc.folded[open] == 0x300A || r - open <= 13) {
                for k in open..<r { quoted[k] = true }
            }
            q = r
        }
        var evidence: [(start: Int, end: Int, state: String)] = []
        // Starts of the evidence that is a place (not a body, person or organization).
        var placeStarts = Set<Int>()
        for i in doc.mentions.indices {
            let (start, end, type) = doc.mentions.withUnsafeBufferPointer { ($0[i].start, $0[i].end, $0[i].type) }
            guard end > start, !generic[i], !quoted[start], let s = state(of: i), s != "intl" else { continue }
            evidence.append((start, end, s))
            if type == .place { placeStarts.insert(start) }
        }
        // Names of historical states outside any mention (清朝, 蘇聯): the state of their land
        // today, read only when a generic name needs evidence.
        var historicalStarts = Set<Int>()
        if anyGeneric && !table.historical.isEmpty {
            // At each first character of a former state's name (`RuleMarks`), in text order; a
            // name found skips the marks inside it.
            var next = 0
            let f = doc.folded
            for k in doc.marks[.historicalFirst] where k >= next {
                if doc.owner[k] < 0, !quoted[k], let forms = table.historical[f[k]],
                   let h = forms.first(where: { k + $0.form.count <= f.count && f[k..<(k + $0.form.count)].elementsEqual($0.form) }),
                   (k..<(k + h.form.count)).allSatisfy({ doc.owner[$0] < 0 }) {
                    evidence.append((k, k + h.form.count, h.state))
                    historicalStarts.insert(k)
                    next = k + h.form.count
                }
            }
        }
        evidence.sort { $0.start < $1.start }
        // Evidence never overlaps (mentions do not), so starts and ends are both sorted: the last
        // evidence ending at or before a position is found by binary search, and every scan
        // below stays within a bounded window, so the whole pass is linear in the text.
        func lastEvidence(endingBy pos: Int) -> Int? {
            var lo = 0, hi = evidence.count
            while lo < hi { let mid = (lo + hi) / 2; if evidence[mid].end <= pos { lo = mid + 1 } else { hi = mid } }
            return lo > 0 ? lo - 1 : nil
        }
        func firstEvidence(startingAt pos: Int) -> Int {
            var lo = 0, hi = evidence.count
            while lo < hi { let mid = (lo + hi) / 2; if evidence[mid].start < pos { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        var documentCounts: [String: Int] = [:]
        for e in evidence { documentCounts[e.state, default: 0] += 1 }
        let documentState: String? = {
            let sorted = documentCounts.sorted { $0.value > $1.value }
            guard let first = sorted.first else { return nil }
            return sorted.count == 1 || first.value >= 2 * sorted[1].value ? first.key : nil
        }()

        func sentenceIndex(_ pos: Int) -> Int {
            var lo = 0, hi = sentences.count
            while lo < hi { let mid = (lo + hi) / 2; if sentences[mid].end <= pos { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        let dateline = doc.dateline
        let datelineState: String? = {
            // The foreign press's dateline that opens the body (华盛顿——, 東京 ——): its place.
            if dateline == nil, let e = evidence.first, e.start <= 1, placeStarts.contains(e.start), opensWithDash(doc.folded, e.end) {
                return e.state
            }
            guard let d = dateline else { return nil }
            let s = Set(evidence.filter { d.contains($0.start) }.map(\.state))
            return s.count == 1 ? s.first : nil
        }()
        // In a story dated in Taiwan, Taiwan's press writes a city's body by its short name
        // (市府, 農業局): there an `~alias` of several bodies keeps the one the context resolver
        // chose from the places the document names.
        if datelineState == "TW" {
            for i in agencyIdx where contextualOnly[i] && doc.mentions[i].candidates.count == 1
                && table.contextualOnly[forms[i], default: 0] > 1 {
                contextualOnly[i] = false
                generic[i] = doc.mentions[i].mission || table.isGeneric(forms[i])
            }
        }
        // The headline is read only when a mention gets that far.
        var titleStateCache: String?? = nil
        func titleState() -> String? {
            if let s = titleStateCache { return s }
            let s = computeTitleState()
            titleStateCache = s
            return s
        }
        func computeTitleState() -> String? {
            guard let title, !title.isEmpty else { return nil }
            var counts: [String: Int] = [:]
            let scalars = Array(title.unicodeScalars)
            let foldedTitle = lex.fold.fold(scalars)
            var names: [PatternMatch] = []
            for m in lex.automaton.scan(scalars) where !lex.refs[Int(m.pattern)].isEmpty {
                names.append(PatternMatch(start: m.start, end: m.end, pattern: m.pattern))
            }
            for m in OverlapPolicy.leftmostLongest(names) {
                let pm = lex.patternMentions[Int(m.pattern)]
                guard pm.candidates.count == 1, let s = table.states[pm.candidates[0]], s != "intl" else { continue }
                if pm.type == .agency && table.isGeneric(Array(foldedTitle[m.start..<m.end])) { continue }
                counts[s, default: 0] += 1
            }
            return unique(counts, tieBreak: nil)
        }
        // The script is read only when a generic name needs it (most documents have none).
        var simplifiedCache: Bool? = nil
        func simplified() -> Bool {
            if let s = simplifiedCache { return s }
            let s = isSimplified(doc)
            simplifiedCache = s
            return s
        }

        var placeCounts: [Int: Int]? = nil
        // The state each undecided name was given first in this document.
        var earlier: [[UInt32]: String] = [:]
        // Mentions linked to Taiwan by the script alone: dropped after the loop when unanchored
        // (clearing one inside it would change the owners the later mentions read).
        var scriptOnly: [Int] = []
        // Generic bodies after a word that names several states (各國央行): dropped after the loop.
        var plural: [Int] = []
        for (position, i) in agencyIdx.enumerated() {
            // A body whose name gives no state (「內地核酸檢測支援隊」, a sea's place-body) keeps its
            // name and canonical and takes its jurisdiction from the evidence like a generic one.
            // Read in place: a body that takes its own state (most) is never copied. One that goes
            // on was not changed here (a state found or a mission resolved ends its turn), so the
            // copy below is the mention as the loop found it.
            var keepBody = false
            if !generic[i] {
                if jurisdiction(i) == nil, let s = state(of: i) {
                    doc.mentions[i].jurisdiction = s
                    doc.mentions[i].jurisdictionSource = .name
                }
                if doc.mentions[i].candidates.isEmpty, let s = jurisdiction(i) { resolveMission(&doc, i, state: s, placeCounts: &placeCounts) }
                if jurisdiction(i) != nil { continue }
                keepBody = true
            }
            let m = doc.mentions[i]
            if generic[i] && afterPluralReference(doc, m.start) {
                plural.append(i)
                continue
            }
            var chosen: (String, JurisdictionSource)? = nil
            // A mission named by its host only (駐休斯敦領事館): the state whose missions these are.
            if let host = doc.mentions[i].host {
                let states = Set(table.missions.filter { $0.hosts.contains(host) }.map(\.state))
                if states.count == 1 { chosen = (states.first!, .name) }
            }
            // 2. prefix with a short gap.
            if let k = lastEvidence(endingBy: m.start), case let e = evidence[k], m.start - e.end >= 1, m.start - e.end <= 2,
               (e.end..<m.start).allSatisfy({ gapCharacters.contains(doc.folded[$0]) }),
               doc.owner[e.start] >= 0, doc.mentions[Int(doc.owner[e.start])].type == .place {
                chosen = (e.state, .prefix)
            }
            // A state word glued to the name (台央行, 美國會): prefix. Not before a city's body
            // (韓市府 is 韓國瑜's city government).
            // Nor a character that ends another word (今日|行政會議, 菁英|交流協會, 7日|国务院).
            if chosen == nil && !contextualOnly[i] {
                let words = m.start > 0 ? table.prefixWordsByLast[doc.folded[m.start - 1]] ?? [] : []
                for (w, ws) in words where m.start >= w.count && PlacePrefixRules.has(doc.folded, m.start - w.count, w) {
                    let p = m.start - w.count
                    if p == 0 || (doc.owner[p] < 0 && startsWord(doc, p)) { chosen = (ws, .prefix); break }
                }
            }
            // 3. back-reference.
            if chosen == nil {
                for w in table.backReferences where m.start >= w.count && PlacePrefixRules.has(doc.folded, m.start - w.count, w) {
                    if let k = lastEvidence(endingBy: m.start - w.count) { chosen = (evidence[k].state, .backReference) }
                    break
                }
            }
            // A list of bodies (人社部、教育部、財政部): the state of its neighbour.
            if chosen == nil {
                let before = m.start >= 2 && listSeparators.contains(doc.folded[m.start - 1]) && doc.owner[m.start - 2] >= 0
                    ? Int(doc.owner[m.start - 2]) : -1
                let after = m.end + 1 < doc.folded.count && listSeparators.contains(doc.folded[m.end]) && doc.owner[m.end + 1] >= 0
                    ? Int(doc.owner[m.end + 1]) : -1
                if before >= 0, doc.mentions[before].type == .agency, let s = jurisdiction(before), s != "intl" {
                    chosen = (s, .context)
                } else if after >= 0, doc.mentions[after].type == .agency, !generic[after], let s = state(of: after), s != "intl" {
                    chosen = (s, .context)
                }
            }
            // The same body named in full shortly before (中國外交部 … 外交部): its state.
            if chosen == nil {
                let si = sentenceIndex(m.start)
                if let byState = table.stems[forms[i]] {
                    var best: (start: Int, state: String)? = nil
                    // Backwards from the mention (agencies are in order), within two sentences.
                    var p = position - 1
                    while p >= 0 && best == nil {
                        let j = agencyIdx[p]
                        p -= 1
                        if si - sentenceIndex(doc.mentions[j].start) > 2 || m.start - doc.mentions[j].start > 600 { break }
                        guard doc.mentions[j].candidates.count == 1, !generic[j] else { continue }
                        let c = doc.mentions[j].candidates[0]
                        // Or a unit of it of the same class named with its state (美國參議院 … 國會:
                        // the Senate is a house of Congress; not 參院 alone, nor a ministry under
                        // the State Council).
                        if let st = table.states[c], let fits = byState[st],
                           fits.contains(c) || table.stems[Array(doc.folded[doc.mentions[j].start..<doc.mentions[j].end])] == nil
                            && fits.contains(where: { lex.entries[$0].entryClass != nil && lex.entries[$0].entryClass == lex.entries[c].entryClass
                                && UnitCompoundRules.isAncestor(lex, $0, of: c) }) {
                            best = (doc.mentions[j].start, st)
                        }
                    }
                    if let b = best { chosen = (b.state, .context) }
                }
            }
            // The same name (or another form of the same generic name: 中央銀行 … 央行) given a
            // state earlier in the document by strong evidence (国会 …
            // 台湾在国会的游说; 科技部 … 科技部跟捷克交流): a story goes on about the body it named
            // first, and the places around a later mention (a partner, the subject of a bill) say
            // less than that. Only a prefix, a back-reference, the dateline, or context that
            // agrees with the dateline count (not the headline, read only when nothing else speaks): a state read from the names around an
            // earlier mention alone is no stronger than the names around this one (捷克外交部 …
            // 外交部 … 法國的外交部發言人).
            if chosen == nil, let s = earlier[table.family(forms[i])] { chosen = (s, .context) }
            // 4. context: same sentence 2, previous sentence 1.
            if chosen == nil {
                let si = sentenceIndex(m.start)
                var counts: [String: Int] = [:]
                let windowStart = max(si >= 1 && si - 1 < sentences.count ? sentences[si - 1].start : (si < sentences.count ? sentences[si].start : 0), m.start - 400)
                let windowEnd = min(si < sentences.count ? sentences[si].end : doc.folded.count, m.end + 400)
                var k = firstEvidence(startingAt: windowStart)
                while k < evidence.count && evidence[k].start < windowEnd {
                    let e = evidence[k]
                    k += 1
                    let es = sentenceIndex(e.start)
                    if es == si { counts[e.state, default: 0] += 2 } else if es == si - 1 { counts[e.state, default: 0] += 1 }
                }
                // In a story dated in Taiwan, the Taiwanese press names foreign bodies with their
                // country: a bare name that Taiwan's government uses is Taiwan's, unless the
                // sentences around it name only other states (a story about China).
                if datelineState == "TW", counts.isEmpty || counts["TW", default: 0] > 0, !simplified(),
                   !table.entries(stem: forms[i], state: "TW").isEmpty {
                    chosen = ("TW", .dateline)
                }
                // The nearest name just before it in the sentence (美国在国会通过) counts more.
                if let k = lastEvidence(endingBy: m.start), case let e = evidence[k], m.start - e.end <= 6, sentenceIndex(e.start) == si {
                    counts[e.state, default: 0] += 2
                }
                // In a story dated abroad (（中央社華盛頓3日電）, 华盛顿——), Taiwan named as a place
                // around a bare name that is not the official name of a Taiwan body (國會, not 立法院)
                // is what the story is about, not whose body it is (如果获得国会批准…对台军售): the
                // body of the dateline's state, unless a body or person of Taiwan is named around it
                // too. (Taiwan's press names its own 外交部 so from anywhere.)
                if let ds = datelineState, ds != "TW", counts["TW"] != nil,
                   !table.entries(stem: forms[i], state: ds).isEmpty,
                   !table.entries(stem: forms[i], state: "TW").contains(where: {
                       lex.fold.fold(lex.entries[$0].canonical) == doc.foldedString(m.start, m.end) }) {
                    var actor = false
                    var k = firstEvidence(startingAt: windowStart)
                    while k < evidence.count && evidence[k].start < windowEnd && !actor {
                        actor = evidence[k].state == "TW" && !placeStarts.contains(evidence[k].start)
                        k += 1
                    }
                    if !actor {
                        counts["TW"] = nil
                        counts[ds, default: 0] += 1
                    }
                }
                // In a Simplified story (the PRC's or foreign press), Taiwan named around a name
                // Taiwan's government does not use (國務院, 衛生部) is no evidence that the body is
                // Taiwan's (美国…派卫生部长…访问台湾). (Taiwan's own press calls its customs 海關.)
                if !keepBody, !m.mission, counts["TW"] != nil, simplified(),
                   table.entries(stem: forms[i], state: "TW").isEmpty {
                    counts["TW"] = nil
                }
                if chosen != nil {
                } else if let s = unique(counts, tieBreak: nil) {
                    chosen = (s, .context)
                } else if let best = counts.values.max(), best > 0 {
                    // A tie: the tied state named nearest before it in the sentence.
                    let tied = Set(counts.filter { $0.value == best }.map(\.key))
                    var k = lastEvidence(endingBy: m.start) ?? -1
                    while k >= 0 && evidence[k].start >= windowStart && !tied.contains(evidence[k].state) { k -= 1 }
                    if k >= 0, evidence[k].start >= windowStart, sentenceIndex(evidence[k].start) == si {
                        chosen = (evidence[k].state, .context)
                    }
                }
            }
            if chosen == nil, let s = datelineState { chosen = (s, .dateline) }
            if chosen == nil, let s = titleState() { chosen = (s, .title) }
            if chosen == nil, let s = documentState { chosen = (s, .document) }
            let (state, source) = chosen ?? (simplified() ? "CN" : "TW", .script)
            // A bureau named by two portfolios (工商及科技局) that no list holds is Hong Kong's or
            // Macau's way of naming; Taiwan's are listed: the script names no state for it.
            if source == .script && m.rule == "conjoined-body" { continue }
            // (A dateline that only fell back to its own state, with no body of that name there
            // — 立法會 in a story from Taipei — is not recorded either.)
            if earlier[table.family(forms[i])] == nil, source == .context ? state == datelineState
                : source == .prefix || source == .backReference || source == .dateline && !table.entries(stem: forms[i], state: state).isEmpty {
                earlier[table.family(forms[i])] = state
            }
            if source == .script && state == "TW" { scriptOnly.append(i) }
            // A body of a former state named right before it (清朝海陸軍) is none of today's
            // bodies: the jurisdiction of its land, no canonical.
            if source == .context, !historicalStarts.isEmpty, let k = lastEvidence(endingBy: m.start), historicalStarts.contains(evidence[k].start),
               evidence[k].state == state, m.start - evidence[k].end <= 6, sentenceIndex(evidence[k].start) == sentenceIndex(m.start) {
                keepBody = true
                doc.mentions[i].candidates = []
                doc.mentions[i].rule = "generic-body"
                doc.mentions[i].canonical = nil
                doc.mentions[i].ambiguous = false
                doc.mentions[i].preferred = nil
            }
            if keepBody {
                doc.mentions[i].jurisdiction = state
                doc.mentions[i].jurisdictionSource = source
                continue
            }
            assign(&doc, i, state: state, source: source)
            if doc.mentions[i].candidates.isEmpty { resolveMission(&doc, i, state: state, placeCounts: &placeCounts) }
        }
        for i in scriptOnly where isUnanchored(doc, i) {
            doc.clear(doc.mentions[i].start, doc.mentions[i].end)
        }
        for i in plural { doc.clear(doc.mentions[i].start, doc.mentions[i].end) }
    }

    /// Whether a word naming several states (`pluralReferences`) ends right before `start`, or
    /// before a 的 there (各國央行, 各國的央行, 美日等國外交部).
    static func afterPluralReference(_ doc: TaggingDocument, _ start: Int) -> Bool {
        let words = doc.lexicon.jurisdiction.pluralReferences
        guard !words.isEmpty, start > 0 else { return false }
        let f = doc.folded
        var ends = [start]
        if f[start - 1] == 0x7684 { ends.append(start - 1) }  // 的
        for e in ends {
            for w in words where e >= w.count && PlacePrefixRules.has(f, e - w.count, w) { return true }
        }
        return false
    }

    /// Whether mention `i`, linked to Taiwan by the script alone, is a name other states' bodies
    /// bear too (or one the generic-body rule found) and so no body of Taiwan's (see above).
    static func isUnanchored(_ doc: TaggingDocument, _ i: Int) -> Bool {
        let lex = doc.lexicon
        let m = doc.mentions[i]
        // A body a rule named in full (「智慧城鄉發展委員會」, 台北市公運處) is no generic word.
        if let r = m.rule, r != "generic-body" { return false }
        if m.rule == nil, !lex.jurisdiction.isGeneric(Array(doc.folded[m.start..<m.end])) { return false }
        if m.rule == nil, m.candidates.count == 1,
           lex.fold.fold(lex.entries[m.candidates[0]].canonical) == doc.foldedString(m.start, m.end) { return false }
        return true
    }

    /// A mission of `state` with no entry yet (中國大使館, 領事館, 中國駐休斯敦領事館): the mission
    /// of that state whose host the text names after 駐, else whose host the document names most.
    static func resolveMission(_ doc: inout TaggingDocument, _ i: Int, state: String, placeCounts: inout [Int: Int]?) {
        let table = doc.lexicon.jurisdiction
        let f = doc.folded
        let m = doc.mentions[i]
        guard m.end - m.start >= 3, f[m.end - 1] == 0x9928 /* 館 */ else { return }
        // 領事館, and the press's short forms 領館, 總領館.
        let consulate = f[m.end - 3] == 0x9818 /* 領 */ || f[m.end - 2] == 0x9818
        let own = table.missions.filter { $0.state == state && $0.consulate == consulate }
        var pick: [Int] = []
        if let host = m.host {
            pick = own.filter { $0.hosts.contains(host) }.map(\.entry)
        } else {
            // Places the document names, by entry (counted once per document): the host with
            // most mentions wins.
            if placeCounts == nil {
                var counts: [Int: Int] = [:]
                for j in doc.mentions.indices where doc.mentions[j].type == .place && doc.mentions[j].candidates.count == 1 && doc.mentions[j].end > doc.mentions[j].start {
                    counts[doc.mentions[j].candidates[0], default: 0] += 1
                }
                placeCounts = counts
            }
            let counts = placeCounts!
            var best = 0
            for mission in own {
                let score = mission.hosts.reduce(0) { $0 + (counts[$1] ?? 0) }
                if score > best { best = score; pick = [mission.entry] } else if score == best && score > 0 { pick.append(mission.entry) }
            }
        }
        guard pick.count == 1 else { return }
        doc.mentions[i].candidates = pick
        doc.mentions[i].rule = nil
        doc.mentions[i].canonical = nil
        doc.mentions[i].ambiguous = false
    }

    /// A dash (——, —, －－) right after `end`, spaces aside: the foreign press's dateline.
    static func opensWithDash(_ f: [UInt32], _ end: Int) -> Bool {
        var k = end
        while k < f.count && k - end < 2 && f[k] == 0x20 { k += 1 }
        return k < f.count && (f[k] == 0x2014 || f[k] == 0x2015 || f[k] == 0x2500)
    }

    static let numerals = ScalarSet("0123456789０１２３４５６７８９〇零一二三四五六七八九十廿卅兩两")

    /// Whether a word starts at `p`: an ICU token starts there (when the document has tokens)
    /// and no numeral stands right before it, spaces aside (7日, 7 日 are a day, not Japan).
    static func startsWord(_ doc: TaggingDocument, _ p: Int) -> Bool {
        var q = p - 1
        while q >= 0 && p - q <= 2 && doc.folded[q] == 0x20 { q -= 1 }
        if q >= 0 && numerals.contains(doc.folded[q]) { return false }
        let tokens = doc.tokens
        guard !tokens.isEmpty else { return true }
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end <= p { lo = mid + 1 } else { hi = mid } }
        return lo >= tokens.count || tokens[lo].start >= p
    }

    /// The one state with the highest count (nil on a tie or when there is none).
    static func unique(_ counts: [String: Int], tieBreak: String?) -> String? {
        guard let best = counts.values.max(), best > 0 else { return nil }
        let top = counts.filter { $0.value == best }.map(\.key)
        return top.count == 1 ? top[0] : nil
    }

    /// Gives mention `i` the jurisdiction `state` and the body of that state its text names.
    static func assign(_ doc: inout TaggingDocument, _ i: Int, state: String, source: JurisdictionSource) {
        let table = doc.lexicon.jurisdiction
        doc.mentions[i].jurisdiction = state
        doc.mentions[i].jurisdictionSource = source
        let cands = doc.mentions[i].candidates
        if !cands.isEmpty && cands.allSatisfy({ table.states[$0] == state }) { return }
        let stem = Array(doc.folded[doc.mentions[i].start..<doc.mentions[i].end])
        var fits = table.entries(stem: stem, state: state)
        if fits.count > 1 {
            let narrowed = fits.filter { cands.contains($0) }
            if !narrowed.isEmpty { fits = narrowed }
        }
        doc.mentions[i].preferred = nil
        if fits.isEmpty {
            doc.mentions[i].candidates = []
            doc.mentions[i].rule = "generic-body"
            doc.mentions[i].canonical = nil
            doc.mentions[i].ambiguous = false
        } else {
            doc.mentions[i].candidates = fits
            doc.mentions[i].rule = nil
            doc.mentions[i].ambiguous = fits.count > 1
        }
    }

    /// True when the text is written in Simplified characters: more than 2% of its Han
    /// characters change when folded to Traditional (台 → 臺 does not count).
    static func isSimplified(_ doc: TaggingDocument) -> Bool {
        var han = 0, changed = 0
        // Read without bounds checks: the text and its folded form have one value a character.
        doc.text.withUnsafeBufferPointer { text in
            doc.folded.withUnsafeBufferPointer { folded in
                for k in 0..<min(text.count, folded.count) {
                    let c = text[k].value
                    guard FoldTable.isHan(c) else { continue }
                    han += 1
                    if folded[k] != c && c != 0x53F0 { changed += 1 }
                }
            }
        }
        return han > 0 && changed * 50 > han
    }
}
