import Foundation

/// A read-only hash table from words to values, probed with the hash the tokenizer already
/// computed while scanning the bytes. Looking every word up in a `[String: …]` meant
/// hashing each one again with SipHash, about a sixth of extraction time.
///
/// Keys are hashed lower-cased; `exactCase` tables compare the bytes as written, so
/// "Gui" (an abbreviation) and "gui" stay apart while sharing a probe sequence.
struct WordTable<Value> {
    static var seed: UInt64 { 0xcbf2_9ce4_8422_2325 }
    @inline(__always) static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

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
            let hash = bytes.reduce(WordTable.seed) { WordTable.step($0, $1 >= 65 && $1 <= 90 ? $1 | 0x20 : $1) }
            if let existing = find(hash, bytes) {
                entries[existing].value = value
                continue
            }
            var slot = Int(truncatingIfNeeded: hash >> 7) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entries.count)
            entries.append((keyBytes.count, bytes.count, value))
            keyBytes += bytes
        }
    }

    private func find(_ hash: UInt64, _ bytes: [UInt8]) -> Int? {
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        while slots[slot] >= 0 {
            let e = entries[Int(slots[slot])]
            if e.count == bytes.count && Array(keyBytes[e.start..<e.start + e.count]) == bytes { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The value for the word `bytes[start..<end]`, whose lower-cased FNV-1a hash is `hash`.
    func lookup(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Value? {
        let count = end - start
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
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

/// The strings of the words seen so far, found by the hash the tokenizer computes anyway:
/// news text repeats a small vocabulary, and decoding and validating each word again was
/// a tenth of extraction time. Bounded, so an adversarial vocabulary only stops the reuse.
struct WordInterner {
    static let capacity = 1 << 15
    private var slots = [Int32](repeating: -1, count: capacity * 4)
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var keyBytes: [UInt8] = []
    private var texts: [String] = []
    private var lowers: [String] = []

    /// The word `bytes[start..<end]` as written and lower-cased; `hash` is its FNV-1a.
    mutating func strings(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hasUpper: Bool) -> (String, String) {
        let count = end - start
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        let found: Int32 = slots.withUnsafeBufferPointer { s in
            hashes.withUnsafeBufferPointer { h in
                starts.withUnsafeBufferPointer { st in
                    keyBytes.withUnsafeBufferPointer { keys in
                        while true {
                            let index = s[slot]
                            if index < 0 { return -1 }
                            let e = Int(index)
                            if h[e] == hash {
                                let a = st[e]
                                let b = e + 1 < st.count ? st[e + 1] : keys.count
                                if b - a == count && memcmp(keys.baseAddress! + a, bytes.baseAddress! + start, count) == 0 { return index }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        if found >= 0 { return (texts[Int(found)], lowers[Int(found)]) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let lower = hasUpper ? text.lowercased() : text
        if texts.count < WordInterner.capacity && count <= 64 {
            slots[slot] = Int32(texts.count)
            hashes.append(hash)
            starts.append(keyBytes.count)
            keyBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            texts.append(text)
            lowers.append(lower)
        }
        return (text, lower)
    }
}
