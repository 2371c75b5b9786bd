/// The closed word lists the extraction rules use, in lower case.
enum ExtractionLexicon {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    /// Weekday numbers as in `CalendarDay.weekday`: Monday 1 … Sunday 7.
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]

    /// Offices and roles that precede a person's name ("Foreign Minister Choe Son-hui").
    static let personTitles: Set<String> = [
        "president", "minister", "premier", "chancellor", "chairman", "chairwoman", "chairperson", "secretary",
        "leader", "king", "queen", "prince", "princess", "emperor", "pope", "ambassador", "envoy", "senator",
        "governor", "mayor", "commandant", "commander", "director", "general", "executive", "ceo", "spokesman",
        "spokeswoman", "spokesperson", "chief", "mr", "mrs", "ms", "dr", "prof", "professor", "gen", "lt", "col",
        "adm", "sgt", "capt", "sen", "rep", "gov", "judge", "justice", "marshal", "lawmaker", "speaker",
        "counterpart", "official", "officer", "coach", "captain", "deputy", "vice", "head", "founder",
        "chairman's", "commissioner", "inspector", "superintendent", "sheriff", "legislator", "analyst",
        "economist", "researcher", "spokesmen", "negotiator", "manager", "president-elect", "congressman",
        "congresswoman", "bishop", "cardinal", "archbishop", "rabbi", "imam", "sheikh", "crown", "lawyer",
        "attorney", "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "engineer",
        "aide", "adviser", "advisor", "activist", "candidate", "opponent", "rival", "successor", "colleague",
        "commandant", "columnist", "correspondent", "reporter", "photographer", "historian", "scientist",
    ]

    /// The last word of an organisation's name ("Japan Coast Guard", "Daehan Marine Works").
    static let organizationHeads: Set<String> = [
        "agency", "department", "ministry", "council", "committee", "commission", "assembly", "congress",
        "parliament", "party", "union", "guard", "bank", "group", "works", "company", "corp", "corporation",
        "inc", "ltd", "co", "university", "institute", "association", "federation", "organization",
        "organisation", "authority", "office", "forces", "army", "navy", "court", "board", "fund",
        "foundation", "service", "services", "network", "airlines", "airways", "motors", "electronics",
        "industries", "holdings", "bureau", "police", "command", "society", "club", "league", "alliance",
        "front", "movement", "coalition", "exchange", "administration", "cabinet", "senate", "tribunal",
        "academy", "school", "college", "hospital", "times", "post", "news", "press", "media", "television",
        "broadcasting", "energy", "power", "petroleum", "steel", "shipbuilding", "motor", "telecom",
        "securities", "capital", "partners", "systems", "technologies", "labs", "rail", "railways", "center",
        "centre", "secretariat", "directorate", "corps", "brigade", "division", "regiment", "fleet",
        "cooperative", "ventures", "metro", "government", "forest", "reserve", "trust", "mining", "grid",
    ]

    /// The last word of a place's name ("South China Sea", "Rift Valley").
    static let placeHeads: Set<String> = [
        "sea", "ocean", "valley", "river", "province", "island", "islands", "strait", "straits", "peninsula",
        "mountains", "mountain", "desert", "bay", "gulf", "lake", "canal", "prefecture", "county", "district",
        "region", "state", "basin", "plateau", "coast", "delta", "archipelago", "square", "airport",
        "harbour", "harbor", "port", "hall", "palace", "stadium", "bridge", "street", "avenue", "park",
    ]
    /// Place heads that describe the place but are not part of the name labels use ("Hainan Province").
    static let droppedPlaceHeads: Set<String> = ["province", "prefecture"]

    /// Lower-case nouns after a name that make it a place ("Sinseondae pier").
    static let facilityNouns: Set<String> = [
        "port", "pier", "terminal", "airport", "harbor", "harbour", "shipyard", "base", "province", "county",
        "district", "island", "peninsula", "coast", "border", "region", "prefecture", "village", "town", "city",
        "mine", "mines", "oilfield", "field", "dam", "reactor", "plant",
    ]

    /// Lower-case nouns after a name that make it an organisation ("the Sindicato Minero Norte union").
    static let organizationNouns: Set<String> = [
        "union", "company", "group", "party", "agency", "commission", "ministry", "website", "newspaper",
        "broadcaster", "firm", "bank", "conglomerate", "carrier", "airline", "automaker", "insurer", "lender",
        "cooperative", "council", "committee", "consortium", "outlet", "daily", "weekly", "network",
    ]

    /// Nouns before "of" that make the name after it a place ("the village of Aniak").
    static let placeKindNouns: Set<String> = [
        "village", "town", "city", "island", "islands", "province", "region", "state", "county", "district",
        "port", "capital", "republic", "kingdom", "prefecture", "municipality", "suburb", "outskirts",
    ]

    /// Lower-case particles inside people's names ("Vivienne van Dijk").
    static let nameParticles: Set<String> = ["van", "von", "de", "der", "den", "da", "di", "du", "bin", "ibn", "al", "el", "le", "la", "dos", "das"]

    /// Words before a name that make it a place when nothing else types it.
    static let placePrepositions: Set<String> = [
        "in", "at", "near", "off", "from", "to", "across", "outside", "inside", "around", "into", "toward",
        "towards", "via", "visit", "visits", "visited", "visiting", "reach", "reached", "reaching", "throughout",
    ]

    /// Lower-case words before a name that make it an organisation ("logistics group Hansa Rail").
    static let organizationCues: Set<String> = [
        "group", "company", "firm", "carrier", "maker", "builder", "operator", "lender", "bank", "union",
        "party", "agency", "state-owned", "state-run", "conglomerate", "giant", "retailer", "insurer",
        "automaker", "carmaker", "chipmaker", "startup", "utility", "broadcaster", "newspaper", "daily",
        "airline", "club", "outlet", "regulator", "producer", "exporter", "importer", "developer", "brokerage",
        "miner", "commission", "supplier", "manufacturer", "shipper", "startup", "lender", "insurer",
    ]

    /// Lower-case roles after an apposition comma ("Feng Lihua, deputy director of …").
    static let appositionRoles: Set<String> = [
        "deputy", "director", "head", "chief", "chairman", "chairwoman", "president", "spokesman",
        "spokeswoman", "spokesperson", "minister", "secretary", "leader", "ambassador", "governor", "mayor",
        "professor", "analyst", "researcher", "commander", "founder", "member", "senior", "vice", "executive",
        "general", "manager", "owner", "editor", "economist", "envoy", "official", "an", "a", "the", "who",
        "ceo", "adviser", "advisor", "senator", "lawmaker", "judge", "captain", "coach", "former",
    ]

    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "noted", "warned", "wrote",
        "explained", "asked", "insisted", "argued", "stressed", "declared", "announced", "vowed", "echoed",
        "urged", "claimed", "confirmed", "denied", "acknowledged", "according",
    ]

    /// Capitalised words at a sentence start that are not names.
    static let functionWords: Set<String> = [
        "the", "a", "an", "in", "on", "at", "as", "but", "and", "or", "he", "she", "it", "they", "we", "i",
        "this", "that", "these", "those", "his", "her", "their", "its", "our", "under", "after", "before",
        "while", "when", "if", "for", "from", "with", "by", "of", "to", "since", "during", "last", "next",
        "meanwhile", "however", "also", "some", "many", "most", "all", "both", "critics", "officials",
        "observers", "analysts", "experts", "there", "here", "then", "yet", "still", "about", "nearly",
        "more", "shares", "farmers", "conditions", "boats", "police", "speculation", "according", "earlier",
        "later", "today", "yesterday", "tomorrow", "such", "other", "another", "each", "every", "no", "not",
        "one", "two", "three", "what", "who", "why", "how", "where", "which", "mr", "mrs", "ms", "dr",
        "foreign",
        "my", "your", "you", "us", "me", "him", "them", "will", "would", "can", "could", "should", "may",
    ]

    /// All-capital words that are wire furniture or common abbreviations, not organisations.
    static let capsNonNames: Set<String> = [
        "lead", "end", "update", "urgent", "flash", "bulletin", "advisory", "correction", "corrected", "tv",
        "ceo", "cfo", "gdp", "covid", "am", "pm", "gmt", "utc", "kst", "ist", "jst", "est", "edt", "pst", "cet",
        "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "ok", "dna", "hiv", "aids", "ai",
        "usd", "eur", "jpy", "krw", "cny", "km", "kg", "mw", "gw", "kw", "bpd", "faq", "pdf", "ipo", "etf",
        "q1", "q2", "q3", "q4", "h1", "h2", "vip", "sos", "id", "it", "pr", "hq", "ap", "afp", "pti", "file",
        "photo", "video", "factbox", "analysis", "exclusive", "breaking", "live", "new", "us", "usa",
    ]

    static let compassWords: Set<String> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
        "northwest", "southeast", "southwest",
    ]

    /// Words that may join two capitalised parts of one organisation's name.
    static let nameConnectors: Set<String> = ["of", "for", "the", "and", "on", "de", "du", "des", "la", "le", "al"]

    /// Words marking a future time in a sentence, for dates given without a year or direction.
    static let futureMarkers: Set<String> = [
        "will", "would", "shall", "scheduled", "expected", "plans", "plan", "planned", "planning", "next",
        "upcoming", "due", "aims", "aim", "intends", "likely", "forecast", "forecasts", "expects", "hopes",
    ]
}
