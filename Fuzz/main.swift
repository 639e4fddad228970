// libFuzzer entry point for the targets of `FuzzTargets` (Sources/WenxiBatch/FuzzTargets.swift). Not a SwiftPM
// target: `scripts/fuzz` compiles it with `-sanitize=fuzzer,address` and the package's `-package-name` against a build of the
// library, and `WENXI_FUZZ_TARGET` picks the target.
import Foundation
import WenxiBatch

private let target: String = {
    let name = ProcessInfo.processInfo.environment["WENXI_FUZZ_TARGET"] ?? ""
    guard FuzzTargets.names.contains(name) else {
        fatalError("set WENXI_FUZZ_TARGET to one of: \(FuzzTargets.names.joined(separator: ", "))")
    }
    return name
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    FuzzTargets.run(target, bytes)
    return 0
}
