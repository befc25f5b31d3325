import CCairo
import PlotlineScene

/// Owns a Pango layout and the font description it was last given.
final class PangoLayout {
    let pointer: OpaquePointer
    private var fontKey: Font?

    init(context: CairoContext) throws {
        guard let layout = pango_cairo_create_layout(context.pointer) else {
            throw CairoError.context("Pango could not create a layout")
        }
        pointer = layout
        // Unhinted metrics keep text the same width at every scale and in every format.
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            pango_cairo_context_set_font_options(pango_layout_get_context(layout), options)
            cairo_font_options_destroy(options)
        }
        pango_layout_context_changed(layout)
    }

    func set(_ text: String, font: Font) {
        if fontKey != font {
            let description = pango_font_description_new()
            pango_font_description_set_family(description, font.family)
            pango_font_description_set_weight(description, font.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
            pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
            pango_layout_set_font_description(pointer, description)
            pango_font_description_free(description)
            fontKey = font
        }
        pango_layout_set_text(pointer, text, -1)
    }

    func extent() -> TextExtent {
        var logical = PangoRectangle()
        pango_layout_get_extents(pointer, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let baseline = Double(pango_layout_get_baseline(pointer)) / scale
        return TextExtent(
            width: Double(logical.width) / scale, ascent: baseline,
            descent: Double(logical.height) / scale - baseline,
            unknownGlyphs: Int(pango_layout_get_unknown_glyphs_count(pointer)))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
}

/// Measures text with Pango and fontconfig, as the Cairo backend will draw it.
/// Not thread-safe: give each thread its own.
public final class PangoMeasurer: TextMeasurer {
    private let context: CairoContext
    private let layout: PangoLayout
    private struct Key: Hashable {
        var text: String
        var font: Font
    }
    private var cache: [Key: TextExtent] = [:]

    public init() throws {
        context = try CairoContext(try CairoSurface.image(width: 1, height: 1))
        layout = try PangoLayout(context: context)
    }

    public func measure(_ text: String, font: Font) -> TextExtent {
        let key = Key(text: text, font: font)
        if let hit = cache[key] { return hit }
        layout.set(text, font: font)
        let extent = layout.extent()
        cache[key] = extent
        return extent
    }
}
