import Foundation

/// Where a name cue sits relative to the name it announces.
public enum CueRole: String, Sendable {
    /// A title or role word right before the name: 市長張善政, 記者葉臻.
    case before
    /// A verb (or title, honorific) right after the name: 張善政說, 張善政市長.
    case after
    /// The literal start of a credit or dateline template: （編輯：{names}）.
    case credit
}

/// One cue occurrence kind of an automaton pattern.
public struct CueHit: Sendable, Equatable {
    public var role: CueRole
    /// The cue's dictionary id (reported in the rule name).
    public var id: String
    /// Weak evidence (`verb-weak`: 出席, 主持 …): the name must stand after a clear boundary.
    public var weak: Bool
    /// For `.credit`: index into `Lexicon.templates`.
    public var template: Int
}

/// A credit or dateline template from person-cues.tsv: `（中央社記者{names}{place}{day}日電）`.
public struct CueTemplate: Sendable {
    public enum Part: Sendable, Equatable {
        case literal([UInt32])
        case name, names, place, day, date
    }
    public var id: String
    public var parts: [Part]

    /// Parses a template; nil when a slot is unknown or it does not start with literal text.
    static func parse(_ raw: String, id: String, fold: FoldTable) -> CueTemplate? {
        var parts: [Part] = []
        var lit: [UInt32] = []
        var rest = Substring(raw)
        while let c = rest.first {
            if c == "{", let close = rest.firstIndex(of: "}") {
                let slot = rest[rest.index(after: rest.startIndex)..<close]
                let part: Part
                switch slot {
                case "name": part = .name
                case "names": part = .names
                case "place": part = .place
                case "day": part = .day
                case "yyyymmdd", "date": part = .date
                default: return nil
                }
                if !lit.isEmpty { parts.append(.literal(lit)); lit = [] }
                parts.append(part)
                rest = rest[rest.index(after: close)...]
            } else {
                for u in String(c).unicodeScalars { lit.append(fold.fold(u.value)) }
                rest = rest.dropFirst()
            }
        }
        if !lit.isEmpty { parts.append(.literal(lit)) }
        guard case .literal = parts.first else { return nil }
        return CueTemplate(id: id, parts: parts)
    }
}

/// One surface form in the automaton and what it stands for.
public struct SurfaceRef: Sendable {
    /// Index into `Lexicon.entries`.
    public var entry: Int32
    /// True for a `~alias`: context must pick among the entries sharing it.
    public var contextual: Bool
}

/// What a dictionary match of one automaton pattern names before context is weighed.
struct PatternMention: Sendable {
    /// The type of its entries (`DictionaryKind.priority` picks among kinds); nil for a pure cue
    /// or generic name (no entries).
    var type: EntityType?
    /// Entry indexes of that kind; the plain one first when `preferred`.
    var candidates: [Int]
    /// True when the form is plain for `candidates[0]` and contextual for the others.
    var preferred: Bool
}

/// All dictionaries compiled for matching: entries, the fold table and the one automaton over
/// every surface form (entity names and the cue words of the person rules). Built once per process.
public final class Lexicon: Sendable {
    public let entries: [DictionaryEntry]
    public let fold: FoldTable
    public let automaton: Automaton
    /// Per automaton pattern: the entity entries it names (empty for a pure cue).
    public let refs: [[SurfaceRef]]
    /// Folded surface -> automaton pattern.
    public let patternIndex: [String: Int]
    /// Per automaton pattern: the cues it is (empty for a pure name).
    public let cues: [[CueHit]]
    /// Per automaton pattern: `isName` and/or `isCue` bits. The tagger tests them for every raw
    /// match; reading `refs[p]` or `cues[p]` to test emptiness retains and releases an array.
    let patternRoles: [UInt8]
    static let isName: UInt8 = 1, isCue: UInt8 = 2, isGeneric: UInt8 = 4
    /// States of entries, stems and generic names (`JurisdictionTable`).
    public let jurisdiction: JurisdictionTable
    /// Per automaton pattern: the mention a match of it starts as (empty candidates for a pure
    /// cue). It depends on the pattern alone, so it is worked out once here, not per match.
    let patternMentions: [PatternMention]
    /// Credit and dateline templates.
    public let templates: [CueTemplate]
    /// The money cues (`money-cue` files): what an amount is, from the words around it.
    public let moneyCues: MoneyCueTable
    /// Folded surnames, single and compound (up to 2 scalars … usually).
    public let surnames: Set<String>
    /// Surnames that are also common words or characters (連, 常, 商: the file's note says so):
    /// a name with one needs a credit line, or cues on both sides.
    public let weakSurnames: Set<String>
    public let maxSurnameLength: Int
    /// Surnames of one or two scalars packed as `first << 32 | second` (second 0 when single):
    /// the person rules test candidates without building strings.
    public let surnameKeys: Set<UInt64>
    /// Per entry: report id (`agency:tw.tyc`), source (`file:line`), parent's canonical name.
    public let reportIDs: [String]
    public let locations: [String]
    public let parentCanonicals: [String?]
    /// `bodyHeads` of organizations usable by `OrganizationHeadRule`, and their last scalars.
    public let organizationHeads: Set<String>
    public let organizationHeadLastScalars: Set<UInt32>
    /// `organizationHeads` as `packedScalars` keys: the rule tests them at many positions, where
    /// building a String per test cost more than the test.
    let organizationHeadKeys: Set<UInt64>
    /// The longest of `organizationHeads`, in scalars (0 when there are none).
    let organizationHeadMaxLength: Int
    /// The BMP members of `organizationHeadLastScalars` (tested at every character).
    let organizationHeadLastSet: ScalarSet
    /// The last scalars (BMP) of agency heads in `bodyHeads`.
    let agencyHeadLastSet: ScalarSet
    /// Per entry: `DictionaryKind.priority` of its kind.
    public let kindPriority: [Int]
    /// Entry index by dictionary id.
    public let indexOfID: [String: Int]
    /// Per entry: its own id, its ancestors' ids and the local government its name starts with;
    /// the context resolver scores candidates by these.
    public let regions: [[Int32]]
    /// Head words of body names (委員會, 局, 大學 …), learned from the canonical names of the
    /// agency and organization lists, with the type they mostly end: folded head -> type.
    public let bodyHeads: [String: EntityType]
    public let maxBodyHeadLength: Int
    /// `bodyHeads` by `packedScalars` key (heads have at most three scalars).
    let bodyHeadKinds: [UInt64: EntityType]
    /// The name model's tables (`name-*.tsv`); empty when they are absent.
    public let names: NameModel
    /// Indexes of the person entries that have a `class` (office holders for title references),
    /// by the folded first scalar of their canonical name (the surname's first character).
    let officeHoldersBySurname: [UInt32: [Int]]
    /// Timings of the last build, for `wenxi dict stats` and `scripts/bench-dictionary`.
    public let loadSeconds: Double
    /// The same, as CPU time of the process (all threads).
    public let loadCPUSeconds: Double
    public let buildCPUSeconds: Double
    /// Build time by phase (seconds), in order.
    public let buildPhases: [(String, Double)]
    public let buildSeconds: Double

    /// Loads the dictionaries of folder `directory` plus user files `extra`, and compiles them;
    /// `cache` may hold the fold table's ICU answer (nil: none read or written).
    public convenience init(directory: String, extra: [String] = [], cache: FoldCache? = nil) throws {
        let t0 = Date(), c0 = processCPUSeconds()
        let set = try DictionarySet.load(directory: directory, extra: extra)
        let loaded = Date().timeIntervalSince(t0), loadedCPU = processCPUSeconds() - c0
        try self.init(set: set, loadSeconds: loaded, loadCPUSeconds: loadedCPU, cache: cache)
    }

    public init(set: DictionarySet, loadSeconds: Double = 0, loadCPUSeconds: Double = 0, cache: FoldCache? = nil) throws {
        let t0 = Date(), c0 = processCPUSeconds()
        let entries = set.entries
        self.entries = entries
        // Loops below read entries by index and field (`entries[i].kind`): iterating copies whole
        // entries (a dozen reference-counted fields each), which dominated the build.
        var indexOfID: [String: Int] = [:]
        indexOfID.reserveCapacity(entries.count)
        for i in entries.indices { indexOfID[entries[i].id] = i }
        self.indexOfID = indexOfID
        // Per entry: its kind, read out of the entries once; `DictionaryKind.priority` ranks them.
        let kinds: [DictionaryKind] = entries.indices.map { entries[$0].kind }

        // Surfaces of named entities, and rule data.
        var allSurfaces: [String] = []
        var surnameList: [String] = []
        var weakSurnameList: [String] = []
        var cueList: [(String, CueHit)] = []
        var templateSources: [(String, String)] = []
        var genericList: [String] = []
        var orgHeadList: [String] = []
        allSurfaces.reserveCapacity(entries.count * 3)
        for ei in entries.indices {
            switch kinds[ei] {
            case .agency, .organization, .person, .place:
                allSurfaces.append(entries[ei].canonical)
                allSurfaces.append(contentsOf: entries[ei].aliases)
                allSurfaces.append(contentsOf: entries[ei].contextualAliases)
            case .surname:
                let e = entries[ei]
                surnameList.append(e.canonical)
                surnameList.append(contentsOf: e.aliases)
                let note = (e.fields["note"] ?? "") + " " + (e.fields["class"] ?? "")
                if note.contains("common word") || note.contains("needs a cue") || note.contains("weak") {
                    weakSurnameList.append(e.canonical)
                }
            case .orgHead:
                orgHeadList.append(entries[ei].canonical)
            case .genericBody, .stateWord:
                if kinds[ei] == .genericBody && entries[ei].entryClass != "collective" { genericList.append(entries[ei].canonical); genericList.append(contentsOf: entries[ei].aliases) }
                allSurfaces.append(entries[ei].canonical)
                allSurfaces.append(contentsOf: entries[ei].aliases)
            case .personCue, .cue:
                let e = entries[ei]
                let weak = (e.fields["class"] ?? "").contains("weak")
                for role in Lexicon.cueRoles(e) {
                    if role == .credit {
                        templateSources.append((e.canonical, e.id))
                    } else {
                        for form in [e.canonical] + e.aliases {
                            cueList.append((form, CueHit(role: role, id: e.id, weak: weak, template: -1)))
                        }
                    }
                }
            case .moneyCue, .nameSurname, .nameChar, .nameTranslit, .nameJapanese, .nameBlocker, .nameSimplified, .nameContext:
                break
            }
        }
        var phases: [(String, Double)] = []
        var tp = Date()
        func phase(_ name: String) { let n = Date(); phases.append((name, n.timeIntervalSince(tp))); tp = n }
        phase("entries")
        let fold = try FoldTable.build(surfaces: allSurfaces + surnameList + cueList.map(\.0) + templateSources.map(\.0), cache: cache)
        self.fold = fold
        phase("fold")
        var templates: [CueTemplate] = []
        for (raw, id) in templateSources {
            guard let t = CueTemplate.parse(raw, id: id, fold: fold), case .literal(let lit) = t.parts[0] else { continue }
            var s = String.UnicodeScalarView()
            for c in lit { s.append(Unicode.Scalar(c)!) }
            cueList.append((String(s), CueHit(role: .credit, id: id, weak: false, template: templates.count)))
            templates.append(t)
        }
        self.templates = templates
        self.moneyCues = MoneyCueTable(entries: entries)

        // One pattern per distinct folded surface.
        // Keyed by folded scalars while building (hashing [UInt32] is far cheaper than hashing
        // non-ASCII Strings); the public `patternIndex` by String is filled once at the end.
        var patternOf: [[UInt32]: Int] = [:]
        patternOf.reserveCapacity(allSurfaces.count + cueList.count)
        var patterns: [[UInt32]] = []
        var refs: [[SurfaceRef]] = []
        var cues: [[CueHit]] = []
        func folded(_ surface: String) -> [UInt32] {
            var f: [UInt32] = []
            f.reserveCapacity(surface.utf8.count)
            for u in surface.unicodeScalars { f.append(fold.fold(u.value)) }
            return f
        }
        func pattern(_ surface: String) -> Int? {
            let f = folded(surface)
            if f.isEmpty { return nil }
            if let p = patternOf[f] { return p }
            patternOf[f] = patterns.count
            patterns.append(f)
            refs.append([])
            cues.append([])
            return patterns.count - 1
        }
        for i in entries.indices where kinds[i].entityType != nil {
            if let p = pattern(entries[i].canonical), !refs[p].contains(where: { $0.entry == Int32(i) }) {
                refs[p].append(SurfaceRef(entry: Int32(i), contextual: false))
            }
            for s in entries[i].aliases {
                if let p = pattern(s), !refs[p].contains(where: { $0.entry == Int32(i) }) {
                    refs[p].append(SurfaceRef(entry: Int32(i), contextual: false))
                }
            }
            for s in entries[i].contextualAliases {
                if let p = pattern(s), !refs[p].contains(where: { $0.entry == Int32(i) }) {
                    refs[p].append(SurfaceRef(entry: Int32(i), contextual: true))
                }
            }
        }
        for (s, hit) in cueList {
            if let p = pattern(s), !cues[p].contains(where: { $0.role == hit.role && $0.template == hit.template }) { cues[p].append(hit) }
        }
        var genericPatterns = Set<Int>()
        for s in genericList { if let p = pattern(s) { genericPatterns.insert(p) } }
        self.refs = refs
        self.cues = cues
        self.patternRoles = patterns.indices.map { p in
            (refs[p].isEmpty ? 0 : Lexicon.isName) | (cues[p].isEmpty ? 0 : Lexicon.isCue) | (genericPatterns.contains(p) ? Lexicon.isGeneric : 0)
        }
        // The entries of the kind that wins (`DictionaryKind.priority`). A form that is plain for one
        // entry and contextual for others (國防部: Taiwan's ministry, ~國防部 on the US one) lists
        // the plain entry first and prefers it; context may override. Loops, not map/filter: this
        // runs for every pattern at start-up, and most patterns name one entry.
        var patternMentions: [PatternMention] = []
        patternMentions.reserveCapacity(refs.count)
        for owners in refs {
            if owners.count <= 1 {
                patternMentions.append(owners.first.map { PatternMention(type: kinds[Int($0.entry)].entityType, candidates: [Int($0.entry)], preferred: false) }
                                       ?? PatternMention(type: nil, candidates: [], preferred: false))
                continue
            }
            var best = UInt8.max
            for r in owners { best = min(best, kinds[Int(r.entry)].priority) }
            var plainCount = 0, plainEntry = 0
            for r in owners where kinds[Int(r.entry)].priority == best && !r.contextual { plainCount += 1; plainEntry = Int(r.entry) }
            var ids: [Int] = plainCount == 1 ? [plainEntry] : []
            for r in owners where kinds[Int(r.entry)].priority == best && !ids.contains(Int(r.entry)) { ids.append(Int(r.entry)) }
            patternMentions.append(PatternMention(type: kinds[ids[0]].entityType, candidates: ids, preferred: plainCount == 1 && ids.count > 1))
        }
        self.patternMentions = patternMentions
        var patternIndex: [String: Int] = [:]
        patternIndex.reserveCapacity(patterns.count)
        var utf8: [UInt8] = []
        for p in patterns.indices {
            utf8.removeAll(keepingCapacity: true)
            for c in patterns[p] { utf8.append(contentsOf: UTF8.encode(Unicode.Scalar(c)!)!) }
            patternIndex[String(decoding: utf8, as: UTF8.self)] = p
        }
        self.patternIndex = patternIndex
        phase("patterns")
        let automaton = try Automaton(patterns: patterns, fold: fold)
        self.automaton = automaton
        let surnames = Set(surnameList.map { fold.fold($0) }.filter { !$0.isEmpty })
        self.surnames = surnames
        self.weakSurnames = Set(weakSurnameList.map { fold.fold($0) })
        var keys = Set<UInt64>()
        for sn in surnames {
            let sc = sn.unicodeScalars.map(\.value)
            if sc.count == 1 { keys.insert(UInt64(sc[0]) << 32) } else if sc.count == 2 { keys.insert(UInt64(sc[0]) << 32 | UInt64(sc[1])) }
        }
        self.surnameKeys = keys
        self.reportIDs = entries.indices.map { kinds[$0].rawValue + ":" + entries[$0].id }
        self.locations = entries.indices.map { entries[$0].file + ":" + String(entries[$0].line) }
        self.parentCanonicals = entries.indices.map { i in entries[i].parent.flatMap { indexOfID[$0] }.map { entries[$0].canonical } }
        self.maxSurnameLength = surnames.map { $0.unicodeScalars.count }.max() ?? 1
        let nameEntries = entries.indices.filter { kinds[$0].isNameModel }.map { entries[$0] }
        self.names = nameEntries.isEmpty ? NameModel() : NameModel(entries: nameEntries, fold: fold)
        var holders: [UInt32: [Int]] = [:]
        for i in entries.indices where kinds[i] == .person && entries[i].entryClass != nil {
            if let first = entries[i].canonical.unicodeScalars.first { holders[fold.fold(first.value), default: []].append(i) }
        }
        self.officeHoldersBySurname = holders
        phase("names")

        phase("automaton")
        // Regions: ids of the entry and its ancestors, plus the government whose place name starts
        // the entry's canonical name (桃園市審計處 → 桃園市政府); a place's regions are the
        // governments of it and of its ancestors (華盛頓 → 美國 → 美國政府).
        // Everything by entry index (Int32), not by id string: this runs for every entry.
        let parentIndex: [Int32] = entries.indices.map { i in entries[i].parent.flatMap { indexOfID[$0] }.map(Int32.init) ?? -1 }
        // A place's government: the agency named by the place's name + 政府/市政府/縣政府, looked up
        // among the automaton's surface forms (no second table of folded names).
        func agencyNamed(_ folded: [UInt32]) -> Int32? {
            guard let p = patternOf[folded] else { return nil }
            return refs[p].first { kinds[Int($0.entry)] == .agency && !$0.contextual }.map(\.entry)
        }
        var govOfPlaceEntry = [Int32](repeating: -1, count: entries.count)
        let govSuffixes: [[UInt32]] = ["政府", "市政府", "縣政府"].map(folded)
        for i in entries.indices where kinds[i] == .place {
            search: for name in [entries[i].canonical] + entries[i].aliases {
                let f = folded(name)
                for suffix in govSuffixes {
                    if let g = agencyNamed(f + suffix) { govOfPlaceEntry[i] = g; break search }
                }
            }
        }
        func ancestors(_ i: Int32, into r: inout [Int32], places: Bool) {
            var p = parentIndex[Int(i)]
            var n = 0
            while p >= 0 && n < 16 {
                r.append(p)
                if places && govOfPlaceEntry[Int(p)] >= 0 { r.append(govOfPlaceEntry[Int(p)]) }
                p = parentIndex[Int(p)]
                n += 1
            }
        }
        var regions: [[Int32]] = []
        regions.reserveCapacity(entries.count)
        for i in entries.indices {
            var r: [Int32] = [Int32(i)]
            let kind = kinds[i]
            let isPlace = kind == .place
            if isPlace && govOfPlaceEntry[i] >= 0 { r.append(govOfPlaceEntry[i]) }
            ancestors(Int32(i), into: &r, places: isPlace)
            if kind == .agency || kind == .organization {
                // The longest place name that starts the canonical name, by the automaton itself.
                let scalars = Array(entries[i].canonical.unicodeScalars)
                var best: (len: Int, gov: Int32) = (0, -1)
                for m in automaton.scan(scalars) where m.start == 0 && m.end < scalars.count && m.end > best.len {
                    if let ref = refs[Int(m.pattern)].first(where: { govOfPlaceEntry[Int($0.entry)] >= 0 && kinds[Int($0.entry)] == .place }) {
                        best = (m.end, govOfPlaceEntry[Int(ref.entry)])
                    }
                }
                if best.gov >= 0 { r.append(best.gov) }
            }
            // A government named by a place reaches its own ancestors too.
            for g in r.dropFirst() where g != Int32(i) { ancestors(g, into: &r, places: false) }
            r.sort()
            var w = 0
            for x in r where w == 0 || r[w - 1] != x { r[w] = x; w += 1 }
            r.removeLast(r.count - w)
            regions.append(r)
        }
        self.regions = regions
        self.jurisdiction = JurisdictionTable.build(entries: entries, kinds: kinds, indexOfID: indexOfID, automaton: automaton,
                                                    refs: refs, folded: { $0.map { fold.fold($0) } }, fold: fold)
        phase("jurisdiction")

        phase("regions")
        // Body heads: a suffix of 1–3 scalars that ends many canonical names of one kind (at least
        // 8 names, 12 for a one-character head) and at least three times as many as of the other kind.
        // Suffixes of k = 1…3 scalars packed 21 bits each, one count table per length: no strings.
        var headCounts: [[UInt64: (agency: Int, organization: Int)]] = [[:], [:], [:]]
        for i in entries.indices where kinds[i] == .agency || kinds[i] == .organization {
            let isAgency = kinds[i] == .agency
            let sc = folded(entries[i].canonical)
            var key: UInt64 = 0
            for k in 1...3 where sc.count > k + 1 {
                key |= UInt64(sc[sc.count - k]) << UInt64(21 * (k - 1))
                var c = headCounts[k - 1][key] ?? (0, 0)
                if isAgency { c.agency += 1 } else { c.organization += 1 }
                headCounts[k - 1][key] = c
            }
        }
        var heads: [String: EntityType] = [:]
        for k in 1...3 {
            let need = k == 1 ? 12 : 8
            for (key, c) in headCounts[k - 1] {
                let kind: EntityType
                if c.agency >= need && c.agency >= 3 * c.organization { kind = .agency }
                else if c.organization >= need && c.organization >= 3 * c.agency { kind = .organization }
                else { continue }
                var h = String.UnicodeScalarView()
                for j in stride(from: k - 1, through: 0, by: -1) {
                    h.append(Unicode.Scalar(UInt32((key >> UInt64(21 * j)) & 0x1FFFFF))!)
                }
                heads[String(h)] = kind
            }
        }
        self.bodyHeads = heads
        // The heads of `org-heads.tsv` that the organization list's own names end with.
        let listedHeads = Set(orgHeadList.map { fold.fold($0) })
        let orgHeads = Set(heads.filter { $0.value == .organization && listedHeads.contains($0.key) }.keys)
        self.organizationHeads = orgHeads
        func key(_ head: String) -> UInt64 {
            let f = head.unicodeScalars.map(\.value)
            return packedScalars(f, 0, f.count)
        }
        self.organizationHeadKeys = Set(orgHeads.map(key))
        self.organizationHeadMaxLength = orgHeads.map { $0.unicodeScalars.count }.max() ?? 0
        self.bodyHeadKinds = Dictionary(uniqueKeysWithValues: heads.map { (key($0.key), $0.value) })
        self.organizationHeadLastScalars = Set(orgHeads.compactMap { $0.unicodeScalars.last?.value })
        self.organizationHeadLastSet = ScalarSet(organizationHeadLastScalars.filter { $0 < 0x10000 })
        self.agencyHeadLastSet = ScalarSet(heads.compactMap { h, kind in
            kind == .agency ? h.unicodeScalars.last.map(\.value).flatMap { $0 < 0x10000 ? $0 : nil } : nil
        })
        self.kindPriority = kinds.map { Int($0.priority) }
        self.maxBodyHeadLength = heads.keys.map { $0.unicodeScalars.count }.max() ?? 0
        self.loadSeconds = loadSeconds
        phase("heads")
        self.buildPhases = phases
        self.buildSeconds = Date().timeIntervalSince(t0)
        self.buildCPUSeconds = processCPUSeconds() - c0
        self.loadCPUSeconds = loadCPUSeconds
    }

    /// The roles of a cue row, from its `position` column: before, after, both, credit.
    static func cueRoles(_ e: DictionaryEntry) -> [CueRole] {
        switch (e.fields["position"] ?? e.fields["role"] ?? "").lowercased() {
        case "before": return [.before]
        case "after": return [.after]
        case "both": return [.before, .after]
        case "credit": return [.credit]
        default: return []
        }
    }

    /// The canonical name of an entry's parent, when the parent is known.
    public func parentCanonical(_ e: DictionaryEntry) -> String? {
        guard let p = e.parent, let i = indexOfID[p] else { return nil }
        return entries[i].canonical
    }

}
