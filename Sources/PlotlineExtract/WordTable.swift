import Foundation

/// A read-only hash table from words to values, probed with the hash the tokenizer already
/// computed while scanning the bytes. Looking every word up in a `[String: …]` meant
/// hashing each one again with SipHash, about a sixth of extraction time.
///
/// Keys are hashed lower-cased; `exactCase` tables compare the bytes as written, so
/// "Gui" (an abbreviation) and "gui" stay apart while sharing a probe sequence.
struct WordTable<Value> {
    /// The hash of a whole word, lower-cased (what the tokenizer computes as it scans).
    static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h = WordHash()
        for b in bytes { h.add(b >= 65 && b <= 90 ? b | 0x20 : b) }
        return h.value
    }
    /// The table's slot: a multiply moves the best-mixed high bits down.
    @inline(__always) static func spread(_ h: UInt64) -> Int { Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 40) }

    private var slots: [Int32]  // index into entries, or -1
    private var keyBytes: [UInt8] = []
    private var entries: [(start: Int, count: Int, value: Value)] = []
    private let mask: Int
    let exactCase: Bool

    init(_ pairs: [(String, Value)], exactCase: Bool) {
        self.exactCase = exactCase
        var size = 16
        while size < pairs.count * 4 { size <<= 1 }
        mask = size - 1
        slots = [Int32](repeating: -1, count: size)
        for (key, value) in pairs {
            let bytes = Array(key.utf8)
            let hash = WordTable<Int>.hash(bytes)
            if let existing = find(hash, bytes) {
                entries[existing].value = value
                continue
            }
            var slot = WordTable<Int>.spread(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entries.count)
            entries.append((keyBytes.count, bytes.count, value))
            keyBytes += bytes
        }
    }

    private func find(_ hash: UInt64, _ bytes: [UInt8]) -> Int? {
        var slot = WordTable<Int>.spread(hash) & mask
        while slots[slot] >= 0 {
            let e = entries[Int(slots[slot])]
            if e.count == bytes.count && Array(keyBytes[e.start..<e.start + e.count]) == bytes { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The value for the word `bytes[start..<end]`, whose lower-cased `WordHash` is `hash`.
    func lookup(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Value? {
        let count = end - start
        var slot = WordTable<Int>.spread(hash) & mask
        return keyBytes.withUnsafeBufferPointer { keys -> Value? in
            while true {
                let index = slots[slot]
                if index < 0 { return nil }
                let e = entries[Int(index)]
                if e.count == count {
                    var same = true
                    for k in 0..<count {
                        var c = bytes[start + k]
                        if !exactCase && c >= 65 && c <= 90 { c |= 0x20 }
                        if c != keys[e.start + k] {
                            same = false
                            break
                        }
                    }
                    if same { return e.value }
                }
                slot = (slot + 1) & mask
            }
        }
    }
}

/// A word's hash, eight bytes at a time: bytes are packed into a word and mixed with one
/// multiplication per eight, where FNV-1a needed one per byte (a chain the CPU cannot overlap).
struct WordHash {
    private var h: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var pack: UInt64 = 0
    private var count = 0

    @inline(__always) mutating func add(_ byte: UInt8) {
        pack = pack << 8 | UInt64(byte)
        count &+= 1
        if count & 7 == 0 {
            h = (h ^ pack) &* 0xFF51_AFD7_ED55_8CCD
            pack = 0
        }
    }

    var value: UInt64 {
        var x = (h ^ pack ^ UInt64(truncatingIfNeeded: count)) &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 29
        return x
    }
}

struct WordClass {
    var info: WordInfo
    var flags: UInt16
}

/// Where tokens keep their strings. A token holds a pointer to a (text, lower-cased) pair
/// here instead of two `String`s, so tokens are plain values: copying and freeing a line's
/// tokens no longer retains and releases two strings each (a fifth of extraction time).
///
/// Words seen before are found by the hash the tokenizer computes anyway (news text repeats
/// a small vocabulary) and never decoded again. The interned pairs live as long as the
/// document; pairs that are not interned (the table is full, or the word is very long)
/// live in chunks that are recycled line by line, so memory stays bounded.
final class WordStore {
    static let capacity = 1 << 15
    static let keyCapacity = capacity * 16
    static let chunkPairs = 256
    private static let slotCount = capacity * 2

    // Fixed buffers behind `let` pointers: a class's `var` arrays would be checked for
    // exclusive access on every probe, which cost more than the probe itself.
    private let slots: UnsafeMutablePointer<Int32>
    private let hashes: UnsafeMutablePointer<UInt64>
    private let starts: UnsafeMutablePointer<Int>  // count + 1 entries
    private let keyBytes: UnsafeMutablePointer<UInt8>
    private let interned: UnsafeMutablePointer<String>
    /// What the grammar knows of each interned word, looked up once when it is first seen.
    private let classes: UnsafeMutablePointer<WordClass>
    private let lowerTable: WordTable<WordClass>
    private let exactTable: WordTable<UInt16>
    /// count, chunk index, pairs used in that chunk
    private let counters: UnsafeMutablePointer<Int>
    private var chunks: [UnsafeMutablePointer<String>] = []

    /// Every ASCII character as a pair, made once: punctuation is a third of all tokens.
    private let ascii: UnsafeMutablePointer<String>

    /// `lower`: entries for words in any case; `exact`: flags for capitalized words as written.
    init(lower: WordTable<WordClass>, exact: WordTable<UInt16>) {
        lowerTable = lower
        exactTable = exact
        classes = .allocate(capacity: WordStore.capacity)
        slots = .allocate(capacity: WordStore.slotCount)
        slots.initialize(repeating: -1, count: WordStore.slotCount)
        hashes = .allocate(capacity: WordStore.capacity)
        starts = .allocate(capacity: WordStore.capacity + 1)
        starts[0] = 0
        keyBytes = .allocate(capacity: WordStore.keyCapacity)
        interned = .allocate(capacity: WordStore.capacity * 2)
        counters = .allocate(capacity: 3)
        counters.initialize(repeating: 0, count: 3)
        counters[1] = -1
        ascii = .allocate(capacity: 256)
        for b in 0..<128 {
            let s = String(UnicodeScalar(UInt8(b)))
            (ascii + 2 * b).initialize(to: s)
            (ascii + 2 * b + 1).initialize(to: s)
        }
    }

    deinit {
        recycleLine()
        for c in chunks { c.deallocate() }
        interned.deinitialize(count: counters[0] * 2)
        interned.deallocate()
        ascii.deinitialize(count: 256)
        ascii.deallocate()
        slots.deallocate()
        hashes.deallocate()
        starts.deallocate()
        keyBytes.deallocate()
        counters.deallocate()
        classes.deallocate()
    }

    /// The grammar's entry for a word: its number/month/scale meaning and phrase-table flags.
    func classify(_ lowerHash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, capitalized: Bool) -> WordClass {
        var c = lowerTable.lookup(lowerHash, bytes, start, end) ?? WordClass(info: .none, flags: 0)
        if capitalized, let f = exactTable.lookup(lowerHash, bytes, start, end) { c.flags |= f }
        return c
    }

    /// Frees the pairs of the previous line's uninterned words; their tokens are gone.
    func recycleLine() {
        let last = counters[1]
        guard last >= 0 else { return }
        for n in 0...last {
            chunks[n].deinitialize(count: 2 * (n == last ? counters[2] : WordStore.chunkPairs))
        }
        counters[1] = -1
        counters[2] = 0
    }

    func asciiPair(_ b: UInt8) -> UnsafePointer<String> { UnsafePointer(ascii + 2 * Int(b)) }

    /// A pair that lives until the next `recycleLine`.
    func linePair(_ text: String, _ lower: String) -> UnsafePointer<String> {
        if counters[1] < 0 || counters[2] == WordStore.chunkPairs {
            counters[1] += 1
            counters[2] = 0
            if counters[1] == chunks.count { chunks.append(.allocate(capacity: 2 * WordStore.chunkPairs)) }
        }
        let p = chunks[counters[1]] + 2 * counters[2]
        p.initialize(to: text)
        (p + 1).initialize(to: lower)
        counters[2] += 1
        return UnsafePointer(p)
    }

    /// Byte equality eight at a time: words are short, and a call to memcmp cost more than
    /// the comparison.
    @inline(__always) static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// The pair for the word `bytes[start..<end]` (any hash of it that equal bytes share), with
    /// its grammar entry; `lowerHash` is its lower-cased `WordHash`, nil for numbers.
    func pair(_ hash: UInt64, _ lowerHash: UInt64?, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hasUpper: Bool)
        -> (UnsafePointer<String>, WordClass)
    {
        let length = end - start
        let mask = WordStore.slotCount - 1
        var slot = WordTable<Int>.spread(hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            if hashes[index] == hash {
                let a = starts[index]
                if starts[index + 1] - a == length && WordStore.same(keyBytes + a, bytes.baseAddress! + start, length) {
                    return (UnsafePointer(interned + 2 * index), classes[index])
                }
            }
            slot = (slot + 1) & mask
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let lower = hasUpper ? text.lowercased() : text
        let wordClass = lowerHash.map { classify($0, bytes, start, end, capitalized: bytes[start] >= 65 && bytes[start] <= 90) } ?? WordClass(info: .none, flags: 0)
        let count = counters[0]
        guard count < WordStore.capacity, starts[count] + length <= WordStore.keyCapacity else { return (linePair(text, lower), wordClass) }
        (classes + count).initialize(to: wordClass)
        slots[slot] = Int32(count)
        hashes[count] = hash
        (keyBytes + starts[count]).update(from: bytes.baseAddress! + start, count: length)
        starts[count + 1] = starts[count] + length
        let p = interned + 2 * count
        p.initialize(to: text)
        (p + 1).initialize(to: lower)
        counters[0] = count + 1
        return (UnsafePointer(p), wordClass)
    }
}
