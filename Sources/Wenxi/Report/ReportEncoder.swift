import Foundation

/// Encodes reports (and anything else the CLI prints) as byte-stable JSON: sorted keys, no
/// escaped slashes, one line unless `pretty`.
public struct ReportEncoder: Sendable {
    public var pretty: Bool
    public init(pretty: Bool = false) { self.pretty = pretty }

    public func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
