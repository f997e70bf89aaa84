"""Analysis: how text becomes index terms (exact and folded syllables, pyvi
words) and the Whoosh analyzer classes pickled into the schema."""

from __future__ import annotations

import pickle
import unicodedata

import pytest

from indexer.analysis import (
    MAX_SYLLABLE_CHARS,
    SyllableAnalyzer,
    WordAnalyzer,
    exact_terms,
    marked_terms,
    fold_term,
    folded_terms,
    segment,
    syllable_spans,
    word_terms,
)
from indexer.schema import TEXT_FIELDS, build_schema


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# -- one text, one set of terms ------------------------------------------------------
@pytest.mark.parametrize(
    "variant, reference",
    [
        (nfd("Hòa Bình"), "Hòa Bình"),  # NFD input
        ("Hoà Bình", "Hòa Bình"),  # new-style tone placement
        (nfd("Hoà Bình"), "Hòa Bình"),  # both at once
        ("thuỷ lợi", "thủy lợi"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("luỹ tre", "lũy tre"),
        ("hoạ sĩ", "họa sĩ"),
        ("Ủy\u00adban", "Ủyban"),  # a soft hyphen is invisible
        ("Đà\u00a0Nẵng", "Đà Nẵng"),  # a no-break space is a space
    ],
)
def test_spellings_of_the_same_text_give_the_same_terms(variant: str, reference: str) -> None:
    assert exact_terms(variant) == exact_terms(reference)
    assert folded_terms(variant) == folded_terms(reference)


def test_exact_terms_are_lower_case_nfc_traditional_tone() -> None:
    terms = exact_terms("Hoà bình THUỶ")
    assert terms == ["hòa", "bình", "thủy"]
    assert all(unicodedata.is_normalized("NFC", t) for t in terms)


@pytest.mark.parametrize("kept", ["hoàng", "khuyến", "quý", "quỳnh", "thuở"])
def test_closed_syllables_and_qu_keep_their_tone_mark(kept: str) -> None:
    assert exact_terms(kept) == [kept]


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Đà Nẵng", ["da", "nang"]),
        ("đường Điện Biên", ["duong", "dien", "bien"]),
        ("ĐẮK LẮK", ["dak", "lak"]),
        ("Nghệ An", ["nghe", "an"]),
        ("ƯỚC MƠ", ["uoc", "mo"]),
        ("khoa học và công nghệ", ["khoa", "hoc", "va", "cong", "nghe"]),
    ],
)
def test_folded_terms_drop_every_diacritic_and_fold_d_bar(text: str, folded: list[str]) -> None:
    assert folded_terms(text) == folded
    assert folded_terms(nfd(text)) == folded


def test_fold_term_is_the_folded_form_of_one_syllable() -> None:
    assert fold_term("đường") == "duong"
    assert fold_term("Đ") == "d"
    assert fold_term("hcm") == "hcm"
    assert fold_term("19") == "19"


# -- punctuation-heavy text --------------------------------------------------------
@pytest.mark.parametrize(
    "text, syllables",
    [
        ("TP.HCM", ["tp", "hcm"]),
        ("TP. HCM", ["tp", "hcm"]),
        ("COVID-19", ["covid", "19"]),
        ("24/7", ["24", "7"]),
        ("Sở KH&CN", ["sở", "kh", "cn"]),
        ("LĐ-TB&XH", ["lđ", "tb", "xh"]),
        ("VH,TT&DL", ["vh", "tt", "dl"]),
        ("3.321 đơn vị", ["3", "321", "đơn", "vị"]),
        ("1.300 trường hợp", ["1", "300", "trường", "hợp"]),
        ('"cao nguyên - biển xanh"', ["cao", "nguyên", "biển", "xanh"]),
        ("email: toasoan_bnd@gmail.com", ["email", "toasoan", "bnd", "gmail", "com"]),
        ("(GD&ĐT)", ["gd", "đt"]),
        ("...!!! ---", []),
        ("", []),
    ],
)
def test_syllables_of_punctuation_heavy_text(text: str, syllables: list[str]) -> None:
    assert exact_terms(text) == syllables


def test_syllable_spans_give_offsets_into_the_normalised_text() -> None:
    text = "TP.HCM, COVID-19 và 24/7"
    spans = syllable_spans(text)
    assert [s for s, _, _ in spans] == ["tp", "hcm", "covid", "19", "và", "24", "7"]
    for syll, start, end in spans:
        assert text[start:end].lower() == syll


def test_syllable_spans_of_nfd_text_refer_to_the_nfc_text() -> None:
    text = nfd("Hoà Bình")
    spans = syllable_spans(text)
    assert [s for s, _, _ in spans] == ["hòa", "bình"]
    assert spans[1][1:] == (4, 8)  # offsets of the NFC text, not of the longer NFD one


def test_overlong_runs_are_not_syllables() -> None:
    longest = "a" * MAX_SYLLABLE_CHARS
    too_long = "b" * (MAX_SYLLABLE_CHARS + 1)
    assert exact_terms(f"{longest} {too_long} xin chào") == [longest, "xin", "chào"]


def test_repeated_calls_on_equal_texts_agree() -> None:
    # The module keeps its last results by identity; equal texts in distinct
    # objects, and interleaved calls, must still give the right terms.
    a = "".join(["Lũ ", "quét"])
    b = "".join(["Lũ ", "quét"])
    c = "Hạn mặn"
    assert exact_terms(a) == exact_terms(b) == ["lũ", "quét"]
    for _ in range(5):
        assert exact_terms(c) == ["hạn", "mặn"]
        assert folded_terms(a) == ["lu", "quet"]


# -- pyvi words ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, words",
    [
        ("khoa học và công nghệ", ["khoa_học", "công_nghệ"]),
        ("Ủy ban nhân dân tỉnh Nam Định", ["ủy_ban", "nhân_dân", "nam_định"]),
        ("Hà Nội", ["hà_nội"]),
        ("hỏa hoạn", ["hỏa_hoạn"]),
    ],
)
def test_word_terms_are_pyvi_words_of_several_syllables(text: str, words: list[str]) -> None:
    assert word_terms(text) == words


def test_word_terms_are_the_same_for_every_spelling() -> None:
    reference = word_terms("Ủy ban nhân dân tỉnh Hòa Bình")
    assert reference  # pyvi found compounds
    assert word_terms("Uỷ ban nhân dân tỉnh Hoà Bình") == reference
    assert word_terms(nfd("Ủy ban nhân dân tỉnh Hòa Bình")) == reference
    assert all(w == w.lower() for w in word_terms("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"))


def test_invisible_characters_are_dropped_not_word_breaks() -> None:
    assert exact_terms("Ủy\u200bban") == ["ủyban"]
    assert exact_terms("\ufeffHà Nội") == ["hà", "nội"]
    assert exact_terms("Hà\x07Nội") == ["hà", "nội"]  # a control character is a space


def test_word_terms_skip_single_syllables_and_punctuation() -> None:
    words = word_terms("Lũ quét, sạt lở đất tại Bát Xát!")
    assert all("_" in w for w in words)
    assert all(len(w.split("_")) >= 2 for w in words)
    assert all(w == w.lower() for w in words)
    assert word_terms("") == []
    assert word_terms("!!!") == []


def test_segment_joins_the_syllables_of_a_word_with_underscores() -> None:
    assert segment("khoa học và công nghệ") == "khoa_học và công_nghệ"
    assert segment("Uỷ ban") == "Ủy_ban"  # normalised before segmenting


# -- Whoosh analyzers -----------------------------------------------------------------
def test_analyzers_yield_the_term_functions_output() -> None:
    text = "Uỷ ban nhân dân TP.HCM"
    assert [t.text for t in SyllableAnalyzer()(text)] == marked_terms(text) == ["ủy", "nhân", "dân"]
    assert [t.text for t in SyllableAnalyzer(folded=True)(text)] == folded_terms(text)
    assert [t.text for t in WordAnalyzer()(text)] == word_terms(text)


def test_analyzer_positions_count_from_start_pos() -> None:
    tokens = [(t.text, t.pos) for t in SyllableAnalyzer(folded=True)("Hoà Bình", positions=True, start_pos=10)]
    assert tokens == [("hoa", 10), ("binh", 11)]


def test_analyzer_without_tokenizing_yields_the_value_whole() -> None:
    assert [t.text for t in SyllableAnalyzer()("Hòa Bình", tokenize=False)] == ["Hòa Bình"]


@pytest.mark.parametrize("analyzer", [SyllableAnalyzer(), SyllableAnalyzer(folded=True), WordAnalyzer()],
                         ids=["exact", "folded", "words"])
def test_analyzers_are_picklable_and_equal_after_a_round_trip(analyzer) -> None:
    copy = pickle.loads(pickle.dumps(analyzer))
    assert copy == analyzer
    assert type(copy) is type(analyzer)
    text = "Uỷ ban nhân dân tỉnh Hoà Bình"
    assert [t.text for t in copy(text)] == [t.text for t in analyzer(text)]


def test_exact_and_folded_analyzers_differ() -> None:
    assert SyllableAnalyzer() != SyllableAnalyzer(folded=True)
    assert SyllableAnalyzer(folded=True) == SyllableAnalyzer(folded=True)
    assert hash(SyllableAnalyzer(folded=True)) == hash(SyllableAnalyzer(folded=True))


def test_the_schema_survives_pickling_with_its_analyzers() -> None:
    schema = build_schema()
    copy = pickle.loads(pickle.dumps(schema))
    assert copy.names() == schema.names()
    for name in TEXT_FIELDS:
        assert copy[name].analyzer == schema[name].analyzer
        assert copy[name] == schema[name]
    # The analyzers stored with the index work after unpickling.
    assert [t.text for t in copy["title_f"].analyzer("Đà Nẵng")] == ["da", "nang"]


def test_the_index_schema_analyses_like_the_module(index_dir) -> None:
    from whoosh import index as whoosh_index

    from indexer.store import IndexDir

    ix = whoosh_index.open_dir(str(IndexDir(index_dir).current()))
    try:
        text = "Uỷ ban nhân dân TP.HCM"
        assert [t.text for t in ix.schema["body"].analyzer(text)] == marked_terms(text)
        assert [t.text for t in ix.schema["body_f"].analyzer(text)] == folded_terms(text)
        assert [t.text for t in ix.schema["words"].analyzer(text)] == word_terms(text)
    finally:
        ix.close()


def test_pyvi_without_scikit_learn_segments_like_pyvi(tmp_path) -> None:
    """The quick import (scikit-learn kept out) gives pyvi's own output."""
    import json
    import subprocess
    import sys

    from indexer.analysis import segment
    from indexer.readers import read_paths

    from .conftest import CORPUS

    texts = [a.title + "\n" + a.body[:600] for a in read_paths([CORPUS])][:25]
    script = ("import json, sys, sklearn\n"  # scikit-learn first: pyvi as installed
              "from pyvi import ViTokenizer\n"
              "from indexer.vietnamese import normalize\n"
              "print(json.dumps([ViTokenizer.tokenize(normalize(t)) for t in json.load(sys.stdin)]))")
    plain = subprocess.run([sys.executable, "-c", script], input=json.dumps(texts), capture_output=True,
                           text=True, check=True)
    assert json.loads(plain.stdout) == [segment(t) for t in texts]
