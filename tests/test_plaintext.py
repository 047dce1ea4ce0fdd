"""Tests for extraction from plain-text dumps: own dumps for several themes, plus the shared corpus."""

import json
from pathlib import Path

import pytest

from khabar.extraction.plaintext import extract_text, split_blocks

SEED = Path("/work/shared/examples/seed-page-dump.txt")
CORPUS = Path("/work/shared/corpus")

HI_BODY = [
    "राज्य सरकार ने मंगलवार को नई जल नीति को मंज़ूरी दे दी। इसके तहत हर गांव में पीने के पानी की जांच हर महीने होगी।",
    "जल संसाधन मंत्री सुरेश पांडे ने कहा, “हमारा लक्ष्य है कि अगले दो साल में किसी भी गांव को टैंकर पर निर्भर न रहना पड़े।”",
    "नीति के मुख्य बिंदु",
    "विशेषज्ञों का मानना है कि नीति अच्छी है, लेकिन इसे लागू करने के लिए ज़िलों को अतिरिक्त कर्मचारी चाहिए होंगे।",
]

HINDI_CHROME_DUMP = """जन समाचार

होम

रविवार, 29 नवंबर 2026

नई जल नीति को मंज़ूरी, हर गांव में पानी की मासिक जांच होगी

द्वारा राहुल वर्मा

{}

{}

यह भी पढ़ें: बारिश के बाद शहर में जलभराव, लोग परेशान

{}

{}

यह भी पढ़ें

गंगा सफ़ाई अभियान का दूसरा चरण शुरू

किसानों के लिए नई सिंचाई योजना

शेयर करें

3 टिप्पणियाँ

1. बहुत अच्छी नीति है, इसे जल्दी लागू करना चाहिए।

2. हमारे गांव में अब भी टैंकर आता है।

3. अच्छी ख़बर।

प्रतिक्रिया दें

आपकी ईमेल आईडी प्रकाशित नहीं की जाएगी। आवश्यक फ़ील्ड चिह्नित हैं *

© 2026 जन समाचार। सर्वाधिकार सुरक्षित।
""".format(*HI_BODY)

EN_BODY = [
    "The city council approved a new cycling plan on Tuesday, adding forty kilometres of protected lanes by next year.",
    "“We want children to ride to school safely,” said council member Anita Rao after the vote.",
    "Officials said the first lanes would open near schools and markets before the monsoon.",
]

ENGLISH_CHROME_DUMP = """Skip to content

City Pulse

Home » City » Transport

Council approves new cycling plan with forty kilometres of lanes

By Priya Sharma and Rahul Verma

Published: 8 April 2021

{}

Advertisement

{}

{}

Share this:

Facebook

Twitter

Related Posts

Metro line extension gets approval

April 2, 2021

Leave a Reply

Your email address will not be published. Required fields are marked *

Save my name, email, and website in this browser for the next time I comment.

Proudly powered by WordPress
""".format(*EN_BODY)


def _kinds(article):
    return {item.text: item.kind for item in article.boilerplate}


def test_split_blocks_collapses_whitespace_and_separates_chrome_lines():
    dump = "  पहला   अनुच्छेद\n  जारी है।\n\nLeave a Reply\nYour email address will not be published.\n"
    assert split_blocks(dump) == [
        "पहला अनुच्छेद जारी है।",
        "Leave a Reply",
        "Your email address will not be published.",
    ]


def test_hindi_chrome_dump():
    article = extract_text(HINDI_CHROME_DUMP, url="https://example.com/jal-niti")
    assert article.paragraphs == HI_BODY
    assert article.title == "नई जल नीति को मंज़ूरी, हर गांव में पानी की मासिक जांच होगी"
    assert article.authors == ["राहुल वर्मा"]
    assert article.published is None
    assert article.url == "https://example.com/jal-niti"
    assert article.language == "hi"
    kinds = _kinds(article)
    assert kinds["रविवार, 29 नवंबर 2026"] == "date-widget"
    assert kinds["द्वारा राहुल वर्मा"] == "byline"
    assert kinds["यह भी पढ़ें: बारिश के बाद शहर में जलभराव, लोग परेशान"] == "related"
    assert kinds["गंगा सफ़ाई अभियान का दूसरा चरण शुरू"] == "related"
    assert kinds["शेयर करें"] == "share"
    assert kinds["2. हमारे गांव में अब भी टैंकर आता है।"] == "comments"
    assert kinds["प्रतिक्रिया दें"] == "comment-form"
    assert kinds["© 2026 जन समाचार। सर्वाधिकार सुरक्षित।"] == "footer"
    assert kinds["होम"] == "nav"


def test_english_chrome_dump_with_labelled_date_and_two_authors():
    article = extract_text(ENGLISH_CHROME_DUMP)
    assert article.paragraphs == EN_BODY
    assert article.title == "Council approves new cycling plan with forty kilometres of lanes"
    assert article.authors == ["Priya Sharma", "Rahul Verma"]
    assert article.published == "2021-04-08"
    assert article.language == "en"
    kinds = _kinds(article)
    assert kinds["Advertisement"] == "other"
    assert kinds["Skip to content"] == "nav"
    assert kinds["Home » City » Transport"] == "nav"
    assert kinds["Facebook"] == "share"
    assert kinds["Metro line extension gets approval"] == "related"
    assert kinds["Proudly powered by WordPress"] == "footer"
    assert "Published: 8 April 2021" in kinds


def test_unlabelled_date_next_to_byline_is_published_and_update_is_modified():
    dump = "\n\n".join(
        [
            "लेखक: अनीता राय",
            "8 अप्रैल 2021",
            "अपडेटेड: 9 अप्रैल 2021",
            HI_BODY[0],
            HI_BODY[1],
        ]
    )
    article = extract_text(dump)
    assert article.authors == ["अनीता राय"]
    assert article.published == "2021-04-08"
    assert article.modified == "2021-04-09"
    assert article.paragraphs == HI_BODY[:2]


def test_widget_date_is_never_published():
    dump = "\n\n".join(["Sun. Nov 29th, 2026", HI_BODY[0], HI_BODY[1], "By अनीता राय"])
    article = extract_text(dump)
    assert article.published is None
    assert article.authors == ["अनीता राय"]
    assert _kinds(article)["Sun. Nov 29th, 2026"] == "date-widget"


def test_plain_date_at_the_top_is_chrome():
    dump = "\n\n".join(["8 April 2021", HI_BODY[0], HI_BODY[1]])
    article = extract_text(dump)
    assert article.published is None
    assert _kinds(article)["8 April 2021"] == "date-widget"


def test_comment_dates_are_not_published():
    dump = "\n\n".join(
        [
            HI_BODY[0],
            HI_BODY[1],
            "2 comments",
            "Ravi Kumar says:",
            "April 9, 2021 at 9:15 am",
            "बहुत अच्छी ख़बर।",
            "Leave a comment",
        ]
    )
    article = extract_text(dump)
    assert article.published is None
    assert article.paragraphs == HI_BODY[:2]
    assert _kinds(article)["April 9, 2021 at 9:15 am"] == "comments"
    assert _kinds(article)["बहुत अच्छी ख़बर।"] == "comments"


def test_dump_without_byline():
    dump = "\n\n".join(["जन समाचार", HI_BODY[0], HI_BODY[1], HI_BODY[3], "Leave a Reply"])
    article = extract_text(dump)
    assert article.authors == []
    assert article.author_bio is None
    assert article.title is None
    assert article.paragraphs == [HI_BODY[0], HI_BODY[1], HI_BODY[3]]


def test_short_body():
    dump = "\n\n".join(["Mon. Dec 23rd, 2024", HI_BODY[0], "By आदित्य सिंह", "Leave a Reply"])
    article = extract_text(dump)
    assert article.paragraphs == [HI_BODY[0]]
    assert article.authors == ["आदित्य सिंह"]
    assert article.author_bio is None


def test_bio_after_byline():
    bio = "वरिष्ठ संवाददाता। राजनीति और अदालतों पर लिखती हैं।"
    dump = "\n\n".join([HI_BODY[0], HI_BODY[1], "By प्रिया शर्मा", bio, "Leave a Reply"])
    article = extract_text(dump)
    assert article.author_bio == bio
    assert article.paragraphs == HI_BODY[:2]
    assert _kinds(article)[bio] == "author-bio"


def test_numbered_list_inside_body_stays_body_and_after_comments_header_is_comments():
    items = ["1. पहला चरण: गांवों में पानी की जांच होगी।", "2. दूसरा चरण: पाइपलाइन बिछाई जाएगी।"]
    dump = "\n\n".join(
        [HI_BODY[0], *items, HI_BODY[1], "2 comments", "1. बढ़िया ख़बर है।", "2. धन्यवाद।", "Leave a comment"]
    )
    article = extract_text(dump)
    assert article.paragraphs == [HI_BODY[0], *items, HI_BODY[1]]
    assert _kinds(article)["1. बढ़िया ख़बर है।"] == "comments"


def test_label_less_author_line_after_body():
    dump = "\n\n".join([HI_BODY[0], HI_BODY[1], "नेहा गुप्ता", ", ,", "Leave a Reply"])
    article = extract_text(dump)
    assert article.authors == ["नेहा गुप्ता"]
    assert article.paragraphs == HI_BODY[:2]


def test_empty_dump():
    article = extract_text("")
    assert article.paragraphs == []
    assert article.boilerplate == []


@pytest.mark.skipif(not SEED.exists(), reason="seed dump not available")
def test_seed_dump():
    article = extract_text(SEED.read_text(encoding="utf-8"))
    assert len(article.paragraphs) == 7
    assert article.paragraphs[0].startswith("अपने भारत दौरे को ख़तम करने")
    assert article.authors == ["आदित्य सिंह"]
    assert (
        article.author_bio == "दिल्ली विश्वविद्यालय से इतिहास का छात्र। खासतौर पर इतिहास, साहित्य और राजनीति में रुचि।"
    )
    assert article.published is None
    assert _kinds(article)["Mon. Dec 23rd, 2024"] == "date-widget"


def _corpus_ids() -> list[str]:
    return sorted(path.stem for path in (CORPUS / "dumps").glob("*.txt")) if CORPUS.exists() else []


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not available")
@pytest.mark.parametrize("page_id", _corpus_ids())
def test_corpus_dump_matches_gold(page_id):
    dump = (CORPUS / "dumps" / f"{page_id}.txt").read_text(encoding="utf-8")
    gold = json.loads((CORPUS / "gold" / f"{page_id}.json").read_text(encoding="utf-8"))
    article = extract_text(dump)
    assert article.paragraphs == gold["body"]
    assert article.authors == [name for name in gold["authors"] if name in dump]
    bio = gold.get("author_bio")
    assert article.author_bio == (bio if bio and bio in dump else None)
    if article.published is not None:
        assert article.published[:10] not in gold.get("chrome_dates_iso", [])
    for comment in gold.get("comments", []):
        assert all(comment not in paragraph for paragraph in article.paragraphs)


def test_date_inside_the_byline_line_is_published():
    dump = "\n\n".join(["By Priya Sharma | April 8, 2021", EN_BODY[0], EN_BODY[1]])
    article = extract_text(dump)
    assert article.authors == ["Priya Sharma"]
    assert article.published == "2021-04-08"


def test_dates_in_related_section_are_related():
    article = extract_text(ENGLISH_CHROME_DUMP)
    assert _kinds(article)["April 2, 2021"] == "related"


def test_reported_speech_line_does_not_end_the_body():
    dump = "\n\n".join([HI_BODY[0], "विशेषज्ञ कहते हैं:", HI_BODY[1], HI_BODY[3]])
    article = extract_text(dump)
    assert article.paragraphs == [HI_BODY[0], "विशेषज्ञ कहते हैं:", HI_BODY[1], HI_BODY[3]]


def test_byline_with_published_and_updated_stamps():
    dump = "\n\n".join(["By Priya Sharma | April 8, 2021 | Updated: April 9, 2021", EN_BODY[0], EN_BODY[1]])
    article = extract_text(dump)
    assert article.published == "2021-04-08"
    assert article.modified == "2021-04-09"


def test_credit_line_with_dateline_before_body():
    dump = "\n\n".join(["अनीता राय, लखनऊ", HI_BODY[0], HI_BODY[1]])
    article = extract_text(dump)
    assert article.authors == ["अनीता राय"]
    assert article.paragraphs == HI_BODY[:2]
    assert _kinds(article)["अनीता राय, लखनऊ"] == "byline"


def test_visible_time_without_zone_is_read_as_ist():
    dump = "\n\n".join(["रिपोर्ट: गौरव शेखावत, जयपुर", "प्रकाशित: 14 जून 2023, 08:30 AM", HI_BODY[0], HI_BODY[1]])
    article = extract_text(dump)
    assert article.authors == ["गौरव शेखावत"]
    assert article.published == "2023-06-14T08:30:00+05:30"
