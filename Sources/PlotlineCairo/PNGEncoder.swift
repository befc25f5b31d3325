import CCairo

/// Encodes Cairo's pixel buffer as PNG with libdeflate: several times faster than
/// `cairo_surface_write_to_png` (zlib) and smaller. Opaque images become 8-bit RGB,
/// others RGBA; each row gets the filter with the smallest sum of absolute differences,
/// the heuristic the PNG specification recommends.
public enum PNGEncoder {
    public static func encodeARGB32(
        pixels: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int, level: Int32 = 6
    ) throws -> [UInt8] {
        var opaque = true
        for y in 0..<height where opaque {
            let row = pixels + y * stride
            for x in 0..<width where row[4 * x + 3] != 255 {
                opaque = false
                break
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        var raw = [UInt8](repeating: 0, count: rowBytes)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var filtered = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        var candidate = [UInt8](repeating: 0, count: rowBytes)
        var best = [UInt8](repeating: 0, count: rowBytes)
        for y in 0..<height {
            let row = pixels + y * stride
            // Cairo stores premultiplied native-endian ARGB: on little-endian machines B, G, R, A.
            for x in 0..<width {
                let b = row[4 * x]
                let g = row[4 * x + 1]
                let r = row[4 * x + 2]
                let a = row[4 * x + 3]
                if opaque {
                    raw[3 * x] = r
                    raw[3 * x + 1] = g
                    raw[3 * x + 2] = b
                } else {
                    raw[4 * x] = unpremultiply(r, a)
                    raw[4 * x + 1] = unpremultiply(g, a)
                    raw[4 * x + 2] = unpremultiply(b, a)
                    raw[4 * x + 3] = a
                }
            }
            var bestType: UInt8 = 0
            var bestScore = Int.max
            for type in UInt8(0)...4 {
                let score = applyFilter(type, raw: raw, previous: previous, bpp: channels, into: &candidate)
                if score < bestScore {
                    bestScore = score
                    bestType = type
                    swap(&best, &candidate)
                }
            }
            let base = y * (rowBytes + 1)
            filtered[base] = bestType
            filtered.withUnsafeMutableBufferPointer { out in
                best.withUnsafeBufferPointer { src in
                    (out.baseAddress! + base + 1).update(from: src.baseAddress!, count: rowBytes)
                }
            }
            swap(&raw, &previous)
        }
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw CairoError.encoding("libdeflate could not allocate a compressor")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, filtered.count)
        var compressed = [UInt8](repeating: 0, count: bound)
        let size = filtered.withUnsafeBytes { input in
            compressed.withUnsafeMutableBytes { output in
                libdeflate_zlib_compress(compressor, input.baseAddress, input.count, output.baseAddress, output.count)
            }
        }
        guard size > 0 else { throw CairoError.encoding("libdeflate could not compress the image") }
        compressed.removeSubrange(size...)

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", compressed)
        png.appendChunk("IEND", [])
        return png
    }

    private static func unpremultiply(_ c: UInt8, _ a: UInt8) -> UInt8 {
        if a == 0 { return 0 }
        if a == 255 { return c }
        return UInt8(min(255, (Int(c) * 255 + Int(a) / 2) / Int(a)))
    }

    /// Writes the filtered row and returns its score (sum of bytes taken as signed).
    private static func applyFilter(_ type: UInt8, raw: [UInt8], previous: [UInt8], bpp: Int, into out: inout [UInt8]) -> Int {
        var score = 0
        raw.withUnsafeBufferPointer { r in
            previous.withUnsafeBufferPointer { p in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<r.count {
                        let left = i >= bpp ? r[i - bpp] : 0
                        let up = p[i]
                        let upLeft = i >= bpp ? p[i - bpp] : 0
                        let predictor: UInt8
                        switch type {
                        case 0: predictor = 0
                        case 1: predictor = left
                        case 2: predictor = up
                        case 3: predictor = UInt8((Int(left) + Int(up)) / 2)
                        default: predictor = paeth(left, up, upLeft)
                        }
                        let v = r[i] &- predictor
                        o[i] = v
                        score += v < 128 ? Int(v) : 256 - Int(v)
                    }
                }
            }
        }
        return score
    }

    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a))
        let pb = abs(p - Int(b))
        let pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24))
        append(UInt8((v >> 16) & 0xff))
        append(UInt8((v >> 8) & 0xff))
        append(UInt8(v & 0xff))
    }

    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        let body = typeBytes + data
        append(contentsOf: body)
        let crc = body.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
        appendBigEndian(crc)
    }
}
