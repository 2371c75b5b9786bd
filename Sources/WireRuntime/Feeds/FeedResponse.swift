import Foundation

/// One feed fetch that reached a server: the last response after redirects.
struct FeedResponse: Sendable {
    var status: Int
    /// Lower-cased name → first value.
    var headers: [String: String]
    /// Empty unless the status is 200.
    var body: [UInt8]
    /// The URL that answered, after redirects: the base for relative links in the feed.
    var finalURL: String
    /// The target of a permanent redirect (301, 308) met on the way, for the operator to update the config.
    var movedPermanentlyTo: String?

    func header(_ lowercasedName: String) -> String? { headers[lowercasedName] }

    /// The `charset` parameter of `Content-Type`, which outranks the document's own declaration.
    var charset: String? {
        guard let contentType = header("content-type") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" \t"))
            return value.isEmpty ? nil : value
        }
        return nil
    }
}

/// Why a fetch produced no response to read.
enum FeedFetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The connection could not be made (refused, unreachable, DNS, connect timeout). `networkUnreachable`
    /// when the kernel has no route at all, which says nothing about the feed.
    case connect(String, networkUnreachable: Bool)
    /// The poll's total timeout (or a read stall) passed.
    case timedOut(String)
    case bodyTooLarge(limit: Int)
    case redirectLoop(String)
    case tooManyRedirects(Int)
    case badRedirect(String)
    case unsupportedScheme(String)
    case other(String)

    var description: String {
        switch self {
        case .connect(let detail, _): "cannot connect: \(detail)"
        case .timedOut(let detail): "timed out: \(detail)"
        case .bodyTooLarge(let limit): "response body larger than \(limit) bytes; aborted"
        case .redirectLoop(let url): "redirect loop at \(url)"
        case .tooManyRedirects(let count): "more than \(count) redirects"
        case .badRedirect(let detail): "unusable redirect: \(detail)"
        case .unsupportedScheme(let url): "not an http or https URL: \(url)"
        case .other(let detail): detail
        }
    }

    /// Failed before any server answered, so the network (not the feed) may be at fault.
    var isConnectFailure: Bool {
        if case .connect = self { return true }
        return false
    }
}
