import Foundation
import PlotlineCharts
import PlotlineCore

/// The charts `plotline build` draws when no project file says otherwise: every series the
/// extractor found, and a tile map of the provinces the documents talk about.
public enum DefaultCharts {
    public static func specs(for extraction: Extraction, metricName: (String) -> String) -> [ChartSpec] {
        var specs: [ChartSpec] = []
        let ranked = extraction.series.sorted { a, b in
            (priority(a), a.id) < (priority(b), b.id)
        }
        for s in ranked where s.points.count >= 2 && !s.points.contains(where: { if case .span = $0.period { return true } else { return false } }) {
            specs.append(lineSpec(s, metricName: metricName(s.metric)))
        }
        if !extraction.places.isEmpty {
            specs.append(placesSpec(extraction.places))
        }
        return specs
    }

    /// Headline measures first, so the report opens with them.
    static func priority(_ s: Series) -> Int {
        switch s.metric {
        case "rural_poor_population": return 0
        case "per_capita_net_income", "per_capita_disposable_income": return 1
        default: return 2
        }
    }

    static func unitPhrase(_ unit: String) -> String {
        switch unit {
        case "yuan": return "yuan"
        case "percent": return "percent"
        default: return unit
        }
    }

    public static func lineSpec(_ s: Series, metricName: String) -> ChartSpec {
        let points = s.withDerivedPoints
        let reported = points.filter { !$0.derived }
        let first = reported.first!
        let last = reported.last!
        let style: ValueStyle = s.unit == "people" ? .words : .grouped
        let title = headline(metricName, first: first, last: last)
        let maxValue = reported.map { abs($0.value) }.max() ?? 0
        let (_, scaleName) = NumberFormat.axisDivisor(maxAbs: maxValue, style: style)
        let unitText = scaleName.isEmpty ? unitPhrase(s.unit) : "\(scaleName) of \(unitPhrase(s.unit))"
        var subtitle = "\(metricName) in \(s.entity), \(unitText)"
        if s.statedAnnualGrowth != nil { subtitle += "; years between the reported ends derived from the stated growth rate" }
        // Text sources with their quotes; data files with the lines used.
        var parts: [String] = []
        for file in Set(reported.map(\.source)).sorted() {
            let from = reported.filter { $0.source == file }
            if from.allSatisfy({ $0.quote.hasPrefix("\(file) line ") }) {
                let lines = from.map { String($0.offset) }.joined(separator: ", ")
                parts.append("\(file), line\(from.count > 1 ? "s" : "") \(lines)")
            } else {
                parts.append("\(file): " + from.map { "“\(snippet($0.quote))” (byte \($0.offset))" }.joined(separator: "; "))
            }
        }
        let source = "Source: " + parts.joined(separator: "; ") + "."
        var annotations: [Annotation] = []
        if let g = s.statedAnnualGrowth {
            annotations.append(Annotation(text: "+\(NumberFormat.grouped(g, maxDecimals: 1))% a year on average, as stated"))
        }
        let line = LineSeries(name: metricName, points: points.map { LinePoint(period: $0.period, value: $0.value, derived: $0.derived) })
        return ChartSpec(
            kind: .line, name: s.id, title: title, subtitle: subtitle, source: source, width: 800, height: 500, unit: s.unit,
            valueStyle: style, series: [line], annotations: annotations)
    }

    static func snippet(_ s: String) -> String {
        s.count <= 60 ? s : String(s.prefix(57)) + "…"
    }

    /// A title that states the finding, not the variable.
    static func headline(_ metric: String, first: SeriesPoint, last: SeriesPoint) -> String {
        let span = "\(first.period.shortLabel)–\(last.period.shortLabel)"
        if last.value == 0 && first.value > 0 {
            return "\(metric) fell to zero by the \(endPhrase(last.period))"
        }
        guard first.value > 0 else { return "\(metric), \(span)" }
        let ratio = last.value / first.value
        if ratio >= 3 { return "\(metric) more than \(ratio >= 4 ? "quadrupled" : "tripled"), \(span)" }
        if ratio >= 2 { return "\(metric) more than doubled, \(span)" }
        if ratio > 1 { return "\(metric) rose \(NumberFormat.grouped((ratio - 1) * 100, maxDecimals: 0))%, \(span)" }
        if ratio < 1 { return "\(metric) fell \(NumberFormat.grouped((1 - ratio) * 100, maxDecimals: 0))%, \(span)" }
        return "\(metric) held steady, \(span)"
    }

    static func endPhrase(_ p: Period) -> String {
        switch p {
        case .day(let d) where d.month == 12 && d.day == 31: return "end of \(d.year)"
        default: return "\(p.shortLabel)"
        }
    }

    public static func placesSpec(_ places: [PlaceMention]) -> ChartSpec {
        var counts: [String: Double] = [:]
        for p in Gazetteer.provinces { counts[p.code] = 0 }
        for m in places { counts[m.provinceCode, default: 0] += 1 }
        let tiles = Gazetteer.provinces.map { Tile(code: $0.code, value: counts[$0.code] ?? 0) }
        let top = tiles.max { ($0.value, $1.code) < ($1.value, $0.code) }!
        let named = tiles.filter { $0.value > 0 }.count
        let sources = Set(places.map(\.source)).sorted().joined(separator: ", ")
        return ChartSpec(
            kind: .grid, name: "places", title: "\(Gazetteer.byCode[top.code]!.name) is the province the reporting mentions most",
            subtitle: "Mentions of each provincial-level division or of places in it; \(named) of 34 are named",
            source: "Source: \(sources): \(places.count) place names resolved to provinces by Plotline (see places.csv). Tiles: ISO 3166-2:CN codes, geofacet china_prov_grid1 layout.",
            width: 800, height: 780, unit: "mentions", valueStyle: .grouped, tiles: tiles, legendTitle: "Mentions")
    }
}
