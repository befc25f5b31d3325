import Foundation
import PlotlineCore

/// Tidy data files that add to, or correct, the series found in text:
/// CSV `series,period,value,unit[,entity]` or JSON `[{"series":…, "period":…, "value":…, "unit":…}]`.
public enum DataFiles {
    public struct Row: Sendable {
        public var series: String
        public var period: Period
        public var value: Double
        public var unit: String
        public var entity: String
        public var file: String
        public var line: Int
    }

    public static func read(_ url: URL) throws -> [Row] {
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ProjectError(file: url.path, line: nil, column: nil, message: "cannot read the file; check the path and its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProjectError(file: url.path, line: nil, column: nil, message: "the file is not UTF-8 text; save it as UTF-8")
        }
        if url.pathExtension.lowercased() == "json" { return try readJSON(text, name: name, path: url.path) }
        return try readCSV(text, name: name, path: url.path)
    }

    public static func readCSV(_ text: String, name: String, path: String) throws -> [Row] {
        let rows = CSV.parse(text)
        guard let header = rows.first else {
            throw ProjectError(file: path, line: 1, column: nil, message: "the file is empty; it needs the header series,period,value,unit")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ n: String, required: Bool) throws -> Int? {
            if let i = names.firstIndex(of: n) { return i }
            if required {
                throw ProjectError(file: path, line: header.line, column: nil, message: "no '\(n)' column; the header must be series,period,value,unit[,entity]")
            }
            return nil
        }
        let s = try column("series", required: true)!
        let p = try column("period", required: true)!
        let v = try column("value", required: true)!
        let u = try column("unit", required: true)!
        let e = try column("entity", required: false)
        guard rows.count > 1 else {
            throw ProjectError(file: path, line: header.line, column: nil, message: "the file has a header but no data rows")
        }
        var out: [Row] = []
        var seen: [String: Int] = [:]
        for r in rows.dropFirst() {
            func field(_ i: Int) -> String { i < r.fields.count ? r.fields[i].trimmingCharacters(in: .whitespaces) : "" }
            let series = field(s)
            guard !series.isEmpty else { throw ProjectError(file: path, line: r.line, column: s + 1, message: "the series name is empty") }
            guard let period = Period(iso: field(p)) else {
                throw ProjectError(file: path, line: r.line, column: p + 1, message: "'\(field(p))' is not a period; write 2015, 2020-03 or 2012-12-31")
            }
            let raw = field(v)
            guard let value = Double(raw), value.isFinite else {
                throw ProjectError(file: path, line: r.line, column: v + 1, message: "'\(raw)' is not a finite number; write plain decimals such as 98990000")
            }
            let key = series + "|" + period.iso
            if let first = seen[key] {
                throw ProjectError(file: path, line: r.line, column: p + 1, message: "\(series) at \(period.iso) is given twice (first on line \(first)); keep one")
            }
            seen[key] = r.line
            out.append(Row(series: series, period: period, value: value, unit: field(u).lowercased(), entity: e.map(field) ?? "", file: name, line: r.line))
        }
        return out
    }

    public static func readJSON(_ text: String, name: String, path: String) throws -> [Row] {
        struct Item: Decodable {
            var series: String
            var period: String
            var value: Double
            var unit: String
            var entity: String?
        }
        let items: [Item]
        do {
            items = try JSONDecoder().decode([Item].self, from: Data(text.utf8))
        } catch let DecodingError.keyNotFound(key, context) {
            throw ProjectError(file: path, line: nil, column: nil, message: "item \(context.codingPath.first.map { "\($0.intValue ?? 0)" } ?? "?"): '\(key.stringValue)' is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ProjectError(file: path, line: nil, column: nil, message: "\(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")): \(context.debugDescription)")
        } catch {
            throw ProjectError(file: path, line: nil, column: nil, message: "not a JSON array of {series, period, value, unit} objects")
        }
        return try items.enumerated().map { i, item in
            guard let period = Period(iso: item.period) else {
                throw ProjectError(file: path, line: nil, column: nil, message: "item \(i): '\(item.period)' is not a period; write 2015, 2020-03 or 2012-12-31")
            }
            guard item.value.isFinite else { throw ProjectError(file: path, line: nil, column: nil, message: "item \(i): the value is not finite") }
            return Row(series: item.series, period: period, value: item.value, unit: item.unit.lowercased(), entity: item.entity ?? "", file: name, line: i + 1)
        }
    }

    /// Adds data-file points to the extracted series: new periods are added, an equal value
    /// confirms the text, a different one replaces it and is reported with both sources.
    public static func merge(_ rows: [Row], into extraction: inout Extraction) {
        for var row in rows {
            if let s = extraction.series.firstIndex(where: { $0.id == row.series }), case .year(let y) = row.period,
                extraction.series[s].points.contains(where: { if case .day(let d) = $0.period { return d.month == 12 && d.day == 31 } else { return false } })
            {
                // The series counts at year ends ("the end of 2012"): a bare year in a table means the same.
                row.period = .day(Day(y, 12, 31))
            }
            let point = SeriesPoint(period: row.period, value: row.value, source: row.file, offset: row.line, quote: "\(row.file) line \(row.line)")
            if let s = extraction.series.firstIndex(where: { $0.id == row.series }) {
                var series = extraction.series[s]
                if !row.unit.isEmpty && row.unit != series.unit {
                    extraction.warnings.append("\(row.file):\(row.line): \(row.series) is in \(series.unit) in the text but \(row.unit) here; the row was left out")
                    continue
                }
                if let i = series.points.firstIndex(where: { $0.period == row.period || ($0.period.year == row.period.year && sameYearPrecision($0.period, row.period)) }) {
                    let old = series.points[i]
                    if old.value != row.value {
                        extraction.warnings.append(
                            "conflict: \(row.series) at \(row.period.iso) is \(plainDecimal(old.value)) in \(old.source) (byte \(old.offset)) and \(plainDecimal(row.value)) in \(row.file) line \(row.line); used \(row.file)")
                        series.points[i] = SeriesPoint(period: old.period, value: row.value, source: row.file, offset: row.line, quote: point.quote)
                    }
                } else {
                    series.points.append(point)
                }
                series.points.sort { $0.period.decimalYear < $1.period.decimalYear }
                extraction.series[s] = series
            } else {
                let metric = row.series.replacingOccurrences(of: "-", with: "_")
                extraction.series.append(Series(id: row.series, metric: metric, entity: row.entity.isEmpty ? "China" : row.entity, unit: row.unit, points: [point]))
            }
        }
    }

    /// "2012" in a table and "2012-12-31" in text are the same year-end figure when they agree;
    /// two values in one year only clash when the periods say the same thing.
    private static func sameYearPrecision(_ a: Period, _ b: Period) -> Bool {
        switch (a, b) {
        case (.year, .day(let d)), (.day(let d), .year): return d.month == 12 && d.day == 31
        default: return false
        }
    }
}

/// A problem in a project or data file, with where it is and what to do.
public struct ProjectError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}
