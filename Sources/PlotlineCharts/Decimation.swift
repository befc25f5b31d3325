/// Thins a long series to what a raster can show without changing the picture: per pixel
/// column the first, last, lowest and highest point (M4, Jugel et al. 2014). Works on
/// sorted points; streams, so memory is four points per column.
public enum Decimation {
    public static func m4(_ points: [LinePoint], columns: Int, from lo: Double, to hi: Double) -> [LinePoint] {
        var m = M4(columns: columns, from: lo, to: hi)
        for p in points { m.add(p) }
        return m.result()
    }

    /// The streaming form: feed sorted points one at a time.
    public struct M4 {
        let columns: Int
        let lo: Double
        let width: Double
        private var out: [LinePoint] = []
        private var column = -1
        private var first: LinePoint?
        private var last: LinePoint?
        private var low: LinePoint?
        private var high: LinePoint?

        public init(columns: Int, from lo: Double, to hi: Double) {
            self.columns = max(1, columns)
            self.lo = lo
            self.width = hi > lo ? hi - lo : 1
            out.reserveCapacity(self.columns * 4)
        }

        public mutating func add(_ p: LinePoint) {
            let f = ((p.position - lo) / width * Double(columns))
            let c = f.isFinite ? Int(min(Double(columns - 1), max(0, f))) : 0
            if c != column {
                flush()
                column = c
                first = p
                last = p
                low = p
                high = p
                return
            }
            last = p
            if p.value < low!.value { low = p }
            if p.value > high!.value { high = p }
        }

        private mutating func flush() {
            guard let first, let last, let low, let high else { return }
            // Keep the four in x order, each once.
            var picked = [first, low, high, last]
            picked.sort { $0.position < $1.position }
            var previous: Double?
            for p in picked where p.position != previous {
                out.append(p)
                previous = p.position
            }
        }

        public mutating func result() -> [LinePoint] {
            flush()
            first = nil
            return out
        }
    }
}
