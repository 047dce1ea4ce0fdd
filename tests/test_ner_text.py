"""English glosses, romanisation and canonical entity keys for Hindi mentions."""

from __future__ import annotations

from khabar.analysis.ner.canonical import canonical_key, spelling_key
from khabar.analysis.ner.gloss import english_gloss, gloss_in_context, romanise


def test_gazetteer_glosses_for_countries():
    assert english_gloss("पाकिस्तान", "LOC") == "Pakistan"
    assert english_gloss("रूस", "LOC") == "Russia"
    assert english_gloss("भारत", "LOC") == "India"
    assert english_gloss("उत्तर प्रदेश", "LOC") == "Uttar Pradesh"


def test_bracketed_gloss_in_the_text_wins():
    text = "विदेश मंत्री ने कहा कि रूस (Russian Federation) के साथ बातचीत जारी रहेगी।"
    assert english_gloss("रूस", "LOC", text) == "Russian Federation"
    assert gloss_in_context("रूस", "रूस के साथ (बातचीत)") is None


def test_romanised_names():
    assert english_gloss("लावरोव", "PER") == "Lavrov"
    assert english_gloss("इमरान खान", "PER") == "Imran Khan"
    assert romanise("क़मर जावेद बाजवा") == "Qamar Javed Bajwa"
    assert romanise("नरेंद्र मोदी") == "Narendra Modi"
    assert romanise("मुज़फ़्फ़रनगर") == "Muzaffarnagar"
    assert romanise("स्वामीनाथन") == "Swaminathan"
    assert english_gloss("कुरैशी", "PER") == "Qureshi"
    assert romanise("शाह महमूद कुरैशी") == "Shah Mahmud Qureshi"


def test_letter_by_letter_romanisation_without_a_listed_spelling():
    assert romanise("कुरैशीपुर").startswith("Kur")


def test_person_names_skip_the_place_gazetteer_and_latin_passes_through():
    assert english_gloss("भारत", "PER") == "Bharat"
    assert english_gloss("Reuters", "ORG") == "Reuters"
    assert english_gloss("  ", "PER") is None
    assert english_gloss("123", "ORG") is None


def test_spelling_variants_share_a_key():
    assert spelling_key("सेर्गेई लावरोव") == spelling_key("सर्गेई लावरोव")
    assert spelling_key("क़ुरैशी") == spelling_key("कुरैशी")
    assert spelling_key("गाँधी") == spelling_key("गांधी")
    assert spelling_key("हिन्दी") == spelling_key("हिंदी")
    assert spelling_key("लावरोव") != spelling_key("पुतिन")


def test_short_forms_take_the_full_name_key():
    mentions = ["सर्गेई लावरोव", "लावरोव", "इमरान खान", "खान", "क़मर जावेद बाजवा", "बाजवा", "श्री इमरान खान"]
    assert canonical_key("लावरोव", mentions) == canonical_key("सेर्गेई लावरोव", mentions)
    assert canonical_key("खान", mentions) == canonical_key("इमरान खान", mentions)
    assert canonical_key("श्री इमरान खान", mentions) == canonical_key("इमरान खान", mentions)
    assert canonical_key("बाजवा", mentions) == canonical_key("कमर जावेद बाजवा", mentions)
    assert canonical_key("लावरोव", mentions) != canonical_key("इमरान खान", mentions)


def test_ambiguous_short_form_keeps_its_own_key():
    mentions = ["राहुल गांधी", "सोनिया गांधी", "गांधी"]
    key = canonical_key("गांधी", mentions)
    assert key not in {canonical_key("राहुल गांधी", mentions), canonical_key("सोनिया गांधी", mentions)}
