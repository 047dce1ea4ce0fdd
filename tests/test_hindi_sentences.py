"""Sentence splitting of ``khabar.hindi.sentences``: terminators, abbreviations, quotations, paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.hindi import Span, normalise, split_sentences

SEED = Path("/work/shared/examples/seed-page-dump.txt")


def sentences(text: str) -> list[str]:
    return [span.text(text) for span in split_sentences(text)]


def test_span_text_helper():
    assert Span(2, 6).text("नमस्ते") == "स्ते"


def test_danda_and_full_stop_both_end_sentences():
    text = "लावरोव पाकिस्तान गए। वहाँ वार्ता हुई. फिर वे लौटे।"
    assert sentences(text) == ["लावरोव पाकिस्तान गए।", "वहाँ वार्ता हुई.", "फिर वे लौटे।"]


def test_question_exclamation_ellipsis_and_double_danda():
    text = "क्या वे आएँगे? हाँ! शायद… दोहा पूरा॥ अंत"
    assert sentences(text) == ["क्या वे आएँगे?", "हाँ!", "शायद…", "दोहा पूरा॥", "अंत"]


def test_three_dots_end_a_sentence_like_an_ellipsis():
    assert sentences("बात अधूरी रह गई... अगले दिन फिर") == ["बात अधूरी रह गई...", "अगले दिन फिर"]


def test_danda_without_following_space_still_ends_a_sentence():
    assert sentences("वह आया।वह गया।") == ["वह आया।", "वह गया।"]


def test_question_mark_inside_a_word_run_does_not_split():
    assert sentences("क्या?वह आया") == ["क्या?वह आया"]


def test_spans_are_trimmed_and_offsets_point_into_the_text():
    text = "  पहला वाक्य।   दूसरा वाक्य।  "
    spans = split_sentences(text)
    assert spans == [Span(2, 13), Span(16, 28)]


def test_empty_and_blank_text_have_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_text_without_terminator_is_one_sentence():
    assert sentences("शीर्षक बिना विराम") == ["शीर्षक बिना विराम"]


@pytest.mark.parametrize(
    "abbreviation",
    ["डॉ.", "श्री.", "प्रो.", "सं.", "पं.", "कु.", "Mr.", "Dr.", "Mrs.", "St.", "No.", "Rs.", "रु.", "नं."],
)
def test_no_split_after_abbreviations(abbreviation):
    text = f"बैठक में {abbreviation} शर्मा आए। फिर बात हुई।"
    assert sentences(text) == [f"बैठक में {abbreviation} शर्मा आए।", "फिर बात हुई।"]


def test_abbreviation_match_ignores_nukta_and_case():
    assert len(split_sentences("यह डॉ॰ नहीं, DR. शर्मा हैं। ठीक")) == 2
    assert len(split_sentences("यह ज़ि. अस्पताल है। ठीक")) == 2


@pytest.mark.parametrize("latin", ["i.e.", "e.g."])
def test_no_split_after_latin_short_forms(latin):
    assert len(split_sentences(f"कुछ शब्द, {latin} कुछ और शब्द। अंत")) == 2


def test_no_split_after_latin_initials():
    assert sentences("A. P. J. Abdul Kalam आए। फिर") == ["A. P. J. Abdul Kalam आए।", "फिर"]


def test_no_split_after_devanagari_initials():
    text = "ए. पी. जे. अब्दुल कलाम और एम. एस. धोनी आए। फिर सभा हुई।"
    assert sentences(text) == ["ए. पी. जे. अब्दुल कलाम और एम. एस. धोनी आए।", "फिर सभा हुई।"]


def test_full_stop_after_an_ordinary_short_word_still_ends_the_sentence():
    assert sentences("वह यहाँ है. वह वहाँ था. अंत") == ["वह यहाँ है.", "वह वहाँ था.", "अंत"]


def test_decimals_and_joined_initials_do_not_split():
    assert sentences("दर 3.5 प्रतिशत और ३.७ रही। U.S. में भी") == ["दर 3.5 प्रतिशत और ३.७ रही।", "U.S. में भी"]


def test_lower_case_latin_after_a_full_stop_continues_the_sentence():
    assert sentences("apples, pears etc. and more. Next") == ["apples, pears etc. and more.", "Next"]


def test_closing_quote_after_the_terminator_stays_with_its_sentence():
    text = "उन्होंने कहा, “हम इसका स्वागत करते हैं।” लावरोव ने पुष्टि की।"
    assert sentences(text) == ["उन्होंने कहा, “हम इसका स्वागत करते हैं।”", "लावरोव ने पुष्टि की।"]


def test_closing_bracket_after_the_terminator_stays_with_its_sentence():
    text = "(यह बयान बाद में आया।) फिर बैठक हुई।"
    assert sentences(text) == ["(यह बयान बाद में आया।)", "फिर बैठक हुई।"]


def test_no_split_inside_a_quotation():
    text = "उन्होंने कहा, “हम तैयार हैं। हम लड़ेंगे! क्या आप साथ हैं?” और वे चले गए। अंत।"
    assert sentences(text) == [
        "उन्होंने कहा, “हम तैयार हैं। हम लड़ेंगे! क्या आप साथ हैं?”",
        "और वे चले गए।",
        "अंत।",
    ]


def test_no_split_inside_a_quotation_opened_with_a_right_double_mark():
    text = "मंत्री ने ”विशेष। सैन्य उपकरण” देने का वादा किया है। इसका ऐलान हुआ।"
    assert sentences(text) == ["मंत्री ने ”विशेष। सैन्य उपकरण” देने का वादा किया है।", "इसका ऐलान हुआ।"]


def test_two_apostrophe_quotes_and_mixed_quotes():
    text = "उसने कहा, ''हम आएँगे। ज़रूर।'' फिर \"वह गया। लौटा नहीं।'' अंत।"
    assert sentences(text) == [
        "उसने कहा, ''हम आएँगे। ज़रूर।''",
        "फिर \"वह गया। लौटा नहीं।''",
        "अंत।",
    ]


def test_nested_quotes_do_not_end_the_outer_quotation():
    text = "उसने कहा, “मैंने ‘हाँ।’ कहा था। फिर गया।” अंत।"
    assert sentences(text) == ["उसने कहा, “मैंने ‘हाँ।’ कहा था। फिर गया।”", "अंत।"]


def test_an_unclosed_quotation_does_not_swallow_the_paragraph():
    text = "उसने कहा, “हम आएँगे। वह गया। अंत।"
    assert sentences(text) == ["उसने कहा, “हम आएँगे।", "वह गया।", "अंत।"]


def test_paragraph_breaks_always_end_a_sentence():
    text = "शीर्षक बिना विराम\n\nपहला पैराग्राफ़ “उद्धरण शुरू\n  \nअगला पैराग्राफ़। अंत"
    assert sentences(text) == ["शीर्षक बिना विराम", "पहला पैराग्राफ़ “उद्धरण शुरू", "अगला पैराग्राफ़।", "अंत"]


def test_single_line_break_does_not_end_a_sentence():
    assert sentences("एक पंक्ति\nजारी है।") == ["एक पंक्ति\nजारी है।"]


def test_normalised_pipes_split_like_dandas():
    original = "वह आया| वह गया|"
    result = normalise(original)
    spans = split_sentences(result.text)
    assert [original[slice(*result.to_original(s.start, s.end))] for s in spans] == ["वह आया|", "वह गया|"]


def test_seed_sentences_keep_quotes_and_end_at_terminators():
    if not SEED.exists():
        pytest.skip("seed page dump not available")
    text = normalise(SEED.read_text(encoding="utf-8")).text
    found = sentences(text)
    assert "उन्होंने कहा कि, “हम इसका स्वागत करते हैं।”" in found
    assert any(s.startswith("अपने भारत दौरे") and "”विशेष सैन्य उपकरण”" in s and s.endswith("है।") for s in found)
    for sentence in found:
        assert sentence.count("“") == sentence.count("”") or "”विशेष" in sentence
        assert "\n\n" not in sentence
