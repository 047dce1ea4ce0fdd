"""HTML extraction rules, each pinned by a small page written for the rule."""

from __future__ import annotations

import json

import pytest

from khabar import extract

BODY = [
    "राजधानी में बुधवार को हुई बैठक में परिवहन विभाग ने नई बस सेवा शुरू करने का फ़ैसला किया। अधिकारियों के मुताबिक़ पहले चरण में सौ बसें चलेंगी।",
    "विभाग के सचिव ने कहा कि किराया पुरानी दरों पर ही रहेगा और महिलाओं के लिए यात्रा मुफ़्त होगी। योजना पर कुल 240 करोड़ रुपये ख़र्च होंगे।",
    "यात्री संगठनों ने फ़ैसले का स्वागत किया है, लेकिन उनका कहना है कि ग्रामीण इलाक़ों के लिए भी ऐसी ही व्यवस्था ज़रूरी है।",
]
TITLE = "दिल्ली में सौ नई बसें चलेंगी, महिलाओं का सफ़र मुफ़्त"


def page(head: str = "", before: str = "", after: str = "", body_html: str | None = None,
         site: str = "नगर समाचार", lang: str = "hi") -> str:
    paragraphs = body_html if body_html is not None else "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>{TITLE} | {site}</title>{head}</head><body>
<header class="site-header"><div class="logo"><a href="/">{site}</a></div>
<nav class="main-nav"><ul><li><a href="/">होम</a></li><li><a href="/desh">देश</a></li></ul></nav></header>
<main><article class="story">{before}<div class="story-body">{paragraphs}</div>{after}</article></main>
<aside class="sidebar"><h3>ताज़ा ख़बरें</h3><ul><li><a href="/x">बारिश से कई ज़िलों में स्कूल बंद</a>
<span class="post-date">12 जनवरी 2025</span></li></ul></aside>
<footer class="site-footer"><p>Copyright © 2026 {site}. All rights reserved.</p></footer>
</body></html>"""


def kinds(article) -> set[str]:
    return {b.kind for b in article.boilerplate}


def test_plain_page_body_title_and_language():
    art = extract(page(before=f"<h1 class='story-title'>{TITLE}</h1>"))
    assert art.paragraphs == BODY
    assert art.title == TITLE
    assert art.language == "hi"
    assert art.text == "\n\n".join(BODY)
    assert art.error is None


def test_json_ld_news_article_gives_dates_authors_and_site():
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
        "datePublished": "2024-03-05T08:30:00+05:30", "dateModified": "2024-03-05T12:00:00+05:30",
        "author": [{"@type": "Person", "name": "सीमा वर्मा"}, {"@type": "Person", "name": "Rohit Jain"}],
        "publisher": {"@type": "Organization", "name": "नगर समाचार"}, "articleSection": "दिल्ली",
    }
    head = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    art = extract(page(head=head, before=f"<h1>{TITLE}</h1>"))
    assert art.published == "2024-03-05T08:30:00+05:30"
    assert art.modified == "2024-03-05T12:00:00+05:30"
    assert art.authors == ["सीमा वर्मा", "Rohit Jain"]
    assert art.site_name == "नगर समाचार"
    assert art.categories == ["दिल्ली"]


def test_json_ld_inside_graph():
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "नगर समाचार"},
        {"@type": "NewsArticle", "headline": TITLE, "datePublished": "2023-01-09T06:05:00+05:30",
         "author": {"@type": "Person", "name": "अमित कुमार"}},
    ]}
    head = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    art = extract(page(head=head, before=f"<h1>{TITLE}</h1>"))
    assert art.published == "2023-01-09T06:05:00+05:30"
    assert art.authors == ["अमित कुमार"]


def test_opengraph_article_meta():
    head = ('<meta property="og:site_name" content="नगर समाचार">'
            f'<meta property="og:title" content="{TITLE}">'
            '<meta property="article:published_time" content="2022-11-02T17:45:00+05:30">'
            '<link rel="canonical" href="https://example.in/delhi/buses-123">')
    art = extract(page(head=head, before=f"<h1>{TITLE}</h1>"), url="https://example.in/delhi/buses-123?utm=x")
    assert art.published == "2022-11-02T17:45:00+05:30"
    assert art.url == "https://example.in/delhi/buses-123"
    assert art.site_name == "नगर समाचार"


@pytest.mark.parametrize(("shown", "expected"), [
    ("८ अप्रैल २०२१", "2021-04-08"),
    ("अप्रैल 8, 2021", "2021-04-08"),
    ("8 April 2021 10:12 AM IST", "2021-04-08T10:12:00+05:30"),
    ("Apr 8, 2021", "2021-04-08"),
])
def test_visible_date_by_the_byline(shown, expected):
    before = (f"<h1>{TITLE}</h1><div class='byline'><span class='author-name'>द्वारा सीमा वर्मा</span>"
              f"<span class='post-date'>{shown}</span></div>")
    art = extract(page(before=before))
    assert art.published == expected
    assert art.authors == ["सीमा वर्मा"]


def test_header_date_widget_is_never_the_publication_date():
    html = page(before=f"<h1>{TITLE}</h1>").replace(
        '<header class="site-header">', '<div class="top-strip"><span class="today">Mon. Dec 23rd, 2024</span></div>'
        '<header class="site-header">')
    art = extract(html)
    assert art.published is None
    assert "date-widget" in kinds(art)
    assert all("2024" not in p for p in art.paragraphs)


def test_comment_dates_and_related_dates_are_not_publication_dates():
    after = ("<div class='related-posts'><h4>Related Post</h4><a href='/y'>किसानों का धरना ख़त्म</a>"
             "<span>March 3, 2024</span></div>"
             "<div id='comments'><ol class='comment-list'><li class='comment'><p>बहुत अच्छी ख़बर।</p>"
             "<time datetime='2024-03-06T10:00:00+05:30'>March 6, 2024</time></li></ol></div>")
    art = extract(page(before=f"<h1>{TITLE}</h1>", after=after))
    assert art.published is None
    assert art.paragraphs == BODY
    assert "comments" in kinds(art)


@pytest.mark.parametrize("form", [
    "<div id='respond' class='comment-respond'><h3 class='comment-reply-title'>Leave a Reply</h3>"
    "<form class='comment-form'><p class='comment-notes'>Your email address will not be published.</p>"
    "<textarea></textarea></form></div>",
    "<div class='comment-box'><h3>प्रतिक्रिया दें</h3><p>आपका ईमेल पता प्रकाशित नहीं किया जाएगा।</p>"
    "<form><textarea name='comment'></textarea></form></div>",
])
def test_comment_forms_in_english_and_hindi_stay_out_of_the_body(form):
    art = extract(page(before=f"<h1>{TITLE}</h1>", after=form))
    assert art.paragraphs == BODY
    body = art.text
    assert "Leave a Reply" not in body and "प्रतिक्रिया दें" not in body and "ईमेल" not in body


def test_also_read_block_inside_the_story_is_removed():
    body_html = (f"<p>{BODY[0]}</p><p><strong>यह भी पढ़ें:</strong> <a href='/z'>मेट्रो का किराया बढ़ा</a></p>"
                 f"<p>{BODY[1]}</p><div class='also-read'><a href='/q'>Also Read: बजट पर बहस</a></div>"
                 f"<p>{BODY[2]}</p>")
    art = extract(page(before=f"<h1>{TITLE}</h1>", body_html=body_html))
    assert art.paragraphs == BODY
    assert "related" in kinds(art)


def test_share_bar_and_subheadings():
    body_html = (f"<p>{BODY[0]}</p><h2>किराया कितना होगा</h2><p>{BODY[1]}</p>"
                 "<div class='share-buttons'><a>Facebook</a><a>WhatsApp</a><a>Twitter</a></div>"
                 f"<p>{BODY[2]}</p>")
    art = extract(page(before=f"<h1>{TITLE}</h1>", body_html=body_html))
    assert art.paragraphs == [BODY[0], "किराया कितना होगा", BODY[1], BODY[2]]
    assert "share" in kinds(art)


def test_english_byline_with_update_stamp_and_author_box_bio():
    before = (f"<h1>{TITLE}</h1><p class='byline'>By <a rel='author' href='/author/priya'>Priya Sharma</a> "
              "| Updated: 9 April 2021</p>")
    after = ("<div class='author-box'><h4>Priya Sharma</h4><p>प्रिया शर्मा दिल्ली की राजनीति और परिवहन पर लिखती हैं।"
             "</p></div>")
    art = extract(page(before=before, after=after))
    assert art.authors == ["Priya Sharma"]
    assert art.author_bio == "प्रिया शर्मा दिल्ली की राजनीति और परिवहन पर लिखती हैं।"
    assert art.modified == "2021-04-09" or art.published == "2021-04-09"
    assert art.paragraphs == BODY


def test_two_hindi_authors_with_dateline():
    before = f"<h1>{TITLE}</h1><div class='story-meta'><span class='author'>रिपोर्ट: राहुल वर्मा और नेहा गुप्ता, नई दिल्ली</span></div>"
    art = extract(page(before=before))
    assert art.authors == ["राहुल वर्मा", "नेहा गुप्ता"]


def test_div_and_br_layout_without_paragraph_elements():
    body_html = "<div class='content-text'>" + "<br><br>".join(BODY) + "</div>"
    art = extract(page(before=f"<h1>{TITLE}</h1>", body_html=body_html))
    assert art.paragraphs == BODY


def test_listing_page_without_an_article_has_no_body():
    listing = "".join(f"<li><a href='/s{i}'>ख़बर संख्या {i} का शीर्षक जो एक कड़ी है</a></li>" for i in range(20))
    html = f"<html><head><title>देश</title></head><body><ul class='news-list'>{listing}</ul></body></html>"
    art = extract(html)
    assert art.paragraphs == []
    assert art.error is None


def test_real_site_furniture_inside_the_story_is_dropped():
    body_html = (
        f"<p>{BODY[0]}</p>"
        "<figure><img src='/bus.jpg'><figcaption>नई बसों का उद्घाटन करते अधिकारी (फ़ाइल फ़ोटो)</figcaption></figure>"
        "<div class='ad-slot'><span>Advertisement</span></div>"
        f"<p>{BODY[1]}</p>"
        "<div class='read-also-box'><h4>ये भी पढ़ें</h4><ul><li><a href='/a'>मेट्रो के किराये में बढ़ोतरी</a></li>"
        "<li><a href='/b'>दिल्ली में ऑटो हड़ताल ख़त्म</a></li></ul></div>"
        f"<p>{BODY[2]}</p>"
        "<div class='social-follow'><a href='/g'>Google News पर फॉलो करें</a></div>"
    )
    art = extract(page(before=f"<h1>{TITLE}</h1>", body_html=body_html))
    assert art.paragraphs == BODY
    assert {"related", "other"} <= kinds(art)


def test_misleading_wrapper_class_does_not_hide_the_story():
    html = page(before=f"<h1>{TITLE}</h1>").replace("<main>", "<main><div class='widget-area-wrapper sidebar'>")
    html = html.replace("</main>", "</div></main>")
    art = extract(html)
    assert art.paragraphs == BODY


def test_title_suffix_is_not_part_of_the_headline_when_no_heading():
    art = extract(page(body_html="".join(f"<p>{p}</p>" for p in BODY)))
    assert art.title == TITLE


def test_deep_nesting_does_not_crash():
    html = "<html><body>" + "<div>" * 10000 + f"<p>{BODY[0]}</p>" + "</div>" * 10000 + "</body></html>"
    art = extract(html)
    assert art.error is None or "deep" in art.error


def test_unmarked_teaser_boxes_next_to_the_story_stay_out():
    teasers = "".join(
        f"<div class='box'><h3><a href='/t{i}'>दूसरी ख़बर {i}: शहर में नई पार्किंग नीति लागू होगी</a></h3>"
        f"<p>नगर निगम ने पार्किंग शुल्क की नई दरें तय की हैं जो अगले महीने से लागू होंगी।</p></div>"
        for i in range(4)
    )
    html = page(before=f"<h1>{TITLE}</h1>").replace("</article>", f"</article><div class='more'>{teasers}</div>")
    art = extract(html)
    assert art.paragraphs == BODY


def test_div_text_around_a_subheading_keeps_reading_order():
    body_html = ("<div class='article-section'>" + BODY[0] + "<br><br>" + BODY[1]
                 + "<h2>किराया कितना होगा</h2>" + BODY[2] + "</div>")
    art = extract(page(before=f"<h1>{TITLE}</h1>", body_html=body_html))
    assert art.paragraphs == [BODY[0], BODY[1], "किराया कितना होगा", BODY[2]]
