import CCairo

/// Encodes Cairo's pixel buffer as PNG with libdeflate, several times faster than
/// `cairo_surface_write_to_png` (zlib) and smaller.
///
/// Charts have few colours: when the image has at most 256, it is written as an indexed
/// (palette) PNG, a third of the bytes to compress, rows unfiltered as the PNG specification
/// advises for palettes. Otherwise it is 8-bit RGB (or RGBA when not opaque) and each row is
/// stored plain or as its difference from the row above, whichever has the smaller sum of
/// absolute values. On charts (flat backgrounds, thin marks) those two filters win almost every
/// row: trying Sub, Average and Paeth as well made W1 files 1 % smaller and encoding 1.7 times
/// slower (plotline-bench, callgrind). The palette is ordered by first appearance, so the same
/// pixels always give the same bytes.
public enum PNGEncoder {
    public static func encodeARGB32(
        pixels: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int, level: Int32 = 6, workspace: PNGWorkspace? = nil
    ) throws -> [UInt8] {
        let work = workspace ?? PNGWorkspace()
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        var chunks: [(String, [UInt8])] = []
        let rawCount: Int
        if let (palette, alphas) = paletteImage(pixels: pixels, width: width, height: height, stride: stride, into: work) {
            header += [8, 3, 0, 0, 0]
            rawCount = (width + 1) * height
            chunks.append(("PLTE", palette))
            if let alphas { chunks.append(("tRNS", alphas)) }
        } else {
            let opaque = isOpaque(pixels: pixels, width: width, height: height, stride: stride)
            header += [8, opaque ? 2 : 6, 0, 0, 0]
            rawCount = filteredTrueColour(pixels: pixels, width: width, height: height, stride: stride, channels: opaque ? 3 : 4, into: work)
        }
        let compressed = try work.deflate(count: rawCount, level: level)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(compressed.count + 1024)
        png.appendChunk("IHDR", header)
        for (type, data) in chunks { png.appendChunk(type, data) }
        png.appendChunk("IDAT", compressed)
        png.appendChunk("IEND", [])
        return png
    }

    static func isOpaque(pixels: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int) -> Bool {
        for y in 0..<height {
            let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            var all: UInt32 = 0xFF00_0000
            for x in 0..<width { all &= row[x] }
            if all & 0xFF00_0000 != 0xFF00_0000 { return false }
        }
        return true
    }

    /// Indexed pixels in the workspace, one filter byte (0) per row, and the palette with,
    /// if any colour is not opaque, its alpha values; nil when there are more than 256 colours.
    static func paletteImage(pixels: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int, into work: PNGWorkspace)
        -> ([UInt8], [UInt8]?)?
    {
        // Open addressing: 1024 slots for at most 256 colours keeps probes short.
        var keys = [UInt32](repeating: 0, count: 1024)
        var values = [UInt8](repeating: 0, count: 1024)
        var used = [Bool](repeating: false, count: 1024)
        var colours: [UInt32] = []
        colours.reserveCapacity(256)
        let o = work.raw(capacity: (width + 1) * height)
        let ok = keys.withUnsafeMutableBufferPointer { k in
            values.withUnsafeMutableBufferPointer { v in
                used.withUnsafeMutableBufferPointer { u in
                    var lastPixel: UInt32 = 0
                    var lastIndex: UInt8 = 0
                    var haveLast = false
                    for y in 0..<height {
                        let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
                        let line = o + y * (width + 1)
                        line[0] = 0
                        for x in 0..<width {
                            let p = row[x]
                            if haveLast && p == lastPixel {
                                line[x + 1] = lastIndex
                                continue
                            }
                            var slot = Int((p &* 2_654_435_761) >> 22)
                            while u[slot] && k[slot] != p { slot = (slot + 1) & 1023 }
                            if !u[slot] {
                                if colours.count == 256 { return false }
                                u[slot] = true
                                k[slot] = p
                                v[slot] = UInt8(colours.count)
                                colours.append(p)
                            }
                            lastPixel = p
                            lastIndex = v[slot]
                            haveLast = true
                            line[x + 1] = lastIndex
                        }
                    }
                    return true
                }
            }
        }
        guard ok else { return nil }
        var palette: [UInt8] = []
        palette.reserveCapacity(colours.count * 3)
        var alphas: [UInt8] = []
        var translucent = false
        for c in colours {
            let a = UInt8(c >> 24)
            palette.append(unpremultiply(UInt8((c >> 16) & 0xFF), a))
            palette.append(unpremultiply(UInt8((c >> 8) & 0xFF), a))
            palette.append(unpremultiply(UInt8(c & 0xFF), a))
            alphas.append(a)
            if a != 255 { translucent = true }
        }
        return (palette, translucent ? alphas : nil)
    }

    /// RGB(A) rows in the workspace, each filtered with None or Up, whichever minimises the
    /// sum of absolute values (the PNG specification's heuristic, over the two filters that
    /// matter here). Returns the byte count.
    static func filteredTrueColour(pixels: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int, channels: Int, into work: PNGWorkspace) -> Int {
        let rowBytes = width * channels
        let out = work.raw(capacity: (rowBytes + 1) * height)
        var previous = work.rows(capacity: rowBytes * 2)
        var current = previous + rowBytes
        previous.initialize(repeating: 0, count: rowBytes)
        for y in 0..<height {
            let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            // Cairo: premultiplied native-endian ARGB in one 32-bit word.
            if channels == 3 {
                var c = current
                for x in 0..<width {
                    let p = row[x]
                    c[0] = UInt8(truncatingIfNeeded: p >> 16)
                    c[1] = UInt8(truncatingIfNeeded: p >> 8)
                    c[2] = UInt8(truncatingIfNeeded: p)
                    c += 3
                }
            } else {
                for x in 0..<width {
                    let p = row[x]
                    let a = UInt8(truncatingIfNeeded: p >> 24)
                    let base = x &* 4
                    current[base] = unpremultiply(UInt8(truncatingIfNeeded: p >> 16), a)
                    current[base &+ 1] = unpremultiply(UInt8(truncatingIfNeeded: p >> 8), a)
                    current[base &+ 2] = unpremultiply(UInt8(truncatingIfNeeded: p), a)
                    current[base &+ 3] = a
                }
            }
            // Both sums in one pass, in UInt32 lanes the compiler can vectorise.
            let line = out + y * (rowBytes + 1)
            let difference = line + 1
            var none: UInt32 = 0
            var up: UInt32 = 0
            for i in 0..<rowBytes {
                let c = current[i]
                let d = c &- previous[i]
                difference[i] = d
                none &+= UInt32(c < 128 ? c : 0 &- c)
                up &+= UInt32(d < 128 ? d : 0 &- d)
            }
            if up < none {
                line[0] = 2
            } else {
                line[0] = 0
                difference.update(from: current, count: rowBytes)
            }
            swap(&current, &previous)
        }
        return (rowBytes + 1) * height
    }

    @inline(__always) private static func unpremultiply(_ c: UInt8, _ a: UInt8) -> UInt8 {
        if a == 255 { return c }
        if a == 0 { return 0 }
        return UInt8(min(255, (Int(c) * 255 + Int(a) / 2) / Int(a)))
    }
}

/// Buffers and a compressor kept between images, so a batch of charts does not allocate,
/// zero and fault in megabytes of fresh memory for each one (a fifth of the time of a
/// small PNG). One per thread: it is not shared.
public final class PNGWorkspace {
    private var rawBuffer: UnsafeMutablePointer<UInt8>?
    private var rawCapacity = 0
    private var rowBuffer: UnsafeMutablePointer<UInt8>?
    private var rowCapacity = 0
    private var outBuffer: UnsafeMutablePointer<UInt8>?
    private var outCapacity = 0
    private var compressor: OpaquePointer?
    private var compressorLevel: Int32 = -1
    private var surface: CairoSurface?

    public init() {}

    /// An image surface of this size, reused from the last image when it matches; its
    /// pixels are stale, so drawing must start by painting every pixel (`SceneDrawer` does).
    func imageSurface(width: Int, height: Int) throws -> CairoSurface {
        if let surface, cairo_image_surface_get_width(surface.pointer) == Int32(width), cairo_image_surface_get_height(surface.pointer) == Int32(height) {
            return surface
        }
        surface = nil
        let made = try CairoSurface.image(width: width, height: height)
        surface = made
        return made
    }

    deinit {
        rawBuffer?.deallocate()
        rowBuffer?.deallocate()
        outBuffer?.deallocate()
        if let compressor { libdeflate_free_compressor(compressor) }
    }

    private static func grow(_ buffer: inout UnsafeMutablePointer<UInt8>?, _ capacity: inout Int, _ needed: Int) -> UnsafeMutablePointer<UInt8> {
        if let b = buffer, capacity >= needed { return b }
        buffer?.deallocate()
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, 1))
        buffer = b
        capacity = needed
        return b
    }

    func raw(capacity needed: Int) -> UnsafeMutablePointer<UInt8> { PNGWorkspace.grow(&rawBuffer, &rawCapacity, needed) }
    func rows(capacity needed: Int) -> UnsafeMutablePointer<UInt8> { PNGWorkspace.grow(&rowBuffer, &rowCapacity, needed) }

    /// The first `count` bytes of the raw buffer, zlib-compressed.
    func deflate(count: Int, level: Int32) throws -> [UInt8] {
        if compressor == nil || compressorLevel != level {
            if let compressor { libdeflate_free_compressor(compressor) }
            compressor = libdeflate_alloc_compressor(level)
            compressorLevel = level
        }
        guard let compressor, let input = rawBuffer else {
            throw CairoError.encoding("libdeflate could not allocate a compressor")
        }
        let bound = libdeflate_zlib_compress_bound(compressor, count)
        let output = PNGWorkspace.grow(&outBuffer, &outCapacity, bound)
        let size = libdeflate_zlib_compress(compressor, input, count, output, bound)
        guard size > 0 else { throw CairoError.encoding("libdeflate could not compress the image") }
        return Array(UnsafeBufferPointer(start: output, count: size))
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
        let start = count
        append(contentsOf: Array(type.utf8))
        append(contentsOf: data)
        let crc = self.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress! + start, data.count + 4) }
        appendBigEndian(crc)
    }
}
