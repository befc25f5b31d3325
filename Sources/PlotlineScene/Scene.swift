import Foundation

/// The scene graph: plain, device-independent marks in points. Backends draw it; layout
/// code builds it; tests inspect it. Nothing here knows about Cairo, SVG or data.

public struct Point: Hashable, Codable, Sendable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

public struct Rect: Hashable, Codable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    public func intersects(_ o: Rect) -> Bool {
        x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY
    }

    public func contains(_ o: Rect, tolerance: Double = 0.01) -> Bool {
        o.x >= x - tolerance && o.y >= y - tolerance && o.maxX <= maxX + tolerance && o.maxY <= maxY + tolerance
    }

    public func insetBy(_ d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }
}

/// An sRGB colour with alpha, written as `#rrggbb` when opaque.
public struct Color: Hashable, Codable, Sendable {
    public var r: Double
    public var g: Double
    public var b: Double
    public var a: Double

    public init(r: Double, g: Double, b: Double, a: Double = 1) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// `#rrggbb`; anything malformed is black, so callers validate user colours first.
    public init(hex: String) {
        var digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        if digits.count != 6 || UInt32(digits, radix: 16) == nil { digits = "000000" }
        let v = UInt32(digits, radix: 16)!
        self.init(
            r: Double((v >> 16) & 0xff) / 255, g: Double((v >> 8) & 0xff) / 255, b: Double(v & 0xff) / 255)
    }

    public var hex: String {
        func h(_ c: Double) -> String {
            let v = Int((max(0, min(1, c)) * 255).rounded())
            let s = String(v, radix: 16)
            return v < 16 ? "0" + s : s
        }
        return "#" + h(r) + h(g) + h(b)
    }

    /// WCAG 2 relative luminance.
    public var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// WCAG 2 contrast ratio between two opaque colours, from 1 to 21.
    public static func contrast(_ a: Color, _ b: Color) -> Double {
        let la = a.luminance
        let lb = b.luminance
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    public static let black = Color(r: 0, g: 0, b: 0)
    public static let white = Color(r: 1, g: 1, b: 1)
}

public enum FontWeight: String, Codable, Sendable {
    case regular, bold
}

public struct Font: Hashable, Codable, Sendable {
    /// A CSS/fontconfig family list; the first that has a glyph wins, per glyph.
    public var family: String
    public var size: Double
    public var weight: FontWeight

    public init(family: String = Font.defaultFamily, size: Double, weight: FontWeight = .regular) {
        self.family = family
        self.size = size
        self.weight = weight
    }

    /// Families installed by `make run`: DejaVu Sans for Latin, WenQuanYi Micro Hei for CJK.
    public static let defaultFamily = "DejaVu Sans, WenQuanYi Micro Hei, sans-serif"
}

public enum TextAnchor: String, Codable, Sendable {
    case start, middle, end
}

public struct TextMark: Hashable, Codable, Sendable {
    public var text: String
    /// Anchor point: `x` is where `anchor` sits, `y` is the baseline.
    public var x: Double
    public var y: Double
    public var anchor: TextAnchor
    public var font: Font
    public var color: Color
    /// Rotation in degrees, counter-clockwise positive as a reader sees it (-90 reads bottom-up).
    public var angle: Double
    /// What the text is for: title, subtitle, source, tick, label, legend. Tests and the SVG use it.
    public var role: String
    /// Extent measured when the scene was laid out, so checks need no font machinery.
    public var width: Double
    public var ascent: Double
    public var descent: Double

    public init(
        text: String, x: Double, y: Double, anchor: TextAnchor = .start, font: Font, color: Color,
        angle: Double = 0, role: String, width: Double, ascent: Double, descent: Double
    ) {
        self.text = text
        self.x = x
        self.y = y
        self.anchor = anchor
        self.font = font
        self.color = color
        self.angle = angle
        self.role = role
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }

    /// The box the text occupies on the page, rotation included.
    public var bounds: Rect {
        let shift: Double
        switch anchor {
        case .start: shift = 0
        case .middle: shift = width / 2
        case .end: shift = width
        }
        if angle == 0 {
            return Rect(x: x - shift, y: y - ascent, width: width, height: ascent + descent)
        }
        // Only quarter turns are laid out; they are what axis labels use.
        if angle == 90 || angle == -270 {
            // Reads bottom-up: the text's advance runs towards negative y.
            return Rect(x: x - ascent, y: y - width + shift, width: ascent + descent, height: width)
        }
        return Rect(x: x - descent, y: y - shift, width: ascent + descent, height: width)
    }
}

public struct RectMark: Hashable, Codable, Sendable {
    public var rect: Rect
    public var fill: Color?
    public var stroke: Color?
    public var strokeWidth: Double
    public var dash: [Double]
    public var role: String

    public init(rect: Rect, fill: Color?, stroke: Color? = nil, strokeWidth: Double = 0, dash: [Double] = [], role: String = "") {
        self.rect = rect
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.dash = dash
        self.role = role
    }
}

public struct RuleMark: Hashable, Codable, Sendable {
    public var from: Point
    public var to: Point
    public var stroke: Color
    public var width: Double
    public var dash: [Double]
    public var role: String

    public init(from: Point, to: Point, stroke: Color, width: Double, dash: [Double] = [], role: String = "") {
        self.from = from
        self.to = to
        self.stroke = stroke
        self.width = width
        self.dash = dash
        self.role = role
    }
}

public struct PathMark: Hashable, Codable, Sendable {
    public var points: [Point]
    public var closed: Bool
    public var stroke: Color?
    public var width: Double
    public var fill: Color?
    public var dash: [Double]
    public var role: String

    public init(points: [Point], closed: Bool = false, stroke: Color?, width: Double, fill: Color? = nil, dash: [Double] = [], role: String = "") {
        self.points = points
        self.closed = closed
        self.stroke = stroke
        self.width = width
        self.fill = fill
        self.dash = dash
        self.role = role
    }
}

public struct SymbolMark: Hashable, Codable, Sendable {
    public var center: Point
    public var radius: Double
    public var fill: Color?
    public var stroke: Color?
    public var strokeWidth: Double
    public var role: String

    public init(center: Point, radius: Double, fill: Color?, stroke: Color?, strokeWidth: Double, role: String = "") {
        self.center = center
        self.radius = radius
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.role = role
    }
}

public struct GroupMark: Hashable, Codable, Sendable {
    public var name: String
    public var clip: Rect?
    public var marks: [Mark]

    public init(name: String, clip: Rect? = nil, marks: [Mark]) {
        self.name = name
        self.clip = clip
        self.marks = marks
    }
}

/// One mark. Encoded as `{"type": "text", ...fields}` so scene JSON reads like Vega's.
public enum Mark: Hashable, Sendable {
    case group(GroupMark)
    case rect(RectMark)
    case rule(RuleMark)
    case path(PathMark)
    case symbol(SymbolMark)
    case text(TextMark)
}

extension Mark: Codable {
    private enum Key: String, CodingKey { case type }

    public init(from decoder: Decoder) throws {
        let type = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .type)
        switch type {
        case "group": self = .group(try GroupMark(from: decoder))
        case "rect": self = .rect(try RectMark(from: decoder))
        case "rule": self = .rule(try RuleMark(from: decoder))
        case "path": self = .path(try PathMark(from: decoder))
        case "symbol": self = .symbol(try SymbolMark(from: decoder))
        case "text": self = .text(try TextMark(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: try decoder.container(keyedBy: Key.self), debugDescription: "unknown mark type '\(type)'")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .group(let m): try c.encode("group", forKey: .type); try m.encode(to: encoder)
        case .rect(let m): try c.encode("rect", forKey: .type); try m.encode(to: encoder)
        case .rule(let m): try c.encode("rule", forKey: .type); try m.encode(to: encoder)
        case .path(let m): try c.encode("path", forKey: .type); try m.encode(to: encoder)
        case .symbol(let m): try c.encode("symbol", forKey: .type); try m.encode(to: encoder)
        case .text(let m): try c.encode("text", forKey: .type); try m.encode(to: encoder)
        }
    }
}

/// A whole chart, ready for any backend.
public struct Scene: Hashable, Codable, Sendable {
    /// The chart's name; prefixes every id in the SVG so several charts can share a page.
    public var name: String
    public var width: Double
    public var height: Double
    public var background: Color
    /// Accessible title and a sentence that says what the chart shows (alt text).
    public var title: String
    public var description: String
    public var marks: [Mark]

    public init(name: String, width: Double, height: Double, background: Color = .white, title: String, description: String, marks: [Mark]) {
        self.name = name
        self.width = width
        self.height = height
        self.background = background
        self.title = title
        self.description = description
        self.marks = marks
    }

    /// Every text mark, groups flattened, in drawing order.
    public var texts: [TextMark] {
        var out: [TextMark] = []
        func walk(_ marks: [Mark]) {
            for m in marks {
                switch m {
                case .text(let t): out.append(t)
                case .group(let g): walk(g.marks)
                default: break
                }
            }
        }
        walk(marks)
        return out
    }
}

public struct TextExtent: Hashable, Sendable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    /// Glyphs no installed font could draw (tofu boxes).
    public var unknownGlyphs: Int

    public init(width: Double, ascent: Double, descent: Double, unknownGlyphs: Int = 0) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.unknownGlyphs = unknownGlyphs
    }
}

/// How layout learns the size of text. The Cairo backend answers with Pango.
public protocol TextMeasurer {
    func measure(_ text: String, font: Font) -> TextExtent
}

/// The interface every backend implements: draw a whole scene into bytes.
public protocol SceneRenderer {
    func render(_ scene: Scene) throws -> [UInt8]
}
