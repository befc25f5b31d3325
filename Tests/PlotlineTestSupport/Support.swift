import Foundation

/// Helpers shared by the test targets: the built binary, temporary folders, processes.
public enum TestSupport {
    /// The package root, found from this file's place in Tests/PlotlineTestSupport.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `plotline` binary the tests run: PLOTLINE_BIN, else the one beside the test bundle.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["PLOTLINE_BIN"] { return URL(fileURLWithPath: path) }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("plotline")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let inBundleDir = Bundle.main.bundleURL.appendingPathComponent("plotline")
        if FileManager.default.isExecutableFile(atPath: inBundleDir.path) { return inBundleDir }
        return packageRoot.appendingPathComponent(".build/debug/plotline")
    }

    public static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-tests-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs the binary with arguments and an environment addition; waits for it to end.
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        // Files, not pipes: a child that fills one pipe while the parent drains the other
        // would wait forever.
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-run-\(UUID().uuidString).out")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-run-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let outData = (try? Data(contentsOf: outURL)) ?? Data()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Width and height from a PNG's IHDR chunk, or nil if the bytes are not a PNG.
    public static func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data)
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count > 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func be(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        return (be(16), be(20))
    }

    /// Whether the environment asks for goldens to be recorded instead of compared.
    public static var recording: Bool { ProcessInfo.processInfo.environment["PLOTLINE_RECORD"] == "1" }
}
