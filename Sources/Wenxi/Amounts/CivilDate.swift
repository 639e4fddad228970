/// A proleptic Gregorian calendar date, with the little arithmetic relative dates need.
struct CivilDate: Equatable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func isValid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
    }

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The offset between years of the Republic of China (民國) and Gregorian years: 民國1年 = 1912.
    static let rocEpoch = 1911

    /// The Gregorian year of ROC year `roc` (民國112年 → 2023).
    static func gregorianYear(roc: Int) -> Int { roc + rocEpoch }

    /// The ROC year of Gregorian year `year` (2023 → 112).
    static func rocYear(gregorian year: Int) -> Int { year - rocEpoch }

    /// A CNA date code of seven ASCII digits, ROC yyyMMdd (1120919 → 2023-09-19); nil when
    /// `digits` are not seven digit values or not a valid date.
    static func rocDateCode(_ digits: [Int]) -> CivilDate? {
        guard digits.count == 7, digits.allSatisfy({ $0 >= 0 && $0 <= 9 }) else { return nil }
        let y = gregorianYear(roc: digits[0] * 100 + digits[1] * 10 + digits[2])
        let m = digits[3] * 10 + digits[4], d = digits[5] * 10 + digits[6]
        return isValid(y, m, d) ? CivilDate(year: y, month: m, day: d) : nil
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// (year, month) moved by `n` months.
    func addingMonths(_ n: Int) -> (Int, Int) {
        let total = year * 12 + (month - 1) + n
        return (total / 12, total % 12 + 1)
    }

    /// ISO 8601 week: (week-numbering year, week).
    var isoWeek: (Int, Int) {
        let weekday = ((dayNumber % 7) + 7 + 3) % 7 + 1    // Monday = 1 (1970-01-01 was a Thursday)
        let thursday = adding(days: 4 - weekday)
        let jan1 = CivilDate(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.dayNumber - jan1.dayNumber) / 7 + 1)
    }

    var iso: String { CivilDate.iso(year, month, day) }

    static func iso(_ y: Int, _ m: Int? = nil, _ d: Int? = nil) -> String {
        // The usual case written as ASCII bytes into one small string (no padding strings).
        let twoDigits = { (v: Int?) in v.map { (0...99).contains($0) } ?? true }
        if (0...9999).contains(y) && twoDigits(m) && twoDigits(d) && (m != nil || d == nil) {
            let count = 4 + (m == nil ? 0 : 3) + (m == nil || d == nil ? 0 : 3)
            return String(unsafeUninitializedCapacity: count) { b in
                func put(_ v: Int, _ w: Int, at o: Int) {
                    var v = v
                    for k in stride(from: o + w - 1, through: o, by: -1) { b[k] = UInt8(48 + v % 10); v /= 10 }
                }
                put(y, 4, at: 0)
                if let m {
                    b[4] = 45; put(m, 2, at: 5)
                    if let d { b[7] = 45; put(d, 2, at: 8) }
                }
                return count
            }
        }
        var s = pad(y, 4)
        if let m { s += "-" + pad(m, 2) }
        if let d { s += "-" + pad(d, 2) }
        return s
    }

    static func pad(_ v: Int, _ w: Int) -> String {
        let s = String(v)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }

    /// The article's date in Taiwan (UTC+8) from front matter such as `2023-09-19T10:48:00.000Z`,
    /// `2023-09-19 18:48:00 +0800` or `2023-09-19`. A time without a zone is taken as local.
    static func articleDate(_ raw: String?) -> CivilDate? {
        guard let raw else { return nil }
        let u = Array(raw.utf8)
        func num(_ a: Int, _ b: Int) -> Int? {
            guard b <= u.count else { return nil }
            var v = 0
            for k in a..<b {
                guard u[k] >= 48 && u[k] <= 57 else { return nil }
                v = v * 10 + Int(u[k] - 48)
            }
            return v
        }
        guard u.count >= 10, let y = num(0, 4), u[4] == 45, let m = num(5, 7), u[7] == 45, let d = num(8, 10),
              isValid(y, m, d) else { return nil }
        let date = CivilDate(year: y, month: m, day: d)
        guard u.count >= 16, u[10] == 84 || u[10] == 32, let hh = num(11, 13), let mm = num(14, 16) else { return date }
        // Zone: Z or ±hh[:]mm after the time; none means local (Taiwan) time already.
        var k = 16
        while k < u.count && (u[k] == 58 || u[k] == 46 || (u[k] >= 48 && u[k] <= 57)) { k += 1 }
        while k < u.count && u[k] == 32 { k += 1 }
        var offsetMinutes: Int? = nil
        if k < u.count {
            if u[k] == 90 { offsetMinutes = 0 }
            else if u[k] == 43 || u[k] == 45, let oh = num(k + 1, k + 3) {
                var om = 0
                if k + 3 < u.count && u[k + 3] == 58 { om = num(k + 4, k + 6) ?? 0 } else { om = num(k + 3, k + 5) ?? 0 }
                offsetMinutes = (u[k] == 43 ? 1 : -1) * (oh * 60 + om)
            }
        }
        guard let offsetMinutes else { return date }
        let minutes = hh * 60 + mm - offsetMinutes + 8 * 60
        return date.adding(days: minutes >= 0 ? minutes / 1440 : -((1439 - minutes) / 1440))
    }
}
