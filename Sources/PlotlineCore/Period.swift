/// A calendar day, independent of time zones: facts in news text are dated to the day at best.
public struct Day: Hashable, Comparable, Codable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Day.daysIn(month: month, year: year)
    }

    /// Position on a continuous time axis in years: 2012-12-31 is just below 2013.0.
    public var decimalYear: Double {
        var dayOfYear = day - 1
        for m in 1..<month { dayOfYear += Day.daysIn(month: m, year: year) }
        let length = Day.isLeap(year) ? 366.0 : 365.0
        return Double(year) + (Double(dayOfYear) + 0.5) / length
    }

    public var iso: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}

/// When a fact holds: a day, a month, a whole year, or a span between two periods.
public indirect enum Period: Hashable, Sendable {
    case year(Int)
    case month(Int, Int)
    case day(Day)
    case span(Period, Period)

    /// ISO 8601: `2012`, `2012-05`, `2012-12-31`, `2015/2020`.
    public var iso: String {
        switch self {
        case .year(let y): return String(y)
        case .month(let y, let m): return m < 10 ? "\(y)-0\(m)" : "\(y)-\(m)"
        case .day(let d): return d.iso
        case .span(let a, let b): return "\(a.iso)/\(b.iso)"
        }
    }

    /// Where the period sits on a time axis. Whole years sit at their start, as in most
    /// chart tools; days sit where they fall; a span sits at its end.
    public var decimalYear: Double {
        switch self {
        case .year(let y): return Double(y)
        case .month(let y, let m): return Double(y) + Double(m - 1) / 12
        case .day(let d): return d.decimalYear
        case .span(_, let b): return b.decimalYear
        }
    }

    public var year: Int {
        switch self {
        case .year(let y): return y
        case .month(let y, _): return y
        case .day(let d): return d.year
        case .span(_, let b): return b.year
        }
    }

    /// A short human phrase for labels: "end 2012", "start 2020", "2015".
    public var shortLabel: String {
        switch self {
        case .year(let y): return String(y)
        case .month(let y, let m):
            let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(names[max(0, min(11, m - 1))]) \(y)"
        case .day(let d):
            if d.month == 12 && d.day == 31 { return "end \(d.year)" }
            if d.month == 1 && d.day == 1 { return "start \(d.year)" }
            return d.iso
        case .span(let a, let b): return "\(a.shortLabel)–\(b.shortLabel)"
        }
    }

    /// Parses the ISO forms written by `iso`. Returns nil for anything else.
    public init?(iso text: String) {
        if let slash = text.firstIndex(of: "/") {
            guard let a = Period(iso: String(text[..<slash])),
                let b = Period(iso: String(text[text.index(after: slash)...]))
            else { return nil }
            self = .span(a, b)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 3,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            parts[0].count == 4, let y = Int(parts[0])
        else { return nil }
        if parts.count == 1 {
            self = .year(y)
        } else if parts.count == 2 {
            guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            self = .month(y, m)
        } else {
            guard let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
            let day = Day(y, m, d)
            guard day.isValid else { return nil }
            self = .day(day)
        }
    }
}

/// Periods are written as their ISO 8601 text ("2012-12-31", "2015/2020") in JSON and YAML.
extension Period: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let year = try? c.decode(Int.self) {
            guard (0...9999).contains(year) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "\(year) is not a year from 0 to 9999")
            }
            self = .year(year)
            return
        }
        let text = try c.decode(String.self)
        guard let p = Period(iso: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(text)' is not a period; write 2015, 2020-03, 2012-12-31 or 2015/2020")
        }
        self = p
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
