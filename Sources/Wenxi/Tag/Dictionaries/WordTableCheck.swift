/// `wenxi dict check` rules shared by the word tables (`not-names.tsv`, `place-heads.tsv`,
/// `encyclopedic-context.tsv`): rows of `id word class note` whose class names the set a word
/// joins. Each table says which classes it knows and how many Han characters a word of each may
/// have; the rules are the same: a known class, a word of that many Han characters, no word
/// twice in one class.
enum WordTableCheck {
    static func problems(_ entries: [DictionaryEntry], kind: DictionaryKind,
                         lengths: [String: ClosedRange<Int>]) -> [DictionaryProblem] {
        var out: [DictionaryProblem] = []
        var seen: [String: DictionaryEntry] = [:]
        let name = kind.rawValue
        for e in entries where e.kind == kind {
            let c = e.entryClass ?? ""
            guard let range = lengths[c] else {
                out.append(.init(file: e.file, line: e.line, message: "\(name) \(e.id) has class '\(c)' (known: \(lengths.keys.sorted().joined(separator: ", ")))"))
                continue
            }
            let u = e.canonical.unicodeScalars
            if !range.contains(u.count) || !u.allSatisfy({ FoldTable.isHan($0.value) }) {
                let n = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
                out.append(.init(file: e.file, line: e.line, message: "\(name) '\(e.canonical)' (class \(c)) is not \(n) Han character\(range.upperBound == 1 ? "" : "s")"))
                continue
            }
            if let first = seen[c + "\t" + e.canonical] {
                out.append(.init(file: e.file, line: e.line, message: "\(name) '\(e.canonical)' is listed twice in class \(c) (also \(first.location))"))
            } else {
                seen[c + "\t" + e.canonical] = e
            }
        }
        return out
    }
}
