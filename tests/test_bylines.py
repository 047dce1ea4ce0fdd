"""Tests for byline parsing, byline detection and the author-bio heuristic."""

import pytest

from khabar.extraction.bylines import (
    is_name,
    looks_like_bio,
    looks_like_byline,
    looks_like_credit_line,
    parse_byline,
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By आदित्य सिंह", ["आदित्य सिंह"]),
        ("by Priya Sharma", ["Priya Sharma"]),
        ("BY Priya Sharma", ["Priya Sharma"]),
        ("Written by: Priya Sharma", ["Priya Sharma"]),
        ("Posted by Rahul Verma", ["Rahul Verma"]),
        ("Reported by Anand Kumar", ["Anand Kumar"]),
        ("Author: Meera Nair", ["Meera Nair"]),
        ("द्वारा प्रिया शर्मा", ["प्रिया शर्मा"]),
        ("लेखक: राहुल वर्मा", ["राहुल वर्मा"]),
        ("लेखक - राहुल वर्मा", ["राहुल वर्मा"]),
        ("रिपोर्ट: सुनील यादव", ["सुनील यादव"]),
        ("रिपोर्ट- सुनील यादव", ["सुनील यादव"]),
        ("संवाददाता: सुनील यादव", ["सुनील यादव"]),
        ("प्रस्तुति: अनीता राय", ["अनीता राय"]),
        ("Reporter: Anand Kumar", ["Anand Kumar"]),
        ("View all posts by Priya Sharma", ["Priya Sharma"]),
        ("More from Priya Sharma", ["Priya Sharma"]),
        ("Priya Sharma's posts", ["Priya Sharma"]),
        ("प्रिया शर्मा द्वारा", ["प्रिया शर्मा"]),
    ],
)
def test_prefixes_and_labels_are_stripped(text, names):
    assert parse_byline(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Priya Sharma | Updated: April 8, 2021 10:30 AM IST", ["Priya Sharma"]),
        ("Posted by Rahul Verma on April 8, 2021", ["Rahul Verma"]),
        ("By Priya Sharma Published: 8 April 2021", ["Priya Sharma"]),
        ("प्रिया शर्मा, नई दिल्ली", ["प्रिया शर्मा"]),
        ("Priya Sharma | New Delhi", ["Priya Sharma"]),
        ("प्रिया शर्मा, वरिष्ठ संवाददाता", ["प्रिया शर्मा"]),
        ("वरिष्ठ संवाददाता प्रिया शर्मा", ["प्रिया शर्मा"]),
        ("By Priya Sharma, Senior Correspondent", ["Priya Sharma"]),
        ("By Priya Sharma (priya@example.com) @priyasharma https://example.com/priya", ["Priya Sharma"]),
        ("By Priya Sharma | Edited By: Rahul Verma", ["Priya Sharma"]),
        ("By Priya Sharma | PTI", ["Priya Sharma"]),
        ("By प्रिया शर्मा | खबर संसार", ["प्रिया शर्मा"]),
    ],
)
def test_clutter_around_the_name_is_dropped(text, names):
    assert parse_byline(text, site_name="खबर संसार") == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("प्रिया शर्मा और राहुल वर्मा", ["प्रिया शर्मा", "राहुल वर्मा"]),
        ("प्रिया शर्मा एवं राहुल वर्मा", ["प्रिया शर्मा", "राहुल वर्मा"]),
        ("By Priya Sharma and Rahul Verma", ["Priya Sharma", "Rahul Verma"]),
        ("By Priya Sharma & Anand Kumar", ["Priya Sharma", "Anand Kumar"]),
        ("By Priya Sharma, Rahul Verma", ["Priya Sharma", "Rahul Verma"]),
        ("प्रिया शर्मा / राहुल वर्मा", ["प्रिया शर्मा", "राहुल वर्मा"]),
        ("Written by A. K. Singh & J. Doe", ["A. K. Singh", "J. Doe"]),
    ],
)
def test_several_names_are_split(text, names):
    assert parse_byline(text) == names


def test_joiner_inside_a_name_does_not_split_it():
    assert parse_byline("By Anand Kumar") == ["Anand Kumar"]
    assert parse_byline("By Brandon Mandela") == ["Brandon Mandela"]


@pytest.mark.parametrize("name", ["आदित्य सिंह", "क़मर जावेद", "मोहम्मद आरिफ़", "डॉ. कविता रमन", "एस.के. शर्मा"])
def test_vowel_signs_and_nukta_stay_intact(name):
    assert parse_byline(f"By {name}") == [name]


def test_combining_nukta_is_kept_as_written():
    decomposed = "क\u093cमर जावेद"
    assert parse_byline(f"By {decomposed}") == [decomposed]


@pytest.mark.parametrize(
    ("text", "names"), [("PTI", ["PTI"]), ("भाषा", ["भाषा"]), ("नई दिल्ली, एजेंसी", ["एजेंसी"])]
)
def test_agency_counts_only_when_it_is_the_whole_byline(text, names):
    assert parse_byline(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "By the way, the meeting ended early.",
        "दिल्ली विश्वविद्यालय से इतिहास का छात्र। खासतौर पर इतिहास में रुचि।",
        "वह दिल्ली में रहते हैं",
        "राजनीति और अदालतों पर लिखती हैं",
        "By कल शाम तक",
        "Is this a byline?",
        "By 2024 the plan will be ready",
        "",
    ],
)
def test_sentences_are_not_names(text):
    assert parse_byline(text) == []


def test_site_name_alone_is_not_an_author():
    assert parse_byline("By खबर संसार", site_name="खबर संसार") == []


def test_is_name():
    assert is_name("Priya Sharma")
    assert is_name("Ludwig van Beethoven")
    assert not is_name("the desk")
    assert not is_name("एक दो तीन चार पांच")
    assert not is_name("प्रिया 2")


@pytest.mark.parametrize(
    "line", ["By आदित्य सिंह", "द्वारा प्रिया शर्मा", "लेखक: राहुल वर्मा", "By Priya Sharma | April 8, 2021"]
)
def test_looks_like_byline(line):
    assert looks_like_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the way, the meeting ended early.",
        "आदित्य सिंह",
        "By " + "बहुत लंबी पंक्ति " * 20,
        "उन्होंने कहा कि बैठक सफल रही।",
    ],
)
def test_not_a_byline(line):
    assert not looks_like_byline(line)


@pytest.mark.parametrize(
    "text",
    [
        "वरिष्ठ संवाददाता। राजनीति और अदालतों पर लिखती हैं।",
        "दिल्ली विश्वविद्यालय से इतिहास का छात्र। खासतौर पर इतिहास, साहित्य और राजनीति में रुचि।",
        "विज्ञान और पर्यावरण पर लिखते हैं। भौतिकी में स्नातकोत्तर।",
        "Priya Sharma is a journalist who covers courts and politics.",
        "खेल प्रेमी। दिल्ली में रहते हैं।",
    ],
)
def test_looks_like_bio(text):
    assert looks_like_bio(text)


@pytest.mark.parametrize(
    "text",
    [
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "By आदित्य सिंह",
        "ok",
        " ".join(["यह एक बहुत लंबा अनुच्छेद है जिसमें कई वाक्य हैं।"] * 12),
    ],
)
def test_not_a_bio(text):
    assert not looks_like_bio(text)


def test_author_box_heading_suffix():
    assert parse_byline("प्रिया शर्मा के बारे में") == ["प्रिया शर्मा"]
    assert parse_byline("Posts by Priya Sharma") == ["Priya Sharma"]


@pytest.mark.parametrize(
    "line", ["प्रिया शर्मा, नई दिल्ली", "Priya Sharma | Senior Correspondent", "नई दिल्ली | राहुल वर्मा"]
)
def test_credit_line_without_label(line):
    assert looks_like_credit_line(line)


@pytest.mark.parametrize(
    "line", ["प्रिया शर्मा", "नई दिल्ली", "नई दिल्ली में बारिश हुई।", "Priya Sharma and Rahul Verma"]
)
def test_not_a_credit_line(line):
    assert not looks_like_credit_line(line)
