import Foundation
import PlotlineCore
import PlotlineExtract
import Testing

/// Precision and recall on the seed against a hand-made list of its quantities
/// (Gold/seed-statistics.csv, written from the text: value, unit, period where the text gives
/// one). "acceptable" rows are neither required nor counted wrong.
@Suite struct GoldTests {
    struct Row {
        var value: Double
        var unit: String
        var period: String
        var required: Bool
    }

    static func gold() throws -> [Row] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Gold/seed-statistics.csv")
        let rows = CSV.parse(try String(contentsOf: url, encoding: .utf8)).dropFirst()
        return rows.map { r in Row(value: Double(r.fields[0])!, unit: r.fields[1], period: r.fields[2], required: r.fields[3] == "gold") }
    }

    static func score() throws -> (recall: Double, precision: Double, missed: [Row], wrong: [Fact]) {
        let seed = [UInt8](try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds/000_c24887c2ab1ac308.txt")))
        let facts = try Extractor.standard().extract(documents: [("s.txt", seed)]).facts
        var remaining = try gold()
        var wrong: [Fact] = []
        var matchedRequired = 0
        for f in facts {
            let i = remaining.firstIndex { g in
                g.value == f.value && g.unit == f.unit && (g.period.isEmpty || g.period == f.period?.iso)
            }
            if let i {
                if remaining[i].required { matchedRequired += 1 }
                remaining.remove(at: i)
            } else {
                wrong.append(f)
            }
        }
        let required = try gold().filter(\.required).count
        let missed = remaining.filter(\.required)
        return (Double(matchedRequired) / Double(required), Double(facts.count - wrong.count) / Double(max(1, facts.count)), missed, wrong)
    }

    @Test func recallAndPrecisionOnTheSeed() throws {
        let s = try GoldTests.score()
        let missed = s.missed.map { "\($0.value) \($0.unit) \($0.period)" }.joined(separator: "; ")
        let wrong = s.wrong.map { "\($0.quote) → \($0.value) \($0.unit) \($0.period?.iso ?? "")" }.joined(separator: "; ")
        print("seed: recall \(String(format: "%.3f", s.recall)), precision \(String(format: "%.3f", s.precision)); missed: \(missed); wrong: \(wrong)")
        #expect(s.recall >= 0.95, "missed: \(missed)")
        #expect(s.precision >= 0.90, "wrong: \(wrong)")
    }
}
