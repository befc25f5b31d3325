import ArgumentParser
import Foundation
import PlotlineCharts
import PlotlineCore
import PlotlineExtract
import PlotlineProject
import PlotlineReport

@main
struct Plotline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plotline",
        abstract: "Turn the numbers in plain-text reporting into publication-quality charts.",
        discussion: """
            Exit codes: 0 success; 1 bad input or a file that cannot be read or written (the message \
            names the file and the place); 64 a bad command line.
            """,
        version: "0.1.0",
        subcommands: [Build.self, Watch.self, Init.self, Extract.self, Chart.self, Render.self, LexiconCommand.self],
        defaultSubcommand: nil)
}

/// A failure the user can act on: printed as one line, exit code 1.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Runs a command body so that every failure becomes one clear line and exit code 1.
func reporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as CleanExit {
        throw e
    } catch {
        FileHandle.standardError.write(Data("plotline: error: \(error)\n".utf8))
        throw ExitCode(1)
    }
}

struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "The documents' date, YYYY-MM-DD, for 'last year' and 'the past eight years' (default: found in the text).")
    var dateline: String?

    @Option(name: .long, help: "A JSON lexicon whose metrics, units and place rules are added to the built-in one.")
    var lexicon: String?

    @Option(name: .long, help: "Refuse input files larger than this many bytes.")
    var maxInputBytes: Int = 64 * 1024 * 1024

    func extractor() throws -> Extractor {
        var lex = try Lexicon.builtIn()
        if let path = lexicon { lex.merge(try Lexicon.load(URL(fileURLWithPath: path))) }
        var day: Day?
        if let dateline {
            guard case .day(let d)? = Period(iso: dateline) else {
                throw UserError("--dateline '\(dateline)' is not a date; write it as YYYY-MM-DD, e.g. 2021-02-23")
            }
            day = d
        }
        return Extractor(lexicon: lex, dateline: day)
    }

    /// Every input, folders expanded to the .txt files in them, sorted by name, size-checked.
    func documents(_ paths: [String]) throws -> [(source: String, url: URL)] {
        var files: [URL] = []
        for p in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory) else {
                throw UserError("\(p): no such file or folder; give a text file or a folder of .txt files")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: p)) ?? []
                files += names.filter { $0.hasSuffix(".txt") }.sorted().map { URL(fileURLWithPath: p).appendingPathComponent($0) }
            } else {
                files.append(URL(fileURLWithPath: p))
            }
        }
        guard !files.isEmpty else { throw UserError("\(paths.joined(separator: ", ")): no .txt files to read") }
        for url in files {
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            if size > maxInputBytes { throw ExtractionError.tooLarge(path: url.path, bytes: size, limit: maxInputBytes) }
        }
        return files.map { ($0.lastPathComponent, $0) }
    }
}

extension Plotline {
    struct BuildOptions: ParsableArguments {
        @Argument(help: "Text files, folders of .txt files or globs (default: the project file's inputs, else seeds/).")
        var inputs: [String] = []

        @Option(name: .long, help: "The project file (default: plotline.yaml in the current folder, when there is one).")
        var project: String?

        @Option(name: .shortAndLong, help: "The output folder (default: the project's, else output).")
        var out: String?

        @Option(name: .long, help: "Formats to write, comma-separated: png, svg, pdf (default: png,svg).")
        var formats: String?

        @Option(name: .long, help: "Device pixels per point for PNG (2 for HiDPI screens).")
        var scale: Double?

        @Option(name: .long, help: "Data files (CSV series,period,value,unit[,entity] or JSON) that add to or correct the extracted series.")
        var data: [String] = []

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        @Option(name: .long, help: "The largest canvas side in points a chart may ask for.")
        var maxCanvas: Double = 8000

        @OptionGroup var input: InputOptions

        func validate() throws {
            guard maxCanvas >= 120 && maxCanvas <= 100_000 else { throw ValidationError("--max-canvas must be between 120 and 100000") }
            if let scale, !(scale > 0 && scale <= 8) { throw ValidationError("--scale must be between 0 and 8, e.g. 2 for HiDPI") }
            for f in (formats ?? "").split(separator: ",") where OutputFormat(rawValue: f.trimmingCharacters(in: .whitespaces).lowercased()) == nil {
                throw ValidationError("unknown format '\(f)' in --formats; use png, svg or pdf")
            }
        }

        func plan() throws -> BuildPlan {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            var plan: BuildPlan
            let projectPath = project ?? (inputs.isEmpty && FileManager.default.fileExists(atPath: "plotline.yaml") ? "plotline.yaml" : nil)
            if let projectPath {
                plan = try BuildPlan.from(projectFile: URL(fileURLWithPath: projectPath), outputOverride: out)
                if !inputs.isEmpty { plan.text = inputs.map { URL(fileURLWithPath: $0, relativeTo: cwd).path } }
            } else {
                plan = BuildPlan(root: cwd, text: inputs.isEmpty ? ["seeds"] : inputs, output: URL(fileURLWithPath: out ?? "output"))
            }
            if let formats { plan.formats = formats.split(separator: ",").compactMap { OutputFormat(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) } }
            if let scale { plan.scale = scale }
            plan.data += data.map { URL(fileURLWithPath: $0, relativeTo: cwd).path }
            if let d = input.dateline {
                guard case .day(let day)? = Period(iso: d) else { throw UserError("--dateline '\(d)' is not a date; write it as YYYY-MM-DD, e.g. 2021-02-23") }
                plan.dateline = day
            }
            if let l = input.lexicon { plan.lexicon = l }
            plan.maxInputBytes = input.maxInputBytes
            plan.maxCanvas = maxCanvas
            return plan
        }

        /// One build, with a progress line on a terminal and plain lines otherwise.
        func build(_ plan: BuildPlan) throws -> BuildSummary {
            let terminal = isatty(1) == 1
            let start = Date()
            let summary = try Builder(plan: plan).run { p in
                guard !quiet else { return }
                if terminal {
                    // A bar on a terminal, redrawn in place.
                    let width = 24
                    let filled = p.total > 0 ? min(width, p.done * width / p.total) : 0
                    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                    print("\r\u{1B}[K[\(bar)] \(p.done)/\(p.total) \(p.message)", terminator: "")
                    fflush(stdout)
                } else {
                    print(p.message)
                }
            }
            if !quiet {
                if terminal { print("\r\u{1B}[K", terminator: "") }
                let ms = Int(Date().timeIntervalSince(start) * 1000)
                print("\(summary.written.count) written, \(summary.unchanged.count) unchanged, \(summary.deleted.count) deleted in \(ms) ms; \(summary.facts) facts, \(summary.series) series, \(summary.places) places, \(summary.warnings.count) warnings (see \(plan.output.path)/warnings.txt)")
            }
            return summary
        }
    }

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract from the documents and render every chart and the reports, redoing only what changed.",
            discussion: """
                Reads plotline.yaml when it is in the current folder (see `plotline init`), else the inputs given \
                (default: seeds/). Writes charts, facts.csv, series.csv, places.csv, warnings.txt, report.html, \
                report.md and report.pdf into the output folder. Files whose inputs did not change are not rewritten; \
                outputs of charts that were removed are deleted.
                """)

        @OptionGroup var options: BuildOptions

        func run() throws {
            try reporting { _ = try options.build(try options.plan()) }
        }
    }

    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build, then rebuild whenever an input or the project file changes.",
            discussion: "On an error the last good outputs stay as they are and the error is printed; watching goes on. Stop with Ctrl-C.")

        @OptionGroup var options: BuildOptions

        @Option(name: .long, help: .hidden)
        var maxBuilds: Int?

        func run() throws {
            try reporting {
                var builds = 0
                func once() {
                    builds += 1
                    do {
                        _ = try options.build(try options.plan())
                    } catch {
                        FileHandle.standardError.write(Data("plotline: error: \(error) (the last good outputs are kept)\n".utf8))
                    }
                    fflush(stdout)
                }
                once()
                while maxBuilds.map({ builds < $0 }) ?? true {
                    let plan = try options.plan()
                    var folders = [plan.root]
                    for p in plan.text + plan.data {
                        let full = p.hasPrefix("/") ? p : plan.root.appendingPathComponent(p).path
                        var isDirectory: ObjCBool = false
                        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                            folders.append(URL(fileURLWithPath: full))
                        } else {
                            folders.append(URL(fileURLWithPath: full).deletingLastPathComponent())
                        }
                    }
                    let output = plan.output.standardizedFileURL.path
                    let watched = folders.filter { FileManager.default.fileExists(atPath: $0.path) && $0.standardizedFileURL.path != output }
                    let watcher = try Watcher(folders: watched)
                    if !options.quiet { print("watching \(watched.map(\.path).sorted().joined(separator: ", "))"); fflush(stdout) }
                    let changed = watcher.next()
                    if !options.quiet { print("changed: \(changed.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted().joined(separator: ", "))") }
                    once()
                }
            }
        }
    }

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a chart from a spec file (JSON or YAML), every option of the chart in one file.",
            discussion: """
                A spec has kind (line, bar, grid), name, title, subtitle, source, width, height, unit, valueStyle, \
                series ([{name, points: [{period: "2015", value: 2982, derived: false}]}]), bars ([{label, value}]), \
                tiles ([{code, value}]), annotations ([{text, series}]), sorted, labels (en, zh), legendTitle, xAxis \
                (time, linear). Everything but kind and name may be left out.
                """)

        @Argument(help: "The spec file: .json, .yaml or .yml.")
        var spec: String

        @Option(name: .shortAndLong, help: "The chart files to write: NAME.png, NAME.svg and/or NAME.pdf.")
        var out: [String]

        @Option(name: .long, help: "Device pixels per point for PNG.")
        var scale: Double = 1

        @Option(name: .long, help: "The largest canvas side in points a chart may ask for.")
        var maxCanvas: Double = 8000

        func validate() throws {
            guard !out.isEmpty else { throw ValidationError("give at least one --out file") }
            for o in out where OutputFormat(fileName: o) == nil { throw ValidationError("--out '\(o)' must end in .png, .svg or .pdf") }
        }

        func run() throws {
            try reporting {
                let spec = try SpecFile.load(URL(fileURLWithPath: self.spec))
                let renderer = try ChartRenderer(scale: scale, maxSide: maxCanvas)
                let scene = try renderer.scene(spec)
                for o in out {
                    try AtomicFile.write(Data(try renderer.render(scene, as: OutputFormat(fileName: o)!)), to: URL(fileURLWithPath: o))
                    print("wrote \(o)")
                }
            }
        }
    }

    struct LexiconCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lexicon", abstract: "Print the built-in extraction lexicon (JSON), to copy and extend with --lexicon.")

        func run() throws { print(Lexicon.builtInJSON) }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a commented plotline.yaml to start a project from.")

        @Flag(name: .long, help: "Replace an existing plotline.yaml.")
        var force = false

        func run() throws {
            try reporting {
                let url = URL(fileURLWithPath: "plotline.yaml")
                if FileManager.default.fileExists(atPath: url.path) && !force {
                    throw UserError("plotline.yaml already exists; use --force to replace it")
                }
                try AtomicFile.write(ProjectFile.template, to: url)
                print("wrote plotline.yaml; edit it, then run plotline build")
            }
        }
    }

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the facts, series and places found in text files.",
            discussion: "Writes DIR/facts.csv, DIR/series.csv, DIR/places.csv (or .json with --format json) and DIR/warnings.txt; warnings also go to standard error.")

        @Argument(help: "Text files or folders of .txt files.")
        var files: [String]

        @Option(name: .shortAndLong, help: "The output folder.")
        var out: String

        @Option(name: .long, help: "csv or json.")
        var format: String = "csv"

        @OptionGroup var input: InputOptions

        func validate() throws {
            guard format == "csv" || format == "json" else { throw ValidationError("--format must be csv or json, not '\(format)'") }
            guard !files.isEmpty else { throw ValidationError("give at least one text file to read") }
        }

        func run() throws {
            try reporting {
                let extraction = try input.extractor().extract(files: try input.documents(files))
                try ExtractionFiles.write(extraction, to: OutputFolder(URL(fileURLWithPath: out)), json: format == "json")
                for w in extraction.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
                print("\(extraction.facts.count) facts, \(extraction.series.count) series, \(extraction.places.count) places written to \(out)")
            }
        }
    }

    struct Chart: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw one chart from a CSV file.",
            discussion: """
                line: columns period,value and optionally series and derived (periods: 2015, 2020-03, 2012-12-31);
                      or x,value for a linear axis (long series are thinned to what the pixels show).
                bar:  columns label,value.
                grid: columns code,value (ISO 3166-2:CN codes such as SC, or names such as Sichuan or 四川).
                The output format follows the file name: .png, .svg or .pdf.
                """)

        @Argument(help: "line, bar or grid.")
        var kind: String

        @Option(name: .long, help: "The CSV file with the data.")
        var data: String

        @Option(name: .shortAndLong, help: "The chart file to write: NAME.png, NAME.svg or NAME.pdf.")
        var out: String

        @Option(name: .long, help: "The title: best a sentence that states the finding.")
        var title: String?

        @Option(name: .long, help: "The subtitle: the measure and its unit.")
        var subtitle: String = ""

        @Option(name: .long, help: "The source note at the bottom (default: the data file's name).")
        var source: String?

        @Option(name: .long, help: "Width x height in points, e.g. 800x500.")
        var size: String?

        @Option(name: .long, help: "Value format: grouped (98,990,000), short (98.99M), words (98.99 million), chinese (9,899万).")
        var style: String = "grouped"

        @Option(name: .long, help: "The unit of the values: yuan, percent, people, ...")
        var unit: String = ""

        @Option(name: .long, help: "A note placed next to the line (line charts).")
        var annotate: String?

        @Flag(name: .long, help: "Sort bars from largest to smallest.")
        var sorted = false

        @Option(name: .long, help: "Tile labels for grid charts: en (codes) or zh (Chinese names).")
        var labels: String = "en"

        @Option(name: .long, help: "The legend title for grid charts.")
        var legend: String = "Value"

        @Option(name: .long, help: "Device pixels per point for PNG.")
        var scale: Double = 1

        @Option(name: .long, help: "The largest canvas side in points a chart may ask for.")
        var maxCanvas: Double = 8000

        func validate() throws {
            guard ChartSpec.Kind(rawValue: kind) != nil else {
                throw ValidationError("unknown chart type '\(kind)'; use line, bar or grid")
            }
            guard OutputFormat(fileName: out) != nil else {
                throw ValidationError("--out '\(out)' must end in .png, .svg or .pdf")
            }
            guard ValueStyle(rawValue: style) != nil else {
                throw ValidationError("--style must be grouped, short, words or chinese, not '\(style)'")
            }
            guard labels == "en" || labels == "zh" else { throw ValidationError("--labels must be en or zh") }
            guard scale > 0 && scale <= 8 else { throw ValidationError("--scale must be between 0 and 8") }
            if let size { _ = try parseSize(size) }
        }

        func parseSize(_ s: String) throws -> (Double, Double) {
            let parts = s.lowercased().split(separator: "x")
            guard parts.count == 2, let w = Double(parts[0]), let h = Double(parts[1]) else {
                throw ValidationError("--size '\(s)' must look like 800x500")
            }
            return (w, h)
        }

        func run() throws {
            try reporting {
                let kind = ChartSpec.Kind(rawValue: kind)!
                guard let text = try? String(contentsOfFile: data, encoding: .utf8) else {
                    throw UserError("\(data): cannot read it as UTF-8 text; check the path and save it as UTF-8 CSV")
                }
                let outURL = URL(fileURLWithPath: out)
                let name = outURL.deletingPathExtension().lastPathComponent
                var (width, height) = kind == .grid ? (800.0, 780.0) : (800.0, 500.0)
                if let size { (width, height) = try parseSize(size) }
                var spec = ChartSpec(
                    kind: kind, name: name, title: title ?? name, subtitle: subtitle, source: source ?? "Source: \(URL(fileURLWithPath: data).lastPathComponent)",
                    width: width, height: height, unit: unit, valueStyle: ValueStyle(rawValue: style)!, sorted: sorted, labels: labels, legendTitle: legend)
                switch kind {
                case .line:
                    spec.series = try ChartData.lineSeries(text, file: data)
                    if spec.series.contains(where: { $0.points.contains { $0.x != nil } }) { spec.xAxis = .linear }
                    if let annotate { spec.annotations = [Annotation(text: annotate)] }
                case .bar: spec.bars = try ChartData.bars(text, file: data)
                case .grid: spec.tiles = try ChartData.tiles(text, file: data)
                }
                let renderer = try ChartRenderer(scale: scale, maxSide: maxCanvas)
                let scene = try renderer.scene(spec)
                let bytes = try renderer.render(scene, as: OutputFormat(fileName: out)!)
                try AtomicFile.write(Data(bytes), to: outURL)
                print("wrote \(out)")
            }
        }
    }
}
