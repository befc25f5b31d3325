import PlotlineScene

/// Writes a scene as SVG text: text stays `<text>`, every id carries the chart's name as a
/// prefix so several charts can be inlined in one page, and numbers are printed with a
/// fixed precision so output is byte-identical across runs and machines.
public struct SVGRenderer: SceneRenderer {
    public init() {}

    public func render(_ scene: Scene) throws -> [UInt8] {
        Array(string(scene).utf8)
    }

    public func string(_ scene: Scene) -> String {
        var w = SVGWriter(prefix: SVGRenderer.idPrefix(scene.name))
        let titleID = w.id("title")
        let descID = w.id("desc")
        w.out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(num(scene.width))\" height=\"\(num(scene.height))\" "
        w.out += "viewBox=\"0 0 \(num(scene.width)) \(num(scene.height))\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\">\n"
        w.out += "<title id=\"\(titleID)\">\(escape(scene.title))</title>\n"
        w.out += "<desc id=\"\(descID)\">\(escape(scene.description))</desc>\n"
        w.out += "<rect width=\"100%\" height=\"100%\" fill=\"\(scene.background.hex)\"/>\n"
        w.write(scene.marks, depth: 0)
        w.out += "</svg>\n"
        return w.out
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
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default:
            let v = scalar.value
            let allowed = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
            if allowed { out.unicodeScalars.append(scalar) }
        }
    }
    return out
}

/// Numbers with at most two decimals and no trailing zeros: short, stable, exact enough.
func num(_ v: Double) -> String {
    guard v.isFinite else { return "0" }
    let scaled = (v * 100).rounded()
    if scaled == 0 { return "0" }
    let negative = scaled < 0
    let magnitude = Int64(abs(scaled))
    let whole = magnitude / 100
    let frac = magnitude % 100
    var s = negative ? "-" : ""
    s += String(whole)
    if frac != 0 {
        s += "."
        s += frac < 10 ? "0\(frac)" : (frac % 10 == 0 ? "\(frac / 10)" : "\(frac)")
    }
    return s
}

struct SVGWriter {
    let prefix: String
    var out = ""
    private var clipCount = 0

    init(prefix: String) { self.prefix = prefix }

    func id(_ local: String) -> String { "\(prefix)-\(local)" }

    mutating func write(_ marks: [Mark], depth: Int) {
        for mark in marks {
            switch mark {
            case .group(let g):
                var attrs = " class=\"\(escape(g.name))\""
                if let clip = g.clip {
                    clipCount += 1
                    let clipID = id("clip\(clipCount)")
                    out += "<clipPath id=\"\(clipID)\"><rect x=\"\(num(clip.x))\" y=\"\(num(clip.y))\" width=\"\(num(clip.width))\" height=\"\(num(clip.height))\"/></clipPath>\n"
                    attrs += " clip-path=\"url(#\(clipID))\""
                }
                out += "<g\(attrs)>\n"
                write(g.marks, depth: depth + 1)
                out += "</g>\n"
            case .rect(let r):
                out += "<rect x=\"\(num(r.rect.x))\" y=\"\(num(r.rect.y))\" width=\"\(num(r.rect.width))\" height=\"\(num(r.rect.height))\""
                out += paint(fill: r.fill, stroke: r.stroke, width: r.strokeWidth, dash: r.dash) + "/>\n"
            case .rule(let r):
                out += "<line x1=\"\(num(r.from.x))\" y1=\"\(num(r.from.y))\" x2=\"\(num(r.to.x))\" y2=\"\(num(r.to.y))\""
                out += paint(fill: nil, stroke: r.stroke, width: r.width, dash: r.dash) + "/>\n"
            case .path(let p):
                guard !p.points.isEmpty else { continue }
                var d = ""
                d.reserveCapacity(p.points.count * 14)
                for (i, q) in p.points.enumerated() {
                    d += i == 0 ? "M" : "L"
                    d += num(q.x)
                    d += ","
                    d += num(q.y)
                }
                if p.closed { d += "Z" }
                out += "<path d=\"\(d)\"" + paint(fill: p.fill, stroke: p.stroke, width: p.width, dash: p.dash)
                if p.stroke != nil { out += " stroke-linejoin=\"round\" stroke-linecap=\"round\"" }
                out += "/>\n"
            case .symbol(let s):
                out += "<circle cx=\"\(num(s.center.x))\" cy=\"\(num(s.center.y))\" r=\"\(num(s.radius))\""
                out += paint(fill: s.fill, stroke: s.stroke, width: s.strokeWidth, dash: []) + "/>\n"
            case .text(let t):
                out += "<text x=\"\(num(t.x))\" y=\"\(num(t.y))\""
                if t.anchor != .start { out += " text-anchor=\"\(t.anchor.rawValue)\"" }
                out += " font-family=\"\(escape(t.font.family))\" font-size=\"\(num(t.font.size))\""
                if t.font.weight == .bold { out += " font-weight=\"bold\"" }
                out += " fill=\"\(t.color.hex)\""
                if t.color.a < 1 { out += " fill-opacity=\"\(num(t.color.a))\"" }
                if t.angle != 0 { out += " transform=\"rotate(\(num(-t.angle)) \(num(t.x)) \(num(t.y)))\"" }
                out += ">\(escape(t.text))</text>\n"
            }
        }
    }

    private func paint(fill: Color?, stroke: Color?, width: Double, dash: [Double]) -> String {
        var s = ""
        if let fill {
            s += " fill=\"\(fill.hex)\""
            if fill.a < 1 { s += " fill-opacity=\"\(num(fill.a))\"" }
        } else {
            s += " fill=\"none\""
        }
        if let stroke, width > 0 {
            s += " stroke=\"\(stroke.hex)\" stroke-width=\"\(num(width))\""
            if stroke.a < 1 { s += " stroke-opacity=\"\(num(stroke.a))\"" }
            if !dash.isEmpty { s += " stroke-dasharray=\"\(dash.map(num).joined(separator: " "))\"" }
        }
        return s
    }
}
