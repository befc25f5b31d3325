import Foundation
import PlotlineCharts
import PlotlineScene
import PlotlineCore
import PlotlineSVG

/// Reports that embed the charts with their alt text, captions with the quotes the numbers
/// come from, and the data behind each chart. Nothing loads from the network.
public enum ReportWriter {
    static func dataRows(_ spec: ChartSpec) -> (header: [String], rows: [[String]]) {
        switch spec.kind {
        case .line:
            var rows: [[String]] = []
            for s in spec.series {
                for p in s.points {
                    rows.append([s.name, p.period?.iso ?? plainDecimal(p.x ?? 0), plainDecimal((p.value * 100).rounded() / 100), p.derived ? "derived" : "reported"])
                }
            }
            return (["series", "period", "value (\(spec.unit))", "status"], rows)
        case .bar:
            return (["label", "value (\(spec.unit))"], spec.bars.map { [$0.label, plainDecimal($0.value)] })
        case .grid:
            let rows = spec.tiles.sorted { ($0.value, $1.code) > ($1.value, $0.code) }.map {
                [Gazetteer.byCode[$0.code]?.name ?? $0.code, $0.code, plainDecimal($0.value)]
            }
            return (["province", "code", spec.unit], rows)
        }
    }

    public static func html(_ charts: [BuiltChart], extraction: Extraction, title: String = "Plotline report", intro: String = "") -> String {
        var h = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: "DejaVu Sans", "WenQuanYi Micro Hei", sans-serif; color: #1a1a1a; max-width: 860px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
            figure { margin: 2.5em 0; }
            img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #444; font-size: 0.92em; margin-top: 0.6em; }
            table { border-collapse: collapse; font-size: 0.88em; margin-top: 0.8em; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.8em; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            details { margin-top: 0.6em; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            \(intro.isEmpty ? "" : "<p>\(escape(intro))</p>\n")<p>\(extraction.facts.count) facts, \(extraction.series.count) series and \(extraction.places.count) place names extracted from \(escape(Set(extraction.facts.map(\.source) + extraction.places.map(\.source)).sorted().joined(separator: ", "))).</p>

            """
        for c in charts {
            let image = c.files.first { $0.hasSuffix(".svg") } ?? c.files.first { $0.hasSuffix(".png") } ?? ""
            h += "<figure id=\"\(escape(c.spec.name))\">\n"
            h += "<img src=\"\(escape(image))\" alt=\"\(escape(c.scene.description))\" width=\"\(Int(c.spec.width))\" height=\"\(Int(c.spec.height))\">\n"
            h += "<figcaption><strong>\(escape(c.spec.title)).</strong> \(escape(c.scene.description)) \(escape(c.spec.source))"
            let others = c.files.filter { $0 != image }
            if !others.isEmpty { h += " Also as " + others.map { "<a href=\"\(escape($0))\">\(escape($0))</a>" }.joined(separator: ", ") + "." }
            h += "</figcaption>\n"
            let (header, rows) = dataRows(c.spec)
            h += "<details><summary>Data behind this chart</summary>\n<table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
            for r in rows {
                h += "<tr>" + r.enumerated().map { i, v in i == r.count - 1 || Double(v) != nil ? "<td class=\"n\">\(escape(v))</td>" : "<td>\(escape(v))</td>" }.joined() + "</tr>\n"
            }
            h += "</table>\n</details>\n</figure>\n"
        }
        if !extraction.warnings.isEmpty {
            h += "<h2>Warnings</h2>\n<ul>\n" + extraction.warnings.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        h += "</body>\n</html>\n"
        return h
    }

    /// Markdown needs its own escaping: brackets and backslashes would change the meaning.
    static func md(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>|#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    public static func markdown(_ charts: [BuiltChart], extraction: Extraction, title: String = "Plotline report", intro: String = "") -> String {
        var m = "# \(md(title))\n\n"
        if !intro.isEmpty { m += md(intro) + "\n\n" }
        for c in charts {
            let image = c.files.first { $0.hasSuffix(".png") } ?? c.files.first ?? ""
            m += "## \(md(c.spec.title))\n\n"
            m += "![\(md(c.scene.description))](\(image.replacingOccurrences(of: " ", with: "%20")))\n\n"
            m += "\(md(c.spec.source))\n\n"
            let (header, rows) = dataRows(c.spec)
            m += "| " + header.map(md).joined(separator: " | ") + " |\n"
            m += "|" + header.map { _ in " --- |" }.joined() + "\n"
            for r in rows { m += "| " + r.map(md).joined(separator: " | ") + " |\n" }
            m += "\n"
        }
        return m
    }
}

/// One chart as built: its spec, its scene, and the files written for it.
public struct BuiltChart {
    public var spec: ChartSpec
    public var scene: Scene
    public var files: [String]

    public init(spec: ChartSpec, scene: Scene, files: [String]) {
        self.spec = spec
        self.scene = scene
        self.files = files
    }
}
