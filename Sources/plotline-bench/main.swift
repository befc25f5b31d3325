import Foundation
import PlotlineCharts
import PlotlineCore
import PlotlineExtract
import PlotlineReport

/// plotline-bench: renders the anchor workloads the way the peers' scripts do, for timing
/// from outside (`render`), and measures inside one process (`--json`).
///
///   plotline-bench render w1|w2|w3 png|svg|pdf OUTDIR [COUNT]   COUNT charts, files wN_0001.ext …
///   plotline-bench extract MEGABYTES                             extraction throughput on the seed
///   plotline-bench --json [--charts N]                           every measurement, one JSON object a line

func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}

/// Input data is made once per process, as the peers load their data files once.
enum Cache { static let w2 = Workloads.w2(points: Workloads.w2Points()) }

func spec(_ workload: String) -> ChartSpec {
    switch workload {
    case "w1": return Workloads.w1()
    case "w2": return Cache.w2
    case "w3": return Workloads.w3()
    default:
        FileHandle.standardError.write(Data("unknown workload '\(workload)'; use w1, w2 or w3\n".utf8))
        exit(64)
    }
}

/// Writes a file the way the peers do (open, write, close). Foundation's `Data.write` also
/// calls fsync, which on this machine costs more than drawing a chart; the CLI keeps that
/// fsync, before it renames an output into place, so a crash never leaves a half-written chart.
func writePlain(_ bytes: [UInt8], to path: String) throws {
    guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteNoPermission) }
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    guard fclose(file) == 0, written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
}

/// Renders `count` charts from scratch (spec → scene → bytes → file), as the peers do.
func render(_ workload: String, _ format: OutputFormat, count: Int, into folder: URL, renderer: ChartRenderer) throws -> Int {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let s = spec(workload)
    var bytes = 0
    for i in 1...count {
        let scene = try renderer.scene(s)
        let data = try renderer.render(scene, as: format)
        bytes = data.count
        try writePlain(data, to: folder.appendingPathComponent(String(format: "%@_%04d.%@", workload, i, format.rawValue)).path)
    }
    return bytes
}

func seedBytes() -> [UInt8] {
    // From the repository root, or beside the binary in .build/release.
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let root = binary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = ["seeds/000_c24887c2ab1ac308.txt", root.appendingPathComponent("seeds/000_c24887c2ab1ac308.txt").path]
    for c in candidates { if let d = FileManager.default.contents(atPath: c) { return [UInt8](d) } }
    FileHandle.standardError.write(Data("run from the repository root: seeds/000_c24887c2ab1ac308.txt not found\n".utf8))
    exit(1)
}

/// Extraction throughput: the seed repeated to `megabytes` in a file, streamed from disk in
/// pieces, as `plotline extract` reads it.
func extractionThroughput(megabytes: Int) throws -> (mbPerSecond: Double, facts: Int) {
    let seed = seedBytes()
    let copies = max(1, megabytes * 1_048_576 / seed.count)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-corpus-\(getpid()).txt")
    FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    for _ in 0..<copies { handle.write(Data(seed)) }
    try handle.close()
    defer { try? FileManager.default.removeItem(at: url) }
    let extractor = try Extractor.standard()
    let start = now()
    let result = try extractor.extract(fileAt: url, source: "corpus.txt")
    let ms = now() - start
    return (Double(seed.count * copies) / 1_048_576 / (ms / 1000), result.facts.count)
}

func emit(_ fields: [(String, Any)]) {
    let body = fields.map { key, value -> String in
        if let s = value as? String { return "\"\(key)\": \"\(s)\"" }
        if let d = value as? Double { return "\"\(key)\": \(String(format: "%.3f", d))" }
        return "\"\(key)\": \(value)"
    }
    print("{" + body.joined(separator: ", ") + "}")
}

let args = Array(CommandLine.arguments.dropFirst())
do {
    if args.first == "render", args.count >= 4 {
        guard let format = OutputFormat(rawValue: args[2]) else { exit(64) }
        let count = args.count >= 5 ? Int(args[4]) ?? 1 : 1
        _ = try render(args[1], format, count: count, into: URL(fileURLWithPath: args[3]), renderer: try ChartRenderer())
    } else if args.first == "extract" {
        let mb = args.count >= 2 ? Int(args[1]) ?? 50 : 50
        let r = try extractionThroughput(megabytes: mb)
        emit([("workload", "extract"), ("megabytes", mb), ("mb_per_s", r.mbPerSecond), ("facts", r.facts), ("peak_rss_mib", peakRSSMiB())])
    } else if args.first == "--json" {
        let charts = args.count >= 3 && args[1] == "--charts" ? Int(args[2]) ?? 200 : 200
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: out) }
        let renderer = try ChartRenderer()
        for w in ["w1", "w2", "w3"] {
            for f in [OutputFormat.png, .svg] {
                _ = try render(w, f, count: 2, into: out, renderer: renderer)  // warm-up
                let n = w == "w2" ? max(1, charts / 4) : charts
                let start = now()
                let bytes = try render(w, f, count: n, into: out, renderer: renderer)
                let ms = (now() - start) / Double(n)
                emit([("workload", w), ("format", f.rawValue), ("charts", n), ("ms_per_chart", ms), ("peak_rss_mib", peakRSSMiB()), ("bytes", bytes)])
            }
        }
        // A batch of charts on one thread, then on every core, each thread with its own renderer.
        let batch = charts * 5
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for threads in [1, cores] {
            let start = now()
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                let r = try! ChartRenderer()
                let share = batch / threads + (t < batch % threads ? 1 : 0)
                _ = try! render("w1", .png, count: share, into: out.appendingPathComponent("t\(t)"), renderer: r)
            }
            let ms = (now() - start) / Double(batch)
            emit([("workload", "w1-batch"), ("format", "png"), ("charts", batch), ("threads", threads), ("ms_per_chart", ms), ("peak_rss_mib", peakRSSMiB()), ("bytes", 0)])
        }
        // Ten million points, streamed through M4 decimation: never held in memory.
        do {
            let start = now()
            let n = 10_000_000
            var m4 = Decimation.M4(columns: 1600, from: 0, to: Double(n - 1))
            var g = Workloads.LCG(state: 42)
            var y = 0.0
            for i in 0..<n {
                if i > 0 { y += g.next() - 0.5 }
                m4.add(LinePoint(x: Double(i), value: y))
            }
            var big = Workloads.w2(points: m4.result())
            big.title = "Random walk, 10,000,000 points"
            let data = try renderer.render(try renderer.scene(big), as: .png)
            try writePlain(data, to: out.appendingPathComponent("w2-10m.png").path)
            emit([("workload", "w2-10m"), ("format", "png"), ("charts", 1), ("ms_per_chart", now() - start), ("peak_rss_mib", peakRSSMiB()), ("bytes", data.count)])
        }
        let r = try extractionThroughput(megabytes: 50)
        emit([("workload", "extract"), ("format", "txt"), ("charts", 0), ("ms_per_chart", 0.0), ("mb_per_s", r.mbPerSecond), ("peak_rss_mib", peakRSSMiB()), ("bytes", 0)])
    } else {
        FileHandle.standardError.write(Data("usage: plotline-bench render w1|w2|w3 png|svg|pdf OUTDIR [COUNT] | extract MB | --json [--charts N]\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("plotline-bench: \(error)\n".utf8))
    exit(1)
}
