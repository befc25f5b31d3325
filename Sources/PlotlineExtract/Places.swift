import PlotlineCore

/// What the extractor knows about one document while it reads it.
struct DocumentState {
    var source: String
    var dateline: Day?
    var facts: [Fact] = []
    var places: [PlaceMention] = []
    var warnings: [String] = []
    /// Facts whose period is relative to the dateline: fact index, years back (-1 last year).
    var relativeFacts: [(Int, Int)] = []
    /// Place names already tied to a province in this document ("Fuping" → HE).
    var memory: [String: String] = [:]
    /// The flattened table being read, if any (see `TableState`).
    var table = TableState()
    /// The strings of this document's tokens (see `WordStore`).
    let words: WordStore
    /// One bit per lower-cased word hash of every one-word key in `memory`: most capitalized
    /// words are not remembered places, and this answers "no" without hashing the string.
    var rememberedWords = [UInt64](repeating: 0, count: 64)
    /// (core, province) pairs already remembered, so a place named again costs one probe.
    var remembered: Set<String> = []
    var pending: [PendingPlace] = []
    /// Where the buffer being read starts in the file, when a file is read in pieces.
    var base = 0
    /// The latest year of a full date ("February 21, 2021") and the month and day of a
    /// dateline without a year ("(Xinhua News Agency, Beijing, February 23, …)").
    var latestDateYear: Int?
    var datelineMonthDay: (Int, Int)?

    /// The story's date: its dateline, in the year of the latest full date it gives.
    var foundDateline: Day? {
        guard let (m, d) = datelineMonthDay, let y = latestDateYear else { return nil }
        let day = Day(y, m, d)
        return day.isValid ? day : nil
    }

    /// The place the previous sentence was about, for "It has ..." sentences.
    var lastEntity: String?
    /// Places named so far in the paragraph being read, and the facts in it that name no place
    /// and no nation: they belong to the paragraph's place when it names just one.
    var paragraphPlaces: [(place: SentencePlace, sentence: Int)] = []
    /// Facts of this paragraph that name no place, with the sentence each is in.
    var placelessFacts: [(fact: Int, sentence: Int, saysProvince: Bool)] = []
    /// Sentences read so far in this paragraph.
    var paragraphSentences = 0

    mutating func noteParagraphPlace(_ p: SentencePlace) {
        paragraphPlaces.append((p, paragraphSentences))
    }

    /// The one place a paragraph is about: all its places lie in one province, and it names
    /// at most one place below the province ("Bijie City, Guizhou" is about Bijie City).
    var paragraphTopic: String? {
        guard let first = paragraphPlaces.first?.place, paragraphPlaces.allSatisfy({ $0.place.code != nil && $0.place.code == first.code }) else { return nil }
        let below = Set(paragraphPlaces.filter { !$0.place.isProvince }.map(\.place.name))
        if below.count == 1 { return below.first }
        if below.isEmpty { return first.name }
        return nil
    }

    /// Gives the paragraph's facts that name no place to the place it is about: named before
    /// the fact ("…in Linxia. 90 female workers work there"), or as the subject of a later
    /// sentence ("…6.3 million people… Bijie has carried on…"), not merely mentioned after it.
    mutating func endParagraph() {
        if !placelessFacts.isEmpty, let topic = paragraphTopic {
            for (index, sentence, saysProvince) in placelessFacts
            where paragraphPlaces.contains(where: { $0.place.name == topic && ($0.sentence < sentence || $0.place.firstToken <= 1) }) {
                // "…in the province": the province the paragraph's place lies in.
                if saysProvince, let code = paragraphPlaces.first?.place.code, let p = Gazetteer.byCode[code] {
                    facts[index].entity = p.name
                } else {
                    facts[index].entity = topic
                }
            }
        }
        paragraphPlaces = []
        placelessFacts = []
        paragraphSentences = 0
    }

    init(source: String, words: WordStore) {
        self.source = source
        self.words = words
        // The document starts knowing the prefecture-level divisions; what the text itself
        // ties a name to is added (and reported if it disagrees).
        for (name, code) in Gazetteer.prefectures {
            memory[name] = code
            let bit = WordTable<Int>.spread(WordTable<Int>.hash(name.utf8)) & 4095
            rememberedWords[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    struct PendingPlace {
        var mention: PlaceMention
        var core: String
        var chain: [String]
        var sentenceProvinces: [String]
    }

    mutating func remember(_ core: String, _ code: String) {
        guard remembered.insert(core + "\u{0}" + code).inserted else { return }
        for key in DocumentState.memoryKeys(core) {
            if let known = memory[key] {
                if known != code {
                    warnings.append("\(source): '\(key)' is placed in both \(Gazetteer.byCode[known]!.name) and \(Gazetteer.byCode[code]!.name); kept \(Gazetteer.byCode[known]!.name)")
                }
            } else {
                memory[key] = code
                let bit = WordTable<Int>.spread(WordTable<Int>.hash(key.utf8)) & 4095
                rememberedWords[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    /// Whether `memory` may hold the one word whose lower-cased hash is `hash`.
    func mayRemember(_ hash: UInt64) -> Bool {
        let bit = WordTable<Int>.spread(hash) & 4095
        return rememberedWords[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// "Liangshan Yi" is also remembered as "Liangshan", since text repeats the short form.
    static func memoryKeys(_ core: String) -> [String] {
        let words = core.split(separator: " ").map(String.init)
        var keys = [core]
        if words.count > 1, words[0].count >= 5, !Words.ethnicGroups.contains(words[0]) { keys.append(words[0]) }
        return keys.filter { !Words.ethnicGroups.contains($0) }
    }

    /// Places whose province the sentence did not settle: first by names this document tied
    /// to a province anywhere (before or after), then by the only province the sentence names.
    mutating func resolvePlaces() {
        func byMemory() {
            var changed = true
            while changed {
                changed = false
                var still: [PendingPlace] = []
                for p in pending {
                    if let code = memory[p.core] ?? p.chain.compactMap({ memory[$0] }).first {
                        accept(p, code)
                        changed = true
                    } else {
                        still.append(p)
                    }
                }
                pending = still
            }
        }
        byMemory()
        var still: [PendingPlace] = []
        for p in pending {
            let distinct = Array(Set(p.sentenceProvinces))
            if distinct.count == 1 { accept(p, distinct[0]) } else { still.append(p) }
        }
        pending = still
        byMemory()
        for p in pending {
            warnings.append("\(source): byte \(p.mention.offset): could not tell which province '\(p.mention.name)' is in; it was left out of places")
        }
        pending = []
        places.sort { $0.offset < $1.offset }
    }

    private mutating func accept(_ p: PendingPlace, _ code: String) {
        var m = p.mention
        m.provinceCode = code
        places.append(m)
        remember(p.core, code)
    }

    mutating func resolveRelativePeriods() {
        guard let dateline else {
            if !relativeFacts.isEmpty {
                warnings.append("\(source): \(relativeFacts.count) facts use relative dates (\"last year\", \"the past eight years\") but the text has no dateline; pass --dateline YYYY-MM-DD")
            }
            return
        }
        for (index, years) in relativeFacts {
            if years == -1 {
                facts[index].period = .year(dateline.year - 1)
            } else if years == 0 {
                facts[index].period = .year(dateline.year)
            } else {
                facts[index].period = .span(.year(dateline.year - years), .day(dateline))
            }
        }
    }
}

extension Extractor {
    static let provinceNames = PhraseIndex(Gazetteer.byName.map { ($0.key.split(separator: " ").map(String.init), $0.value) }, lowercase: false)

    /// The province whose name starts at token `i`, and the index after it.
    func provinceAt(_ t: Tokens, _ i: Int) -> (code: String, end: Int)? {
        guard i < t.count, t[i].flags & Flag.province != 0, let (code, end) = Extractor.provinceNames.match(t, i) else { return nil }
        return (code, end)
    }

    /// A place kind word such as "County" or "Autonomous Prefecture" at token `i`.
    func kindAt(_ t: Tokens, _ i: Int) -> (kind: String, text: String, end: Int)? {
        guard i < t.count, t[i].flags & Flag.kind != 0, let (kind, end) = kinds.match(t, i) else { return nil }
        return (kind, t[i..<end].map(\.text).joined(separator: " "), end)
    }

    func findPlaces(_ t: Tokens, _ state: inout DocumentState) -> [SentencePlace] {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: t.count) { covered in
            covered.initialize(repeating: false)
            return findPlaces(t, covered, &state)
        }
    }

    private func findPlaces(_ t: Tokens, _ covered: UnsafeMutableBufferPointer<Bool>, _ state: inout DocumentState) -> [SentencePlace] {
        var found: [SentencePlace] = []
        // Each pass below needs a word from one of the phrase tables; most sentences have none.
        var present: UInt16 = 0
        var words = 0
        var capitals = 0
        for i in t.indices {
            present |= t[i].flags
            if t[i].kind == .word {
                words += 1
                if t[i].isCapitalized { capitals += 1 }
            }
        }
        // "China's Yunnan Lifts 1.37 Mln People Out Of Poverty": in a title-case headline a
        // capital after a province name starts no place name.
        let headline = words >= 4 && capitals * 10 >= words * 7
        for i in t.indices where present & Flag.notPlace != 0 {
            if t[i].flags & Flag.notPlace != 0, let (_, end) = notPlaces.match(t, i) { for k in i..<end { covered[k] = true } }
        }
        func add(_ first: Int, _ last: Int, name: String, kind: String, code: String?, core: String, chain: [String] = [], sentenceProvinces: [String] = []) {
            let mention = PlaceMention(source: state.source, offset: state.base + t[first].start, length: t[last].end - t[first].start, name: name, kind: kind, provinceCode: code ?? "")
            for k in first...last { covered[k] = true }
            // A province is one entity however it is written: "Yunnan", "Yunnan Province", "Dian".
            var entity = name
            var isProvince = false
            if let code, let p = Gazetteer.byCode[code], kind == p.kind || kind == "abbreviation" || kind == "province" {
                entity = p.name
                isProvince = true
            }
            found.append(SentencePlace(firstToken: first, lastToken: last, name: entity, code: code, isProvince: isProvince))
            if let code {
                state.places.append(mention)
                if !core.isEmpty && !Gazetteer.byName.keys.contains(core) { state.remember(core, code) }
            } else {
                state.pending.append(.init(mention: mention, core: core, chain: chain, sentenceProvinces: sentenceProvinces))
            }
        }

        // Abbreviation lists: "Gui, Sichuan, Gui, Yun, Gan, Ning, and Xin".
        var i = present & Flag.abbreviation != 0 ? 0 : t.count
        while i < t.count {
            var items: [(Int, Int, String?)] = []  // first, last, full-name code
            var k = i
            while k < t.count {
                if covered[k] { break }
                if let (code, end) = provinceAt(t, k) {
                    items.append((k, end - 1, code))
                    k = end
                } else if t[k].flags & Flag.abbreviation != 0 {
                    items.append((k, k, nil))
                    k += 1
                } else {
                    break
                }
                if k < t.count, t[k].text == "," { k += 1 }
                if k < t.count, t[k].lower == "and" { k += 1 }
            }
            let abbreviations = items.filter { $0.2 == nil }.count
            if items.count >= 3 && abbreviations >= 1 {
                for r in resolveAbbreviationList(items, t, &state.warnings, source: state.source, base: state.base) {
                    add(r.first, r.last, name: r.name, kind: r.kind, code: r.code, core: r.core)
                }
                i = k
            } else {
                i += 1
            }
        }

        // Provinces named in full, and what stands right after them ("Ningxia Xihaigu").
        var sentenceProvinces: [String] = []
        i = present & Flag.province != 0 ? 0 : t.count
        while i < t.count {
            if !covered[i], let (code, end) = provinceAt(t, i) {
                // "Lai Jilin" is a person: a province name right after another capitalized name
                // word, with nothing marking it as a place, is read as a given name.
                if i >= 1, t[i - 1].isCapitalized, t[i].spaced, !t[i - 1].info.stop, !Words.directions.contains(t[i - 1].lower),
                    provinceAt(t, i - 1) == nil, kindAt(t, end) == nil, !covered[i - 1]
                {
                    i = end
                    continue
                }
                var last = end - 1
                var kind = Gazetteer.byCode[code]!.kind
                if let (k, _, kEnd) = kindAt(t, end), k == "province" {
                    last = kEnd - 1
                    kind = Gazetteer.byCode[code]!.kind
                }
                add(i, last, name: t[i...last].map(\.text).joined(separator: " "), kind: kind, code: code, core: Gazetteer.byCode[code]!.name)
                sentenceProvinces.append(code)
                // "Qinghai Xunhua": a place name right after a province name lies in it.
                let n = last + 1
                if !headline, n < t.count, t[n].spaced, t[n].isCapitalized, !covered[n], provinceAt(t, n) == nil, kindAt(t, n) == nil,
                    !t[n].info.stop, !Words.ethnicGroups.contains(t[n].text), t[n].info.month == nil
                {
                    var e = n
                    while e + 1 < t.count, t[e + 1].isCapitalized, kindAt(t, e + 1) == nil, e - n < 2 { e += 1 }
                    if let (k, kText, kEnd) = kindAt(t, e + 1) {
                        let core = t[n...e].map(\.text).joined(separator: " ")
                        add(n, kEnd - 1, name: core + " " + kText, kind: k, code: code, core: core)
                        i = kEnd
                        continue
                    } else if e == n, n + 1 < t.count, !t[n + 1].isCapitalized, !isFeature(t, n + 1) {
                        add(n, n, name: t[n].text, kind: "place", code: code, core: t[n].text)
                        i = n + 1
                        continue
                    }
                }
                i = last + 1
                continue
            }
            i += 1
        }

        // Named places with a kind: "Shibadong Village, Huayuan County, western Hunan".
        i = present & (Flag.kind | Flag.lowerKind) != 0 ? 0 : t.count
        while i < t.count {
            guard !covered[i], t[i].isCapitalized, !t[i].info.stop, provinceAt(t, i) == nil else {
                i += 1
                continue
            }
            var e = i
            while e < t.count, t[e].isCapitalized, kindAt(t, e) == nil, !covered[e], e - i < 3 { e += 1 }
            // "Shaanxi county in Henan province" (China Daily's lower case): only inside a
            // sentence and only when the text goes on to name the province.
            if e > i, i > 0, e < t.count, t[e].flags & Flag.lowerKind != 0, t[e].text == t[e].lower, !covered[e],
                case (let code?, _) = followChain(t, e + 1)
            {
                let core = t[i..<e].map(\.text).joined(separator: " ")
                if !t[i..<e].contains(where: { Words.ethnicGroups.contains($0.text) }) {
                    add(i, e, name: core + " " + t[e].text, kind: t[e].lower == "district" ? "county" : t[e].lower, code: code, core: core)
                }
                i = e + 1
                continue
            }
            guard e > i, let (kind, kindText, kEnd) = kindAt(t, e), !covered[e] else {
                i += 1
                continue
            }
            let coreWords = t[i..<e].map(\.text).filter { !Words.ethnicGroups.contains($0) }
            guard !coreWords.isEmpty else {
                i = kEnd
                continue
            }
            let core = t[i..<e].map(\.text).joined(separator: " ")
            let (chainCode, chain) = followChain(t, kEnd)
            add(i, kEnd - 1, name: core + " " + kindText, kind: kind, code: chainCode ?? state.memory[core], core: core, chain: chain, sentenceProvinces: sentenceProvinces)
            i = kEnd
        }

        // Bare names tied to a province: "Fuping, Hebei", "Heihe in Heilongjiang".
        i = present & Flag.province != 0 ? 0 : t.count
        while i < t.count {
            defer { i += 1 }
            guard !covered[i], t[i].isCapitalized, !t[i].info.stop, t[i].info.month == nil, i + 2 < t.count,
                t[i].text != "China", !Words.ethnicGroups.contains(t[i].text)
            else { continue }
            if i > 0, t[i - 1].isCapitalized, !t[i - 1].info.stop { continue }  // part of a longer name
            var n = i + 1
            guard t[n].text == "," || t[n].lower == "in" else { continue }
            n += 1
            if n < t.count, Words.directions.contains(t[n].lower) { n += 1 }
            if let (code, _) = provinceAt(t, n) {
                add(i, i, name: t[i].text, kind: "place", code: code, core: t[i].text)
            }
        }

        // Names the text itself calls places: "Minning, a town close to Yinchuan", "Yinchuan,
        // capital of … Ningxia", "the last poor county of Xiji". Their province is the one the
        // sentence names, or one the document ties them to.
        i = present & Flag.lowerKind != 0 || sentenceProvinces.count > 0 ? 0 : t.count
        while i < t.count {
            defer { i += 1 }
            // Cheap tests first: a name followed by a comma, or after "<kind> of".
            guard !covered[i], t[i].isCapitalized, i + 2 < t.count && t[i + 1].end - t[i + 1].start == 1 && t[i + 1].text == ","
                || i >= 2 && t[i - 1].end - t[i - 1].start == 2 && t[i - 1].lower == "of" && t[i - 2].flags & Flag.lowerKind != 0
            else { continue }
            guard !t[i].info.stop, t[i].info.month == nil, provinceAt(t, i) == nil, t[i].text != "China", !Words.ethnicGroups.contains(t[i].text),
                !(i > 0 && t[i - 1].isCapitalized && !t[i - 1].info.stop)
            else { continue }
            var kind: String?
            // "X, a town …" / "X, capital of …"
            if i + 2 < t.count, t[i + 1].text == "," {
                var k = i + 2
                if k < t.count, ["a", "an", "the"].contains(t[k].lower) { k += 1 }
                var adjectives = 0
                while k < t.count, adjectives < 2, t[k].kind == .word, !t[k].isCapitalized, t[k].flags & Flag.lowerKind == 0, t[k].lower != "capital" {
                    k += 1
                    adjectives += 1
                }
                if k < t.count, t[k].text == t[k].lower, t[k].flags & Flag.lowerKind != 0 || t[k].lower == "capital" {
                    kind = t[k].lower == "capital" ? "city" : t[k].lower
                }
            }
            // "county of X"
            if kind == nil, i >= 2, t[i - 1].lower == "of", t[i - 2].flags & Flag.lowerKind != 0, t[i - 2].text == t[i - 2].lower {
                kind = t[i - 2].lower
            }
            guard let kind else { continue }
            let code = state.memory[t[i].text] ?? (Set(sentenceProvinces).count == 1 ? sentenceProvinces[0] : nil)
            add(i, i, name: t[i].text, kind: kind == "district" ? "county" : kind, code: code, core: t[i].text, sentenceProvinces: sentenceProvinces)
        }

        // Names this document has already placed.
        for k in t.indices where !covered[k] && t[k].isCapitalized {
            if state.mayRemember(t[k].lowerHash), let code = state.memory[t[k].text], !(k > 0 && t[k - 1].isCapitalized && !t[k - 1].info.stop) {
                add(k, k, name: t[k].text, kind: "place", code: code, core: t[k].text)
            }
        }
        return found
    }

    private func isFeature(_ t: Tokens, _ i: Int) -> Bool {
        ["mountain", "mountains", "river", "lake", "plateau", "desert", "valley"].contains(t[i].lower)
    }

    /// Walks ", Place, Place, Province" after a place and returns the province it ends in,
    /// with the names met on the way.
    private func followChain(_ t: Tokens, _ start: Int) -> (String?, [String]) {
        var p = start
        var names: [String] = []
        var hops = 0
        while p < t.count && hops < 8 {
            hops += 1
            guard t[p].text == "," || t[p].lower == "in" || t[p].lower == "of" || t[p].lower == "and" else { return (nil, names) }
            p += 1
            if p < t.count, t[p].lower == "the", p + 1 < t.count, Words.directions.contains(t[p + 1].lower) { p += 1 }
            if p < t.count, Words.directions.contains(t[p].lower) { p += 1 }
            if let (code, _) = provinceAt(t, p) { return (code, names) }
            guard p < t.count, t[p].isCapitalized, !t[p].info.stop else { return (nil, names) }
            var e = p
            while e < t.count, t[e].isCapitalized, kindAt(t, e) == nil, e - p < 3 { e += 1 }
            names.append(t[p..<e].map(\.text).joined(separator: " "))
            if let (_, _, kEnd) = kindAt(t, e) { p = kEnd } else { p = e }
        }
        return (nil, names)
    }

    /// Resolves single-syllable abbreviations in a list. An ambiguous one takes a candidate
    /// the list has not named yet, the one nearest on the tile grid to the rest of the list.
    private func resolveAbbreviationList(_ items: [(Int, Int, String?)], _ t: Tokens, _ warnings: inout [String], source: String, base: Int)
        -> [(first: Int, last: Int, name: String, kind: String, code: String, core: String)]
    {
        var out: [(first: Int, last: Int, name: String, kind: String, code: String, core: String)] = []
        var used = Set(items.compactMap { $0.2 })
        for item in items where item.2 == nil {
            if let only = Gazetteer.byAbbreviation[t[item.0].text], only.count == 1 { used.insert(only[0]) }
        }
        var anchors = Array(used)
        for item in items {
            if let code = item.2 {
                let p = Gazetteer.byCode[code]!
                out.append((item.0, item.1, p.name, p.kind, code, p.name))
                continue
            }
            let abbreviation = t[item.0].text
            let candidates = Gazetteer.byAbbreviation[abbreviation]!
            var choice = candidates[0]
            if candidates.count > 1 {
                let fresh = candidates.filter { !used.contains($0) }
                let pool = fresh.isEmpty ? candidates : fresh
                choice = pool.min { a, b in
                    let da = anchors.map { Gazetteer.tileDistance(a, $0) }.reduce(0, +)
                    let db = anchors.map { Gazetteer.tileDistance(b, $0) }.reduce(0, +)
                    return (da, a) < (db, b)
                }!
                let names = candidates.map { Gazetteer.byCode[$0]!.name }.joined(separator: " or ")
                warnings.append("\(source): byte \(base + t[item.0].start): '\(abbreviation)' may be \(names); read as \(Gazetteer.byCode[choice]!.name) from the other provinces in the list")
            }
            used.insert(choice)
            anchors.append(choice)
            out.append((item.0, item.1, abbreviation, "abbreviation", choice, ""))
        }
        return out
    }
}
