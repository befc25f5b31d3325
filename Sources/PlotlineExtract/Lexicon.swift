import Foundation

/// The extraction vocabulary: metrics and their cue phrases, unit nouns, qualifiers, words
/// that look like places but are not. Data, not code: the built-in one ships as JSON and
/// users add to it with their own file.
public struct Lexicon: Codable, Sendable {
    public struct Metric: Codable, Sendable {
        public var id: String
        public var name: String
        public var units: [String]
        public var cues: [String]
        /// How many words may stand between a cue and its number (default 10).
        public var window: Int?
    }

    public struct ZeroPhrase: Codable, Sendable {
        public var phrase: String
        public var metric: String
        public var unit: String
    }

    public var metrics: [Metric]
    public var zero_phrases: [ZeroPhrase]
    public var units: [String: String]
    public var person_nouns: [String]
    public var qualifiers: [String: String]
    public var not_places: [String]
    public var place_kinds: [String: String]
    /// Words before a number that make it a change, not a level: "down 23.39 million".
    public var changes_before: [String: String]?
    /// Words after a number and its unit, followed by "than": "13.86 million less than".
    public var changes_after_then_than: [String: String]?

    public static func builtIn() throws -> Lexicon {
        do { return try JSONDecoder().decode(Lexicon.self, from: Data(builtInJSON.utf8)) } catch {
            throw ExtractionError.lexicon(path: "the built-in lexicon", reason: "\(error)")
        }
    }

    public static func load(_ url: URL) throws -> Lexicon {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ExtractionError.lexicon(path: url.path, reason: "cannot read it (\(error.localizedDescription))")
        }
        do { return try JSONDecoder().decode(Lexicon.self, from: data) } catch let DecodingError.keyNotFound(key, _) {
            throw ExtractionError.lexicon(path: url.path, reason: "the key '\(key.stringValue)' is missing")
        } catch {
            throw ExtractionError.lexicon(path: url.path, reason: "it is not a lexicon in JSON (\(error))")
        }
    }

    /// Adds a user's entries to this one; the user's win where both define the same thing.
    public mutating func merge(_ other: Lexicon) {
        let ids = Set(other.metrics.map(\.id))
        metrics = other.metrics + metrics.filter { !ids.contains($0.id) }
        zero_phrases += other.zero_phrases
        units.merge(other.units) { _, new in new }
        person_nouns += other.person_nouns
        qualifiers.merge(other.qualifiers) { _, new in new }
        not_places += other.not_places
        place_kinds.merge(other.place_kinds) { _, new in new }
        if let extra = other.changes_before { changes_before = (changes_before ?? [:]).merging(extra) { _, new in new } }
        if let extra = other.changes_after_then_than { changes_after_then_than = (changes_after_then_than ?? [:]).merging(extra) { _, new in new } }
    }

    public func metricName(_ id: String) -> String {
        metrics.first { $0.id == id }?.name ?? id.replacingOccurrences(of: "_", with: " ").capitalized
    }
}

public enum ExtractionError: Error, CustomStringConvertible, Equatable {
    case lexicon(path: String, reason: String)
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .lexicon(let path, let reason): return "\(path): \(reason); fix the lexicon file or leave out --lexicon"
        case .unreadable(let path, let reason): return "\(path): cannot read the file (\(reason)); check the path and its permissions"
        case .tooLarge(let path, let bytes, let limit):
            return "\(path): \(bytes) bytes is over the input limit of \(limit) bytes; raise it with --max-input-bytes"
        }
    }
}
