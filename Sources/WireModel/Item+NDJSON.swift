extension Item {
    /// The item as one NDJSON line, `\n`-terminated, keys in the contract's order.
    public func ndjsonLine() -> [UInt8] {
        var w = JSONWriter(capacity: 1024 + (body?.utf8.count ?? 0) + (contentHTML?.utf8.count ?? 0))
        encode(into: &w)
        var line = w.bytes
        line.append(0x0A)
        return line
    }

    public func encode(into w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string(id)
        w.key("source"); source.encode(into: &w)
        w.key("format"); w.string(format.rawValue)
        w.key("url"); w.string(url)
        w.key("guid"); w.string(guid)
        w.key("version"); w.string(version)
        w.key("pub_status"); w.string(pubStatus)
        w.key("urgency"); w.int(urgency)
        w.key("slugline"); w.string(slugline)
        w.key("embargo_until"); w.string(embargoUntil)
        w.key("feed")
        if let feed { feed.encode(into: &w) } else { w.null() }
        w.key("categories"); w.strings(categories)
        w.key("received_at"); w.string(receivedAt)
        w.key("published_at"); w.string(publishedAt)
        w.key("published_raw"); w.string(publishedRaw)
        w.key("updated_at"); w.string(updatedAt)
        w.key("time_zone_assumed"); w.string(timeZoneAssumed)
        w.key("headline"); w.string(headline)
        w.key("headline_source"); w.string(headlineSource)
        w.key("summary"); w.string(summary)
        if let contentHTML { w.key("content_html"); w.string(contentHTML) }
        w.key("body"); w.string(body)
        w.key("byline"); w.string(byline)
        w.key("agency"); w.string(agency)
        w.key("publisher"); w.string(publisher)
        w.key("credits"); w.strings(credits)
        w.key("dateline")
        if let dateline { dateline.encode(into: &w) } else { w.null() }
        w.key("language"); w.string(language)
        encodeStoryParts(into: &w)
        w.key("word_count"); w.int(wordCount)
        w.key("dedupe")
        if let dedupe { dedupe.encode(into: &w) } else { w.null() }
        w.key("routes"); w.strings(routes)
        w.endObject()
    }

    private func encodeStoryParts(into w: inout JSONWriter) {
        w.key("captions"); w.beginArray(); captions.forEach { $0.encode(into: &w) }; w.endArray()
        w.key("related"); w.beginArray(); related.forEach { $0.encode(into: &w) }; w.endArray()
        w.key("furniture"); w.beginArray(); furniture.forEach { $0.encode(into: &w) }; w.endArray()
        w.key("enclosures"); w.beginArray(); enclosures.forEach { $0.encode(into: &w) }; w.endArray()
        w.key("quotes"); w.beginArray(); quotes.forEach { $0.encode(into: &w) }; w.endArray()
        w.key("entities")
        if let entities { entities.encode(into: &w) } else { w.null() }
        w.key("dates"); w.beginArray(); dates.forEach { $0.encode(into: &w) }; w.endArray()
        w.key("countries"); w.strings(countries)
        w.key("topics"); w.beginArray(); topics.forEach { $0.encode(into: &w) }; w.endArray()
    }
}

extension ItemSource {
    func encode(into w: inout JSONWriter) {
        w.beginObject()
        w.key("type"); w.string(type)
        w.key("name"); w.string(name)
        if let path { w.key("path"); w.string(path) }
        if let url { w.key("url"); w.string(url) }
        w.endObject()
    }
}

extension FeedInfo {
    func encode(into w: inout JSONWriter) {
        w.beginObject()
        w.key("title"); w.string(title)
        w.key("language"); w.string(language)
        w.endObject()
    }
}

extension Dateline {
    func encode(into w: inout JSONWriter) {
        w.beginObject()
        w.key("place"); w.string(place)
        w.key("date"); w.string(date)
        w.endObject()
    }
}

extension Caption {
    func encode(into w: inout JSONWriter) {
        w.beginObject(); w.key("text"); w.string(text); w.key("credit"); w.string(credit); w.endObject()
    }
}

extension RelatedLink {
    func encode(into w: inout JSONWriter) {
        w.beginObject(); w.key("headline"); w.string(headline); w.key("url"); w.string(url); w.endObject()
    }
}

extension Furniture {
    func encode(into w: inout JSONWriter) {
        w.beginObject(); w.key("kind"); w.string(kind); w.key("text"); w.string(text); w.endObject()
    }
}

extension Enclosure {
    func encode(into w: inout JSONWriter) {
        w.beginObject()
        w.key("url"); w.string(url)
        w.key("type"); w.string(type)
        w.key("length"); w.int(length)
        w.endObject()
    }
}

extension Quote {
    func encode(into w: inout JSONWriter) {
        w.beginObject(); w.key("text"); w.string(text); w.key("speaker"); w.string(speaker); w.endObject()
    }
}

extension Entity {
    func encode(into w: inout JSONWriter) {
        w.beginObject()
        w.key("name"); w.string(name)
        w.key("id"); w.string(id)
        if let country { w.key("country"); w.string(country) }
        w.key("mentions"); w.strings(mentions)
        w.endObject()
    }
}

extension Entities {
    func encode(into w: inout JSONWriter) {
        w.beginObject()
        w.key("people"); w.beginArray(); people.forEach { $0.encode(into: &w) }; w.endArray()
        w.key("places"); w.beginArray(); places.forEach { $0.encode(into: &w) }; w.endArray()
        w.key("organizations"); w.beginArray(); organizations.forEach { $0.encode(into: &w) }; w.endArray()
        w.endObject()
    }
}

extension DateMention {
    func encode(into w: inout JSONWriter) {
        w.beginObject(); w.key("text"); w.string(text); w.key("value"); w.string(value); w.endObject()
    }
}

extension Topic {
    func encode(into w: inout JSONWriter) {
        w.beginObject(); w.key("code"); w.string(code); w.key("label"); w.string(label); w.endObject()
    }
}

extension DedupeInfo {
    func encode(into w: inout JSONWriter) {
        w.beginObject()
        w.key("hash"); w.string(hash)
        w.key("fingerprint"); w.string(fingerprint)
        w.key("status"); w.string(status)
        w.key("duplicate_of"); w.string(duplicateOf)
        w.key("similarity"); w.double(similarity)
        w.key("story_id"); w.string(storyID)
        w.endObject()
    }
}
