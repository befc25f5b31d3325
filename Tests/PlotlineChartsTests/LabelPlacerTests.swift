import PlotlineCharts
import PlotlineScene
import Testing

@Suite struct LabelPlacerTests {
    @Test func segmentIntersection() {
        let r = Rect(x: 10, y: 10, width: 10, height: 10)
        #expect(LabelPlacer.segmentIntersects(Point(0, 15), Point(30, 15), r))
        #expect(!LabelPlacer.segmentIntersects(Point(0, 0), Point(30, 5), r))
        #expect(LabelPlacer.segmentIntersects(Point(12, 12), Point(13, 13), r))
        #expect(!LabelPlacer.segmentIntersects(Point(0, 25), Point(30, 25), r))
    }

    @Test func labelAvoidsLineAndStaysInBounds() {
        let request = LabelPlacer.Request(anchor: Point(72, 117), width: 92, height: 29, gap: 8)
        let bounds = Rect(x: 10, y: 81.8, width: 780, height: 328)
        let segment = (Point(72, 117), Point(665, 393))
        let placed = LabelPlacer.place([request], obstacles: [Rect(x: 20, y: 107, width: 24, height: 14.5)], segments: [segment], bounds: bounds)
        let rect = try! #require(placed.first ?? nil)
        #expect(bounds.contains(rect))
        #expect(!LabelPlacer.segmentIntersects(segment.0, segment.1, rect))
    }

    @Test func secondLabelNeverOverlapsFirst() {
        let a = LabelPlacer.Request(anchor: Point(100, 100), width: 60, height: 20, gap: 8)
        let placed = LabelPlacer.place([a, a], obstacles: [], segments: [], bounds: Rect(x: 0, y: 0, width: 400, height: 400))
        let first = try! #require(placed[0])
        let second = try! #require(placed[1])
        #expect(!first.intersects(second))
    }

    @Test func noRoomMeansNoLabel() {
        let a = LabelPlacer.Request(anchor: Point(10, 10), width: 60, height: 20, gap: 8)
        let placed = LabelPlacer.place([a], obstacles: [], segments: [], bounds: Rect(x: 0, y: 0, width: 20, height: 20))
        #expect(placed == [nil])
    }
}
