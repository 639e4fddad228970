/// What the HTML extractor does with an element, decided from its tag and its class/id
/// attributes. The class lists come from a survey of the corpus's outlets (CNA, RTI, BBC, RFI,
/// Reuters, RFA, NYT, DW, Zaobao, FT, WordPress-based sites, Nei.st); see README "Inputs".
enum ElementRole: Equatable {
    /// Not article text and nothing in it is kept (scripts, widgets, ads, embeds).
    case drop
    /// An image caption: its text goes to `captions`.
    case caption
    /// A related-links box: its links go to `related`.
    case related
    /// A media wrapper: its own text is not body text, but captions and related links inside it
    /// are still collected (CNA's `div.media`, `div.fullPic`).
    case embed
}

enum BoilerplateRules {
    /// Elements dropped by tag name, whatever their attributes.
    static let droppedTags: Set<String> = [
        "script", "style", "svg", "math", "noscript", "template", "iframe", "frame", "frameset",
        "object", "embed", "applet", "canvas", "video", "audio", "source", "track", "picture",
        "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset",
        "head", "meta", "link", "base", "nav", "aside", "map", "area", "dialog", "menu",
    ]

    /// Block-level tags: each starts and ends a paragraph.
    static let blockTags: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "section", "article", "header", "footer", "main", "figure",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "address", "center",
        "details", "summary", "hgroup", "body", "html",
    ]

    /// Whole class tokens (case-sensitive, as the outlets write them).
    static let classRoles: [String: ElementRole] = [
        // CNA
        "SubscriptionInner": .drop, "mySubscriptionInner": .drop, "bottomArticleBanner": .drop,
        "dictionary-box": .drop, "twitterMedia": .drop, "facebookMedia": .drop, "youtube": .drop,
        "VOD": .drop, "noWidthMedia": .drop, "squareBox": .drop, "book": .drop, "book-title": .drop,
        "moreArticle": .related, "insertGroup": .related,
        "picinfo": .caption,
        "media": .embed, "fullPic": .embed, "floatImg": .embed, "myCustom": .embed, "youtubeBox": .embed,
        // embedded posts
        "twitter-tweet": .drop, "twitter-timeline": .drop, "twitter-video": .drop, "instagram-media": .drop,
        "tiktok-embed": .drop, "fb-post": .drop, "fb-video": .drop, "wp-embedded-content": .drop,
        "embed-twitter": .drop, "embed-region": .drop, "embed-youtube-warning": .drop,
        "video_fit_container": .drop, "videoWrapper": .drop, "video-container": .drop, "video-containers": .drop,
        // RFI, Reuters, Zaobao, FT, WordPress donation widgets, Nei.st sidebars
        "m-interstitial": .drop, "m-em-audio": .drop, "widget": .drop, "donate-us": .drop,
        "post-sidebar": .drop, "sidebar": .drop, "iframe-blocker": .drop, "code-block": .drop,
        "collection": .drop, "card": .drop,
        // captions
        "wp-caption-text": .caption, "image-caption": .caption, "Image_caption": .caption,
        "media-caption": .caption, "photo-caption": .caption, "caption": .caption,
    ]

    /// Link classes that make a list of nothing but such links a related-links list (BBC's
    /// "story-body__link" lists between paragraphs). A list of unstyled links (a CCTV programme's
    /// contents) stays body text.
    static let relatedLinkClasses: Set<String> = ["story-body__link", "moreArticle-link"]

    /// Lower-cased substrings of class tokens and ids that mark ads, promos and the like.
    static let dropSubstrings: [[UInt8]] = [
        "adslot", "ad-slot", "adcontainer", "advert", "dfp-", "div-gpt", "google_ad", "ads_",
        "o-ads", "dotcom-ad", "mpucontainer", "m-block-ad", "innity", "self-promo", "promo-",
        "newsletter", "subscri", "trustbadge", "copyright", "share-", "sharebar", "social-",
    ].map { Array($0.utf8) }

    /// Lower-cased substrings of class tokens that mark captions.
    static let captionSubstrings: [[UInt8]] = [Array("caption".utf8)]

    /// The role of an element from its `class` and `id` values (nil: an ordinary element).
    /// Priority: drop > related > caption > embed.
    static func role(classValue: String?, idValue: String?) -> ElementRole? {
        var classValue = classValue, idValue = idValue
        func withBytes<R>(_ s: inout String?, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
            if s == nil { return body(nil) }
            return s!.withUTF8 { body($0) }
        }
        return withBytes(&classValue) { c in withBytes(&idValue) { i in role(classBytes: c, idBytes: i) } }
    }

    /// `role(classValue:idValue:)` on the attributes' UTF-8 bytes, read in place with no String
    /// or Array made. Class tokens are matched to `classRoles` byte for byte: its keys are ASCII
    /// and hold no letter that another character is canonically equivalent to (such as K, the
    /// Kelvin sign's), so bytes match exactly where String keys did.
    static func role(classBytes: UnsafeBufferPointer<UInt8>?, idBytes: UnsafeBufferPointer<UInt8>?) -> ElementRole? {
        var best: ElementRole? = nil
        func consider(_ r: ElementRole) {
            switch (best, r) {
            case (nil, _): best = r
            case (_, .drop): best = .drop
            case (.some(.embed), _), (.some(.caption), .related): best = r
            default: break
            }
        }
        if let classBytes, classBytes.count > 0 {
            let n = classBytes.count
            var start = 0
            while start < n {
                while start < n && isClassSeparator(classBytes[start]) { start += 1 }
                if start == n { break }
                var end = start
                while end < n && !isClassSeparator(classBytes[end]) { end += 1 }
                let token = UnsafeBufferPointer(rebasing: classBytes[start..<end])
                start = end
                if let r = classRole(token) {
                    consider(r)
                    if best == .drop { return .drop }
                    continue
                }
                let verdict: ElementRole? = withLowercased(token) { lower in
                    if dropSubstrings.contains(where: { contains(lower, $0) }) { return .drop }
                    if captionSubstrings.contains(where: { contains(lower, $0) }) { return .caption }
                    return nil
                }
                if verdict == .drop { return .drop }
                if let verdict { consider(verdict) }
            }
        }
        if let idBytes, idBytes.count > 0 {
            if withLowercased(idBytes, { lower in dropSubstrings.contains(where: { contains(lower, $0) }) }) { return .drop }
        }
        return best
    }

    @inline(__always)
    private static func isClassSeparator(_ b: UInt8) -> Bool {
        ASCII.isHTMLSpace(b)
    }

    /// `classRoles` as bytes, grouped by key length.
    private static let classRolesByLength: [Int: [([UInt8], ElementRole)]] = {
        var table: [Int: [([UInt8], ElementRole)]] = [:]
        for (key, role) in classRoles { table[key.utf8.count, default: []].append((Array(key.utf8), role)) }
        return table
    }()

    private static func classRole(_ token: UnsafeBufferPointer<UInt8>) -> ElementRole? {
        guard let candidates = classRolesByLength[token.count] else { return nil }
        for (key, role) in candidates where key.withUnsafeBufferPointer({ $0.elementsEqual(token) }) { return role }
        return nil
    }

    /// Calls `body` with an ASCII-lower-cased copy of `bytes` on the stack.
    private static func withLowercased<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
            for i in 0..<bytes.count {
                let b = bytes[i]
                out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            return body(UnsafeBufferPointer(out))
        }
    }

    /// Whether `needle` occurs in `haystack` (both short: class tokens and ids).
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = haystack.count, m = needle.count
        if m == 0 { return true }
        if m > n { return false }
        var i = 0
        while i <= n - m {
            if haystack[i] == needle[0] {
                var k = 1
                while k < m && haystack[i + k] == needle[k] { k += 1 }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }
}
