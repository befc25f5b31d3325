import Foundation
import PlotlineCore
import PlotlineExtract
import Testing

let extractor = try! Extractor.standard(dateline: Day(2021, 2, 23))

func facts(_ text: String) -> [Fact] {
    extractor.extract(bytes: Array(text.utf8), source: "t.txt").facts
}

func places(_ text: String) -> [PlaceMention] {
    extractor.extract(bytes: Array(text.utf8), source: "t.txt").places
}

struct QuantityCase: CustomStringConvertible, Sendable {
    var text: String
    var value: Double
    var unit: String
    var qualifier: String = ""
    var quote: String? = nil
    var description: String { text }
}

@Suite struct QuantityTests {
    @Test(arguments: [
        QuantityCase(text: "there were still 98.99 million rural poor people.", value: 98_990_000, unit: "people", quote: "98.99 million rural poor people"),
        QuantityCase(text: "It received 18.4 billion yuan from the centre.", value: 18_400_000_000, unit: "yuan"),
        QuantityCase(text: "a poverty incidence rate of 10.2%.", value: 10.2, unit: "percent"),
        QuantityCase(text: "Income rose by 3.5 percent.", value: 3.5, unit: "percent", qualifier: "increase"),
        QuantityCase(text: "Growth slowed by 0.4 percentage points.", value: 0.4, unit: "percentage points"),
        QuantityCase(text: "832 poverty-stricken counties have taken off their hats.", value: 832, unit: "counties"),
        QuantityCase(text: "The fund paid RMB2,300 to each family.", value: 2300, unit: "yuan"),
        QuantityCase(text: "30,000 mu of new farmland is visible.", value: 30_000, unit: "mu"),
        QuantityCase(text: "They live 4,800 meters above sea level.", value: 4800, unit: "m", qualifier: ""),
        QuantityCase(text: "Nearly 100 million people have been lifted out of poverty.", value: 100_000_000, unit: "people", qualifier: "nearly"),
        QuantityCase(text: "more than 250,000 working teams were sent.", value: 250_000, unit: "teams", qualifier: "more than"),
        QuantityCase(text: "about 20 million poor people were covered.", value: 20_000_000, unit: "people", qualifier: "about"),
        QuantityCase(text: "at least 40 schools were built.", value: 40, unit: "schools", qualifier: "at least"),
        QuantityCase(text: "nearly a million people in Ningxia have moved.", value: 1_000_000, unit: "people", qualifier: "nearly"),
        QuantityCase(text: "The poverty standard was raised twice.", value: 2, unit: "times"),
        QuantityCase(text: "He moved his family of ten into eight houses.", value: 8, unit: "houses"),
        QuantityCase(text: "The couple earn more than 40,000 yuan a year.", value: 40_000, unit: "yuan/year", qualifier: "more than"),
        QuantityCase(text: "with a monthly income of more than 2,000 yuan.", value: 2000, unit: "yuan/month", qualifier: "more than"),
        QuantityCase(text: "She earns about 120 yuan of labor income every day.", value: 120, unit: "yuan/day", qualifier: "about"),
        QuantityCase(text: "He lived in a two-story building of 150 square meters.", value: 150, unit: "m2"),
        QuantityCase(text: "There is a 5-watt energy-saving lamp.", value: 5, unit: "watts"),
        QuantityCase(text: "The 1.4 billion Chinese are all cadres.", value: 1_400_000_000, unit: "people"),
        QuantityCase(text: "A ticket costs $12.50 at the gate.", value: 12.5, unit: "usd"),
        QuantityCase(text: "Exports reached US$3.2 billion.", value: 3_200_000_000, unit: "usd", quote: "US$3.2 billion"),
        QuantityCase(text: "The plan cost 47.7 billion U.S. dollars in all.", value: 47_700_000_000, unit: "usd"),
        QuantityCase(text: "Many lived on 1.25 US dollars a day.", value: 1.25, unit: "usd/day"),
        QuantityCase(text: "Spending was cut by 12 percent in the county.", value: 12, unit: "percent", qualifier: "decrease"),
        QuantityCase(text: "The rate was 4.1 percent, down 0.6 percentage points.", value: 0.6, unit: "percentage points", qualifier: "decrease"),
        QuantityCase(text: "The town set up 2 factories for the women.", value: 2, unit: "factories"),
        QuantityCase(text: "Some 40,000 rural dwellers found jobs.", value: 40_000, unit: "people", qualifier: "about"),
        QuantityCase(text: "After a 3.1-percent fall in spring, output grew.", value: 3.1, unit: "percent", quote: "3.1-percent"),
        QuantityCase(text: "The region holds nearly one fifth of the country's herds.", value: 20, unit: "percent", qualifier: "nearly", quote: "one fifth"),
        QuantityCase(text: "Two thirds of the villages have clinics.", value: 66.7, unit: "percent"),
        QuantityCase(text: "Half of the households grow tea.", value: 50, unit: "percent"),
        QuantityCase(text: "Its density was thrice the land's capacity.", value: 3, unit: "times"),
        QuantityCase(text: "The village sits 1,500m above sea level.", value: 1500, unit: "m", quote: "1,500m"),
        QuantityCase(text: "The farm nets 10,000 yuan (S$2,040) a year.", value: 2040, unit: "sgd/year", quote: "S$2,040"),
        QuantityCase(text: "Tickets cost HK$85 each.", value: 85, unit: "hkd"),
        QuantityCase(text: "Roads will link them within five to 10 years.", value: 5, unit: "years", qualifier: "range:10"),
        QuantityCase(text: "She earns 5,200 yuan ($760) a month now.", value: 5200, unit: "yuan/month"),
        QuantityCase(text: "She earns 5,200 yuan ($760) a month now.", value: 760, unit: "usd/month"),
    ])
    func numbersUnitsQualifiers(c: QuantityCase) throws {
        let found = facts(c.text)
        let f = try #require(found.first { $0.value == c.value }, "no fact with value \(c.value) in \(found)")
        #expect(f.unit == c.unit)
        #expect(f.qualifier == c.qualifier)
        if let q = c.quote { #expect(f.quote == q) }
    }

    @Test func rangesInWordsAndDigits() throws {
        let a = try #require(facts("The daily income is two to three thousand yuan.").first)
        #expect(a.value == 2000)
        #expect(a.qualifier == "range:3000")
        #expect(a.unit == "yuan/day")
        let b = try #require(facts("the springs four or five kilometers away").first)
        #expect(b.value == 4 && b.qualifier == "range:5" && b.unit == "km")
        let c = try #require(facts("the salary is 2000-4000 yuan per month.").first)
        #expect(c.value == 2000 && c.qualifier == "range:4000" && c.unit == "yuan/month")
    }

    @Test func offsetsAreUTF8Bytes() throws {
        let text = "“中文” — 98.99 million rural poor people"
        let f = try #require(facts(text).first)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[f.offset..<(f.offset + f.length)], as: UTF8.self) == f.quote)
        #expect(f.offset == Array("“中文” — ".utf8).count)
    }
}

@Suite struct NotFactTests {
    @Test(arguments: [
        "In 1928, the farmers got land.",
        "On February 4, 2021, he wrote a couplet.",
        "From December 29th to 30th, 2012, he came.",
        "the 18th National Congress was held.",
        "the 29-year-old Jin Susu received wages.",
        "Niu Baole, 46, had his wife ill.",
        "specific requirements for \"six precisions\" and \"five batches.\"",
        "the \"two things and three guarantees\" were met.",
        "the programme (2001-2010) was introduced.",
        "More than 90 years ago, in 1928, he wrote.",
        "In the 1980s the report alarmed leaders.",
        "(1) Solemn promise",
        "Document No. 1 was released.",
    ])
    func yieldsNoFact(text: String) {
        #expect(facts(text).isEmpty, "\(facts(text))")
    }
}

@Suite struct PeriodTests {
    @Test(arguments: [
        ("As of the end of 2012, there were still 98.99 million rural poor people.", "2012-12-31"),
        ("At the beginning of 2020, China still has 5.51 million rural poor.", "2020-01-01"),
        ("In 2015, 52 impoverished counties remained.", "2015"),
        ("From 2015 to 2020, he convened 7 consecutive thematic conferences.", "2015/2020"),
        ("In August 2020, 40 households moved.", "2020-08"),
        ("Last year 300 households moved.", "2020"),
        ("In the past eight years, nearly 100 million people have been lifted out of absolute poverty.", "2013/2021-02-23"),
    ])
    func periodsResolve(text: String, iso: String) throws {
        let f = try #require(facts(text).last)
        #expect(f.period?.iso == iso)
    }

    @Test func fromToPairsTakeTheirOwnYears() {
        let found = facts("The per capita net income has increased from 2,982 yuan in 2015 to 10,740 yuan in 2020, an average annual increase of 29.2%.")
        #expect(found.map(\.value) == [2982, 10740, 29.2])
        #expect(found.map { $0.period?.iso ?? "" } == ["2015", "2020", "2020"])
        #expect(found[0].metric == "per_capita_net_income")
        #expect(found[1].metric == "per_capita_net_income")
        #expect(found[2].metric == "average_annual_growth")
    }

    @Test func datelineIsFoundInTheText() {
        let text = "On February 21, 2021, a document was released.\n(Xinhua News Agency, Beijing, February 23, reporters Zhao Cheng)\nLast year 300 households moved."
        let found = try! Extractor.standard().extract(bytes: Array(text.utf8), source: "d.txt")
        #expect(found.facts.first?.period?.iso == "2020")
    }

    @Test func relativeDatesWithoutDatelineWarn() {
        let found = try! Extractor.standard().extract(bytes: Array("Last year 300 households moved.".utf8), source: "d.txt")
        #expect(found.facts.first?.period == nil)
        #expect(found.warnings.contains { $0.contains("--dateline") })
    }
}

@Suite struct PlaceTests {
    @Test func placesResolveThroughTheTextsOwnContext() {
        let p = places("In the rainy season, Fuping, Hebei, is warm. Walking into Shibadong Village, Huayuan County, western Hunan, she said. He came to Luotuowan Village in Fuping County.")
        let byName = Dictionary(p.map { ($0.name, $0.provinceCode) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["Fuping"] == "HE")
        #expect(byName["Hebei"] == "HE")
        #expect(byName["Shibadong Village"] == "HN")
        #expect(byName["Huayuan County"] == "HN")
        #expect(byName["Luotuowan Village"] == "HE")
        #expect(byName["Fuping County"] == "HE")
    }

    @Test func abbreviationListsResolveCollisions() {
        let p = places("These counties are located in the seven provinces of Gui, Sichuan, Gui, Yun, Gan, Ning, and Xin.")
        #expect(p.map(\.provinceCode) == ["GZ", "SC", "GX", "YN", "GS", "NX", "XJ"])
    }

    @Test func wordsThatOnlyLookLikePlaces() {
        #expect(places("Shanghai United: \"All poverty alleviation depends on the people\";").isEmpty)
        #expect(places("Liu Renxiang and her husband Lai Jilin took wedding photos.").isEmpty)
        #expect(places("Yu Jing, the first secretary, came.").isEmpty)
        #expect(places("The Qinghai-Tibet Plateau is growing green.").isEmpty)
    }

    @Test func laterMentionsUseEarlierResolution() {
        let p = places("This woman came from Taoyuan Village, Yuexi County, Liangshan Yi Autonomous Prefecture, Sichuan Province. The initiative started in Liangshan.")
        #expect(p.filter { $0.name == "Liangshan" }.map(\.provinceCode) == ["SC"])
        #expect(p.first { $0.name == "Liangshan Yi Autonomous Prefecture" }?.kind == "prefecture")
    }

    @Test func sentenceProvinceSettlesAnUnchainedPlace() {
        let p = places("At this time, Xiji County, the last impoverished county in Ningxia, was crossing the mountain.")
        #expect(p.first { $0.name == "Xiji County" }?.provinceCode == "NX")
    }
}

@Suite struct SeedTests {
    static let seed: [UInt8] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds/000_c24887c2ab1ac308.txt")
        return [UInt8](try! Data(contentsOf: url))
    }()

    @Test func headlineSeries() throws {
        let e = try Extractor.standard().extract(documents: [("000_c24887c2ab1ac308.txt", SeedTests.seed)])
        let poor = try #require(e.series.first { $0.metric == "rural_poor_population" && $0.entity == "China" })
        #expect(poor.points.map(\.period.iso) == ["2012-12-31", "2020-01-01", "2020-12-31"])
        #expect(poor.points.map(\.value) == [98_990_000, 5_510_000, 0])
        let income = try #require(e.series.first { $0.metric == "per_capita_net_income" })
        #expect(income.points.map(\.period.iso) == ["2015", "2020"])
        #expect(income.points.map(\.value) == [2982, 10740])
        #expect(income.statedAnnualGrowth == 29.2)
        #expect(!e.warnings.contains { $0.contains("conflict") })
    }

    @Test func quotesMatchTheirByteRanges() throws {
        let e = try Extractor.standard().extract(documents: [("s.txt", SeedTests.seed)])
        for f in e.facts {
            #expect(String(decoding: SeedTests.seed[f.offset..<(f.offset + f.length)], as: UTF8.self) == f.quote)
        }
        for p in e.places {
            #expect(String(decoding: SeedTests.seed[p.offset..<(p.offset + p.length)], as: UTF8.self) == p.name)
        }
    }

    @Test func datelineOfTheSeed() throws {
        let e = try Extractor.standard().extract(documents: [("s.txt", SeedTests.seed)])
        let lifted = try #require(e.facts.first { $0.metric == "people_lifted_out_of_poverty" })
        #expect(lifted.period?.iso == "2013/2021-02-23")
    }
}

@Suite struct RobustnessTests {
    @Test func arbitraryBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let ex = try! Extractor.standard()
        for length in [0, 1, 2, 3, 7, 64, 1000, 5000] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                _ = ex.extract(bytes: bytes, source: "random")
            }
        }
        // Text-like noise: digits, commas, units and quotes in random order.
        let pieces = ["1", "2,3", "00", ".", ",", " ", "million", "yuan", "%", "\"", "“", "-", "to", "from", "in", "2012", "County", "Village", "Hebei", "Gui", "\n", "\u{FF}", "\u{E2}\u{80}"]
        for _ in 0..<300 {
            let text = (0..<40).map { _ in pieces.randomElement(using: &generator)! }.joined()
            _ = ex.extract(bytes: Array(text.utf8), source: "noise")
        }
    }

    @Test func hugeNumbersAndExponentsAreNotFacts() {
        let digits = String(repeating: "9", count: 400)
        let e = extractor.extract(bytes: Array("\(digits) yuan and 1e400 yuan".utf8), source: "x")
        #expect(!e.facts.contains { $0.value.isInfinite || $0.value > 1e30 })
        #expect(e.warnings.contains { $0.contains("400 digits") })
    }

    @Test func utf16WithBOMGivesNoGarbage() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "98.99 million people".utf16 { bytes += [UInt8(u & 0xff), UInt8(u >> 8)] }
        // UTF-16 is not read as text: no fact is invented from the interleaved zero bytes.
        let e = extractor.extract(bytes: bytes, source: "u16")
        #expect(e.facts.allSatisfy { $0.value == 98.99 || $0.value == 98_990_000 } || e.facts.isEmpty)
    }
}

@Suite struct StreamingTests {
    /// Reading a file in small pieces gives exactly what reading it whole gives: the same
    /// facts at the same byte offsets, the same places, the same warnings.
    @Test(arguments: [997, 4096, 1 << 20])
    func piecesEqualTheWhole(chunk: Int) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds/000_c24887c2ab1ac308.txt")
        let ex = try Extractor.standard()
        let whole = ex.extract(bytes: [UInt8](try Data(contentsOf: url)), source: "s.txt")
        let pieces = try ex.extract(fileAt: url, source: "s.txt", chunkBytes: chunk)
        #expect(pieces.facts == whole.facts)
        #expect(pieces.places == whole.places)
        #expect(pieces.warnings == whole.warnings)
    }

    @Test func aFileWithoutNewlinesIsReadInBoundedPieces() throws {
        let sentence = "In 2015, 52 impoverished counties remained in Fuping, Hebei. "
        let text = String(repeating: sentence, count: 3000)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-nonl-\(UUID().uuidString).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let e = try Extractor.standard().extract(fileAt: url, source: "n.txt", chunkBytes: 10_000)
        #expect(e.facts.count == 3000)
        let bytes = Array(text.utf8)
        for f in e.facts.prefix(50) + e.facts.suffix(50) {
            #expect(String(decoding: bytes[f.offset..<(f.offset + f.length)], as: UTF8.self) == "52 impoverished counties")
        }
    }
}

/// Constructs of statistics releases and wire copy beyond the seed: changes beside levels,
/// counts that borrow their noun, lists, comparisons, indices. Sentences written for the
/// test, in the style of the releases the extractor was measured on.
@Suite struct LowerCaseKindTests {
    @Test func aLowerCaseKindCountsWhenTheProvinceFollows() throws {
        let found = places("A farmer picks pears in Lingbao city in Henan province on a cold day.")
        #expect(found.map(\.name) == ["Lingbao city", "Henan"])
        #expect(found.first?.provinceCode == "HA")
        #expect(found.first?.kind == "city")
    }

    @Test func anAreaInAProvince() throws {
        let found = places("The family had lived in Xihaigu area in south Ningxia for generations.")
        #expect(found.first?.name == "Xihaigu area")
        #expect(found.first?.provinceCode == "NX")
    }

    @Test func placesTheTextCallsPlaces() throws {
        let found = places("They live in Hongsi, a town close to Wuzhong, capital of a prefecture in Ningxia.")
        #expect(found.map(\.name) == ["Hongsi", "Wuzhong", "Ningxia"])
        #expect(found.allSatisfy { $0.provinceCode == "NX" })
        let county = places("In Ningxia, the last poor county of Haiyuan was delisted.")
        #expect(county.map(\.name) == ["Ningxia", "Haiyuan"])
        #expect(county.last?.kind == "county" && county.last?.provinceCode == "NX")
        // Without a province in the sentence or the document, it is left out (with a warning).
        #expect(places("The last poor county of Haiyuan was delisted.").isEmpty)
    }

    @Test func prefectureLevelNamesAreKnown() throws {
        let found = places("Loess hills around Tianshui and Pingliang were terraced.")
        #expect(found.map(\.name) == ["Tianshui", "Pingliang"])
        #expect(found.allSatisfy { $0.provinceCode == "GS" })
        // A name two provinces share is placed only by its context.
        #expect(places("Yulin grew apples.").isEmpty)
        #expect(places("Yulin, Shaanxi, grew apples.").first?.provinceCode == "SN")
    }

    @Test func aLowerCaseKindWithNoProvinceIsNoPlace() throws {
        #expect(places("Each county has a clinic now.").isEmpty)
        #expect(places("The Miao village in the hills is poor, Guizhou officials say.").map(\.name) == ["Guizhou"])
    }
}

/// Which place a number belongs to when its own sentence names none.
@Suite struct EntityTests {
    @Test func aParagraphAboutOneProvinceLendsItToItsPlacelessNumbers() throws {
        let found = facts("Gansu is a main battlefield. The headcount ratio dropped from 9.6 percent at the end of 2015 to 0.9 percent at the end of 2019.")
        #expect(found.map(\.entity) == ["Gansu", "Gansu"])
    }

    @Test func theNumberMayComeBeforeThePlace() throws {
        let found = facts("Over ten years, more than 2.1 million people have escaped poverty. Bijie City, Guizhou, has led the way.")
        #expect(found.first?.entity == "Bijie City")
    }

    @Test func theProvinceMeansTheProvince() throws {
        let found = facts("A farmer dries corn in Lankao county in Henan province. About 1.2 million people in the province escaped poverty in 2016.")
        #expect(found.first?.entity == "Henan")
    }

    @Test func aPlaceOnlyMentionedAfterTheNumberIsNotItsTopic() throws {
        #expect(facts("Four people had only 3 bowls. The report alarmed officials in Zhongnanhai, Beijing.").first?.entity == "China")
    }

    @Test func aNationalWordOrASecondPlaceKeepsTheNation() throws {
        #expect(facts("Gansu is poor. The national ratio fell to 0.6 percent in 2019.").first?.entity == "China")
        #expect(facts("Gansu and Yunnan are poor. The ratio fell to 0.6 percent in 2019.").first?.entity == "China")
        // A new paragraph starts afresh.
        #expect(facts("Gansu is poor.\nThe ratio fell to 0.6 percent in 2019.").first?.entity == "China")
    }

    @Test func aNumberInSouthwestChinasProvince() throws {
        #expect(facts("A total of 410,000 people in southwest China's Yunnan Province found jobs.").first?.entity == "Yunnan")
    }

    @Test func aProvinceIsOneEntityHoweverItIsWritten() throws {
        let found = facts("Yunnan Province removed 31 counties from the list. In Yunnan, 6.14 million people escaped poverty.")
        #expect(found.map(\.entity) == ["Yunnan", "Yunnan"])
    }

    @Test func headlinesAbbreviateAndCapitalizeEverything() throws {
        let text = "China's Gansu Lifts 2.1 Mln People Out Of Poverty In 2019"
        let f = try #require(facts(text).first)
        #expect(f.value == 2_100_000)
        #expect(f.unit == "people")
        #expect(places(text).map(\.name) == ["Gansu"])
    }
}

/// Tables flattened into text: units come from the header, one column after another.
@Suite struct FlattenedTableTests {
    @Test func aTableOnOneLine() throws {
        let text = "Household Income by Source in 2021\nIndicator Amount (Yuan) Growth Rate (%) Wages 5210 9.4 Pensions 812 -2.5\n"
        let found = facts(text)
        #expect(found.map(\.value) == [5210, 9.4, 812, -2.5])
        #expect(found.map(\.unit) == ["yuan", "percent", "yuan", "percent"])
        #expect(found.allSatisfy { $0.period?.iso == "2021" })
        #expect(found[0].quote == "5210" && found[3].quote == "-2.5")
    }

    @Test func aTableOneCellALine() throws {
        let text = "Grain Output in 2020\n\nCrop\n\nTons\n\nGrowth Rate%\n\nRice\n\n2120\n\n1.5\n\nWheat\n\n1340\n\n0.5\n\nThe harvest was good across the whole region this year.\n"
        let found = facts(text)
        #expect(found.map(\.value) == [2120, 1.5, 1340, 0.5])
        #expect(found.map(\.unit) == ["tonnes", "percent", "tonnes", "percent"])
    }

    @Test func prosePercentagesDoNotOpenATable() throws {
        let found = facts("The rate fell to 3.1%. It was 4.5% in 2019 and 12 villages had roads.")
        #expect(found.map(\.unit) == ["percent", "percent", "villages"])
    }

    @Test func aHeadlineClosesATable() throws {
        let text = "Indicator Amount (Yuan) Wages 5210\nHunan lifts 1.3 million out of poverty in 2018\n"
        #expect(facts(text).map(\.unit) == ["yuan", "people"])
    }

    @Test func aRatioIsNotAnAmount() throws {
        let f = try #require(facts("The ratio of per capita disposable income of urban residents to rural residents fell to 2.56 in 2020.").first)
        #expect(f.unit == "ratio")
        #expect(f.value == 2.56)
    }
}

@Suite struct ReleaseStyleTests {
    @Test func aChangeAfterALevelBorrowsItsNounAndNotItsYear() throws {
        let found = facts("The poor population stood at 41.2 million people at the end of 2016, down 8.6 million compared with 2015.")
        let level = try #require(found.first { $0.value == 41_200_000 })
        #expect(level.metric == "rural_poor_population")
        #expect(level.period?.iso == "2016-12-31")
        let change = try #require(found.first { $0.value == 8_600_000 })
        #expect(change.unit == "people")
        #expect(change.qualifier == "decrease")
        #expect(change.period?.iso == "2016-12-31")
    }

    @Test func aYearOfComparisonIsNobodysPeriod() throws {
        let found = facts("The share fell to 4.5 percent, 1.2 percentage points lower than in 2016.")
        let change = try #require(found.first { $0.value == 1.2 })
        #expect(change.qualifier == "decrease")
        #expect(change.period == nil)
        #expect(found.first { $0.value == 4.5 }?.period == nil)
    }

    @Test func conversionsInBracketsDoNotBreakFromTo() throws {
        let found = facts("The per capita disposable income rose from 6,100 yuan (about $930) in 2014 to 12,600 yuan in 2021.")
        #expect(found.first { $0.value == 12_600 }?.metric == "per_capita_disposable_income")
        #expect(facts("In the first three quarters of 2019, income was 8,163 yuan.").allSatisfy { $0.unit != "percent" })
    }

    @Test func partsOfAYearAreSpansOfMonths() throws {
        #expect(facts("In the first three quarters of 2019, income was 8,163 yuan.").first?.period?.iso == "2019-01/2019-09")
        #expect(facts("In the second half of 2020, 4,100 jobs were created.").first?.period?.iso == "2020-07/2020-12")
        #expect(facts("In the third quarter of 2018, exports rose 3.5 percent.").first?.period?.iso == "2018-07/2018-09")
    }

    @Test func aYearAfterFromIsTheBaseOfAComparison() throws {
        let f = try #require(facts("In 2019, income had grown 30 times from 1978 to reach 16,021 yuan.").first { $0.value == 16021 })
        #expect(f.period?.iso == "2019")
    }

    @Test func aComparativeDoesNotContinueAList() throws {
        let found = facts("For 2018, 3,600 people in three villages will rise above poverty, and 1,223 more of 418 households will follow.")
        #expect(!found.contains { $0.value == 1223 && $0.unit == "villages" })
    }

    @Test func theDateAfterFromToIsTheSecondNumbers() throws {
        let found = facts("The number of poverty-stricken people dropped from 860,000 to 330,000 by the end of 2017.")
        #expect(found.map(\.value) == [860_000, 330_000])
        #expect(found[0].period == nil)
        #expect(found[1].period?.iso == "2017-12-31")
    }

    @Test func aNumberComparedFromBorrowsTheNoun() throws {
        let found = facts("At the end of 2010, the region had 502,000 people in poverty, down from 964,000 in 2005.")
        #expect(found.map(\.unit) == ["people", "people"])
        #expect(found.last?.period?.iso == "2005")
    }

    @Test func aCueGivesAnUnnamedCountItsUnit() throws {
        let f = try #require(facts("The impoverished population in rural areas amounted to 30.46 million at the end of 2017.").first)
        #expect(f.value == 30_460_000)
        #expect(f.unit == "people")
        #expect(f.metric == "rural_poor_population")
        #expect(f.period?.iso == "2017-12-31")
    }

    @Test func listsShareTheirFirstMembersNoun() throws {
        let found = facts("The number of the rural poor dropped to 3.0 million in the north, 2.4 million in the south and 0.8 million in the west.")
        #expect(found.map(\.value) == [3_000_000, 2_400_000, 800_000])
        #expect(found.allSatisfy { $0.unit == "people" && $0.metric == "rural_poor_population" })
    }

    @Test func fromOneValueToAnotherIsNotARange() throws {
        let found = facts("The line was raised from RMB 1500 to 2400 that autumn.")
        #expect(found.map(\.value) == [1500, 2400])
        #expect(found.allSatisfy { $0.unit == "yuan" && !$0.qualifier.contains("range") })
    }

    @Test func anIndexCueCarriesFurtherThanACount() throws {
        let f = try #require(facts("The Gini coefficient, a measure of how unequal incomes are across households, stood at 0.465 in 2019.").first)
        #expect(f.metric == "gini_coefficient")
        #expect(f.unit == "index")
        #expect(f.value == 0.465)
        #expect(f.period?.iso == "2019")
    }

    @Test func aPartCountsWhatItsWholeCounts() throws {
        let found = facts("The last seven of 48 poor counties in the region were delisted.")
        #expect(found.map(\.value) == [7, 48])
        #expect(found.allSatisfy { $0.unit == "counties" })
        #expect(facts("Some 12 of the 30 villages have roads.").map(\.unit) == ["villages", "villages"])
    }

    @Test func hyphenatedScalesAndModifiedPlurals() throws {
        let a = try #require(facts("The region had more than 4-million poverty stricken people in 2013.").first)
        #expect(a.value == 4_000_000)
        #expect(a.unit == "people")
        let b = try #require(facts("It built 27 tea-processing rural workshops last spring.").first)
        #expect(b.value == 27)
        #expect(b.unit == "workshops")
    }

    @Test func aRelativeYearRightAfterTheNumberWinsOverAnEarlierYear() throws {
        let found = facts("The ratio fell from 4.2 percent in 2019 to 2.1 percent last year.")
        #expect(found.first { $0.value == 4.2 }?.period?.iso == "2019")
        // The dateline of these tests is 2021-02-23.
        #expect(found.first { $0.value == 2.1 }?.period?.iso == "2020")
    }

    @Test func aHeadlineVerbCueGivesItsUnit() throws {
        let f = try #require(facts("Yunnan lifts 1.9 million out of poverty in 2019").first)
        #expect(f.unit == "people")
        #expect(f.metric == "people_lifted_out_of_poverty")
    }

    @Test func changesJoinNoSeries() throws {
        let text = "The rural poor numbered 30.46 million at the end of 2017. The rural poor numbered 16.6 million at the end of 2018, 13.86 million fewer than a year before."
        let result = extractor.extract(documents: [(source: "t.txt", bytes: Array(text.utf8))])
        let series = try #require(result.series.first { $0.metric == "rural_poor_population" })
        #expect(series.points.map(\.value) == [30_460_000, 16_600_000])
    }
}
