import ArgumentParser
import Foundation
import PlotlineCharts
import PlotlineCore
import PlotlineExtract
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
        subcommands: [Build.self, Extract.self, Chart.self],
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

    /// Reads every input, expanding folders to the .txt files in them, sorted by name.
    func documents(_ paths: [String]) throws -> [(source: String, bytes: [UInt8])] {
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
        return try files.map { url in
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            if size > maxInputBytes { throw ExtractionError.tooLarge(path: url.path, bytes: size, limit: maxInputBytes) }
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw ExtractionError.unreadable(path: url.path, reason: "permission denied or not a regular file")
            }
            defer { try? handle.close() }
            let data = handle.readDataToEndOfFile()
            return (url.lastPathComponent, [UInt8](data))
        }
    }
}

extension Plotline {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract from the documents and render every default chart and the reports.",
            discussion: "Reads seeds/ (or the inputs given), writes charts as PNG and SVG, facts.csv, series.csv, places.csv, warnings.txt, report.html and report.md into the output folder.")

        @Argument(help: "Text files or folders of .txt files (default: seeds/).")
        var inputs: [String] = []

        @Option(name: .shortAndLong, help: "The output folder.")
        var out: String = "output"

        @Option(name: .long, help: "Formats to write, comma-separated: png, svg, pdf.")
        var formats: String = "png,svg"

        @Option(name: .long, help: "Device pixels per point for PNG (2 for HiDPI screens).")
        var scale: Double = 1

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        @OptionGroup var input: InputOptions

        func validate() throws {
            guard scale > 0 && scale <= 8 else { throw ValidationError("--scale must be between 0 and 8, e.g. 2 for HiDPI") }
            for f in formats.split(separator: ",") where OutputFormat(rawValue: f.trimmingCharacters(in: .whitespaces).lowercased()) == nil {
                throw ValidationError("unknown format '\(f)' in --formats; use png, svg or pdf")
            }
        }

        func run() throws {
            try reporting {
                let extractor = try input.extractor()
                let documents = try input.documents(inputs.isEmpty ? ["seeds"] : inputs)
                let extraction = extractor.extract(documents: documents)
                let folder = OutputFolder(URL(fileURLWithPath: out))
                try ExtractionFiles.write(extraction, to: folder, json: false)
                let specs = DefaultCharts.specs(for: extraction, metricName: extractor.lexicon.metricName)
                let chosen = formats.split(separator: ",").compactMap { OutputFormat(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) }
                _ = try ProjectBuild(formats: chosen, scale: scale).run(extraction: extraction, specs: specs, into: folder) { line in
                    if !quiet { print(line) }
                }
                if !quiet {
                    print("\(extraction.facts.count) facts, \(extraction.series.count) series, \(extraction.places.count) places, \(extraction.warnings.count) warnings (see \(out)/warnings.txt)")
                }
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
                let extraction = try input.extractor().extract(documents: try input.documents(files))
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
                line: columns period,value and optionally series and derived (periods: 2015, 2020-03, 2012-12-31).
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
                    if let annotate { spec.annotations = [Annotation(text: annotate)] }
                case .bar: spec.bars = try ChartData.bars(text, file: data)
                case .grid: spec.tiles = try ChartData.tiles(text, file: data)
                }
                let renderer = try ChartRenderer(scale: scale)
                let scene = try renderer.scene(spec)
                let bytes = try renderer.render(scene, as: OutputFormat(fileName: out)!)
                try AtomicFile.write(Data(bytes), to: outURL)
                print("wrote \(out)")
            }
        }
    }
}
