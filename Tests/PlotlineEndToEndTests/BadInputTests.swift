import Foundation
import PlotlineTestSupport
import Testing

/// The catalogue of bad inputs: each gives a clear message naming the file and place, a
/// non-zero exit, no partial file, and leaves earlier outputs alone.
@Suite(.serialized) struct BadInputTests {
    /// Runs `extract` on bytes and returns the result and the output folder.
    static func extract(_ bytes: [UInt8], name: String = "doc.txt") throws -> (TestSupport.Result, URL) {
        let dir = try TestSupport.temporaryFolder()
        let file = dir.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let out = dir.appendingPathComponent("out")
        return (try TestSupport.run(["extract", file.path, "--out", out.path]), out)
    }

    static let oddTexts: [(String, [UInt8])] = {
        var cases: [(String, [UInt8])] = []
        cases.append(("empty", []))
        cases.append(("binary", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))
        let invalid: [UInt8] = [0xC3, 0x28, 0xA0, 0xA1, 0xF0, 0x28, 0x8C, 0x28]
        cases.append(("invalid UTF-8", Array("98.99 million people ".utf8) + invalid))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in "98.99 million people".utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        cases.append(("UTF-16 with BOM", utf16))
        cases.append(("400 digits", Array((String(repeating: "7", count: 400) + " yuan").utf8)))
        cases.append(("1e400", Array("1e400 yuan and -5 yuan and 0 people".utf8)))
        cases.append(("glued", Array("RMB2,300yuan 5km3 x2y 98.99million".utf8)))
        return cases
    }()

    @Test(arguments: oddTexts)
    func oddTextNeverCrashes(label: String, bytes: [UInt8]) throws {
        let (r, out) = try BadInputTests.extract(bytes)
        #expect(r.status == 0, "\(label): \(r.stderr)")
        let facts = try String(contentsOf: out.appendingPathComponent("facts.csv"), encoding: .utf8)
        #expect(facts.hasPrefix("source,offset,length,quote,"))
        #expect(!facts.contains("inf") && !facts.contains("nan"), "\(label): \(facts)")
    }

    @Test func fiftyMegabytesWithoutANewline() throws {
        let line = Array(String(repeating: "The rural poor numbered 98.99 million at the end of 2012 in Fuping, Hebei ", count: 700_000).utf8)
        let (r, out) = try BadInputTests.extract(line)
        #expect(r.status == 0, "\(r.stderr)")
        let facts = try String(contentsOf: out.appendingPathComponent("facts.csv"), encoding: .utf8)
        #expect(facts.split(separator: "\n").count > 100_000)
    }

    @Test func inputsOverTheLimitAreRefused() throws {
        let dir = try TestSupport.temporaryFolder()
        let file = dir.appendingPathComponent("big.txt")
        try Data(repeating: 65, count: 2048).write(to: file)
        let r = try TestSupport.run(["extract", file.path, "--out", dir.appendingPathComponent("o").path, "--max-input-bytes", "1024"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("big.txt: 2048 bytes is over the input limit of 1024 bytes; raise it with --max-input-bytes"))
    }

    @Test func unreadableInputAndUnwritableOutput() throws {
        let dir = try TestSupport.temporaryFolder()
        let file = dir.appendingPathComponent("locked.txt")
        try "2 million people".write(to: file, atomically: true, encoding: .utf8)
        // Root reads anything, so the unreadable input is a folder where a file is expected.
        let folderAsFile = dir.appendingPathComponent("notes.txt")
        try FileManager.default.createDirectory(at: folderAsFile.appendingPathComponent("x.txt"), withIntermediateDirectories: true)
        let r1 = try TestSupport.run(["chart", "bar", "--data", folderAsFile.path, "--out", dir.appendingPathComponent("c.png").path])
        #expect(r1.status == 1)
        #expect(r1.stderr.contains("notes.txt: cannot read it"))
        // An output "folder" that is a file cannot be written into.
        let blocker = dir.appendingPathComponent("out")
        try "not a folder".write(to: blocker, atomically: true, encoding: .utf8)
        let r2 = try TestSupport.run(["extract", file.path, "--out", blocker.path])
        #expect(r2.status == 1)
        #expect(r2.stderr.contains("out/facts.csv"), "\(r2.stderr)")
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "not a folder")
    }

    @Test(arguments: [
        ("header only", "period,value\n", "has a header but no data rows"),
        ("non-numeric", "period,value\n2015,abc\n", "bad.csv:2:2: 'abc' is not a finite number"),
        ("infinity", "period,value\n2015,inf\n", "'inf' is not a finite number"),
        ("duplicate periods", "period,value\n2015,1\n2015,2\n", "bad.csv:3:1: 2015 appears twice (first on line 2)"),
        ("bad period", "period,value\nlast year,1\n", "bad.csv:2:1: 'last year' is not a period"),
        ("no value column", "period,amount\n2015,1\n", "bad.csv:1: no 'value' column"),
    ])
    func badChartData(label: String, csv: String, message: String) throws {
        let dir = try TestSupport.temporaryFolder()
        let data = dir.appendingPathComponent("bad.csv")
        try csv.write(to: data, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("chart.svg")
        let r = try TestSupport.run(["chart", "line", "--data", data.path, "--out", out.path])
        #expect(r.status == 1, "\(label)")
        #expect(r.stderr.contains(message), "\(label): \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func oddButValidData() throws {
        let dir = try TestSupport.temporaryFolder()
        for (name, csv) in [
            ("one", "period,value\n2015,1\n"), ("unsorted", "period,value\n2020,3\n2015,1\n2017,2\n"),
            ("million", "x,value\n" + (0..<1_000_000).map { "\($0),\(($0 * 7919) % 1000)" }.joined(separator: "\n")),
        ] {
            let data = dir.appendingPathComponent("\(name).csv")
            try csv.write(to: data, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("\(name).svg")
            let r = try TestSupport.run(["chart", "line", "--data", data.path, "--out", out.path])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            let size = (try FileManager.default.attributesOfItem(atPath: out.path)[.size] as? NSNumber)?.intValue ?? 0
            #expect(size > 1000 && size < 200_000, "\(name): \(size) bytes")
        }
    }

    @Test(arguments: [
        (["chart", "pie"], "unknown chart type 'pie'"),
        (["chart", "line", "--size", "0x500"], "size 0x500 is outside 120–8000 points a side"),
        (["chart", "line", "--size", "100000x500"], "size 100,000x500 is outside 120–8000 points a side"),
        (["chart", "line", "--out", "x.gif"], "--out 'x.gif' must end in .png, .svg or .pdf"),
    ])
    func badSpecsOnTheCommandLine(args: [String], message: String) throws {
        let dir = try TestSupport.temporaryFolder()
        let data = dir.appendingPathComponent("d.csv")
        try "period,value\n2015,1\n2020,2\n".write(to: data, atomically: true, encoding: .utf8)
        var full = args
        if !full.contains("--out") { full += ["--out", dir.appendingPathComponent("c.png").path] }
        full += ["--data", data.path]
        let r = try TestSupport.run(full)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test func hostileTitlesAndNamesStayInside() throws {
        let dir = try TestSupport.temporaryFolder()
        let data = dir.appendingPathComponent("d.csv")
        try "label,value\n<b>A&B</b>,1\n".write(to: data, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("c.svg")
        let title = "</svg><script>alert(1)</script>" + String(repeating: "long title ", count: 1000)
        let r = try TestSupport.run(["chart", "bar", "--data", data.path, "--out", out.path, "--title", title])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: out, encoding: .utf8)
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        // A project chart named to escape the output folder is refused before anything is written.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try "2 million people".write(to: dir.appendingPathComponent("seeds/a.txt"), atomically: true, encoding: .utf8)
        try "charts:\n  - name: ../escape\n    type: grid\n    places: true\n".write(to: dir.appendingPathComponent("plotline.yaml"), atomically: true, encoding: .utf8)
        let p = try TestSupport.run(["build"], in: dir)
        #expect(p.status == 1)
        #expect(p.stderr.contains("plotline.yaml:2:11: '../escape' cannot be a file name"), "\(p.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("escape.png").path))
    }

    @Test func aFileDeletedWhileWatchingIsReportedAndWatchingGoesOn() throws {
        let dir = try TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("docs"), withIntermediateDirectories: true)
        let doc = dir.appendingPathComponent("docs/a.txt")
        try "As of the end of 2012, there were 98.99 million rural poor people. At the beginning of 2020, 5.51 million rural poor remained.".write(to: doc, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = TestSupport.binary
        process.arguments = ["watch", "docs/a.txt", "--max-builds", "2"]
        process.currentDirectoryURL = dir
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        let report = dir.appendingPathComponent("output/report.html")
        while !FileManager.default.fileExists(atPath: report.path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.5)
        let good = try Data(contentsOf: report)
        try FileManager.default.removeItem(at: doc)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("input 'docs/a.txt' does not exist") && log.contains("the last good outputs are kept"), "\(log)")
        #expect(try Data(contentsOf: report) == good)
    }
}

/// Every input the fuzzers found trouble with, and the seed corpora, replayed through the
/// harnesses without the fuzzer.
@Suite(.serialized) struct FuzzRegressionTests {
    @Test(arguments: ["extract", "csv", "project", "svg"])
    func corpusAndRegressionsReplayCleanly(target: String) throws {
        let fuzz = TestSupport.binary.deletingLastPathComponent().appendingPathComponent("plotline-fuzz")
        let root = TestSupport.packageRoot.appendingPathComponent("fuzz")
        var folders = [root.appendingPathComponent("corpus/\(target)").path]
        let regressions = root.appendingPathComponent("regressions/\(target)")
        if FileManager.default.fileExists(atPath: regressions.path) { folders.append(regressions.path) }
        let process = Process()
        process.executableURL = fuzz
        process.arguments = [target] + folders
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.contains("no crash"), "\(text)")
    }
}
