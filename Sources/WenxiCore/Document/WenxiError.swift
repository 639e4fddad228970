/// Errors that stop one document (or, for dictionaries and options, the whole run). The CLI
/// prints them as `wenxi: error: PATH: <description>`.
public enum WenxiError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read (the reason from the system).
    case unreadable(String)
    /// No such file or directory.
    case notFound
    /// A folder given as input holds no file to read.
    case emptyDirectory
    /// Bytes that are not UTF-8 where UTF-8 is required, at a byte offset.
    case invalidUTF8(byteOffset: Int)
    /// A NUL byte: not text.
    case binary(byteOffset: Int)
    /// An ICU call failed: what failed, and ICU's name and number of the status.
    case icu(String, status: String)
    /// libxml2 could not parse the HTML.
    case html(String)
    /// Anything else, with a message that names the place (a dictionary line, an option).
    case malformed(String)

    /// The message after `PATH: `.
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
