import Foundation
import PlotlineCore

/// The files `plotline extract` writes: facts.csv, series.csv, places.csv (or .json) and
/// warnings.txt. Column order is a contract other tools read.
public enum ExtractionFiles {
    public static let factsHeader = ["source", "offset", "length", "quote", "metric", "entity", "period", "value", "unit", "qualifier"]
    public static let seriesHeader = ["series", "metric", "entity", "period", "value", "unit", "source", "offset"]
    public static let placesHeader = ["source", "offset", "length", "name", "kind", "province"]

    public static func factsCSV(_ facts: [Fact]) -> String {
        var s = CSV.line(factsHeader)
        for f in facts {
            s += CSV.line([f.source, String(f.offset), String(f.length), f.quote, f.metric, f.entity, f.period?.iso ?? "", plainDecimal(f.value), f.unit, f.qualifier])
        }
        return s
    }

    public static func seriesCSV(_ series: [Series]) -> String {
        var s = CSV.line(seriesHeader)
        for x in series {
            for p in x.points {
                s += CSV.line([x.id, x.metric, x.entity, p.period.iso, plainDecimal(p.value), x.unit, p.source, String(p.offset)])
            }
        }
        return s
    }

    public static func placesCSV(_ places: [PlaceMention]) -> String {
        var s = CSV.line(placesHeader)
        for p in places {
            s += CSV.line([p.source, String(p.offset), String(p.length), p.name, p.kind, Gazetteer.byCode[p.provinceCode]?.name ?? ""])
        }
        return s
    }


    public static func write(_ e: Extraction, to folder: OutputFolder, json: Bool) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            struct FactRow: Encodable {
                let source: String, offset: Int, length: Int, quote: String, metric: String, entity: String, period: String?, value: Double, unit: String, qualifier: String
            }
            struct SeriesRow: Encodable {
                let series: String, metric: String, entity: String, unit: String, statedAnnualGrowth: Double?, points: [PointRow]
            }
            struct PointRow: Encodable { let period: String, value: Double, source: String, offset: Int }
            struct PlaceRow: Encodable { let source: String, offset: Int, length: Int, name: String, kind: String, province: String }
            let facts = e.facts.map { FactRow(source: $0.source, offset: $0.offset, length: $0.length, quote: $0.quote, metric: $0.metric, entity: $0.entity, period: $0.period?.iso, value: $0.value, unit: $0.unit, qualifier: $0.qualifier) }
            let series = e.series.map { s in SeriesRow(series: s.id, metric: s.metric, entity: s.entity, unit: s.unit, statedAnnualGrowth: s.statedAnnualGrowth, points: s.points.map { PointRow(period: $0.period.iso, value: $0.value, source: $0.source, offset: $0.offset) }) }
            let places = e.places.map { PlaceRow(source: $0.source, offset: $0.offset, length: $0.length, name: $0.name, kind: $0.kind, province: Gazetteer.byCode[$0.provinceCode]?.name ?? "") }
            try AtomicFile.write(try encoder.encode(facts) + Data("\n".utf8), to: try folder.url(for: "facts.json"))
            try AtomicFile.write(try encoder.encode(series) + Data("\n".utf8), to: try folder.url(for: "series.json"))
            try AtomicFile.write(try encoder.encode(places) + Data("\n".utf8), to: try folder.url(for: "places.json"))
        } else {
            try AtomicFile.write(factsCSV(e.facts), to: try folder.url(for: "facts.csv"))
            try AtomicFile.write(seriesCSV(e.series), to: try folder.url(for: "series.csv"))
            try AtomicFile.write(placesCSV(e.places), to: try folder.url(for: "places.csv"))
        }
        try AtomicFile.write(e.warnings.map { $0 + "\n" }.joined(), to: try folder.url(for: "warnings.txt"))
    }
}
