"""Tests for the data-driven page-chrome phrase table."""

import pytest

from khabar.extraction.phrases import classify_chrome_text, is_related_lead, normalize_phrase, rule_rows
from khabar.records import BOILERPLATE_KINDS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Leave a Reply", "comment-form"),
        ("Leave a comment", "comment-form"),
        ("Your email address will not be published. Required fields are marked *", "comment-form"),
        ("Required fields are marked *", "comment-form"),
        ("Save my name, email, and website in this browser for the next time I comment.", "comment-form"),
        ("Post Comment", "comment-form"),
        ("Cancel reply", "comment-form"),
        ("आपकी ईमेल आईडी प्रकाशित नहीं की जाएगी।", "comment-form"),
        ("प्रतिक्रिया दें", "comment-form"),
        ("टिप्पणी करें", "comment-form"),
        ("अपनी राय दें", "comment-form"),
        ("कमेंट करें", "comment-form"),
        ("2 comments", "comments"),
        ("One comment", "comments"),
        ("2 thoughts on “बड़ी खबर का शीर्षक”", "comments"),
        ("2 responses to “Big headline”", "comments"),
        ("One response to “Big headline”", "comments"),
        ("3 टिप्पणियाँ", "comments"),
        ("Ravi Kumar says:", "comments"),
        ("Related Posts", "related"),
        ("Related", "related"),
        ("You may also like", "related"),
        ("More stories", "related"),
        ("यह भी पढ़ें", "related"),
        ("ये भी पढ़ें:", "related"),
        ("इसे भी पढ़ें", "related"),
        ("Also Read", "related"),
        ("संबंधित खबरें", "related"),
        ("और पढ़ें", "related"),
        ("Read more »", "related"),
        ("Next post", "related"),
        ("Previous post", "related"),
        ("अगली खबर", "related"),
        ("यह भी पढ़ें: दिल्ली में बारिश का अलर्ट", "related"),
        ("Share", "share"),
        ("Tweet", "share"),
        ("Share this:", "share"),
        ("शेयर करें", "share"),
        ("Facebook", "share"),
        ("WhatsApp", "share"),
        ("Telegram", "share"),
        ("Facebook Twitter WhatsApp", "share"),
        ("Facebook | Twitter | Telegram", "share"),
        ("Follow us on Twitter", "share"),
        ("हमें फॉलो करें", "share"),
        ("Google News पर फॉलो करें", "share"),
        ("Copyright © 2024 Khabar Sansar", "footer"),
        ("© 2024 खबर संसार. All rights reserved.", "footer"),
        ("All rights reserved", "footer"),
        ("Proudly powered by WordPress", "footer"),
        ("सर्वाधिकार सुरक्षित", "footer"),
        ("Theme by AF themes", "footer"),
        ("Skip to content", "nav"),
        ("Home", "nav"),
        ("होम", "nav"),
        ("Menu", "nav"),
        ("Home » News » India", "nav"),
        ("होम / देश / राजनीति", "nav"),
        ("Advertisement", "other"),
        ("विज्ञापन", "other"),
        ("Subscribe", "other"),
        ("Download app", "other"),
        ("Posted in राजनीति", "other"),
        ("Categorized as News", "other"),
        ("Tagged politics, delhi", "other"),
        ("Tags: राजनीति, दिल्ली", "other"),
        ("By आदित्य सिंह", "byline"),
        ("Sun. Nov 29th, 2026", "date-widget"),
    ],
)
def test_chrome_lines(text, kind):
    assert classify_chrome_text(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Share prices rose sharply on Monday after the results.",
        "कंपनी ने इस साल विज्ञापन पर खर्च दोगुना कर दिया है।",
        "उन्होंने कहा कि Facebook पर यह पोस्ट तेज़ी से फैली।",
        "Home ministry officials met on Tuesday to review the situation.",
        "यह भी पढ़ें कि सरकार ने क्या कहा, यह बात उन्होंने कई बार दोहराई।",
        "Related parties must disclose their holdings, the regulator said.",
        "April 8, 2021",
        "",
    ],
)
def test_story_text_is_not_chrome(text):
    assert classify_chrome_text(text) is None


@pytest.mark.parametrize(
    "text",
    ["यह भी पढ़ें: दिल्ली में बारिश", "ये भी पढ़ें - बड़ी खबर", "Also Read: Monsoon arrives early", "READ | Big story"],
)
def test_related_leads(text):
    assert is_related_lead(text)


@pytest.mark.parametrize("text", ["यह भी पढ़ें", "Also, read the report carefully.", "पढ़ें और समझें।"])
def test_not_related_leads(text):
    assert not is_related_lead(text)


def test_phrase_table_uses_known_kinds():
    rows = rule_rows("chrome_phrases.tsv")
    assert rows
    assert {row[0] for row in rows} <= set(BOILERPLATE_KINDS)
    assert {row[1] for row in rows} <= {"exact", "start", "regex", "lead", "contains"}


def test_normalize_phrase():
    assert normalize_phrase("  Leave   a Reply * ") == "leave a reply"
    assert normalize_phrase("» Home") == "home"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("© 2024 नगर समाचार. All rights reserved.", "footer"),
        ("काशी वाणी 2010-2024 सर्वाधिकार सुरक्षित", "footer"),
        ("सामग्री उपलब्ध नहीं है", "other"),
    ],
)
def test_contains_phrases_on_short_lines(line, kind):
    assert classify_chrome_text(line) == kind


def test_contains_phrase_inside_a_long_story_paragraph_is_not_chrome():
    story = "अदालत ने कहा कि " + "याचिकाकर्ता की दलीलें सुनने के बाद " * 12 + "सर्वाधिकार सुरक्षित रखने का मामला अलग है।"
    assert classify_chrome_text(story) is None
