import Foundation

/// Stream mode (`--input jsonl`): one JSON object per line,
/// `{"id": …, "text": …}`, `{"id": …, "html": …}` or `{"id": …, "post": …}`.
public enum StreamInput {
    /// A line that cannot become a document: its line number and id (when one could be read).
    public struct LineError: Error, Equatable, Sendable {
        public var line: Int
        public var id: String?
        public var reason: String
        public init(line: Int, id: String?, reason: String) {
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
    public static func parse(_ bytes: [UInt8], line: Int, source: String) -> Result<InputDocument, LineError>? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .failure(LineError(line: line, id: nil, reason: "not valid JSON"))
        }
        guard let dict = object as? [String: Any] else {
            return .failure(LineError(line: line, id: nil, reason: "not a JSON object"))
        }
        var id: String?
        if let raw = dict["id"], !(raw is NSNull) {
            if let s = raw as? String {
                id = s
            } else if let n = raw as? NSNumber, String(cString: n.objCType) != "c" { // "c": a JSON boolean
                id = n.stringValue
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

/// The record written on stdout, in stream mode, for a line that gave no report, so that every
/// input line still has one output line: `{"error":"…","id":…,"input":"-","line":3,"schema":…}`.
public struct StreamErrorRecord: Codable, Sendable, Equatable {
    public var schema = "wenxi.error/1"
    public var id: String?
    /// The stream it came from (`-` or the file name) and its line there.
    public var input: String
    public var line: Int
    public var error: String

    public init(id: String?, input: String, line: Int, error: String) {
        self.id = id
        self.input = input
        self.line = line
        self.error = error
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(id, forKey: .id) // null when absent: the key is always there
        try c.encode(input, forKey: .input)
        try c.encode(line, forKey: .line)
        try c.encode(error, forKey: .error)
    }
}
