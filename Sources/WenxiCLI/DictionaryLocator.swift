import ArgumentParser
import Foundation
import Wenxi

/// Where the command finds its default dictionaries and the fold table's cache. The library is
/// given both as arguments; this is the only place that reads the environment, the executable's
/// location or the current directory for them.
enum DictionaryLocator {
    /// Environment variable naming the default dictionary folder.
    static let environmentVariable = "WENXI_DICTIONARIES"
    /// Environment variable naming the fold cache folder (read and written; empty: no cache).
    static let cacheVariable = "WENXI_CACHE_DIR"
    /// How many folders a checkout search walks up.
    static let walkLimit = 12

    /// A folder that may hold the default dictionaries, and what kind of place it is.
    struct Place: Equatable {
        var path: String
        /// A checkout's `Dictionaries/` counts only beside a `Package.swift`.
        var needsPackage: Bool
        var why: String

        var holdsDictionaries: Bool {
            if needsPackage {
                let parent = (path as NSString).deletingLastPathComponent
                guard FileManager.default.fileExists(atPath: (parent as NSString).appendingPathComponent("Package.swift")) else { return false }
            }
            return DictionaryFolder.holdsDictionaries(path)
        }
    }

    /// Every folder looked at for the default dictionaries, in order:
    /// 1. `$WENXI_DICTIONARIES` (when set, it must be a folder of `*.tsv` files);
    /// 2. `<exe>/../share/wenxi/Dictionaries` (an installed binary, `PREFIX/bin/wenxi`);
    /// 3. walking up from the executable's folder: a `Dictionaries/` beside a `Package.swift`
    ///    (a checkout: `.build/release/wenxi`);
    /// 4. the same walk from the current directory.
    static func places(environment: [String: String] = ProcessInfo.processInfo.environment,
                       executable: String? = executablePath(),
                       currentDirectory: String = FileManager.default.currentDirectoryPath) -> [Place] {
        var out: [Place] = []
        if let env = environment[environmentVariable], !env.isEmpty {
            out.append(Place(path: env, needsPackage: false, why: "$\(environmentVariable)"))
        }
        if let exe = executable {
            let dir = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
            out.append(Place(path: dir.deletingLastPathComponent().appendingPathComponent("share/wenxi/Dictionaries").path,
                             needsPackage: false, why: "installed beside the executable"))
            out += checkoutPlaces(from: dir, why: "checkout above the executable")
        }
        out += checkoutPlaces(from: URL(fileURLWithPath: currentDirectory), why: "checkout above the current directory")
        return out
    }

    /// `<folder>/Dictionaries` for `start` and each folder above it, up to `walkLimit`.
    static func checkoutPlaces(from start: URL, why: String) -> [Place] {
        var dir = start.standardizedFileURL
        var out: [Place] = []
        for _ in 0..<walkLimit {
            out.append(Place(path: dir.appendingPathComponent("Dictionaries").path, needsPackage: true, why: why))
            let up = dir.deletingLastPathComponent()
            if up.path == dir.path { break }
            dir = up
        }
        return out
    }

    /// The running executable's path: `/proc/self/exe` where there is one (it needs no
    /// environment: a process started with an empty environment still finds itself), else
    /// Foundation's answer.
    static func executablePath() -> String? {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        if n > 0 {
            return String(decoding: buf[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return Bundle.main.executablePath
    }

    /// The first place that holds the default dictionaries. A `$WENXI_DICTIONARIES` that holds
    /// none is an error, not a reason to look elsewhere; when no place holds them, the error
    /// lists every place looked at.
    static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 executable: String? = executablePath(),
                                 currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> String {
        if let env = environment[environmentVariable], !env.isEmpty, !DictionaryFolder.holdsDictionaries(env) {
            throw SearchError(message: "\(environmentVariable)=\(env): not a folder of *.tsv dictionaries")
        }
        let places = places(environment: environment, executable: executable, currentDirectory: currentDirectory)
        if let found = places.first(where: \.holdsDictionaries) { return found.path }
        var lines = ["no dictionaries found; looked in:"]
        for p in places { lines.append("  \(p.path) (\(p.why))") }
        if places.isEmpty { lines.append("  nothing (no executable path, no current directory)") }
        lines.append("set \(environmentVariable) to the Dictionaries folder")
        throw SearchError(message: lines.joined(separator: "\n"))
    }

    /// `defaultDirectory()` for a command: when the search fails, the reason goes to stderr as
    /// `wenxi: error: …` and the exit status is 2 (nothing can run without dictionaries).
    static func defaultDirectoryOrExit() throws -> String {
        do {
            return try defaultDirectory()
        } catch {
            writeStandardError("wenxi: error: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// The fold cache the command passes to the library: `$WENXI_CACHE_DIR` (read and written;
    /// set to the empty string, no cache at all), else `<exe>/../share/wenxi/cache` (read only,
    /// filled by `scripts/install`, `scripts/bundle` and `scripts/setup`).
    static func foldCache(environment: [String: String] = ProcessInfo.processInfo.environment,
                          executable: String? = executablePath()) -> FoldCache? {
        if let d = environment[cacheVariable] {
            return d.isEmpty ? nil : FoldCache(directory: URL(fileURLWithPath: d), writable: true)
        }
        guard let exe = executable else { return nil }
        let prefix = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        return FoldCache(directory: prefix.appendingPathComponent("share/wenxi/cache"), writable: false)
    }

    /// The dictionaries could not be found: `message` says where the command looked.
    struct SearchError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
