import Foundation
import PlotlineCore

/// Pulls quantities, their periods and the places named out of English news text.
///
/// It works sentence by sentence on UTF-8 bytes, so offsets are exact byte positions in
/// the source file and memory stays proportional to one sentence plus what it finds.
public struct Extractor {
    public var lexicon: Lexicon
    /// The document's date; found in the text when not given.
    public var dateline: Day?
    /// Facts whose value has more digits than this are refused as implausible.
    public var maxDigits = 18

    let cues: PhraseIndex<Int>
    let zeroPhrases: PhraseIndex<Int>
    let unitPhrases: [String: String]
    let personNouns: Set<String>
    let notPlaces: PhraseIndex<Bool>
    let kinds: PhraseIndex<String>
    let qualifierPhrases: [String: String]
    /// The last words of the lexicon's change phrases ("by", "of", "down"): only numbers after
    /// one of them are looked up as changes.
    let changeLastWords: Set<String>
    /// For each word that can start a phrase of interest, the tables it starts one in: one
    /// probe per token instead of one per table.
    let lowerFlags: WordTable<WordClass>
    let textFlags: WordTable<UInt16>

    enum Flag {
        static let cue: UInt16 = 1
        static let zero: UInt16 = 2
        static let notPlace: UInt16 = 4
        static let province: UInt16 = 8
        static let kind: UInt16 = 16
        static let abbreviation: UInt16 = 32
        /// "a", "an", "twice": words that can start a number in words without being one.
        static let numberArticle: UInt16 = 64
        static let twice: UInt16 = 128
        /// "last", "this", "past": may start a relative period.
        static let relative: UInt16 = 256
        /// "county", "village" …: a place kind in lower case.
        static let lowerKind: UInt16 = 512
        /// "China", "national", "nationwide"…: the sentence speaks of the nation.
        static let national: UInt16 = 1024
        /// "province", "region", "municipality": after "the", a province already named.
        static let provinceWord: UInt16 = 2048
        /// "half", "third", "fifths"…: a fraction in words.
        static let fraction: UInt16 = 4096
        /// Any flag that can start a place (see `findPlaces`).
        static let placeStart: UInt16 = notPlace | province | kind | abbreviation
    }

    public init(lexicon: Lexicon, dateline: Day? = nil) {
        self.lexicon = lexicon
        self.dateline = dateline
        func words(_ s: String) -> [String] {
            // Split like the tokenizer: hyphenated words stay whole, punctuation stands alone.
            var out: [String] = []
            var current = ""
            for ch in s.lowercased() {
                if ch.isLetter || ch.isNumber || ((ch == "-" || ch == "'") && !current.isEmpty) {
                    current.append(ch)
                } else {
                    if !current.isEmpty { out.append(current) }
                    current = ""
                    if !ch.isWhitespace { out.append(String(ch)) }
                }
            }
            if !current.isEmpty { out.append(current) }
            return out
        }
        var cues: [([String], Int)] = []
        for (i, m) in lexicon.metrics.enumerated() {
            for c in m.cues { cues.append((words(c), i)) }
        }
        // Longer cues first, so "rural poor people" wins over "rural poor".
        self.cues = PhraseIndex(cues, lowercase: true)
        zeroPhrases = PhraseIndex(lexicon.zero_phrases.enumerated().map { (words($0.element.phrase), $0.offset) }, lowercase: true)
        unitPhrases = Dictionary(lexicon.units.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        personNouns = Set(lexicon.person_nouns.map { $0.lowercased() })
        notPlaces = PhraseIndex(lexicon.not_places.map { (words($0), true) }, lowercase: true)
        kinds = PhraseIndex(lexicon.place_kinds.map { ($0.key.split(separator: " ").map(String.init), $0.value) }, lowercase: false)
        qualifierPhrases = Dictionary(lexicon.qualifiers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        changeLastWords = Set((lexicon.changes_before ?? [:]).keys.compactMap { $0.lowercased().split(separator: " ").last.map(String.init) })
        var lower: [String: (WordInfo, UInt16)] = Words.info.mapValues { ($0, 0) }
        for w in self.cues.firstWords { lower[w, default: (.none, 0)].1 |= Flag.cue }
        for w in zeroPhrases.firstWords { lower[w, default: (.none, 0)].1 |= Flag.zero }
        for w in notPlaces.firstWords { lower[w, default: (.none, 0)].1 |= Flag.notPlace }
        for w in ["a", "an", "twice", "thrice"] { lower[w, default: (.none, 0)].1 |= Flag.numberArticle }
        for w in ["twice", "thrice"] { lower[w, default: (.none, 0)].1 |= Flag.twice }
        for w in ["last", "this", "past"] { lower[w, default: (.none, 0)].1 |= Flag.relative }
        for w in ["county", "city", "town", "township", "village", "prefecture", "district", "area"] { lower[w, default: (.none, 0)].1 |= Flag.lowerKind }
        for w in Words.national.union(["chinese"]) { lower[w, default: (.none, 0)].1 |= Flag.national }
        for w in ["province", "region", "municipality"] { lower[w, default: (.none, 0)].1 |= Flag.provinceWord }
        for w in Words.fractions.keys { lower[w, default: (.none, 0)].1 |= Flag.fraction }
        var text: [String: UInt16] = [:]
        for w in Extractor.provinceNames.firstWords { text[w, default: 0] |= Flag.province }
        for w in kinds.firstWords { text[w, default: 0] |= Flag.kind }
        for w in Gazetteer.byAbbreviation.keys { text[w, default: 0] |= Flag.abbreviation }
        lowerFlags = WordTable(lower.map { ($0.key, WordClass(info: $0.value.0, flags: $0.value.1)) }, exactCase: false)
        textFlags = WordTable(text.map { ($0.key, $0.value) }, exactCase: true)
    }

    public static func standard(dateline: Day? = nil) throws -> Extractor {
        Extractor(lexicon: try Lexicon.builtIn(), dateline: dateline)
    }

    /// Extracts from files, each read in pieces, and builds series across all of them.
    public func extract(files: [(source: String, url: URL)]) throws -> Extraction {
        combine(try files.map { try extract(fileAt: $0.url, source: $0.source) })
    }

    /// Extracts from several documents and builds series across all of them.
    public func extract(documents: [(source: String, bytes: [UInt8])]) -> Extraction {
        combine(documents.map { extract(bytes: $0.bytes, source: $0.source) })
    }

    /// One extraction from several documents' own, with series built across them all.
    private func combine(_ parts: [Extraction]) -> Extraction {
        var all = Extraction()
        for one in parts {
            all.facts += one.facts
            all.places += one.places
            all.warnings += one.warnings
        }
        let built = SeriesBuilder(lexicon: lexicon).build(all.facts)
        all.series = built.series
        all.warnings += built.warnings
        return all
    }

    /// Extracts from a file read in pieces of `chunkBytes`: memory stays flat whatever the
    /// file's size. Offsets are positions in the whole file.
    public func extract(fileAt url: URL, source: String, chunkBytes: Int = 1 << 20) throws -> Extraction {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ExtractionError.unreadable(path: url.path, reason: "permission denied or not a regular file")
        }
        defer { try? handle.close() }
        var state = DocumentState(source: source, words: WordStore(lower: lowerFlags, exact: textFlags))
        var carry: [UInt8] = []
        var first = true
        while true {
            let data = handle.readData(ofLength: chunkBytes)
            let atEnd = data.isEmpty
            carry += data
            if first && carry.count >= 3 && carry[0] == 0xEF && carry[1] == 0xBB && carry[2] == 0xBF {
                carry.removeFirst(3)
                state.base = 3
            }
            first = false
            // Process up to the last newline (or everything at the end); keep the rest.
            var end = carry.count
            if !atEnd {
                guard let newline = carry.lastIndex(of: 10) else {
                    if carry.count > 4 * Extractor.segmentBytes {
                        let cut = carry.withUnsafeBufferPointer { Extractor.cutPoint($0, 0, carry.count - Extractor.segmentBytes) }
                        end = cut
                    } else {
                        continue
                    }
                    processChunk(carry, end: end, &state)
                    state.base += end
                    carry.removeFirst(end)
                    continue
                }
                end = newline + 1
            }
            processChunk(carry, end: end, &state)
            state.base += end
            carry.removeFirst(end)
            if atEnd { break }
        }
        return finish(&state)
    }

    private func processChunk(_ bytes: [UInt8], end: Int, _ state: inout DocumentState) {
        bytes.withUnsafeBufferPointer { buffer in
            let view = UnsafeBufferPointer(rebasing: buffer[0..<end])
            processLines(view, from: 0, &state)
        }
    }

    private func finish(_ state: inout DocumentState) -> Extraction {
        state.resolvePlaces()
        state.dateline = dateline ?? state.foundDateline
        state.resolveRelativePeriods()
        return Extraction(facts: state.facts, series: [], places: state.places, warnings: state.warnings)
    }

    /// Every line of a buffer, long ones in bounded segments.
    private func processLines(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, _ state: inout DocumentState) {
        var lineStart = from
        while lineStart <= buffer.count {
            var i = buffer.count
            if lineStart < buffer.count, let base = buffer.baseAddress,
                let newline = memchr(base + lineStart, 10, buffer.count - lineStart)
            {
                i = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            }
            do {
                var start = lineStart
                // A paragraph longer than a segment (a file without newlines) is read in
                // pieces cut after a sentence or at a space, so work and memory stay bounded.
                while i - start > Extractor.segmentBytes {
                    let cut = Extractor.cutPoint(buffer, start, start + Extractor.segmentBytes)
                    processLine(buffer, start, cut, &state)
                    start = cut
                }
                if i > start { processLine(buffer, start, i, &state) }
                lineStart = i + 1
            }
        }
    }

    /// Extracts facts and places from one document (series need `extract(documents:)`).
    public func extract(bytes: [UInt8], source: String) -> Extraction {
        bytes.withUnsafeBufferPointer { buffer in
            var state = DocumentState(source: source, words: WordStore(lower: lowerFlags, exact: textFlags))
            // Skip a UTF-8 byte order mark; offsets still count it.
            let start = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            processLines(buffer, from: start, &state)
            return finish(&state)
        }
    }

    // MARK: - Sentences

    static let segmentBytes = 16_384
    static let maxSentenceTokens = 400

    /// Where to cut a long stretch of text before `limit`: after the last sentence end, else
    /// at the last space, else at the last UTF-8 character boundary.
    static func cutPoint(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int) -> Int {
        var space = -1
        var k = limit - 1
        while k > (start + limit) / 2 {
            if b[k] == 32 {
                if k > start, [46, 33, 63, 59].contains(b[k - 1]) { return k + 1 }
                if space < 0 { space = k + 1 }
            }
            k -= 1
        }
        if space > start { return space }
        var cut = limit
        while cut > start + 1 && b[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }

    private func processLine(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ state: inout DocumentState) {
        state.words.recycleLine()
        let tokens = Tokenizer.tokens(bytes, from: from, to: to, store: state.words)
        tokens.withUnsafeBufferPointer { all in
            if processTableLine(all, bytes, &state) { return }
            var start = 0
            // Indices, not copies: copying a token retains its two strings.
            for i in all.indices {
                guard all[i].kind == .punct, Extractor.endsSentence(all[i], bytes) else { continue }
                if i > 0 && all[i].end - all[i].start == 1 && bytes[all[i].start] == 46 && all[i - 1].kind == .word {
                    // "No. 1", initials: not the end of a sentence.
                    let length = all[i - 1].end - all[i - 1].start
                    if (length == 1 && all[i - 1].isCapitalized) || (length == 2 && all[i - 1].lower == "no") { continue }
                }
                if i + 1 < all.count, !all[i + 1].spaced, all[i + 1].kind != .punct { continue }
                processBounded(all, start, i + 1, bytes, &state)
                start = i + 1
            }
            if start < all.count { processBounded(all, start, all.count, bytes, &state) }
        }
        state.endParagraph()
    }

    /// ". ! ? ;" and their full-width forms, tested on the bytes rather than by hashing a string.
    @inline(__always) static func endsSentence(_ t: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if t.end - t.start == 1 {
            let c = bytes[t.start]
            return c == 46 || c == 33 || c == 63 || c == 59
        }
        return bytes[t.start] >= 0xE0 && Words.sentenceEnders.contains(t.text)
    }

    /// A "sentence" with no end in sight (lists, tables flattened into text) is handled in
    /// pieces, so no step can grow with the square of its length.
    private func processBounded(_ tokens: Tokens, _ from: Int, _ to: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ state: inout DocumentState) {
        var start = from
        while to - start > Extractor.maxSentenceTokens {
            var cut = start + Extractor.maxSentenceTokens
            if let comma = (start + Extractor.maxSentenceTokens / 2..<cut).last(where: { tokens[$0].text == "," }) { cut = comma + 1 }
            processSentence(Tokens(rebasing: tokens[start..<cut]), bytes, &state)
            start = cut
        }
        if to > start { processSentence(Tokens(rebasing: tokens[start..<to]), bytes, &state) }
    }

    private func processSentence(_ t: Tokens, _ bytes: UnsafeBufferPointer<UInt8>, _ state: inout DocumentState) {
        guard !t.isEmpty else { return }
        defer { state.paragraphSentences += 1 }
        // Most sentences state no quantity: with no digit, number word, "twice" or zero
        // phrase in them, only their places are looked for.
        let mayCount = t.contains { $0.kind == .number || $0.info.number != nil || $0.info.scale != nil || $0.flags & (Flag.zero | Flag.twice | Flag.fraction) != 0 }
        guard mayCount else {
            let sentencePlaces = findPlaces(t, &state)
            if let last = sentencePlaces.last { state.lastEntity = last.name } else { state.lastEntity = nil }
            for p in sentencePlaces { state.noteParagraphPlace(p) }
            return
        }
        // Scratch marks on the stack: a heap array per sentence was a malloc and a free each.
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: t.count) { consumed in
            consumed.initialize(repeating: false)
            processSentence(t, bytes, consumed, &state)
        }
    }

    private func processSentence(_ t: Tokens, _ bytes: UnsafeBufferPointer<UInt8>, _ consumed: UnsafeMutableBufferPointer<Bool>, _ state: inout DocumentState) {
        var times: [TimeMention] = []
        findTimes(t, consumed, &times, &state)
        let sentencePlaces = findPlaces(t, &state)
        for p in sentencePlaces { state.noteParagraphPlace(p) }
        defer { if let last = sentencePlaces.last { state.lastEntity = last.name } else if !t.isEmpty { state.lastEntity = nil } }
        var found: [Found] = []
        findQuantities(t, consumed, &found, &state)
        findZeroPhrases(t, &found)
        guard !found.isEmpty else { return }
        let sentence = Extractor.text(bytes, t.first!.start, t.last!.end)
        let cueHits = findCues(t)
        found.sort { $0.first < $1.first }
        var metrics: [(id: String, index: Int?)] = []
        var units: [String] = []
        for (n, f) in found.enumerated() {
            var metric = f.metricOverride ?? chooseMetric(f, cueHits, t)
            var unit = f.unit
            // "from 2,982 yuan in 2015 to 10,740 yuan", "about 20,000 and 101,000": the second
            // number continues the first one's measure.
            // The number it continues: the one before, or the one before a conversion in
            // brackets ("from 6,079 yuan (about $928) in 2013 to 12,588 yuan").
            var previous = n - 1
            if previous > 0, found[previous].first >= 1, t[found[previous].first - 1].text == "(" || (found[previous].first >= 2 && t[found[previous].first - 2].text == "("),
                !unit.isEmpty, Extractor.baseUnit(unit) != Extractor.baseUnit(units[previous]), Extractor.baseUnit(unit) == Extractor.baseUnit(units[previous - 1])
            {
                previous -= 1
            }
            // Not "…in three villages, and 1,223 more of 418 households": a comparative starts afresh.
            let comparative = f.last + 1 < t.count && ["more", "fewer", "less"].contains(t[f.last + 1].lower)
            if n > 0, !comparative, metric.index == nil, f.first >= 1, ["to", "and", "or", ","].contains(t[f.first - 1].lower) || (f.first >= 2 && ["to", "and"].contains(t[f.first - 2].lower)),
                units[previous].isEmpty == false, unit.isEmpty || Extractor.baseUnit(unit) == Extractor.baseUnit(units[previous]), found[previous].last < f.first,
                f.first - found[previous].last <= (previous == n - 1 ? 8 : 14)
            {
                metric = metrics[previous]
                if unit.isEmpty { unit = units[previous] }
            }
            // "the ratio of per capita disposable income … hitting 2.69": a ratio of the metric,
            // not an amount of it.
            if unit.isEmpty, (max(0, f.first - 20)..<f.first).contains(where: { t[$0].lower == "ratio" }),
                !((max(0, f.first - 20))..<f.first).contains(where: { Words.clauseBreakers.contains(t[$0].text) && t[$0].text != "(" && t[$0].text != ")" })
            {
                unit = "ratio"
                metric = ("ratio", nil)
            }
            if unit.isEmpty, let m = metric.index {
                unit = lexicon.metrics[m].units.first ?? ""
            }
            // "the last nine of 832 impoverished counties": the part counts what the whole does.
            if unit.isEmpty, n + 1 < found.count, f.last + 1 < t.count, t[f.last + 1].lower == "of", found[n + 1].first <= f.last + 3, !found[n + 1].unit.isEmpty,
                !found[n + 1].unit.hasPrefix("percent")
            {
                unit = found[n + 1].unit
            }
            // "98.99 million people …, down 23.39 million": a count in millions with no noun of
            // its own counts what the sentence's last counted number did.
            // So does one the sentence compares with it: "502,000 people …, down from 964,000".
            let comparedFrom = f.first >= 1 && t[f.first - 1].lower == "from" && f.first >= 2 && ["down", "up", "fell", "rose", "dropped"].contains(t[f.first - 2].lower)
            if unit.isEmpty, f.hasScale || comparedFrom, let k = units.lastIndex(where: { !$0.isEmpty && !$0.hasPrefix("percent") && $0 != "times" }),
                !((found[k].last + 1)..<f.first).contains(where: { Words.clauseBreakers.contains(t[$0].text) && t[$0].text != "(" && t[$0].text != ")" })
            {
                unit = units[k]
                if metric.index == nil { metric = (Extractor.genericMetric(unit), nil) }
            }
            metrics.append(metric)
            units.append(unit)
        }
        // Asked once a sentence, not once a fact: whether it speaks of the nation or of "the province".
        lazy var namesTheNation = t.contains { $0.flags & Flag.national != 0 }
        lazy var saysProvince = t.indices.contains { $0 > 0 && t[$0].flags & Flag.provinceWord != 0 && ["the", "this"].contains(t[$0 - 1].lower) }
        for (n, f) in found.enumerated() {
            let metric = metrics[n]
            let unit = units[n]
            if unit.isEmpty { continue }
            // "from 860,000 to 330,000 by the end of 2017": the date is the second number's.
            let startsFromTo = f.first >= 1 && (t[f.first - 1].lower == "from" || (f.first >= 2 && t[f.first - 2].lower == "from"))
                && f.last + 1 < t.count && t[f.last + 1].lower == "to"
            let (period, relative) = choosePeriod(f, times, startsFromTo: startsFromTo)
            var entity = chooseEntity(f, sentencePlaces, t)
            var placeless = false
            if entity == "China", sentencePlaces.isEmpty, let lead = t.first?.lower, ["it", "its", "they", "their", "there", "here"].contains(lead),
                let previous = state.lastEntity
            {
                entity = previous
            } else if entity == "China", sentencePlaces.isEmpty, !namesTheNation {
                placeless = true
            }
            var fact = Fact(
                source: state.source, offset: state.base + t[f.first].start, length: t[f.last].end - t[f.first].start,
                quote: Extractor.text(bytes, t[f.first].start, t[f.last].end), metric: metric.id, entity: entity,
                period: period, value: f.value, unit: unit, qualifier: f.qualifier, sentence: sentence)
            if let change = f.change { fact.qualifier = (fact.qualifier.isEmpty ? "" : fact.qualifier + " ") + change }
            if let hi = f.high { fact.qualifier = (fact.qualifier.isEmpty ? "" : fact.qualifier + " ") + "range:" + plainDecimal(hi) }
            if let relative { state.relativeFacts.append((state.facts.count, relative)) }
            if placeless { state.placelessFacts.append((state.facts.count, state.paragraphSentences, saysProvince)) }
            state.facts.append(fact)
        }
    }


    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
    }


    // MARK: - Dates and years

    struct TimeMention {
        var token: Int
        var period: Period?
        /// Years before the dateline for "the past N years"; -1 for "last year"; 0 for "this year".
        var relativeYears: Int?
        /// The base of a comparison ("compared with 2011", "lower than in 2011"): not the period of
        /// the numbers around it.
        var comparison = false
    }

    private func findTimes(_ t: Tokens, _ consumed: UnsafeMutableBufferPointer<Bool>, _ times: inout [TimeMention], _ state: inout DocumentState) {
        var i = 0
        while i < t.count {
            let tok = t[i]
            // Month Day[th][ to Day[th]][, Year]  |  Month Year
            if tok.kind == .word, let month = tok.info.month, tok.isCapitalized, i + 1 < t.count, t[i + 1].kind == .number {
                let n = t[i + 1]
                if n.text.count == 4, let y = Int(n.text), (1800...2100).contains(y) {
                    var p = Period.month(y, month)
                    if i >= 2 && t[i - 1].lower == "of" && t[i - 2].lower == "end" { p = .day(Day(y, month, Day.daysIn(month: month, year: y))) }
                    times.append(TimeMention(token: i + 1, period: p))
                    consumed[i] = true
                    consumed[i + 1] = true
                    i += 2
                    continue
                }
                if let d = Int(n.text), (1...31).contains(d) {
                    var j = i + 2
                    consumed[i] = true
                    consumed[i + 1] = true
                    if j < t.count, !t[j].spaced, Words.ordinalSuffixes.contains(t[j].lower) { consumed[j] = true; j += 1 }
                    if j + 1 < t.count, t[j].lower == "to" || t[j].text == "-", t[j + 1].kind == .number, let d2 = Int(t[j + 1].text), (1...31).contains(d2) {
                        consumed[j] = true
                        consumed[j + 1] = true
                        j += 2
                        if j < t.count, !t[j].spaced, Words.ordinalSuffixes.contains(t[j].lower) { consumed[j] = true; j += 1 }
                    }
                    if j + 1 < t.count, t[j].text == ",", t[j + 1].kind == .number, t[j + 1].text.count == 4, let y = Int(t[j + 1].text) {
                        consumed[j + 1] = true
                        let day = Day(y, month, d)
                        if day.isValid { times.append(TimeMention(token: j + 1, period: .day(day))) }
                        state.latestDateYear = max(state.latestDateYear ?? y, y)
                        j += 2
                    } else if t[max(0, i - 8)..<i].contains(where: { $0.lower == "xinhua" || $0.lower == "agency" || $0.text == "(" }) {
                        // "(Xinhua News Agency, Beijing, February 23, …)": the story's dateline.
                        state.datelineMonthDay = (month, d)
                    }
                    i = j
                    continue
                }
            }
            if tok.kind == .number, isYearToken(t, i) {
                consumed[i] = true
                let y = Int(tok.text)!
                if i + 1 < t.count, !t[i + 1].spaced, t[i + 1].lower == "s" {
                    consumed[i + 1] = true  // the 1950s: a decade, not a period of any fact
                    i += 2
                    continue
                }
                var period = Period.year(y)
                let before = (max(0, i - 4)..<i).map { t[$0].lower }
                if before.last == "since" {
                    i += 1
                    continue  // "since 1998" dates a comparison, not the fact
                }
                if before.last == "from", i + 2 < t.count, t[i + 1].lower == "to" || t[i + 1].text == "-", t[i + 2].kind == .number, isYearToken(t, i + 2), let y2 = Int(t[i + 2].text), y2 > y {
                    consumed[i + 1] = true
                    consumed[i + 2] = true
                    times.append(TimeMention(token: i, period: .span(.year(y), .year(y2))))
                    i += 3
                    continue
                }
                // "up 32.7 times from 1949" (a from-to span was read above): also a base.
                if before.last == "with" || before.last == "than" || before.last == "from" || before.suffix(2) == ["than", "in"] || before.suffix(2) == ["compared", "to"] {
                    times.append(TimeMention(token: i, period: period, comparison: true))
                    i += 1
                    continue
                }
                if let (from, to) = Extractor.partOfYear(before) {
                    period = .span(.month(y, from), .month(y, to))  // "the first three quarters of 2019"
                } else if before.suffix(2) == ["end", "of"] {
                    period = .day(Day(y, 12, 31))
                } else if before.suffix(2) == ["beginning", "of"] || before.suffix(2) == ["start", "of"] || before.last == "early" {
                    period = .day(Day(y, 1, 1))
                }
                times.append(TimeMention(token: i, period: period))
                i += 1
                continue
            }
            // Relative periods.
            if tok.kind == .word && tok.flags & Flag.relative != 0 {
                if (tok.lower == "last" || tok.lower == "this") && i + 1 < t.count && t[i + 1].lower == "year" {
                    times.append(TimeMention(token: i, period: nil, relativeYears: tok.lower == "last" ? -1 : 0))
                } else if tok.lower == "past", i + 2 < t.count, t[i + 2].lower == "years", let n = wordOrDigitValue(t[i + 1]), n >= 1, n <= 200 {
                    times.append(TimeMention(token: i, period: nil, relativeYears: Int(n)))
                }
            }
            // "N years ago", "N-year-old": time references and ages, not facts.
            if tok.kind == .number || tok.info.number != nil {
                if i + 2 < t.count, Words.timeUnits.contains(t[i + 1].lower) || ["year", "month", "day"].contains(t[i + 1].lower), t[i + 2].lower == "ago" || t[i + 2].lower == "later" {
                    consumed[i] = true
                    consumed[i + 1] = true
                    consumed[i + 2] = true
                } else if i + 2 < t.count, t[i + 1].text == "-", t[i + 2].lower.hasPrefix("year-old") || t[i + 2].lower.hasPrefix("month-old") {
                    consumed[i] = true
                    consumed[i + 2] = true
                }
            }
            i += 1
        }
    }

    /// The months of "the first half of", "the third quarter of", "the first three quarters of",
    /// read from the (lower-cased) words before a year.
    static func partOfYear(_ before: [String]) -> (Int, Int)? {
        guard before.count >= 3, before.last == "of" else { return nil }
        let ordinals = ["first": 1, "second": 2, "third": 3, "fourth": 4]
        let unit = before[before.count - 2]
        let word = before[before.count - 3]
        if unit == "half", let o = ordinals[word], o <= 2 { return o == 1 ? (1, 6) : (7, 12) }
        if unit == "quarter", let o = ordinals[word] { return (3 * o - 2, 3 * o) }
        if unit == "quarters", before.count >= 4, before[before.count - 4] == "first", let n = Words.ones[word], n >= 2, n <= 4 {
            return (1, 3 * Int(n))
        }
        return nil
    }

    /// A four-digit number from 1800 to 2100 with no unit after it reads as a year.
    private func isYearToken(_ t: Tokens, _ i: Int) -> Bool {
        let tok = t[i]
        guard tok.text.count == 4, let y = Int(tok.text), (1800...2100).contains(y) else { return false }
        // "2000-4000 yuan" is a range of amounts.
        if i + 2 < t.count, t[i + 1].text == "-" || t[i + 1].text == "–", t[i + 2].kind == .number, !(t[i + 2].text.count == 4 && (1800...2100).contains(Int(t[i + 2].text) ?? 0) && i + 3 < t.count && unitPhrases[t[i + 3].lower] == nil) {
            return false
        }
        if i + 1 < t.count, t[i + 1].text == "%" { return false }
        if i >= 1, t[i - 1].lower == "the", i + 1 < t.count, t[i + 1].kind == .word, !t[i + 1].isCapitalized, !t[i + 1].info.stop {
            return false  // "the 2008 social forces" counts something
        }
        if i + 1 < t.count, t[i + 1].kind == .word, let u = unitPhrases[t[i + 1].lower], !Words.timeUnits.contains(u), t[i + 1].lower != "years" {
            return false
        }
        return true
    }

    /// `value × scale` rounded as the decimal it is written as: 16.6 million is 16600000, not
    /// the 16600000.000000002 a binary multiplication gives.
    static func scaled(_ value: Double, _ scale: Double) -> Double {
        let product = value * scale
        guard product.isFinite, abs(product) < 1e15 else { return product }
        // Written numbers have at most a few decimals: round to the nearest millionth.
        return (product * 1_000_000).rounded() / 1_000_000
    }

    /// "98,990" → "98990"; most numbers have no comma and are returned as they are.
    static func withoutCommas(_ s: String) -> String {
        s.utf8.contains(44) ? String(s.filter { $0 != "," }) : s
    }

    private func wordOrDigitValue(_ t: Token) -> Double? {
        if t.kind == .number { return Double(Extractor.withoutCommas(t.text)) }
        return t.info.number
    }

    // MARK: - Quantities

    struct Found {
        var first: Int
        var last: Int
        var value: Double
        var high: Double?
        var unit: String
        var qualifier: String
        var hasScale: Bool
        var metricOverride: (id: String, index: Int?)?
        /// "decrease" or "increase" when the number is a change, not a level.
        var change: String?
    }

    /// Parses a number written in words starting at `i`: "two", "twenty-five", "a million",
    /// "three hundred", "twice". Returns the value and the index after it.
    private func wordNumber(_ t: Tokens, _ i: Int) -> (Double, Int)? {
        guard t[i].kind == .word, t[i].info.number != nil || t[i].flags & Flag.numberArticle != 0 else { return nil }
        let w = t[i].lower
        if w == "twice" { return (2, i + 1) }
        if w == "thrice" { return (3, i + 1) }
        if (w == "a" || w == "an") && i + 1 < t.count, let s = t[i + 1].info.scale { return (s, i + 2) }
        guard var value = t[i].info.number else { return nil }
        var j = i + 1
        if j < t.count, t[j].lower == "hundred" {
            value *= 100
            j += 1
        }
        if j + 2 < t.count, t[j].lower == "and", t[j + 1].lower == "a", t[j + 2].lower == "half" {
            value += 0.5  // "two and a half hours"
            j += 3
        }
        return (value, j)
    }

    /// "nearly", "more than"… in the one or two words before a number.
    private func qualifier(_ t: Tokens, _ qStart: Int) -> String {
        if qStart >= 2, let q = qualifierPhrases[t[qStart - 2].lower + " " + t[qStart - 1].lower] { return q }
        if qStart >= 1, let q = qualifierPhrases[t[qStart - 1].lower] { return q }
        return ""
    }

    static let currencies: Set<String> = ["usd", "hkd", "sgd", "aud", "cad", "twd", "eur"]

    /// Unit abbreviations written against the number: "1,500m", "30km".
    static let gluedUnits: Set<String> = ["m", "km", "cm", "mm", "kg", "mu", "ha", "sqm", "kw", "kwh"]

    /// "$", "US$", "HK$", "S$": which dollar.
    static let dollarPrefixes: [String: String] = ["US": "usd", "HK": "hkd", "S": "sgd", "A": "aud", "C": "cad", "NT": "twd"]

    /// The currency written before the number at `i` ("RMB2,300", "¥", "$", "US$", "S$") and
    /// where that currency's words start.
    static func currencyBefore(_ t: Tokens, _ i: Int) -> (unit: String, start: Int)? {
        guard i >= 1 else { return nil }
        if ["rmb", "¥", "￥"].contains(t[i - 1].lower) { return ("yuan", i - 1) }
        guard t[i - 1].text == "$" else { return nil }
        if i >= 2, !t[i - 1].spaced, let u = dollarPrefixes[t[i - 2].text] { return (u, i - 2) }
        return ("usd", i - 1)
    }

    /// The unit without its rate: "yuan/month" → "yuan", "usd/day" → "usd".
    static func baseUnit(_ u: String) -> String {
        if let slash = u.firstIndex(of: "/"), isMoney(String(u[..<slash])) { return String(u[..<slash]) }
        return u
    }

    static func isMoney(_ unit: String) -> Bool { unit == "yuan" || currencies.contains(unit) }

    /// "one fifth of", "two thirds of", "a quarter of", "half of": a share in percent, and the
    /// index of "of". Not "the first three quarters of 2019", a time.
    private func fraction(_ t: Tokens, _ i: Int) -> (Double, Int)? {
        guard t[i].kind == .word else { return nil }
        var numerator = 1.0
        var k = i
        if t[i].flags & Flag.fraction == 0 {
            guard i + 1 < t.count, t[i + 1].flags & Flag.fraction != 0 else { return nil }
            if let n = t[i].info.number { numerator = n } else if t[i].lower != "a" { return nil }
            k = i + 1
        } else if t[i].lower != "half" {
            return nil  // "third of" alone is an ordinal
        }
        guard let denominator = Words.fractions[t[k].lower], k + 1 < t.count, t[k + 1].lower == "of",
            !(k + 2 < t.count && t[k + 2].kind == .number), numerator < denominator
        else { return nil }
        if i >= 1, ["first", "last", "next", "past"].contains(t[i - 1].lower) { return nil }
        return ((numerator / denominator * 1000).rounded() / 10, k + 1)
    }

    private func findQuantities(_ t: Tokens, _ consumed: UnsafeMutableBufferPointer<Bool>, _ found: inout [Found], _ state: inout DocumentState) {
        var i = 0
        while i < t.count {
            if consumed[i] { i += 1; continue }
            var value: Double
            var j: Int
            var isWord = false
            var isTimes = false
            var isFraction = false
            if let (v, end) = fraction(t, i) {
                value = v  // "nearly one fifth of the world's population": 20 percent
                j = end
                isWord = true
                isFraction = true
            } else if t[i].kind == .number {
                let digits = Extractor.withoutCommas(t[i].text)
                if digits.count > maxDigits {
                    state.warnings.append("\(state.source): byte \(state.base + t[i].start): a number with \(digits.count) digits is not plausible; it was skipped")
                    i += 1
                    continue
                }
                guard let v = Double(digits), v.isFinite else { i += 1; continue }
                // Ordinals (18th), glued letters (3rd), "No. 1", section numbers "(1)".
                // …but "1,500m" and "30km" are a number and its unit.
                var gluedUnit: String?
                if i + 1 < t.count, !t[i + 1].spaced, t[i + 1].kind == .word {
                    guard Extractor.gluedUnits.contains(t[i + 1].lower), let u = unitPhrases[t[i + 1].lower] else { i += 2; continue }
                    gluedUnit = u
                }
                if i >= 2, t[i - 1].text == ".", t[i - 2].lower == "no" { i += 1; continue }
                if i >= 1, i + 1 < t.count, t[i - 1].text == "(", t[i + 1].text == ")" { i += 1; continue }
                // Ages after a name: "Niu Baole, 46, had ..."
                if i >= 2, i + 1 < t.count, t[i - 1].text == ",", t[i + 1].text == ",", t[i - 2].isCapitalized, v < 120, !digits.contains(".") { i += 1; continue }
                value = v
                j = i + 1
                if let gluedUnit {
                    found.append(Found(first: i, last: i + 1, value: v, high: nil, unit: gluedUnit, qualifier: qualifier(t, i), hasScale: false))
                    consumed[i] = true
                    consumed[i + 1] = true
                    i += 2
                    continue
                }
            } else if let (v, end) = wordNumber(t, i) {
                value = v
                j = end
                isWord = true
                isTimes = t[i].lower == "twice" || t[i].lower == "thrice"
                // Numbers in words inside quotation marks are policy names ("six precisions").
                if insideQuotes(t, i) { i = j; continue }
            } else {
                i += 1
                continue
            }
            let first = i
            var high: Double?
            // Ranges: "2000-4000", "two to three thousand", "four or five".
            // "from RMB 1274 to 2300" names two values, not a range.
            if j + 1 < t.count, ["-", "–", "to", "or"].contains(t[j].lower),
                !(t[j].lower == "to" && (max(0, i - 2)..<i).contains { t[$0].lower == "from" })
            {
                // "2000-4000", "two to three", and mixed: "five to 10 years".
                if t[j + 1].kind == .number, !isWord || t[j].lower == "to", let v2 = Double(Extractor.withoutCommas(t[j + 1].text)), v2 > value {
                    high = v2
                    j += 2
                } else if let (v2, end) = wordNumber(t, j + 1), isWord || t[j].lower == "to", v2 > value {
                    high = v2
                    j = end
                }
            }
            var hasScale = false
            if j < t.count, t[j].kind == .word, let s = t[j].info.scale {
                value = Extractor.scaled(value, s)
                high = high.map { Extractor.scaled($0, s) }
                hasScale = true
                j += 1
            } else if !isWord, j + 1 < t.count, t[j].text == "-", !t[j].spaced, !t[j + 1].spaced, let s = t[j + 1].info.scale {
                value = Extractor.scaled(value, s)  // "11-million poverty stricken people"
                hasScale = true
                j += 2
            }
            var unit = ""
            var last = j - 1
            var lexiconUnit = true
            if isFraction {
                unit = "percent"
            } else if isTimes {
                unit = "times"
            } else if j < t.count, t[j].text == "%" {
                unit = "percent"
                last = j
            } else if j < t.count, t[j].lower == "percent" {
                unit = "percent"
                last = j
            } else if j + 1 < t.count, t[j].lower == "per", t[j + 1].lower == "cent" {
                unit = "percent"
                last = j + 1
            } else if j + 1 < t.count, t[j].lower == "percentage", t[j + 1].lower == "points" {
                unit = "percentage points"
                last = j + 1
            } else if j + 1 < t.count, t[j].text == "-", !t[j].spaced, t[j + 1].kind == .word, !t[j + 1].spaced {
                // "5-watt lamp" names a unit; "10-year programme" and "49-day" are adjectives of time.
                let w = t[j + 1].lower
                if w.hasSuffix("-old") {
                    for k in i...(j + 1) { consumed[k] = true }  // "29-year-old": an age
                    i = j + 2
                    continue
                }
                if w == "percent" {
                    unit = "percent"  // "a 6.8-percent contraction"
                    last = j + 1
                } else if let u = unitPhrases[w] ?? unitPhrases[w + "s"] {
                    unit = u
                    last = j + 1
                }
            } else if j + 4 < t.count, t[j].lower == "u", t[j + 1].text == ".", t[j + 2].lower == "s", t[j + 3].text == ".", t[j + 4].lower.hasPrefix("dollar") {
                unit = "usd"  // "47.7 billion U.S. dollars"
                last = j + 4
            } else if let (u, end, known) = findUnit(t, j) {
                unit = u
                last = end
                lexiconUnit = known
            }
            let currency = Extractor.currencyBefore(t, i)
            if let currency { unit = currency.unit }
            if Words.timeUnits.contains(unit), last + 1 < t.count, ["ago", "old", "later"].contains(t[last + 1].lower) {
                for k in first...last { consumed[k] = true }
                i = last + 1
                continue
            }
            if Extractor.isMoney(unit) { unit = rate(t, first, last, base: unit) }
            // Numbers in words need a unit to count as facts ("nine of 832 counties" borrows one later).
            if isWord && unit.isEmpty {
                let partOf = last + 2 < t.count && t[last + 1].lower == "of" && (t[last + 2].kind == .number || (last + 3 < t.count && t[last + 2].lower == "the" && t[last + 3].kind == .number))
                if !partOf { i = j; continue }
            }
            // Numbers in words count only nouns the lexicon knows: "two couplets", "three sisters",
            // "ten kinds" in reporting are rarely statistics (measured on the seed's gold list).
            if isWord && !lexiconUnit && !isTimes { i = j; continue }
            var qualifier = ""
            let qStart = currency?.start ?? first
            qualifier = self.qualifier(t, qStart)
            for k in qStart...max(qStart, last) { consumed[k] = true }
            found.append(
                Found(
                    first: qStart, last: max(qStart, last), value: value, high: high, unit: unit, qualifier: qualifier, hasScale: hasScale,
                    change: change(t, qStart, max(qStart, last))))
            i = max(j, last + 1)
        }
    }

    static let openingQuotes: Set<String> = ["\"", "“", "”", "「"]
    static let closingQuotes: Set<String> = ["\"", "“", "”", "」"]

    /// "down 23.39 million", "reduced by 13.86 million", "2.5 percentage points lower than":
    /// a change, not a level, from the lexicon's change phrases.
    private func change(_ t: Tokens, _ first: Int, _ last: Int) -> String? {
        if last + 2 < t.count, t[last + 2].lower == "than", let c = lexicon.changes_after_then_than?[t[last + 1].lower] { return c }
        guard first >= 1, let before = lexicon.changes_before, changeLastWords.contains(t[first - 1].lower) else { return nil }
        for n in [3, 2, 1] where first >= n {
            let phrase = n == 1 ? t[first - 1].lower : (first - n..<first).map { t[$0].lower }.joined(separator: " ")
            guard let c = before[phrase] else { continue }
            if n == 1 && (phrase == "up" || phrase == "down") {
                // "set up 2 factories" is not a rise: "up"/"down" count after a comma or a verb of being.
                guard first < 2 || [",", "was", "were", "is", "are", "went", "be", "been", "being"].contains(t[first - 2].lower) else { return nil }
            }
            return c
        }
        return nil
    }

    private func insideQuotes(_ t: Tokens, _ i: Int) -> Bool {
        var open = -1
        var k = i - 1
        while k >= 0 && i - k <= 8 {
            if t[k].kind == .punct, Extractor.openingQuotes.contains(t[k].text) { open = k; break }
            k -= 1
        }
        guard open >= 0 else { return false }
        var m = i + 1
        while m < t.count && m - i <= 8 {
            if t[m].kind == .punct, Extractor.closingQuotes.contains(t[m].text) { return true }
            m += 1
        }
        return false
    }

    /// The counted noun after a number, skipping up to three modifiers:
    /// "832 poverty-stricken counties" → counties.
    private func findUnit(_ t: Tokens, _ j: Int) -> (String, Int, Bool)? {
        var k = j
        var skipped = 0
        while k < t.count && skipped <= 3 {
            let w = t[k]
            // "two 10-year programmes": a number-word compound is a modifier.
            if w.kind == .number, k + 2 < t.count, t[k + 1].text == "-", !t[k + 1].spaced, t[k + 2].kind == .word, !t[k + 2].spaced {
                k += 3
                skipped += 1
                continue
            }
            guard w.kind == .word else { return nil }
            if k + 1 < t.count, t[k + 1].kind == .word {
                let two = w.lower + " " + t[k + 1].lower
                if let u = unitPhrases[two] { return (personNouns.contains(two) ? "people" : u, k + 1, true) }
            }
            if let u = unitPhrases[w.lower] {
                // "poor" is a unit only as a noun: "5.51 million rural poor" but not "poor villages".
                // Singular nouns used as modifiers: "village cadres", "county party secretaries".
                let modifier = Words.modifierNouns.contains(w.lower) && k + 1 < t.count && t[k + 1].kind == .word && !t[k + 1].isCapitalized && !t[k + 1].info.stop
                if !modifier {
                    return (personNouns.contains(w.lower) ? "people" : u, k, true)
                }
            }
            // A proper name after the number ("22 Nishi Village") means it counts nothing here.
            if w.info.stop || w.isCapitalized { return nil }
            // A plain plural right after the number is its counted noun.
            if k <= j + 2, w.lower.count >= 4, w.lower.hasSuffix("s"), !w.lower.hasSuffix("ss"), !w.lower.hasSuffix("ous"), !w.isCapitalized,
                k + 1 >= t.count || t[k + 1].kind != .word || t[k + 1].info.stop || unitPhrases[t[k + 1].lower] == nil
            {
                return (w.lower, k, false)
            }
            skipped += 1
            k += 1
        }
        return nil
    }

    /// "yuan a month", "monthly income of 2,000 yuan", "120 yuan ... every day".
    private func rate(_ t: Tokens, _ first: Int, _ last: Int, base: String) -> String {
        rate(t, first, last).replacingOccurrences(of: "yuan", with: base)
    }

    private func rate(_ t: Tokens, _ first: Int, _ last: Int) -> String {
        var k = last + 1
        var limit = last + 7
        while k < t.count && k <= limit {
            let w = t[k].lower
            // "6,700 yuan ($947) a month": look past a conversion in brackets.
            if t[k].text == "(", let close = (k + 1..<min(t.count, k + 8)).first(where: { t[$0].text == ")" }) {
                limit += close + 1 - k
                k = close + 1
                continue
            }
            // "($947) a month": the bracket around the number itself closes first.
            if t[k].text == ")" && k == last + 1 {
                k += 1
                continue
            }
            if t[k].kind == .punct || t[k].kind == .number { break }
            let next = k + 1 < t.count ? t[k + 1].lower : ""
            if w == "monthly" || ((w == "a" || w == "per" || w == "each" || w == "every") && next == "month") { return "yuan/month" }
            if w == "daily" || ((w == "a" || w == "per" || w == "each" || w == "every") && next == "day") { return "yuan/day" }
            if w == "annually" || ((w == "a" || w == "per") && next == "year") { return "yuan/year" }
            k += 1
        }
        k = first - 1
        while k >= 0 && k >= first - 8 {
            let w = t[k].lower
            if t[k].kind == .number || (t[k].kind == .punct && t[k].text != "," ) { break }
            if w == "monthly" { return "yuan/month" }
            if w == "daily" { return "yuan/day" }
            if w == "annual" && !(k + 1 < t.count && ["average", "increase", "growth"].contains(t[k + 1].lower)) { return "yuan/year" }
            k -= 1
        }
        return "yuan"
    }

    private func matches(_ t: Tokens, _ i: Int, _ words: [String]) -> Bool {
        guard i + words.count <= t.count else { return false }
        for (k, w) in words.enumerated() where t[i + k].lower != w { return false }
        return true
    }

    private func findZeroPhrases(_ t: Tokens, _ found: inout [Found]) {
        for i in t.indices {
            guard t[i].flags & Flag.zero != 0, let (index, end) = zeroPhrases.match(t, i) else { continue }
            let z = lexicon.zero_phrases[index]
            let metricIndex = lexicon.metrics.firstIndex { $0.id == z.metric }
            found.append(Found(first: i, last: end - 1, value: 0, high: nil, unit: z.unit, qualifier: "", hasScale: false, metricOverride: (z.metric, metricIndex)))
        }
    }

    // MARK: - Metric, period, entity

    private func findCues(_ t: Tokens) -> [(first: Int, last: Int, metric: Int)] {
        var hits: [(first: Int, last: Int, metric: Int)] = []
        var i = 0
        while i < t.count {
            if t[i].flags & Flag.cue != 0, let (metric, end) = cues.match(t, i) {
                hits.append((i, end - 1, metric))
                i = end
            } else {
                i += 1
            }
        }
        return hits
    }

    private func unitFits(_ unit: String, _ metric: Lexicon.Metric) -> Bool {
        if unit.isEmpty { return true }
        if metric.units.contains(unit) { return true }
        if unit.hasPrefix("yuan"), metric.units.contains(where: { $0.hasPrefix("yuan") }) { return true }
        return false
    }

    private func chooseMetric(_ f: Found, _ hits: [(first: Int, last: Int, metric: Int)], _ t: Tokens) -> (id: String, index: Int?) {
        var best: (Int, Int)?
        for h in hits {
            let m = lexicon.metrics[h.metric]
            guard unitFits(f.unit, m) else { continue }
            let distance: Int
            if h.last < f.first {
                distance = f.first - h.last
                if distance > (m.window ?? 10) { continue }
                // A clause break or another number between cue and number cuts the link.
                if ((h.last + 1)..<f.first).contains(where: { Words.clauseBreakers.contains(t[$0].text) || t[$0].kind == .number }) { continue }
            } else if h.first > f.last {
                distance = h.first - f.last
                if distance > 6 { continue }
                if ((f.last + 1)..<h.first).contains(where: { Words.clauseBreakers.contains(t[$0].text) || t[$0].text == "," || t[$0].kind == .number }) { continue }
            } else {
                distance = 0
            }
            if best == nil || distance < best!.0 { best = (distance, h.metric) }
        }
        if let best { return (lexicon.metrics[best.1].id, best.1) }
        return (Extractor.genericMetric(f.unit), nil)
    }

    static func genericMetric(_ unit: String) -> String {
        switch unit {
        case "percent", "percentage points": return "share"
        case _ where isMoney(Extractor.baseUnit(unit)): return "amount"
        case "years", "months", "days", "hours", "weeks": return "duration"
        case "m", "km": return "length"
        case "mu", "m2", "km2", "hectares": return "area"
        case "times": return "multiple"
        default: return "count"
        }
    }

    private func choosePeriod(_ f: Found, _ all: [TimeMention], startsFromTo: Bool = false) -> (Period?, Int?) {
        let times = all.filter { !$0.comparison }
        // "2,982 yuan in 2015": a year right after the number is its period.
        // "to 1.49 percent last year": so is a relative one.
        if let after = times.first(where: { ($0.period != nil || $0.relativeYears != nil) && $0.token > f.last && $0.token <= f.last + 5 }) {
            return after.period != nil ? (after.period, nil) : (nil, after.relativeYears)
        }
        if let before = times.last(where: { $0.period != nil && $0.token < f.first }) { return (before.period, nil) }
        if !startsFromTo, let later = times.first(where: { $0.period != nil && $0.token > f.last }) { return (later.period, nil) }
        if let relative = times.first(where: { $0.relativeYears != nil }) { return (nil, relative.relativeYears) }
        return (nil, nil)
    }

    private func chooseEntity(_ f: Found, _ places: [SentencePlace], _ t: Tokens) -> String {
        let near = places.filter {
            ($0.lastToken < f.first && f.first - $0.lastToken <= 24)
                || ($0.firstToken > f.last && $0.firstToken - f.last <= 4 && $0.firstToken >= 1 && t[$0.firstToken - 1].lower == "in")
                // "530,000 people in southwest China's Tibet"
                || ($0.firstToken > f.last && $0.firstToken - f.last <= 7 && $0.firstToken >= 3 && t[$0.firstToken - 1].lower == "s"
                    && t[$0.firstToken - 2].text == "'" && t[$0.firstToken - 3].lower == "china"
                    && (f.last + 1..<$0.firstToken).contains { t[$0].lower == "in" })
        }
        if let p = near.min(by: { abs($0.firstToken - f.first) < abs($1.firstToken - f.first) }) { return p.name }
        return "China"
    }
}

/// A place found in a sentence, for choosing the entity of nearby facts.
struct SentencePlace {
    var firstToken: Int
    var lastToken: Int
    var name: String
    /// The province it lies in, when the sentence settled that.
    var code: String? = nil
    /// Whether it is the province itself rather than a place in it.
    var isProvince = false
}
