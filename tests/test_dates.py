"""Tests for khabar.extraction.dates: machine dates, human dates, URL dates, labels, date-only lines."""

from __future__ import annotations

import pytest

from khabar.extraction.dates import (
    DateValue,
    date_from_url,
    date_label,
    find_dates,
    is_date_line,
    parse_machine_date,
)


def only_date(text: str):
    matches = find_dates(text)
    assert len(matches) == 1, f"expected one date in {text!r}, got {matches}"
    return matches[0]


# --- DateValue --------------------------------------------------------------------------------------


def test_iso_forms():
    assert DateValue(2021, 4, 8).iso() == "2021-04-08"
    assert DateValue(2021, 4, 8, 10, 12, None, 330).iso() == "2021-04-08T10:12:00+05:30"
    assert DateValue(2021, 4, 8, 10, 12).iso() == "2021-04-08T10:12:00"
    assert DateValue(2021, 4, 8, 10, 12, 5, -300).iso() == "2021-04-08T10:12:05-05:00"
    assert DateValue(2021, 4, 8, 10, 12).date_key() == "2021-04-08"


@pytest.mark.parametrize("fields", [(2021, 2, 31), (2021, 13, 1), (2021, 4, 8, 24, 0), (2021, 4, 8, 10, 60)])
def test_invalid_values_are_rejected(fields):
    with pytest.raises(ValueError):
        DateValue(*fields)


def test_offset_helpers():
    utc = DateValue(2021, 4, 8, 4, 42, 0, 0)
    assert utc.to_offset(330).iso() == "2021-04-08T10:12:00+05:30"
    assert DateValue(2021, 4, 8, 10, 12).with_default_offset(330).iso() == "2021-04-08T10:12:00+05:30"
    assert DateValue(2021, 4, 8).with_default_offset(330).iso() == "2021-04-08"


# --- machine dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2021-04-08", "2021-04-08"),
        ("2021-04-08T10:12:00+05:30", "2021-04-08T10:12:00+05:30"),
        ("2021-04-08T04:42:00Z", "2021-04-08T04:42:00+00:00"),
        ("2021-04-08T10:12:00.000000+05:30", "2021-04-08T10:12:00+05:30"),
        ("2021-04-08T10:12:00.123Z", "2021-04-08T10:12:00+00:00"),
        ("2021-04-08 10:12:00", "2021-04-08T10:12:00"),
        ("2021-04-08T10:12+05:30", "2021-04-08T10:12:00+05:30"),
        ("2021-04-08T10:12:00+0530", "2021-04-08T10:12:00+05:30"),
        ("  2021-04-08T10:12:00 +05:30 ", "2021-04-08T10:12:00+05:30"),
        ("Thu, 08 Apr 2021 10:12:00 +0530", "2021-04-08T10:12:00+05:30"),
        ("Thu, 08 Apr 2021 04:42:00 GMT", "2021-04-08T04:42:00+00:00"),
        ("20210408", "2021-04-08"),
        ("20210408T101200+0530", "2021-04-08T10:12:00+05:30"),
        ("1617856920", "2021-04-08T04:42:00+00:00"),
        ("1617856920000", "2021-04-08T04:42:00+00:00"),
        ("April 8, 2021", "2021-04-08"),
        ("८ अप्रैल २०२१", "2021-04-08"),
    ],
)
def test_parse_machine_date(raw, iso):
    value = parse_machine_date(raw)
    assert value is not None and value.iso() == iso


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "0000-00-00",
        "2021-02-30",
        "1970-01-01T00:00:00Z",
        "0",
        "12345",
        "yesterday",
        "Published 2021",
    ],
)
def test_parse_machine_date_rejects(raw):
    assert parse_machine_date(raw) is None


# --- human dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("8 अप्रैल 2021", "2021-04-08"),
        ("अप्रैल 8, 2021", "2021-04-08"),
        ("८ अप्रैल २०२१", "2021-04-08"),
        ("08 अप्रैल, 2021 10:12 AM IST", "2021-04-08T10:12:00+05:30"),
        ("Apr 8, 2021", "2021-04-08"),
        ("April 8th, 2021", "2021-04-08"),
        ("8th of April 2021", "2021-04-08"),
        ("8 April 2021 10:12 AM IST", "2021-04-08T10:12:00+05:30"),
        ("08-Apr-2021", "2021-04-08"),
        ("08/04/2021", "2021-04-08"),
        ("08.04.2021", "2021-04-08"),
        ("13/04/2021", "2021-04-13"),
        ("04/13/2021", "2021-04-13"),
        ("2021-04-08", "2021-04-08"),
        ("2021/04/08", "2021-04-08"),
        ("2021-04-08T10:12:00+05:30", "2021-04-08T10:12:00+05:30"),
        ("8 अप्रेल 2021", "2021-04-08"),
        ("3 फरवरी 2022", "2022-02-03"),
        ("3 फ़रवरी 2022", "2022-02-03"),
        ("3 \u092b\u093c\u0930\u0935\u0930\u0940 2022", "2022-02-03"),
        ("Sept. 9, 2021", "2021-09-09"),
        ("9 Sept 2021", "2021-09-09"),
        ("9 जन. 2022", "2022-01-09"),
        ("15 अगस्त 2023", "2023-08-15"),
        ("2 अक्तूबर 2023", "2023-10-02"),
        ("2 अक्टूबर 2023", "2023-10-02"),
        ("25 दिसम्बर 2023", "2023-12-25"),
        ("April 9, 2021 at 12:12 pm", "2021-04-09T12:12:00"),
        ("April 9, 2021 at 3:12 pm", "2021-04-09T15:12:00"),
        ("April 9, 2021 at 12:05 am", "2021-04-09T00:05:00"),
        ("8 April 2021 | 10:12 AM", "2021-04-08T10:12:00"),
        ("8 April 2021, 10.12 am IST", "2021-04-08T10:12:00+05:30"),
        ("8 अप्रैल 2021 सुबह 10:12 बजे", "2021-04-08T10:12:00"),
        ("8 अप्रैल 2021 अपराह्न 3:30 बजे", "2021-04-08T15:30:00"),
        ("8 अप्रैल 2021 पूर्वाह्न 11:05 बजे", "2021-04-08T11:05:00"),
        ("8 अप्रैल 2021 शाम 7 बजे", "2021-04-08T19:00:00"),
        ("8 अप्रैल 2021 दोपहर 2:15 बजे", "2021-04-08T14:15:00"),
        ("8 अप्रैल 2021 रात 11:40 बजे", "2021-04-08T23:40:00"),
        ("8 अप्रैल 2021 देर रात 1:30 बजे", "2021-04-08T01:30:00"),
        ("10:12 AM IST, 08 Apr 2021", "2021-04-08T10:12:00+05:30"),
        ("Thu, 08 Apr 2021 10:12:00 +0530", "2021-04-08T10:12:00+05:30"),
        ("April 8, 2021 18:45 GMT+5:30", "2021-04-08T18:45:00+05:30"),
    ],
)
def test_find_dates_formats(text, iso):
    match = only_date(text)
    assert match.value.iso() == iso
    assert (match.start, match.end) == (0, len(text))


def test_date_inside_running_text_keeps_its_span():
    text = "नई दिल्ली, 8 अप्रैल 2021 को सरकार ने घोषणा की।"
    match = only_date(text)
    assert text[match.start : match.end] == "8 अप्रैल 2021"
    assert not match.widget


def test_several_dates_in_order():
    text = "Posted April 9, 2021 at 9:15 am. Reply. April 10, 2021 at 6:40 pm"
    isos = [m.value.iso() for m in find_dates(text)]
    assert isos == ["2021-04-09T09:15:00", "2021-04-10T18:40:00"]


def test_hindi_weekday_is_part_of_the_match():
    match = only_date("गुरुवार, 8 अप्रैल 2021 सुबह 10:12 बजे")
    assert match.has_weekday and match.start == 0
    assert match.value.iso() == "2021-04-08T10:12:00"
    assert not match.widget


def test_weekday_after_date():
    match = only_date("8 अप्रैल 2021, गुरुवार")
    assert match.has_weekday


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Mon. Dec 23rd, 2024", "2024-12-23"),
        ("Sun. Nov 29th, 2026", "2026-11-29"),
        ("Sunday, November 29th 2026", "2026-11-29"),
        ("Thursday, April 8, 2021", "2021-04-08"),
        ("रविवार, 29 नवंबर 2026", "2026-11-29"),
    ],
)
def test_widget_dates(text, iso):
    match = only_date(text)
    assert match.widget and match.has_weekday
    assert match.value.iso() == iso


def test_widget_on_its_own_line_inside_a_page():
    text = "खबर संसार\nSun. Nov 29th, 2026\nसच के साथ, हर पल"
    match = only_date(text)
    assert match.widget


@pytest.mark.parametrize(
    "text",
    [
        "April 8, 2021",
        "Thursday, April 8, 2021 at 10:12 am",
        "Posted on Thursday, April 8, 2021 by admin",
        "गुरुवार, 8 अप्रैल 2021 सुबह 10:12 बजे",
    ],
)
def test_not_widget(text):
    assert not find_dates(text)[0].widget


@pytest.mark.parametrize(
    "text",
    [
        "फोन करें 98110-12345 या 011-2345-6789",
        "भारत ने मैच 3-2 से जीता",
        "2,000 लोगों ने हिस्सा लिया",
        "वर्ष 2021 में",
        "In 2021 the economy grew",
        "31/02/2021",
        "31 फरवरी 2021",
        "ISBN 978-3-16-148410-0",
        "May 2021",
        "In May 2021 15 people died",
        "Mayor 8 2021",
        "8 जन 2021 जनसभा",
        "रवि 8 अप्रैल",
        "12/5/21",
        "8 April 1850",
        "22.5.2021.3",
    ],
)
def test_non_dates(text):
    assert find_dates(text) == []


def test_time_after_date_needs_minutes_or_baje():
    match = only_date("8 April 2021 5 people died")
    assert match.value.iso() == "2021-04-08"


# --- URL dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://example.in/2021/04/08/russia-pakistan/", "2021-04-08"),
        ("https://example.in/news/2021/4/8/slug", "2021-04-08"),
        ("https://example.in/news/2021-04-08/slug", "2021-04-08"),
        ("https://example.in/news/slug-2021-04-08.html", "2021-04-08"),
        ("https://example.in/news/20210408/slug", "2021-04-08"),
        ("https://example.in/story/slug-20210408-1.html", "2021-04-08"),
    ],
)
def test_date_from_url(url, key):
    value = date_from_url(url)
    assert value is not None and value.date_key() == key


@pytest.mark.parametrize(
    "url",
    [
        "https://example.in/?p=20210408",
        "https://example.in/story/202104081234",
        "https://example.in/news/slug-123456789.html",
        "https://example.in/2021/04/slug/",
        "https://example.in/2021/13/45/slug/",
        "",
    ],
)
def test_no_date_from_url(url):
    assert date_from_url(url) is None


# --- labels and date-only lines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Published: April 8, 2021", "published"),
        ("Posted on April 8, 2021 by admin", "published"),
        ("प्रकाशित: 8 अप्रैल 2021", "published"),
        ("प्रकाशन तिथि : 08/04/2021", "published"),
        ("Updated: 10:12 AM IST, 08 Apr 2021", "modified"),
        ("Last updated on April 9, 2021", "modified"),
        ("Last Modified: 2021-04-09", "modified"),
        ("अपडेटेड: 9 अप्रैल 2021", "modified"),
        ("संशोधित 9 अप्रैल 2021", "modified"),
        ("9 अप्रैल 2021 को अपडेट किया गया", "modified"),
        ("Published: April 8, 2021 | Updated: April 9, 2021", "published"),
        ("Updated", "modified"),
        ("प्रकाशित", "published"),
        ("April 8, 2021", None),
        ("By आदित्य सिंह", None),
    ],
)
def test_date_label(text, label):
    assert date_label(text) == label


@pytest.mark.parametrize(
    "text",
    [
        "April 8, 2021",
        "  Sun. Nov 29th, 2026  ",
        "Published: April 8, 2021",
        "Published: April 8, 2021 | Updated: April 9, 2021",
        "प्रकाशित: गुरुवार, 8 अप्रैल 2021 सुबह 10:12 बजे",
        "Last updated on 08 Apr 2021, 10:12 AM IST",
        "अपडेट: 08 अप्रैल, 2021 10:12 AM IST",
        "(April 8, 2021)",
        "दिनांक: 08/04/2021",
    ],
)
def test_is_date_line(text):
    assert is_date_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "By आदित्य सिंह April 8, 2021",
        "नई दिल्ली, 8 अप्रैल 2021 को सरकार ने घोषणा की।",
        "Views: 1234 April 8, 2021",
        "Published: yesterday",
        "खबर संसार",
    ],
)
def test_is_not_date_line(text):
    assert not is_date_line(text)


def test_weekday_on_previous_line_is_not_part_of_the_date():
    match = only_date("Sun\n8 April 2021 the court said")
    assert not match.has_weekday and match.start == 4
