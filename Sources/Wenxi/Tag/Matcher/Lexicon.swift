import Foundation

/// Where a name cue sits relative to the name it announces.
package enum CueRole: String, Sendable {
    /// A title or role word right before the name: 市長張善政, 記者葉臻.
    case before
    /// A verb (or title, honorific) right after the name: 張善政說, 張善政市長.
    case after
    /// The literal start of a credit or dateline template: （編輯：{names}）.
    case credit
}

/// One cue occurrence kind of an automaton pattern.
package struct CueHit: Sendable, Equatable {
    package var role: CueRole
    /// The cue's dictionary id (reported in the rule name).
    package var id: String
    /// Weak evidence (`verb-weak`: 出席, 主持 …): the name must stand after a clear boundary.
    package var weak: Bool
    /// For `.credit`: index into `Lexicon.templates`.
    package var template: Int
}

/// A credit or dateline template from person-cues.tsv: `（中央社記者{names}{place}{day}日電）`.
package struct CueTemplate: Sendable {
    package enum Part: Sendable, Equatable {
        case literal([UInt32])
        case name, names, place, day, date
    }
    package var id: String
    package var parts: [Part]

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
package struct SurfaceRef: Sendable {
    /// Index into `Lexicon.entries`.
    package var entry: Int32
    /// True for a `~alias`: context must pick among the entries sharing it.
    package var contextual: Bool
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
package final class Lexicon: Sendable {
    package let entries: [DictionaryEntry]
    package let fold: FoldTable
    package let automaton: Automaton
    /// Per automaton pattern: the entity entries it names (empty for a pure cue).
    package let refs: [[SurfaceRef]]
    /// Folded surface -> automaton pattern.
    package let patternIndex: [String: Int]
    /// Per automaton pattern: the cues it is (empty for a pure name).
    package let cues: [[CueHit]]
    /// Per automaton pattern: `isName` and/or `isCue` bits. The tagger tests them for every raw
    /// match; reading `refs[p]` or `cues[p]` to test emptiness retains and releases an array.
    let patternRoles: [UInt8]
    static let isName: UInt8 = 1, isCue: UInt8 = 2, isGeneric: UInt8 = 4
    /// States of entries, stems and generic names (`JurisdictionTable`).
    package let jurisdiction: JurisdictionTable
    /// Per automaton pattern: the mention a match of it starts as (empty candidates for a pure
    /// cue). It depends on the pattern alone, so it is worked out once here, not per match.
    let patternMentions: [PatternMention]
    /// Credit and dateline templates.
    package let templates: [CueTemplate]
    /// The money cues (`money-cue` files): what an amount is, from the words around it.
    package let moneyCues: MoneyCueTable
    /// Folded surnames, single and compound (up to 2 scalars … usually).
    package let surnames: Set<String>
    /// Surnames that are also common words or characters (連, 常, 商: the file's note says so):
    /// a name with one needs a credit line, or cues on both sides.
    package let weakSurnames: WordSet
    package let maxSurnameLength: Int
    /// Surnames of one or two scalars packed as `first << 32 | second` (second 0 when single):
    /// the person rules test candidates without building strings.
    package let surnameKeys: Set<UInt64>
    /// The first scalars of `surnameKeys`: one bit test before the two hashed look-ups of
    /// `PersonRules.surnameLengths` (most characters start no surname).
    package let surnameKeyFirsts: ScalarSet
    /// Per entry: report id (`agency:tw.tyc`), source (`file:line`), parent's canonical name.
    package let reportIDs: [String]
    package let locations: [String]
    package let parentCanonicals: [String?]
    /// `bodyHeads` of organizations usable by `OrganizationHeadRule`, and their last scalars.
    package let organizationHeads: Set<String>
    package let organizationHeadLastScalars: Set<UInt32>
    /// `organizationHeads` as `packedScalars` keys: the rule tests them at many positions, where
    /// building a String per test cost more than the test.
    let organizationHeadKeys: Set<UInt64>
    /// The longest of `organizationHeads`, in scalars (0 when there are none).
    let organizationHeadMaxLength: Int
    /// The BMP members of `organizationHeadLastScalars` (tested at every character).
    let organizationHeadLastSet: ScalarSet
    /// The last scalars (BMP) of agency heads in `bodyHeads`.
    let agencyHeadLastSet: ScalarSet
    /// Heads of `org-heads.tsv` that end an organization after a name no list or ICU dictionary
    /// holds (`UnlistedOrganizationRule`): the rows with `rule` empty or `unlisted`, folded,
    /// longest first; and their last scalars.
    let unlistedNameHeads: [[UInt32]]
    let unlistedNameHeadLastSet: ScalarSet
    /// `unlistedNameHeads` by their last scalar (longest first): the rule tests only these.
    let unlistedNameHeadsByLast: [UInt32: [[UInt32]]]
    /// `unlistedNameHeads` by their first scalar (longest first): heads that may start at a place.
    let unlistedNameHeadsByFirst: [UInt32: [[UInt32]]]
    /// Heads of `org-heads.tsv` with `rule` `team`: after a place they name its team (`TeamRule`),
    /// folded, longest first.
    let teamHeads: [[UInt32]]
    /// The first scalars of `teamHeads` (tested after every place).
    let teamHeadFirstSet: ScalarSet
    /// `org-heads.tsv` rows for `OrganRules`, folded, longest first: `organ` (a party or people's
    /// organ named by itself: 黨中央, 市委), `organ-place` (only after a place or 全國: 婦聯, 紀委),
    /// `unit` (a unit right after an organization: 委員會, 常委會, 代表團); and their last scalars.
    let organHeads: [[UInt32]]
    let placeOrganHeads: [[UInt32]]
    let orgUnitHeads: [[UInt32]]
    let organHeadLastSet: ScalarSet
    /// `organHeads` and `placeOrganHeads` by last character, in list order (`OrganRules.organs`).
    let organHeadsByLast: KeyedWords
    let placeOrganHeadsByLast: KeyedWords
    /// The first scalars of `orgUnitHeads` and `teamHeads` (tested after every organization).
    let orgUnitFirstSet: ScalarSet
    /// `org-heads.tsv` rows with `rule` `army-prefix`, folded: one character (a dynasty, a
    /// province's abbreviation) that names an army before 軍 (湘軍, 明軍).
    let armyPrefixes: ScalarSet
    /// Heads that end an organization named by a place and ordinary words (`PlaceNamedOrganizationRule`):
    /// the rows with `rule` empty or `place` and the registered company suffixes (有限公司), folded,
    /// longest first; and their last scalars.
    let placeNamedHeads: [[UInt32]]
    let placeNamedHeadLastSet: ScalarSet
    /// `org-heads.tsv` rows with `rule` `party-word`, folded, longest first: a political family's
    /// word that names a party before 黨 (自由黨, 工人黨, 社會民主黨: `PartyRule`).
    let partyWords: [[UInt32]]
    /// `org-heads.tsv` rows with `rule` `left-word`, folded: verbs, adverbs and conjunctions that end
    /// right before an organization's name (成為, 而且, 通過), where `OrganizationHeadRule` starts it.
    let organizationLeftWords: WordSet
    /// `org-heads.tsv` rows with `rule` `modifier`, folded: words that make a body's name longer on
    /// its left, part of the name (聯邦|最高法院, 皇家|海軍, 國際|足協: `OrganRules.modifiedBodies`).
    let bodyModifiers: [[UInt32]]
    /// `org-heads.tsv` rows with `rule` `industry`, folded: lines of business that a company's name
    /// puts before 公司 (紡織, 唱片, 鐵路: `UnlistedOrganizationRule`). Asked at a span, not with its
    /// String (`WordSet`: ~2,300 instructions a look-up as a `Set<String>`).
    let industryWords: WordSet
    /// Per entry: `DictionaryKind.priority` of its kind.
    package let kindPriority: [Int]
    /// Entry index by dictionary id.
    package let indexOfID: [String: Int]
    /// Taiwan's villages by the entry index of their township or district, folded (`rule:village`).
    package let villages: [Int: Set<String>]
    /// Per entry: its own id, its ancestors' ids and the local government its name starts with;
    /// the context resolver scores candidates by these.
    package let regions: [[Int32]]
    /// Head words of body names (委員會, 局, 大學 …), learned from the canonical names of the
    /// agency and organization lists, with the type they mostly end: folded head -> type.
    package let bodyHeads: [String: EntityType]
    package let maxBodyHeadLength: Int
    /// `bodyHeads` by `packedScalars` key (heads have at most three scalars).
    let bodyHeadKinds: [UInt64: EntityType]
    /// The name model's tables (`name-*.tsv`); empty when they are absent.
    package let names: NameModel
    /// Names of well-known people (`name-known.tsv`): evidence that a string is a name.
    package let knownNames: KnownNames
    /// Terms of address and days of the week that make a surname-led string no name
    /// (`not-names.tsv`).
    package let notNames: NotNames
    /// The word lists of `rule:place-head` (`place-heads.tsv`).
    package let placeHeads: PlaceHeads
    /// PRC counties' and prefectures' short forms for `rule:place-short` (`ShortPlaceRule.table`).
    let shortPlaces: ShortPlaceRule.Table
    /// The characters the rules' text scans start from (`RuleMarks`).
    let ruleMarks: RuleMarkTable
    /// Words around a name in biographical writing (`encyclopedic-context.tsv`).
    package let encyclopedic: EncyclopedicContext
    /// The word lists of `rule:place-context` (`context-frames.tsv`).
    package let contextFrames: ContextFrames
    /// Indexes of the person entries that have a `class` (office holders for title references),
    /// by the folded first scalar of their canonical name (the surname's first character).
    let officeHoldersBySurname: [UInt32: [Int]]
    /// Timings of the last build, for `wenxi dict stats` and `scripts/bench-dictionary`.
    package let loadSeconds: Double
    /// The same, as CPU time of the process (all threads).
    package let loadCPUSeconds: Double
    package let buildCPUSeconds: Double
    /// Build time by phase (seconds), in order.
    package let buildPhases: [(String, Double)]
    package let buildSeconds: Double

    /// Loads the dictionaries of folder `directory` plus user files `extra`, and compiles them;
    /// `cache` may hold the fold table's ICU answer (nil: none read or written).
    package convenience init(directory: String, extra: [String] = [], cache: FoldCache? = nil) throws {
        let t0 = Date(), c0 = processCPUSeconds()
        let set = try DictionarySet.load(directory: directory, extra: extra)
        let loaded = Date().timeIntervalSince(t0), loadedCPU = processCPUSeconds() - c0
        try self.init(set: set, loadSeconds: loaded, loadCPUSeconds: loadedCPU, cache: cache)
    }

    /// Compiles `set` in named phases, each timed in `buildPhases`: entries (index, kinds, rule
    /// sources), fold, patterns, automaton, regions, names (surnames, report ids, name model),
    /// jurisdiction, heads, villages. Names, jurisdiction, villages and the pattern String index are
    /// built on other threads (`BackgroundBuild`) beside the main thread's phases: their times are
    /// their own threads', and `buildSeconds` (the wall time of the whole) is less than the sum.
    package init(set: DictionarySet, loadSeconds: Double = 0, loadCPUSeconds: Double = 0, cache: FoldCache? = nil) throws {
        let t0 = Date(), c0 = processCPUSeconds()
        var clock = PhaseClock(start: t0)
        let entries = set.entries
        self.entries = entries
        let indexOfID = Lexicon.indexByID(entries)
        self.indexOfID = indexOfID
        // Per entry: its kind, read out of the entries once; `DictionaryKind.priority` ranks them.
        let kinds: [DictionaryKind] = entries.indices.map { entries[$0].kind }
        var sources = RuleSources(entries: entries, kinds: kinds)
        clock.phase("entries")
        let fold = try FoldTable.build(surfaces: sources.foldSurfaces, cache: cache)
        self.fold = fold
        clock.phase("fold")
        // Two builds run beside the main thread's: the name tables (they need the entries and the
        // fold only) beside patterns and automaton, and the jurisdiction table beside regions and
        // heads. Each is timed on its own thread; `buildSeconds` is the wall time of the whole.
        let surnameList = sources.surnames, weakSurnameList = sources.weakSurnames
        let nameBuild = BackgroundBuild {
            NameTables(entries: entries, kinds: kinds, indexOfID: indexOfID, fold: fold,
                       surnames: surnameList, weakSurnames: weakSurnameList)
        }
        let villageList = sources.villages
        let villageBuild = BackgroundBuild {
            var villages: [Int: Set<String>] = [:]
            for (township, names) in villageList {
                if let t = indexOfID[township] { villages[t, default: []].formUnion(names.map { fold.fold($0) }) }
            }
            return villages
        }
        self.templates = sources.compileTemplates(fold: fold)
        self.moneyCues = MoneyCueTable(entries: entries)
        let table = PatternTable(entries: entries, kinds: kinds, sources: sources, fold: fold)
        self.refs = table.refs
        self.cues = table.cues
        self.patternRoles = table.roles()
        self.patternMentions = table.mentions(kinds: kinds)
        // The String index (a hashed String per pattern) beside the automaton.
        let indexBuild = BackgroundBuild { table.stringIndex() }
        clock.phase("patterns")
        let automaton = try Automaton(patterns: table.patterns, fold: fold)
        self.automaton = automaton
        self.patternIndex = indexBuild.value()
        clock.phase("automaton")
        let refs = table.refs
        let jurisdictionBuild = BackgroundBuild {
            JurisdictionTable.build(entries: entries, kinds: kinds, indexOfID: indexOfID, automaton: automaton,
                                    refs: refs, folded: { $0.map { fold.fold($0) } }, fold: fold)
        }
        self.regions = RegionBuilder(entries: entries, kinds: kinds, indexOfID: indexOfID, table: table).regions(automaton: automaton)
        clock.phase("regions")
        let names = nameBuild.value()
        clock.record("names", nameBuild.seconds)
        self.surnames = names.surnames.all
        self.weakSurnames = WordSet(names.surnames.weak)
        self.surnameKeys = names.surnames.keys
        self.surnameKeyFirsts = ScalarSet(names.surnames.keys.map { UInt32(truncatingIfNeeded: $0 >> 32) })
        self.maxSurnameLength = names.surnames.maxLength
        self.reportIDs = names.reports.ids
        self.locations = names.reports.locations
        self.parentCanonicals = names.reports.parentCanonicals
        self.names = names.model
        self.knownNames = names.known
        self.notNames = names.notNames
        self.placeHeads = names.placeHeads
        self.shortPlaces = names.shortPlaces
        self.encyclopedic = names.encyclopedic
        self.contextFrames = names.contextFrames
        self.officeHoldersBySurname = names.officeHolders
        let heads = BodyHeadTables(entries: entries, kinds: kinds, listedOrganizationHeads: sources.orgHeads, table: table)
        self.bodyHeads = heads.heads
        self.bodyHeadKinds = heads.kindsByKey
        self.maxBodyHeadLength = heads.maxLength
        self.agencyHeadLastSet = heads.agencyLastSet
        self.organizationHeads = heads.organization
        self.organizationHeadKeys = heads.organizationKeys
        self.organizationHeadMaxLength = heads.organizationMaxLength
        self.organizationHeadLastScalars = heads.organizationLastScalars
        self.organizationHeadLastSet = heads.organizationLastSet
        func foldedHeads(_ list: [String]) -> [[UInt32]] {
            Array(Set(list.map { fold.fold($0) })).map { Array($0.unicodeScalars.map(\.value)) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        }
        self.unlistedNameHeads = foldedHeads(sources.unlistedNameHeads)
        self.unlistedNameHeadLastSet = ScalarSet(unlistedNameHeads.compactMap { $0.last })
        self.unlistedNameHeadsByLast = Dictionary(grouping: unlistedNameHeads) { $0.last ?? 0 }
        self.unlistedNameHeadsByFirst = Dictionary(grouping: unlistedNameHeads) { $0.first ?? 0 }
        self.teamHeads = foldedHeads(sources.teamHeads)
        self.teamHeadFirstSet = ScalarSet(teamHeads.compactMap { $0.first })
        self.organHeads = foldedHeads(sources.organHeads)
        self.placeOrganHeads = foldedHeads(sources.placeOrganHeads)
        self.orgUnitHeads = foldedHeads(sources.orgUnitHeads)
        self.organHeadLastSet = ScalarSet((organHeads + placeOrganHeads).compactMap { $0.last })
        self.organHeadsByLast = .byLast(organHeads)
        self.placeOrganHeadsByLast = .byLast(placeOrganHeads)
        self.orgUnitFirstSet = ScalarSet((orgUnitHeads + teamHeads).compactMap { $0.first })
        self.armyPrefixes = ScalarSet(foldedHeads(sources.armyPrefixes).compactMap { $0.count == 1 ? $0[0] : nil })
        self.placeNamedHeads = foldedHeads(sources.orgHeads + sources.placeNamedHeads + sources.unlistedNameHeads.filter { $0.hasSuffix("有限公司") })
        self.placeNamedHeadLastSet = ScalarSet(placeNamedHeads.compactMap { $0.last })
        self.partyWords = foldedHeads(sources.partyWords)
        self.organizationLeftWords = WordSet(sources.organizationLeftWords.map { fold.fold($0) })
        self.bodyModifiers = foldedHeads(sources.bodyModifiers)
        self.industryWords = WordSet(sources.industryWords.map { fold.fold($0) })
        self.kindPriority = kinds.map { Int($0.priority) }
        self.jurisdiction = jurisdictionBuild.value()
        clock.record("jurisdiction", jurisdictionBuild.seconds)
        self.ruleMarks = RuleMarkTable(placeHeadStarts: placeHeads.headStarts, organizationHeadLast: organizationHeadLastSet,
                                       organLast: organHeadLastSet, unlistedHeadLast: unlistedNameHeadLastSet,
                                       historicalFirst: jurisdiction.historicalFirst)
        self.villages = villageBuild.value()
        clock.phase("heads")
        clock.record("villages", villageBuild.seconds)
        self.buildPhases = clock.phases
        self.loadSeconds = loadSeconds
        self.buildSeconds = Date().timeIntervalSince(t0)
        self.buildCPUSeconds = processCPUSeconds() - c0
        self.loadCPUSeconds = loadCPUSeconds
    }

    /// Entry index by dictionary id. Loops in the build read entries by index and field
    /// (`entries[i].kind`): iterating copies whole entries (a dozen reference-counted fields
    /// each), which dominated the build.
    private static func indexByID(_ entries: [DictionaryEntry]) -> [String: Int] {
        var indexOfID: [String: Int] = [:]
        indexOfID.reserveCapacity(entries.count)
        for i in entries.indices { indexOfID[entries[i].id] = i }
        return indexOfID
    }

    /// The name model's tables (`name-*.tsv` kinds); an empty model when there are none.
    fileprivate static func nameModel(entries: [DictionaryEntry], kinds: [DictionaryKind], fold: FoldTable) -> NameModel {
        let nameEntries = entries.indices.filter { kinds[$0].isNameModel }.map { entries[$0] }
        return nameEntries.isEmpty ? NameModel() : NameModel(entries: nameEntries, fold: fold)
    }

    /// Person entries with a `class` (office holders), by the folded first scalar of their name.
    fileprivate static func officeHolders(entries: [DictionaryEntry], kinds: [DictionaryKind], fold: FoldTable) -> [UInt32: [Int]] {
        var holders: [UInt32: [Int]] = [:]
        for i in entries.indices where kinds[i] == .person && entries[i].entryClass != nil {
            if let first = entries[i].canonical.unicodeScalars.first { holders[fold.fold(first.value), default: []].append(i) }
        }
        return holders
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
}

// MARK: - Build phases of `Lexicon.init`

/// Build time by named phase: each `phase(_:)` records the time since the previous one.
private struct PhaseClock {
    var phases: [(String, Double)] = []
    var last: Date

    init(start: Date) { last = start }

    mutating func phase(_ name: String) {
        let now = Date()
        phases.append((name, now.timeIntervalSince(last)))
        last = now
    }

    /// A phase timed on another thread (`BackgroundBuild`): its own duration, recorded as is.
    mutating func record(_ name: String, _ seconds: Double) {
        phases.append((name, seconds))
    }
}

/// A part of the build run on a thread of its own: `value()` waits for it. Its result is written
/// once, before the semaphore is signalled. A `Thread`, not the dispatch pool: a lexicon built on
/// a pool thread (tests, a library caller) would otherwise wait on work queued behind itself.
private final class BackgroundBuild<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private var duration = 0.0
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread {
            let t0 = Date()
            self.result = work()
            self.duration = Date().timeIntervalSince(t0)
            self.done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result, once the work is done.
    func value() -> T {
        done.wait()
        return result!
    }

    /// Wall time of the work on its thread (read after `value()`).
    var seconds: Double { duration }
}

/// The tables of the person rules and of the reports, which need the entries and the fold only:
/// surnames, report ids and sources, the name model and known names, the word lists of the
/// place-head and not-name rules, county short forms, encyclopedic context, office holders.
private struct NameTables: Sendable {
    let surnames: SurnameTables
    let reports: EntryReports
    let model: NameModel
    let known: KnownNames
    let notNames: NotNames
    let placeHeads: PlaceHeads
    let shortPlaces: ShortPlaceRule.Table
    let encyclopedic: EncyclopedicContext
    let contextFrames: ContextFrames
    let officeHolders: [UInt32: [Int]]

    init(entries: [DictionaryEntry], kinds: [DictionaryKind], indexOfID: [String: Int], fold: FoldTable,
         surnames surnameList: [String], weakSurnames: [String]) {
        surnames = SurnameTables(surnameList, weak: weakSurnames, fold: fold)
        reports = EntryReports(entries: entries, kinds: kinds, indexOfID: indexOfID)
        model = Lexicon.nameModel(entries: entries, kinds: kinds, fold: fold)
        known = KnownNames(entries: entries, kinds: kinds, fold: fold, model: model)
        notNames = NotNames(entries: entries, kinds: kinds)
        placeHeads = PlaceHeads(entries: entries, kinds: kinds)
        shortPlaces = ShortPlaceRule.table(entries: entries, kinds: kinds, fold: fold)
        encyclopedic = EncyclopedicContext(entries: entries, kinds: kinds)
        contextFrames = ContextFrames(entries: entries, kinds: kinds)
        officeHolders = Lexicon.officeHolders(entries: entries, kinds: kinds, fold: fold)
    }
}

/// What one pass over the entries collects for the fold table, the automaton and the rules:
/// surfaces of named entities, surnames, cue words, credit templates, generic names, org heads.
private struct RuleSources {
    var entitySurfaces: [String] = []
    var surnames: [String] = []
    var weakSurnames: [String] = []
    var cues: [(String, CueHit)] = []
    /// Credit and dateline templates as written, with their cue id.
    var templates: [(String, String)] = []
    var generic: [String] = []
    var orgHeads: [String] = []
    /// `org-heads.tsv` rows by their `rule` column: after an unlisted name, after a place (teams).
    var unlistedNameHeads: [String] = []
    var teamHeads: [String] = []
    var organHeads: [String] = []
    var placeOrganHeads: [String] = []
    var orgUnitHeads: [String] = []
    var armyPrefixes: [String] = []
    var placeNamedHeads: [String] = []
    var partyWords: [String] = []
    var organizationLeftWords: [String] = []
    var bodyModifiers: [String] = []
    var industryWords: [String] = []
    /// Villages as (township id, its village names).
    var villages: [(String, [String])] = []

    init(entries: [DictionaryEntry], kinds: [DictionaryKind]) {
        entitySurfaces.reserveCapacity(entries.count * 3)
        for ei in entries.indices {
            switch kinds[ei] {
            case .agency, .organization, .person, .place:
                entitySurfaces.append(entries[ei].canonical)
                entitySurfaces.append(contentsOf: entries[ei].aliases)
                entitySurfaces.append(contentsOf: entries[ei].contextualAliases)
            case .surname:
                addSurname(entries[ei])
            case .orgHead:
                switch entries[ei].fields["rule"] ?? "" {
                case "team":
                    teamHeads.append(entries[ei].canonical)
                case "unlisted":
                    unlistedNameHeads.append(entries[ei].canonical)
                case "organ":
                    organHeads.append(entries[ei].canonical)
                case "organ-place":
                    placeOrganHeads.append(entries[ei].canonical)
                case "unit":
                    orgUnitHeads.append(entries[ei].canonical)
                case "army-prefix":
                    armyPrefixes.append(entries[ei].canonical)
                case "place":
                    placeNamedHeads.append(entries[ei].canonical)
                case "party-word":
                    partyWords.append(entries[ei].canonical)
                case "left-word":
                    organizationLeftWords.append(entries[ei].canonical)
                case "modifier":
                    bodyModifiers.append(entries[ei].canonical)
                case "industry":
                    industryWords.append(entries[ei].canonical)
                default:
                    orgHeads.append(entries[ei].canonical)
                    unlistedNameHeads.append(entries[ei].canonical)
                }
            case .genericBody, .stateWord:
                if kinds[ei] == .genericBody && entries[ei].entryClass != "collective" {
                    generic.append(entries[ei].canonical)
                    generic.append(contentsOf: entries[ei].aliases)
                }
                entitySurfaces.append(entries[ei].canonical)
                entitySurfaces.append(contentsOf: entries[ei].aliases)
            case .personCue, .cue:
                addCue(entries[ei])
            case .village:
                if let p = entries[ei].parent, let names = entries[ei].fields["villages"] {
                    villages.append((p, names.split(separator: "|").map(String.init)))
                }
            case .moneyCue, .nameSurname, .nameChar, .nameTranslit, .nameJapanese, .nameBlocker, .nameSimplified, .nameContext, .nameKnown, .nameLatinGiven, .notName, .placeHead, .encyclopedicContext, .contextFrame:
                break
            }
        }
    }

    private mutating func addSurname(_ e: DictionaryEntry) {
        surnames.append(e.canonical)
        surnames.append(contentsOf: e.aliases)
        let note = (e.fields["note"] ?? "") + " " + (e.fields["class"] ?? "")
        if note.contains("common word") || note.contains("needs a cue") || note.contains("weak") {
            weakSurnames.append(e.canonical)
        }
    }

    private mutating func addCue(_ e: DictionaryEntry) {
        let weak = (e.fields["class"] ?? "").contains("weak")
        for role in Lexicon.cueRoles(e) {
            if role == .credit {
                templates.append((e.canonical, e.id))
            } else {
                for form in [e.canonical] + e.aliases {
                    cues.append((form, CueHit(role: role, id: e.id, weak: weak, template: -1)))
                }
            }
        }
    }

    /// Every surface the fold table must cover.
    var foldSurfaces: [String] { entitySurfaces + surnames + cues.map(\.0) + templates.map(\.0) }

    /// Parses the credit templates; each one's leading literal becomes a `.credit` cue.
    mutating func compileTemplates(fold: FoldTable) -> [CueTemplate] {
        var compiled: [CueTemplate] = []
        for (raw, id) in templates {
            guard let t = CueTemplate.parse(raw, id: id, fold: fold), case .literal(let lit) = t.parts[0] else { continue }
            var s = String.UnicodeScalarView()
            for c in lit { s.append(Unicode.Scalar(c)!) }
            cues.append((String(s), CueHit(role: .credit, id: id, weak: false, template: compiled.count)))
            compiled.append(t)
        }
        return compiled
    }
}

/// Appends the UTF-8 bytes of scalar value `c` (a valid scalar).
@inline(__always)
private func appendUTF8(_ c: UInt32, to out: inout [UInt8]) {
    switch c {
    case ..<0x80:
        out.append(UInt8(c))
    case ..<0x800:
        out.append(UInt8(0xC0 | c >> 6)); out.append(UInt8(0x80 | c & 0x3F))
    case ..<0x10000:
        out.append(UInt8(0xE0 | c >> 12)); out.append(UInt8(0x80 | c >> 6 & 0x3F)); out.append(UInt8(0x80 | c & 0x3F))
    default:
        out.append(UInt8(0xF0 | c >> 18)); out.append(UInt8(0x80 | c >> 12 & 0x3F))
        out.append(UInt8(0x80 | c >> 6 & 0x3F)); out.append(UInt8(0x80 | c & 0x3F))
    }
}

/// The automaton's patterns: one per distinct folded surface, with the entity entries and the
/// cues each stands for.
private struct PatternTable {
    let fold: FoldTable
    /// Keyed by folded scalars while building (hashing [UInt32] is far cheaper than hashing
    /// non-ASCII Strings); the public `patternIndex` by String is filled once at the end.
    private(set) var patternOf: [[UInt32]: Int] = [:]
    private(set) var patterns: [[UInt32]] = []
    private(set) var refs: [[SurfaceRef]] = []
    private(set) var cues: [[CueHit]] = []
    private(set) var generic = Set<Int>()

    /// Entity surfaces first, then cues, then generic names: pattern numbers follow that order.
    init(entries: [DictionaryEntry], kinds: [DictionaryKind], sources: RuleSources, fold: FoldTable) {
        self.fold = fold
        patternOf.reserveCapacity(sources.entitySurfaces.count + sources.cues.count)
        for i in entries.indices where kinds[i].entityType != nil {
            addRef(entries[i].canonical, entry: i, contextual: false)
            for s in entries[i].aliases { addRef(s, entry: i, contextual: false) }
            for s in entries[i].contextualAliases { addRef(s, entry: i, contextual: true) }
        }
        for (s, hit) in sources.cues {
            if let p = pattern(s), !cues[p].contains(where: { $0.role == hit.role && $0.template == hit.template }) { cues[p].append(hit) }
        }
        for s in sources.generic { if let p = pattern(s) { generic.insert(p) } }
    }

    func folded(_ surface: String) -> [UInt32] {
        var f: [UInt32] = []
        f.reserveCapacity(surface.utf8.count)
        for u in surface.unicodeScalars { f.append(fold.fold(u.value)) }
        return f
    }

    /// The pattern of a surface, added when new; nil for a surface that folds to nothing.
    private mutating func pattern(_ surface: String) -> Int? {
        let f = folded(surface)
        if f.isEmpty { return nil }
        if let p = patternOf[f] { return p }
        patternOf[f] = patterns.count
        patterns.append(f)
        refs.append([])
        cues.append([])
        return patterns.count - 1
    }

    private mutating func addRef(_ surface: String, entry i: Int, contextual: Bool) {
        if let p = pattern(surface), !refs[p].contains(where: { $0.entry == Int32(i) }) {
            refs[p].append(SurfaceRef(entry: Int32(i), contextual: contextual))
        }
    }

    /// The pattern of an already folded surface, if there is one.
    func pattern(folded f: [UInt32]) -> Int? { patternOf[f] }

    func roles() -> [UInt8] {
        patterns.indices.map { p in
            (refs[p].isEmpty ? 0 : Lexicon.isName) | (cues[p].isEmpty ? 0 : Lexicon.isCue) | (generic.contains(p) ? Lexicon.isGeneric : 0)
        }
    }

    /// The entries of the kind that wins (`DictionaryKind.priority`). A form that is plain for one
    /// entry and contextual for others (國防部: Taiwan's ministry, ~國防部 on the US one) lists
    /// the plain entry first and prefers it; context may override. Loops, not map/filter: this
    /// runs for every pattern at start-up, and most patterns name one entry.
    func mentions(kinds: [DictionaryKind]) -> [PatternMention] {
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
        return patternMentions
    }

    /// Folded surface (as a String) -> pattern.
    func stringIndex() -> [String: Int] {
        var patternIndex: [String: Int] = [:]
        patternIndex.reserveCapacity(patterns.count)
        var utf8: [UInt8] = []
        for p in patterns.indices {
            utf8.removeAll(keepingCapacity: true)
            for c in patterns[p] { appendUTF8(c, to: &utf8) }
            patternIndex[String(decoding: utf8, as: UTF8.self)] = p
        }
        return patternIndex
    }
}

/// Folded surnames, the weak ones, and one- or two-scalar surnames packed as keys.
private struct SurnameTables {
    let all: Set<String>
    let weak: Set<String>
    let keys: Set<UInt64>
    let maxLength: Int

    init(_ list: [String], weak weakList: [String], fold: FoldTable) {
        let all = Set(list.map { fold.fold($0) }.filter { !$0.isEmpty })
        self.all = all
        self.weak = Set(weakList.map { fold.fold($0) })
        var keys = Set<UInt64>()
        for sn in all {
            let sc = sn.unicodeScalars.map(\.value)
            if sc.count == 1 { keys.insert(UInt64(sc[0]) << 32) } else if sc.count == 2 { keys.insert(UInt64(sc[0]) << 32 | UInt64(sc[1])) }
        }
        self.keys = keys
        self.maxLength = all.map { $0.unicodeScalars.count }.max() ?? 1
    }
}

/// Per entry, what reports print: its id with kind, its source line, its parent's canonical name.
private struct EntryReports {
    let ids: [String]
    let locations: [String]
    let parentCanonicals: [String?]

    init(entries: [DictionaryEntry], kinds: [DictionaryKind], indexOfID: [String: Int]) {
        // Each String written once from its parts' UTF-8 (`a + ":" + b` grew it twice: ~550
        // instructions an append, 60,000 of them).
        var ids: [String] = [], locations: [String] = []
        ids.reserveCapacity(entries.count)
        locations.reserveCapacity(entries.count)
        var digits: [UInt8] = []
        for i in entries.indices {
            var kind = kinds[i].rawValue, id = entries[i].id
            ids.append(kind.withUTF8 { k in id.withUTF8 { d in EntryReports.joined(k, d) } })
            var file = entries[i].file
            digits.removeAll(keepingCapacity: true)
            var n = entries[i].line
            if n < 0 { digits = Array(String(n).utf8) } else {
                repeat { digits.append(UInt8(0x30 + n % 10)); n /= 10 } while n > 0
                digits.reverse()
            }
            locations.append(file.withUTF8 { f in digits.withUnsafeBufferPointer { EntryReports.joined(f, $0) } })
        }
        self.ids = ids
        self.locations = locations
        parentCanonicals = entries.indices.map { i in entries[i].parent.flatMap { indexOfID[$0] }.map { entries[$0].canonical } }
    }

    /// `a:b` from two UTF-8 buffers.
    private static func joined(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: a.count + 1 + b.count) { out in
            let base = out.baseAddress!
            if let pa = a.baseAddress { base.initialize(from: pa, count: a.count) }
            base[a.count] = 0x3A
            if let pb = b.baseAddress { (base + a.count + 1).initialize(from: pb, count: b.count) }
            return a.count + 1 + b.count
        }
    }
}

/// Regions: ids of the entry and its ancestors, plus the government whose place name starts
/// the entry's canonical name (桃園市審計處 → 桃園市政府); a place's regions are the
/// governments of it and of its ancestors (華盛頓 → 美國 → 美國政府).
/// Everything by entry index (Int32), not by id string: this runs for every entry.
private struct RegionBuilder {
    let entries: [DictionaryEntry]
    let kinds: [DictionaryKind]
    let table: PatternTable
    let parentIndex: [Int32]
    /// Per place entry: the agency that governs it, or -1.
    private(set) var governmentOfPlace: [Int32]

    init(entries: [DictionaryEntry], kinds: [DictionaryKind], indexOfID: [String: Int], table: PatternTable) {
        self.entries = entries
        self.kinds = kinds
        self.table = table
        parentIndex = entries.indices.map { i in entries[i].parent.flatMap { indexOfID[$0] }.map(Int32.init) ?? -1 }
        governmentOfPlace = [Int32](repeating: -1, count: entries.count)
        findPlaceGovernments()
    }

    /// A place's government: the agency named by the place's name + 政府/市政府/縣政府, looked up
    /// among the automaton's surface forms (no second table of folded names).
    ///
    /// The agencies so named are found once, keyed by the place part of their name with the rank
    /// of their suffix (政府 before 市政府 before 縣政府): then each place name is one look-up,
    /// where it was three concatenations and three look-ups.
    private mutating func findPlaceGovernments() {
        let govSuffixes: [[UInt32]] = ["政府", "市政府", "縣政府"].map(table.folded)
        var byPlacePart: [[UInt32]: (rank: Int, agency: Int32)] = [:]
        for p in table.patterns.indices {
            let pattern = table.patterns[p]
            for (rank, suffix) in govSuffixes.enumerated() where pattern.count > suffix.count && pattern.reversed().starts(with: suffix.reversed()) {
                guard let g = table.refs[p].first(where: { kinds[Int($0.entry)] == .agency && !$0.contextual })?.entry else { break }
                let part = Array(pattern[0..<(pattern.count - suffix.count)])
                if let old = byPlacePart[part], old.rank < rank { continue }
                byPlacePart[part] = (rank, g)
            }
        }
        for i in entries.indices where kinds[i] == .place {
            if let g = byPlacePart[table.folded(entries[i].canonical)] { governmentOfPlace[i] = g.agency; continue }
            for name in entries[i].aliases {
                if let g = byPlacePart[table.folded(name)] { governmentOfPlace[i] = g.agency; break }
            }
        }
    }

    private func ancestors(_ i: Int32, into r: inout [Int32], places: Bool) {
        var p = parentIndex[Int(i)]
        var n = 0
        while p >= 0 && n < 16 {
            r.append(p)
            if places && governmentOfPlace[Int(p)] >= 0 { r.append(governmentOfPlace[Int(p)]) }
            p = parentIndex[Int(p)]
            n += 1
        }
    }

    func regions(automaton: Automaton) -> [[Int32]] {
        var regions: [[Int32]] = []
        regions.reserveCapacity(entries.count)
        // Written in one scratch buffer and copied out at its final size: growing each entry's
        // own array cost two allocations for most entries.
        var r: [Int32] = []
        r.reserveCapacity(64)
        for i in entries.indices {
            r.removeAll(keepingCapacity: true)
            r.append(Int32(i))
            let kind = kinds[i]
            let isPlace = kind == .place
            if isPlace && governmentOfPlace[i] >= 0 { r.append(governmentOfPlace[i]) }
            ancestors(Int32(i), into: &r, places: isPlace)
            if kind == .agency || kind == .organization, let gov = leadingPlaceGovernment(i, automaton: automaton) { r.append(gov) }
            // A government named by a place reaches its own ancestors too.
            for g in r.dropFirst() where g != Int32(i) { ancestors(g, into: &r, places: false) }
            r.sort()
            var w = 0
            for x in r where w == 0 || r[w - 1] != x { r[w] = x; w += 1 }
            regions.append(Array(r[0..<w]))
        }
        return regions
    }

    /// The government of the longest place name that starts entry `i`'s canonical name, found
    /// by the automaton itself.
    private func leadingPlaceGovernment(_ i: Int, automaton: Automaton) -> Int32? {
        let scalars = Array(entries[i].canonical.unicodeScalars)
        var best: (len: Int, gov: Int32) = (0, -1)
        for m in automaton.scan(scalars) where m.start == 0 && m.end < scalars.count && m.end > best.len {
            if let ref = table.refs[Int(m.pattern)].first(where: { governmentOfPlace[Int($0.entry)] >= 0 && kinds[Int($0.entry)] == .place }) {
                best = (m.end, governmentOfPlace[Int(ref.entry)])
            }
        }
        return best.gov >= 0 ? best.gov : nil
    }
}

/// Body heads (委員會, 局, 大學 …) learned from the canonical names of the agency and
/// organization lists, and the organization heads usable by `OrganizationHeadRule`.
private struct BodyHeadTables {
    /// Folded head -> the type it mostly ends.
    let heads: [String: EntityType]
    let kindsByKey: [UInt64: EntityType]
    let maxLength: Int
    let agencyLastSet: ScalarSet
    /// The heads of `org-heads.tsv` that the organization list's own names end with.
    let organization: Set<String>
    let organizationKeys: Set<UInt64>
    let organizationMaxLength: Int
    let organizationLastScalars: Set<UInt32>
    let organizationLastSet: ScalarSet

    init(entries: [DictionaryEntry], kinds: [DictionaryKind], listedOrganizationHeads: [String], table: PatternTable) {
        let heads = BodyHeadTables.learn(BodyHeadTables.countSuffixes(entries: entries, kinds: kinds, table: table))
        self.heads = heads
        let listed = Set(listedOrganizationHeads.map { table.fold.fold($0) })
        let orgHeads = Set(heads.filter { $0.value == .organization && listed.contains($0.key) }.keys)
        organization = orgHeads
        func key(_ head: String) -> UInt64 {
            let f = head.unicodeScalars.map(\.value)
            return packedScalars(f, 0, f.count)
        }
        organizationKeys = Set(orgHeads.map(key))
        organizationMaxLength = orgHeads.map { $0.unicodeScalars.count }.max() ?? 0
        kindsByKey = Dictionary(uniqueKeysWithValues: heads.map { (key($0.key), $0.value) })
        organizationLastScalars = Set(orgHeads.compactMap { $0.unicodeScalars.last?.value })
        organizationLastSet = ScalarSet(organizationLastScalars.filter { $0 < 0x10000 })
        agencyLastSet = ScalarSet(heads.compactMap { h, kind in
            kind == .agency ? h.unicodeScalars.last.map(\.value).flatMap { $0 < 0x10000 ? $0 : nil } : nil
        })
        maxLength = heads.keys.map { $0.unicodeScalars.count }.max() ?? 0
    }

    /// Per suffix length k = 1…3: how many agency and organization names end with each suffix,
    /// the suffix packed 21 bits a scalar (no strings).
    private static func countSuffixes(entries: [DictionaryEntry], kinds: [DictionaryKind],
                                      table: PatternTable) -> [[UInt64: (agency: Int, organization: Int)]] {
        var headCounts: [[UInt64: (agency: Int, organization: Int)]] = [[:], [:], [:]]
        for i in entries.indices where kinds[i] == .agency || kinds[i] == .organization {
            let isAgency = kinds[i] == .agency
            let sc = table.folded(entries[i].canonical)
            var key: UInt64 = 0
            for k in 1...3 where sc.count > k + 1 {
                key |= UInt64(sc[sc.count - k]) << UInt64(21 * (k - 1))
                var c = headCounts[k - 1][key] ?? (0, 0)
                if isAgency { c.agency += 1 } else { c.organization += 1 }
                headCounts[k - 1][key] = c
            }
        }
        return headCounts
    }

    /// A head is a suffix that ends many canonical names of one kind (at least 8 names, 12 for a
    /// one-character head) and at least three times as many as of the other kind.
    private static func learn(_ headCounts: [[UInt64: (agency: Int, organization: Int)]]) -> [String: EntityType] {
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
        return heads
    }
}
