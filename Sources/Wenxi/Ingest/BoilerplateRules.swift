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

    /// Lower-cased substrings of class tokens and ids that mark ads, promos and the like.
    static let dropSubstrings: [String] = [
        "adslot", "ad-slot", "adcontainer", "advert", "dfp-", "div-gpt", "google_ad", "ads_",
        "o-ads", "dotcom-ad", "mpucontainer", "m-block-ad", "innity", "self-promo", "promo-",
        "newsletter", "subscri", "trustbadge", "copyright", "share-", "sharebar", "social-",
    ]

    /// Lower-cased substrings of class tokens that mark captions.
    static let captionSubstrings: [String] = ["caption"]

    /// The role of an element from its `class` and `id` values (nil: an ordinary element).
    /// Priority: drop > related > caption > embed.
    static func role(classValue: String?, idValue: String?) -> ElementRole? {
        var best: ElementRole? = nil
        func consider(_ r: ElementRole) {
            switch (best, r) {
            case (nil, _): best = r
            case (_, .drop): best = .drop
            case (.some(.embed), _), (.some(.caption), .related): best = r
            default: break
            }
        }
        if let classValue {
            for token in classValue.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                let t = String(token)
                if let r = classRoles[t] { consider(r); if best == .drop { return .drop }; continue }
                let lower = t.lowercased()
                if dropSubstrings.contains(where: { lower.contains($0) }) { return .drop }
                if captionSubstrings.contains(where: { lower.contains($0) }) { consider(.caption) }
            }
        }
        if let idValue, !idValue.isEmpty {
            let lower = idValue.lowercased()
            if dropSubstrings.contains(where: { lower.contains($0) }) { return .drop }
        }
        return best
    }
}
