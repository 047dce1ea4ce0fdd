"""Tests for khabar.extraction.language: scripts, Hindi vs Marathi vs Nepali, English, Urdu."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from khabar.extraction.language import SAMPLE_CHARS, detect_language, devanagari_language, script_counts

CORPUS = Path("/work/shared/corpus")

HINDI = (
    "केंद्र सरकार ने बुधवार को नई शिक्षा नीति के तहत स्कूलों में मातृभाषा में पढ़ाई को बढ़ावा देने का फैसला किया है। "
    "शिक्षा मंत्री ने कहा कि इससे बच्चों की समझ बेहतर होगी और वे अपने विषयों को आसानी से सीख सकेंगे।"
)
MARATHI = (
    "राज्य सरकारने बुधवारी नवीन शैक्षणिक धोरणानुसार शाळांमध्ये मातृभाषेतून शिक्षण देण्याचा निर्णय घेतला आहे. "
    "यामुळे विद्यार्थ्यांची समज अधिक चांगली होईल, असे शिक्षणमंत्र्यांनी सांगितले. या निर्णयाचे पालकांनी स्वागत केले आहे."
)
NEPALI = (
    "सरकारले बुधबार नयाँ शिक्षा नीति अनुसार विद्यालयमा मातृभाषामा पढाइ गराउने निर्णय गरेको छ। "
    "यसले विद्यार्थीको बुझाइ राम्रो हुने शिक्षा मन्त्रीले बताए। अभिभावकहरूले पनि निर्णयको स्वागत गरेका छन्।"
)
ENGLISH = (
    "The state government on Wednesday decided to promote teaching in the mother tongue in schools under "
    "the new education policy, and the minister said that it would help children learn their subjects."
)
URDU = "حکومت نے بدھ کے روز نئی تعلیمی پالیسی کے تحت اسکولوں میں مادری زبان میں تعلیم کو فروغ دینے کا فیصلہ کیا ہے۔"
ARABIC = "قررت الحكومة يوم الأربعاء تعزيز التعليم باللغة الأم في المدارس بموجب سياسة التعليم الجديدة."
BENGALI = "রাজ্য সরকার বুধবার নতুন শিক্ষানীতির অধীনে স্কুলে মাতৃভাষায় পড়াশোনার প্রসারের সিদ্ধান্ত নিয়েছে।"
TAMIL = "மாநில அரசு புதன்கிழமை புதிய கல்விக் கொள்கையின் கீழ் பள்ளிகளில் தாய்மொழிக் கல்வியை ஊக்குவிக்க முடிவு செய்தது."
GUJARATI = "રાજ્ય સરકારે બુધવારે નવી શિક્ષણ નીતિ હેઠળ શાળાઓમાં માતૃભાષામાં શિક્ષણને પ્રોત્સાહન આપવાનો નિર્ણય કર્યો છે."
PUNJABI = "ਰਾਜ ਸਰਕਾਰ ਨੇ ਬੁੱਧਵਾਰ ਨੂੰ ਨਵੀਂ ਸਿੱਖਿਆ ਨੀਤੀ ਤਹਿਤ ਸਕੂਲਾਂ ਵਿੱਚ ਮਾਂ ਬੋਲੀ ਵਿੱਚ ਪੜ੍ਹਾਈ ਨੂੰ ਉਤਸ਼ਾਹਿਤ ਕਰਨ ਦਾ ਫੈਸਲਾ ਕੀਤਾ ਹੈ।"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (HINDI, "hi"),
        (MARATHI, "mr"),
        (NEPALI, "ne"),
        (ENGLISH, "en"),
        (URDU, "ur"),
        (ARABIC, "ar"),
        (BENGALI, "bn"),
        (TAMIL, "ta"),
        (GUJARATI, "gu"),
        (PUNJABI, "pa"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_hindi_with_english_words_stays_hindi():
    text = "पाकिस्तान (Pakistan) गए रूस (Russia) के विदेश मंत्री ने वहाँ सैन्य उपकरण देने का वादा किया है।"
    assert detect_language(text) == "hi"


def test_devanagari_without_function_words_defaults_to_hindi():
    assert devanagari_language("भारत पाकिस्तान क्रिकेट मुकाबला") == "hi"
    assert detect_language("भारत पाकिस्तान क्रिकेट मुकाबला") == "hi"


@pytest.mark.parametrize("text", ["", "   ", "नमस्ते", "OK", "12345 67890", "!!! ... ???"])
def test_too_short_or_no_letters(text):
    assert detect_language(text) is None


def test_romanised_hindi_is_not_english():
    text = "Sarkar ne budhvar ko nayi shiksha niti ke tahat schoolon mein padhai ka faisla kiya hai."
    assert detect_language(text) is None


def test_script_counts():
    counts = script_counts("abc अबक")
    assert counts["en"] == 3 and counts["hi"] == 3 and counts["bn"] == 0


def test_only_a_sample_is_read():
    text = HINDI * (SAMPLE_CHARS // len(HINDI) + 2) + ENGLISH * 200
    assert detect_language(text) == "hi"


def test_fast_on_a_5kb_article():
    text = (HINDI + "\n\n") * 30
    assert len(text) > 5000
    detect_language(text)
    runs = 50
    start = time.perf_counter()
    for _ in range(runs):
        detect_language(text)
    assert (time.perf_counter() - start) / runs < 0.005


def test_corpus_dumps_are_hindi():
    dumps = sorted((CORPUS / "dumps").glob("*.txt")) if CORPUS.is_dir() else []
    if not dumps:
        pytest.skip("development corpus not available")
    for path in dumps:
        assert detect_language(path.read_text(encoding="utf-8")) == "hi", path.name
