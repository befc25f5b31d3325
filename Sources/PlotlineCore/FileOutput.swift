import Foundation

public enum OutputError: Error, CustomStringConvertible, Equatable {
    case escapesOutputFolder(name: String, folder: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .escapesOutputFolder(let name, let folder):
            return "output name '\(name)' would be written outside the output folder '\(folder)'; use a plain relative name such as 'chart.png'"
        case .cannotWrite(let path, let reason):
            return "cannot write '\(path)': \(reason); check that the folder exists and is writable"
        }
    }
}

/// Writes files so that a reader never sees half a file and a failed write never destroys
/// the previous good output: the bytes go to a temporary file in the same folder, then a
/// rename replaces the target in one step.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw OutputError.cannotWrite(path: url.path, reason: reason)
            }
        } catch let error as OutputError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError.cannotWrite(path: url.path, reason: String(describing: error.localizedDescription))
        }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}

/// Resolves output names inside an output folder and refuses any that would leave it,
/// by `..`, an absolute path or a symbolic link inside the folder that points elsewhere.
public struct OutputFolder: Sendable {
    public let root: URL

    public init(_ root: URL) {
        self.root = root.standardizedFileURL
    }

    public func url(for name: String) throws -> URL {
        let parts = name.split(separator: "/", omittingEmptySubsequences: true)
        guard !name.hasPrefix("/"), !parts.isEmpty, !parts.contains(".."), !parts.contains("."),
            !name.contains("\0")
        else { throw OutputError.escapesOutputFolder(name: name, folder: root.path) }
        let url = root.appendingPathComponent(name).standardizedFileURL
        // A link planted inside the folder must not carry the write elsewhere.
        let resolvedRoot = root.resolvingSymlinksInPath().path
        let resolvedParent = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        guard resolvedParent == resolvedRoot || resolvedParent.hasPrefix(resolvedRoot + "/") else {
            throw OutputError.escapesOutputFolder(name: name, folder: root.path)
        }
        if let attrs = try? FileManager.default.attributesOfItem(atPath: url.path),
            attrs[.type] as? FileAttributeType == .typeSymbolicLink
        {
            throw OutputError.escapesOutputFolder(name: name, folder: root.path)
        }
        return url
    }
}

/// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled.
public enum CSV {
    public static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// Parses CSV text into rows of fields, with the 1-based line each row starts on.
    public static func parse(_ text: String) -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        var rowHasContent = false
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
                rowHasContent = true
            } else if c == "," {
                fields.append(field)
                field = ""
                rowHasContent = true
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
                if rowHasContent || !field.isEmpty {
                    fields.append(field)
                    rows.append((rowStart, fields))
                }
                fields = []
                field = ""
                rowHasContent = false
                line += 1
                rowStart = line
            } else {
                field.unicodeScalars.append(c)
                rowHasContent = true
            }
            i += 1
        }
        if rowHasContent || !field.isEmpty {
            fields.append(field)
            rows.append((rowStart, fields))
        }
        return rows
    }
}
