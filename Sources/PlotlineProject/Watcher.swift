import Foundation

/// Waits for changes in a set of folders with Linux inotify. Editors that save by writing a
/// temporary file and renaming it show up as a move into the folder, which counts; their
/// temporary and backup files do not.
public final class Watcher {
    private let fd: Int32
    private var folders: [Int32: String] = [:]

    public init(folders: [URL]) throws {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw ProjectError(file: "watch", line: nil, column: nil, message: "inotify is not available: \(String(cString: strerror(errno)))") }
        let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_DELETE_SELF)
        for folder in Set(folders.map(\.standardizedFileURL.path)).sorted() {
            let wd = inotify_add_watch(fd, folder, mask)
            if wd < 0 {
                close(fd)
                throw ProjectError(file: folder, line: nil, column: nil, message: "cannot watch this folder: \(String(cString: strerror(errno)))")
            }
            self.folders[wd] = folder
        }
    }

    deinit { close(fd) }

    /// Names that are an editor's scratch files, not inputs.
    static func isScratch(_ name: String) -> Bool {
        name.isEmpty || name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".tmp")
            || name.hasPrefix("#") || name == "4913"
    }

    /// Blocks until something relevant changes, then waits until `debounce` passes with no
    /// further change, and returns the paths that changed.
    public func next(debounce: TimeInterval = 0.15) -> [String] {
        var changed: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var waitMS: Int32 = -1
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, waitMS)
            if ready == 0 { return changed }  // quiet for `debounce`: done
            if ready < 0 {
                if errno == EINTR { continue }
                return changed
            }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return changed }
            var offset = 0
            while offset < n {
                let (wd, length, name) = buffer.withUnsafeBytes { raw -> (Int32, Int, String) in
                    let event = raw.baseAddress!.advanced(by: offset).assumingMemoryBound(to: inotify_event.self).pointee
                    let nameStart = raw.baseAddress!.advanced(by: offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self)
                    let name = event.len > 0 ? String(cString: nameStart) : ""
                    return (event.wd, Int(event.len), name)
                }
                offset += MemoryLayout<inotify_event>.size + length
                if !Watcher.isScratch(name), let folder = folders[wd] {
                    changed.append(folder + "/" + name)
                    waitMS = Int32(debounce * 1000)
                }
            }
        }
    }
}
