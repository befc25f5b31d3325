/// Fixed English vocabulary the grammar of numbers and dates needs. Domain vocabulary
/// (metrics, units, qualifiers) lives in the lexicon instead.
/// What the grammar needs to know about one word, looked up once when it is tokenized.
struct WordInfo {
    /// A cardinal in words ("eight", "twenty-five"), or nil.
    var number: Double?
    /// "million" → 1e6, or nil.
    var scale: Double?
    /// "February" → 2, or nil.
    var month: Int?
    var stop = false

    static let none = WordInfo()
}

enum Words {
    /// Every word the grammar treats specially, lower-cased, with what it is.
    static let info: [String: WordInfo] = {
        var table: [String: WordInfo] = [:]
        for (w, v) in ones where w != "dozen" { table[w, default: .none].number = v }
        for (w, v) in tens { table[w, default: .none].number = v }
        for (t, a) in tens {
            for (o, b) in ones where b >= 1 && b < 10 { table["\(t)-\(o)", default: .none].number = a + b }
        }
        for (w, v) in scales { table[w, default: .none].scale = v }
        for (w, m) in months { table[w, default: .none].month = m }
        for w in stop { table[w, default: .none].stop = true }
        return table
    }()

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    static let ones: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12,
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
        // Wire and headline abbreviations: "1.37 Mln People".
        "mln": 1_000_000, "mn": 1_000_000, "bln": 1_000_000_000, "bn": 1_000_000_000,
    ]
    static let ordinalSuffixes: Set<String> = ["th", "st", "nd", "rd"]
    /// Denominators of fractions in words.
    static let fractions: [String: Double] = [
        "half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
        "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    ]
    static let stop: Set<String> = [
        "the", "a", "an", "of", "in", "to", "and", "or", "from", "for", "with", "by", "at", "on", "have", "has", "had",
        "was", "were", "is", "are", "be", "been", "will", "that", "which", "who", "this", "these", "those", "than", "as",
        "it", "its", "their", "his", "her", "all", "each", "every", "per", "ago", "more", "less", "such", "there",
        "into", "out", "up", "down", "not", "no", "but", "so", "also", "only", "still", "about", "over", "under",
        "after", "before", "since", "until", "during", "while", "when", "where", "s", "old", "later", "earlier",
    ]
    static let timeUnits: Set<String> = ["years", "months", "days", "hours", "weeks"]
    static let sentenceEnders: Set<String> = [".", "!", "?", ";", "。", "！", "？", "；", "…"]
    static let clauseBreakers: Set<String> = [".", "!", "?", ";", "。", "！", "？", "；", ":", "：", "——", "—", "(", ")"]
    /// Ethnic groups appear before "Village" in translations ("Miao Village") without naming a place.
    static let ethnicGroups: Set<String> = [
        "Miao", "Yi", "Hui", "Tibetan", "Zhuang", "Uygur", "Uyghur", "Salar", "Baoan", "Tujia", "Dong", "Bai", "Hani",
        "Han", "Mongolian", "Kazakh", "Dai", "Li", "Naxi", "Qiang",
    ]
    static let directions: Set<String> = [
        "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeast",
        "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
    ]
    static let modifierNouns: Set<String> = [
        "county", "village", "township", "town", "household", "family", "person", "year", "month", "day", "hour",
        "meter", "kilometer", "poor", "province", "city",
    ]
    static let national: Set<String> = ["china", "country", "nationwide", "national", "nation"]
}
