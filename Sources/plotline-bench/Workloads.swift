import Foundation
import PlotlineCharts
import PlotlineCore

/// The anchor workloads of shared/bench/anchors/README.md, built from the same data the
/// peers read: the 32-bit LCG of gen_data.py (state = 1664525·state + 1013904223 mod 2³²).
enum Workloads {
    struct LCG {
        var state: UInt32
        mutating func next() -> Double {
            state = state &* 1_664_525 &+ 1_013_904_223
            return Double(state) / 4_294_967_296.0
        }
    }

    /// Rounds to the decimals gen_data.py prints (%.6f, %.1f).
    static func rounded(_ v: Double, _ decimals: Int) -> Double {
        let p = pow(10, Double(decimals))
        return (v * p).rounded() / p
    }

    /// Reads a gen_data.py TSV (header line, then two tab-separated columns) when the bench
    /// runs in the anchors folder, so both sides draw exactly the same numbers.
    static func tsv(_ name: String) -> [(String, Double)]? {
        guard let data = FileManager.default.contents(atPath: "data/\(name).tsv") else { return nil }
        var rows: [(String, Double)] = []
        data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i < b.count && b[i] != 10 { i += 1 }  // header
            i += 1
            while i < b.count {
                let start = i
                while i < b.count && b[i] != 9 { i += 1 }
                let key = String(decoding: UnsafeBufferPointer(rebasing: b[start..<min(i, b.count)]), as: UTF8.self)
                i += 1
                let vStart = i
                while i < b.count && b[i] != 10 { i += 1 }
                var buffer = Array(b[vStart..<min(i, b.count)])
                buffer.append(0)
                let value = buffer.withUnsafeBufferPointer { strtod(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), nil) }
                rows.append((key, value))
                i += 1
            }
        }
        return rows
    }

    static func w1() -> ChartSpec {
        let values = [98.99, 82.49, 70.17, 55.75, 43.35, 30.46, 16.60, 5.51, 0.0]
        let points = values.enumerated().map { LinePoint(period: .year(2012 + $0.offset), value: $0.element) }
        return ChartSpec(
            kind: .line, name: "w1", title: "People in extreme poverty, 2012-2020", subtitle: "Millions of poor people, by year",
            source: "Benchmark workload W1", series: [LineSeries(name: "Poor people", points: points)])
    }

    static func w2Points(count: Int = 100_000) -> [LinePoint] {
        if count == 100_000, let rows = tsv("w2") { return rows.map { LinePoint(x: Double($0.0) ?? 0, value: $0.1) } }
        var g = LCG(state: 42)
        var y = 0.0
        var points: [LinePoint] = []
        points.reserveCapacity(count)
        for i in 0..<count {
            if i > 0 { y += g.next() - 0.5 }
            points.append(LinePoint(x: Double(i), value: rounded(y, 6)))
        }
        return points
    }

    static func w2(points: [LinePoint]) -> ChartSpec {
        ChartSpec(
            kind: .line, name: "w2", title: "Random walk, \(NumberFormat.grouped(Double(points.count))) points", subtitle: "Value by step",
            source: "Benchmark workload W2", series: [LineSeries(name: "Random walk", points: points)], xAxis: .linear)
    }

    static func w3() -> ChartSpec {
        var g = LCG(state: 7)
        let bars = tsv("w3")?.map { Bar(label: $0.0, value: $0.1) } ?? (1...30).map { Bar(label: String(format: "B%02d", $0), value: rounded(10 + 90 * g.next(), 1)) }
        return ChartSpec(kind: .bar, name: "w3", title: "30 labelled bars", subtitle: "Value by category", source: "Benchmark workload W3", bars: bars)
    }
}
