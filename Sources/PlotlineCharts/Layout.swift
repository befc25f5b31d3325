import PlotlineScene

/// The house style: sizes in points, colours that pass WCAG AA on white.
public struct Theme: Sendable {
    public var titleFont = Font(size: 20, weight: .bold)
    public var subtitleFont = Font(size: 14)
    public var sourceFont = Font(size: 11.5)
    public var tickFont = Font(size: 12.5)
    public var labelFont = Font(size: 12.5, weight: .bold)
    public var smallLabelFont = Font(size: 11.5)
    public var ink = Color(hex: "#1a1a1a")
    public var muted = Color(hex: "#555555")
    public var faint = Color(hex: "#666666")
    public var grid = Color(hex: "#e3e3e3")
    public var baseline = Color(hex: "#333333")
    public var background = Color.white
    public var padding = 20.0
    /// Okabe–Ito, colour-blind safe; blue first since it also passes 4.5:1 as text.
    public var palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"].map {
        Color(hex: $0)
    }

    public init() {}
    public static let standard = Theme()
}

extension Color {
    /// The same hue made darker until text in it reaches `ratio` against `background`.
    public func readable(on background: Color, ratio: Double = 4.5) -> Color {
        var c = self
        var steps = 0
        while Color.contrast(c, background) < ratio && steps < 40 {
            c = Color(r: c.r * 0.92, g: c.g * 0.92, b: c.b * 0.92, a: c.a)
            steps += 1
        }
        return c
    }
}

/// Builds text marks with measured extents.
struct Typesetter {
    let measurer: TextMeasurer

    func text(_ s: String, x: Double, y: Double, anchor: TextAnchor = .start, font: Font, color: Color, role: String, angle: Double = 0) -> TextMark {
        let e = measurer.measure(s, font: font)
        return TextMark(
            text: s, x: x, y: y, anchor: anchor, font: font, color: color, angle: angle, role: role, width: e.width,
            ascent: e.ascent, descent: e.descent)
    }

    func width(_ s: String, _ font: Font) -> Double { measurer.measure(s, font: font).width }

    func lineHeight(_ font: Font) -> Double {
        let e = measurer.measure("Ag国", font: font)
        return (e.ascent + e.descent) * 1.15
    }

    /// Greedy word wrap; a word longer than the line is broken by characters.
    func wrap(_ s: String, font: Font, width: Double) -> [String] {
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if self.width(candidate, font) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = ""
                var piece = ""
                for ch in word {
                    if self.width(piece + String(ch), font) > width && !piece.isEmpty {
                        lines.append(piece)
                        piece = ""
                    }
                    piece.append(ch)
                }
                line = piece
            }
            lines.append(line)
        }
        return lines
    }

    /// Wrapped lines as marks from `top`; returns the marks and the y just below them.
    func block(_ s: String, x: Double, top: Double, width: Double, font: Font, color: Color, role: String, maxLines: Int = 4)
        -> ([TextMark], Double)
    {
        guard !s.isEmpty else { return ([], top) }
        var lines = wrap(s, font: font, width: width)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            var last = lines[maxLines - 1]
            while !last.isEmpty && self.width(last + "…", font) > width { last.removeLast() }
            lines[maxLines - 1] = last + "…"
        }
        let lh = lineHeight(font)
        var marks: [TextMark] = []
        var y = top
        for line in lines {
            let m = text(line, x: x, y: y + measurer.measure("Ag国", font: font).ascent, font: font, color: color, role: role)
            marks.append(m)
            y += lh
        }
        return (marks, y)
    }
}

/// The frame every chart shares: title and subtitle on top, source note at the bottom,
/// and the rectangle left for the chart itself.
struct Frame {
    var marks: [Mark] = []
    var body: Rect

    init(spec: ChartSpec, theme: Theme, typesetter t: Typesetter) {
        let pad = theme.padding
        let innerWidth = spec.width - 2 * pad
        var y = pad
        let (title, afterTitle) = t.block(spec.title, x: pad, top: y, width: innerWidth, font: theme.titleFont, color: theme.ink, role: "title", maxLines: 3)
        y = afterTitle
        let (subtitle, afterSubtitle) = t.block(spec.subtitle, x: pad, top: y + 2, width: innerWidth, font: theme.subtitleFont, color: theme.muted, role: "subtitle", maxLines: 3)
        y = subtitle.isEmpty ? y : afterSubtitle
        // The source note is laid out first to learn its height, then moved to the bottom.
        let (probe, probeBottom) = t.block(spec.source, x: pad, top: 0, width: innerWidth, font: theme.sourceFont, color: theme.faint, role: "source", maxLines: 4)
        let sourceTop = spec.height - pad - probeBottom
        let source = probe.map { m -> TextMark in
            var m = m
            m.y += sourceTop
            return m
        }
        marks = (title + subtitle + source).map(Mark.text)
        let bodyTop = y + 14
        let bodyBottom = (source.isEmpty ? spec.height - pad : sourceTop - 12)
        body = Rect(x: pad, y: bodyTop, width: innerWidth, height: max(0, bodyBottom - bodyTop))
    }
}

/// Finds a place for each label next to its anchor that overlaps no obstacle and no label
/// placed before it and stays inside `bounds`. A label with no such place is left out rather
/// than drawn over something. Pure: same requests, same answer.
public enum LabelPlacer {
    public struct Request: Hashable, Sendable {
        public var anchor: Point
        public var width: Double
        public var height: Double
        /// Clearance around the anchor (the marker radius plus a gap).
        public var gap: Double
        public init(anchor: Point, width: Double, height: Double, gap: Double) {
            self.anchor = anchor
            self.width = width
            self.height = height
            self.gap = gap
        }
    }

    /// Candidate boxes in order of preference: above, below, right, left, then the diagonals,
    /// first close to the anchor and then further out.
    public static func candidates(_ r: Request) -> [Rect] {
        let a = r.anchor
        let w = r.width
        let h = r.height
        var out: [Rect] = []
        for g in [r.gap, r.gap * 2.2, r.gap * 3.6] {
            let d = g
            out += [
                Rect(x: a.x - w / 2, y: a.y - g - h, width: w, height: h),
                Rect(x: a.x - w / 2, y: a.y + g, width: w, height: h),
                Rect(x: a.x + g, y: a.y - h / 2, width: w, height: h),
                Rect(x: a.x - g - w, y: a.y - h / 2, width: w, height: h),
                Rect(x: a.x + d, y: a.y - d - h, width: w, height: h),
                Rect(x: a.x - d - w, y: a.y - d - h, width: w, height: h),
                Rect(x: a.x + d, y: a.y + d, width: w, height: h),
                Rect(x: a.x - d - w, y: a.y + d, width: w, height: h),
            ]
        }
        return out
    }

    public static func place(_ requests: [Request], obstacles: [Rect], segments: [(Point, Point)], bounds: Rect) -> [Rect?] {
        var placed: [Rect] = []
        var out: [Rect?] = []
        for r in requests {
            var chosen: Rect?
            for c in candidates(r) {
                let padded = c.insetBy(-1.5)
                if !bounds.contains(c) { continue }
                if obstacles.contains(where: { $0.intersects(padded) }) { continue }
                if placed.contains(where: { $0.intersects(padded) }) { continue }
                if segments.contains(where: { segmentIntersects($0.0, $0.1, padded) }) { continue }
                chosen = c
                break
            }
            if let chosen { placed.append(chosen) }
            out.append(chosen)
        }
        return out
    }

    /// Whether the segment p–q passes through the rectangle (Liang–Barsky clipping).
    public static func segmentIntersects(_ p: Point, _ q: Point, _ r: Rect) -> Bool {
        var t0 = 0.0
        var t1 = 1.0
        let dx = q.x - p.x
        let dy = q.y - p.y
        for (pk, qk) in [(-dx, p.x - r.x), (dx, r.maxX - p.x), (-dy, p.y - r.y), (dy, r.maxY - p.y)] {
            if pk == 0 {
                if qk < 0 { return false }
            } else {
                let t = qk / pk
                if pk < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}

/// A linear map from a data interval to a pixel interval.
public struct LinearScale: Hashable, Sendable {
    public var domain: (Double, Double)
    public var range: (Double, Double)
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }
    public func callAsFunction(_ v: Double) -> Double {
        let span = domain.1 - domain.0
        if span == 0 { return (range.0 + range.1) / 2 }
        return range.0 + (v - domain.0) / span * (range.1 - range.0)
    }
    public static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }
    public func hash(into h: inout Hasher) {
        h.combine(domain.0)
        h.combine(domain.1)
        h.combine(range.0)
        h.combine(range.1)
    }
}
