import Foundation
import PlotlineCore

/// A problem in a data file, with the place it is at and what to do about it.
public struct DataError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int?
    public var message: String

    public init(file: String, line: Int, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(file):\(line)\(column.map { ":\($0)" } ?? ""): \(message)"
    }
}

/// Reads the CSV files `plotline chart` takes into chart content. Columns are found by
/// their header names, so extra columns are allowed and order does not matter.
public enum ChartData {
    struct Table {
        var file: String
        var header: [String: Int]
        var rows: [(line: Int, fields: [String])]

        func column(_ names: [String], required: Bool, what: String) throws -> Int? {
            for n in names { if let i = header[n] { return i } }
            if required {
                throw DataError(file: file, line: 1, message: "no '\(names[0])' column; the header must name \(what), e.g. '\(names[0])'")
            }
            return nil
        }

        func number(_ row: (line: Int, fields: [String]), _ column: Int) throws -> Double {
            let raw = field(row, column).trimmingCharacters(in: .whitespaces)
            let cleaned = raw.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
            guard !cleaned.isEmpty else {
                throw DataError(file: file, line: row.line, column: column + 1, message: "the value is empty; give a number such as 98990000")
            }
            guard let v = Double(cleaned), v.isFinite, cleaned.lowercased() != "nan", !cleaned.lowercased().contains("inf") else {
                throw DataError(file: file, line: row.line, column: column + 1, message: "'\(raw)' is not a finite number; write plain decimals such as 98990000 or 10.2")
            }
            return v
        }

        func field(_ row: (line: Int, fields: [String]), _ column: Int) -> String {
            column < row.fields.count ? row.fields[column] : ""
        }
    }

    static func table(_ text: String, file: String) throws -> Table {
        let parsed = CSV.parse(text)
        guard let head = parsed.first else {
            throw DataError(file: file, line: 1, message: "the file is empty; it needs a header row and at least one data row")
        }
        var header: [String: Int] = [:]
        for (i, name) in head.fields.enumerated() {
            header[name.trimmingCharacters(in: .whitespaces).lowercased()] = i
        }
        let rows = Array(parsed.dropFirst())
        guard !rows.isEmpty else {
            throw DataError(file: file, line: head.line, message: "the file has a header but no data rows")
        }
        return Table(file: file, header: header, rows: rows)
    }

    /// `series,period,value[,derived]` (series optional). Periods are ISO 8601: 2015,
    /// 2012-12-31, 2020-03. With an `x` column instead of `period`, the axis is linear.
    public static func lineSeries(_ text: String, file: String) throws -> [LineSeries] {
        let t = try table(text, file: file)
        let xColumn = t.header["x"]
        let periodColumn = xColumn == nil ? try t.column(["period", "year", "date"], required: true, what: "the time of each value (or x for a linear axis)")! : -1
        let valueColumn = try t.column(["value"], required: true, what: "the numbers")!
        let seriesColumn = try t.column(["series", "name"], required: false, what: "")
        let derivedColumn = try t.column(["derived"], required: false, what: "")
        var order: [String] = []
        var points: [String: [LinePoint]] = [:]
        var seen: [String: Int] = [:]
        for row in t.rows {
            let name = seriesColumn.map { t.field(row, $0).trimmingCharacters(in: .whitespaces) } ?? ""
            let value = try t.number(row, valueColumn)
            let derived = ["1", "true", "yes", "derived"].contains(derivedColumn.map { t.field(row, $0).lowercased() } ?? "")
            if points[name] == nil { order.append(name) }
            if let xColumn {
                // A linear axis: steps, distances, indices. Duplicates are allowed (scatter-like).
                let x = try t.number(row, xColumn)
                points[name, default: []].append(LinePoint(x: x, value: value, derived: derived))
                continue
            }
            let rawPeriod = t.field(row, periodColumn).trimmingCharacters(in: .whitespaces)
            guard let period = Period(iso: rawPeriod) else {
                throw DataError(file: file, line: row.line, column: periodColumn + 1, message: "'\(rawPeriod)' is not a period; write a year (2015), a month (2020-03) or a day (2012-12-31)")
            }
            let key = "\(name)|\(period.iso)"
            if let earlier = seen[key] {
                throw DataError(file: file, line: row.line, column: periodColumn + 1, message: "\(period.iso) appears twice\(name.isEmpty ? "" : " in series '\(name)'") (first on line \(earlier)); keep one row per period")
            }
            seen[key] = row.line
            points[name, default: []].append(LinePoint(period: period, value: value, derived: derived))
        }
        return order.map { LineSeries(name: $0, points: points[$0]!.sorted { $0.position < $1.position }) }
    }

    /// `label,value`.
    public static func bars(_ text: String, file: String) throws -> [Bar] {
        let t = try table(text, file: file)
        let labelColumn = try t.column(["label", "category", "name"], required: true, what: "the category of each bar")!
        let valueColumn = try t.column(["value"], required: true, what: "the numbers")!
        return try t.rows.map { Bar(label: t.field($0, labelColumn), value: try t.number($0, valueColumn)) }
    }

    /// `code,value` or `province,value`: ISO 3166-2:CN codes, English or Chinese names.
    public static func tiles(_ text: String, file: String) throws -> [Tile] {
        let t = try table(text, file: file)
        let keyColumn = try t.column(["code", "province", "name"], required: true, what: "the province (code or name)")!
        let valueColumn = try t.column(["value"], required: true, what: "the numbers")!
        var seen: [String: Int] = [:]
        return try t.rows.map { row in
            let key = t.field(row, keyColumn).trimmingCharacters(in: .whitespaces)
            guard let code = provinceCode(key) else {
                throw DataError(file: file, line: row.line, column: keyColumn + 1, message: "'\(key)' is not a provincial-level division; use a code such as SC or a name such as Sichuan or 四川")
            }
            if let earlier = seen[code] {
                throw DataError(file: file, line: row.line, column: keyColumn + 1, message: "\(key) appears twice (first on line \(earlier)); keep one row per province")
            }
            seen[code] = row.line
            return Tile(code: code, value: try t.number(row, valueColumn))
        }
    }

    public static func provinceCode(_ key: String) -> String? {
        if Gazetteer.byCode[key.uppercased()] != nil { return key.uppercased() }
        if let c = Gazetteer.byName[key] { return c }
        if let p = Gazetteer.provinces.first(where: { $0.nameZh == key || $0.name.lowercased() == key.lowercased() }) { return p.code }
        return nil
    }
}
