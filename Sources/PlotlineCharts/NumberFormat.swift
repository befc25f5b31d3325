import Foundation

/// How values are written on labels and axes.
public enum ValueStyle: String, Codable, Sendable, CaseIterable {
    /// 98,990,000
    case grouped
    /// 98.99M, 10.74K
    case short
    /// 98.99 million
    case words
    /// 9,899万, 14亿: Chinese grouping by ten thousands
    case chinese
}

/// Pure number formatting: thousands separators, short scales, Chinese 万/亿.
public enum NumberFormat {
    /// Thousands separators and at most `maxDecimals` decimals, trailing zeros dropped
    /// unless `fixedDecimals` asks for exactly that many.
    public static func grouped(_ v: Double, maxDecimals: Int = 2, fixedDecimals: Int? = nil) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? "−∞" : "∞") }
        let decimals = fixedDecimals ?? maxDecimals
        let p = pow(10, Double(decimals))
        var rounded = (abs(v) * p).rounded() / p
        if rounded == 0 { rounded = 0 }
        let negative = v < 0 && rounded != 0
        let whole = floor(rounded)
        var frac = rounded - whole
        var wholeDigits = whole < 1e18 ? String(Int64(whole)) : String(format: "%.0f", whole)
        var fracDigits = ""
        if decimals > 0 {
            let f = Int64((frac * p).rounded())
            if f >= Int64(p) && whole < 1e18 {  // rounding carried into the whole part
                wholeDigits = String(Int64(whole) + 1)
                frac = 0
            }
            var s = String(f >= Int64(p) ? 0 : f)
            while s.count < decimals { s = "0" + s }
            if fixedDecimals == nil { while s.hasSuffix("0") { s.removeLast() } }
            fracDigits = s
        }
        var out = ""
        for (i, c) in wholeDigits.enumerated() {
            if i > 0 && (wholeDigits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        if !fracDigits.isEmpty { out += "." + fracDigits }
        return (negative ? "−" : "") + out
    }

    private static let scales: [(Double, String, String)] = [
        (1e12, "T", "trillion"), (1e9, "B", "billion"), (1e6, "M", "million"), (1e3, "K", "thousand"),
    ]

    /// 98.99M, 10.74K, 1.4B, 950. Values under a thousand keep up to two decimals.
    public static func short(_ v: Double) -> String {
        let a = abs(v)
        for (size, suffix, _) in scales where a >= size * 0.9995 {
            return grouped(v / size, maxDecimals: 2) + suffix
        }
        return grouped(v, maxDecimals: 2)
    }

    /// 98.99 million, 10,740 (thousands stay as digits: "10.74 thousand" reads badly).
    public static func words(_ v: Double) -> String {
        let a = abs(v)
        for (size, _, word) in scales where size >= 1e6 && a >= size * 0.9995 {
            return grouped(v / size, maxDecimals: 2) + " " + word
        }
        return grouped(v, maxDecimals: 2)
    }

    /// Chinese grouping: 万 (10⁴) and 亿 (10⁸). 98,990,000 → 9,899万; 1.4e9 → 14亿.
    public static func chinese(_ v: Double) -> String {
        let a = abs(v)
        if a >= 1e8 * 0.99995 { return grouped(v / 1e8, maxDecimals: 2) + "亿" }
        if a >= 1e4 { return grouped(v / 1e4, maxDecimals: 2) + "万" }
        return grouped(v, maxDecimals: 2)
    }

    public static func format(_ v: Double, style: ValueStyle) -> String {
        switch style {
        case .grouped: return grouped(v)
        case .short: return short(v)
        case .words: return words(v)
        case .chinese: return chinese(v)
        }
    }

    /// A divisor and its name for an axis whose largest magnitude is `maxAbs`, so tick labels
    /// stay short ("80" on an axis "in millions") and the unit goes once into the subtitle.
    public static func axisDivisor(maxAbs: Double, style: ValueStyle) -> (divisor: Double, name: String) {
        if style == .chinese {
            if maxAbs >= 1e8 { return (1e8, "亿") }
            if maxAbs >= 1e5 { return (1e4, "万") }
            return (1, "")
        }
        if maxAbs >= 1e9 { return (1e9, "billions") }
        if maxAbs >= 1e6 { return (1e6, "millions") }
        return (1, "")
    }

    /// Labels for evenly spaced ticks: all with the same number of decimals, the fewest that
    /// tell every tick apart.
    public static func tickLabels(_ ticks: [Double], divisor: Double = 1) -> [String] {
        guard ticks.count > 1 else { return ticks.map { grouped($0 / divisor) } }
        let step = abs(ticks[1] - ticks[0]) / divisor
        var decimals = 0
        while decimals < 6 {
            let p = pow(10, Double(decimals))
            if abs((step * p).rounded() - step * p) < 1e-6 * max(1, step * p) { break }
            decimals += 1
        }
        return ticks.map { grouped($0 / divisor, fixedDecimals: decimals) }
    }
}
