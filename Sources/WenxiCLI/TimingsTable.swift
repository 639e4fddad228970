import Wenxi

extension StageTimes {
    /// The table printed by `wenxi analyze --timings`: one line per stage with its CPU seconds and
    /// share of the total.
    func table() -> String {
        let total = self.total
        var lines = ["timings: CPU seconds of the worker threads over \(documents) documents"]
        for stage in Stage.allCases {
            let s = self[stage]
            let share = total > 0 ? s / total * 100 : 0
            lines.append("  " + stage.name.padding(10) + Self.fixed(s, 3).leftPadding(9) + Self.fixed(share, 1).leftPadding(7) + "%")
        }
        lines.append("  " + "total".padding(10) + Self.fixed(total, 3).leftPadding(9))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `x` with `digits` decimals, without Foundation's locale-dependent formatting.
    static func fixed(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((x * scale).rounded())
        let whole = String(n / Int(scale))
        guard digits > 0 else { return whole }
        let frac = String(n % Int(scale))
        return whole + "." + String(repeating: "0", count: digits - frac.count) + frac
    }
}

private extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
