import Foundation
import PlotlineCharts
import PlotlineScene
import Testing

@Suite struct TickTests {
    /// Expected values come from an independent transcription of R's labeling::extended in
    /// Python (Reference/extended_reference.py), not from this implementation.
    @Test(arguments: [
        (0.0, 98.99, 5, [0.0, 25, 50, 75, 100]),
        (0.0, 10740, 5, [0.0, 3000, 6000, 9000, 12000]),
        (0.0, 1.0, 5, [0.0, 0.25, 0.5, 0.75, 1.0]),
        (-3.0, 7.0, 5, [-4.0, -2, 0, 2, 4, 6, 8]),
        (2982.0, 10740, 6, [2000.0, 4000, 6000, 8000, 10000, 12000]),
    ])
    func extendedLooseTicksCoverTheData(lo: Double, hi: Double, m: Int, expected: [Double]) {
        let ticks = Ticks.extended(lo, hi, m: m, onlyLoose: true)
        #expect(ticks.first! <= lo && ticks.last! >= hi)
        #expect(ticks == expected)
    }

    @Test func extendedTicksAreEvenlySpacedNiceNumbers() {
        let niceSteps: Set<Double> = [1, 2, 2.5, 3, 4, 5]
        for (lo, hi) in [(0.0, 13.0), (1.0, 1_000_000.0), (-0.5, 0.75), (5.51, 98.99), (0.001, 0.0093), (100.0, 100.5)] {
            let ticks = Ticks.extended(lo, hi, m: 5, onlyLoose: true)
            #expect(ticks.count >= 3 && ticks.count <= 10, "\(lo)…\(hi): \(ticks)")
            let step = ticks[1] - ticks[0]
            for (a, b) in zip(ticks, ticks.dropFirst()) { #expect(abs((b - a) - step) < step * 1e-9) }
            let mantissa = step / pow(10, floor(log10(step) + 1e-9))
            #expect(niceSteps.contains { abs($0 - mantissa) < 1e-6 }, "step \(step) mantissa \(mantissa)")
        }
    }

    /// Found by the fuzzer (fuzz/regressions/svg): a bar of 1e151 beside one of -3 kept the
    /// search from pruning. Huge ranges now get d3-style ticks that still cover the data.
    @Test func extremeRangesStillGetCoveringTicks() {
        for (lo, hi) in [(-3.0, 1e151), (0.0, 1e300), (-1e200, 1e200), (1e-300, 2e-300)] {
            let ticks = Ticks.extended(lo, hi, m: 5, onlyLoose: true)
            #expect(ticks.count >= 2 && ticks.count <= 12, "\(lo)…\(hi): \(ticks)")
            #expect(ticks.first! <= lo && ticks.last! >= hi, "\(lo)…\(hi): \(ticks)")
        }
    }

    @Test func flatRangeStillGetsTicks() {
        let ticks = Ticks.extended(5, 5, m: 5, onlyLoose: true)
        #expect(ticks.count >= 2)
        #expect(ticks.first! <= 5 && ticks.last! >= 5)
        #expect(Ticks.extended(.nan, 1, m: 5).isEmpty)
    }

    @Test(arguments: [
        (0.0, 1.0, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0.0, 10.0, 10, [0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        (1.0, 9.0, 3, [2.0, 4, 6, 8]),
        (0.1, 0.3, 2, [0.1, 0.2, 0.3]),
    ])
    func d3NiceTicks(lo: Double, hi: Double, count: Int, expected: [Double]) {
        #expect(Ticks.nice(lo, hi, count: count) == expected)
    }

    @Test func yearTicksAreWholeYears() {
        #expect(Ticks.years(2012.998, 2020.998, maxCount: 10) == [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020])
        #expect(Ticks.years(2012.998, 2020.998, maxCount: 4) == [2014, 2016, 2018, 2020])
        #expect(Ticks.years(2012.998, 2020.998, maxCount: 3) == [2015, 2020])
        #expect(Ticks.years(1950, 2020, maxCount: 8) == [1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020])
        #expect(Ticks.years(2015, 2015.5, maxCount: 5) == [2015])
    }
}

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (98_990_000.0, "98,990,000"), (2982, "2,982"), (0, "0"), (-1234.5, "−1,234.5"), (0.125, "0.13"), (999.999, "1,000"), (1e15, "1,000,000,000,000,000"),
    ])
    func grouped(v: Double, s: String) { #expect(NumberFormat.grouped(v) == s) }

    @Test(arguments: [
        (98_990_000.0, "98.99M"), (10_740, "10.74K"), (1_400_000_000, "1.4B"), (950, "950"), (5_510_000, "5.51M"), (0, "0"), (999_999, "1M"),
    ])
    func short(v: Double, s: String) { #expect(NumberFormat.short(v) == s) }

    @Test(arguments: [(98_990_000.0, "98.99 million"), (1_400_000_000, "1.4 billion"), (10_740, "10,740"), (0, "0")])
    func words(v: Double, s: String) { #expect(NumberFormat.words(v) == s) }

    @Test(arguments: [(98_990_000.0, "9,899万"), (1_400_000_000, "14亿"), (5_510_000, "551万"), (2982, "2,982"), (18_400_000_000, "184亿"), (12_345, "1.23万")])
    func chinese(v: Double, s: String) { #expect(NumberFormat.chinese(v) == s) }

    @Test func tickLabelsShareTheirDecimals() {
        #expect(NumberFormat.tickLabels([0, 0.5, 1, 1.5]) == ["0.0", "0.5", "1.0", "1.5"])
        #expect(NumberFormat.tickLabels([0, 20_000_000, 40_000_000], divisor: 1e6) == ["0", "20", "40"])
        #expect(NumberFormat.tickLabels([2000, 4000]) == ["2,000", "4,000"])
        #expect(NumberFormat.tickLabels([0, 2.5, 5]) == ["0.0", "2.5", "5.0"])
    }
}

@Suite struct ColourTests {
    @Test func contrastRatiosOfKnownPairs() {
        #expect(abs(Color.contrast(.black, .white) - 21) < 1e-9)
        #expect(abs(Color.contrast(.white, .white) - 1) < 1e-9)
        // #767676 on white is the classic smallest grey that passes AA: 4.54.
        #expect(abs(Color.contrast(Color(hex: "#767676"), .white) - 4.54) < 0.01)
    }

    @Test func readableDarkensUntilItPasses() {
        let orange = Color(hex: "#E69F00")
        #expect(Color.contrast(orange, .white) < 4.5)
        #expect(Color.contrast(orange.readable(on: .white), .white) >= 4.5)
    }

    /// Found by the fuzz smoke run in CI (fuzz/regressions/svg): an 8.9e69 tile value made
    /// the class labels convert to Int and trap.
    @Test func tileClassesWithHugeValues() {
        let c = TileClasses(values: [0, 8.9e69])
        #expect(c.labels.count == c.thresholds.count + 1)
        #expect(c.classIndex(8.9e69) == c.thresholds.count)
        #expect(Ticks.years(1e300, 2e300, maxCount: 5).isEmpty)
        #expect(Ticks.nice(1e300, 1e300 + 1e285, count: 5).count < 10_000)
        #expect(NumberFormat.grouped(1e20 + 0.999) == "100,000,000,000,000,000,000")
    }

    @Test func tileClassesSeparateZeroFromTheRest() {
        let c = TileClasses(values: [0, 1, 5, 29])
        #expect(c.classIndex(0) == 0)
        #expect(c.classIndex(1) == 1)
        #expect(c.classIndex(29) == c.thresholds.count)
        #expect(c.labels.first == "0")
        #expect(c.thresholds.last! >= 29)
    }
}
