/// One quantity found in a document, with enough provenance to find it again.
public struct Fact: Hashable, Codable, Sendable {
    /// The input file's name (not its path), so outputs do not depend on where inputs live.
    public var source: String
    /// UTF-8 byte offset and length of the number's phrase in the source file.
    public var offset: Int
    public var length: Int
    /// The phrase itself, as it stands in the text.
    public var quote: String
    public var metric: String
    public var entity: String
    public var period: Period?
    public var value: Double
    public var unit: String
    public var qualifier: String
    /// The sentence the number stands in, for captions and source notes.
    public var sentence: String

    public init(
        source: String, offset: Int, length: Int, quote: String, metric: String, entity: String,
        period: Period?, value: Double, unit: String, qualifier: String = "", sentence: String = ""
    ) {
        self.source = source
        self.offset = offset
        self.length = length
        self.quote = quote
        self.metric = metric
        self.entity = entity
        self.period = period
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.sentence = sentence
    }
}

/// One point of a series: reported in a source, or derived (interpolated from a growth rate).
public struct SeriesPoint: Hashable, Codable, Sendable {
    public var period: Period
    public var value: Double
    public var source: String
    public var offset: Int
    public var quote: String
    public var derived: Bool

    public init(period: Period, value: Double, source: String, offset: Int, quote: String, derived: Bool = false) {
        self.period = period
        self.value = value
        self.source = source
        self.offset = offset
        self.quote = quote
        self.derived = derived
    }
}

/// Values of one metric for one entity over time.
public struct Series: Hashable, Codable, Sendable {
    public var id: String
    public var metric: String
    public var entity: String
    public var unit: String
    public var points: [SeriesPoint]
    /// An average annual growth rate stated in the text, in percent, if any.
    public var statedAnnualGrowth: Double?

    public init(id: String, metric: String, entity: String, unit: String, points: [SeriesPoint], statedAnnualGrowth: Double? = nil) {
        self.id = id
        self.metric = metric
        self.entity = entity
        self.unit = unit
        self.points = points
        self.statedAnnualGrowth = statedAnnualGrowth
    }
}

/// A place named in a document, resolved to its provincial-level division.
public struct PlaceMention: Hashable, Codable, Sendable {
    public var source: String
    public var offset: Int
    public var length: Int
    public var name: String
    /// province, municipality, autonomous region, SAR, prefecture, county, township, village, region.
    public var kind: String
    /// ISO 3166-2:CN letter code of the provincial-level division.
    public var provinceCode: String

    public init(source: String, offset: Int, length: Int, name: String, kind: String, provinceCode: String) {
        self.source = source
        self.offset = offset
        self.length = length
        self.name = name
        self.kind = kind
        self.provinceCode = provinceCode
    }
}

/// Everything extracted from a set of documents.
public struct Extraction: Codable, Sendable {
    public var facts: [Fact]
    public var series: [Series]
    public var places: [PlaceMention]
    public var warnings: [String]

    public init(facts: [Fact] = [], series: [Series] = [], places: [PlaceMention] = [], warnings: [String] = []) {
        self.facts = facts
        self.series = series
        self.places = places
        self.warnings = warnings
    }
}
