import CCairo
import Foundation

/// What can go wrong inside Cairo or Pango, with Cairo's own words for it.
public enum CairoError: Error, CustomStringConvertible, Equatable {
    case surface(String)
    case context(String)
    case drawing(String)
    case encoding(String)
    case canvasTooLarge(width: Int, height: Int, limit: Int)

    public var description: String {
        switch self {
        case .surface(let s): return "cannot create a Cairo surface: \(s)"
        case .context(let s): return "cannot create a Cairo context: \(s)"
        case .drawing(let s): return "Cairo failed while drawing: \(s)"
        case .encoding(let s): return "cannot encode the image: \(s)"
        case .canvasTooLarge(let w, let h, let limit):
            return "a \(w)x\(h) pixel canvas is larger than the limit of \(limit) pixels a side; use a smaller size or --scale"
        }
    }

    static func message(_ status: cairo_status_t) -> String {
        String(cString: cairo_status_to_string(status))
    }
}

/// Owns a `cairo_surface_t`: checked when made, destroyed in `deinit`.
public final class CairoSurface {
    let pointer: OpaquePointer

    init(checking pointer: OpaquePointer?) throws {
        guard let pointer else { throw CairoError.surface("no surface returned") }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw CairoError.surface(CairoError.message(status))
        }
        self.pointer = pointer
    }

    public static func image(width: Int, height: Int) throws -> CairoSurface {
        try CairoSurface(checking: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)))
    }

    public func finish() throws {
        cairo_surface_finish(pointer)
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoError.drawing(CairoError.message(status)) }
    }

    deinit { cairo_surface_destroy(pointer) }
}

/// Owns a `cairo_t` drawing on a surface it keeps alive.
public final class CairoContext {
    let pointer: OpaquePointer
    let surface: CairoSurface

    public init(_ surface: CairoSurface) throws {
        self.surface = surface
        guard let pointer = cairo_create(surface.pointer) else { throw CairoError.context("no context returned") }
        let status = cairo_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(pointer)
            throw CairoError.context(CairoError.message(status))
        }
        self.pointer = pointer
    }

    public func check() throws {
        let status = cairo_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoError.drawing(CairoError.message(status)) }
    }

    deinit { cairo_destroy(pointer) }
}

/// Collects the bytes a stream surface (PDF, SVG) writes.
final class ByteSink {
    var bytes: [UInt8] = []
}

let byteSinkWriter: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}
