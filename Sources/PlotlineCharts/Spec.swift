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

    public init(
        kind: Kind, name: String, title: String, subtitle: String = "", source: String = "", width: Double = 800,
        height: Double = 500, unit: String = "", valueStyle: ValueStyle = .grouped, series: [LineSeries] = [],
        bars: [Bar] = [], tiles: [Tile] = [], annotations: [Annotation] = [], sorted: Bool = false, labels: String = "en",
        legendTitle: String = "", description: String? = nil
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
    }
}

public struct LinePoint: Codable, Hashable, Sendable {
    public var period: Period
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
}

public enum ChartError: Error, CustomStringConvertible, Equatable {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let s): return s
        }
    }
}
