import Foundation
import Wenxi

/// One input named on the command line, or found inside a named directory.
struct InputSource {
    let path: String

    func read() throws -> InputDocument {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return InputDocument(path: "-", bytes: [UInt8](data))
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return InputDocument(path: path, bytes: [UInt8](data))
        } catch let error as CocoaError {
            throw WenxiError.unreadable(error.localizedDescription)
        }
    }
}

enum InputCollector {
    /// Expands paths into inputs in order: files as given, directories recursively in sorted order,
    /// `-` as stdin. Missing paths and empty directories are reported through `onError`.
    static func collect(_ paths: [String], onError: (String, Error) -> Void) -> [InputSource] {
        let fm = FileManager.default
        var out: [InputSource] = []
        for path in paths {
            if path == "-" { out.append(InputSource(path: "-")); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                onError(path, WenxiError.notFound)
                continue
            }
            if !isDir.boolValue { out.append(InputSource(path: path)); continue }
            guard let walker = fm.enumerator(atPath: path) else {
                onError(path, WenxiError.unreadable("cannot list directory"))
                continue
            }
            var found: [String] = []
            while let rel = walker.nextObject() as? String {
                let name = (rel as NSString).lastPathComponent
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                let full = (path as NSString).appendingPathComponent(rel)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
            }
            if found.isEmpty { onError(path, WenxiError.emptyDirectory); continue }
            out.append(contentsOf: found.sorted().map(InputSource.init))
        }
        return out
    }
}

/// Unbuffered-by-line writer to stdout (reports are written whole, one `write` each).
final class StandardOutput {
    func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }
}

func reportError(path: String, _ error: Error) {
    FileHandle.standardError.write(Data("wenxi: error: \(path): \(error)\n".utf8))
}
