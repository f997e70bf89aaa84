from __future__ import annotations

import unicodedata

import pytest

from indexer.vietnamese import fold, has_diacritics, normalize, normalize_tone_marks, syllables


@pytest.mark.parametrize(
    ("new_style", "traditional"),
    [
        ("hoà", "hòa"),
        ("Hoà Bình", "Hòa Bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("THUỶ", "THỦY"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("Uỷ ban", "Ủy ban"),
        ("luỹ tre", "lũy tre"),
        ("hoạ sĩ", "họa sĩ"),
        ("toà án", "tòa án"),
        ("xoá", "xóa"),
        ("tuỳ", "tùy"),
        ("oà khóc", "òa khóc"),
    ],
)
def test_new_style_tone_marks_become_traditional(new_style: str, traditional: str) -> None:
    assert normalize(new_style) == traditional
    assert normalize(unicodedata.normalize("NFD", new_style)) == traditional
    assert normalize(traditional) == traditional


@pytest.mark.parametrize("word", ["quý", "QUÝ", "hoàng", "khuya", "hoàn", "khuyến", "thuyền", "quỳnh"])
def test_syllables_that_are_the_same_in_both_conventions_are_untouched(word: str) -> None:
    assert normalize_tone_marks(word) == word


def test_nfd_input_becomes_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Sở Khoa học và Công nghệ")
    assert nfd != "Sở Khoa học và Công nghệ"
    assert normalize(nfd) == "Sở Khoa học và Công nghệ"


def test_invisible_characters_and_odd_spaces_go() -> None:
    assert normalize("khoa\u200b học\u00a0\u00a0công  nghệ\ufeff") == "khoa học công nghệ"
    assert normalize("  dòng một \r\n  dòng hai  ") == "dòng một\ndòng hai"
    assert normalize("a\x00b\x07c") == "a b c"


def test_fold_removes_marks_and_folds_d() -> None:
    assert fold("Đà Nẵng") == "da nang"
    assert fold("Khoa Học") == "khoa hoc"
    assert fold(unicodedata.normalize("NFD", "Đường Trần Phú")) == "duong tran phu"


def test_has_diacritics() -> None:
    assert has_diacritics("khoa học")
    assert has_diacritics("đi")
    assert not has_diacritics("khoa hoc")
    assert not has_diacritics("UBND TP HCM")


def test_syllables_split_on_punctuation_and_underscore() -> None:
    assert syllables("TP.HCM, ngày 24/7: COVID-19 khoa_học") == ["TP", "HCM", "ngày", "24", "7", "COVID", "19", "khoa", "học"]
