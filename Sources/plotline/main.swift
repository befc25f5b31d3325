import Foundation
import PlotlineCore
import PlotlineExtract
import PlotlineReport

let args = CommandLine.arguments.dropFirst()
let ex = try! Extractor.standard()
let docs = args.map { (source: URL(fileURLWithPath: $0).lastPathComponent, bytes: [UInt8](try! Data(contentsOf: URL(fileURLWithPath: $0)))) }
let e = ex.extract(documents: docs)
print(ExtractionFiles.factsCSV(e.facts))
print(ExtractionFiles.seriesCSV(e.series))
print(ExtractionFiles.placesCSV(e.places))
print(e.warnings.joined(separator: "\n"))
