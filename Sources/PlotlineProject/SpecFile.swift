import Foundation
import PlotlineCharts
import Yams

/// A chart spec in a file: JSON, or YAML (`.yaml`, `.yml`), the same fields either way.
public enum SpecFile {
    public static func load(_ url: URL) throws -> ChartSpec {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw ProjectError(file: url.path, line: nil, column: nil, message: "cannot read the spec as UTF-8 text")
        }
        let isYAML = ["yaml", "yml"].contains(url.pathExtension.lowercased())
        do {
            if isYAML {
                try ProjectFile.checkDepth(text, path: url.path)
                let node: Node?
                do { node = try Yams.compose(yaml: text) } catch let error as YamlError { throw ProjectFile.locate(error, path: url.path) }
                do {
                    return try YAMLDecoder().decode(ChartSpec.self, from: text)
                } catch let error as DecodingError {
                    guard let node else { throw ProjectError(file: url.path, line: nil, column: nil, message: "the file is empty") }
                    throw ProjectFile.describe(error, root: node, path: url.path)
                }
            }
            return try JSONDecoder().decode(ChartSpec.self, from: data)
        } catch let error as ProjectError {
            throw error
        } catch let error as DecodingError {
            throw ProjectError(file: url.path, line: nil, column: nil, message: describe(error))
        } catch {
            throw ProjectError(file: url.path, line: nil, column: nil, message: "not a chart spec: \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let c): return "\(path(c.codingPath).isEmpty ? "the spec" : path(c.codingPath)) needs '\(key.stringValue)'"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(path(c.codingPath)): \(c.debugDescription)"
        case .dataCorrupted(let c): return "\(path(c.codingPath).isEmpty ? "the spec" : path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
