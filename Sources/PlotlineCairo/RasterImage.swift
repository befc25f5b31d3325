import CCairo
import Foundation
import PlotlineScene

/// Pixels in memory, 8-bit RGBA, for comparing renderings (tests, decimation checks).
public struct RasterImage: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var rgba: [UInt8]

    /// Renders a scene straight to pixels.
    public static func render(_ scene: Scene, scale: Double = 1) throws -> RasterImage {
        let w = Int((scene.width * scale).rounded())
        let h = Int((scene.height * scale).rounded())
        let surface = try CairoSurface.image(width: w, height: h)
        let context = try CairoContext(surface)
        cairo_scale(context.pointer, scale, scale)
        try SceneDrawer(context: context, snapToPixels: true).draw(scene)
        cairo_surface_flush(surface.pointer)
        return read(surface)
    }

    /// Decodes a PNG file with Cairo's own reader.
    public static func load(png path: String) throws -> RasterImage {
        let surface = try CairoSurface(checking: cairo_image_surface_create_from_png(path))
        return read(surface)
    }

    static func read(_ surface: CairoSurface) -> RasterImage {
        let w = Int(cairo_image_surface_get_width(surface.pointer))
        let h = Int(cairo_image_surface_get_height(surface.pointer))
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        let data = cairo_image_surface_get_data(surface.pointer)!
        var out = [UInt8](repeating: 0, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                let p = data + y * stride + 4 * x
                out[(y * w + x) * 4] = p[2]
                out[(y * w + x) * 4 + 1] = p[1]
                out[(y * w + x) * 4 + 2] = p[0]
                out[(y * w + x) * 4 + 3] = p[3]
            }
        }
        return RasterImage(width: w, height: h, rgba: out)
    }

    /// Root-mean-square difference over all channels, on the 0–255 scale (matplotlib's measure).
    public static func rms(_ a: RasterImage, _ b: RasterImage) -> Double? {
        guard a.width == b.width, a.height == b.height else { return nil }
        var sum = 0.0
        for i in 0..<a.rgba.count {
            let d = Double(a.rgba[i]) - Double(b.rgba[i])
            sum += d * d
        }
        return (sum / Double(max(1, a.rgba.count))).squareRoot()
    }

    /// The difference amplified ten times, as a PNG, to look at when a comparison fails.
    public static func diffPNG(_ a: RasterImage, _ b: RasterImage) throws -> [UInt8] {
        let w = min(a.width, b.width)
        let h = min(a.height, b.height)
        let surface = try CairoSurface.image(width: w, height: h)
        let data = cairo_image_surface_get_data(surface.pointer)!
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        for y in 0..<h {
            for x in 0..<w {
                let i = (y * a.width + x) * 4
                let j = (y * b.width + x) * 4
                let p = data + y * stride + 4 * x
                for c in 0..<3 {
                    let d = min(255, abs(Int(a.rgba[i + c]) - Int(b.rgba[j + c])) * 10)
                    p[2 - c] = UInt8(255 - d)
                }
                p[3] = 255
            }
        }
        cairo_surface_mark_dirty(surface.pointer)
        return try PNGEncoder.encodeARGB32(pixels: data, width: w, height: h, stride: stride)
    }
}
