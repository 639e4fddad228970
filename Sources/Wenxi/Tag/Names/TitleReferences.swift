import Foundation

/// `rule:title-reference`: a surname followed by a title (蔡總統, 賴副總統, 李前總統, 陳部長,
/// 柯市長) names a person the reader already knows; it is never a person of surname + one
/// character. It becomes a person entity, with `text` as written and the canonical and id of
/// the person it stands for, when:
/// 1. the same document names one person of that surname with that title beside the name
///    (蔡英文總統, 總統蔡英文), or else exactly one person of that surname who holds such an
///    office by `people.tsv` (its `class`); or
/// 2. `people.tsv` has exactly one person of that surname and office: its `class`
///    (`officeClasses`) or a clause of its note naming the office (`officeWords`: "Taipei mayor
///    2014–2022"); when the document has a date, the years of that clause must hold it (not for
///    a former title: 李前總統).
/// Otherwise it is not tagged.
enum TitleReferences {
    /// Title (folded) -> `class` values of people.tsv that hold it.
    static let officeClasses: [String: Set<String>] = [
        "總統": ["president"], "副總統": ["vice-president"],
        "前總統": ["former-president"], "前副總統": ["former-vice-president"],
        "院長": ["premier", "speaker"], "行政院長": ["premier"], "前行政院長": ["former-premier"],
        "部長": ["minister"], "主委": ["minister"], "市長": ["mayor"], "縣長": ["magistrate"],
        "立委": ["legislator"], "議長": ["speaker"], "主席": ["party-chair"], "黨主席": ["party-chair"],
    ]

    static func apply(_ doc: inout TaggingDocument, date: String? = nil) {
        let f = doc.folded
        let lex = doc.lexicon
        // Titles that start right after one free surname character.
        var refs: [(start: Int, end: Int, title: String)] = []
        for c in doc.cues where c.hit.role == .before && c.start >= 1 {
            let s = c.start - 1
            guard doc.isFree(s, c.end), lex.surnameKeys.contains(UInt64(f[s]) << 32),
                  !PersonRules.splitsToken(doc, at: s),
                  officeClasses[doc.foldedString(c.start, c.end)] != nil || isTitle(doc, c.hit) else { continue }
            // The longest title at that place (副總統 rather than 總統 inside it).
            if let last = refs.last, last.start == s {
                if c.end > last.end { refs[refs.count - 1] = (s, c.end, doc.foldedString(c.start, c.end)) }
                continue
            }
            refs.append((s, c.end, doc.foldedString(c.start, c.end)))
        }
        if refs.isEmpty { return }
        let year = date.flatMap { Int($0.prefix(4)) }
        for r in refs where doc.isFree(r.start, r.end) {
            let surname = f[r.start]
            guard let (canonical, entry) = inDocument(doc, surname: surname, title: r.title)
                    ?? inPeopleList(doc, surname: surname, title: r.title, year: year) else { continue }
            var m = Mention(start: r.start, end: r.end, type: .person, candidates: [], rule: "title-reference", canonical: canonical)
            m.linked = entry
            doc.add(m)
        }
    }

    static func isTitle(_ doc: TaggingDocument, _ hit: CueHit) -> Bool {
        guard let i = doc.lexicon.indexOfID[hit.id] else { return false }
        let cls = doc.lexicon.entries[i].fields["class"] ?? ""
        return cls == "title" || cls == "former-title"
    }

    /// A person of the document with that surname: one named beside the title, else the only one
    /// whose office (people.tsv class) is the title's.
    static func inDocument(_ doc: TaggingDocument, surname: UInt32, title: String) -> (String, Int?)? {
        let f = doc.folded
        let t = Array(title.unicodeScalars.map(\.value))
        let bare = t.first == 0x524D /* 前 */ ? Array(t.dropFirst()) : t
        var beside: [String: Int?] = [:]
        var byOffice: [String: Int?] = [:]
        for m in doc.mentions where m.type == .person && m.end - m.start >= 2 && m.rule != "title-reference" {
            guard f[m.start] == surname else { continue }
            let entry = m.candidates.count == 1 ? m.candidates[0] : nil
            let canonical = entry.map { doc.lexicon.entries[$0].canonical } ?? m.canonical ?? doc.string(m.start, m.end)
            if PlacePrefixRules.has(f, m.end, bare) || (m.start >= bare.count && PlacePrefixRules.has(f, m.start - bare.count, bare))
                || (m.start >= t.count && PlacePrefixRules.has(f, m.start - t.count, t)) {
                beside[canonical] = entry
            }
            if let e = entry, let cls = doc.lexicon.entries[e].entryClass, officeClasses[title]?.contains(cls) == true {
                byOffice[canonical] = entry
            }
        }
        if beside.count == 1 { return (beside.first!.key, beside.first!.value) }
        if beside.isEmpty && byOffice.count == 1 { return (byOffice.first!.key, byOffice.first!.value) }
        return nil
    }

    /// The words of people.tsv's notes that name each office (a note is `;`-separated clauses:
    /// "TPP chair 2019–2025; Taipei mayor 2014–2022").
    static let officeWords: [String: [String]] = [
        "總統": ["president"], "前總統": ["president"], "副總統": ["vice president"], "前副總統": ["vice president"],
        "院長": ["premier", "speaker"], "行政院長": ["premier"], "前行政院長": ["premier"],
        "部長": ["minister"], "市長": ["mayor"], "前市長": ["mayor"], "縣長": ["magistrate"], "前縣長": ["magistrate"],
        "立委": ["legislator"], "前立委": ["legislator"], "議長": ["speaker"], "主席": ["chair"], "黨主席": ["chair"],
    ]

    /// True when a clause of `note` names the office (`words`) and, for a current title with a
    /// document year, its years hold that year.
    static func holds(_ note: String, words: [String], year: Int?, former: Bool) -> Bool {
        for clause in note.lowercased().split(separator: ";") {
            let c = String(clause)
            guard words.contains(where: { w in
                guard let r = c.range(of: w) else { return false }
                // "president" is not "vice president".
                return w != "president" || !c[..<r.lowerBound].hasSuffix("vice ")
            }) else { continue }
            if former || year == nil || fits(c, year!) { return true }
        }
        return false
    }

    /// The one office holder of people.tsv with that surname and title (and years fitting `year`):
    /// by `class`, or by a clause of its note that names the office.
    static func inPeopleList(_ doc: TaggingDocument, surname: UInt32, title: String, year: Int?) -> (String, Int?)? {
        guard let classes = officeClasses[title] else { return nil }
        let words = officeWords[title] ?? []
        let former = title.hasPrefix("前")
        let lex = doc.lexicon
        var byClass: [Int] = [], byNote: [Int] = []
        for i in lex.officeHoldersBySurname[surname] ?? [] {
            guard let cls = lex.entries[i].entryClass else { continue }
            let note = lex.entries[i].fields["note"] ?? ""
            if classes.contains(cls) && (year == nil || former || fits(note, year!)) { byClass.append(i) }
            if holds(note, words: words, year: year, former: former) { byNote.append(i) }
        }
        // The class is the main office; a note's clause counts when no class fits.
        let found = byClass.isEmpty ? byNote : byClass
        guard found.count == 1 else { return nil }
        return (lex.entries[found[0]].canonical, found[0])
    }

    /// True when `note` gives no years, or one of its spans (2016–2024, 2024–, 2019) holds `year`.
    static func fits(_ note: String, _ year: Int) -> Bool {
        let u = Array(note.unicodeScalars.map(\.value))
        var spans: [(Int, Int)] = []
        var i = 0
        func digits(_ at: Int) -> Int? {
            guard at + 4 <= u.count, (at..<(at + 4)).allSatisfy({ u[$0] >= 0x30 && u[$0] <= 0x39 }),
                  at + 4 == u.count || !(u[at + 4] >= 0x30 && u[at + 4] <= 0x39), at == 0 || !(u[at - 1] >= 0x30 && u[at - 1] <= 0x39) else { return nil }
            return Int(String(String.UnicodeScalarView(u[at..<(at + 4)].map { Unicode.Scalar($0)! })))
        }
        while i < u.count {
            if let a = digits(i) {
                var j = i + 4
                if j < u.count && (u[j] == 0x2013 || u[j] == 0x2D) {
                    j += 1
                    if let b = digits(j) { spans.append((a, b)); i = j + 4; continue }
                    spans.append((a, 9999)); i = j; continue
                }
                spans.append((a, a)); i = j; continue
            }
            i += 1
        }
        return spans.isEmpty || spans.contains { $0.0 <= year && year <= $0.1 }
    }
}
