import Foundation
import PlotlineCharts
import PlotlineCore
import PlotlineScene

/// One chart as built: its spec, its scene, and the files written for it.
public struct BuiltChart {
    public var spec: ChartSpec
    public var scene: Scene
    public var files: [String]
}

/// `plotline build`: extraction in, charts, data files and reports out.
public struct ProjectBuild {
    public var formats: [OutputFormat]
    public var scale: Double

    public init(formats: [OutputFormat] = [.png, .svg], scale: Double = 1) {
        self.formats = formats
        self.scale = scale
    }

    public func run(extraction: Extraction, specs: [ChartSpec], into folder: OutputFolder, log: (String) -> Void) throws -> [BuiltChart] {
        let renderer = try ChartRenderer(scale: scale)
        var built: [BuiltChart] = []
        // Specs are rendered in name order so the outputs never depend on discovery order.
        for spec in specs.sorted(by: { $0.name < $1.name }) {
            let scene = try renderer.scene(spec)
            let missing = renderer.unknownGlyphs(in: scene)
            if missing > 0 { log("warning: chart '\(spec.name)': \(missing) characters have no glyph in the installed fonts; install fonts-wqy-microhei for Chinese") }
            var files: [String] = []
            for format in formats {
                let name = "\(spec.name).\(format.rawValue)"
                let bytes = try renderer.render(scene, as: format)
                try AtomicFile.write(Data(bytes), to: try folder.url(for: name))
                files.append(name)
            }
            log("wrote \(files.joined(separator: ", "))")
            built.append(BuiltChart(spec: spec, scene: scene, files: files))
        }
        let ordered = specs.compactMap { s in built.first { $0.spec.name == s.name } }
        try AtomicFile.write(ReportWriter.html(ordered, extraction: extraction), to: try folder.url(for: "report.html"))
        try AtomicFile.write(ReportWriter.markdown(ordered, extraction: extraction), to: try folder.url(for: "report.md"))
        log("wrote report.html, report.md")
        return ordered
    }
}
