/// Errors that stop one document (or, for dictionaries and options, the whole run). The CLI
/// prints them as `wenxi: error: PATH: <description>`.
public enum WenxiError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case notFound
    case emptyDirectory
    case invalidUTF8(byteOffset: Int)
    case binary(byteOffset: Int)
    /// An ICU call failed: what failed, and ICU's name and number of the status.
    case icu(String, status: String)
    case html(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .unreadable(let why): return "cannot read: \(why)"
        case .notFound: return "no such file or directory"
        case .emptyDirectory: return "directory holds no readable input files"
        case .invalidUTF8(let at): return "not valid UTF-8 at byte \(at)"
        case .binary(let at): return "looks like a binary file (NUL byte at \(at)), not text"
        case .icu(let what, let status): return "ICU \(what) failed: \(status)"
        case .html(let why): return "HTML: \(why)"
        case .malformed(let why): return why
        }
    }
}
