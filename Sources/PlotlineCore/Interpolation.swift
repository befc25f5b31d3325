import Foundation

extension Series {
    /// Points between the ends of a series computed from its stated annual growth rate,
    /// for drawing as derived. Reported points are kept as they are.
    public var withDerivedPoints: [SeriesPoint] {
        let s = self
        guard let g = s.statedAnnualGrowth, let a = s.points.first, let b = s.points.last, case .year(let y0) = a.period, case .year(let y1) = b.period, y1 - y0 > 1
        else { return s.points }
        var out = s.points
        let reportedYears = Set(s.points.map(\.period.year))
        for y in (y0 + 1)..<y1 where !reportedYears.contains(y) {
            let v = a.value * pow(1 + g / 100, Double(y - y0))
            out.append(SeriesPoint(period: .year(y), value: v, source: a.source, offset: a.offset, quote: "derived: \(plainDecimal(a.value)) × (1 + \(plainDecimal(g))%)^\(y - y0)", derived: true))
        }
        return out.sorted { $0.period.decimalYear < $1.period.decimalYear }
    }
}

/// A plain decimal: no exponent, no grouping, no trailing zeros.
public func plainDecimal(_ v: Double) -> String {
    if v == v.rounded() && abs(v) < 1e18 { return String(Int64(v)) }
    var s = String(format: "%.6f", v)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}
