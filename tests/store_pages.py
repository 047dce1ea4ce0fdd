"""Small Hindi news pages written for the store tests: two site templates, any story, any date."""

from __future__ import annotations

import html
from pathlib import Path

TEMPLATES = {
    "sita": """<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>{title} - {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T09:30:00+05:30">
<meta name="author" content="{author}"></head>
<body><header><nav><a href="/">होम</a> <a href="/desh">देश</a> <a href="/videsh">विदेश</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">लेखक: {author}</p>
<div class="entry-content">{paragraphs}</div></article>
<aside class="related"><h3>यह भी पढ़ें</h3><ul><li><a href="/x">दूसरी ख़बर का शीर्षक यहाँ है</a></li></ul></aside>
</main><footer>© {site} सर्वाधिकार सुरक्षित</footer></body></html>""",
    "gita": """<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
"datePublished": "{date}T11:00:00+05:30", "author": {{"@type": "Person", "name": "{author}"}}}}</script>
</head><body><div class="top-bar">Sun. Nov 29th, 2026</div>
<div class="container"><div class="post"><h2 class="post-title">{title}</h2>
<div class="post-body">{paragraphs}</div>
<div class="share">Share on Facebook | Twitter | WhatsApp</div></div>
<div id="respond"><h3>Leave a Reply</h3><form><textarea name="comment"></textarea>
<input type="submit" value="Post Comment"></form></div></div></body></html>""",
}


def page(title: str, paragraphs: list[str], site: str = "समाचार सेतु", date: str = "2024-03-05",
         author: str = "रमेश कुमार", template: str = "sita") -> str:
    """An HTML page for one story (title and paragraphs are escaped)."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return TEMPLATES[template].format(
        title=html.escape(title), paragraphs=body, site=html.escape(site), date=date, author=html.escape(author)
    )


def write(folder: Path, name: str, *args, **kwargs) -> Path:
    """Write :func:`page` to ``folder/name`` and return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(page(*args, **kwargs), encoding="utf-8")
    return path


LAVROV = [
    "रूस (Russia) के विदेश मंत्री सर्गेई लावरोव (Sergei Lavrov) मंगलवार को दो दिन के दौरे पर इस्लामाबाद पहुंचे। "
    "उन्होंने पाकिस्तान के विदेश मंत्री शाह महमूद कुरैशी से लंबी बातचीत की।",
    "लावरोव ने संवाददाताओं से कहा, “हम आतंकवाद के ख़िलाफ़ लड़ाई में पाकिस्तान की मदद करेंगे।” "
    "पाकिस्तानी अधिकारियों ने इस दौरे को ऐतिहासिक बताया।",
    "दोनों देशों के बीच ऊर्जा, व्यापार और सुरक्षा सहयोग पर भी चर्चा हुई और कई समझौतों पर हस्ताक्षर किए गए।",
]
HEART = [
    "डॉक्टरों का कहना है कि रोज़ सुबह टहलने से दिल की बीमारी का ख़तरा काफी घट जाता है। "
    "शहर के बड़े अस्पताल में हुए एक अध्ययन में तीन हज़ार लोगों को शामिल किया गया।",
    "अध्ययन के प्रमुख डॉक्टर अनिल वर्मा ने बताया कि नियमित व्यायाम करने वालों में ख़तरा आधा पाया गया। "
    "उन्होंने लोगों से तला हुआ खाना कम खाने की अपील की।",
]
LENTILS = [
    "मंडी में इस हफ़्ते दाल के दाम फिर बढ़ गए हैं और अरहर की दाल सौ रुपये किलो के पार पहुंच गई है। "
    "व्यापारियों का कहना है कि बारिश कम होने से फसल पर असर पड़ा है।",
    "गृहिणियों ने बताया कि रसोई का बजट बिगड़ गया है और सब्ज़ियों के दाम भी ऊंचे बने हुए हैं। "
    "सरकार ने भंडार से दाल बाज़ार में उतारने का फ़ैसला किया है।",
]
MOON = [
    "पहाड़ी गांव के लोगों ने बताया कि बारिश के बाद क़मर नाम का नाला उफान पर है और पुल टूट गया है। "
    "बच्चों को स्कूल जाने के लिए पांच किलोमीटर का चक्कर लगाना पड़ रहा है।",
    "ज़िला प्रशासन ने मरम्मत के लिए टीम भेजी है और एक हफ़्ते में अस्थायी पुल बनाने का भरोसा दिया है।",
]
BOYS = [
    "स्टेडियम में हुए फ़ुटबॉल मुक़ाबले में स्थानीय लड़कों ने शानदार खेल दिखाया और फ़ाइनल जीत लिया। "
    "कोच ने कहा कि लड़के पूरे साल मेहनत करते रहे।",
    "टीम के सबसे छोटे खिलाड़ी ने दो गोल किए और दर्शकों ने खड़े होकर तालियां बजाईं।",
]
