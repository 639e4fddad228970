import Foundation

/// Encodes reports (and anything else the CLI prints) as byte-stable JSON: sorted keys, no
/// escaped slashes, one line unless `pretty`.
///
/// A `Report` on one line writes itself directly (ReportJSON.swift), the same bytes as
/// `JSONEncoder` but without `Codable` (which was a fifth of `wenxi analyze`'s time). Everything
/// else (pretty output, summaries, error records) goes through `JSONEncoder`.
public struct ReportEncoder: Sendable {
    /// Indented output over several lines (`--pretty`) instead of one line.
    public var pretty: Bool
    /// One line per value unless `pretty`.
    public init(pretty: Bool = false) { self.pretty = pretty }

    /// The JSON bytes of `value`, without a final newline.
    public func encode<T: Encodable>(_ value: T) throws -> Data {
        if !pretty {
            if let report = value as? Report { return report.directJSONData(newline: false) }
        }
        let data = try foundationEncode(value)
        return pretty ? Self.collapseEmptyContainers(data) : data
    }

    /// `encode(value)` and a newline: a line of `wenxi analyze`'s output. A report's line is
    /// written in one buffer (appending the newline to the finished `Data` would copy it).
    package func encodeLine<T: Encodable>(_ value: T) throws -> Data {
        if let report = value as? Report { return try encodeLine(report) }
        var data = try encode(value)
        data.append(0x0A)
        return data
    }

    /// `encodeLine` of a report (`wenxi analyze`'s lines: the caller's value is a `Report`, so
    /// this overload is chosen over the generic one, whose `as? Report` copied the whole report
    /// out of the generic value, every field retained, then released).
    package func encodeLine(_ report: Report) throws -> Data {
        if !pretty { return report.directJSONData(newline: true) }
        var data = try encode(report)
        data.append(0x0A)
        return data
    }

    /// JSONEncoder's pretty printer writes an empty array as `[` newline newline-and-indent `]`;
    /// this makes it `[]` (and an empty object `{}`). JSON strings hold no raw line breaks
    /// (they are escaped), so a bracket followed by only white space up to its closing bracket
    /// is always an empty container.
    static func collapseEmptyContainers(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        var inString = false
        while i < bytes.count {
            let b = bytes[i]
            out.append(b)
            i += 1
            if inString {
                if b == 0x5C, i < bytes.count { out.append(bytes[i]); i += 1 }  // an escaped character
                else if b == 0x22 { inString = false }
                continue
            }
            if b == 0x22 { inString = true; continue }
            guard b == 0x5B || b == 0x7B else { continue }  // [ or {
            let close: UInt8 = b == 0x5B ? 0x5D : 0x7D
            var j = i
            while j < bytes.count, bytes[j] == 0x0A || bytes[j] == 0x20 { j += 1 }
            if j > i, j < bytes.count, bytes[j] == close {
                out.append(close)
                i = j + 1
            }
        }
        return Data(out)
    }

    /// `JSONEncoder`'s output: the reference the fast paths match.
    func foundationEncode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
