import PlotlineScene

/// Writes a scene as SVG text: text stays `<text>`, every id carries the chart's name as a
/// prefix so several charts can be inlined in one page, and numbers are printed with a
/// fixed precision so output is byte-identical across runs and machines.
public struct SVGRenderer: SceneRenderer {
    public init() {}

    public func render(_ scene: Scene) throws -> [UInt8] {
        var w = SVGWriter(prefix: SVGRenderer.idPrefix(scene.name))
        w.document(scene)
        return w.out
    }

    public func string(_ scene: Scene) -> String {
        String(decoding: (try? render(scene)) ?? [], as: UTF8.self)
    }

    /// Ids must be valid XML names: letters, digits, `-`, `_`; a leading digit gets a prefix.
    static func idPrefix(_ name: String) -> String {
        var s = String(name.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return (c.isASCII && (c.isLetter || c.isNumber)) || c == "-" || c == "_" ? c : "-"
        })
        if s.isEmpty || !(s.first!.isLetter) { s = "c-" + s }
        return s
    }
}

/// Escapes the five XML special characters and drops characters XML 1.0 forbids.
public func escape(_ text: String) -> String {
    var w = SVGWriter(prefix: "")
    w.escaped(text)
    return String(decoding: w.out, as: UTF8.self)
}

/// Numbers with at most two decimals and no trailing zeros: short, stable, exact enough.
func num(_ v: Double) -> String {
    var w = SVGWriter(prefix: "")
    w.number(v)
    return String(decoding: w.out, as: UTF8.self)
}

/// Writes SVG straight into bytes: no intermediate strings on the hot path.
struct SVGWriter {
    let prefix: String
    var out: [UInt8] = []
    private var clipCount = 0

    init(prefix: String) {
        self.prefix = prefix
        out.reserveCapacity(8192)
    }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    mutating func raw(_ s: String) {
        out.append(contentsOf: s.utf8)
    }

    mutating func escaped(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": raw("&amp;")
            case "<": raw("&lt;")
            case ">": raw("&gt;")
            case "\"": raw("&quot;")
            case "'": raw("&#39;")
            default:
                let v = scalar.value
                let allowed = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                if allowed { out.append(contentsOf: UTF8.encode(scalar)!) }
            }
        }
    }

    mutating func number(_ v: Double) {
        guard v.isFinite else {
            out.append(48)
            return
        }
        // Coordinates beyond any canvas are clamped: they draw the same and always print.
        let scaled = (max(-1e15, min(1e15, v)) * 100).rounded()
        if scaled == 0 {
            out.append(48)
            return
        }
        if scaled < 0 { out.append(45) }
        let magnitude = UInt64(abs(scaled))
        integer(magnitude / 100)
        let frac = magnitude % 100
        if frac != 0 {
            out.append(46)
            out.append(48 + UInt8(frac / 10))
            if frac % 10 != 0 { out.append(48 + UInt8(frac % 10)) }
        }
    }

    mutating func integer(_ v: UInt64) {
        if v >= 10 { integer(v / 10) }
        out.append(48 + UInt8(v % 10))
    }

    mutating func hex(_ c: Color) {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(35)
        for component in [c.r, c.g, c.b] {
            let v = Int((max(0, min(1, component)) * 255).rounded())
            out.append(digits[v >> 4])
            out.append(digits[v & 15])
        }
    }

    mutating func id(_ local: StaticString) {
        raw(prefix)
        out.append(45)
        raw(local)
    }

    mutating func attribute(_ name: StaticString, _ value: Double) {
        out.append(32)
        raw(name)
        raw("=\"")
        number(value)
        out.append(34)
    }

    mutating func document(_ scene: Scene) {
        raw("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        attribute("width", scene.width)
        attribute("height", scene.height)
        raw(" viewBox=\"0 0 ")
        number(scene.width)
        out.append(32)
        number(scene.height)
        raw("\" role=\"img\" aria-labelledby=\"")
        id("title")
        out.append(32)
        id("desc")
        raw("\">\n<title id=\"")
        id("title")
        raw("\">")
        escaped(scene.title)
        raw("</title>\n<desc id=\"")
        id("desc")
        raw("\">")
        escaped(scene.description)
        raw("</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"")
        hex(scene.background)
        raw("\"/>\n")
        write(scene.marks)
        raw("</svg>\n")
    }

    mutating func write(_ marks: [Mark]) {
        for mark in marks {
            switch mark {
            case .group(let g):
                var clipID: String?
                if let clip = g.clip {
                    // The clip path is defined just before the group that uses it.
                    clipCount += 1
                    clipID = "\(prefix)-clip\(clipCount)"
                    raw("<clipPath id=\"")
                    raw(clipID!)
                    raw("\"><rect")
                    attribute("x", clip.x)
                    attribute("y", clip.y)
                    attribute("width", clip.width)
                    attribute("height", clip.height)
                    raw("/></clipPath>\n")
                }
                raw("<g class=\"")
                escaped(g.name)
                out.append(34)
                if let clipID {
                    raw(" clip-path=\"url(#")
                    raw(clipID)
                    raw(")\"")
                }
                raw(">\n")
                write(g.marks)
                raw("</g>\n")
            case .rect(let r):
                raw("<rect")
                attribute("x", r.rect.x)
                attribute("y", r.rect.y)
                attribute("width", r.rect.width)
                attribute("height", r.rect.height)
                paint(fill: r.fill, stroke: r.stroke, width: r.strokeWidth, dash: r.dash)
                raw("/>\n")
            case .rule(let r):
                raw("<line")
                attribute("x1", r.from.x)
                attribute("y1", r.from.y)
                attribute("x2", r.to.x)
                attribute("y2", r.to.y)
                paint(fill: nil, stroke: r.stroke, width: r.width, dash: r.dash)
                raw("/>\n")
            case .path(let p):
                guard !p.points.isEmpty else { continue }
                raw("<path d=\"")
                for (i, q) in p.points.enumerated() {
                    out.append(i == 0 ? 77 : 76)  // M, L
                    number(q.x)
                    out.append(44)
                    number(q.y)
                }
                if p.closed { out.append(90) }
                out.append(34)
                paint(fill: p.fill, stroke: p.stroke, width: p.width, dash: p.dash)
                if p.stroke != nil { raw(" stroke-linejoin=\"round\" stroke-linecap=\"round\"") }
                raw("/>\n")
            case .symbol(let s):
                raw("<circle")
                attribute("cx", s.center.x)
                attribute("cy", s.center.y)
                attribute("r", s.radius)
                paint(fill: s.fill, stroke: s.stroke, width: s.strokeWidth, dash: [])
                raw("/>\n")
            case .text(let t):
                raw("<text")
                attribute("x", t.x)
                attribute("y", t.y)
                if t.anchor != .start {
                    raw(" text-anchor=\"")
                    raw(t.anchor.rawValue)
                    out.append(34)
                }
                raw(" font-family=\"")
                escaped(t.font.family)
                out.append(34)
                attribute("font-size", t.font.size)
                if t.font.weight == .bold { raw(" font-weight=\"bold\"") }
                raw(" fill=\"")
                hex(t.color)
                out.append(34)
                if t.color.a < 1 { attribute("fill-opacity", t.color.a) }
                if t.angle != 0 {
                    raw(" transform=\"rotate(")
                    number(-t.angle)
                    out.append(32)
                    number(t.x)
                    out.append(32)
                    number(t.y)
                    raw(")\"")
                }
                out.append(62)
                escaped(t.text)
                raw("</text>\n")
            }
        }
    }

    private mutating func paint(fill: Color?, stroke: Color?, width: Double, dash: [Double]) {
        if let fill {
            raw(" fill=\"")
            hex(fill)
            out.append(34)
            if fill.a < 1 { attribute("fill-opacity", fill.a) }
        } else {
            raw(" fill=\"none\"")
        }
        if let stroke, width > 0 {
            raw(" stroke=\"")
            hex(stroke)
            out.append(34)
            attribute("stroke-width", width)
            if stroke.a < 1 { attribute("stroke-opacity", stroke.a) }
            if !dash.isEmpty {
                raw(" stroke-dasharray=\"")
                for (i, d) in dash.enumerated() {
                    if i > 0 { out.append(32) }
                    number(d)
                }
                out.append(34)
            }
        }
    }
}
