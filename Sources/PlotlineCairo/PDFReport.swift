import CCairo
import Foundation
import PlotlineScene

/// A multi-page PDF report: a title, then each chart as vectors with its caption under it,
/// on A4 pages. Same reproducibility rules as single charts (fixed metadata dates).
public enum PDFReport {
    public struct Figure {
        public var scene: Scene
        public var caption: String
        public init(scene: Scene, caption: String) {
            self.scene = scene
            self.caption = caption
        }
    }

    public static func render(title: String, intro: String, figures: [Figure]) throws -> [UInt8] {
        let pageWidth = 595.0
        let pageHeight = 842.0
        let margin = 42.0
        let contentWidth = pageWidth - 2 * margin
        let sink = ByteSink()
        let box = Unmanaged.passUnretained(sink).toOpaque()
        return try withExtendedLifetime(sink) {
            let surface = try CairoSurface(checking: cairo_pdf_surface_create_for_stream(byteSinkWriter, box, pageWidth, pageHeight))
            let date = PDFDate.fixed()
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, date)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_MOD_DATE, date)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, title)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, "Plotline")
            do {
                let context = try CairoContext(surface)
                let cr = context.pointer
                let layout = try PangoLayout(context: context)
                let drawer = try SceneDrawer(context: context)
                func paragraph(_ text: String, font: Font, y: Double, color: Color) -> Double {
                    layout.set(text, font: font)
                    pango_layout_set_width(layout.pointer, Int32(contentWidth * Double(PANGO_SCALE)))
                    pango_layout_set_wrap(layout.pointer, PANGO_WRAP_WORD_CHAR)
                    var logical = PangoRectangle()
                    pango_layout_get_extents(layout.pointer, nil, &logical)
                    cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a)
                    cairo_move_to(cr, margin, y)
                    pango_cairo_show_layout(cr, layout.pointer)
                    pango_layout_set_width(layout.pointer, -1)
                    return y + Double(logical.height) / Double(PANGO_SCALE)
                }
                var y = margin
                y = paragraph(title, font: Font(size: 22, weight: .bold), y: y, color: Color(hex: "#1a1a1a")) + 8
                if !intro.isEmpty { y = paragraph(intro, font: Font(size: 10.5), y: y, color: Color(hex: "#444444")) + 12 }
                for figure in figures {
                    let scale = min(1, contentWidth / figure.scene.width)
                    let height = figure.scene.height * scale
                    if y + height + 60 > pageHeight - margin && y > margin + 1 {
                        cairo_show_page(cr)
                        y = margin
                    }
                    cairo_save(cr)
                    cairo_translate(cr, margin, y)
                    cairo_scale(cr, scale, scale)
                    cairo_rectangle(cr, 0, 0, figure.scene.width, figure.scene.height)
                    cairo_clip(cr)
                    try drawer.draw(figure.scene)
                    cairo_restore(cr)
                    y += height + 6
                    y = paragraph(figure.caption, font: Font(size: 9), y: y, color: Color(hex: "#444444")) + 22
                }
                cairo_show_page(cr)
                try context.check()
            }
            try surface.finish()
            return sink.bytes
        }
    }
}
