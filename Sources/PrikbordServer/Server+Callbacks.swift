import CMicroHTTPD
import CServerShim
import Foundation

/// What libmicrohttpd keeps for a request between its callbacks: the body
/// as it arrives. Released when the request completes.
private final class RequestState {
    var body = Data()
}

/// libmicrohttpd calls this once when the headers are in, again for each
/// chunk of the body, and a last time with no data: then we answer.
let serverAccessHandler: MHD_AccessHandlerCallback = {
    context, connection, url, method, _, uploadData, uploadSize, requestContext in
    guard let context, let connection, let requestContext, let uploadSize else {
        return MHD_Result.NO
    }

    guard let stateRef = requestContext.pointee else {
        requestContext.pointee = Unmanaged.passRetained(RequestState()).toOpaque()
        return MHD_Result.YES
    }
    let state = Unmanaged<RequestState>.fromOpaque(stateRef).takeUnretainedValue()
    if uploadSize.pointee > 0 {
        if let uploadData, state.body.count + uploadSize.pointee <= maximumBodyBytes {
            state.body.append(
                UnsafeRawPointer(uploadData).assumingMemoryBound(to: UInt8.self),
                count: uploadSize.pointee)
        }
        uploadSize.pointee = 0
        return MHD_Result.YES
    }

    let request = HTTPRequest(
        method: method.map { String(cString: $0) } ?? "GET",
        path: url.map { String(cString: $0) } ?? "/",
        query: queryArguments(connection),
        body: state.body)
    let server = Unmanaged<Server>.fromOpaque(context).takeUnretainedValue()
    return send(server.respond(to: request), on: connection)
}

let serverRequestCompleted: MHD_RequestCompletedCallback = { _, _, requestContext, _ in
    guard let requestContext, let stateRef = requestContext.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(stateRef).release()
    requestContext.pointee = nil
}

/// Pin requests are a few bytes; anything bigger is cut off.
private let maximumBodyBytes = 64 * 1024

private func queryArguments(_ connection: OpaquePointer) -> [String: String] {
    var arguments: [String: String] = [:]
    for name in ["after", "limit", "site", "until"] {
        if let value = MHD_lookup_connection_value(connection, .GET_ARGUMENT_KIND, name) {
            arguments[name] = String(cString: value)
        }
    }
    return arguments
}

private func send(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
    var body = response.body
    let handle = body.withUnsafeMutableBytes { bytes in
        MHD_create_response_from_buffer(bytes.count, bytes.baseAddress, .RESPMEM_MUST_COPY)
    }
    guard let handle else { return MHD_Result.NO }
    defer { MHD_destroy_response(handle) }
    MHD_add_response_header(handle, "Content-Type", response.contentType)
    return MHD_queue_response(connection, UInt32(response.status), handle)
}
