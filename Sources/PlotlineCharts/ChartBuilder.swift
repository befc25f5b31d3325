import PlotlineCore
import PlotlineScene

/// Turns a chart spec into a scene. Pure apart from asking `measurer` how big text is.
public struct ChartBuilder {
    public var theme: Theme
    let typesetter: Typesetter

    public init(measurer: TextMeasurer, theme: Theme = .standard) {
        self.theme = theme
        self.typesetter = Typesetter(measurer: measurer)
    }

    /// Canvas sides outside this range are refused: below 120 points nothing fits, above the
    /// limit one spec could ask for gigabytes of pixels. `--max-canvas` raises the limit.
    public var maxSide: Double = 8000
    public var sizeRange: ClosedRange<Double> { 120...max(120, maxSide) }

    public func scene(for spec: ChartSpec) throws -> Scene {
        guard sizeRange.contains(spec.width), sizeRange.contains(spec.height) else {
            throw ChartError.invalid(
                "chart '\(spec.name)': size \(NumberFormat.grouped(spec.width))x\(NumberFormat.grouped(spec.height)) is outside \(Int(sizeRange.lowerBound))–\(Int(sizeRange.upperBound)) points a side; give a size such as 800x500, or raise the limit with --max-canvas"
            )
        }
        switch spec.kind {
        case .line: return try lineScene(spec)
        case .bar: return try barScene(spec)
        case .grid: return try gridScene(spec)
        }
    }

    func valueLabel(_ v: Double, spec: ChartSpec) -> String {
        let number = NumberFormat.format(v, style: spec.valueStyle)
        switch spec.unit {
        case "percent": return number + "%"
        case "yuan": return spec.valueStyle == .chinese ? number + "元" : number + " yuan"
        default: return number
        }
    }
}
