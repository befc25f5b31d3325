import Foundation
import PlotlineCharts
import PlotlineCore
import Yams

/// `plotline.yaml`: what to read, which charts to draw, where to write.
public struct ProjectFile: Codable, Sendable {
    public struct Inputs: Codable, Sendable {
        /// Text documents: paths or globs (`seeds/*.txt`), relative to the project file.
        public var text: [String]?
        /// Data files that add to or correct extracted series: CSV or JSON.
        public var data: [String]?
    }

    public struct Chart: Codable, Sendable {
        public var name: String
        /// line, bar or grid
        public var type: String
        /// line: the ids of extracted (or data-file) series to draw.
        public var series: [String]?
        /// grid: shade provinces by how often the documents mention them.
        public var places: Bool?
        /// Any type: a CSV file with the data, as `plotline chart` reads it.
        public var data: String?
        public var title: String?
        public var subtitle: String?
        public var source: String?
        /// grouped, short, words or chinese
        public var style: String?
        public var unit: String?
        public var width: Double?
        public var height: Double?
        public var labels: String?
        public var legend: String?
        public var annotate: String?
        public var sorted: Bool?
    }

    public struct Report: Codable, Sendable {
        public var title: String?
        public var intro: String?
    }

    public var inputs: Inputs?
    public var output: String?
    public var formats: [String]?
    public var scale: Double?
    public var dateline: String?
    public var lexicon: String?
    public var charts: [Chart]?
    public var report: Report?

    /// Reads a project file; errors name the file, the line and the column.
    public static func load(_ url: URL) throws -> ProjectFile {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw ProjectError(file: url.path, line: nil, column: nil, message: "cannot read the project file as UTF-8 text")
        }
        return try parse(text, path: url.path)
    }

    /// How deep YAML may nest: the parser recurses once a level, and a few thousand `[` in a
    /// row would overflow the stack (found by the fuzzer, fuzz/regressions/project).
    static let maxDepth = 64

    /// Refuses YAML nested deeper than `maxDepth`, by brackets or by indentation and dashes,
    /// before the parser sees it.
    static func checkDepth(_ text: String, path: String) throws {
        var depth = 0
        var quote: Character?
        var line = 1
        var column = 0
        var atLineStart = true
        var blockLevels = 0
        for ch in text {
            column += 1
            if ch == "\n" {
                line += 1
                column = 0
                atLineStart = true
                blockLevels = 0
                if quote == "'" || quote == "\"" { continue }
                continue
            }
            if atLineStart {
                if ch == " " || ch == "-" {
                    if ch == "-" { blockLevels += 1 }
                    if column > 2 * maxDepth || blockLevels > maxDepth {
                        throw ProjectError(file: path, line: line, column: column, message: "nested more than \(maxDepth) levels deep; a project file needs only a few")
                    }
                    continue
                }
                atLineStart = false
            }
            if let q = quote {
                if ch == q { quote = nil }
                continue
            }
            switch ch {
            case "\"", "'": quote = ch
            case "#": break
            case "[", "{":
                depth += 1
                if depth > maxDepth {
                    throw ProjectError(file: path, line: line, column: column, message: "nested more than \(maxDepth) levels deep; a project file needs only a few")
                }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
    }

    public static func parse(_ text: String, path: String) throws -> ProjectFile {
        try checkDepth(text, path: path)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ProjectFile.locate(error, path: path)
        }
        guard let node else { return ProjectFile() }
        do {
            let project = try YAMLDecoder().decode(ProjectFile.self, from: text)
            try project.validate(root: node, path: path)
            return project
        } catch let error as ProjectError {
            throw error
        } catch let error as DecodingError {
            throw describe(error, root: node, path: path)
        }
    }

    init() {}

    static func locate(_ error: YamlError, path: String) -> ProjectError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ProjectError(file: path, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        default:
            return ProjectError(file: path, line: nil, column: nil, message: "not valid YAML: \(error)")
        }
    }

    /// The node a coding path points at, for its line and column.
    static func node(at path: [CodingKey], in root: Node) -> Node? {
        var current: Node? = root
        for key in path {
            if let index = key.intValue { current = current?[index] } else { current = current?[key.stringValue] }
        }
        return current
    }

    static func describe(_ error: DecodingError, root: Node, path: String) -> ProjectError {
        func place(_ codingPath: [CodingKey]) -> (Int?, Int?, String) {
            var probe = codingPath
            var mark: Mark?
            while mark == nil && !probe.isEmpty {
                mark = node(at: probe, in: root)?.mark
                probe.removeLast()
            }
            let dotted = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
            return (mark?.line, mark?.column, dotted)
        }
        switch error {
        case .keyNotFound(let key, let context):
            let (line, column, at) = place(context.codingPath)
            return ProjectError(file: path, line: line, column: column, message: "\(at.isEmpty ? "the file" : at) needs '\(key.stringValue)'")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let (line, column, at) = place(context.codingPath)
            return ProjectError(file: path, line: line, column: column, message: "\(at) should be \(expected(type))")
        case .dataCorrupted(let context):
            let (line, column, at) = place(context.codingPath)
            return ProjectError(file: path, line: line, column: column, message: "\(at): \(context.debugDescription)")
        @unknown default:
            return ProjectError(file: path, line: nil, column: nil, message: "\(error)")
        }
    }

    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Double.Type, is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [String].Type, is [Any].Type: return "a list"
        default: return "a \(type)"
        }
    }

    /// Checks what the types alone cannot: known chart types and formats, unique names.
    func validate(root: Node, path: String) throws {
        func fail(_ codingPath: [String], _ message: String) -> ProjectError {
            var current: Node? = root
            for k in codingPath { current = Int(k).map { current?[$0] } ?? current?[k] }
            return ProjectError(file: path, line: current?.mark?.line, column: current?.mark?.column, message: message)
        }
        for (i, f) in (formats ?? []).enumerated() where !["png", "svg", "pdf"].contains(f) {
            throw fail(["formats", String(i)], "unknown format '\(f)'; use png, svg or pdf")
        }
        var names: Set<String> = []
        for (i, c) in (charts ?? []).enumerated() {
            guard ChartSpec.Kind(rawValue: c.type) != nil else {
                throw fail(["charts", String(i), "type"], "unknown chart type '\(c.type)'; use line, bar or grid")
            }
            if let style = c.style, ValueStyle(rawValue: style) == nil {
                throw fail(["charts", String(i), "style"], "unknown style '\(style)'; use grouped, short, words or chinese")
            }
            guard !names.contains(c.name) else { throw fail(["charts", String(i), "name"], "a second chart named '\(c.name)'; names must be unique") }
            names.insert(c.name)
            guard c.name.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) != nil else {
                throw fail(["charts", String(i), "name"], "'\(c.name)' cannot be a file name; use letters, digits, '-', '_' and '.'")
            }
            let sources = [c.series != nil, c.places == true, c.data != nil].filter { $0 }.count
            guard sources == 1 else {
                throw fail(["charts", String(i)], "chart '\(c.name)' needs exactly one of series, places: true, or data")
            }
        }
    }

    /// The commented starting point `plotline init` writes.
    public static let template = """
        # Plotline project. `plotline build` reads this file when it is in the current folder
        # (or is given with --project); without it, Plotline draws its default charts.

        inputs:
          text: ["seeds/*.txt"]          # documents to extract from (globs allowed)
          # data: ["data/*.csv"]         # series,period,value,unit[,entity] rows that add to or correct the text

        output: output                   # where charts, data and reports go
        formats: [png, svg]              # any of png, svg, pdf
        # scale: 2                       # PNG pixels per point, for HiDPI screens
        # dateline: 2021-02-23           # the documents' date, for "last year"; found in the text when left out

        charts:
          - name: rural-poor
            type: line
            series: [rural-poor-population-china]
            style: words                 # grouped, short, words or chinese (万/亿)
          - name: income
            type: line
            series: [per-capita-net-income-china]
          - name: places
            type: grid
            places: true                 # shade provinces by how often the documents mention them
            # labels: zh                 # Chinese province names on the tiles

        report:
          title: Poverty alleviation in numbers

        """
}
