import Foundation
import Wenxi

/// Stream mode (`--input jsonl`): one JSON object per line,
/// `{"id": …, "text": …}`, `{"id": …, "html": …}` or `{"id": …, "post": …}`.
package enum StreamInput {
    /// A line that cannot become a document: its line number and id (when one could be read).
    package struct LineError: Error, Equatable, Sendable {
        package var line: Int
        package var id: String?
        package var reason: String
        package init(line: Int, id: String?, reason: String) {
            self.line = line
            self.id = id
            self.reason = reason
        }
    }

    /// The content keys and the format each one states.
    static let contentKeys: [(String, InputFormat)] = [("text", .text), ("html", .html), ("post", .post)]

    /// Parses one line of `source` (a file name or `-`) into a document. The id may be a string
    /// or a number (kept as its JSON text, e.g. `17`); it becomes the report's `id` and, as the
    /// report's `source.path`, `SOURCE:LINE` when absent. Other keys are ignored.
    /// Returns nil for a blank line (skipped, no output).
    package static func parse(_ bytes: [UInt8], line: Int, source: String) -> Result<InputDocument, LineError>? {
        if ASCII.isBlankLine(bytes) { return nil }
        // A numeric id is kept as written (1E2, -0, 1e400): its token is read from the bytes and
        // replaced by 0 for the parser, which would rewrite it (100.0, 0) or refuse it (1e400).
        var bytes = bytes
        let rawID = StreamInput.numericID(bytes)
        if let rawID { bytes.replaceSubrange(rawID.range, with: [0x30]) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            // A lone UTF-16 surrogate escape (\ud800) is well-formed JSON but no Unicode text:
            // refused with that reason, and with the id when the rest of the line gives it.
            guard let repaired = StreamInput.replacingLoneSurrogates(bytes) else {
                return .failure(LineError(line: line, id: nil, reason: "not valid JSON"))
            }
            let dict = (try? JSONSerialization.jsonObject(with: Data(repaired.bytes))) as? [String: Any]
            let id = rawID?.text ?? (dict?["id"] as? String)
            return .failure(LineError(line: line, id: id, reason: "not valid JSON: lone UTF-16 surrogate escape \\u\(repaired.first) (not a Unicode character)"))
        }
        guard let dict = object as? [String: Any] else {
            return .failure(LineError(line: line, id: nil, reason: "not a JSON object"))
        }
        var id: String?
        if let raw = dict["id"], !(raw is NSNull) {
            if let s = raw as? String {
                id = s
            } else if let n = raw as? NSNumber, String(cString: n.objCType) != "c", let rawID { // "c": a JSON boolean
                id = rawID.text
            } else {
                return .failure(LineError(line: line, id: nil, reason: "\"id\" must be a string or a number"))
            }
        }
        let present = contentKeys.filter { dict[$0.0] != nil }
        guard present.count == 1 else {
            let reason = present.isEmpty
                ? "no \"text\", \"html\" or \"post\" key"
                : "more than one of \"text\", \"html\", \"post\" (\(present.map(\.0).joined(separator: ", ")))"
            return .failure(LineError(line: line, id: id, reason: reason))
        }
        let (key, format) = present[0]
        guard let content = dict[key] as? String else {
            return .failure(LineError(line: line, id: id, reason: "\"\(key)\" must be a string"))
        }
        let path = id ?? "\(source):\(line)"
        return .success(InputDocument(path: path, bytes: Array(content.utf8), id: id, format: format))
    }
}

extension StreamInput {
    /// The top-level `"id"` of a JSON object line when its value is a number: the token's byte
    /// range and text. Nil for any other line (the parser then judges it).
    static func numericID(_ b: [UInt8]) -> (range: Range<Int>, text: String)? {
        var i = 0
        let n = b.count
        func ws() { while i < n, ASCII.isSpace(b[i]) { i += 1 } }
        /// Skips a string at `i` (which must be a quote); returns its raw bytes' range.
        func string() -> Range<Int>? {
            guard i < n, b[i] == 0x22 else { return nil }
            let start = i + 1
            i += 1
            while i < n, b[i] != 0x22 { i += b[i] == 0x5C ? 2 : 1 }
            guard i < n else { return nil }
            i += 1
            return start..<(i - 1)
        }
        /// Skips any value; false when the line is not well formed here.
        func value() -> Bool {
            guard i < n else { return false }
            if b[i] == 0x22 { return string() != nil }
            if b[i] == 0x7B || b[i] == 0x5B {
                var depth = 0
                while i < n {
                    switch b[i] {
                    case 0x22: if string() == nil { return false }; continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D: depth -= 1
                    default: break
                    }
                    i += 1
                    if depth == 0 { return true }
                }
                return false
            }
            let start = i
            while i < n, !(b[i] == 0x2C || b[i] == 0x7D || b[i] == 0x5D || ASCII.isSpace(b[i])) { i += 1 }
            return i > start
        }
        ws()
        guard i < n, b[i] == 0x7B else { return nil }
        i += 1
        var found: (range: Range<Int>, text: String)? = nil
        while true {
            ws()
            guard i < n else { return nil }
            if b[i] == 0x7D { return found }
            guard let key = string() else { return nil }
            ws()
            guard i < n, b[i] == 0x3A else { return nil }
            i += 1
            ws()
            let start = i
            guard value() else { return nil }
            if b[key].elementsEqual("id".utf8) {
                let first = b[start]
                if first == 0x2D || (first >= 0x30 && first <= 0x39) {
                    found = (start..<i, String(decoding: b[start..<i], as: UTF8.self))
                } else {
                    found = nil // a later id that is not a number wins, as in the parser
                }
            }
            ws()
            guard i < n else { return nil }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { return found }
            return nil
        }
    }

    /// `bytes` with each lone surrogate escape (`\ud800` not followed by a low surrogate escape,
    /// or a low one not after a high one) replaced by `\ufffd`, and the first one's hex digits;
    /// nil when there is none.
    static func replacingLoneSurrogates(_ b: [UInt8]) -> (bytes: [UInt8], first: String)? {
        func hex(_ at: Int) -> Int? {
            guard at + 6 <= b.count, b[at] == 0x5C, b[at + 1] == 0x75 || b[at + 1] == 0x55 else { return nil }
            return Int(String(decoding: b[(at + 2)..<(at + 6)], as: UTF8.self), radix: 16)
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var first: String? = nil
        var i = 0
        var inString = false
        while i < b.count {
            let c = b[i]
            if !inString {
                if c == 0x22 { inString = true }
                out.append(c)
                i += 1
                continue
            }
            if c == 0x22 { inString = false; out.append(c); i += 1; continue }
            if c != 0x5C || i + 1 >= b.count { out.append(c); i += 1; continue }
            if let v = hex(i), (0xD800...0xDFFF).contains(v) {
                if v <= 0xDBFF, let w = hex(i + 6), (0xDC00...0xDFFF).contains(w) {
                    out.append(contentsOf: b[i..<(i + 12)])
                    i += 12
                    continue
                }
                if first == nil { first = String(decoding: b[(i + 2)..<(i + 6)], as: UTF8.self).lowercased() }
                out.append(contentsOf: Array("\\ufffd".utf8))
                i += 6
                continue
            }
            out.append(contentsOf: b[i..<(i + 2)]) // any other escape, kept whole
            i += 2
        }
        return first.map { (out, $0) }
    }
}

/// The record written on stdout, in stream mode, for a line that gave no report, so that every
/// input line still has one output line: `{"error":"…","id":…,"input":"-","line":3,"schema":…}`.
package struct StreamErrorRecord: Codable, Sendable, Equatable {
    package var schema = "wenxi.error/1"
    package var id: String?
    /// The stream it came from (`-` or the file name) and its line there.
    package var input: String
    package var line: Int
    package var error: String

    package init(id: String?, input: String, line: Int, error: String) {
        self.id = id
        self.input = input
        self.line = line
        self.error = error
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(id, forKey: .id) // null when absent: the key is always there
        try c.encode(input, forKey: .input)
        try c.encode(line, forKey: .line)
        try c.encode(error, forKey: .error)
    }
}
