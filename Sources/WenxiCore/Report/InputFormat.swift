/// The three kinds of input, recognised by content.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    /// Jekyll post: YAML front matter, then an HTML (or Markdown-ish) body.
    case post
    /// An HTML page (the article is found in it).
    case html
    /// Plain text: one paragraph per non-blank line.
    case text
}
