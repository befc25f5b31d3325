import Foundation
import PlotlineCore

/// Groups facts into series: repeated statements of one metric for one entity at different
/// times, and "from A in Y1 to B in Y2" pairs; attaches stated growth rates and checks them.
public struct SeriesBuilder {
    public var lexicon: Lexicon
    /// How far a stated average growth rate may be from the one the endpoints imply, in
    /// percentage points, before it is reported as a conflict.
    public var growthTolerance = 0.5

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    static let genericMetrics: Set<String> = ["count", "amount", "share", "duration", "length", "area", "multiple", "average_annual_growth"]

    public func build(_ facts: [Fact]) -> (series: [Series], warnings: [String]) {
        var warnings: [String] = []
        var groups: [String: [Fact]] = [:]
        var order: [String] = []
        // Totals over spans ("in the past eight years") are not points in time.
        // Changes ("down 23.39 million") are not levels of the metric; they join no series.
        for f in facts where f.period != nil && !isSpan(f.period!) && !SeriesBuilder.genericMetrics.contains(f.metric) && !SeriesBuilder.isChange(f) {
            let key = "\(f.metric)|\(f.entity)|\(Extractor.baseUnit(f.unit))"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(f)
        }
        var series: [Series] = []
        for key in order {
            let group = groups[key]!
            var points: [SeriesPoint] = []
            for f in group {
                let p = SeriesPoint(period: f.period!, value: f.value, source: f.source, offset: f.offset, quote: f.quote)
                // The same value in the same year said twice ("at the end of 2012" and "in 2012"):
                // keep the more precise date.
                if let i = points.firstIndex(where: { $0.period.year == p.period.year && $0.value == p.value && !isSpan($0.period) && !isSpan(p.period) }) {
                    if precision(p.period) > precision(points[i].period) { points[i] = p }
                    continue
                }
                if let clash = points.first(where: { $0.period == p.period && $0.value != p.value }) {
                    warnings.append(
                        "conflict: \(f.metric) for \(f.entity) at \(p.period.iso) is \(plainDecimal(clash.value)) (\(clash.source) byte \(clash.offset)) and \(plainDecimal(p.value)) (\(p.source) byte \(p.offset)); kept the first"
                    )
                    continue
                }
                points.append(p)
            }
            points.sort { $0.period.decimalYear < $1.period.decimalYear }
            guard Set(points.map(\.period)).count >= 2 else { continue }
            let first = group[0]
            var s = Series(id: SeriesBuilder.slug(first.metric + "-" + first.entity), metric: first.metric, entity: first.entity, unit: Extractor.baseUnit(first.unit), points: points)
            // A growth rate stated in the same sentence as the endpoints.
            let sentences = Set(group.map(\.sentence))
            if let growth = facts.first(where: { $0.metric == "average_annual_growth" && sentences.contains($0.sentence) && $0.source == first.source }) {
                s.statedAnnualGrowth = growth.value
                if let a = points.first, let b = points.last, a.value > 0, b.value > 0 {
                    let years = Double(b.period.year - a.period.year)
                    if years > 0 {
                        let implied = (pow(b.value / a.value, 1 / years) - 1) * 100
                        if abs(implied - growth.value) > growthTolerance {
                            warnings.append(
                                "conflict: \(s.id): the text states \(plainDecimal(growth.value))% a year (\(growth.source) byte \(growth.offset)) but \(plainDecimal(a.value)) in \(a.period.iso) to \(plainDecimal(b.value)) in \(b.period.iso) is \(String(format: "%.1f", implied))% a year"
                            )
                        }
                    }
                }
            }
            series.append(s)
        }
        return (series, warnings)
    }

    private func isSpan(_ p: Period) -> Bool {
        if case .span = p { return true }
        return false
    }

    private func precision(_ p: Period) -> Int {
        switch p {
        case .day: return 3
        case .month: return 2
        case .year: return 1
        case .span: return 0
        }
    }

    static func isChange(_ f: Fact) -> Bool {
        f.qualifier.split(separator: " ").contains { $0 == "decrease" || $0 == "increase" }
    }

    public static func slug(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
