import Testing
@testable import WenxiCore
@testable import Wenxi

@Suite("ICU statuses")
struct ICUStatusTests {
    /// Errors carry ICU's own name of the status, not a bare number.
    @Test(arguments: [
        (Int32(0), "U_ZERO_ERROR", false),
        (-128, "U_USING_FALLBACK_WARNING", false),
        (1, "U_ILLEGAL_ARGUMENT_ERROR", true),
        (2, "U_MISSING_RESOURCE_ERROR", true),
        (15, "U_BUFFER_OVERFLOW_ERROR", true),
    ])
    func named(code: Int32, name: String, failure: Bool) throws {
        let status = ICUStatus(code)
        #expect(status.name == name)
        #expect(status.isFailure == failure)
        if failure {
            #expect(throws: WenxiError.icu("word break iterator", status: "\(name) (\(code))")) {
                try status.check("word break iterator")
            }
            #expect(status.error("setText").description == "ICU setText failed: \(name) (\(code))")
        } else {
            try status.check("anything")
        }
    }

    @Test func bufferOverflowIsTheCodeICUReturns() {
        #expect(ICUStatus.bufferOverflow.name == "U_BUFFER_OVERFLOW_ERROR")
    }
}
