import Foundation
import PlotlineCairo
import PlotlineCharts
import PlotlineReport
import PlotlineSVG
import PlotlineScene
import PlotlineTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects what an XML parse sees, to check SVG structure.
final class SVGInspector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text: [String: String] = [:]
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        current = name
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text[current, default: ""] += string
    }

    static func inspect(_ svg: [UInt8]) -> SVGInspector? {
        let parser = XMLParser(data: Data(svg))
        let inspector = SVGInspector()
        parser.delegate = inspector
        return parser.parse() ? inspector : nil
    }
}

@Suite struct SVGTests {
    @Test(arguments: Fixtures.all.map(\.name))
    func wellFormedAccessibleAndPrefixed(name: String) throws {
        let spec = Fixtures.all.first { $0.name == name }!
        let r = Fixtures.renderer
        let svg = try r.render(try r.scene(spec), as: .svg)
        let inspector = try #require(SVGInspector.inspect(svg), "the SVG does not parse")
        let root = try #require(inspector.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        let labelled = try #require(root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        let ids = inspector.elements.compactMap { $0.attributes["id"] }
        #expect(Set(labelled).isSubset(of: Set(ids)))
        for id in ids { #expect(id.hasPrefix(name + "-"), "id \(id)") }
        #expect(inspector.elements.contains { $0.name == "title" })
        #expect(inspector.elements.contains { $0.name == "desc" })
        #expect(inspector.elements.filter { $0.name == "text" }.count >= 3)
    }

    @Test func hostileTextIsEscaped() throws {
        let r = Fixtures.renderer
        let svg = String(decoding: try r.render(try r.scene(Fixtures.hostileTitle), as: .svg), as: UTF8.self)
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;/svg&gt;&lt;script&gt;"))
        #expect(SVGInspector.inspect(Array(svg.utf8)) != nil)
        #expect(escape("a\u{0}b\u{1}c") == "abc")
    }

    @Test func descriptionSaysWhatTheChartShows() throws {
        let scene = try Fixtures.renderer.scene(Fixtures.poverty)
        #expect(scene.description == "Rural poor population fell from 98.99 million at the end of 2012 to none at the end of 2020.")
    }

    @Test func sameSceneSameBytesWhateverTheOrder() throws {
        let r1 = Fixtures.renderer
        let forward = try Fixtures.all.map { try r1.render(try r1.scene($0), as: .svg) }
        let r2 = Fixtures.renderer
        let backward = try Fixtures.all.reversed().map { try r2.render(try r2.scene($0), as: .svg) }
        #expect(forward == Array(backward.reversed()))
        let r3 = Fixtures.renderer
        let pngA = try Fixtures.all.map { try r3.render(try r3.scene($0), as: .png) }
        let pngB = try Fixtures.all.reversed().map { try r3.render(try r3.scene($0), as: .png) }
        #expect(pngA == Array(pngB.reversed()))
    }

    @Test func reusedPNGBuffersGiveTheBytesOfFreshOnes() throws {
        let shared = Fixtures.renderer
        for spec in Fixtures.all + Fixtures.all {
            let scene = try shared.scene(spec)
            #expect(try shared.render(scene, as: .png) == (try CairoRenderer(format: .png).render(scene)), "\(spec.name)")
        }
        // A transparent chart drawn on the surface an opaque one just used keeps none of its pixels.
        let opaque = try shared.scene(Fixtures.income)
        var clear = opaque
        clear.background = Color(r: 1, g: 1, b: 1, a: 0)
        _ = try shared.render(opaque, as: .png)
        let reused = try shared.render(clear, as: .png)
        #expect(reused == (try CairoRenderer(format: .png).render(clear)))
        #expect(reused != (try shared.render(opaque, as: .png)))
    }

    @Test func barsAndGridLinesAreCrispInPNG() throws {
        // Edges between pixels: a bar from x 10.3 to 50.6 and a 1-point rule at y 60.25.
        let scene = Scene(
            name: "crisp", width: 80, height: 80, title: "t", description: "d",
            marks: [
                .rect(RectMark(rect: Rect(x: 10.3, y: 10.4, width: 40.3, height: 30.3), fill: Color(r: 0, g: 0.4, b: 0.7))),
                .rule(RuleMark(from: Point(5.2, 60.25), to: Point(70.7, 60.25), stroke: Color(r: 0.5, g: 0.5, b: 0.5), width: 1)),
            ])
        let image = try RasterImage.render(scene)
        var colours = Set<[UInt8]>()
        for i in stride(from: 0, to: image.rgba.count, by: 4) { colours.insert(Array(image.rgba[i..<i + 4])) }
        #expect(colours.count == 3, "white, the bar and the rule, with no blended edge pixels: \(colours.count) colours")
    }

    @Test func pdfIsReproducibleAndHonoursSourceDateEpoch() throws {
        let r = Fixtures.renderer
        let scene = try r.scene(Fixtures.income)
        let a = try r.render(scene, as: .pdf)
        let b = try r.render(scene, as: .pdf)
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("/CreationDate (20000101000000Z)"))
    }
}

/// Goldens: scene JSON (numeric tolerance), SVG (exact), PNG (RMS tolerance, diff image on
/// failure). Record again with PLOTLINE_RECORD=1 after a deliberate change, and look at them.
@Suite struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static let goldenSpecs = [Fixtures.poverty, Fixtures.income, Fixtures.provinces]

    static func compareJSON(_ a: Any, _ b: Any, path: String, tolerance: Double) -> [String] {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            guard Set(x.keys) == Set(y.keys) else { return ["\(path): keys \(x.keys.sorted()) vs \(y.keys.sorted())"] }
            return x.keys.sorted().flatMap { compareJSON(x[$0]!, y[$0]!, path: path + "." + $0, tolerance: tolerance) }
        case (let x as [Any], let y as [Any]):
            guard x.count == y.count else { return ["\(path): \(x.count) items vs \(y.count)"] }
            return zip(x, y).enumerated().flatMap { compareJSON($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]", tolerance: tolerance) }
        case (let x as NSNumber, let y as NSNumber) where !(x is Bool):
            return abs(x.doubleValue - y.doubleValue) <= tolerance ? [] : ["\(path): \(x) vs \(y)"]
        case (let x as String, let y as String):
            return x == y ? [] : ["\(path): \(x) vs \(y)"]
        default:
            return "\(a)" == "\(b)" ? [] : ["\(path): \(a) vs \(b)"]
        }
    }

    @Test(arguments: goldenSpecs.map(\.name))
    func sceneMatchesGolden(name: String) throws {
        let spec = GoldenTests.goldenSpecs.first { $0.name == name }!
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(try Fixtures.renderer.scene(spec))
        let url = GoldenTests.folder.appendingPathComponent("\(name).scene.json")
        if TestSupport.recording { try data.write(to: url); return }
        let golden = try Data(contentsOf: url)
        let differences = GoldenTests.compareJSON(
            try JSONSerialization.jsonObject(with: data), try JSONSerialization.jsonObject(with: golden), path: name, tolerance: 1e-6)
        #expect(differences.isEmpty, "\(differences.prefix(10).joined(separator: "\n"))")
    }

    @Test(arguments: goldenSpecs.map(\.name))
    func svgMatchesGoldenExactly(name: String) throws {
        let spec = GoldenTests.goldenSpecs.first { $0.name == name }!
        let r = Fixtures.renderer
        let svg = Data(try r.render(try r.scene(spec), as: .svg))
        let url = GoldenTests.folder.appendingPathComponent("\(name).svg")
        if TestSupport.recording { try svg.write(to: url); return }
        #expect(svg == (try Data(contentsOf: url)))
    }

    @Test(arguments: goldenSpecs.map(\.name))
    func pngMatchesGoldenWithinRMS(name: String) throws {
        let spec = GoldenTests.goldenSpecs.first { $0.name == name }!
        let r = Fixtures.renderer
        let scene = try r.scene(spec)
        let url = GoldenTests.folder.appendingPathComponent("\(name).png")
        if TestSupport.recording { try Data(try r.render(scene, as: .png)).write(to: url); return }
        let actual = try RasterImage.render(scene)
        let expected = try RasterImage.load(png: url.path)
        let rms = try #require(RasterImage.rms(actual, expected), "sizes differ: \(actual.width)x\(actual.height) vs \(expected.width)x\(expected.height)")
        if rms > 2.0 {
            let diff = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-diff.png")
            try Data(try RasterImage.diffPNG(actual, expected)).write(to: diff)
            Issue.record("RMS \(rms) > 2.0; the amplified difference is at \(diff.path)")
        }
    }

    @Test func encodedPNGDecodesToTheSamePixels() throws {
        let r = Fixtures.renderer
        let scene = try r.scene(Fixtures.income)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-roundtrip-\(UUID().uuidString).png")
        try Data(try r.render(scene, as: .png)).write(to: url)
        let decoded = try RasterImage.load(png: url.path)
        let direct = try RasterImage.render(scene)
        #expect(RasterImage.rms(decoded, direct) == 0)
    }
}
