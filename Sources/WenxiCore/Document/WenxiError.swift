/// Errors that stop one document (or, for dictionaries and options, the whole run). The CLI
/// prints them as `wenxi: error: PATH: <description>`.
public enum WenxiError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case notFound
    case emptyDirectory
    case invalidUTF8(byteOffset: Int)
    case binary(byteOffset: Int)
    case icu(String, code: Int32)
    case html(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .unreadable(let why): return "cannot read: \(why)"
        case .notFound: return "no such file or directory"
        case .emptyDirectory: return "directory holds no readable input files"
        case .invalidUTF8(let at): return "not valid UTF-8 at byte \(at)"
        case .binary(let at): return "looks like a binary file (NUL byte at \(at)), not text"
        case .icu(let what, let code): return "ICU \(what) failed (error \(code))"
        case .html(let why): return "HTML: \(why)"
        case .malformed(let why): return why
        }
    }
}
