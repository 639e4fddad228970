import Foundation
internal import CICU

/// What made a report: the program's version, ICU's, and the dictionary set in force.
/// `wenxi --version` prints it.
package struct VersionInfo: Sendable, Encodable {
    /// The release of Wenxi (bumped by hand with each release; the bundle is named after it).
    package static let wenxiVersion = "0.1.0"

    /// The release, `VersionInfo.wenxiVersion`.
    package var wenxi: String
    /// ICU's version ("72.1").
    package var icu: String
    /// The Unicode version of ICU's character data ("15.0").
    package var unicode: String
    /// The dictionary set in force.
    package var dictionaries: DictionaryFingerprint

    /// Loads the dictionaries of folder `directory` (and `extra` user files) to count their entries.
    package init(dictionaryDirectory directory: String, extraDictionaries extra: [String] = []) throws {
        wenxi = Self.wenxiVersion
        icu = Self.icuVersion
        unicode = Self.unicodeVersion
        dictionaries = try DictionaryFingerprint(directory: directory, extra: extra)
    }

    /// The version of the ICU library linked (`72.1`).
    package static var icuVersion: String { versionString(wenxi_icu_version) }
    /// The Unicode version of ICU's character data (`15.0`).
    package static var unicodeVersion: String { versionString(wenxi_unicode_version) }

    private static func versionString(_ f: (UnsafeMutablePointer<CChar>?, Int32) -> Void) -> String {
        var v = [CChar](repeating: 0, count: 32)
        f(&v, 32)
        return String(decoding: v.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The dictionary set in force: where it was found, its files, entries in force, and a SHA-256
/// over the files (each file's name, a NUL, its byte count, a NUL, then its bytes, in load order:
/// the default files sorted by name, then user files), so two runs that print the same checksum
/// used the same tables.
package struct DictionaryFingerprint: Sendable, Encodable {
    /// The default dictionary folder the set was loaded from.
    package var directory: String
    /// File names, in load order.
    package var files: [String]
    /// Entries in force (after user files override).
    package var entries: Int
    /// Hex SHA-256 over the files (see the type).
    package var sha256: String

    /// Loads the dictionaries of folder `dir` plus user files `extra` and fingerprints them.
    package init(directory dir: String, extra: [String] = []) throws {
        let set = try DictionarySet.load(directory: dir, extra: extra)
        self.directory = dir
        let paths = DictionaryFolder.tsvFiles(in: dir) + extra
        files = paths.map { ($0 as NSString).lastPathComponent }
        entries = set.entries.count
        var all: [UInt8] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw WenxiError.malformed("\(path): cannot read dictionary file")
            }
            all += Array(((path as NSString).lastPathComponent + "\0\(data.count)\0").utf8)
            all += data
        }
        sha256 = SourceHash.sha256Hex(all)
    }
}
