/// Gives each report page a file name derived from its source path, safely: the name is one
/// path component (no `/`, never `.` or `..`, no leading dot), made of letters, digits, `-`,
/// `_` and `.` only, at most `maxBytes` UTF-8 bytes before `.html`. So no path in a report can
/// name a file outside the output folder. Two reports whose names collide (the same path twice,
/// or paths that differ only in characters replaced by `_`, or only in letter case, for
/// case-insensitive disks) get `-2`, `-3`, … in input order, so the names are deterministic.
package struct PageNamer {
    package static let maxBytes = 120
    private var used: Set<String> = []

    package init() {}

    /// The base name (without `.html`) for a source path, before collision handling.
    package static func baseName(_ path: String) -> String {
        var parts: [String] = []
        for component in path.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if component == "." || component == ".." || component.isEmpty { continue }
            parts.append(String(component))
        }
        var out = ""
        var bytes = 0
        var lastUnderscore = false
        for scalar in parts.joined(separator: "_").unicodeScalars {
            let keep = scalar == "-" || scalar == "." || scalar == "_"
                || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
            let c: Unicode.Scalar = keep ? scalar : "_"
            if c == "_" && lastUnderscore { continue }
            lastUnderscore = c == "_"
            let n = String(c).utf8.count
            if bytes + n > maxBytes { break }
            out.unicodeScalars.append(c)
            bytes += n
        }
        while out.hasPrefix(".") { out.removeFirst() }
        // Marks (combining accents) are not alphabetic, so no name starts with a dangling one.
        return out.isEmpty ? "report" : out
    }

    /// A fresh file name (`NAME.html`) for `path`, distinct from every name given before.
    package mutating func name(for path: String) -> String {
        let base = PageNamer.baseName(path)
        var candidate = base
        var n = 1
        while used.contains(candidate.lowercased()) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        used.insert(candidate.lowercased())
        return candidate + ".html"
    }
}
