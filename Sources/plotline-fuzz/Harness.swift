import Foundation
import PlotlineCharts
import PlotlineCore
import PlotlineExtract
import PlotlineProject
import PlotlineSVG
import PlotlineScene

/// Text measurement without fonts: fuzzing exercises layout logic, not Pango, and must be
/// fast and deterministic.
struct ApproximateMeasurer: TextMeasurer {
  func measure(_ text: String, font: Font) -> TextExtent {
    TextExtent(
      width: Double(text.unicodeScalars.count) * font.size * 0.55, ascent: font.size * 0.8,
      descent: font.size * 0.2)
  }
}

/// The fuzz targets: each takes arbitrary bytes and must neither crash nor hang.
enum Harness {
  static let extractor = try! Extractor.standard(dateline: Day(2021, 2, 23))

  static let targets: [String: ([UInt8]) -> Void] = [
    "extract": { bytes in
      _ = extractor.extract(documents: [("fuzz.txt", bytes)])
    },
    "csv": { bytes in
      let text = String(decoding: bytes, as: UTF8.self)
      _ = try? ChartData.lineSeries(text, file: "fuzz.csv")
      _ = try? ChartData.bars(text, file: "fuzz.csv")
      _ = try? ChartData.tiles(text, file: "fuzz.csv")
      _ = try? DataFiles.readCSV(text, name: "fuzz.csv", path: "fuzz.csv")
      _ = try? DataFiles.readJSON(text, name: "fuzz.json", path: "fuzz.json")
    },
    "project": { bytes in
      _ = try? ProjectFile.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz.yaml")
    },
    "svg": { bytes in
      guard let spec = try? JSONDecoder().decode(ChartSpec.self, from: Data(bytes)) else { return }
      guard let scene = try? ChartBuilder(measurer: ApproximateMeasurer()).scene(for: spec) else {
        return
      }
      _ = try? SVGRenderer().render(scene)
    },
  ]

  static func run(_ target: String, _ bytes: [UInt8]) {
    guard let body = targets[target] else {
      FileHandle.standardError.write(
        Data(
          "unknown fuzz target '\(target)'; use one of \(targets.keys.sorted().joined(separator: ", "))\n"
            .utf8))
      exit(64)
    }
    body(bytes)
  }

  static var target: String {
    ProcessInfo.processInfo.environment["PLOTLINE_FUZZ_TARGET"] ?? "extract"
  }
}

#if FUZZING
    /// libFuzzer's runtime refers to this symbol; the driver below calls the same harness.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        Harness.run(Harness.target, data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif

/// `plotline-fuzz TARGET FILE...` replays files (a corpus, crash reproducers) through a
/// target. Built with -D FUZZING (make fuzz), it hands its arguments to libFuzzer instead,
/// with the target from PLOTLINE_FUZZ_TARGET.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            let target = Harness.target
            guard Harness.targets[target] != nil else { Harness.run(target, []); return }
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                Harness.run(Harness.target, data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
                return 0
            })
        #else
            replay()
        #endif
    }

    static func replay() {
        let args = Array(CommandLine.arguments.dropFirst())
        guard args.count >= 1 else {
            FileHandle.standardError.write(Data("usage: plotline-fuzz extract|csv|project|svg FILE...\n".utf8))
            exit(64)
        }
        var count = 0
        for path in args.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 } : [path]
            for f in files {
                guard let data = FileManager.default.contents(atPath: f) else { continue }
                Harness.run(args[0], [UInt8](data))
                count += 1
            }
        }
        print("\(args[0]): \(count) inputs, no crash")
    }
}
