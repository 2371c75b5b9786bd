#!/usr/bin/env python3
"""Writes Fixtures/encodings/: one short story per charset, as an RSS feed, a NITF story, a NewsML-G2
item, a plain-text story and an HTML page, each encoded in that charset from the UTF-8 text below.

The UTF-8 text is also written to Fixtures/encodings/stories.json, which the tests read as the
expected headline and body of every generated file. Re-run after editing STORIES:

    python3 Scripts/make-encoding-fixtures.py
"""
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "encodings")

# label (as a document or HTTP header writes it) -> (python codec, headline, body). Stories are written
# for these fixtures; each uses characters only its charset (and its language) has.
STORIES = {
    "EUC-KR": ("euc_kr", "부산항 새 부두 개장",
               "부산항만공사는 월요일 북항에 새 컨테이너 부두를 열었다고 밝혔다."),
    "Shift_JIS": ("cp932", "札幌で記録的な大雪、鉄道が運休",
                  "北海道札幌市では火曜日、一晩で六十センチの雪が積もり、在来線が終日運休した。"),
    "GB18030": ("gb18030", "深圳地铁新线路试运行 𠀋",
                "深圳地铁十六号线周三开始试运行，预计下月正式载客。"),
    "GB2312": ("gb2312", "杭州西湖游客量创新高",
               "国庆假期期间，西湖景区共接待游客三百万人次。"),
    "GBK": ("gbk", "廣州港貨運量上升",
            "廣州港上月集裝箱吞吐量同比增長百分之八。"),
    "Big5": ("big5", "高雄港擴建工程啟動",
             "高雄港務分公司週四宣布，第七貨櫃中心擴建工程正式動工。"),
    "ISO-8859-1": ("latin-1", "Zürich: Café-Streik legt Bahnhof lahm",
                   "Die Angestellten der Bahnhofscafés in Zürich legten am Montag die Arbeit nieder."),
    "ISO-8859-2": ("iso8859_2", "Władze Gdańska otwierają nowy most zwodzony",
                   "Żółty most na Motławie będzie podnoszony co godzinę, poinformował urząd w środę."),
    "ISO-8859-3": ("iso8859_3", "Il-port tal-Belt jerġa' jiftaħ",
                   "Il-Ħamrun ġie mgħarraf li x-xogħlijiet intemmu nhar il-Ġimgħa."),
    "ISO-8859-4": ("iso8859_4", "Rīgas ostā atklāj jaunu piestātni",
                   "Ģimenes un zvejnieki ņēma dalību atklāšanā, ziņoja ostas pārvalde."),
    "ISO-8859-5": ("iso8859_5", "В Мурманске открыли новый причал",
                   "Мурманский порт в четверг принял первое судно у нового причала."),
    "ISO-8859-6": ("iso8859_6", "افتتاح ميناء جديد في العقبة",
                   "أعلنت سلطة الميناء يوم الأحد افتتاح رصيف جديد للحاويات."),
    "ISO-8859-7": ("iso8859_7", "Νέα προβλήτα στον Πειραιά",
                   "Ο Οργανισμός Λιμένος Πειραιώς εγκαινίασε την Τρίτη νέα προβλήτα."),
    "ISO-8859-8": ("iso8859_8", "נמל חיפה פותח רציף חדש",
                   "רשות הנמלים הודיעה ביום שני על פתיחת רציף חדש."),
    "ISO-8859-9": ("iso8859_9", "İzmir Limanı'nda yeni rıhtım açıldı",
                   "Liman işletmesi çarşamba günü yeni rıhtımın hizmete girdiğini açıkladı."),
    "ISO-8859-10": ("iso8859_10", "Ny kai opnað í Þórshavn",
                    "Havnarstýrið segði, at nýggja kaiin verður tikin í nýtslu á mánadagin; Ŋ ŧ ĸ."),
    "ISO-8859-13": ("iso8859_13", "Klaipėdos uoste atidaryta nauja krantinė",
                    "Uosto direkcija pirmadienį pranešė, kad krantinė ąčęėįšųūž jau veikia."),
    "ISO-8859-14": ("iso8859_14", "Harbwr newydd yn agor ym Mhorthcawl",
                    "Dywedodd y cyngor ddydd Mawrth fod Ŵyl y Ŷd a'r ẁyr yn dathlu."),
    "ISO-8859-15": ("iso8859_15", "Le prix du café passe à 3 € à Nantes",
                    "Les cafetiers nantais relèvent leurs prix d'un demi-euro ; Œuvre, ŒIL, œuf, Ÿ."),
    "KOI8-R": ("koi8_r", "В Калининграде открыли паромную линию",
               "Паром до Усть-Луги будет ходить дважды в неделю, сообщили в порту."),
    "windows-1250": ("cp1250", "Příliš žluťoučký kůň zastavil provoz v Brně",
                     "Policie ve čtvrtek uzavřela ulici, když kůň utekl z ohrady – nikdo nebyl zraněn."),
    "windows-1251": ("cp1251", "В Софии откриха нова линия на метрото",
                     "Новата линия свързва летището с центъра, съобщи общината в понеделник."),
    "windows-1252": ("cp1252", "“Harbour fees” rise — again",
                     "The port’s board said on Friday that fees rise by 4 % … from €12 to €12.48."),
    "windows-1253": ("cp1253", "Απεργία στα λιμάνια της Κρήτης",
                     "Οι λιμενεργάτες στο Ηράκλειο σταμάτησαν τη δουλειά την Πέμπτη."),
    "windows-1254": ("cp1254", "Mersin'de liman işçileri greve çıktı",
                     "Sendika, ücret görüşmelerinin çıkmaza girdiğini söyledi; İşçiler ğüşöç."),
    "windows-1255": ("cp1255", "שביתה בנמל אשדוד",
                     "עובדי הנמל הודיעו על שביתה החל מיום ראשון."),
    "windows-1256": ("cp1256", "إضراب في ميناء الإسكندرية",
                     "قال العمال إن الإضراب سيستمر حتى نهاية الأسبوع."),
    "windows-1257": ("cp1257", "Rīgā atklāts jauns tilts pār Daugavu",
                     "Pilsētas dome ceturtdien paziņoja, ka tilts ir atvērts satiksmei; ąčęėįšųūž."),
    "UTF-8": ("utf-8-sig", "Ferry to Ærø returns — with a byte-order mark",
              "The Ærø line sails again on Saturday, the operator said; 日本語 and Ελληνικά survive."),
    "UTF-16LE": ("utf-16-le", "Ice closes the Ålesund fairway",
                 "Pilots said on Sunday the fairway stays shut; 港 and Ω are kept."),
    "UTF-16BE": ("utf-16-be", "Storm delays Tromsø cargo",
                 "Cargo bound for Tromsø waits in Bodø until Tuesday — 𝄞 survives."),
    "UTF-32LE": ("utf-32-le", "Kiel canal reopens after repair",
                 "The lock at Brunsbüttel is open again, the authority said; 😀 kept."),
    "UTF-32BE": ("utf-32-be", "Bergen fish market moves indoors",
                 "The market’s stalls move to the new hall in März; 魚 kept."),
}

# Byte-order marks the wide encodings are written with (python's -le/-be codecs write none).
MARKS = {"UTF-16LE": b"\xff\xfe", "UTF-16BE": b"\xfe\xff", "UTF-32LE": b"\xff\xfe\x00\x00",
         "UTF-32BE": b"\x00\x00\xfe\xff"}


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slug(label):
    return label.lower().replace("_", "-")


def encode(label, text):
    codec = STORIES[label][0]
    return MARKS.get(label, b"") + text.encode(codec)


def rss(label, headline, body):
    return (f'<?xml version="1.0" encoding="{label}"?>\n<rss version="2.0"><channel>\n'
            f'<title>Encoding desk</title><link>http://wire.example/</link>\n'
            f'<item><title>{escape(headline)}</title><guid>enc-{slug(label)}</guid>\n'
            f'<description>{escape(body)}</description></item>\n</channel></rss>\n')


def nitf(label, headline, body):
    return (f'<?xml version="1.0" encoding="{label}"?>\n<nitf><head><title>{escape(headline)}</title>\n'
            f'<docdata><doc-id id-string="enc-{slug(label)}"/></docdata></head>\n'
            f'<body><body.head><hedline><hl1>{escape(headline)}</hl1></hedline></body.head>\n'
            f'<body.content><p>{escape(body)}</p></body.content></body></nitf>\n')


def newsml(label, headline, body):
    return (f'<?xml version="1.0" encoding="{label}"?>\n'
            f'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:enc:{slug(label)}" version="1">\n'
            f'<itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:usable"/></itemMeta>\n'
            f'<contentMeta><headline>{escape(headline)}</headline></contentMeta>\n'
            f'<contentSet><inlineData contenttype="text/plain">{escape(body)}</inlineData></contentSet>\n'
            f'</newsItem>\n')


def html(label, headline, body):
    return (f'<!DOCTYPE html>\n<html><head><meta charset="{label}"><title>{escape(headline)}</title></head>\n'
            f'<body><article><h1>{escape(headline)}</h1>\n<p>{escape(body)}</p></article></body></html>\n')


def text(_label, headline, body):
    return f"{headline}\n\n{body}\n"


KINDS = {"rss": (rss, "xml"), "nitf": (nitf, "xml"), "newsml": (newsml, "xml"), "html": (html, "html"),
         "text": (text, "txt")}


def special_cases():
    """Inputs whose label and bytes disagree, each with the text a reader should still recover."""
    out = {}
    # Declared Shift_JIS with one byte that is invalid there: that byte alone becomes U+FFFD.
    headline, body = STORIES["Shift_JIS"][1:]
    doc = rss("Shift_JIS", headline, body).encode("cp932").replace("運休".encode("cp932"), b"\x85\x20" + "運休".encode("cp932"), 1)
    out["rss-shift-jis-invalid-byte.xml"] = doc
    # Declared EUC-KR, but the bytes are UTF-8: the label is wrong, not the bytes.
    headline, body = STORIES["EUC-KR"][1:]
    out["rss-euc-kr-declared-but-utf8.xml"] = rss("EUC-KR", headline, body).encode("utf-8")
    # KOI8-R bytes declared windows-1251; the HTTP charset (koi8-r, passed by the test) is right.
    headline, body = STORIES["KOI8-R"][1:]
    out["rss-koi8-r-declared-windows-1251.xml"] = rss("windows-1251", headline, body).encode("koi8_r")
    # UTF-16LE with no byte-order mark, recognised from `<\0?\0`.
    headline, body = STORIES["UTF-16LE"][1:]
    out["rss-utf-16-no-mark.xml"] = rss("UTF-16", headline, body).encode("utf-16-le")
    # No declaration and no charset at all, in Windows-1252: strict UTF-8 fails, Windows-1252 reads it.
    headline, body = STORIES["windows-1252"][1:]
    out["rss-undeclared-windows-1252.xml"] = rss("x", headline, body).replace(' encoding="x"', "").encode("cp1252")
    # A charset nobody knows: reported, then the bytes are read as UTF-8.
    headline, body = STORIES["UTF-16LE"][1:]
    out["rss-unknown-charset.xml"] = rss("x-no-such-charset", headline, body).encode("utf-8")
    return out


def main():
    os.makedirs(ROOT, exist_ok=True)
    for name in os.listdir(ROOT):
        os.remove(os.path.join(ROOT, name))
    manifest = []
    for label, (codec, headline, body) in STORIES.items():
        for kind, (make, ext) in KINDS.items():
            name = f"{kind}-{slug(label)}.{ext}"
            with open(os.path.join(ROOT, name), "wb") as f:
                f.write(encode(label, make(label, headline, body)))
        manifest.append({"label": label, "slug": slug(label), "headline": headline, "body": body,
                         "has_mark": label in MARKS or label == "UTF-8"})
    for name, data in special_cases().items():
        with open(os.path.join(ROOT, name), "wb") as f:
            f.write(data)
    with open(os.path.join(ROOT, "stories.json"), "w", encoding="utf-8") as f:
        json.dump({"stories": manifest}, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
