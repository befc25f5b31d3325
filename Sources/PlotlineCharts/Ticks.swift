import Foundation

/// Tick positions for axes: pure functions of the data range and a target count.
public enum Ticks {
    /// Wilkinson's extended algorithm (Talbot, Lin & Hanrahan 2010), as in R's
    /// `labeling::extended`: searches nice step multiples, skips, counts and offsets, scoring
    /// simplicity, coverage and density, pruned by upper bounds.
    /// - Parameters:
    ///   - m: the number of ticks wanted.
    ///   - onlyLoose: the ticks must cover the data range.
    public static func extended(_ dmin: Double, _ dmax: Double, m: Int, onlyLoose: Bool = false) -> [Double] {
        guard dmin.isFinite, dmax.isFinite, m >= 2 else { return [] }
        var lo = min(dmin, dmax)
        var hi = max(dmin, dmax)
        if hi - lo < 1e-10 * max(1, abs(hi)) {
            // A flat range: widen symmetrically around the value so it still gets nice ticks.
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        // Past these magnitudes squares overflow and the search's bounds stop pruning; the
        // simpler d3 ticks are as good there.
        if max(abs(lo), abs(hi)) > 1e100 || hi - lo < 1e-100 {
            return looseNice(lo, hi, count: m)
        }
        let Q: [Double] = [1, 5, 2, 2.5, 4, 3]
        let w = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)
        let eps = 1e-10
        var best = -2.0
        var bestTicks: (Double, Double, Double)?

        func simplicity(_ i: Int, _ j: Int, _ lmin: Double, _ lmax: Double, _ lstep: Double) -> Double {
            let n = Double(Q.count)
            let rem = lmin.truncatingRemainder(dividingBy: lstep)
            let v: Double = ((abs(rem) < eps || lstep - abs(rem) < eps) && lmin <= 0 && lmax >= 0) ? 1 : 0
            return 1 - Double(i) / (n - 1) - Double(j) + v
        }
        func simplicityMax(_ i: Int, _ j: Int) -> Double {
            1 - Double(i) / (Double(Q.count) - 1) - Double(j) + 1
        }
        func coverage(_ lmin: Double, _ lmax: Double) -> Double {
            let range = hi - lo
            return 1 - 0.5 * (pow(hi - lmax, 2) + pow(lo - lmin, 2)) / pow(0.1 * range, 2)
        }
        func coverageMax(_ span: Double) -> Double {
            let range = hi - lo
            if span > range {
                let half = (span - range) / 2
                return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
            }
            return 1
        }
        func density(_ k: Int, _ lmin: Double, _ lmax: Double) -> Double {
            let r = Double(k - 1) / (lmax - lmin)
            let rt = Double(m - 1) / (max(lmax, hi) - min(lo, lmin))
            return 2 - max(r / rt, rt / r)
        }
        func densityMax(_ k: Int) -> Double {
            k >= m ? 2 - Double(k - 1) / Double(m - 1) : 1
        }

        var evaluations = 0
        var j = 1
        outer: while j < 50 {
            for (i, q) in Q.enumerated() {
                let sm = simplicityMax(i, j)
                if w.simplicity * sm + w.coverage + w.density + w.legibility < best { break outer }
                var k = 2
                while k < 100 {
                    let dm = densityMax(k)
                    if w.simplicity * sm + w.coverage + w.density * dm + w.legibility < best { break }
                    let delta = (hi - lo) / Double(k + 1) / Double(j) / q
                    var z = Int(ceil(log10(delta)))
                    while z < 400 {
                        let step = Double(j) * q * pow(10, Double(z))
                        let cm = coverageMax(step * Double(k - 1))
                        if w.simplicity * sm + w.coverage * cm + w.density * dm + w.legibility < best { break }
                        let minStartValue = (floor(hi / step) * Double(j)) - Double((k - 1) * j)
                        let maxStartValue = ceil(lo / step) * Double(j)
                        guard abs(minStartValue) < 1e15, abs(maxStartValue) < 1e15 else { z += 1; continue }
                        let minStart = Int(minStartValue)
                        let maxStart = Int(maxStartValue)
                        evaluations += max(0, maxStart - minStart + 1)
                        if evaluations > 1_000_000 { break outer }  // a bound on the work, whatever the input
                        if minStart <= maxStart {
                            for start in minStart...maxStart {
                                let lmin = Double(start) * (step / Double(j))
                                let lmax = lmin + step * Double(k - 1)
                                let s = simplicity(i, j, lmin, lmax, step)
                                let c = coverage(lmin, lmax)
                                let g = density(k, lmin, lmax)
                                let score = w.simplicity * s + w.coverage * c + w.density * g + w.legibility
                                if score > best && (!onlyLoose || (lmin <= lo + eps && lmax >= hi - eps)) {
                                    best = score
                                    bestTicks = (lmin, lmax, step)
                                }
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        guard let (lmin, lmax, step) = bestTicks else { return looseNice(lo, hi, count: m) }
        return materialize(lmin, lmax, step)
    }

    /// d3 ticks widened to cover the range (for axes that must include every value).
    static func looseNice(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        guard lo.isFinite, hi.isFinite else { return [] }
        if hi - lo <= 0 { return [lo, lo + max(1, abs(lo) * 0.1)] }
        let step = niceStep(lo, hi, count: count)
        let first = floor(lo / step)
        var last = ceil(hi / step)
        if last * step < hi { last += 1 }  // rounding in the division must not leave hi out
        let n = min(1000, Int(last - first))
        var ticks = (0...max(1, n)).map { (first + Double($0)) * step }
        if ticks.last! < hi { ticks.append((first + Double(n + 1)) * step) }
        return ticks
    }

    /// d3's `ticks`: steps of 1, 2 or 5 × 10^k, at most about `count` of them inside the range.
    public static func nice(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        guard start.isFinite, stop.isFinite, count > 0 else { return [] }
        if start == stop { return [start] }
        let lo = min(start, stop)
        let hi = max(start, stop)
        let step = niceStep(lo, hi, count: count)
        if step < 1 {
            // As d3 does: work with the inverse step, an integer, so 0.3 / 0.1 is 3, not 2.999….
            let inverse = (1 / step).rounded()
            let first = ceil(lo * inverse - 1e-9)
            let last = floor(hi * inverse + 1e-9)
            guard last >= first, last - first < 10_000 else { return [] }
            return (0...Int(last - first)).map { clean((first + Double($0)) / inverse, step: step) }
        }
        let first = ceil(lo / step - 1e-9)
        let last = floor(hi / step + 1e-9)
        // Precision runs out when the range is tiny beside the values: no ticks beat a flood.
        guard last >= first, last - first < 10_000 else { return [] }
        return (0...Int(last - first)).map { clean((first + Double($0)) * step, step: step) }
    }

    /// The d3 tick increment: 1, 2, 5 or 10 × a power of ten.
    public static func niceStep(_ lo: Double, _ hi: Double, count: Int) -> Double {
        let raw = (hi - lo) / Double(max(1, count))
        let power = floor(log10(raw))
        let error = raw / pow(10, power)
        let factor: Double = error >= sqrt(50) ? 10 : error >= sqrt(10) ? 5 : error >= sqrt(2) ? 2 : 1
        return factor * pow(10, power)
    }

    /// Whole-year ticks for a time axis: steps of 1, 2, 5, 10, 20, 50 or 100 years, the smallest
    /// that gives at most `maxCount` ticks, on multiples of the step.
    public static func years(_ from: Double, _ to: Double, maxCount: Int) -> [Int] {
        // Years far outside history are not a time axis anyone reads; leave them unticked
        // rather than count to them.
        guard from.isFinite, to.isFinite, to >= from, abs(from) < 1e6, abs(to) < 1e6 else { return [] }
        let lo = Int(ceil(from - 1e-9))
        let hi = Int(floor(to + 1e-9))
        guard hi >= lo else { return [] }
        for step in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] {
            let first = Int(ceil(Double(lo) / Double(step))) * step
            let ticks = Array(stride(from: first, through: hi, by: step))
            if ticks.count <= max(2, maxCount) { return ticks }
        }
        return [lo, hi]
    }

    private static func materialize(_ lmin: Double, _ lmax: Double, _ step: Double) -> [Double] {
        let n = Int(((lmax - lmin) / step).rounded())
        return (0...max(0, n)).map { clean(lmin + Double($0) * step, step: step) }
    }

    /// Removes binary noise such as 0.30000000000000004 by rounding to the step's precision.
    static func clean(_ v: Double, step: Double) -> Double {
        let decimals = max(0, min(15, -Int(floor(log10(step))) + 2))
        let p = pow(10, Double(decimals))
        let r = (v * p).rounded() / p
        return r == 0 ? 0 : r
    }
}
