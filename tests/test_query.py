"""The query language: parse_query never raises, reads what it can and says
(in Vietnamese) what it could not."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.query import MAX_CONCEPTS, MAX_QUERY_CHARS, Marks, ParsedQuery, parse_query
from indexer.vietnamese import fold, has_diacritics


def typed(q: ParsedQuery) -> list[list[str]]:
    """The typed form of each concept."""
    return [c.variants[0] for c in q.concepts]


def variants(q: ParsedQuery) -> list[list[str]]:
    return [[" ".join(v) for v in c.variants] for c in q.concepts]


def assert_vietnamese(notices: list[str]) -> None:
    for notice in notices:
        assert has_diacritics(notice), notice


# -- plain words -------------------------------------------------------------------
def test_plain_words_are_one_concept_a_syllable() -> None:
    q = parse_query("lũ quét Bát Xát")
    assert typed(q) == [["lũ"], ["quét"], ["bát"], ["xát"]]
    assert q.accented
    assert all(c.exact for c in q.concepts)
    assert q.runs == [[0, 1, 2, 3]]
    assert not q.notices and not q.filters and not q.phrases and not q.excluded
    assert not q.is_empty


def test_accented_text_gets_pyvi_words_for_the_words_field() -> None:
    q = parse_query("khởi công nhà máy")
    assert typed(q) == [["khởi"], ["công"], ["nhà"], ["máy"]]
    assert "nhà_máy" in q.words


def test_unaccented_text_is_not_segmented_and_not_exact() -> None:
    q = parse_query("lu quet bat xat")
    assert typed(q) == [["lu"], ["quet"], ["bat"], ["xat"]]
    assert not q.accented
    assert not any(c.exact for c in q.concepts)
    assert q.words == []


def test_spellings_of_one_query_parse_alike() -> None:
    reference = parse_query("Ủy ban tỉnh Hòa Bình thủy lợi")
    for spelling in ("Uỷ ban tỉnh Hoà Bình thuỷ lợi", unicodedata.normalize("NFD", "Ủy ban tỉnh Hòa Bình thủy lợi")):
        q = parse_query(spelling)
        assert variants(q) == variants(reference)
        assert q.words == reference.words


def test_abbreviations_become_one_concept_with_every_form() -> None:
    q = parse_query("UBND tỉnh Nam Định")
    assert variants(q)[0] == ["ubnd", "ủy ban nhân dân"]
    assert typed(q)[1:] == [["tỉnh"], ["nam"], ["định"]]
    q = parse_query("Sở KH&CN")
    assert typed(q) == [["sở"], ["kh", "cn"]]
    assert "khoa học và công nghệ" in variants(q)[1]


def test_the_typed_form_of_an_abbreviation_comes_first_and_only_once() -> None:
    q = parse_query("TP HCM")
    forms = variants(q)[0]
    assert forms[0] == "tp hcm"
    assert [fold(f) for f in forms].count("tp hcm") == 1
    assert "thành phố hồ chí minh" in forms


# -- phrases and exclusions ------------------------------------------------------------
def test_quoted_phrase() -> None:
    q = parse_query('"lừa bán đất nền"')
    assert [p.syllables for p in q.phrases] == [["lừa", "bán", "đất", "nền"]]
    assert q.phrases[0].exact and not q.phrases[0].title_only
    assert q.concepts == []
    assert not q.is_empty


def test_unaccented_phrase_is_not_exact() -> None:
    assert not parse_query('"lua ban dat nen"').phrases[0].exact


def test_typographic_quotes_make_a_phrase() -> None:
    for text in ("“bão số 3”", "«bão số 3»", "„bão số 3”"):
        q = parse_query(text)
        assert [p.syllables for p in q.phrases] == [["bão", "số", "3"]], text
        assert not q.notices


def test_a_phrase_breaks_the_run_of_words() -> None:
    q = parse_query('lũ quét "bão số 3" sạt lở')
    assert typed(q) == [["lũ"], ["quét"], ["sạt"], ["lở"]]
    assert q.runs == [[0, 1], [2, 3]]


def test_minus_word_and_minus_phrase_exclude() -> None:
    q = parse_query('đất nền -"Bình Dương" -lừa')
    assert typed(q) == [["đất"], ["nền"]]
    assert [p.syllables for p in q.excluded] == [["bình", "dương"], ["lừa"]]
    assert all(p.exact for p in q.excluded)


def test_only_exclusions_leave_the_query_empty() -> None:
    q = parse_query("-lũ -\"bão số 3\"")
    assert q.is_empty
    assert len(q.excluded) == 2


def test_a_minus_inside_a_word_is_not_an_exclusion() -> None:
    q = parse_query("COVID-19 Bà Rịa - Vũng Tàu")
    assert q.excluded == []
    assert ["covid"] in typed(q) and ["19"] in typed(q)


def test_empty_and_punctuation_only_phrases_are_ignored() -> None:
    q = parse_query('"" "..." lũ')
    assert q.phrases == [] and typed(q) == [["lũ"]]


# -- OR ----------------------------------------------------------------------------------
def test_or_binds_pyvi_compounds() -> None:
    q = parse_query("lũ lụt OR hạn hán")
    assert variants(q) == [["lũ lụt", "hạn hán"]]
    assert q.runs == [[0]]
    q = parse_query("hỏa hoạn OR thiên tai")
    assert variants(q) == [["hỏa hoạn", "thiên tai"]]


def test_or_binds_single_words_and_chains() -> None:
    assert variants(parse_query("lu OR han")) == [["lu", "han"]]
    assert variants(parse_query("a OR b OR c")) == [["a", "b", "c"]]


def test_or_keeps_the_neighbours_as_required_concepts() -> None:
    q = parse_query("sạt lở OR lũ quét tại Hà Tĩnh")
    assert variants(q)[0] == ["sạt lở", "lũ quét"]
    assert len(q.concepts) > 1


def test_or_joins_abbreviation_groups() -> None:
    q = parse_query("UBND OR HĐND tỉnh")
    assert variants(q)[0] == ["ubnd", "ủy ban nhân dân", "hđnd", "hội đồng nhân dân"]
    assert typed(q)[1] == ["tỉnh"]


def test_lower_case_or_is_a_word() -> None:
    assert typed(parse_query("lũ or bão")) == [["lũ"], ["or"], ["bão"]]


def test_documented_or_example_binds_both_compounds() -> None:
    q = parse_query("hỏa hoạn OR cháy rừng")
    assert variants(q) == [["hỏa hoạn", "cháy rừng"]]


@pytest.mark.parametrize("text", ["OR", "OR OR", " OR  ", "OR lũ", "lũ OR", "lũ OR -quét"])
def test_a_lone_or_is_ignored_with_a_notice(text: str) -> None:
    q = parse_query(text)
    assert q.notices
    assert any("OR" in n for n in q.notices)
    assert_vietnamese(q.notices)
    assert all(len(c.variants) == 1 for c in q.concepts)


@pytest.mark.parametrize("text", ['lũ OR "bão số 3"', '"bão số 3" OR lũ'])
def test_a_quoted_phrase_can_be_a_side_of_or(text: str) -> None:
    q = parse_query(text)
    assert sorted(" ".join(v) for v in q.concepts[0].variants) == ["bão số 3", "lũ"]
    assert q.phrases == [] and not q.notices


def test_two_quoted_phrases_joined_by_or() -> None:
    q = parse_query('"sen Tháp Mười" OR "dừa hữu cơ" du lịch')
    assert [" ".join(v) for v in q.concepts[0].variants] == ["sen tháp mười", "dừa hữu cơ"]
    assert typed(q)[1:] == [["du"], ["lịch"]]


# -- fields -------------------------------------------------------------------------------
def test_title_restricts_words_to_the_title() -> None:
    q = parse_query("title:lũ quét")
    assert typed(q) == [["lũ"], ["quét"]]
    assert q.concepts[0].title_only
    assert not q.concepts[1].title_only
    assert q.runs == [[0], [1]]  # a title word and a body word are not typed "next to each other"


def test_title_phrase_and_excluded_title_word() -> None:
    q = parse_query('title:"bão số 3" -title:lũ')
    assert [(p.syllables, p.title_only) for p in q.phrases] == [(["bão", "số", "3"], True)]
    assert [(p.syllables, p.title_only) for p in q.excluded] == [(["lũ"], True)]
    assert q.concepts == []


@pytest.mark.parametrize("alias", ["title", "TITLE", "tieude", "tiêuđề", "tit"])
def test_field_aliases(alias: str) -> None:
    q = parse_query(f"{alias}:lũ")
    assert q.concepts and q.concepts[0].title_only
    assert not q.notices


@pytest.mark.parametrize(
    "text, filters",
    [
        ('source:"Báo Nam Định"', {"source": ["Báo Nam Định"]}),
        ("agency:UBND", {"agency": ["UBND"]}),
        ('location:"Ninh Bình"', {"location": ["Ninh Bình"]}),
        ('category:"Du lịch"', {"category": ["Du lịch"]}),
        ('nguon:"Tin Tổng Hợp" coquan:"Bộ Y tế" diadiem:Huế chuyenmuc:"Kinh tế"',
         {"source": ["Tin Tổng Hợp"], "agency": ["Bộ Y tế"], "location": ["Huế"], "category": ["Kinh tế"]}),
        ('location:Huế location:"Đà Nẵng"', {"location": ["Huế", "Đà Nẵng"]}),
        ('source:"Báo  Nam\u00a0Định"', {"source": ["Báo Nam Định"]}),  # spaces normalised
    ],
)
def test_filters(text: str, filters: dict[str, list[str]]) -> None:
    q = parse_query(text)
    assert q.filters == filters
    assert q.concepts == [] and q.is_empty
    assert not q.notices


def test_an_unquoted_filter_value_is_one_word() -> None:
    q = parse_query("source:Báo Nam Định lũ")
    assert q.filters == {"source": ["Báo"]}
    assert typed(q) == [["nam"], ["định"], ["lũ"]]


def test_filters_cannot_be_excluded() -> None:
    q = parse_query('-source:"Báo Nam Định" lũ')
    assert q.filters == {}
    assert typed(q) == [["lũ"]]
    assert any("-source:" in n for n in q.notices)
    assert_vietnamese(q.notices)


def test_a_field_needs_a_value() -> None:
    q = parse_query('title:"" lũ')
    assert typed(q) == [["lũ"]]
    assert any("title:" in n for n in q.notices)
    assert_vietnamese(q.notices)


def test_unknown_field_is_read_as_words() -> None:
    q = parse_query("foo:bar lũ")
    assert typed(q) == [["foo"], ["bar"], ["lũ"]]
    assert len(q.notices) == 1 and "foo:" in q.notices[0]
    assert_vietnamese(q.notices)


def test_a_time_of_day_is_not_a_field() -> None:
    q = parse_query("18:11 24/07/2023")
    assert typed(q) == [["18"], ["11"], ["24"], ["07"], ["2023"]]
    assert not q.notices


# -- dates ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, start, end",
    [
        ("date:2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("date:2023-07", date(2023, 7, 1), date(2023, 7, 31)),
        ("date:2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("date:2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("date:2023-7-24", date(2023, 7, 24), date(2023, 7, 24)),
        ("date:24/07/2023", date(2023, 7, 24), date(2023, 7, 24)),
        ("ngày:2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("nam:2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("from:2023-05", date(2023, 5, 1), None),
        ("from:2023-05-10", date(2023, 5, 10), None),
        ("tu:1/2/2020", date(2020, 2, 1), None),
        ("to:2023-06", None, date(2023, 6, 30)),
        ("to:2023", None, date(2023, 12, 31)),
        ("den:2023-06-15", None, date(2023, 6, 15)),
        ("from:2023-01 to:2023-06-30", date(2023, 1, 1), date(2023, 6, 30)),
        ("date:2023 from:2023-05", date(2023, 5, 1), date(2023, 12, 31)),  # ranges intersect
        ("date:2023 to:2024-06", date(2023, 1, 1), date(2023, 12, 31)),
    ],
)
def test_dates(text: str, start: date | None, end: date | None) -> None:
    q = parse_query(text)
    assert (q.date_from, q.date_to) == (start, end)
    assert not q.notices
    assert q.is_empty


@pytest.mark.parametrize(
    "value",
    ["2023-13", "2023-02-30", "2023-00", "31/02/2023", "hôm qua", "2023-07-24T10:00", "0000", "20231", "2023/07"],
)
def test_invalid_dates_are_skipped_with_a_notice(value: str) -> None:
    q = parse_query(f"date:{value} lũ")
    assert q.date_from is None and q.date_to is None
    assert len(q.notices) == 1 and "YYYY" in q.notices[0]
    assert_vietnamese(q.notices)
    assert ["lũ"] in typed(q)


def test_a_reversed_range_is_swapped_and_said() -> None:
    q = parse_query("from:2024 to:2020")
    assert (q.date_from, q.date_to) == (date(2020, 1, 1), date(2024, 12, 31))
    assert any("đổi chỗ" in n for n in q.notices)


# -- malformed input ------------------------------------------------------------------------
def test_unclosed_quote_reads_the_rest_as_words() -> None:
    q = parse_query('lũ "quét ở Bát Xát')
    assert typed(q) == [["lũ"], ["quét"], ["ở"], ["bát"], ["xát"]]
    assert q.phrases == []
    assert len(q.notices) == 1 and "ngoặc kép" in q.notices[0]
    assert_vietnamese(q.notices)


@pytest.mark.parametrize("text", ["", "   ", "- -- : ::", "...!!!", "\"\"", "---", "-", ":", "()", "*?", "\n\t"])
def test_operators_or_punctuation_only_give_an_empty_query(text: str) -> None:
    q = parse_query(text)
    assert q.is_empty
    assert q.concepts == [] and q.excluded == [] and q.filters == {}


def test_none_is_an_empty_query() -> None:
    assert parse_query(None).is_empty  # type: ignore[arg-type]


def test_very_long_input_is_truncated_with_a_notice() -> None:
    text = "lũ quét " * 200
    q = parse_query(text)
    assert len(q.text) == MAX_QUERY_CHARS
    assert q.notices[0].startswith("Câu tìm dài quá")
    assert len(q.concepts) <= MAX_CONCEPTS
    assert_vietnamese(q.notices)


def test_too_many_words_keep_the_first_ones() -> None:
    words = [f"tu{i}" for i in range(MAX_CONCEPTS + 10)]
    q = parse_query(" ".join(words))
    assert typed(q) == [[w] for w in words[:MAX_CONCEPTS]]
    assert any(str(MAX_CONCEPTS) in n for n in q.notices)
    assert_vietnamese(q.notices)


def test_a_compound_at_the_limit_does_not_overshoot_it() -> None:
    q = parse_query(" ".join(["a"] * (MAX_CONCEPTS - 1)) + " hợp tác xã")
    assert len(q.concepts) <= MAX_CONCEPTS


def test_control_characters_are_spaces() -> None:
    q = parse_query("lũ\x00quét\x07Bát\x1bXát\u200b")
    assert typed(q) == [["lũ"], ["quét"], ["bát"], ["xát"]]
    assert "\x00" not in q.text


def test_newlines_are_spaces() -> None:
    q = parse_query('lũ\n"bão\nsố 3"')
    assert typed(q) == [["lũ"]]
    assert [p.syllables for p in q.phrases] == [["bão", "số", "3"]]


# -- highlight terms ---------------------------------------------------------------------
def test_highlight_terms_of_an_accented_query_keep_the_diacritics() -> None:
    marks = parse_query('UBND "bão số 3" lũ').highlight_terms()
    assert marks.exact == {"ubnd", "bão", "số", "3", "lũ"}
    assert marks.folded == frozenset()
    assert marks.sequences == {("uy", "ban", "nhan", "dan")}
    assert marks.positions(["lũ", "lữ", "bão", "bảo"]) == [0, 2]


def test_highlight_terms_of_an_unaccented_query_are_folded() -> None:
    marks = parse_query("lu quet").highlight_terms()
    assert marks.exact == frozenset()
    assert marks.folded == {"lu", "quet"}
    assert marks.positions(["lũ", "quét", "lữ", "hành"]) == [0, 1, 2]


def test_excluded_words_are_not_highlighted() -> None:
    marks = parse_query("lũ -quét").highlight_terms()
    assert marks.exact == {"lũ"} and not marks.folded


def test_marks_positions_mark_sequences_only_whole() -> None:
    marks = parse_query("KH&CN").highlight_terms()
    syllables = "sở khoa học và công nghệ và nhân dân".split()
    assert marks.positions(syllables) == [1, 2, 3, 4, 5]  # the second "và" is not marked
    assert Marks().positions(syllables) == []
    assert Marks(folded=frozenset({"va"})).positions(syllables) == [3, 6]
    assert Marks(exact=frozenset({"và"})).positions(syllables + ["vả"]) == [3, 6]


# -- properties ------------------------------------------------------------------------------
def _check(q: ParsedQuery) -> None:
    assert isinstance(q, ParsedQuery)
    assert len(q.text) <= MAX_QUERY_CHARS
    assert len(q.concepts) <= MAX_CONCEPTS
    for run in q.runs:
        assert all(0 <= i < len(q.concepts) for i in run)
    for c in q.concepts:
        assert c.variants and all(v for v in c.variants)
    for p in [*q.phrases, *q.excluded]:
        assert p.syllables
    assert set(q.filters) <= {"source", "agency", "location", "category"}
    assert all(isinstance(n, str) and n for n in q.notices)
    assert_vietnamese(q.notices)
    q.highlight_terms()  # never raises either


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_parse_query_never_raises_on_arbitrary_text(text: str) -> None:
    _check(parse_query(text))


_SOUP = st.sampled_from([
    "lu", "quet", "bao", "so", "3", "ubnd", "tp.hcm", "kh&cn", "OR", "or", "-", "--", "\"", "'", ":", "::",
    "title:", "source:", "date:", "from:", "to:", "date:2023", "from:2023-13", "to:x", "foo:", "-title:",
    "-source:", "agency:ubnd", "(", ")", "*", "“", "”", "«", "»", "\n", "\t", "\x00", "  ", "...",
])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(_SOUP, max_size=120).map(" ".join))
def test_parse_query_never_raises_on_query_language_soup(text: str) -> None:
    _check(parse_query(text))


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["lũ", "quét", "Bát", "Xát", "OR", "-bão", '"sạt lở"', "title:mưa",
                                 "UBND", "tỉnh", "Nghệ", "An", "học", "sinh"]), max_size=60).map(" ".join))
def test_parse_query_never_raises_on_accented_soup(text: str) -> None:
    q = parse_query(text)
    assert isinstance(q, ParsedQuery)
    assert_vietnamese(q.notices)
