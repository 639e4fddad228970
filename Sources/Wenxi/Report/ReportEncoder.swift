import Foundation

/// Encodes reports (and anything else the CLI prints) as byte-stable JSON: sorted keys, no
/// escaped slashes, one line unless `pretty`.
///
/// A `Report` on one line writes itself directly (ReportJSON.swift), the same bytes as
/// `JSONEncoder` but without `Codable` (which was a fifth of `wenxi analyze`'s time). Everything
/// else (pretty output, summaries, error records) goes through `JSONEncoder`.
public struct ReportEncoder: Sendable {
    public var pretty: Bool
    public init(pretty: Bool = false) { self.pretty = pretty }

    public func encode<T: Encodable>(_ value: T) throws -> Data {
        if !pretty {
            if let report = value as? Report { return Data(report.directJSON()) }
        }
        return try foundationEncode(value)
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
