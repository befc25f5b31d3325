import CCairo
import Foundation
import PlotlineScene

public enum RasterFormat: String, Sendable, CaseIterable {
    case png, pdf
}

/// Draws scenes with Cairo: PNG through our own libdeflate encoder, PDF through Cairo's
/// PDF surface with fixed metadata so the same scene always gives the same bytes.
public struct CairoRenderer: SceneRenderer {
    public var format: RasterFormat
    /// Device pixels per point for PNG (2 for HiDPI).
    public var scale: Double
    /// The largest canvas side in device pixels; keeps one bad spec from eating the machine.
    public var maxPixels: Int

    /// Buffers kept between PNGs (see `PNGWorkspace`); nil makes fresh ones each time.
    public var workspace: PNGWorkspace?

    public init(format: RasterFormat, scale: Double = 1, maxPixels: Int = 16_384, workspace: PNGWorkspace? = nil) {
        self.format = format
        self.scale = scale
        self.maxPixels = maxPixels
        self.workspace = workspace
    }

    public func render(_ scene: Scene) throws -> [UInt8] {
        switch format {
        case .png: return try renderPNG(scene)
        case .pdf: return try renderPDF(scene)
        }
    }

    private func renderPNG(_ scene: Scene) throws -> [UInt8] {
        let w = Int((scene.width * scale).rounded())
        let h = Int((scene.height * scale).rounded())
        guard w >= 1, h >= 1, w <= maxPixels, h <= maxPixels else {
            throw CairoError.canvasTooLarge(width: w, height: h, limit: maxPixels)
        }
        let work = workspace ?? PNGWorkspace()
        let surface = try work.imageSurface(width: w, height: h)
        let context = try CairoContext(surface)
        cairo_scale(context.pointer, scale, scale)
        try SceneDrawer(context: context, snapToPixels: true).draw(scene)
        cairo_surface_flush(surface.pointer)
        guard let data = cairo_image_surface_get_data(surface.pointer) else {
            throw CairoError.encoding("the image surface has no pixel data")
        }
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        return try PNGEncoder.encodeARGB32(pixels: data, width: w, height: h, stride: stride, workspace: work)
    }

    private func renderPDF(_ scene: Scene) throws -> [UInt8] {
        let sink = ByteSink()
        let box = Unmanaged.passUnretained(sink).toOpaque()
        let bytes: [UInt8] = try withExtendedLifetime(sink) {
            let surface = try CairoSurface(
                checking: cairo_pdf_surface_create_for_stream(byteSinkWriter, box, scene.width, scene.height))
            let date = PDFDate.fixed()
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, date)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_MOD_DATE, date)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, scene.title)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, "Plotline")
            do {
                let context = try CairoContext(surface)
                try SceneDrawer(context: context).draw(scene)
            }
            try surface.finish()
            return sink.bytes
        }
        return bytes
    }
}

/// The PDF creation date: `SOURCE_DATE_EPOCH` when set (reproducible-builds.org), else a
/// fixed date, never the clock, so PDFs are byte-identical across runs.
enum PDFDate {
    static func fixed() -> String {
        var seconds: TimeInterval = 946_684_800  // 2000-01-01T00:00:00Z
        if let raw = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let v = Double(raw), v >= 0, v < 253_402_300_800 {
            seconds = v
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}

/// Walks a scene and issues Cairo calls. Shared by every Cairo surface type.
struct SceneDrawer {
    let context: CairoContext
    let layout: PangoLayout

    /// Puts the edges of axis-aligned rectangles and rules on device pixels (raster output):
    /// crisp bars and grid lines, as a reader expects, and fewer blended colours to compress.
    let snapToPixels: Bool

    init(context: CairoContext, snapToPixels: Bool = false) throws {
        self.context = context
        self.layout = try PangoLayout(context: context)
        self.snapToPixels = snapToPixels
    }

    private var cr: OpaquePointer { context.pointer }

    func draw(_ scene: Scene) throws {
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_GRAY)
        // SOURCE, not OVER: every pixel is replaced, so a reused surface starts clean even
        // under a transparent background.
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        setColor(scene.background)
        cairo_paint(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
        draw(scene.marks)
        try context.check()
    }

    private func draw(_ marks: [Mark]) {
        for mark in marks {
            switch mark {
            case .group(let g):
                cairo_save(cr)
                if let clip = g.clip {
                    cairo_rectangle(cr, clip.x, clip.y, clip.width, clip.height)
                    cairo_clip(cr)
                }
                draw(g.marks)
                cairo_restore(cr)
            case .rect(let r):
                let box = snapToPixels ? snapped(r.rect, strokeWidth: r.stroke == nil ? 0 : r.strokeWidth) : r.rect
                cairo_rectangle(cr, box.x, box.y, box.width, box.height)
                fillAndStroke(fill: r.fill, stroke: r.stroke, width: r.strokeWidth, dash: r.dash)
            case .rule(let r):
                let (from, to) = snapToPixels ? snapped(r.from, r.to, width: r.width) : (r.from, r.to)
                cairo_move_to(cr, from.x, from.y)
                cairo_line_to(cr, to.x, to.y)
                fillAndStroke(fill: nil, stroke: r.stroke, width: r.width, dash: r.dash)
            case .path(let p):
                guard let first = p.points.first else { continue }
                cairo_move_to(cr, first.x, first.y)
                for q in p.points.dropFirst() { cairo_line_to(cr, q.x, q.y) }
                if p.closed { cairo_close_path(cr) }
                cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
                fillAndStroke(fill: p.fill, stroke: p.stroke, width: p.width, dash: p.dash)
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            case .symbol(let s):
                cairo_new_sub_path(cr)
                cairo_arc(cr, s.center.x, s.center.y, s.radius, 0, 2 * Double.pi)
                fillAndStroke(fill: s.fill, stroke: s.stroke, width: s.strokeWidth, dash: [])
            case .text(let t):
                drawText(t)
            }
        }
    }

    /// A device coordinate on the pixel grid: on a pixel edge, or on a pixel centre when an odd
    /// number of device pixels is stroked across it.
    private func gridded(_ v: Double, oddStroke: Bool) -> Double {
        oddStroke ? (v - 0.5).rounded() + 0.5 : v.rounded()
    }

    private func deviceWidth(_ w: Double) -> Int {
        var dx = w
        var dy = 0.0
        cairo_user_to_device_distance(cr, &dx, &dy)
        return Int((abs(dx)).rounded())
    }

    private func snapped(_ r: Rect, strokeWidth: Double) -> Rect {
        let odd = strokeWidth > 0 && deviceWidth(strokeWidth) % 2 == 1
        var x0 = r.x, y0 = r.y, x1 = r.x + r.width, y1 = r.y + r.height
        cairo_user_to_device(cr, &x0, &y0)
        cairo_user_to_device(cr, &x1, &y1)
        var (a, b, c, d) = (gridded(x0, oddStroke: odd), gridded(y0, oddStroke: odd), gridded(x1, oddStroke: odd), gridded(y1, oddStroke: odd))
        // A mark with any size keeps at least one pixel.
        if c == a && x1 != x0 { c = a + (x1 > x0 ? 1 : -1) }
        if d == b && y1 != y0 { d = b + (y1 > y0 ? 1 : -1) }
        cairo_device_to_user(cr, &a, &b)
        cairo_device_to_user(cr, &c, &d)
        return Rect(x: a, y: b, width: c - a, height: d - b)
    }

    private func snapped(_ from: Point, _ to: Point, width: Double) -> (Point, Point) {
        guard from.x == to.x || from.y == to.y else { return (from, to) }
        let odd = deviceWidth(width) % 2 == 1
        var (x0, y0, x1, y1) = (from.x, from.y, to.x, to.y)
        cairo_user_to_device(cr, &x0, &y0)
        cairo_user_to_device(cr, &x1, &y1)
        if from.y == to.y {
            y0 = gridded(y0, oddStroke: odd)
            y1 = y0
            x0 = x0.rounded()
            x1 = x1.rounded()
        } else {
            x0 = gridded(x0, oddStroke: odd)
            x1 = x0
            y0 = y0.rounded()
            y1 = y1.rounded()
        }
        cairo_device_to_user(cr, &x0, &y0)
        cairo_device_to_user(cr, &x1, &y1)
        return (Point(x0, y0), Point(x1, y1))
    }

    private func setColor(_ c: Color) {
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
    }

    private func fillAndStroke(fill: Color?, stroke: Color?, width: Double, dash: [Double]) {
        if let fill {
            setColor(fill)
            if stroke != nil && width > 0 { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke, width > 0 {
            setColor(stroke)
            cairo_set_line_width(cr, width)
            dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
            cairo_stroke(cr)
            cairo_set_dash(cr, nil, 0, 0)
        }
        cairo_new_path(cr)
    }

    private func drawText(_ t: TextMark) {
        layout.set(t.text, font: t.font)
        let extent = layout.extent()
        let shift: Double
        switch t.anchor {
        case .start: shift = 0
        case .middle: shift = extent.width / 2
        case .end: shift = extent.width
        }
        cairo_save(cr)
        cairo_translate(cr, t.x, t.y)
        if t.angle != 0 { cairo_rotate(cr, -t.angle * Double.pi / 180) }
        cairo_move_to(cr, -shift, -extent.ascent)
        setColor(t.color)
        pango_cairo_show_layout(cr, layout.pointer)
        cairo_restore(cr)
    }
}
