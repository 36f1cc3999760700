import Foundation

/// A request as the routes see it: method, path, query arguments and body.
struct HTTPRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var body: Data

    /// A parameter from the query string or from a form-encoded body.
    func parameter(_ name: String) -> String? {
        query[name] ?? formFields[name]
    }

    private var formFields: [String: String] {
        var fields: [String: String] = [:]
        let text = String(decoding: body, as: UTF8.self)
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }
}

struct HTTPResponse: Sendable {
    var status: Int
    var contentType: String
    var body: Data

    static func json(_ status: Int, _ object: [String: Any]) -> HTTPResponse {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            ?? Data("{}".utf8)
        return HTTPResponse(status: status, contentType: "application/json", body: data)
    }

    static func json<Value: Encodable>(_ value: Value) throws -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return HTTPResponse(
            status: 200, contentType: "application/json", body: try encoder.encode(value))
    }

    static func error(_ status: Int, _ message: String) -> HTTPResponse {
        json(status, ["error": message])
    }
}
