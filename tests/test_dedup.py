"""Duplicate detection: content hash, shingles, MinHash signatures, LSH band keys and clustering."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from khabar.store.dedup import (
    BANDS,
    NEAR_DUPLICATE_THRESHOLD,
    NUM_PERM,
    SHINGLE_WORDS,
    band_keys,
    cluster,
    content_hash,
    is_empty,
    near_duplicates,
    shingle_words,
    shingles,
    signature,
    signature_from_bytes,
    signature_of_shingles,
    signature_to_bytes,
    similarity,
)

CORPUS = Path("/work/shared/corpus")

ORIGINAL = [
    "मध्य प्रदेश के जल संसाधन मंत्री राजेश वर्मा ने सोमवार को इंदौर में नर्मदा पेयजल परियोजना के तीसरे चरण "
    "का उद्घाटन किया। इस परियोजना से शहर के पश्चिमी हिस्से की करीब चार लाख आबादी को रोज़ाना साफ़ पानी मिलेगा। "
    "कार्यक्रम में महापौर सुनीता पटेल और नगर निगम आयुक्त अरविंद मिश्रा भी मौजूद थे।",
    "उद्घाटन के बाद सभा को संबोधित करते हुए वर्मा ने कहा कि सरकार का लक्ष्य अगले दो साल में प्रदेश के हर "
    "शहर तक नल से जल पहुंचाना है। उन्होंने कहा कि पिछले वर्षों में गर्मियों के दौरान इंदौर के कई मोहल्लों "
    "को टैंकरों पर निर्भर रहना पड़ता था, लेकिन अब यह स्थिति बदलेगी।",
    "नगर निगम के अधिकारियों के मुताबिक तीसरे चरण पर करीब 640 करोड़ रुपये खर्च हुए हैं। इसके तहत 42 किलोमीटर "
    "लंबी नई पाइपलाइन बिछाई गई है और चार नई पानी की टंकियां बनाई गई हैं। अधिकारियों ने बताया कि जलूद स्थित "
    "पंपिंग स्टेशन की क्षमता भी बढ़ाई गई है।",
    "महापौर सुनीता पटेल ने कहा कि नई पाइपलाइन से पानी की बर्बादी कम होगी और हर घर में मीटर लगाए जाएंगे। "
    "उन्होंने नागरिकों से अपील की कि वे पानी का सोच-समझकर इस्तेमाल करें और लीकेज की शिकायत तुरंत नगर निगम "
    "के हेल्पलाइन नंबर पर दर्ज कराएं।",
    "विपक्ष ने हालांकि परियोजना में देरी को लेकर सरकार पर सवाल उठाए। कांग्रेस के स्थानीय नेता दिनेश यादव ने "
    "कहा कि यह चरण तीन साल पहले पूरा होना था और देरी की वजह से लागत सौ करोड़ रुपये से ज़्यादा बढ़ गई। मंत्री "
    "वर्मा ने इन आरोपों को खारिज करते हुए कहा कि कोरोना महामारी के कारण काम रुका था।",
]

UPDATE = [
    ORIGINAL[0].replace("करीब चार लाख", "करीब साढ़े चार लाख").replace("मौजूद थे", "उपस्थित थे"),
    ORIGINAL[1],
    ORIGINAL[2].replace("640 करोड़", "652 करोड़"),
    ORIGINAL[3],
    ORIGINAL[4].replace("स्थानीय नेता", "वरिष्ठ नेता"),
    "इस बीच, नगर निगम ने बताया कि पश्चिमी इंदौर के 18 वार्डों में बुधवार से नई लाइन से जलापूर्ति शुरू हो "
    "जाएगी। पहले सप्ताह में पानी सुबह एक घंटे के लिए दिया जाएगा और दबाव की जांच के बाद समय बढ़ाया जाएगा।",
]

SAME_PEOPLE_OTHER_STORY = [
    "इंदौर में नर्मदा पेयजल परियोजना की नई पाइपलाइन से जलापूर्ति शुरू होने के दूसरे ही दिन कई इलाकों में गंदा "
    "पानी आने की शिकायतें मिलीं। मध्य प्रदेश के जल संसाधन मंत्री राजेश वर्मा ने गुरुवार को इस मामले की जांच "
    "के आदेश दिए हैं।",
    "मंत्री वर्मा ने भोपाल में पत्रकारों से बातचीत में कहा कि लोगों के स्वास्थ्य से कोई समझौता नहीं किया "
    "जाएगा। उन्होंने कहा कि जांच रिपोर्ट आने के बाद लापरवाही बरतने वाले अधिकारियों पर सख्त कार्रवाई होगी।",
    "महापौर सुनीता पटेल ने बताया कि नगर निगम की टीमों ने प्रभावित मोहल्लों से पानी के नमूने लिए हैं। उनके "
    "मुताबिक शुरुआती जांच में पता चला है कि एक पुरानी पाइपलाइन के जोड़ में रिसाव के कारण नाले का पानी मिल "
    "रहा था। उन्होंने कहा कि मरम्मत का काम रात भर चलेगा।",
    "नगर निगम आयुक्त अरविंद मिश्रा ने कहा कि जब तक पानी साफ़ नहीं हो जाता, तब तक प्रभावित इलाकों में टैंकरों "
    "से पानी पहुंचाया जाएगा। उन्होंने नागरिकों से अपील की कि वे कुछ दिनों तक पानी उबालकर पिएं और किसी भी "
    "शिकायत को नगर निगम के हेल्पलाइन नंबर पर दर्ज कराएं।",
    "कांग्रेस के स्थानीय नेता दिनेश यादव ने इस मुद्दे पर सरकार को घेरा। उन्होंने कहा कि जल्दबाज़ी में किए गए "
    "उद्घाटन की कीमत आम लोग चुका रहे हैं। यादव ने मांग की कि नर्मदा पेयजल परियोजना के तीसरे चरण का स्वतंत्र "
    "ऑडिट कराया जाए।",
]

CHROME_LINES = [
    "यह भी पढ़ें: इंदौर में तेज़ बारिश से कई सड़कें जलमग्न, यातायात प्रभावित",
    "ताज़ा खबरों के लिए हमें फेसबुक और ट्विटर पर फॉलो करें और हमारा ऐप डाउनलोड करें।",
]


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def _with_chrome(paragraphs: list[str]) -> str:
    return _text([CHROME_LINES[0], *paragraphs, CHROME_LINES[1]])


# --- exact duplicates --------------------------------------------------------------------------


def test_spelling_noise_does_not_change_the_content_hash():
    clean = 'उन्होंने कहा कि "\u095bरूरी काम" होगा। मैं वहाँ हूँ, 2024 में Delhi गया।\n\nदूसरा पैराग्राफ़ है।'
    noisy = (
        "  उन्होंने\u00a0कहा  कि “ज\u093cरूरी का\u200dम” होगा | मैं वहां हूं ,\n"
        "२०२४ में DELHI ग\u200cया ।\n\n\n दूसरा पैराग्राफ है॥"
    )
    assert content_hash(noisy) == content_hash(clean)


def test_unfolded_nukta_and_quote_styles_hash_the_same():
    assert content_hash("क़ानून पर 'बहस' जारी") == content_hash("कानून पर ‘‘बहस’’ जारी")
    assert content_hash("\u095eैसला – आज") == content_hash("फ\u093cैसला — आज") == content_hash("फैसला - आज")


def test_a_changed_word_changes_the_content_hash():
    assert content_hash(_text(ORIGINAL)) != content_hash(_text(UPDATE))
    assert content_hash("मंत्री ने कहा।") != content_hash("मंत्री ने पूछा।")


def test_words_ignore_paragraph_breaks_invisibles_and_punctuation():
    assert shingle_words("एक\u200b  दो\n\nतीन ।") == ["एक", "दो", "तीन"]
    assert content_hash("एक\u200b  दो\n\nतीन ।") == content_hash("एक दो, तीन")


# --- shingles ----------------------------------------------------------------------------------


def test_shingles_are_word_ngrams_without_punctuation():
    got = shingles("राम ने कहा, “आज 12 बजे बैठक होगी।”", size=3)
    assert got == {"राम ने कहा", "ने कहा आज", "कहा आज 12", "आज 12 बजे", "12 बजे बैठक", "बजे बैठक होगी"}


def test_a_text_shorter_than_a_shingle_still_has_one():
    assert shingles("भारी बारिश!") == {"भारी बारिश"}
    assert shingles("।। ---") == set()
    distinct = [f"शब्द{chr(0x0915 + i)}" for i in range(SHINGLE_WORDS + 2)]
    assert len(shingles(" ".join(distinct))) == 3


def test_noise_variants_have_the_same_shingles():
    assert shingles("\u095bरूरी  बैठक में वहाँ गए") == shingles("ज\u093cरूरी बैठक में वहां ग\u200dए")


# --- signatures, bytes and band keys -----------------------------------------------------------


def test_signature_shape_and_bytes_round_trip():
    sig = signature(_text(ORIGINAL))
    assert sig.dtype == np.uint32 and sig.shape == (NUM_PERM,)
    blob = signature_to_bytes(sig)
    assert len(blob) == 4 * NUM_PERM
    assert np.array_equal(signature_from_bytes(blob), sig)
    with pytest.raises(ValueError):
        signature_from_bytes(blob[:-4])


def test_band_keys_carry_their_band_and_fit_sqlite_integers():
    keys = band_keys(signature(_text(ORIGINAL)))
    assert len(keys) == BANDS == len(set(keys))
    assert all(0 <= key < 2**63 for key in keys)
    assert [key >> 56 for key in keys] == list(range(BANDS))


def test_equal_rows_in_different_bands_give_different_keys():
    sig = np.zeros(NUM_PERM, dtype=np.uint32)
    keys = band_keys(sig)
    assert len(set(keys)) == BANDS
    other = sig.copy()
    other[-1] = 7
    assert band_keys(other)[:-1] == keys[:-1] and band_keys(other)[-1] != keys[-1]


def test_a_text_without_words_is_nobodys_duplicate():
    empty = signature("  ।  ")
    assert is_empty(empty)
    assert band_keys(empty) == []
    assert similarity(empty, signature("  ---  ")) == 0.0
    assert cluster([(1, empty), (2, signature("")), (3, signature("कुछ शब्द"))]) == {1: 1, 2: 2, 3: 3}


def test_similarity_estimates_jaccard():
    for jaccard in (0.3, 0.6, 0.9):
        shared = round(2 * 1000 * jaccard / (1 + jaccard))
        common = {f"साझा शिंगल {i}" for i in range(shared)}
        a = common | {f"पहला शिंगल {i}" for i in range(1000 - shared)}
        b = common | {f"दूसरा शिंगल {i}" for i in range(1000 - shared)}
        estimate = similarity(signature_of_shingles(a), signature_of_shingles(b))
        assert abs(estimate - len(a & b) / len(a | b)) < 0.15, (jaccard, estimate)


_SUBPROCESS = (
    "import sys; from khabar.store.dedup import signature, signature_to_bytes, band_keys, content_hash;"
    "text = sys.stdin.read();"
    "print(signature_to_bytes(signature(text)).hex(), band_keys(signature(text)), content_hash(text))"
)


def test_signatures_are_identical_across_processes():
    text = _with_chrome(UPDATE)
    outputs = set()
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", _SUBPROCESS],
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={"PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": _package_root()},
            check=True,
        )
        outputs.add(done.stdout.strip())
    sig = signature(text)
    assert outputs == {f"{signature_to_bytes(sig).hex()} {band_keys(sig)} {content_hash(text)}"}


def _package_root() -> str:
    import khabar

    return str(Path(khabar.__file__).resolve().parent.parent)


# --- near duplicates ---------------------------------------------------------------------------


def test_lightly_edited_update_clusters_with_its_original():
    original, update = signature(_text(ORIGINAL)), signature(_text(UPDATE))
    assert similarity(original, update) >= NEAR_DUPLICATE_THRESHOLD
    assert set(band_keys(original)) & set(band_keys(update))
    assert cluster([(10, update), (4, original)]) == {10: 4, 4: 4}


def test_same_story_with_chrome_lines_clusters_with_the_clean_one():
    assert cluster([(1, signature(_text(ORIGINAL))), (2, signature(_with_chrome(ORIGINAL)))]) == {1: 1, 2: 1}


def test_other_story_with_the_same_people_does_not_cluster():
    original, other = signature(_text(ORIGINAL)), signature(_text(SAME_PEOPLE_OTHER_STORY))
    assert similarity(original, other) < NEAR_DUPLICATE_THRESHOLD / 2
    assert near_duplicates(original, [(2, other), (3, signature(_text(UPDATE)))]) == [3]
    got = cluster([(1, original), (2, other), (3, signature(_text(UPDATE))), (4, signature(_text(ORIGINAL)))])
    assert got == {1: 1, 2: 2, 3: 1, 4: 1}


def test_cluster_joins_chains_and_names_clusters_by_the_smallest_id():
    base = np.arange(NUM_PERM, dtype=np.uint32)
    step = NUM_PERM * 3 // 10
    middle = base.copy()
    middle[:step] += 1000
    far = middle.copy()
    far[-step:] += 1000
    assert (
        similarity(base, far)
        < NEAR_DUPLICATE_THRESHOLD
        <= min(similarity(base, middle), similarity(middle, far))
    )
    assert cluster([(7, far), (5, base), (9, middle), (3, far.copy())]) == {7: 3, 5: 3, 9: 3, 3: 3}


# --- the development corpus --------------------------------------------------------------------


def _corpus_texts(kind: str) -> list[tuple[str, int, str]]:
    """``(page id, article number, text)`` for every corpus page; the number is ``NN`` of the page id."""
    if not (CORPUS / "gold").is_dir():
        pytest.skip("development corpus not available")
    texts = []
    for gold in sorted((CORPUS / "gold").glob("*.json")):
        page_id = gold.stem
        article = int(re.search(r"-(\d\d)(?:-|$)", page_id).group(1))
        texts.append((page_id, article, _corpus_text(kind, page_id, gold)))
    return texts


def _corpus_text(kind: str, page_id: str, gold: Path) -> str:
    from khabar.extraction import extract_page
    from khabar.records import RawPage

    if kind == "gold":
        return _text(json.loads(gold.read_text(encoding="utf-8"))["body"])
    if kind == "raw-dump":
        return (CORPUS / "dumps" / f"{page_id}.txt").read_text(encoding="utf-8")
    folder, suffix, page_kind = ("pages", "html", "html") if kind == "html" else ("dumps", "txt", "text")
    content = (CORPUS / folder / f"{page_id}.{suffix}").read_text(encoding="utf-8")
    article = extract_page(RawPage(source=page_id, content=content, kind=page_kind))
    assert article.error is None and article.text
    return article.text


def _assert_one_cluster_per_article(texts: list[tuple[str, int, str]]) -> None:
    clusters = cluster((i, signature(text)) for i, (_, _, text) in enumerate(texts))
    by_article: dict[int, set[int]] = {}
    for i, (_, article, _) in enumerate(texts):
        by_article.setdefault(article, set()).add(clusters[i])
    assert len(by_article) == 7
    assert all(len(ids) == 1 for ids in by_article.values()), by_article
    assert len({next(iter(ids)) for ids in by_article.values()}) == len(by_article)


def test_corpus_gold_bodies_cluster_by_article():
    _assert_one_cluster_per_article(_corpus_texts("gold"))


def test_corpus_extracted_pages_cluster_by_article():
    _assert_one_cluster_per_article(_corpus_texts("html"))


def test_corpus_gold_extractions_and_naive_dumps_together_cluster_by_article():
    texts = [item for kind in ("gold", "html", "dump", "raw-dump") for item in _corpus_texts(kind)]
    assert len(texts) == 84
    _assert_one_cluster_per_article(texts)


def test_corpus_gold_bodies_of_one_article_share_one_content_hash():
    hashes: dict[int, set[str]] = {}
    for _, article, text in _corpus_texts("gold"):
        hashes.setdefault(article, set()).add(content_hash(text))
    assert all(len(found) == 1 for found in hashes.values())
    assert len(set().union(*hashes.values())) == 7


def test_signature_of_a_text_is_the_minhash_of_its_shingles():
    """The store's path (word keys combined per window) and the shingle-set path give one signature."""
    text = _text(ORIGINAL)
    assert (signature(text) == signature_of_shingles(shingles(text))).all()
    assert (signature("भारी बारिश!") == signature_of_shingles({"भारी बारिश"})).all()
