/// An HTML document being written, as UTF-8 bytes. Text from a report only ever enters it
/// through `text` (escaped); `raw` is for the page's own markup, never for report content.
package struct HTML {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 1 << 14) { bytes.reserveCapacity(capacity) }

    /// The page's own markup, written as is.
    package mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Text (or an attribute value) escaped: `& < > " '` become character references, so it
    /// can never open a tag, close an attribute or start a script.
    package mutating func text(_ s: String) { HTML.escape(s.utf8, into: &bytes) }

    package mutating func text<C: Collection>(bytes b: C) where C.Element == UInt8 { HTML.escape(b, into: &bytes) }

    /// `<tag>text</tag>`.
    package mutating func element(_ tag: String, _ s: String, attributes: String = "") {
        raw("<\(tag)\(attributes)>")
        text(s)
        raw("</\(tag)>")
    }

    /// A string as it must appear in HTML text or a quoted attribute value.
    package static func escaped(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        escape(s.utf8, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func escape<C: Collection>(_ s: C, into out: inout [UInt8]) where C.Element == UInt8 {
        for b in s {
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            case 0x00: out.append(contentsOf: "\u{FFFD}".utf8)
            default: out.append(b)
            }
        }
    }

    /// A URL fit for `href`: only `http:` and `https:` (a report could carry `javascript:`).
    package static func safeURL(_ s: String) -> String? {
        let lower = s.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        return s
    }

    /// Percent-encodes a file name for a relative link (everything but unreserved ASCII).
    package static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b & 15)]))
            }
        }
        return out
    }

    /// Text for a JSON string literal inside `<script type="application/json">`: `<`, `>`, `&`
    /// and the JavaScript line separators are escaped, so no `</script>` can end the block.
    package static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

/// Numbers as people read them: `45000000` → `45,000,000`, `-1234.5` → `-1,234.5`. Anything
/// that is not a plain decimal is returned unchanged.
package func groupedDigits(_ s: String) -> String {
    var body = Substring(s)
    var sign = ""
    if body.first == "-" { sign = "-"; body = body.dropFirst() }
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let intPart = parts.first, !intPart.isEmpty, intPart.allSatisfy({ $0.isASCII && $0.isNumber }) else { return s }
    var out = ""
    for (k, c) in intPart.enumerated() {
        if k > 0, (intPart.count - k) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    if parts.count == 2 { out += "." + parts[1] }
    return sign + out
}

/// The colour of each entity type. Text is near-black (#1a1a1a) on a light background, a
/// contrast ratio above 10:1 for every type (WCAG AA asks 4.5:1); the darker `edge` underlines
/// the highlight, so two adjacent spans of one type stay apart.
package enum TypeColors {
    package struct Color: Sendable, Equatable {
        package var background: String
        package var edge: String
    }

    package static let known: [(type: String, color: Color)] = [
        ("person", Color(background: "#ffd9d4", edge: "#b3261e")),
        ("agency", Color(background: "#d3e4ff", edge: "#1f5fbf")),
        ("organization", Color(background: "#e6dbff", edge: "#6a3fb5")),
        ("place", Color(background: "#d4f3d6", edge: "#2e7d32")),
        ("money", Color(background: "#fff1b0", edge: "#8a6500")),
        ("quantity", Color(background: "#ffe2c6", edge: "#b35900")),
        ("percent", Color(background: "#ffdcef", edge: "#a8326f")),
        ("date", Color(background: "#d2f1f1", edge: "#00696b")),
    ]

    /// Known types in the legend's order, then others by name.
    package static func order(_ a: String, _ b: String) -> Bool {
        let ia = known.firstIndex { $0.type == a } ?? Int.max
        let ib = known.firstIndex { $0.type == b } ?? Int.max
        return ia != ib ? ia < ib : a < b
    }

    /// A known type's colour; any other type gets a pale hue derived from its name (stable
    /// across runs: FNV-1a, not Swift's seeded hash).
    package static func color(of type: String) -> Color {
        if let k = known.first(where: { $0.type == type }) { return k.color }
        var h: UInt32 = 2166136261
        for b in type.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        let hue = Int(h % 360)
        return Color(background: "hsl(\(hue),70%,88%)", edge: "hsl(\(hue),60%,30%)")
    }

    /// True for a type name safe to put in a CSS selector as is; other names use the default
    /// highlight colours.
    package static func isPlainName(_ type: String) -> Bool {
        !type.isEmpty && type.utf8.count <= 40 && type.utf8.allSatisfy {
            (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
    }

    /// CSS rules colouring highlights and legend swatches of the given types.
    package static func css(for types: [String]) -> String {
        var out = ""
        for t in types where isPlainName(t) {
            let c = color(of: t)
            out += "mark.e[data-type=\"\(t)\"],.sw.sw-\(t){background:\(c.background);border-bottom-color:\(c.edge)}"
            out += "svg .bar.bar-\(t){fill:\(c.edge)}"
        }
        return out
    }
}
