import Foundation
import PlotlineCore
import PlotlineScene

/// Classes for shading tiles: zero gets its own class, the rest split at nice thresholds.
public struct TileClasses: Hashable, Sendable {
    /// Upper bounds of the classes above zero, ascending.
    public var thresholds: [Double]
    public var integers: Bool

    public init(values: [Double], maxClasses: Int = 5) {
        let positive = values.filter { $0 > 0 }
        integers = values.allSatisfy { $0 == $0.rounded() }
        guard let top = positive.max() else {
            thresholds = []
            return
        }
        var ticks = Ticks.extended(0, top, m: maxClasses + 1, onlyLoose: true)
        if integers { ticks = ticks.map { $0.rounded(.up) } }
        var uppers = Array(ticks.dropFirst()).filter { $0 > 0 }
        if uppers.isEmpty || uppers.last! < top { uppers.append(top) }
        var unique: [Double] = []
        for u in uppers where unique.last != u { unique.append(u) }
        thresholds = unique
    }

    /// 0 for zero, 1… for the classes above it.
    public func classIndex(_ v: Double) -> Int {
        if v <= 0 { return 0 }
        for (i, u) in thresholds.enumerated() where v <= u { return i + 1 }
        return thresholds.count
    }

    public var labels: [String] {
        var out = ["0"]
        var lower = 0.0
        for u in thresholds {
            if integers && u < 1e15 {
                let a = Int(lower) + 1
                let b = Int(u)
                out.append(a == b ? "\(a)" : "\(a)–\(b)")
            } else {
                out.append("\(NumberFormat.grouped(lower))–\(NumberFormat.grouped(u))")
            }
            lower = u
        }
        return out
    }
}

extension ChartBuilder {
    /// A single-hue ramp from light to dark blue; zero is the lightest step, distinct from
    /// "no data", which is white with a dashed outline.
    static func ramp(_ count: Int) -> [Color] {
        let light = Color(hex: "#e8f0f8")
        let dark = Color(hex: "#08306b")
        guard count > 1 else { return [light] }
        return (0..<count).map { i in
            let f = pow(Double(i) / Double(count - 1), 0.9)
            return Color(r: light.r + (dark.r - light.r) * f, g: light.g + (dark.g - light.g) * f, b: light.b + (dark.b - light.b) * f)
        }
    }

    func gridScene(_ spec: ChartSpec) throws -> Scene {
        var values: [String: Double] = [:]
        for tile in spec.tiles {
            guard Gazetteer.byCode[tile.code] != nil else {
                throw ChartError.invalid("chart '\(spec.name)': '\(tile.code)' is not a provincial-level division code; use ISO 3166-2:CN letter codes such as HE, SC or XZ")
            }
            guard tile.value.isFinite else {
                throw ChartError.invalid("chart '\(spec.name)': the value for \(tile.code) is not a finite number")
            }
            values[tile.code] = tile.value
        }
        let t = typesetter
        let frame = Frame(spec: spec, theme: theme, typesetter: t)
        var marks = frame.marks
        var body = frame.body

        let classes = TileClasses(values: Array(values.values))
        let colors = ChartBuilder.ramp(classes.thresholds.count + 1)

        // Legend row: the measure, one swatch per class, then "no data".
        let legendFont = theme.smallLabelFont
        let swatch = 14.0
        var lx = body.x
        let ly = body.y
        let baselineY = ly + swatch / 2 + (t.measurer.measure("0", font: legendFont).ascent - t.measurer.measure("0", font: legendFont).descent) / 2
        if !spec.legendTitle.isEmpty {
            let m = t.text(spec.legendTitle, x: lx, y: baselineY, font: Font(size: legendFont.size, weight: .bold), color: theme.ink, role: "legend")
            marks.append(.text(m))
            lx = m.bounds.maxX + 10
        }
        for (label, color) in zip(classes.labels, colors) {
            marks.append(.rect(RectMark(rect: Rect(x: lx, y: ly, width: swatch, height: swatch), fill: color, stroke: Color(hex: "#9aa5b1"), strokeWidth: 0.5, role: "legend-swatch")))
            let m = t.text(label, x: lx + swatch + 5, y: baselineY, font: legendFont, color: theme.muted, role: "legend")
            marks.append(.text(m))
            lx = m.bounds.maxX + 12
        }
        if values.count < Gazetteer.provinces.count {
            marks.append(.rect(RectMark(rect: Rect(x: lx, y: ly, width: swatch, height: swatch), fill: .white, stroke: Color(hex: "#8a8a8a"), strokeWidth: 1, dash: [3, 2], role: "legend-swatch")))
            marks.append(.text(t.text("no data", x: lx + swatch + 5, y: baselineY, font: legendFont, color: theme.muted, role: "legend")))
        }
        body = Rect(x: body.x, y: body.y + swatch + 14, width: body.width, height: body.height - swatch - 14)

        let rows = Gazetteer.provinces.map(\.row).max()!
        let cols = Gazetteer.provinces.map(\.col).max()!
        let gap = 3.0
        let size = min((body.width + gap) / Double(cols), (body.height + gap) / Double(rows)) - gap
        guard size >= 18 else {
            throw ChartError.invalid("chart '\(spec.name)': the canvas is too small for a \(cols)x\(rows) tile grid; make it at least \(Int(Double(cols) * 21 + 40)) points wide")
        }
        let gridWidth = Double(cols) * (size + gap) - gap
        let originX = body.x + (body.width - gridWidth) / 2
        let originY = body.y
        let codeFont = Font(size: min(15, max(9, size * 0.24)), weight: .bold)
        let valueFont = Font(size: min(14, max(9, size * 0.22)))
        for p in Gazetteer.provinces {
            let r = Rect(x: originX + Double(p.col - 1) * (size + gap), y: originY + Double(p.row - 1) * (size + gap), width: size, height: size)
            let value = values[p.code]
            let fill: Color
            if let value {
                fill = colors[classes.classIndex(value)]
                marks.append(.rect(RectMark(rect: r, fill: fill, role: "tile")))
            } else {
                fill = .white
                marks.append(.rect(RectMark(rect: r.insetBy(0.5), fill: fill, stroke: Color(hex: "#8a8a8a"), strokeWidth: 1, dash: [3, 2], role: "tile-nodata")))
            }
            let ink = Color.contrast(theme.ink, fill) >= Color.contrast(.white, fill) ? theme.ink : Color.white
            let label = spec.labels == "zh" ? p.nameZh : p.code
            let labelExtent = t.measurer.measure(label, font: codeFont)
            let valueText = value.map { NumberFormat.format($0, style: spec.valueStyle == .words ? .short : spec.valueStyle) } ?? "–"
            let valueExtent = t.measurer.measure(valueText, font: valueFont)
            let total = labelExtent.ascent + labelExtent.descent + valueExtent.ascent + valueExtent.descent
            let top = r.y + (size - total) / 2
            marks.append(.text(t.text(label, x: r.x + size / 2, y: top + labelExtent.ascent, anchor: .middle, font: codeFont, color: ink, role: "tile-label")))
            marks.append(.text(t.text(valueText, x: r.x + size / 2, y: top + labelExtent.ascent + labelExtent.descent + valueExtent.ascent, anchor: .middle, font: valueFont, color: ink, role: "tile-value")))
        }
        return Scene(name: spec.name, width: spec.width, height: spec.height, background: theme.background, title: spec.title, description: spec.description ?? gridDescription(spec, values), marks: marks)
    }

    func gridDescription(_ spec: ChartSpec, _ values: [String: Double]) -> String {
        let ranked = values.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
        let leaders = ranked.filter { $0.value > 0 }.map { "\(Gazetteer.byCode[$0.key]!.name) (\(NumberFormat.grouped($0.value)))" }
        var s = "Tile map of China's 34 provincial-level divisions, shaded by \(spec.legendTitle.isEmpty ? "value" : spec.legendTitle.lowercased())."
        if !leaders.isEmpty { s += " Highest: " + leaders.joined(separator: ", ") + "." }
        let missing = Gazetteer.provinces.count - values.count
        if missing > 0 { s += " \(missing) with no data." }
        return s
    }
}
