import Foundation
import PlotlineScene

extension ChartBuilder {
    /// How the bar chart is laid out: categories under vertical bars when their labels fit,
    /// turned to read bottom-up when they are short codes, otherwise horizontal bars.
    public enum BarOrientation: String, Sendable { case vertical, verticalRotated, horizontal }

    func barOrientation(_ bars: [Bar], plotWidth: Double) -> BarOrientation {
        let band = plotWidth / Double(max(1, bars.count))
        let widths = bars.map { typesetter.width($0.label, theme.tickFont) }
        let widest = widths.max() ?? 0
        if widest <= band * 0.9 { return .vertical }
        if widest <= 70 && band >= typesetter.lineHeight(theme.tickFont) { return .verticalRotated }
        return .horizontal
    }

    func barScene(_ spec: ChartSpec) throws -> Scene {
        guard !spec.bars.isEmpty else { throw ChartError.invalid("chart '\(spec.name)': a bar chart needs at least one bar") }
        for b in spec.bars where !b.value.isFinite {
            throw ChartError.invalid("chart '\(spec.name)': bar '\(b.label)' has a value that is not a finite number")
        }
        let bars = spec.sorted ? spec.bars.enumerated().sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }.map(\.element) : spec.bars
        let t = typesetter
        let frame = Frame(spec: spec, theme: theme, typesetter: t)
        var marks = frame.marks
        let body = frame.body
        let color = theme.palette[0]
        let tickFont = theme.tickFont
        let lineHeight = t.lineHeight(tickFont)
        let lo = min(0, bars.map(\.value).min()!)
        let hi = max(0, bars.map(\.value).max()!)

        let orientation = barOrientation(bars, plotWidth: body.width - 60)
        if orientation == .horizontal {
            // Category labels wrap to two lines within at most 40 % of the width.
            let labelColumn = min(body.width * 0.4, (bars.map { t.width($0.label, tickFont) }.max() ?? 0) + 4)
            let wrapped = bars.map { Array(t.wrap($0.label, font: tickFont, width: labelColumn).prefix(2)) }
            let valueTexts = bars.map { valueLabel($0.value, spec: spec) }
            let valueWidth = (valueTexts.map { t.width($0, theme.smallLabelFont) }.max() ?? 0) + 8
            let plot = Rect(x: body.x + labelColumn + 10, y: body.y, width: max(20, body.width - labelColumn - 10 - valueWidth), height: body.height)
            let band = plot.height / Double(bars.count)
            let barHeight = min(28, band * 0.72)
            let x = LinearScale(domain: (lo, hi == lo ? lo + 1 : hi), range: (plot.x, plot.maxX))
            for (i, bar) in bars.enumerated() {
                let cy = plot.y + band * (Double(i) + 0.5)
                let x0 = x(min(0, bar.value))
                let x1 = x(max(0, bar.value))
                marks.append(.rect(RectMark(rect: Rect(x: x0, y: cy - barHeight / 2, width: max(0.5, x1 - x0), height: barHeight), fill: color, role: "bar")))
                let lines = wrapped[i]
                let lh = lineHeight
                var baseline = cy - lh * Double(lines.count) / 2 + t.measurer.measure("Ag", font: tickFont).ascent + (lh - t.measurer.measure("Ag", font: tickFont).ascent - t.measurer.measure("Ag", font: tickFont).descent) / 2
                for line in lines {
                    marks.append(.text(t.text(line, x: plot.x - 10, y: baseline, anchor: .end, font: tickFont, color: theme.ink, role: "tick")))
                    baseline += lh
                }
                let e = t.measurer.measure(valueTexts[i], font: theme.smallLabelFont)
                marks.append(.text(t.text(valueTexts[i], x: x1 + 6, y: cy + (e.ascent - e.descent) / 2, font: theme.smallLabelFont, color: theme.ink, role: "label")))
            }
            marks.append(.rule(RuleMark(from: Point(x(0), plot.y), to: Point(x(0), plot.maxY), stroke: theme.baseline, width: 1.2, role: "baseline")))
            return Scene(name: spec.name, width: spec.width, height: spec.height, background: theme.background, title: spec.title, description: spec.description ?? barDescription(spec, bars), marks: marks)
        }

        let yTicks = Ticks.extended(lo, hi, m: max(3, min(8, Int(body.height / 55))), onlyLoose: true)
        let (divisor, divisorName) = NumberFormat.axisDivisor(maxAbs: max(abs(yTicks.first!), abs(yTicks.last!)), style: spec.valueStyle)
        let yLabels = NumberFormat.tickLabels(yTicks, divisor: divisor)
        let labelWidth = yLabels.map { t.width($0, tickFont) }.max() ?? 0
        let categoryHeight = orientation == .vertical ? lineHeight : (bars.map { t.width($0.label, tickFont) }.max() ?? 0)
        let unitHeight = divisorName.isEmpty ? 0.0 : lineHeight + 2
        let plot = Rect(x: body.x + labelWidth + 10, y: body.y + unitHeight + lineHeight, width: body.width - labelWidth - 10, height: max(20, body.height - unitHeight - lineHeight - categoryHeight - 10))
        let y = LinearScale(domain: (yTicks.first!, yTicks.last!), range: (plot.maxY, plot.y))
        for (v, label) in zip(yTicks, yLabels) {
            let gy = y(v)
            marks.append(.rule(RuleMark(from: Point(plot.x, gy), to: Point(plot.maxX, gy), stroke: v == 0 ? theme.baseline : theme.grid, width: v == 0 ? 1.2 : 1, role: v == 0 ? "baseline" : "grid")))
            let e = t.measurer.measure(label, font: tickFont)
            marks.append(.text(t.text(label, x: plot.x - 10, y: gy + (e.ascent - e.descent) / 2, anchor: .end, font: tickFont, color: theme.muted, role: "tick")))
        }
        if !divisorName.isEmpty {
            if !spec.subtitle.localizedCaseInsensitiveContains(divisorName) {
                marks.append(.text(t.text(divisorName, x: body.x, y: y(yTicks.last!) - lineHeight * 0.75, font: theme.smallLabelFont, color: theme.muted, role: "axis-unit")))
            }
        }
        let band = plot.width / Double(bars.count)
        let barWidth = band * 0.72
        let valueTexts = bars.map { valueLabel($0.value, spec: spec) }
        let showValues = valueTexts.allSatisfy { t.width($0, theme.smallLabelFont) <= band * 0.98 }
        for (i, bar) in bars.enumerated() {
            let cx = plot.x + band * (Double(i) + 0.5)
            let y0 = y(max(0, bar.value))
            let y1 = y(min(0, bar.value))
            marks.append(.rect(RectMark(rect: Rect(x: cx - barWidth / 2, y: y0, width: barWidth, height: max(0.5, y1 - y0)), fill: color, role: "bar")))
            if orientation == .vertical {
                let e = t.measurer.measure(bar.label, font: tickFont)
                marks.append(.text(t.text(bar.label, x: cx, y: plot.maxY + 8 + e.ascent, anchor: .middle, font: tickFont, color: theme.ink, role: "tick")))
            } else {
                let e = t.measurer.measure(bar.label, font: tickFont)
                // Reads bottom-up, ending just under the axis.
                marks.append(.text(t.text(bar.label, x: cx + (e.ascent - e.descent) / 2, y: plot.maxY + 8, anchor: .end, font: tickFont, color: theme.ink, role: "tick", angle: 90)))
            }
            if showValues {
                let top = bar.value >= 0 ? y0 - 5 : y1 + 5 + t.measurer.measure(valueTexts[i], font: theme.smallLabelFont).ascent
                marks.append(.text(t.text(valueTexts[i], x: cx, y: top, anchor: .middle, font: theme.smallLabelFont, color: theme.ink, role: "label")))
            }
        }
        return Scene(name: spec.name, width: spec.width, height: spec.height, background: theme.background, title: spec.title, description: spec.description ?? barDescription(spec, bars), marks: marks)
    }

    func barDescription(_ spec: ChartSpec, _ bars: [Bar]) -> String {
        let top = bars.max { $0.value < $1.value }!
        let bottom = bars.min { $0.value < $1.value }!
        return "Bar chart of \(bars.count) categories: \(spec.title). Largest: \(top.label) (\(valueLabel(top.value, spec: spec))); smallest: \(bottom.label) (\(valueLabel(bottom.value, spec: spec)))."
    }
}
