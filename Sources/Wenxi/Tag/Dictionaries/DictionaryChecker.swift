import Foundation

/// Validates dictionary files (`wenxi dict check`). Every problem is a `file:line: message`:
///
/// - malformed rows: wrong column count, empty or badly formed id, empty canonical, missing
///   `# kind:`/`# source:` header comments or required columns (found while parsing);
/// - an id used twice (in one file or across files);
/// - a plain surface form (canonical or alias) of two entries of one kind with different
///   canonicals: it must be written `~alias` on both to be resolved by context;
/// - a surface form that can never match: empty after folding; the same as another surface form
///   of the same entry after folding (台/臺, width, Simplified); or a plain form of another entry
///   of a higher-priority kind (`DictionaryKind.priority`), which always wins the same span;
/// - a `parent` or `successor` that names no entry;
/// - rule data: a surname that is not 1–2 Han characters, a cue without a known role, a surname
///   or cue listed twice, a credit pattern without a `{name}`/`{names}` slot;
/// - money cues: a role that is not a money role (or `speaker`), a strength other than `strong`
///   or `weak`, a holder other than empty or `none`, a written form listed twice;
/// - an unknown `kind` (found while parsing: not a `DictionaryKind`); an agency `level` outside `agencyLevels`;
/// - an empty alias (stray `|`) or spaces around an alias; a `parent` cycle;
/// - a place whose `subdivisions` column differs from the number of its subdivision entries;
/// - with files read by `load(path:name:)`: not UTF-8, a byte-order mark, CR line ends, spaces
///   around a field or at the end of a line (`textProblems`).
public enum DictionaryChecker {
    /// Checks `defaults` (the Dictionaries folder) with `user` files loaded after them, as
    /// `--dictionary` would: a user entry with a default entry's id overrides it (not a problem).
    /// `cache` may hold the fold table's ICU answer (nil: none read or written).
    public static func check(defaults: [DictionaryFile], user: [DictionaryFile] = [], cache: FoldCache? = nil) throws -> [DictionaryProblem] {
        let files = defaults + user
        var problems: [DictionaryProblem] = []
        for f in files { problems += f.problems }
        let set = DictionarySet(files: files)
        let fold = try FoldTable.build(surfaces: set.entries.flatMap { [$0.canonical] + $0.aliases + $0.contextualAliases }, cache: cache)

        // Ids across files (within a file the parser already reports them).
        var firstID: [String: DictionaryEntry] = [:]
        for f in defaults {
            for e in f.entries {
                if let first = firstID[e.id], first.file != e.file {
                    problems.append(.init(file: e.file, line: e.line, message: "duplicate id \(e.id) (also \(first.location))"))
                } else if firstID[e.id] == nil {
                    firstID[e.id] = e
                }
            }
        }

        let all = set.entries
        var ids = Set<String>()
        for e in all { ids.insert(e.id) }

        // Plain surfaces: folded -> first (entry, written form).
        var plainOwner: [String: (DictionaryEntry, String)] = [:]
        for e in all where e.kind.entityType != nil {
            var seen: [String: String] = [:]
            let forms = [(e.canonical, false)] + e.aliases.map { ($0, false) } + e.contextualAliases.map { ($0, true) }
            for (form, contextual) in forms {
                let f = fold.fold(form)
                if f.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append(.init(file: e.file, line: e.line, message: "surface form '\(form)' is empty after folding and can never match"))
                    continue
                }
                if let other = seen[f] {
                    problems.append(.init(file: e.file, line: e.line,
                        message: "alias '\(form)' is the same as '\(other)' after folding (台/臺, width, Simplified): it adds nothing"))
                    continue
                }
                seen[f] = form
                guard !contextual else { continue }
                if let (o, oform) = plainOwner[f], o.id != e.id {
                    if o.kind == e.kind && o.canonical != e.canonical {
                        problems.append(.init(file: e.file, line: e.line,
                            message: "duplicate alias '\(form)' with conflicting canonicals: \(e.canonical) here, \(o.canonical) at \(o.location) ('\(oform)'); write it ~\(form) on both"))
                    } else if o.kind != e.kind {
                        let (loser, winner) = e.kind.priority > o.kind.priority ? (e, o) : (o, e)
                        problems.append(.init(file: loser.file, line: loser.line,
                            message: "'\(form)' can never match as \(loser.kind.rawValue) \(loser.id): it is also \(winner.kind.rawValue) \(winner.id) (\(winner.location)), which wins"))
                    }
                } else if plainOwner[f] == nil {
                    plainOwner[f] = (e, form)
                }
            }
        }
        for e in all {
            if let p = e.parent, !ids.contains(p) {
                problems.append(.init(file: e.file, line: e.line, message: "parent '\(p)' of \(e.id) is not a known id"))
            }
            if let s = e.successor, !ids.contains(s) {
                problems.append(.init(file: e.file, line: e.line, message: "successor '\(s)' of \(e.id) is not a known id"))
            }
            if e.kind == .surname {
                let s = e.canonical
                let n = s.unicodeScalars.count
                if n < 1 || n > 2 || !s.unicodeScalars.allSatisfy({ FoldTable.isHan($0.value) }) {
                    problems.append(.init(file: e.file, line: e.line, message: "surname '\(s)' is not 1–2 Han characters"))
                }
            }
            if e.kind == .personCue || e.kind == .cue {
                let roles = Lexicon.cueRoles(e)
                if roles.isEmpty {
                    problems.append(.init(file: e.file, line: e.line,
                        message: "cue '\(e.canonical)' has no known position (before, after, both or credit)"))
                } else if roles == [.credit], CueTemplate.parse(e.canonical, id: e.id, fold: fold) == nil {
                    problems.append(.init(file: e.file, line: e.line,
                        message: "credit pattern '\(e.canonical)' must start with text and use only the slots {name} {names} {place} {day} {yyyymmdd}"))
                }
            }
        }
        problems += entryProblems(all, fold: fold)
        problems += moneyCueProblems(all)
        problems += jurisdictionProblems(all)
        problems += NameModel.problems(all)
        problems += KnownNames.problems(all)
        problems += NotNames.problems(all)
        problems += PlaceHeads.problems(all)
        problems += EncyclopedicContext.problems(all)
        problems += ContextFrames.problems(all)
        let order = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1.name, $0) })
        return problems.sorted { a, b in
            let fa = order[a.file] ?? 0, fb = order[b.file] ?? 0
            return fa != fb ? fa < fb : (a.line != b.line ? a.line < b.line : a.message < b.message)
        }
    }

    /// Every agency has a jurisdiction (its `jurisdiction` column, `intl` for level
    /// `international`, or the ISO code that starts its id), and it is `intl` or a state that
    /// `places.tsv` lists as `pl.XX`; a `state-word` row names such a state too.
    static func jurisdictionProblems(_ all: [DictionaryEntry]) -> [DictionaryProblem] {
        var known: Set<String> = ["intl"]
        for e in all where e.kind == .place {
            if JurisdictionTable.segmentCount(e.id) == 2, e.id.hasPrefix("pl."), let s = JurisdictionTable.isoPrefix(e.id, segment: 1) { known.insert(s) }
        }
        // Without places (a user file checked alone) states cannot be checked: nothing is.
        guard known.count > 1 else { return [] }
        let checkKnown = true
        var problems: [DictionaryProblem] = []
        for e in all where e.kind == .agency || e.kind == .stateWord {
            let state = e.kind == .agency ? JurisdictionTable.agencyState(e) : e.fields["jurisdiction"]
            guard let state else {
                if e.kind == .agency {
                    problems.append(.init(file: e.file, line: e.line,
                        message: "agency \(e.id) has no jurisdiction: give a `jurisdiction` column, level international, or an id starting with an ISO 3166 code"))
                }
                continue
            }
            if checkKnown && !known.contains(state) {
                problems.append(.init(file: e.file, line: e.line,
                    message: "jurisdiction '\(state)' of \(e.id) is neither intl nor a state of places.tsv (pl.xx)"))
            }
        }
        return problems
    }
}

extension DictionaryChecker {
    /// Problems of `money-cue` rows (Dictionaries/money-cues.tsv): unknown role, strength or holder
    /// policy, and a written form (cue or alias) listed twice.
    static func moneyCueProblems(_ all: [DictionaryEntry]) -> [DictionaryProblem] {
        var out: [DictionaryProblem] = []
        var seen: [String: DictionaryEntry] = [:]
        let roles = Set(MoneyCueTable.roles + [MoneyCueTable.speaker])
        for e in all where e.kind == .moneyCue {
            let role = e.fields["role"] ?? ""
            if !roles.contains(role) {
                out.append(.init(file: e.file, line: e.line,
                    message: "money cue '\(e.canonical)' has role '\(role)': not one of \(MoneyCueTable.roles.joined(separator: ", ")), \(MoneyCueTable.speaker)"))
            }
            if let st = e.fields["strength"], st != "strong" && st != "weak" {
                out.append(.init(file: e.file, line: e.line, message: "money cue '\(e.canonical)' has strength '\(st)': write strong or weak"))
            }
            if let h = e.fields["holder"], h != "none" {
                out.append(.init(file: e.file, line: e.line, message: "money cue '\(e.canonical)' has holder '\(h)': leave it empty or write none"))
            }
            for form in [e.canonical] + e.aliases {
                if let first = seen[form] {
                    out.append(.init(file: e.file, line: e.line, message: "money cue '\(form)' is listed twice (also \(first.location))"))
                } else {
                    seen[form] = e
                }
            }
        }
        return out
    }
}
