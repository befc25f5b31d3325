import Foundation
import PlotlineCore
import PlotlineScene

extension ChartBuilder {
    func lineScene(_ spec: ChartSpec) throws -> Scene {
        // Points in x order, sorted once here (most data arrives sorted: checking is cheap).
        let series = spec.series.filter { !$0.points.isEmpty }.map { s -> LineSeries in
            var s = s
            if zip(s.points, s.points.dropFirst()).contains(where: { $0.position > $1.position }) {
                s.points.sort { $0.position < $1.position }
            }
            return s
        }
        guard !series.isEmpty else {
            throw ChartError.invalid("chart '\(spec.name)': a line chart needs at least one series with a point")
        }
        for s in series {
            for p in s.points where !p.value.isFinite {
                throw ChartError.invalid("chart '\(spec.name)': series '\(s.name)' has a value that is not a finite number at \(p.positionLabel)")
            }
        }
        let t = typesetter
        let frame = Frame(spec: spec, theme: theme, typesetter: t)
        var marks = frame.marks
        var body = frame.body
        var obstacles = frame.marks.compactMap { if case .text(let m) = $0 { return m.bounds } else { return nil } }

        // Key for reported vs derived points, only when both kinds are drawn.
        let hasDerived = series.contains { $0.points.contains(where: \.derived) }
        if hasDerived {
            let color = theme.palette[0]
            let y = body.y + 8
            let keyFont = theme.smallLabelFont
            var x = body.x + 5
            marks.append(.symbol(SymbolMark(center: Point(x, y), radius: 4.5, fill: color, stroke: .white, strokeWidth: 1.5, role: "key")))
            let reported = t.text("reported", x: x + 9, y: y + 4, font: keyFont, color: theme.muted, role: "legend")
            marks.append(.text(reported))
            obstacles.append(reported.bounds)
            x = reported.bounds.maxX + 20
            marks.append(.rule(RuleMark(from: Point(x - 6, y), to: Point(x + 14, y), stroke: color, width: 2, dash: [5, 4], role: "key")))
            marks.append(.symbol(SymbolMark(center: Point(x + 4, y), radius: 3.5, fill: .white, stroke: color, strokeWidth: 1.8, role: "key")))
            let derived = t.text("derived from the stated growth rate", x: x + 20, y: y + 4, font: keyFont, color: theme.muted, role: "legend")
            marks.append(.text(derived))
            obstacles.append(derived.bounds)
            body = Rect(x: body.x, y: body.y + 24, width: body.width, height: body.height - 24)
        }

        // Y scale.
        // Extremes by one pass over the points: a 100,000-point series is not copied to find them.
        var lowest = Double.infinity
        var highest = -Double.infinity
        for s in series {
            for p in s.points {
                lowest = Swift.min(lowest, p.value)
                highest = Swift.max(highest, p.value)
            }
        }
        let lo = min(0, lowest)
        let hi = max(0, highest)
        let tickCount = max(3, min(8, Int(body.height / 55)))
        var yTicks = Ticks.extended(lo, hi, m: tickCount, onlyLoose: true)
        if yTicks.count < 2 { yTicks = [lo, hi == lo ? lo + 1 : hi] }
        let (divisor, divisorName) = NumberFormat.axisDivisor(maxAbs: max(abs(yTicks.first!), abs(yTicks.last!)), style: spec.valueStyle)
        let yLabels = NumberFormat.tickLabels(yTicks, divisor: divisor)
        let tickFont = theme.tickFont
        let labelWidth = yLabels.map { t.width($0, tickFont) }.max() ?? 0
        let lineHeight = t.lineHeight(tickFont)

        // Right margin: direct labels at line ends when there are several series.
        let endLabelFont = theme.labelFont
        let endLabelWidth = series.count > 1 ? (series.map { t.width($0.name, endLabelFont) }.max() ?? 0) + 14 : 12
        let unitLabelHeight = divisorName.isEmpty ? 0.0 : lineHeight + 2
        // Headroom above the plot so a label over the highest point stays clear of the header.
        let labelHeadroom = series.contains { $0.points.contains { $0.label != false } } ? t.lineHeight(theme.labelFont) + t.lineHeight(theme.smallLabelFont) + 6 : 0
        var plot = Rect(
            x: body.x + labelWidth + 10, y: body.y + max(unitLabelHeight + 6, labelHeadroom), width: 0, height: 0)
        plot.width = max(40, body.maxX - endLabelWidth - plot.x)
        plot.height = max(40, body.maxY - lineHeight - 10 - plot.y)
        let y = LinearScale(domain: (yTicks.first!, yTicks.last!), range: (plot.maxY, plot.y))

        // X scale: a true time axis in years, ticks on whole years.
        // The domain hugs the data (an end-of-2012 point sits just before the 2013 tick);
        // ticks fall on whole years, or on nice numbers for a linear axis.
        // Points are sorted by position: the ends of each series bound the axis.
        var xLo = series.map { $0.points.first!.position }.min()!
        var xHi = series.map { $0.points.last!.position }.max()!
        let xTickValues: [Double]
        let xTickLabels: [String]
        let inset: Double
        if spec.xAxis == .time {
            if xHi - xLo < 1 {
                xLo = floor(xLo)
                xHi = xLo + 1
            }
            let yearWidth = t.width("2020", tickFont) + 22
            xTickValues = Ticks.years(xLo, xHi, maxCount: max(2, Int(plot.width / yearWidth))).map(Double.init)
            xTickLabels = xTickValues.map { String(Int($0)) }
            inset = max(6, t.width("2020", tickFont) / 2 + 2)
        } else {
            if xHi == xLo { xHi = xLo + 1 }
            let widest = t.width(NumberFormat.grouped(max(abs(xLo), abs(xHi))), tickFont) + 28
            xTickValues = Ticks.nice(xLo, xHi, count: max(2, Int(plot.width / widest)))
            xTickLabels = NumberFormat.tickLabels(xTickValues)
            inset = 4
        }
        let x = LinearScale(domain: (xLo, xHi), range: (plot.x + inset, plot.maxX - inset))

        // Grid, baseline and tick labels.
        for (v, label) in zip(yTicks, yLabels) {
            let gy = y(v)
            let isZero = v == 0
            marks.append(.rule(RuleMark(
                from: Point(plot.x, gy), to: Point(plot.maxX, gy), stroke: isZero ? theme.baseline : theme.grid,
                width: isZero ? 1.2 : 1, role: isZero ? "baseline" : "grid")))
            let e = t.measurer.measure(label, font: tickFont)
            let m = t.text(label, x: plot.x - 10, y: gy + (e.ascent - e.descent) / 2, anchor: .end, font: tickFont, color: theme.muted, role: "tick")
            marks.append(.text(m))
            obstacles.append(m.bounds)
        }
        if !divisorName.isEmpty {
            let top = y(yTicks.last!)
            if !spec.subtitle.localizedCaseInsensitiveContains(divisorName) {
                let m = t.text(divisorName, x: body.x, y: top - lineHeight * 0.75, font: theme.smallLabelFont, color: theme.muted, role: "axis-unit")
                marks.append(.text(m))
                obstacles.append(m.bounds)
            }
        }
        if !yTicks.contains(0) {
            marks.append(.rule(RuleMark(from: Point(plot.x, plot.maxY), to: Point(plot.maxX, plot.maxY), stroke: theme.baseline, width: 1, role: "axis")))
        }
        for (value, label) in zip(xTickValues, xTickLabels) {
            let px = x(value)
            marks.append(.rule(RuleMark(from: Point(px, plot.maxY), to: Point(px, plot.maxY + 5), stroke: theme.baseline, width: 1, role: "tick-mark")))
            let e = t.measurer.measure(label, font: tickFont)
            let m = t.text(label, x: px, y: plot.maxY + 8 + e.ascent, anchor: .middle, font: tickFont, color: theme.muted, role: "tick")
            marks.append(.text(m))
            obstacles.append(m.bounds)
        }

        // Lines: solid between reported points, dashed where either end is derived.
        var segments: [(Point, Point)] = []
        var symbolMarks: [Mark] = []
        var requests: [(LabelPlacer.Request, [TextMark], priority: Int)] = []
        for (index, s) in series.enumerated() {
            let color = theme.palette[index % theme.palette.count]
            let textColor = color.readable(on: theme.background)
            var points = s.points
            let columns = max(1, Int(plot.width * 4))
            if spec.decimate && points.count > columns * 4 {
                points = Decimation.m4(points, columns: columns, from: xLo, to: xHi)
            }
            let dense = points.count > 60
            let xy = points.map { Point(x($0.position), y($0.value)) }
            var run: [Point] = []
            var runDashed = false
            func flush() {
                if run.count > 1 {
                    marks.append(.path(PathMark(points: run, stroke: color, width: dense ? 1.25 : 2.5, dash: runDashed ? [6, 4] : [], role: "line")))
                }
                run = []
            }
            for i in 0..<xy.count {
                if i > 0 {
                    let dashed = points[i - 1].derived || points[i].derived
                    if dashed != runDashed || run.isEmpty {
                        flush()
                        run = [xy[i - 1]]
                        runDashed = dashed
                    }
                    run.append(xy[i])
                    segments.append((xy[i - 1], xy[i]))
                }
            }
            flush()
            for (p, q) in zip(points, xy) where !dense || p.derived {
                let r = p.derived ? 3.5 : 4.5
                symbolMarks.append(.symbol(SymbolMark(
                    center: q, radius: r, fill: p.derived ? .white : color, stroke: p.derived ? color : .white,
                    strokeWidth: p.derived ? 1.8 : 1.5, role: p.derived ? "point-derived" : "point")))
                obstacles.append(Rect(x: q.x - r, y: q.y - r, width: 2 * r, height: 2 * r))
            }
            for (i, (p, q)) in zip(points, xy).enumerated() {
                // One series: label its ends and, when few, every reported point. Several: only
                // the latest value, next to the series' name.
                let wanted = p.label ?? (!p.derived && !dense && (series.count == 1 ? (i == 0 || i == points.count - 1 || points.count <= 6) : i == points.count - 1))
                guard wanted else { continue }
                let value = t.text(valueLabel(p.value, spec: spec), x: 0, y: 0, anchor: .middle, font: theme.labelFont, color: textColor, role: "label")
                let when = t.text(p.positionLabel, x: 0, y: 0, anchor: .middle, font: theme.smallLabelFont, color: theme.muted, role: "label")
                let w = max(value.width, when.width)
                let h = value.ascent + value.descent + when.ascent + when.descent + 1
                // The ends carry the story: the latest value is placed first, then the earliest.
                let priority = i == points.count - 1 ? 0 : i == 0 ? 1 : 2
                requests.append((LabelPlacer.Request(anchor: q, width: w, height: h, gap: 8), [value, when], priority))
            }
        }
        marks += symbolMarks

        // Direct labels at line ends, pushed apart vertically when they would collide.
        if series.count > 1 {
            var ends: [(y: Double, mark: TextMark)] = []
            for (index, s) in series.enumerated() {
                let last = s.points.last!
                let q = Point(x(last.position), y(last.value))
                let color = theme.palette[index % theme.palette.count].readable(on: theme.background)
                let m = t.text(s.name, x: q.x + 10, y: q.y, font: endLabelFont, color: color, role: "series-label")
                ends.append((q.y, m))
            }
            ends.sort { $0.y < $1.y }
            let h = t.lineHeight(endLabelFont)
            var lastBottom = -Double.infinity
            for i in ends.indices {
                var m = ends[i].mark
                let top = max(ends[i].y - h / 2, lastBottom + 2)
                m.y = top + m.ascent
                lastBottom = top + h
                ends[i].mark = m
                marks.append(.text(m))
                obstacles.append(m.bounds)
            }
        }

        // Point labels, then annotations, each placed clear of everything drawn so far.
        let bounds = Rect(x: theme.padding / 2, y: body.y - 6, width: spec.width - theme.padding, height: plot.maxY - body.y + 6)
        requests = requests.enumerated().sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }.map(\.element)
        let placed = LabelPlacer.place(requests.map(\.0), obstacles: obstacles, segments: segments, bounds: bounds)
        for ((_, lines, _), rect) in zip(requests, placed) {
            guard let rect else { continue }
            var top = rect.y
            for var line in lines {
                line.x = rect.x + rect.width / 2
                line.y = top + line.ascent
                top += line.ascent + line.descent + 1
                marks.append(.text(line))
                obstacles.append(line.bounds)
            }
        }
        for a in spec.annotations where series.indices.contains(a.series) {
            let s = series[a.series].points
            guard s.count >= 2 else { continue }
            let mid = s.count / 2
            let p = Point((x(s[mid - 1].position) + x(s[mid].position)) / 2, (y(s[mid - 1].value) + y(s[mid].value)) / 2)
            let m = t.text(a.text, x: 0, y: 0, font: theme.smallLabelFont, color: theme.ink, role: "annotation")
            let request = LabelPlacer.Request(anchor: p, width: m.width, height: m.ascent + m.descent, gap: 16)
            if let rect = LabelPlacer.place([request], obstacles: obstacles, segments: segments, bounds: plot).first!
                ?? LabelPlacer.place([request], obstacles: obstacles, segments: segments, bounds: bounds).first!
            {
                var placedMark = m
                placedMark.x = rect.x
                placedMark.y = rect.y + m.ascent
                marks.append(.text(placedMark))
                obstacles.append(placedMark.bounds)
            }
        }

        return Scene(
            name: spec.name, width: spec.width, height: spec.height, background: theme.background, title: spec.title,
            description: spec.description ?? lineDescription(spec, series), marks: marks)
    }

    func lineDescription(_ spec: ChartSpec, _ series: [LineSeries]) -> String {
        let sentences = series.map { s -> String in
            let points = s.points
            let first = points.first!
            let last = points.last!
            let name = s.name.isEmpty ? spec.title : s.name
            func phrase(_ p: LinePoint) -> String {
                let v = p.value == 0 && spec.unit == "people" ? "none" : valueLabel(p.value, spec: spec)
                return "\(v) \(p.period.map(periodPhrase) ?? "at \(p.positionLabel)")"
            }
            if points.count == 1 { return "\(name) was \(phrase(first))." }
            let verb = last.value < first.value ? "fell" : last.value > first.value ? "rose" : "stayed level"
            if verb == "stayed level" { return "\(name) stayed at \(valueLabel(first.value, spec: spec)) from \(first.positionLabel) to \(last.positionLabel)." }
            return "\(name) \(verb) from \(phrase(first)) to \(phrase(last))."
        }
        return sentences.joined(separator: " ")
    }

    func periodPhrase(_ p: Period) -> String {
        switch p {
        case .day(let d) where d.month == 12 && d.day == 31: return "at the end of \(d.year)"
        case .day(let d) where d.month == 1 && d.day == 1: return "at the start of \(d.year)"
        case .day(let d): return "on \(d.iso)"
        default: return "in \(p.shortLabel)"
        }
    }
}
