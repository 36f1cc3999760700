import Foundation
import PrikbordStore
import PrikbordSync

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

let usage = """
    usage: prikbordctl [--server URL] pin POST_ID (--until ISO8601 | --days N)
           prikbordctl [--server URL] posts

    Talks to a prikbord-server (default $PRIKBORD_SERVER or http://localhost:8080).

      pin POST_ID   pin a post on top of the news until a time, or for N days from now
      posts         list posts: id, kind, pinned until, title (alias: list-posts)
      -h, --help    show this text

    Exit status: 0 done, 1 refused by the server, 64 usage error, 69 server unreachable.
    """

struct UsageError: Error, CustomStringConvertible {
    var description: String
}

enum Command {
    case pin(postID: String, until: Date)
    case posts
}

func parse(_ arguments: [String]) throws -> (URL, Command)? {
    var rest = arguments[...]
    var server = ProcessInfo.processInfo.environment["PRIKBORD_SERVER"] ?? "http://localhost:8080"
    var words: [String] = []
    var until: Date?
    func value(_ flag: String) throws -> String {
        guard let value = rest.popFirst() else {
            throw UsageError(description: "\(flag) needs a value")
        }
        return value
    }
    while let argument = rest.popFirst() {
        switch argument {
        case "-h", "--help":
            return nil
        case "--server":
            server = try value(argument)
        case "--until":
            let text = try value(argument)
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw UsageError(description: "--until \(text) is not an ISO 8601 time")
            }
            until = date
        case "--days":
            let text = try value(argument)
            guard let days = Double(text), days > 0, days <= 3650 else {
                throw UsageError(
                    description: "--days \(text) is not a number of days from 0 to 3650")
            }
            until = Date().addingTimeInterval(days * 86_400)
        default:
            guard !argument.hasPrefix("-") else {
                throw UsageError(description: "unknown option \(argument)")
            }
            words.append(argument)
        }
    }
    guard let url = URL(string: server), url.scheme != nil else {
        throw UsageError(description: "--server \(server) is not a URL")
    }
    switch words.first {
    case "pin":
        guard words.count == 2 else { throw UsageError(description: "pin needs one POST_ID") }
        guard let until else { throw UsageError(description: "pin needs --until or --days") }
        return (url, .pin(postID: words[1], until: until))
    case "posts", "list-posts":
        guard words.count == 1 else { throw UsageError(description: "posts takes no arguments") }
        return (url, .posts)
    case let other?:
        throw UsageError(description: "unknown command \(other)")
    case nil:
        throw UsageError(description: "no command given")
    }
}

/// The server refused what was asked; its error message.
struct Refusal: Error, CustomStringConvertible {
    var description: String
}

func pin(_ postID: String, until: Date, server: URL) throws {
    let seconds = Int64(until.timeIntervalSince1970.rounded(.down))
    let encoded = postID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? postID
    var request = URLRequest(url: server.appendingPathComponent("api/v1/posts/\(encoded)/pin"))
    request.httpMethod = "POST"
    request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data("until=\(seconds)".utf8)

    let (data, response) = try BlockingHTTP().send(request)
    guard response.statusCode == 200 else {
        throw Refusal(description: "HTTP \(response.statusCode): \(BlockingHTTP.excerpt(data))")
    }
    print("pinned \(postID) until \(ISO8601DateFormatter().string(from: until))")
}

func listPosts(server: URL) throws {
    var posts: [String: [String: JSONValue]] = [:]
    var cursor: Int64 = 0
    var more = true
    while more {
        let path = "api/v1/changes?after=\(cursor)&limit=1000"
        guard let url = URL(string: path, relativeTo: server) else {
            throw UsageError(description: "--server \(server) cannot take a path")
        }
        let (data, _) = try BlockingHTTP().get(url)
        let batch = try JSONDecoder().decode(ChangeBatch.self, from: data)
        for change in batch.changes where change.table == "post" {
            posts[change.id] = change.deleted ? nil : change.row
        }
        guard batch.next > cursor || !batch.more else { break }
        cursor = batch.next
        more = batch.more
    }

    let now = Int64(Date().timeIntervalSince1970)
    let rows = posts.sorted {
        integer($0.value["published_at"]) > integer($1.value["published_at"])
    }
    for (id, row) in rows {
        let pinnedUntil = integer(row["pinned_until"])
        let pinned =
            pinnedUntil > now
            ? ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(pinnedUntil)))
            : "-"
        print([id, string(row["kind"]), pinned, title(row["title"])].joined(separator: "\t"))
    }
}

func integer(_ value: JSONValue?) -> Int64 {
    if case .integer(let number) = value { return number }
    return 0
}

func string(_ value: JSONValue?) -> String {
    if case .string(let text) = value { return text }
    return ""
}

func title(_ value: JSONValue?) -> String {
    let data = Data(string(value).utf8)
    let texts = (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    return texts["en"] ?? texts["nl"] ?? texts.values.first ?? ""
}

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("prikbordctl: \(message)\n".utf8))
    exit(status)
}

do {
    guard let (server, command) = try parse(Array(CommandLine.arguments.dropFirst())) else {
        print(usage)
        exit(0)
    }
    switch command {
    case .pin(let postID, let until): try pin(postID, until: until, server: server)
    case .posts: try listPosts(server: server)
    }
} catch let error as UsageError {
    fail("\(error)\n\n\(usage)", status: 64)
} catch SyncError.unreachable(let detail) {
    fail("server unreachable: \(detail)", status: 69)
} catch {
    fail("\(error)", status: 1)
}
