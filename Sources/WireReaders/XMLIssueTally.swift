import LibXML

/// Counts what went wrong while parsing one XML document and turns it into `ReadIssue`s, the way the
/// feed reader reports them: the first error of each kind with its line, and how many followed.
struct XMLIssueTally {
    private var malformed: (first: XMLParseError, count: Int)?
    private var entityErrors: (first: XMLParseError, count: Int)?
    private(set) var truncatedFields = 0
    private var budgetStop: XMLParseError?

    mutating func record(_ error: XMLParseError) {
        switch error.limit {
        case "text-truncated":
            truncatedFields += 1
        case "text-budget", "time-limit":
            budgetStop = error
        case .some:
            count(error, in: &malformed)
        case nil:
            // 26/27: undeclared entity (every document-declared one, since declarations are ignored);
            // 89: entity reference loop.
            if [26, 27, 89].contains(error.code) {
                count(error, in: &entityErrors)
            } else {
                count(error, in: &malformed)
            }
        }
    }

    private func count(_ error: XMLParseError, in slot: inout (first: XMLParseError, count: Int)?) {
        if slot == nil { slot = (error, 0) }
        slot?.count += 1
    }

    /// - Parameters:
    ///   - openItem: the element name of an item the document ended inside (it was dropped), if any.
    func issues(openItem: String?, maxFieldBytes: Int) -> [ReadIssue] {
        var issues: [ReadIssue] = []
        if let malformed {
            var detail = "line \(malformed.first.line): \(malformed.first.message)"
            if malformed.count > 1 { detail += " (and \(malformed.count - 1) more errors)" }
            if let openItem { detail += "; the <\(openItem)> open at the break was dropped" }
            issues.append(ReadIssue(reason: "malformed-xml", detail: detail))
        } else if let openItem {
            issues.append(ReadIssue(reason: "malformed-xml",
                                    detail: "the document ended inside <\(openItem)>, which was dropped"))
        }
        if let entityErrors {
            issues.append(ReadIssue(
                reason: "undefined-entity",
                detail: "line \(entityErrors.first.line): \(entityErrors.first.message) "
                    + "(\(entityErrors.count) references; declared entities are never expanded)"))
        }
        if truncatedFields > 0 {
            issues.append(ReadIssue(reason: "field-truncated",
                                    detail: "\(truncatedFields) fields longer than \(maxFieldBytes) bytes were cut"))
        }
        if let budgetStop {
            issues.append(ReadIssue(reason: budgetStop.limit == "time-limit" ? "too-slow" : "too-large",
                                    detail: "line \(budgetStop.line): \(budgetStop.message)"))
        }
        return issues
    }
}
