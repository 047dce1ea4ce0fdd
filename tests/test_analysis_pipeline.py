"""The analysis step on extracted records: sentences, entities and quotations as offsets into ``text``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import khabar
from khabar.analysis.ner.model import Tagger
from khabar.analysis.pipeline import _leading_titles
from khabar.records import ANALYSIS_FIELDS, Article

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed-page-dump.txt"
KHABAR = Path(sys.executable).with_name("khabar")

ARTICLE = """<html><head><title>बैठक</title></head><body><article><h1>दिल्ली में बैठक</h1>
<p>विदेश मंत्री एस जयशंकर ने मंगलवार को नई दिल्ली में जापान (Japan) के विदेश मंत्री से मुलाकात की। दोनों नेताओं ने व्यापार और रक्षा सहयोग पर बात की।</p>
<p>जयशंकर ने बैठक के बाद कहा, “भारत और जापान की दोस्ती पहले से कहीं ज़्यादा मज़बूत है।” उन्होंने बताया कि अगली बैठक टोक्यो में होगी।</p>
</article></body></html>"""


def test_spans_point_into_the_text_users_see():
    article = khabar.analyze(khabar.extract(ARTICLE))
    text = article.text
    assert article.sentences and all(text[s.start : s.end].strip() for s in article.sentences)
    assert article.entities, "the tagger found no entity"
    for entity in article.entities:
        assert text[entity.start : entity.end] == entity.text
    for quote in article.quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker


def test_bracketed_gloss_and_quote_speaker():
    article = khabar.analyze(khabar.extract(ARTICLE))
    glosses = {e.text: e.gloss for e in article.entities}
    assert glosses.get("जापान") == "Japan"
    speech = [q for q in article.quotes if q.kind == "speech"]
    assert len(speech) == 1 and speech[0].speaker == "जयशंकर" and speech[0].cue == "कहा"


def test_plain_extraction_keeps_exactly_the_record_fields():
    record = khabar.extract(ARTICLE).to_dict()
    assert not set(ANALYSIS_FIELDS) & set(record)
    analysed = khabar.analyze(khabar.extract(ARTICLE)).to_dict()
    assert list(analysed)[-3:] == list(ANALYSIS_FIELDS)


@pytest.mark.skipif(not SEED.exists(), reason="the seed page is in ../shared, absent here")
def test_seed_page_entities_and_quotes():
    article = khabar.analyze(khabar.extract(SEED.read_text(encoding="utf-8")))
    by_text = {e.text: e for e in article.entities}
    assert by_text["लावरोव"].canonical == by_text["सेर्गेई लावरोव"].canonical
    assert by_text["बाजवा"].canonical == by_text["क़मर जावेद बाजवा"].canonical
    assert by_text["कुरैशी"].canonical == by_text["शाह महमूद कुरैशी"].canonical
    assert by_text["खान"].canonical == by_text["इमरान खान"].canonical
    people = {e.canonical for e in article.entities if e.label == "PER"}
    assert len({c for c in people if "लावरोव" in c}) == 1 and len({c for c in people if "कुरैशी" in c}) == 1
    glosses = {e.gloss for e in article.entities}
    assert {"Pakistan", "Russia", "India"} <= glosses
    speech = [q for q in article.quotes if q.kind == "speech"]
    speakers = [q.speaker_canonical for q in speech]
    assert speakers == ["शाह महमूद कुरैशी", "शाह महमूद कुरैशी", "पाकिस्तानी सेना", "क़मर जावेद बाजवा",
                        "सेर्गेई लावरोव"]
    terms = {q.text for q in article.quotes if q.kind == "term"}
    assert "पाकिस्तान स्ट्रीम" in terms


def test_analyze_command_on_extracted_records_and_extract_analyze_agree(tmp_path: Path):
    page = tmp_path / "story.html"
    page.write_text(ARTICLE, encoding="utf-8")
    extracted = tmp_path / "articles.jsonl"
    subprocess.run([str(KHABAR), "extract", str(page), "-o", str(extracted), "--no-progress"], check=True)
    two_steps = subprocess.run([str(KHABAR), "analyze", str(extracted), "--no-progress"], check=True,
                               capture_output=True, text=True).stdout
    one_pass = subprocess.run([str(KHABAR), "extract", str(page), "--analyze", "--no-progress"], check=True,
                              capture_output=True, text=True).stdout
    first, second = json.loads(two_steps), json.loads(one_pass)
    assert first["entities"] == second["entities"] and first["quotes"] == second["quotes"]
    assert first["sentences"]


def test_other_languages_get_sentences_but_no_hindi_entities_or_quotes() -> None:
    marathi = Article(
        title="पुण्यात नवे कॅमेरे",
        paragraphs=["महापालिकेने शहरात नवी यंत्रणा आणि सीसीटीव्ही कॅमेरे बसवले आहेत। आयुक्त म्हणाले, “हे काम पूर्ण झाले.”"],
        language="mr",
    )
    khabar.analyze(marathi)
    assert marathi.sentences and marathi.entities == [] and marathi.quotes == []
    hindi = Article(paragraphs=["पटना में मुख्यमंत्री नीतीश कुमार ने कहा, “काम पूरा होगा।”"], language="hi")
    khabar.analyze(hindi)
    assert hindi.entities and hindi.quotes


def test_titles_at_the_start_of_a_person_mention_are_left_out():
    lexicon = Tagger.load().featuriser.lexicon
    assert _leading_titles(["प्रधानमंत्री", "इमरान", "खान"], lexicon) == 1
    assert _leading_titles(["विदेश", "मंत्री", "सेर्गेई", "लावरोव"], lexicon) == 2
    assert _leading_titles(["श्री", "मोदी"], lexicon) == 1
    assert _leading_titles(["प्रधानमंत्री"], lexicon) == 0
    assert _leading_titles(["इमरान", "खान"], lexicon) == 0
