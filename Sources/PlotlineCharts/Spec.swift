import PlotlineCore

/// What a chart shows, independent of how it is drawn. Codable, so specs can live in JSON.
public struct ChartSpec: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case line, bar, grid }

    public var kind: Kind
    /// File name stem and SVG id prefix.
    public var name: String
    public var title: String
    public var subtitle: String
    /// Where the numbers come from: file and quote. Printed at the bottom left.
    public var source: String
    public var width: Double
    public var height: Double
    /// The unit of the values, lower-case: "people", "yuan", "percent", "mentions".
    public var unit: String
    public var valueStyle: ValueStyle
    public var series: [LineSeries]
    public var bars: [Bar]
    public var tiles: [Tile]
    public var annotations: [Annotation]
    /// Bars: sort by value, largest first.
    public var sorted: Bool
    /// Grid: tile labels, "en" (ISO codes) or "zh" (Chinese names).
    public var labels: String
    /// Grid: the measure the shading shows, for the legend ("Mentions").
    public var legendTitle: String
    /// Overrides the generated accessible description.
    public var description: String?
    /// Line charts: a time axis (ticks on whole years) or a linear one.
    public var xAxis: XAxis
    /// Line charts: thin very long series to what the pixels can show (M4: first, last,
    /// minimum and maximum per quarter-point column), which draws the same picture.
    public var decimate: Bool

    public enum XAxis: String, Codable, Sendable { case time, linear }

    public init(
        kind: Kind, name: String, title: String, subtitle: String = "", source: String = "", width: Double = 800,
        height: Double = 500, unit: String = "", valueStyle: ValueStyle = .grouped, series: [LineSeries] = [],
        bars: [Bar] = [], tiles: [Tile] = [], annotations: [Annotation] = [], sorted: Bool = false, labels: String = "en",
        legendTitle: String = "", description: String? = nil, xAxis: XAxis = .time, decimate: Bool = true
    ) {
        self.kind = kind
        self.name = name
        self.title = title
        self.subtitle = subtitle
        self.source = source
        self.width = width
        self.height = height
        self.unit = unit
        self.valueStyle = valueStyle
        self.series = series
        self.bars = bars
        self.tiles = tiles
        self.annotations = annotations
        self.sorted = sorted
        self.labels = labels
        self.legendTitle = legendTitle
        self.description = description
        self.xAxis = xAxis
        self.decimate = decimate
    }

    private enum CodingKeys: String, CodingKey {
        case kind, name, title, subtitle, source, width, height, unit, valueStyle, series, bars, tiles, annotations, sorted, labels
        case legendTitle, description, xAxis, decimate
    }

    /// Spec files may leave out everything but `kind` and `name`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(Kind.self, forKey: .kind), name: try c.decode(String.self, forKey: .name),
            title: try c.decodeIfPresent(String.self, forKey: .title) ?? "", subtitle: try c.decodeIfPresent(String.self, forKey: .subtitle) ?? "",
            source: try c.decodeIfPresent(String.self, forKey: .source) ?? "", width: try c.decodeIfPresent(Double.self, forKey: .width) ?? 800,
            height: try c.decodeIfPresent(Double.self, forKey: .height) ?? 500, unit: try c.decodeIfPresent(String.self, forKey: .unit) ?? "",
            valueStyle: try c.decodeIfPresent(ValueStyle.self, forKey: .valueStyle) ?? .grouped,
            series: try c.decodeIfPresent([LineSeries].self, forKey: .series) ?? [], bars: try c.decodeIfPresent([Bar].self, forKey: .bars) ?? [],
            tiles: try c.decodeIfPresent([Tile].self, forKey: .tiles) ?? [], annotations: try c.decodeIfPresent([Annotation].self, forKey: .annotations) ?? [],
            sorted: try c.decodeIfPresent(Bool.self, forKey: .sorted) ?? false, labels: try c.decodeIfPresent(String.self, forKey: .labels) ?? "en",
            legendTitle: try c.decodeIfPresent(String.self, forKey: .legendTitle) ?? "", description: try c.decodeIfPresent(String.self, forKey: .description),
            xAxis: try c.decodeIfPresent(XAxis.self, forKey: .xAxis) ?? .time, decimate: try c.decodeIfPresent(Bool.self, forKey: .decimate) ?? true)
    }
}

public struct LinePoint: Codable, Hashable, Sendable {
    /// When the value holds, on a time axis.
    public var period: Period?
    /// Where the value sits on a linear axis (step, index, distance), when there is no period.
    public var x: Double?
    public var value: Double
    /// Derived (interpolated, computed from a growth rate) rather than reported.
    public var derived: Bool
    /// Show a value label at this point. Nil: label reported points at the ends and any the
    /// spec marks; derived points stay unlabelled.
    public var label: Bool?

    public init(period: Period, value: Double, derived: Bool = false, label: Bool? = nil) {
        self.period = period
        self.value = value
        self.derived = derived
        self.label = label
    }

    public init(x: Double, value: Double, derived: Bool = false, label: Bool? = nil) {
        self.x = x
        self.value = value
        self.derived = derived
        self.label = label
    }

    private enum CodingKeys: String, CodingKey { case period, x, value, derived, label }

    /// In spec files only the value and a period (or x) are needed.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        period = try c.decodeIfPresent(Period.self, forKey: .period)
        x = try c.decodeIfPresent(Double.self, forKey: .x)
        value = try c.decode(Double.self, forKey: .value)
        derived = try c.decodeIfPresent(Bool.self, forKey: .derived) ?? false
        label = try c.decodeIfPresent(Bool.self, forKey: .label)
        if period == nil && x == nil {
            throw DecodingError.keyNotFound(CodingKeys.period, .init(codingPath: c.codingPath, debugDescription: "a point needs a period or an x"))
        }
    }

    /// The point's place along the x axis: its x, or its period in decimal years.
    public var position: Double { x ?? period?.decimalYear ?? 0 }

    /// How the point's place is written in labels and tables.
    public var positionLabel: String { period?.shortLabel ?? NumberFormat.grouped(x ?? 0) }
}

public struct LineSeries: Codable, Hashable, Sendable {
    public var name: String
    public var points: [LinePoint]
    public init(name: String, points: [LinePoint]) {
        self.name = name
        self.points = points
    }
}

public struct Bar: Codable, Hashable, Sendable {
    public var label: String
    public var value: Double
    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}

/// A value for one provincial-level division, by ISO 3166-2:CN code.
public struct Tile: Codable, Hashable, Sendable {
    public var code: String
    public var value: Double
    public init(code: String, value: Double) {
        self.code = code
        self.value = value
    }
}

/// A note attached to a series, placed next to its line without covering anything.
public struct Annotation: Codable, Hashable, Sendable {
    public var text: String
    /// Index of the series in `series`.
    public var series: Int
    public init(text: String, series: Int = 0) {
        self.text = text
        self.series = series
    }

    private enum CodingKeys: String, CodingKey { case text, series }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        series = try c.decodeIfPresent(Int.self, forKey: .series) ?? 0
    }
}

public enum ChartError: Error, CustomStringConvertible, Equatable {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let s): return s
        }
    }
}
