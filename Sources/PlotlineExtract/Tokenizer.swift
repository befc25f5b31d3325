/// A sentence's tokens, viewed in place in the line's token array (no copy per sentence).
typealias Tokens = UnsafeBufferPointer<Token>

/// A token of English text with its UTF-8 byte range in the source file.
struct Token {
    enum Kind { case word, number, punct }
    var kind: Kind
    var start: Int
    var end: Int
    /// The token's (text, lower-cased text) pair in the line's `WordStore`.
    var strings: UnsafePointer<String>
    /// Whether white space separates it from the token before.
    var spaced: Bool
    var info: WordInfo = .none
    /// Which phrase tables this word can start (see `Extractor.Flag`), set once per line.
    var flags: UInt16 = 0
    /// A word starting with an ASCII capital.
    var isCapitalized = false
    /// The lower-cased word's `WordHash`, for `WordTable` look-ups without hashing strings again.
    var lowerHash: UInt64 = 0

    /// The token as it stands (numbers keep their commas).
    var text: String { strings.pointee }
    var lower: String { strings[1] }
}

/// Splits bytes into words, numbers and punctuation without decoding the whole file: all the
/// patterns the extractor looks for are ASCII, and any other byte sequence is one
/// punctuation token, so invalid UTF-8 cannot derail it.
enum Tokenizer {
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }

    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, store: WordStore) -> [Token] {
        var out: [Token] = []
        // English averages over five bytes a token; growing the array was 8 % of extraction.
        out.reserveCapacity((to - from) / 4 + 8)
        var i = from
        var spaced = true
        func text(_ a: Int, _ b: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        }
        while i < to {
            let b = bytes[i]
            if isSpace(b) {
                spaced = true
                i += 1
                continue
            }
            // A non-breaking space (C2 A0) separates like a space.
            if b == 0xC2 && i + 1 < to && bytes[i + 1] == 0xA0 {
                spaced = true
                i += 2
                continue
            }
            let start = i
            if isLetter(b) {
                i += 1
                while i < to {
                    let c = bytes[i]
                    if isLetter(c) {
                        i += 1
                    } else if c == 39 && i + 1 < to && (bytes[i + 1] == 115 || bytes[i + 1] == 83) && (i + 2 >= to || !isLetter(bytes[i + 2])) {
                        break  // a possessive 's is not part of the name: "County's"
                    } else if (c == 45 || c == 39) && i + 1 < to && isLetter(bytes[i + 1]) {
                        i += 2  // hyphenated words and names like Wan'an
                    } else {
                        break
                    }
                }
                var hasUpper = false
                var hasher = WordHash()
                for k in start..<i {
                    var c = bytes[k]
                    if c >= 65 && c <= 90 {
                        hasUpper = true
                        c |= 0x20
                    }
                    hasher.add(c)
                }
                let hash = hasher.value
                // Interned by the lower-cased hash: "The" and "the" share a probe sequence and
                // are told apart by their bytes.
                let (strings, wordClass) = store.pair(hash, hash, bytes, start, i, hasUpper: hasUpper)
                out.append(
                    Token(
                        kind: .word, start: start, end: i, strings: strings, spaced: spaced, info: wordClass.info, flags: wordClass.flags,
                        isCapitalized: b >= 65 && b <= 90, lowerHash: hash))
            } else if isDigit(b) {
                i += 1
                while i < to {
                    let c = bytes[i]
                    if isDigit(c) {
                        i += 1
                    } else if c == 44 && i + 3 < to && isDigit(bytes[i + 1]) && isDigit(bytes[i + 2]) && isDigit(bytes[i + 3])
                        && (i + 4 >= to || !isDigit(bytes[i + 4]))
                    {
                        i += 4  // thousands separator
                    } else if c == 46 && i + 1 < to && isDigit(bytes[i + 1]) {
                        i += 2
                    } else {
                        break
                    }
                }
                // Runaway digit strings (a 400-digit number) stay one token but are capped in value later.
                var hasher = WordHash()
                for k in start..<i { hasher.add(bytes[k]) }
                let hash = hasher.value
                out.append(Token(kind: .number, start: start, end: i, strings: store.pair(hash, nil, bytes, start, i, hasUpper: false).0, spaced: spaced))
            } else {
                // One character: an ASCII byte or a whole UTF-8 sequence (stray bytes one at a time).
                var len = 1
                if b >= 0xC0 && b < 0xE0 { len = 2 } else if b >= 0xE0 && b < 0xF0 { len = 3 } else if b >= 0xF0 && b < 0xF8 { len = 4 }
                if start + len > to { len = 1 }
                for k in 1..<len where bytes[start + k] & 0xC0 != 0x80 {
                    len = 1
                    break
                }
                i = start + len
                let pair: UnsafePointer<String>
                if len == 1 && b < 128 {
                    pair = store.asciiPair(b)
                } else {
                    let t = text(start, i)
                    pair = store.linePair(t, t)
                }
                out.append(Token(kind: .punct, start: start, end: i, strings: pair, spaced: spaced))
            }
            spaced = false
        }
        return out
    }
}
