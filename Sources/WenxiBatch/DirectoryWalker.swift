import Foundation
import Wenxi

/// Lazily walks a directory tree, depth first, each directory's entries in sorted order (by
/// Unicode scalar values of the name, then files and folders alike). Holds only the sorted
/// listings of the directories on the current path, never the whole tree. Skips names starting
/// with `.`; does not follow symlinks to directories (no cycles); symlinks to files are files.
/// Yields `.file(path)` for regular files and `.failure(path, error)` for entries it cannot
/// use: an unlistable directory, a dangling symlink or symlink loop, a FIFO or device (reading one
/// could block).
package struct DirectoryWalker: IteratorProtocol, Sequence {
    package enum Entry: Equatable, Sendable {
        case file(String)
        case failure(String, WenxiError)
    }

    private var stack: [(dir: String, names: [String], next: Int)] = []
    private var pending: [Entry] = []

    package init(root: String) {
        if let names = listing(root, &pending) { stack.append((root, names, 0)) }
    }

    package mutating func next() -> Entry? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            guard var top = stack.popLast() else { return nil }
            guard top.next < top.names.count else { continue }
            let name = top.names[top.next]
            top.next += 1
            stack.append(top)
            let path = top.dir.hasSuffix("/") ? top.dir + name : top.dir + "/" + name
            var lst = stat()
            guard lstat(path, &lst) == 0 else {
                if errno == ENOENT && name.unicodeScalars.contains("\u{FFFD}") { return .failure(path, InputFiles.notUTF8Name) }
                return .failure(path, InputFiles.errnoError(errno))
            }
            var mode = lst.st_mode & S_IFMT
            if mode == S_IFLNK {
                var st = stat()
                guard stat(path, &st) == 0 else { return .failure(path, InputFiles.openError(path: path, errno)) }
                mode = st.st_mode & S_IFMT
                if mode == S_IFDIR { continue } // not followed: avoids cycles
            }
            switch mode {
            case S_IFREG: return .file(path)
            case S_IFDIR:
                if let names = listing(path, &pending) { stack.append((path, names, 0)) }
            default:
                return .failure(path, .unreadable("not a regular file (FIFO, socket or device); skipped"))
            }
        }
    }

    private func listing(_ dir: String, _ failures: inout [Entry]) -> [String]? {
        guard let d = opendir(dir) else {
            failures.append(.failure(dir, .unreadable("cannot list directory: " + String(cString: strerror(errno)).lowercased())))
            return nil
        }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        names.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        return names
    }
}
