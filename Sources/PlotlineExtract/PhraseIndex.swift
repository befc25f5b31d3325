/// Multi-word phrases looked up by their first word, longest first, so matching a token
/// costs one dictionary probe instead of a scan over every phrase.
struct PhraseIndex<Payload> {
    private var byFirst: [String: [(rest: [String], payload: Payload)]] = [:]
    /// Match on lower-cased token text (true) or on the text as written (false).
    let lowercase: Bool

    /// Every word a phrase starts with.
    var firstWords: Dictionary<String, [(rest: [String], payload: Payload)]>.Keys { byFirst.keys }

    init(_ phrases: [([String], Payload)], lowercase: Bool) {
        self.lowercase = lowercase
        for (words, payload) in phrases {
            guard let first = words.first else { continue }
            byFirst[first, default: []].append((Array(words.dropFirst()), payload))
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.rest.count > $1.rest.count } }
    }

    /// The longest phrase starting at token `i`: its payload and the index after it.
    func match(_ t: Tokens, _ i: Int) -> (payload: Payload, end: Int)? {
        guard i < t.count, let candidates = byFirst[lowercase ? t[i].lower : t[i].text] else { return nil }
        for c in candidates {
            if i + 1 + c.rest.count > t.count { continue }
            var ok = true
            for (k, w) in c.rest.enumerated() where (lowercase ? t[i + 1 + k].lower : t[i + 1 + k].text) != w {
                ok = false
                break
            }
            if ok { return (c.payload, i + 1 + c.rest.count) }
        }
        return nil
    }
}
