"""Normalisation rules, offset maps, matching folds and quote marks of ``khabar.hindi.normalise``."""

from __future__ import annotations

import random
import unicodedata

import pytest

from khabar.hindi import (
    ascii_digits,
    fold_chandrabindu,
    fold_nukta,
    match_key,
    normalise,
    quote_marks,
    tokenize,
)

PRECOMPOSED_NUKTA = "\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f"


def test_clean_nfc_text_is_unchanged_and_maps_to_itself():
    text = "लावरोव पाकिस्तान के दो-दिवसीय दौरे पर हैं।"
    result = normalise(text)
    assert result.text == text
    assert result.to_original(7, 16) == (7, 16)
    assert result.to_normalised(7, 16) == (7, 16)


@pytest.mark.parametrize("letter", PRECOMPOSED_NUKTA)
def test_precomposed_nukta_letters_become_base_plus_nukta(letter):
    result = normalise(f"{letter}मर")
    base = unicodedata.decomposition(letter).split()[0]
    assert result.text == chr(int(base, 16)) + "\u093c" + "मर"
    assert result.to_original(0, 2) == (0, 1)
    assert result.to_original(2, 4) == (1, 3)


def test_both_nukta_spellings_normalise_to_one_form():
    assert normalise("\u0958मर").text == normalise("क\u093cमर").text == "क\u093cमर"


def test_na_ra_lla_with_nukta_compose_as_nfc_does():
    assert normalise("न\u093c र\u093c ळ\u093c").text == "\u0929 \u0931 \u0934"


def test_combining_marks_reordered_per_sequence_keep_offsets():
    original = "ab\u0327\u0301 क़"
    result = normalise(original)
    assert result.text == unicodedata.normalize("NFC", original)
    last = len(result.text)
    assert result.to_original(last - 2, last) == (len(original) - 2, len(original))


@pytest.mark.parametrize("invisible", ["\u200d", "\u200c", "\u200b", "\u00ad", "\ufeff", "\u200e", "\u200f"])
def test_invisible_characters_are_removed_and_spans_skip_them(invisible):
    original = f"नम{invisible}स्ते {invisible}दुनिया"
    result = normalise(original)
    assert result.text == "नमस्ते दुनिया"
    start = result.text.index("दुनिया")
    assert result.to_original(start, start + 6) == (original.index("दुनिया"), len(original))
    assert result.to_original(0, 6) == (0, original.index(" "))


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u3000", "\u2002"])
def test_unicode_spaces_become_plain_spaces(space):
    result = normalise(f"नई{space}दिल्ली")
    assert result.text == "नई दिल्ली"
    assert result.to_original(3, 9) == (3, 9)


def test_paragraph_and_line_separators_become_newlines():
    assert normalise("एक\u2029दो\u2028तीन").text == "एक\n\nदो\nतीन"


def test_devanagari_digits_are_kept_and_ascii_digits_converts_them():
    text = "सन् २०२१ में 2021 के ३.५ लाख"
    assert normalise(text).text == text
    assert ascii_digits(text) == "सन् 2021 में 2021 के 3.5 लाख"
    assert len(ascii_digits(text)) == len(text)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("वह आया है| वह गया", "वह आया है। वह गया"),
        ("वह आया है |वह गया", "वह आया है ।वह गया"),
        ("वह आया है|\nअब", "वह आया है।\nअब"),
        ("कहानी खत्म||", "कहानी खत्म॥"),
        ("दोहा पूरा हुआ ||", "दोहा पूरा हुआ ॥"),
        ("पूरा हुआ।। अब", "पूरा हुआ॥ अब"),
        ("वह आया है｜ वह", "वह आया है। वह"),
    ],
)
def test_pipes_used_as_danda_become_danda(original, expected):
    assert normalise(original).text == expected


@pytest.mark.parametrize(
    "text",
    ["खबर | Hindi News Site", "a | b", "x||y", "अब I am here", "यह 5 | 6 है", "वह आया है. फिर गया."],
)
def test_pipes_and_stops_that_are_not_dandas_stay(text):
    assert normalise(text).text == text


def test_double_pipe_maps_back_to_both_pipes():
    original = "खत्म|| अब"
    result = normalise(original)
    danda = result.text.index("॥")
    assert result.to_original(danda, danda + 1) == (4, 6)
    assert result.to_normalised(4, 5) == (danda, danda + 1)


def test_two_apostrophes_become_one_double_quote():
    original = "उन्होंने कहा, ''हम तैयार हैं''।"
    result = normalise(original)
    assert result.text == 'उन्होंने कहा, "हम तैयार हैं"।'
    opening = result.text.index('"')
    assert result.to_original(opening, opening + 1) == (original.index("''"), original.index("''") + 2)
    word = result.text.index("हम")
    assert result.to_original(word, word + 2) == (original.index("हम"), original.index("हम") + 2)


def test_doubled_curly_single_quotes_become_double_quotes():
    assert normalise("‘‘हम’’").text == "“हम”"


def test_to_normalised_of_a_deleted_character_is_empty():
    original = "नम\u200bस्ते"
    result = normalise(original)
    assert result.to_normalised(2, 3) == (2, 2)
    assert result.to_normalised(0, len(original)) == (0, len(result.text))


def test_spans_outside_the_text_are_rejected():
    result = normalise("नमस्ते")
    with pytest.raises(ValueError):
        result.to_original(3, 10)
    with pytest.raises(ValueError):
        result.to_normalised(4, 2)


def test_fold_nukta_drops_nukta_in_both_spellings():
    assert fold_nukta("क़मर") == fold_nukta("\u0958मर") == "कमर"
    assert fold_nukta("ज़रूर ख़बर फ़िल्म") == "जरूर खबर फिल्म"
    assert fold_nukta("\u0929") == "न"


def test_fold_chandrabindu_reads_it_as_anusvara():
    assert fold_chandrabindu("हूँ वहाँ") == "हूं वहां"


def test_match_key_combines_the_folds():
    assert match_key("क़मर") == match_key("कमर")
    assert match_key("वहाँ") == match_key("वहां")
    assert match_key("ख़\u200dबर") == match_key("\u0959बर")
    assert match_key("२०२१") == match_key("2021")
    assert match_key("Pakistan") == match_key("PAKISTAN")
    assert match_key("कमर") != match_key("कमल")


def _marks(text):
    return [(mark.char, mark.kind, mark.role) for mark in quote_marks(text)]


def test_seed_quote_opening_with_a_right_double_mark_is_an_opening():
    text = "लावरोव ने वहाँ ”विशेष सैन्य उपकरण” देने का वादा किया है।"
    assert _marks(text) == [("”", "double", "open"), ("”", "double", "close")]
    opening, closing = quote_marks(text)
    assert text[opening.end : closing.pos] == "विशेष सैन्य उपकरण"


def test_curly_quotes_around_a_statement():
    text = "कुरैशी ने लिखा, “उत्कृष्ट बैठकों के लिए ख़ुश हूँ।” फिर"
    assert _marks(text) == [("“", "double", "open"), ("”", "double", "close")]


def test_two_apostrophes_are_one_double_mark():
    text = "उन्होंने कहा, ''हम तैयार हैं''।"
    marks = quote_marks(text)
    assert [(m.char, m.kind, m.role) for m in marks] == [("''", "double", "open"), ("''", "double", "close")]
    assert marks[0].end == marks[0].pos + 2


def test_quote_opening_with_straight_mark_and_closing_with_two_apostrophes():
    text = "उसने कहा \"मैं नहीं जाऊँगा'' और चला गया"
    assert _marks(text) == [('"', "double", "open"), ("''", "double", "close")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("कहा ‘पाकिस्तान स्ट्रीम’ (उत्तर)", [("‘", "single", "open"), ("’", "single", "close")]),
        ("नाम „सच‟ है", [("„", "double", "open"), ("‟", "double", "close")]),
        ("नाम «सच» है", [("«", "double", "open"), ("»", "double", "close")]),
        ("नाम ″सच″ है", [("″", "double", "open"), ("″", "double", "close")]),
        ("नाम ‚सच‛ है", [("‚", "single", "open"), ("‛", "single", "close")]),
        ("नाम 'सच', है", [("'", "single", "open"), ("'", "single", "close")]),
    ],
)
def test_other_quote_glyphs(text, expected):
    assert _marks(text) == expected


def test_glyph_decides_only_when_context_cannot():
    assert _marks("शब्द“शब्द") == [("“", "double", "open")]
    assert _marks("शब्द”शब्द") == [("”", "double", "close")]
    assert _marks('शब्द"शब्द') == [('"', "double", "ambiguous")]
    assert _marks('शब्द " शब्द') == [('"', "double", "ambiguous")]


def test_nested_quotes_see_past_each_other():
    text = "कहा, “उसने ‘हाँ’ कहा और ‘जाओ’”"
    roles = [(m.char, m.role) for m in quote_marks(text)]
    assert roles == [
        ("“", "open"),
        ("‘", "open"),
        ("’", "close"),
        ("‘", "open"),
        ("’", "close"),
        ("”", "close"),
    ]


def test_apostrophes_and_primes_are_not_quote_marks():
    assert quote_marks("India’s don't") == []
    assert quote_marks("कद 5′ 8″ है") == []


def test_quote_after_a_colon_without_space_opens():
    assert _marks('कहा:"हम') == [('"', "double", "open")]


_ALPHABET = (
    list("कखगजडफयनरलमसहअआइए")
    + list("ािीुूेैोौ्ंँः़")
    + list(PRECOMPOSED_NUKTA)
    + ["\u0929", "\u200d", "\u200c", "\u200b", "\u00ad", "\ufeff", "\u00a0", "\u2009", "\u2029"]
    + list("|｜'‘’“”\".,?!।॥ \n")
    + list("abeé")
    + list("0१२")
)


_SIGNS = frozenset("ािीुूेैोौ्ंँः़")
_DEVANAGARI_BASES = frozenset("कखगजडफयनरलमसहअआइए\u0929" + PRECOMPOSED_NUKTA) | _SIGNS


def _random_text(rng: random.Random, signs_follow_letters: bool = False) -> str:
    """A random mix of Hindi letters, signs, invisibles, spaces, quotes, pipes and Latin.

    With ``signs_follow_letters`` a dependent sign only follows a Devanagari letter or sign (possibly
    with invisibles between), as in real words; otherwise signs may land anywhere.
    """
    chars: list[str] = []
    for _ in range(rng.randint(0, 40)):
        char = rng.choice(_ALPHABET)
        visible = [c for c in chars if c not in "\u200d\u200c\u200b\u00ad\ufeff"]
        if signs_follow_letters and char in _SIGNS and not (visible and visible[-1] in _DEVANAGARI_BASES):
            char = "क"
        chars.append(char)
    return "".join(chars)


def test_offsets_round_trip_over_generated_strings():
    rng = random.Random(20241223)
    for _ in range(1500):
        original = _random_text(rng)
        result = normalise(original)
        n = len(result.text)
        assert result.to_original(0, n)[1] <= len(original)
        for _ in range(10):
            start = rng.randint(0, n)
            end = rng.randint(start, n)
            orig_start, orig_end = result.to_original(start, end)
            assert 0 <= orig_start <= orig_end <= len(original)
            back_start, back_end = result.to_normalised(orig_start, orig_end)
            assert back_start <= start, (original, start, end)
            assert start == end or end <= back_end, (original, start, end)


def test_words_of_normalised_text_map_back_to_the_same_visible_words():
    rng = random.Random(7)
    checked = 0
    for _ in range(1500):
        original = _random_text(rng, signs_follow_letters=True)
        result = normalise(original)
        for token in tokenize(result.text):
            if token.kind not in ("word", "latin"):
                continue
            orig_start, orig_end = result.to_original(token.start, token.end)
            assert normalise(original[orig_start:orig_end]).text == token.text(result.text), original
            assert result.to_normalised(orig_start, orig_end) == (token.start, token.end)
            checked += 1
    assert checked > 3000


def test_normalising_twice_changes_nothing():
    rng = random.Random(11)
    for _ in range(500):
        once = normalise(_random_text(rng)).text
        assert normalise(once).text == once
        assert unicodedata.is_normalized("NFC", once)
