import Foundation
import PlotlineCairo
import PlotlineCharts
import PlotlineCore
import PlotlineSVG
import PlotlineScene

public enum OutputFormat: String, CaseIterable, Sendable {
    case png, svg, pdf

    public init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        self.init(rawValue: ext)
    }
}

/// Renders chart specs to bytes in any format, measuring text with Pango.
public final class ChartRenderer {
    let measurer: PangoMeasurer
    /// PNG buffers reused from chart to chart; a renderer belongs to one thread.
    let workspace = PNGWorkspace()
    public var scale: Double

    /// The largest canvas side in points (see `ChartBuilder.maxSide`).
    public var maxSide: Double

    public init(scale: Double = 1, maxSide: Double = 8000) throws {
        measurer = try PangoMeasurer()
        self.scale = scale
        self.maxSide = maxSide
    }

    public func scene(_ spec: ChartSpec) throws -> Scene {
        var builder = ChartBuilder(measurer: measurer)
        builder.maxSide = maxSide
        return try builder.scene(for: spec)
    }

    public func render(_ scene: Scene, as format: OutputFormat) throws -> [UInt8] {
        switch format {
        case .svg: return try SVGRenderer().render(scene)
        case .png: return try CairoRenderer(format: .png, scale: scale, maxPixels: max(16_384, Int(maxSide * scale)), workspace: workspace).render(scene)
        case .pdf: return try CairoRenderer(format: .pdf).render(scene)
        }
    }

    /// Glyphs no installed font could draw, over every text in the scene.
    public func unknownGlyphs(in scene: Scene) -> Int {
        scene.texts.reduce(0) { $0 + measurer.measure($1.text, font: $1.font).unknownGlyphs }
    }
}
