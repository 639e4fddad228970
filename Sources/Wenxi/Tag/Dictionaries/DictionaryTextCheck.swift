import Foundation

/// The checks of `wenxi dict check` that need more than the parsed rows: the file's bytes
/// (encoding, line ends, stray spaces) and rules across entries (agency levels, parent cycles,
/// subdivision totals, rule data listed twice). The rules are those of Dictionaries/README.md.
extension DictionaryChecker {
    /// The agency levels of Dictionaries/README.md (`level` column of `agency` files).
    package static let agencyLevels = ["central", "provincial", "municipal", "city", "county", "district", "township", "foreign", "international"]

    /// The classes of a place's local subdivisions, counted against its `subdivisions` column.
    package static let subdivisionClasses = ["district", "township", "town", "county-city"]

    /// Reads a dictionary file for checking: unlike `DictionaryFile.load`, a file that is not
    /// UTF-8 is a problem in the list (not a thrown error), and the bytes are checked too
    /// (`textProblems`). Throws only when the file cannot be read at all.
    public static func load(path: String, name: String) throws -> DictionaryFile {
        if let size = InputFiles.size(of: path), size > DictionaryFile.maxFileBytes {
            throw WenxiError.malformed("\(name): \(size) bytes; a dictionary file holds at most \(DictionaryFile.maxFileBytes) bytes (split it)")
        }
        let bytes: [UInt8]
        do {
            bytes = try InputFiles.read(path: path, maxBytes: DictionaryFile.maxFileBytes)
        } catch {
            throw WenxiError.malformed("\(name): \(error)")
        }
        try DictionaryFile.checkLimits(bytes, name: name)
        return file(bytes: bytes, name: name)
    }

    /// Parses `bytes` as `DictionaryFile.parse` does and adds the problems of the bytes.
    package static func file(bytes: [UInt8], name: String) -> DictionaryFile {
        let problems = textProblems(bytes, name: name)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return DictionaryFile(name: name, kind: nil, source: nil, columns: [], entries: [], problems: problems)
        }
        var f = DictionaryFile.parse(text, name: name)
        f.problems = problems + f.problems
        return f
    }

    /// Problems of the bytes that the parser tolerates: not UTF-8 (then nothing else is checked),
    /// a byte-order mark, CR line ends (reported once, at the first), a line of only spaces, a
    /// comment ending in a space, a field or column name with spaces around it.
    package static func textProblems(_ bytes: [UInt8], name: String) -> [DictionaryProblem] {
        if let bad = UTF8Text.firstInvalid(bytes) {
            let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return [.init(file: name, line: line, message: "not valid UTF-8 at byte \(bad): save the file as UTF-8")]
        }
        var out: [DictionaryProblem] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            out.append(.init(file: name, line: 1, message: "starts with a byte-order mark: save as UTF-8 without BOM"))
        }
        var header: [String]? = nil
        var firstCR = 0, crLines = 0
        for (i, l) in ByteLines(bytes).enumerated() {
            let n = i + 1
            var slice = bytes[l.content]
            if l.crlf {
                crLines += 1
                if firstCR == 0 { firstCR = n }
            }
            if n == 1 && slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
            if slice.isEmpty { continue }
            let line = String(decoding: slice, as: UTF8.self).unicodeScalars
            func space(_ s: Unicode.Scalar?) -> Bool { s?.properties.isWhitespace == true }
            if line.allSatisfy({ $0.properties.isWhitespace }) {
                out.append(.init(file: name, line: n, message: "line of only spaces or tabs (an empty line must be empty)"))
                continue
            }
            if line.first == "#" {
                if space(line.last) { out.append(.init(file: name, line: n, message: "trailing space at the end of the comment")) }
                continue
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (k, cell) in cells.enumerated() where space(cell.first) || space(cell.last) {
                if let header {
                    let column = k < header.count ? "the '\(header[k])' field" : "field \(k + 1)"
                    out.append(.init(file: name, line: n, message: "space around \(column) (fields are separated by tabs only)"))
                } else {
                    out.append(.init(file: name, line: n, message: "space around column name '\(String(cell).trimmingCharacters(in: .whitespaces))'"))
                }
            }
            if header == nil { header = cells.map { String($0).trimmingCharacters(in: .whitespaces).lowercased() } }
        }
        if crLines > 0 {
            out.append(.init(file: name, line: firstCR,
                message: "CR line end (\(crLines) line\(crLines == 1 ? "" : "s") end in CR LF): save with LF line ends"))
        }
        return out
    }

    /// Rules across entries: an agency `level` outside `agencyLevels`; an empty alias or one with
    /// spaces around it; a `parent` cycle; a place whose `subdivisions` is not the number of its
    /// subdivision entries; a surname or cue listed twice (after folding); a credit pattern
    /// that credits nobody (no `{name}` or `{names}` slot).
    static func entryProblems(_ all: [DictionaryEntry], fold: FoldTable) -> [DictionaryProblem] {
        var out: [DictionaryProblem] = []
        let levels = Set(agencyLevels), subdivisionClasses = Set(subdivisionClasses)
        var children: [String: Int] = [:]
        var byID: [String: DictionaryEntry] = [:]
        var order: [String: Int] = [:]
        for (i, e) in all.enumerated() {
            byID[e.id] = e
            if order[e.id] == nil { order[e.id] = i }
            if let p = e.parent, let c = e.entryClass, subdivisionClasses.contains(c) { children[p, default: 0] += 1 }
        }
        var ruleSeen: [String: DictionaryEntry] = [:]
        for e in all {
            if e.kind == .agency, let level = e.level, !levels.contains(level) {
                out.append(.init(file: e.file, line: e.line,
                    message: "level '\(level)' of \(e.id) is not one of \(agencyLevels.joined(separator: ", "))"))
            }
            if let cell = e.fields["aliases"] {
                let pieces = cell.split(separator: "|", omittingEmptySubsequences: false)
                if pieces.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
                    out.append(.init(file: e.file, line: e.line, message: "empty alias (a stray '|' in '\(cell)')"))
                }
                for piece in pieces where !piece.allSatisfy(\.isWhitespace) {
                    let s = piece.unicodeScalars
                    let body = s.first == "~" ? s.dropFirst() : s[...]
                    if s.first!.properties.isWhitespace || s.last!.properties.isWhitespace || body.first?.properties.isWhitespace == true {
                        out.append(.init(file: e.file, line: e.line, message: "space around alias '\(piece)'"))
                    }
                }
            }
            if let want = e.fields["subdivisions"] {
                if let n = Int(want), n >= 0 {
                    let have = children[e.id] ?? 0
                    if have != n {
                        out.append(.init(file: e.file, line: e.line,
                            message: "\(e.id) has \(have) subdivisions (entries with parent \(e.id) and class \(Self.subdivisionClasses.joined(separator: ", "))); its 'subdivisions' column says \(n)"))
                    }
                } else {
                    out.append(.init(file: e.file, line: e.line, message: "subdivisions '\(want)' of \(e.id) is not a whole number"))
                }
            }
            let what = e.kind == .surname ? "surname" : (e.kind == .personCue || e.kind == .cue) ? "cue" : nil
            if let what {
                let key = e.kind.rawValue + "\t" + fold.fold(e.canonical)
                if let first = ruleSeen[key] {
                    out.append(.init(file: e.file, line: e.line, message: "\(what) '\(e.canonical)' is listed twice (also \(first.location))"))
                } else {
                    ruleSeen[key] = e
                }
            }
            if what == "cue", Lexicon.cueRoles(e) == [.credit], !e.canonical.contains("{name}"), !e.canonical.contains("{names}") {
                out.append(.init(file: e.file, line: e.line,
                    message: "credit pattern '\(e.canonical)' has no {name} or {names} slot: it credits nobody"))
            }
        }
        // Parent cycles, each reported once, at its member that comes first.
        var done = Set<String>()
        for e in all where !done.contains(e.id) {
            var path: [String] = []
            var onPath: [String: Int] = [:]
            var cur: DictionaryEntry? = e
            while let c = cur, !done.contains(c.id) {
                if let at = onPath[c.id] {
                    var cycle = Array(path[at...])
                    let start = cycle.indices.min { order[cycle[$0]]! < order[cycle[$1]]! }!
                    cycle = Array(cycle[start...] + cycle[..<start])
                    let first = byID[cycle[0]]!
                    out.append(.init(file: first.file, line: first.line,
                        message: "parent cycle: \((cycle + [cycle[0]]).joined(separator: " → "))"))
                    break
                }
                onPath[c.id] = path.count
                path.append(c.id)
                cur = c.parent.flatMap { byID[$0] }
            }
            done.formUnion(path)
        }
        return out
    }
}
