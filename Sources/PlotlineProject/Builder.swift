import Foundation
import PlotlineCairo
import PlotlineCharts
import PlotlineCore
import PlotlineExtract
import PlotlineReport
import PlotlineScene

/// Everything one build needs, from a project file or from the command line.
public struct BuildPlan: Sendable {
    public var root: URL
    public var text: [String]
    public var data: [String]
    public var output: URL
    public var formats: [OutputFormat]
    public var scale: Double
    public var dateline: Day?
    public var lexicon: String?
    public var charts: [ProjectFile.Chart]?
    public var reportTitle: String
    public var reportIntro: String
    /// The project file, when there is one: errors about charts name it.
    public var projectFile: String?
    public var maxInputBytes: Int
    /// The largest canvas side in points.
    public var maxCanvas: Double = 8000

    public init(
        root: URL, text: [String], data: [String] = [], output: URL, formats: [OutputFormat] = [.png, .svg], scale: Double = 1,
        dateline: Day? = nil, lexicon: String? = nil, charts: [ProjectFile.Chart]? = nil, reportTitle: String = "Plotline report",
        reportIntro: String = "", projectFile: String? = nil, maxInputBytes: Int = 64 * 1024 * 1024
    ) {
        self.root = root
        self.text = text
        self.data = data
        self.output = output
        self.formats = formats
        self.scale = scale
        self.dateline = dateline
        self.lexicon = lexicon
        self.charts = charts
        self.reportTitle = reportTitle
        self.reportIntro = reportIntro
        self.projectFile = projectFile
        self.maxInputBytes = maxInputBytes
    }

    /// A plan from a project file; relative paths are relative to the file's folder.
    public static func from(projectFile url: URL, outputOverride: String? = nil) throws -> BuildPlan {
        let project = try ProjectFile.load(url)
        let root = url.deletingLastPathComponent()
        var day: Day?
        if let d = project.dateline {
            guard case .day(let parsed)? = Period(iso: d) else {
                throw ProjectError(file: url.path, line: nil, column: nil, message: "dateline '\(d)' is not a date; write it as YYYY-MM-DD")
            }
            day = parsed
        }
        let output = outputOverride.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent(project.output ?? "output")
        return BuildPlan(
            root: root, text: project.inputs?.text ?? ["seeds/*.txt"], data: project.inputs?.data ?? [], output: output,
            formats: (project.formats ?? ["png", "svg"]).compactMap(OutputFormat.init(rawValue:)), scale: project.scale ?? 1, dateline: day,
            lexicon: project.lexicon.map { root.appendingPathComponent($0).path }, charts: project.charts,
            reportTitle: project.report?.title ?? "Plotline report", reportIntro: project.report?.intro ?? "", projectFile: url.path)
    }

    /// Input files: paths, folders (their .txt files) and globs, sorted, without repeats.
    public func resolve(_ patterns: [String], folderExtension: String) throws -> [URL] {
        var found: [String] = []
        for pattern in patterns {
            let full = pattern.hasPrefix("/") ? pattern : root.appendingPathComponent(pattern).path
            if pattern.contains("*") || pattern.contains("?") || pattern.contains("[") {
                var g = glob_t()
                defer { globfree(&g) }
                if glob(full, 0, nil, &g) == 0 {
                    for i in 0..<Int(g.gl_pathc) { if let p = g.gl_pathv[i] { found.append(String(cString: p)) } }
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
                throw ProjectError(file: projectFile ?? pattern, line: nil, column: nil, message: "input '\(pattern)' does not exist; give a file, a folder or a glob such as seeds/*.txt")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []
                found += names.filter { $0.hasSuffix(".\(folderExtension)") }.map { URL(fileURLWithPath: full).appendingPathComponent($0).path }
            } else {
                found.append(full)
            }
        }
        return Array(Set(found)).sorted().map { URL(fileURLWithPath: $0) }
    }
}

/// What a build did, for the command line and the tests.
public struct BuildSummary: Sendable {
    public var written: [String] = []
    public var unchanged: [String] = []
    public var deleted: [String] = []
    public var facts = 0
    public var series = 0
    public var places = 0
    public var warnings: [String] = []
}

/// Builds incrementally: each output file is rewritten only when what it depends on changed
/// (the chart spec, which carries the facts it shows, the format, the scale and the renderer
/// version), outputs of removed charts are deleted, and every write is atomic.
public struct Builder {
    /// Bumped whenever drawing changes, so old outputs are redrawn.
    public static let rendererVersion = "plotline-render-4"
    public static let manifestName = ".plotline-manifest.json"

    struct Manifest: Codable {
        struct Entry: Codable {
            var key: String
            var digest: String
        }
        var version: String
        var files: [String: Entry]
    }

    public var plan: BuildPlan
    public init(plan: BuildPlan) { self.plan = plan }

    /// Where a build is: files handled so far, files it will handle, and what just happened.
    public struct Progress {
        public var done: Int
        public var total: Int
        public var message: String
    }

    public func run(progress report: (Progress) -> Void = { _ in }) throws -> BuildSummary {
        var summary = BuildSummary()
        // 1. Text in, facts out.
        var lexicon = try Lexicon.builtIn()
        if let path = plan.lexicon { lexicon.merge(try Lexicon.load(URL(fileURLWithPath: path))) }
        let extractor = Extractor(lexicon: lexicon, dateline: plan.dateline)
        let textFiles = try plan.resolve(plan.text, folderExtension: "txt")
        guard !textFiles.isEmpty else {
            throw ProjectError(file: plan.projectFile ?? "inputs", line: nil, column: nil, message: "no text files match \(plan.text.joined(separator: ", "))")
        }
        for url in textFiles {
            let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
            if size > plan.maxInputBytes { throw ExtractionError.tooLarge(path: url.path, bytes: size, limit: plan.maxInputBytes) }
        }
        var extraction = try extractor.extract(files: textFiles.map { ($0.lastPathComponent, $0) })
        for url in try plan.resolve(plan.data, folderExtension: "csv") {
            DataFiles.merge(try DataFiles.read(url), into: &extraction)
        }
        summary.facts = extraction.facts.count
        summary.series = extraction.series.count
        summary.places = extraction.places.count
        summary.warnings = extraction.warnings

        // 2. Chart specs.
        let specs = try chartSpecs(extraction, metricName: lexicon.metricName)
        let total = 4 + specs.count * plan.formats.count + 3
        var done = 0
        func progress(_ message: String) {
            report(Progress(done: done, total: total, message: message))
        }

        // 3. Outputs, each only when its inputs changed.
        let folder = OutputFolder(plan.output)
        try FileManager.default.createDirectory(at: plan.output, withIntermediateDirectories: true)
        let manifestURL = try folder.url(for: Builder.manifestName)
        let old = (try? JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL)))
        let previous = old?.version == Builder.rendererVersion ? old!.files : [:]
        var next: [String: Manifest.Entry] = [:]

        func upToDate(_ name: String, key: String) -> Bool {
            guard let entry = previous[name], entry.key == key, let data = FileManager.default.contents(atPath: plan.output.appendingPathComponent(name).path) else { return false }
            return Builder.digest(data) == entry.digest
        }
        func write(_ name: String, _ bytes: Data, key: String) throws {
            try AtomicFile.write(bytes, to: try folder.url(for: name))
            next[name] = Manifest.Entry(key: key, digest: Builder.digest(bytes))
            summary.written.append(name)
            done += 1
            progress("wrote \(name)")
        }

        // Data files: rewritten only when their text changes.
        let dataFiles: [(String, String)] = [
            ("facts.csv", ExtractionFiles.factsCSV(extraction.facts)), ("series.csv", ExtractionFiles.seriesCSV(extraction.series)),
            ("places.csv", ExtractionFiles.placesCSV(extraction.places)), ("warnings.txt", extraction.warnings.map { $0 + "\n" }.joined()),
        ]
        for (name, text) in dataFiles {
            let bytes = Data(text.utf8)
            let key = Builder.digest(bytes)
            if upToDate(name, key: key) {
                next[name] = previous[name]
                summary.unchanged.append(name)
                done += 1
            } else {
                try write(name, bytes, key: key)
            }
        }

        var renderer: ChartRenderer?
        func scene(_ spec: ChartSpec) throws -> Scene {
            if renderer == nil { renderer = try ChartRenderer(scale: plan.scale, maxSide: plan.maxCanvas) }
            return try renderer!.scene(spec)
        }
        var chartKeys: [String] = []
        var built: [(spec: ChartSpec, files: [String])] = []
        for spec in specs {
            let specKey = Builder.key(spec)
            chartKeys.append(specKey)
            var files: [String] = []
            var sceneCache: Scene?
            for format in plan.formats {
                let name = "\(spec.name).\(format.rawValue)"
                files.append(name)
                let key = Builder.digest(Data("\(specKey)|\(format.rawValue)|\(plan.scale)|\(Builder.rendererVersion)".utf8))
                if upToDate(name, key: key) {
                    next[name] = previous[name]
                    summary.unchanged.append(name)
                    done += 1
                    continue
                }
                if sceneCache == nil { sceneCache = try scene(spec) }
                let s = sceneCache!
                if renderer!.unknownGlyphs(in: s) > 0 {
                    summary.warnings.append("chart '\(spec.name)': some characters have no glyph in the installed fonts; install fonts-wqy-microhei for Chinese")
                }
                try write(name, Data(try renderer!.render(s, as: format)), key: key)
            }
            built.append((spec, files))
        }

        // 4. Reports: redone when any chart, the warnings or the report settings changed.
        let reportKey = Builder.digest(Data((chartKeys + extraction.warnings + [plan.reportTitle, plan.reportIntro, plan.formats.map(\.rawValue).joined(), Builder.rendererVersion, "\(extraction.facts.count)", "\(extraction.places.count)"]).joined(separator: "\n").utf8))
        let reportNames = ["report.html", "report.md", "report.pdf"]
        if reportNames.allSatisfy({ upToDate($0, key: reportKey) }) {
            for n in reportNames { next[n] = previous[n] }
            summary.unchanged += reportNames
            done += reportNames.count
        } else {
            var charts: [BuiltChart] = []
            for b in built { charts.append(BuiltChart(spec: b.spec, scene: try scene(b.spec), files: b.files)) }
            try write("report.html", Data(ReportWriter.html(charts, extraction: extraction, title: plan.reportTitle, intro: plan.reportIntro).utf8), key: reportKey)
            try write("report.md", Data(ReportWriter.markdown(charts, extraction: extraction, title: plan.reportTitle, intro: plan.reportIntro).utf8), key: reportKey)
            let figures = charts.map { PDFReport.Figure(scene: $0.scene, caption: "\($0.scene.description) \($0.spec.source)") }
            try write("report.pdf", Data(try PDFReport.render(title: plan.reportTitle, intro: plan.reportIntro, figures: figures)), key: reportKey)
        }

        // 5. Files this tool wrote before that no chart makes any more.
        for name in previous.keys.sorted() where next[name] == nil {
            if let url = try? folder.url(for: name), FileManager.default.fileExists(atPath: url.path) {
                try? FileManager.default.removeItem(at: url)
                summary.deleted.append(name)
                progress("deleted \(name)")
            }
        }
        let manifest = Manifest(version: Builder.rendererVersion, files: next)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let manifestData = try encoder.encode(manifest)
        if (try? Data(contentsOf: manifestURL)) != manifestData { try AtomicFile.write(manifestData, to: manifestURL) }
        return summary
    }

    /// FNV-1a, 64 bits: stable across runs and machines, enough to notice a change.
    public static func digest(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in data {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    static func key(_ spec: ChartSpec) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return digest((try? encoder.encode(spec)) ?? Data())
    }

    func chartSpecs(_ extraction: Extraction, metricName: (String) -> String) throws -> [ChartSpec] {
        guard let charts = plan.charts else { return DefaultCharts.specs(for: extraction, metricName: metricName) }
        let where_ = plan.projectFile ?? "project"
        return try charts.map { c in
            var spec: ChartSpec
            if let ids = c.series {
                let found = try ids.map { id -> Series in
                    guard let s = extraction.series.first(where: { $0.id == id }) else {
                        let known = extraction.series.map(\.id).joined(separator: ", ")
                        throw ProjectError(file: where_, line: nil, column: nil, message: "chart '\(c.name)': no series '\(id)'; the inputs give \(known.isEmpty ? "none" : known)")
                    }
                    return s
                }
                spec = DefaultCharts.lineSpec(found[0], metricName: metricName(found[0].metric))
                if found.count > 1 {
                    spec.series = found.map { s in LineSeries(name: s.entity == "China" ? metricName(s.metric) : s.entity, points: s.withDerivedPoints.map { LinePoint(period: $0.period, value: $0.value, derived: $0.derived) }) }
                    spec.annotations = []
                }
            } else if c.places == true {
                spec = DefaultCharts.placesSpec(extraction.places)
            } else {
                let path = c.data!.hasPrefix("/") ? c.data! : plan.root.appendingPathComponent(c.data!).path
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw ProjectError(file: where_, line: nil, column: nil, message: "chart '\(c.name)': cannot read '\(c.data!)'")
                }
                let kind = ChartSpec.Kind(rawValue: c.type)!
                spec = ChartSpec(kind: kind, name: c.name, title: c.name, source: "Source: \(URL(fileURLWithPath: path).lastPathComponent)", height: kind == .grid ? 780 : 500)
                switch kind {
                case .line: spec.series = try ChartData.lineSeries(text, file: path)
                case .bar: spec.bars = try ChartData.bars(text, file: path)
                case .grid: spec.tiles = try ChartData.tiles(text, file: path)
                }
            }
            spec.name = c.name
            spec.kind = ChartSpec.Kind(rawValue: c.type)!
            if let v = c.title { spec.title = v }
            if let v = c.subtitle { spec.subtitle = v }
            if let v = c.source { spec.source = v }
            if let v = c.style, let style = ValueStyle(rawValue: v) { spec.valueStyle = style }
            if let v = c.unit { spec.unit = v }
            if let v = c.width { spec.width = v }
            if let v = c.height { spec.height = v }
            if let v = c.labels { spec.labels = v }
            if let v = c.legend { spec.legendTitle = v }
            if let v = c.sorted { spec.sorted = v }
            if let v = c.annotate { spec.annotations = [Annotation(text: v)] }
            return spec
        }
    }
}
