import Foundation

/// Encodes reports (and anything else the CLI prints) as byte-stable JSON: sorted keys, no
/// escaped slashes, one line unless `pretty`.
///
/// One-line output goes through `FastJSONEncoder` (it writes the same bytes as `JSONEncoder`,
/// several times faster: encoding was a quarter of `wenxi analyze`'s time); values it does not
/// take, and pretty output, go through `JSONEncoder`.
public struct ReportEncoder: Sendable {
    public var pretty: Bool
    public init(pretty: Bool = false) { self.pretty = pretty }

    public func encode<T: Encodable>(_ value: T) throws -> Data {
        if !pretty, let bytes = try? FastJSONEncoder.encode(value) {
            return Data(bytes)
        }
        return try foundationEncode(value)
    }

    /// `JSONEncoder`'s output: the reference `FastJSONEncoder` matches.
    func foundationEncode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
