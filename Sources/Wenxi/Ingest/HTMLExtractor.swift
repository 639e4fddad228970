internal import CLibXML2

/// Article text out of HTML: libxml2's HTML parser (with recovery) builds the tree, and one walk
/// over it collects body paragraphs, image captions and related links, dropping boilerplate
/// (see `BoilerplateRules`). Text is gathered as UTF-8 bytes and cleaned by `TextNormalizer`.
struct HTMLExtractor {
    struct Result {
        var paragraphs: [String] = []
        var captions: [String] = []
        var related: [Link] = []
        /// The `<title>` of a whole HTML document, when there is one.
        var title: String?
    }

    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `html` (UTF-8) and extracts its text. An empty or blank input gives an empty result.
    static func extract(_ html: [UInt8]) throws -> Result {
        _ = parserReady
        var walker = Walker()
        if html.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return walker.result }
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue
            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let doc: htmlDocPtr? = html.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { throw WenxiError.html("libxml2 could not parse the document") }
        defer { xmlFreeDoc(doc) }
        if let root = xmlDocGetRootElement(doc) {
            walker.walk(root, .body)
            walker.flush()
        }
        return walker.result
    }
}

private enum Mode {
    /// Text is article body.
    case body
    /// Inside a media wrapper: text is not body, but captions and related links still count.
    case hidden
    /// Inside a caption: text goes to the caption buffer.
    case caption
    /// Inside a related-links box: only links count.
    case related
    /// Inside a related link: text goes to the link-title buffer.
    case link
}

private struct Walker {
    var result = HTMLExtractor.Result()
    private var current: [UInt8] = []
    private var captionBuffer: [UInt8] = []
    private var linkBuffer: [UInt8] = []
    private var titleBuffer: [UInt8] = []
    private var seenCaptions: Set<String> = []

    init() {
        current.reserveCapacity(4096)
    }

    /// Ends the body paragraph being built.
    mutating func flush() {
        guard !current.isEmpty else { return }
        if let p = current.withUnsafeBufferPointer({ TextNormalizer.paragraph($0) }) { result.paragraphs.append(p) }
        current.removeAll(keepingCapacity: true)
    }

    private mutating func addCaption(_ bytes: [UInt8]) {
        guard let c = bytes.withUnsafeBufferPointer({ TextNormalizer.paragraph($0) }) else { return }
        // CNA repeats a picture's alt text in its caption, sometimes with the credit appended:
        // keep the longer of two captions when one starts with the other.
        if let last = result.captions.last, c.hasPrefix(last) {
            result.captions[result.captions.count - 1] = c
            seenCaptions.insert(c)
            return
        }
        if result.captions.contains(where: { $0.hasPrefix(c) }) { return }
        if seenCaptions.insert(c).inserted { result.captions.append(c) }
    }

    /// Walks `node` and its following siblings.
    mutating func walk(_ first: xmlNodePtr, _ mode: Mode) {
        var node: xmlNodePtr? = first
        while let n = node {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { appendText(content, mode) }
            case XML_ELEMENT_NODE:
                if element(n, mode) == .stopSiblings { return }
            default:
                break
            }
            node = n.pointee.next
        }
    }

    private mutating func appendText(_ content: UnsafeMutablePointer<xmlChar>, _ mode: Mode) {
        let len = Int(xmlStrlen(content))
        let buf = UnsafeBufferPointer(start: content, count: len)
        switch mode {
        case .body: current.append(contentsOf: buf)
        case .caption: captionBuffer.append(contentsOf: buf)
        case .link: linkBuffer.append(contentsOf: buf)
        case .hidden, .related: break
        }
    }

    private mutating func boundary(_ mode: Mode) {
        switch mode {
        case .body: flush()
        case .caption: captionBuffer.append(0x0A)
        case .link: linkBuffer.append(0x0A)
        case .hidden, .related: break
        }
    }

    private enum Next { case go, stopSiblings }

    private mutating func element(_ n: xmlNodePtr, _ mode: Mode) -> Next {
        let tag = String(cString: n.pointee.name)
        switch tag {
        case "br":
            boundary(mode)
            return .go
        case "img":
            // Alt text describes the image: a caption, never body text.
            if mode == .body || mode == .hidden, let alt = attribute(n, "alt") {
                addCaption(Array(alt.utf8))
            }
            return .go
        case "hr":
            boundary(mode)
            return Walker.isFeedFooter(after: n) ? .stopSiblings : .go
        case "head":
            // Only the document's <title> is read from the head.
            var child = n.pointee.children
            while let c = child {
                if result.title == nil, c.pointee.type == XML_ELEMENT_NODE, String(cString: c.pointee.name) == "title",
                   let text = c.pointee.children {
                    titleBuffer.removeAll()
                    collectText(text, into: &titleBuffer)
                    result.title = titleBuffer.withUnsafeBufferPointer { TextNormalizer.paragraph($0) }
                }
                child = c.pointee.next
            }
            return .go
        default:
            break
        }
        if BoilerplateRules.droppedTags.contains(tag) { return .go }

        var role: ElementRole? = nil
        if n.pointee.properties != nil {
            role = BoilerplateRules.role(classValue: attribute(n, "class"), idValue: attribute(n, "id"))
        }
        if tag == "figcaption" && role != .drop { role = .caption }
        if role == nil && tag == "div" && Walker.isSmallCaption(n) { role = .caption }
        if mode == .body && tag == "a" && Walker.isMoreLink(n) { return .go }

        let children = n.pointee.children
        switch role {
        case .drop:
            return .go
        case .related where mode != .related && mode != .link && mode != .caption:
            if mode == .body { flush() }
            if let children { walk(children, .related) }
            return .go
        case .caption where mode == .body || mode == .hidden:
            if mode == .body { flush() }
            captionBuffer.removeAll(keepingCapacity: true)
            if let children { walk(children, .caption) }
            addCaption(captionBuffer)
            return .go
        case .embed where mode == .body:
            flush()
            if let children { walk(children, .hidden) }
            return .go
        default:
            break
        }

        if mode == .related && tag == "a" {
            if let href = attribute(n, "href"), !href.isEmpty, let children {
                linkBuffer.removeAll(keepingCapacity: true)
                walk(children, .link)
                if let title = linkBuffer.withUnsafeBufferPointer({ TextNormalizer.paragraph($0) }),
                   let url = TextNormalizer.paragraph(href) {
                    result.related.append(Link(title: title, url: url))
                }
            }
            return .go
        }

        let block = BoilerplateRules.blockTags.contains(tag)
        if block { boundary(mode) }
        if let children { walk(children, mode) }
        if block { boundary(mode) }
        return .go
    }

    /// Text content of `first` and its siblings, skipping dropped tags.
    private func collectText(_ first: xmlNodePtr, into out: inout [UInt8]) {
        var node: xmlNodePtr? = first
        while let n = node {
            if n.pointee.type == XML_TEXT_NODE, let c = n.pointee.content {
                out.append(contentsOf: UnsafeBufferPointer(start: c, count: Int(xmlStrlen(c))))
            } else if n.pointee.type == XML_ELEMENT_NODE, let child = n.pointee.children,
                      !BoilerplateRules.droppedTags.contains(String(cString: n.pointee.name)) {
                collectText(child, into: &out)
            }
            node = n.pointee.next
        }
    }

    /// The value of attribute `name`, or nil.
    private func attribute(_ n: xmlNodePtr, _ name: String) -> String? {
        var attr = n.pointee.properties
        while let a = attr {
            if String(cString: a.pointee.name) == name {
                var value: [UInt8] = []
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content {
                        value.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                    }
                    child = c.pointee.next
                }
                return String(decoding: value, as: UTF8.self)
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// Previous sibling that is an element, skipping whitespace text.
    private static func previousElement(_ n: xmlNodePtr) -> xmlNodePtr? {
        var p = n.pointee.prev
        while let q = p {
            if q.pointee.type == XML_ELEMENT_NODE { return q }
            if q.pointee.type == XML_TEXT_NODE, let c = q.pointee.content, !isBlank(c) { return nil }
            p = q.pointee.prev
        }
        return nil
    }

    private static func isBlank(_ c: UnsafeMutablePointer<xmlChar>) -> Bool {
        var p = c
        while p.pointee != 0 {
            let b = p.pointee
            if b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 { return false }
            p += 1
        }
        return true
    }

    /// `<img …><div><small>caption</small></div>`: how the NYT and DW feeds caption images.
    private static func isSmallCaption(_ n: xmlNodePtr) -> Bool {
        guard let prev = previousElement(n), String(cString: prev.pointee.name) == "img" else { return false }
        var small = false
        var child = n.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                if small || String(cString: c.pointee.name) != "small" { return false }
                small = true
            } else if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content, !isBlank(content) {
                return false
            }
            child = c.pointee.next
        }
        return small
    }

    /// RTI's feed excerpts end in a `<a …>...more</a>` link to the full story.
    private static func isMoreLink(_ n: xmlNodePtr) -> Bool {
        guard let c = n.pointee.children, c.pointee.next == nil, c.pointee.type == XML_TEXT_NODE,
              let content = c.pointee.content else { return false }
        let text = String(cString: content).trimmingASCIIWhitespace()
        return text == "...more" || text == "…more" || text == "more"
    }

    /// A feed aggregator's footer: after an `<hr>`, only a little text (under 120 bytes) that
    /// holds a link, e.g. `获取更多RSS：https://feedx.net`. Everything after the rule is dropped.
    private static func isFeedFooter(after hr: xmlNodePtr) -> Bool {
        var textBytes = 0
        var links = 0
        func scan(_ first: xmlNodePtr?) {
            var node = first
            while let n = node, textBytes < 120 {
                if n.pointee.type == XML_TEXT_NODE, let c = n.pointee.content {
                    textBytes += isBlank(c) ? 0 : Int(xmlStrlen(c))
                } else if n.pointee.type == XML_ELEMENT_NODE {
                    if String(cString: n.pointee.name) == "a" { links += 1 }
                    scan(n.pointee.children)
                }
                node = n.pointee.next
            }
        }
        scan(hr.pointee.next)
        return links > 0 && textBytes < 120
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let u = Array(utf8)
        var a = 0, b = u.count
        while a < b, u[a] == 0x20 || u[a] == 0x0A || u[a] == 0x0D || u[a] == 0x09 { a += 1 }
        while b > a, u[b - 1] == 0x20 || u[b - 1] == 0x0A || u[b - 1] == 0x0D || u[b - 1] == 0x09 { b -= 1 }
        return String(decoding: u[a..<b], as: UTF8.self)
    }
}
