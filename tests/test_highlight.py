"""Snippets and marked titles: escaped HTML, <mark> around matched words."""

from __future__ import annotations

import html
import re
import unicodedata

import pytest

from indexer.highlight import WINDOW, mark, snippet
from indexer.query import Marks, parse_query


def marks(query: str) -> Marks:
    return parse_query(query).highlight_terms()


def marked(fragment: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", fragment, re.S)


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"</?mark>", "", fragment))


# -- mark (titles) --------------------------------------------------------------------
def test_mark_wraps_matched_syllables() -> None:
    assert mark("Lũ quét ở Bát Xát", marks("bát xát")) == "Lũ quét ở <mark>Bát Xát</mark>"


def test_a_query_without_diacritics_marks_the_accented_text() -> None:
    assert mark("Khoa học và công nghệ", marks("cong nghe")) == "Khoa học và <mark>công nghệ</mark>"


def test_an_accented_query_marks_only_its_own_diacritics() -> None:
    assert mark("Hãng hàng không", marks("hàng")) == "Hãng <mark>hàng</mark> không"
    assert mark("Hãng hàng không", marks("hang")) == "<mark>Hãng hàng</mark> không"


def test_a_run_of_matched_syllables_is_one_mark() -> None:
    out = mark("Sở Khoa học và Công nghệ tỉnh", marks("KH&CN"))
    assert marked(out) == ["Khoa học và Công nghệ"]


def test_other_forms_of_an_abbreviation_are_marked_only_whole() -> None:
    out = mark("Ủy ban nhân dân tỉnh, UBND huyện và ủy ban mặt trận, nhân dân", marks("UBND"))
    assert marked(out) == ["Ủy ban nhân dân", "UBND"]


def test_syllables_split_by_punctuation_are_marked_apart() -> None:
    out = mark("Người dân TP.HCM và TP Hồ Chí Minh", marks("TP.HCM"))
    assert marked(out) == ["TP", "HCM", "TP Hồ Chí Minh"]
    assert "<mark>TP</mark>.<mark>HCM</mark>" in out


def test_mark_escapes_everything_else() -> None:
    out = mark('Công ty A&B <script>alert("x")</script>', marks("script"))
    assert "<script>" not in out
    assert out == 'Công ty A&amp;B &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;'
    assert plain(out) == 'Công ty A&B <script>alert("x")</script>'


def test_mark_of_nfd_and_new_style_text() -> None:
    text = unicodedata.normalize("NFD", "Lễ hội Hoà Bình")
    out = mark(text, marks("hòa bình"))
    assert marked(out) == ["Hòa Bình"]  # the title is shown normalised
    assert unicodedata.is_normalized("NFC", out)


def test_mark_without_matches_is_the_escaped_text() -> None:
    assert mark("A < B", marks("lũ")) == "A &lt; B"
    assert mark("", marks("lũ")) == ""
    assert mark("Lũ quét", Marks()) == "Lũ quét"


# -- snippet (bodies) ---------------------------------------------------------------------------
LONG_BODY = (
    " ".join(f"câu{i}" for i in range(120))
    + ". Lũ quét gây thiệt hại nặng ở Bát Xát. "
    + " ".join(f"từ{i}" for i in range(120))
)


def test_snippet_centres_on_the_matches_and_starts_at_a_sentence() -> None:
    out = snippet(LONG_BODY, marks("lũ quét"))
    assert out.startswith("… ")
    assert out.endswith(" …")
    assert "<mark>Lũ quét</mark>" in out
    assert plain(out)[2:].startswith("câu")  # at most a few words before the sentence start
    assert len(re.findall(r"\w+", plain(out))) <= WINDOW + 20


def test_snippet_prefers_the_window_with_most_distinct_terms() -> None:
    body = ("Lũ lớn. " * 40) + "Lũ quét ở Bát Xát. " + ("Mưa to. " * 40)
    out = snippet(body, marks("lũ quét Bát Xát"))
    assert set(marked(out)) >= {"Lũ quét", "Bát Xát"}


def test_snippet_without_matches_is_the_start_of_the_text() -> None:
    out = snippet(LONG_BODY, marks("hạn mặn"))
    assert out.startswith("câu0 câu1")
    assert "<mark>" not in out
    assert out.endswith(" …")


def test_snippet_of_text_without_syllables() -> None:
    assert snippet("<<< >>> !!!", marks("lũ")) == "&lt;&lt;&lt; &gt;&gt;&gt; !!!"
    assert snippet("", marks("lũ")) == ""


def test_snippet_escapes_html_around_marks() -> None:
    body = "Công ty A&B ký hợp đồng <b>lớn</b> trị giá 5 < 10 tỷ đồng về khoa học và công nghệ."
    out = snippet(body, marks("khoa học công nghệ"))
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert "A&amp;B" in out and "5 &lt; 10" in out
    assert "<mark>khoa học và công nghệ</mark>" in out
    assert re.sub(r"</?mark>", "", out).count("<") == 0


def test_snippet_never_lets_markup_through() -> None:
    body = "<script>alert(1)</script> <img src=x onerror=alert(2)> Lũ quét & sạt lở"
    for query in ("<script>", "script", "img onerror", "lũ", "&", ""):
        out = snippet(body, marks(query))
        assert re.sub(r"</?mark>", "", out).count("<") == 0, query


def test_a_short_body_is_shown_whole_without_an_ellipsis() -> None:
    body = "Má tôi dậy sớm nấu cơm cho cả nhà."
    assert snippet(body, marks("má")) == "<mark>Má</mark> tôi dậy sớm nấu cơm cho cả nhà."


def test_snippet_of_a_short_body_without_final_punctuation_is_whole() -> None:
    assert snippet("Má tôi dậy sớm", marks("má")) == "<mark>Má</mark> tôi dậy sớm"
