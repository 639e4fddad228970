import Foundation

/// One row of a dictionary file.
package struct DictionaryEntry: Sendable, Equatable {
    /// `person`, `agency`, `organization`, `place`, or a rule-data kind (`surname`, `person-cue`, …).
    package var kind: DictionaryKind
    /// Stable id, unique across all files (`tw.loc.tyc`); a user file with the same id overrides.
    package var id: String
    /// The full official name (or, for rule data, the surname, cue or pattern).
    package var canonical: String
    /// Plain aliases (unique across all files).
    package var aliases: [String]
    /// Contextual aliases (written `~alias`): several entries may share one; context decides.
    package var contextualAliases: [String]
    /// The `class` column: what kind of body or person (`ministry`, `government` …).
    package var entryClass: String?
    /// The `parent` column: the id of the body this one belongs to.
    package var parent: String?
    /// The `level` column of agencies: `central`, `municipal`, `county`, `foreign` …
    package var level: String?
    /// The `successor` column: the id of the body that replaced this one.
    package var successor: String?
    /// Every column by name (rule-data files have their own columns): `fields["rule"]`.
    package var fields: EntryFields
    /// Where the row is: `Dictionaries/agencies-central.tsv:12`.
    package var file: String
    /// Line number of the row in `file`.
    package var line: Int

    /// `file:line`.
    package var location: String { "\(file):\(line)" }
}

/// A row's cells by column name: the file's column names (one array shared by all its rows) and
/// the row's cells. `fields[name]` is the cell of the last column of that name when the row has it
/// and it is not empty, else nil. A row used to carry a `[String: String]` of its cells: building
/// 30,000 of them (a hashed insert per non-empty cell) was a third of the dictionaries' load.
package struct EntryFields: Sendable, Equatable {
    /// Lowercased column names of the file, in header order.
    let columns: [String]
    /// The row's cells, trimmed; editors may drop trailing empty ones.
    let cells: [String]

    /// The non-empty cell of column `key` (lowercase), or nil.
    package subscript(key: String) -> String? {
        var i = columns.count - 1
        while i >= 0 {
            if columns[i] == key { return i < cells.count && !cells[i].isEmpty ? cells[i] : nil }
            i -= 1
        }
        return nil
    }

    /// Column name -> non-empty cell, as a dictionary (what equality compares).
    package var dictionary: [String: String] {
        var d: [String: String] = [:]
        for key in columns { d[key] = self[key] }
        return d
    }

    package static func == (a: EntryFields, b: EntryFields) -> Bool { a.dictionary == b.dictionary }
}

/// A problem in a dictionary file, reported as `file:line: message`.
public struct DictionaryProblem: Sendable, Equatable, CustomStringConvertible, Error {
    /// The file, as named in messages.
    public var file: String
    /// The line (1 for a problem of the whole file).
    public var line: Int
    /// What is wrong.
    public var message: String
    /// A problem at `file:line`.
    package init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    /// `file:line: message`.
    public var description: String { "\(file):\(line): \(message)" }
}

/// One parsed file: its header fields and rows, plus the problems met while reading it.
public struct DictionaryFile: Sendable {
    /// The name used in `source` fields and messages (`Dictionaries/places.tsv` or the path given).
    public var name: String
    /// The `# kind:` header; nil when it is missing or names no `DictionaryKind` (a problem).
    package var kind: DictionaryKind?
    /// The `# source:` header (nil when missing: a problem).
    package var source: String?
    /// The column names of the header line.
    package var columns: [String]
    /// The usable rows, in file order.
    package var entries: [DictionaryEntry]
    /// Problems met while reading (rows with one are left out of `entries`).
    public var problems: [DictionaryProblem]

    /// Columns every file must have; rule-data files name their main column after their kind.
    static func requiredColumns(kind: DictionaryKind?) -> [String] {
        switch kind {
        case .surname: return ["id", "surname"]
        case .personCue, .cue, .moneyCue: return ["id", "cue"]
        case .nameSurname, .nameJapanese: return ["id", "surname"]
        case .nameChar, .nameTranslit, .nameSimplified, .nameContext: return ["id", "char"]
        case .nameBlocker, .nameLatinGiven: return ["id", "name"]
        case .nameKnown: return ["id", "first"]
        case .notName, .placeHead, .encyclopedicContext, .contextFrame: return ["id", "word"]
        case .agency, .organization, .person, .place, .genericBody, .stateWord, .orgHead, .village, nil: return ["id", "canonical"]
        }
    }

    /// The column that holds an entry's main text.
    static func mainColumn(kind: DictionaryKind?) -> String { requiredColumns(kind: kind)[1] }

    /// Parses TSV text. Never throws: every problem becomes a `DictionaryProblem` and the bad row
    /// is skipped, so `wenxi dict check` can list them all.
    package static func parse(_ text: String, name: String) -> DictionaryFile {
        var parser = DictionaryParser(text: text, name: name)
        return parser.run()
    }

    static func isValidID(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { u in
            guard !u.isEmpty else { return false }
            for b in u {
                guard (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                    || b == 0x2E || b == 0x5F || b == 0x2D || b == 0x3A else { return false }
            }
            return true
        }
    }

    /// Reads and parses a file from disk. Throws only when the file cannot be read.
    package static func load(path: String, name: String) throws -> DictionaryFile {
        if let size = InputFiles.size(of: path), size > maxFileBytes {
            throw WenxiError.malformed("\(name): \(size) bytes; a dictionary file holds at most \(maxFileBytes) bytes (split it)")
        }
        let data: [UInt8]
        do {
            data = try InputFiles.read(path: path, maxBytes: maxFileBytes)
        } catch {
            throw WenxiError.malformed("\(name): cannot read dictionary file: \(error)")
        }
        try checkLimits(data, name: name)
        guard let text = String(validating: data, as: UTF8.self) else {
            // The line and byte `wenxi dict check` reports too.
            let problem = DictionaryChecker.textProblems(data, name: name).first
            throw WenxiError.malformed(problem?.description ?? "\(name):1: dictionary is not valid UTF-8")
        }
        let file = parse(text, name: name)
        if file.entries.count > maxEntries {
            throw WenxiError.malformed("\(name): \(file.entries.count) entries; a dictionary file holds at most \(maxEntries) (split it)")
        }
        return file
    }

    /// Limits on a dictionary file, so that a user dictionary cannot exhaust memory (every
    /// entry costs about 2 KB once built into the automaton). The default files are far below.
    package static let maxFileBytes = 8 << 20
    /// Longest line of a dictionary file, in bytes.
    package static let maxLineBytes = 16 << 10
    /// Most rows in one dictionary file.
    package static let maxEntries = 50_000

    /// Refuses a line longer than `maxLineBytes` (with its number): a TSV row is a few hundred bytes.
    static func checkLimits(_ bytes: [UInt8], name: String) throws {
        var line = 1, start = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            if i - start > maxLineBytes { break }
            line += 1
            start = i + 1
        }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end - start > maxLineBytes {
            throw WenxiError.malformed("\(name):\(line): line of \(end - start) bytes; a dictionary line holds at most \(maxLineBytes)")
        }
    }
}

/// The phases of `DictionaryFile.parse`: the line loop, the `#` header comments, the column header,
/// each data row (cells, id and main column, aliases) and the problems of a file without a header.
private struct DictionaryParser {
    /// Column indexes of the fixed fields, set with the header: a row's value is its cell at that
    /// index when present and non-empty (exactly `fields[name]`), read without hashing.
    struct FixedColumns {
        var id: Int? = nil
        var aliases: Int? = nil
        var entryClass: Int? = nil
        var parent: Int? = nil
        var level: Int? = nil
        var successor: Int? = nil
    }

    let name: String
    /// The text as bytes: Character-level String work is far too slow for thousands of rows.
    let bytes: [UInt8]
    var file: DictionaryFile
    /// Column name → index, set by the column header line.
    var header: [String: Int]? = nil
    var fixed = FixedColumns()
    /// The line being read (1-based).
    var lineNo = 0
    /// Ids met so far, with their line.
    var ids: [String: Int] = [:]
    /// Whether a `# kind:` comment was met (`file.kind` stays nil when it names no kind).
    var kindWritten = false

    init(text: String, name: String) {
        self.name = name
        self.bytes = Array(text.utf8)
        // About one id per line: the table is not rehashed as it grows.
        var lines = 0
        for b in bytes where b == 0x0A { lines += 1 }
        ids.reserveCapacity(lines)
        self.file = DictionaryFile(name: name, kind: nil, source: nil, columns: [], entries: [], problems: [])
    }

    /// Splits the text into lines (LF or CRLF, a leading BOM dropped, blank lines skipped) and hands
    /// each to its phase: comment, column header (the first other line), or data row.
    mutating func run() -> DictionaryFile {
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNo += 1
            var a = lineStart, b = lineEnd
            if b > a && bytes[b - 1] == 0x0D { b -= 1 }
            if lineNo == 1 && b - a >= 3 && bytes[a] == 0xEF && bytes[a + 1] == 0xBB && bytes[a + 2] == 0xBF { a += 3 }
            if bytes[a..<b].allSatisfy(ASCII.isBlank) { continue }
            if bytes[a] == 0x23 /* # */ {
                readComment(a, b)
                continue
            }
            let cells = splitCells(a, b)
            if let columns = header {
                readRow(cells, columns: columns)
            } else {
                readColumnHeader(cells)
            }
        }
        reportMissingHeader()
        return file
    }

    /// A problem on the current line (or on `line`).
    mutating func problem(_ message: String, line: Int? = nil) {
        file.problems.append(.init(file: name, line: line ?? lineNo, message: message))
    }

    // MARK: Header comments

    /// A `#` line `a..<b`. Only `kind:` and `source:` comments matter here (`# wenxi-dictionary:`,
    /// `# license:` and the rest are for readers and `wenxi dict check`).
    mutating func readComment(_ a: Int, _ b: Int) {
        guard mayBeKeyComment(a, b), let (key, value) = asciiKeyValue(a, b) ?? unicodeKeyValue(a, b) else { return }
        if key == "kind" { setKind(value) }
        if key == "source", !value.isEmpty { file.source = value }
    }

    /// Foundation's trimming is slow, so a comment is read only when the text before its first colon
    /// could be one of the keys: it contains `kind` or `source` in ASCII letters of any case, or a
    /// non-ASCII byte (whose Unicode whitespace or case mapping the byte test cannot judge).
    func mayBeKeyComment(_ a: Int, _ b: Int) -> Bool {
        guard let colonAt = bytes[(a + 1)..<b].firstIndex(of: 0x3A) else { return false }
        var lower: [UInt8] = []
        lower.reserveCapacity(colonAt - a)
        for x in bytes[(a + 1)..<colonAt] {
            if x >= 0x80 { return true }
            lower.append(x >= 0x41 && x <= 0x5A ? x + 0x20 : x)
        }
        func has(_ k: [UInt8]) -> Bool {
            lower.count >= k.count && (0...(lower.count - k.count)).contains { lower[$0..<($0 + k.count)].elementsEqual(k) }
        }
        return has(Array("kind".utf8)) || has(Array("source".utf8))
    }

    /// The lowercased key and the value of comment `a..<b`, trimmed of spaces and tabs on the bytes
    /// (what `.whitespaces` trims in ASCII). Nil when a non-ASCII byte sits at an edge, right after
    /// the colon or in the key: `unicodeKeyValue` judges those.
    func asciiKeyValue(_ a: Int, _ b: Int) -> (key: String, value: String)? {
        guard let (bx, by) = asciiTrimmed(a + 1, b), let colon = bytes[bx..<by].firstIndex(of: 0x3A),
              colon + 1 >= by || bytes[colon + 1] < 0x80,
              let (kx, ky) = asciiTrimmed(bx, colon), let (vx, vy) = asciiTrimmed(colon + 1, by),
              !bytes[kx..<ky].contains(where: { $0 >= 0x80 }) else { return nil }
        let key = String(decoding: bytes[kx..<ky], as: UTF8.self).lowercased()
        return (key, String(decoding: bytes[vx..<vy], as: UTF8.self))
    }

    /// `from..<to` trimmed of ASCII blanks; nil when a non-ASCII byte is at either edge.
    func asciiTrimmed(_ from: Int, _ to: Int) -> (Int, Int)? {
        let t = ASCII.trimBlanks(bytes, from..<to)
        let x = t.lowerBound, y = t.upperBound
        if x < y && (bytes[x] >= 0x80 || bytes[y - 1] >= 0x80) { return nil }
        return (x, y)
    }

    /// The Foundation path for a comment with non-ASCII edges: Unicode whitespace trimmed, the key
    /// lowercased; nil when no `:` Character (a colon with a combining mark is not one).
    func unicodeKeyValue(_ a: Int, _ b: Int) -> (key: String, value: String)? {
        let body = String(decoding: bytes[(a + 1)..<b], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let key = body[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        return (key, body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    /// A `# kind:` comment: its value must name a `DictionaryKind`.
    mutating func setKind(_ value: String) {
        kindWritten = true
        file.kind = DictionaryKind(rawValue: value)
        if file.kind == nil {
            problem("unknown kind '\(value)' (known: \(DictionaryKind.listing))")
        }
    }

    // MARK: Column header and rows

    /// The tab-separated cells of line `a..<b`, each trimmed of spaces.
    func splitCells(_ a: Int, _ b: Int) -> [String] {
        var cells: [String] = []
        cells.reserveCapacity(file.columns.count + 1)
        var c = a
        while true {
            var e = c
            while e < b && bytes[e] != 0x09 { e += 1 }
            var x = c, y = e
            while x < y && bytes[x] == 0x20 { x += 1 }
            while y > x && bytes[y - 1] == 0x20 { y -= 1 }
            cells.append(String(decoding: bytes[x..<y], as: UTF8.self))
            if e >= b { return cells }
            c = e + 1
        }
    }

    /// The first non-comment line: column names (case-insensitive, no duplicates), the kind's required
    /// columns, and the `# kind:` and `# source:` comments that must come before it.
    mutating func readColumnHeader(_ cells: [String]) {
        var map: [String: Int] = [:]
        for (i, c) in cells.enumerated() {
            let key = c.lowercased()
            if map[key] != nil { problem("duplicate column '\(c)' in header") }
            map[key] = i
        }
        for req in DictionaryFile.requiredColumns(kind: file.kind) where map[req] == nil {
            problem("header lacks required column '\(req)'")
        }
        file.columns = cells.map { $0.lowercased() }
        header = map
        fixed = FixedColumns(id: map["id"], aliases: map["aliases"], entryClass: map["class"],
                             parent: map["parent"], level: map["level"], successor: map["successor"])
        if !kindWritten { problem("missing '# kind:' header comment before the column header") }
        if file.source == nil { problem("missing '# source:' header comment before the column header") }
    }

    /// A data row: no more cells than columns, then id and main column, then aliases. A row with a
    /// problem is left out; rows of a file without a known kind are checked but not kept.
    mutating func readRow(_ cells: [String], columns: [String: Int]) {
        // Trailing empty optional cells may be dropped by editors; more cells than columns is an error.
        if cells.count > file.columns.count {
            problem("\(cells.count) columns, header has \(file.columns.count)")
            return
        }
        let fields = EntryFields(columns: file.columns, cells: cells)
        func cell(_ i: Int?) -> String? {
            guard let i, i < cells.count, !cells[i].isEmpty else { return nil }
            return cells[i]
        }
        guard let (id, canonical) = checkedKey(id: cell(fixed.id), fields: fields) else { return }
        let (plain, contextual) = splitAliases(cell(fixed.aliases) ?? "")
        // Rows of a file without a known kind are checked but not kept: nothing could use them.
        guard let kind = file.kind else { return }
        file.entries.append(DictionaryEntry(
            kind: kind, id: id, canonical: canonical, aliases: plain, contextualAliases: contextual,
            entryClass: cell(fixed.entryClass), parent: cell(fixed.parent), level: cell(fixed.level),
            successor: cell(fixed.successor), fields: fields, file: name, line: lineNo))
    }

    /// The row's id and main text; nil (with a problem) when the id is empty, malformed or already
    /// used, or the main column is empty. A good id is remembered with its line.
    mutating func checkedKey(id: String?, fields: EntryFields) -> (id: String, canonical: String)? {
        guard let id else {
            problem("empty id")
            return nil
        }
        guard DictionaryFile.isValidID(id) else {
            problem("bad id '\(id)' (ASCII letters, digits and . _ - only)")
            return nil
        }
        let main = DictionaryFile.mainColumn(kind: file.kind)
        guard let canonical = fields[main] else {
            problem("empty \(main) for id \(id)")
            return nil
        }
        // One hashed look-up: the line is stored, and the first one put back on a duplicate.
        if let first = ids.updateValue(lineNo, forKey: id) {
            ids[id] = first
            problem("duplicate id \(id) (also line \(first))")
            return nil
        }
        return (id, canonical)
    }

    /// The `aliases` cell split on `|` over the UTF-8 bytes, each trimmed of spaces, empty ones
    /// skipped; `~alias` is contextual, and a lone `~` is a problem.
    mutating func splitAliases(_ cell: String) -> (plain: [String], contextual: [String]) {
        var plain: [String] = [], contextual: [String] = []
        var aliasCell = cell
        aliasCell.withUTF8 { u in
            var p = 0
            while p <= u.count {
                var q = p
                while q < u.count && u[q] != 0x7C /* | */ { q += 1 }
                var x = p, y = q
                while x < y && u[x] == 0x20 { x += 1 }
                while y > x && u[y - 1] == 0x20 { y -= 1 }
                if x < y {
                    // `~` then a combining mark is one Character, not the `~` prefix (as `hasPrefix` judges).
                    if u[x] == 0x7E /* ~ */, String(decoding: UnsafeBufferPointer(rebasing: u[x..<y]), as: UTF8.self).hasPrefix("~") {
                        var r = x + 1
                        while r < y && u[r] == 0x20 { r += 1 }
                        if r == y {
                            problem("empty contextual alias '~'")
                        } else { contextual.append(String(decoding: UnsafeBufferPointer(rebasing: u[r..<y]), as: UTF8.self)) }
                    } else {
                        plain.append(String(decoding: UnsafeBufferPointer(rebasing: u[x..<y]), as: UTF8.self))
                    }
                }
                p = q + 1
            }
        }
        return (plain, contextual)
    }

    // MARK: Problems of the whole file

    /// A file that never reached a column header: say so, and which header comments are missing.
    mutating func reportMissingHeader() {
        guard header == nil else { return }
        problem("no column header line", line: max(lineNo, 1))
        if !kindWritten { problem("missing '# kind:' header comment", line: 1) }
        if file.source == nil { problem("missing '# source:' header comment", line: 1) }
    }
}

/// The files of a dictionary folder. Finding the folder is the caller's business (the command
/// looks in `$WENXI_DICTIONARIES`, beside its executable and in a checkout): the library reads
/// only the folder it is given.
package enum DictionaryFolder {
    /// The `*.tsv` files of `dir` (hidden files left out), sorted by name: the load order.
    package static func tsvFiles(in dir: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }.sorted()
            .map { (dir as NSString).appendingPathComponent($0) }
    }

    /// Whether `dir` is a folder that holds at least one `*.tsv` file.
    package static func holdsDictionaries(_ dir: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue
            && !tsvFiles(in: dir).isEmpty
    }

    /// The name a default dictionary file carries in `source` fields: `Dictionaries/<file>`.
    package static func displayName(defaultFile path: String) -> String {
        "Dictionaries/" + (path as NSString).lastPathComponent
    }
}

/// All dictionary entries in force: the default files, then user files (same id overrides; later wins).
package struct DictionarySet: Sendable {
    /// The files, in load order.
    package var files: [DictionaryFile]
    /// Entries in force, in load order (an overridden entry is replaced in place).
    package var entries: [DictionaryEntry]

    /// The entries of `files` in load order, a later same id replacing an earlier one.
    package init(files: [DictionaryFile]) {
        self.files = files
        var entries: [DictionaryEntry] = []
        var index: [String: Int] = [:]
        let total = files.reduce(0) { $0 + $1.entries.count }
        entries.reserveCapacity(total)
        index.reserveCapacity(total)
        for f in files {
            for j in f.entries.indices {
                // One hashed look-up per entry: the new index is stored, the old one put back
                // when the id was there already (a user file's override).
                if let i = index.updateValue(entries.count, forKey: f.entries[j].id) {
                    index[f.entries[j].id] = i
                    entries[i] = f.entries[j]
                } else {
                    entries.append(f.entries[j])
                }
            }
        }
        self.entries = entries
    }

    /// Loads the default dictionaries of folder `directory` (its `*.tsv` files, by name) plus user
    /// files `extra`. A file with problems that make rows unusable still loads its good rows; a
    /// file that cannot be read, or lacks its kind/source header or names an unknown kind, is an
    /// error naming the file.
    package static func load(directory dir: String, extra: [String] = []) throws -> DictionarySet {
        // The files parse independently: on several threads when there are cores to spare.
        let paths = DictionaryFolder.tsvFiles(in: dir)
        let results = LoadResults(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            results.set(i, Result { try DictionaryFile.load(path: paths[i], name: DictionaryFolder.displayName(defaultFile: paths[i])) })
        }
        var files: [DictionaryFile] = []
        for r in results.all() { files.append(try r.get()) }
        if files.isEmpty { throw WenxiError.malformed("\(dir): no *.tsv dictionary files") }
        for path in extra {
            guard FileManager.default.fileExists(atPath: path) else {
                throw WenxiError.malformed("\(path): dictionary file not found")
            }
            files.append(try DictionaryFile.load(path: path, name: path))
        }
        for f in files {
            // A file must say what it holds and where its entries come from (`dict check` rules alike).
            if let fatal = f.problems.first(where: {
                $0.message.hasPrefix("missing '# kind:'") || $0.message.hasPrefix("unknown kind") || $0.message.hasPrefix("missing '# source:'")
                    || $0.message.hasPrefix("header lacks") || $0.message == "no column header line"
            }) {
                throw WenxiError.malformed(fatal.description)
            }
        }
        return DictionarySet(files: files)
    }
}

/// Results of parallel file loads, written once per index under a lock.
private final class LoadResults: @unchecked Sendable {
    private var items: [Result<DictionaryFile, Error>?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<DictionaryFile, Error>) { lock.lock(); items[i] = r; lock.unlock() }
    func all() -> [Result<DictionaryFile, Error>] { lock.lock(); defer { lock.unlock() }; return items.map { $0! } }
}
