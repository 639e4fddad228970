internal import CICU

/// An ICU status code (`UErrorCode`) with the name ICU gives it (`u_errorName`): every status an
/// ICU call returns is checked here, so an error reads `ICU word break iterator failed:
/// U_MISSING_RESOURCE_ERROR (2)`, never a bare number.
struct ICUStatus: Equatable {
    var code: Int32

    init(_ code: Int32) { self.code = code }

    /// `U_BUFFER_OVERFLOW_ERROR`: the output buffer was too small; the call says how much it needs.
    static let bufferOverflow = ICUStatus(15)

    /// ICU's convention: codes above zero are failures, zero and below success or warnings.
    var isFailure: Bool { code > 0 }

    /// ICU's own name of the code (`U_ZERO_ERROR`, `U_ILLEGAL_ARGUMENT_ERROR`, …).
    var name: String { String(cString: wenxi_error_name(code)) }

    /// The error of `what` (the ICU object or call) failing with this status.
    func error(_ what: String) -> WenxiError { .icu(what, status: "\(name) (\(code))") }

    /// Throws `error(what)` when the status is a failure.
    func check(_ what: String) throws { if isFailure { throw error(what) } }
}
