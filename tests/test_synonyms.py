"""The abbreviation table: every form of a group finds the others, longest
match first; expand_name spells facet names every way."""

from __future__ import annotations

from importlib import resources

import pytest

from indexer.analysis import fold_term
from indexer.synonyms import expand_name, find_expansions
from indexer.vietnamese import SYLLABLE_RE, normalize


def sylls(text: str) -> list[str]:
    return [s.lower() for s in SYLLABLE_RE.findall(normalize(text))]


def folded(forms: list[list[str]]) -> set[str]:
    return {" ".join(fold_term(s) for s in form) for form in forms}


def table_groups() -> list[list[str]]:
    text = resources.files("indexer").joinpath("data/abbreviations.tsv").read_text(encoding="utf-8")
    return [
        [f.strip() for f in line.split("|") if f.strip()]
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


GROUPS = table_groups()


def test_the_table_is_loaded_with_its_groups() -> None:
    assert len(GROUPS) >= 30
    assert ["UBND", "Ủy ban nhân dân"] in GROUPS


@pytest.mark.parametrize("group", GROUPS, ids=[g[0] for g in GROUPS])
def test_every_form_of_every_group_finds_the_whole_group(group: list[str]) -> None:
    everyone = {" ".join(fold_term(s) for s in sylls(f)) for f in group}
    for form in group:
        found = find_expansions(sylls(form))
        assert len(found) == 1, (form, found)
        start, end, forms = found[0]
        assert (start, end) == (0, len(sylls(form))), form
        assert folded(forms) == everyone, form


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("UBND", "Ủy ban nhân dân"),
        ("Ủy ban nhân dân", "UBND"),
        ("Uỷ ban nhân dân", "UBND"),  # new-style tone mark
        ("uy ban nhan dan", "UBND"),  # no diacritics
        ("ubnd", "Ủy ban nhân dân"),  # lower case
        ("HĐND", "Hội đồng nhân dân"),
        ("HDND", "Hội đồng nhân dân"),  # đ typed as d
        ("Hội đồng nhân dân", "HĐND"),
        ("KH&CN", "khoa học và công nghệ"),
        ("KH và CN", "khoa học và công nghệ"),
        ("KHCN", "khoa học và công nghệ"),
        ("KH & CN", "KHCN"),
        ("khoa học và công nghệ", "KH&CN"),
        ("khoa học công nghệ", "KH và CN"),
        ("NN&PTNT", "nông nghiệp và phát triển nông thôn"),
        ("NN và PTNT", "NN&PTNT"),
        ("nông nghiệp và phát triển nông thôn", "NNPTNT"),
        ("PTNT", "phát triển nông thôn"),
        ("phát triển nông thôn", "PTNT"),
        ("TP", "thành phố"),
        ("TP.", "thành phố"),
        ("thành phố", "TP"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("TPHCM", "Thành phố Hồ Chí Minh"),
        ("TP HCM", "TP.HCM"),
        ("TP. HCM", "TPHCM"),
        ("TP Hồ Chí Minh", "TPHCM"),
        ("Thành phố Hồ Chí Minh", "TP.HCM"),
        ("CSGT", "cảnh sát giao thông"),
        ("cảnh sát giao thông", "CSGT"),
        ("PCCC", "phòng cháy chữa cháy"),
        ("phòng cháy, chữa cháy", "PCCC"),
        ("TAND", "tòa án nhân dân"),
        ("Toà án nhân dân", "TAND"),
        ("VKSND", "viện kiểm sát nhân dân"),
        ("THPT", "trung học phổ thông"),
        ("trung học phổ thông", "THPT"),
        ("GD&ĐT", "giáo dục và đào tạo"),
        ("GD và ĐT", "GDĐT"),
        ("GDDT", "giáo dục và đào tạo"),
        ("giáo dục và đào tạo", "GD&ĐT"),
    ],
)
def test_a_form_finds_the_other_forms(typed: str, expected: str) -> None:
    found = find_expansions(sylls(typed))
    assert len(found) == 1
    start, end, forms = found[0]
    assert (start, end) == (0, len(sylls(typed)))
    assert " ".join(fold_term(s) for s in sylls(expected)) in folded(forms)


@pytest.mark.parametrize(
    "text, span, group_head",
    [
        ("TP.HCM", (0, 2), "tp hcm"),  # not TP + HCM
        ("thành phố Hồ Chí Minh", (0, 5), "tp hcm"),  # not thành phố (TP) + Hồ Chí Minh
        ("NN&PTNT", (0, 2), "nn ptnt"),  # not NN + PTNT
        ("PCCC và CNCH", (0, 3), "pccc cnch"),  # not PCCC + và + CNCH
        ("phòng cháy chữa cháy và cứu nạn cứu hộ", (0, 9), "pccc cnch"),
        ("khoa học và công nghệ", (0, 5), "kh cn"),
    ],
)
def test_the_longest_match_wins(text: str, span: tuple[int, int], group_head: str) -> None:
    found = find_expansions(sylls(text))
    assert len(found) == 1
    start, end, forms = found[0]
    assert (start, end) == span
    assert group_head in folded(forms)


def test_expansions_inside_a_longer_text_do_not_overlap() -> None:
    words = sylls("Sở KH&CN phối hợp UBND TP.HCM và CSGT")
    found = find_expansions(words)
    assert [(s, e) for s, e, _ in found] == [(1, 3), (5, 6), (6, 8), (9, 10)]
    ends = [e for _, e, _ in found]
    starts = [s for s, _, _ in found]
    assert all(a <= b for a, b in zip(ends, starts[1:]))
    assert find_expansions(sylls("TP TP.HCM")) == [
        (0, 1, find_expansions(["tp"])[0][2]),
        (1, 3, find_expansions(["tp", "hcm"])[0][2]),
    ]


def test_text_without_abbreviations_has_no_expansions() -> None:
    assert find_expansions([]) == []
    assert find_expansions(sylls("Lũ quét ở Bát Xát")) == []
    # A form's syllables scattered apart are not the form.
    assert find_expansions(sylls("phòng họp cháy nhà chữa bệnh cháy")) == []


def test_forms_are_returned_with_their_typed_syllables() -> None:
    (_, _, forms), = find_expansions(["ubnd"])
    assert ["ủy", "ban", "nhân", "dân"] in forms
    assert ["ubnd"] in forms


# -- expand_name ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, spellings",
    [
        ("UBND tỉnh", ["ubnd tinh", "uy ban nhan dan tinh"]),
        ("Ủy ban nhân dân tỉnh", ["ubnd tinh", "uy ban nhan dan tinh"]),
        ("Hà Nội", ["ha noi"]),
        ("TP.HCM", ["tp hcm", "tphcm", "tp ho chi minh", "thanh pho ho chi minh"]),
    ],
)
def test_expand_name_spells_a_name_every_way(name: str, spellings: list[str]) -> None:
    assert sorted(expand_name(name)) == sorted(spellings)


def test_expand_name_of_an_agency_with_two_abbreviations() -> None:
    spellings = expand_name("Sở GD&ĐT TP.HCM")
    assert "so gd dt tp hcm" in spellings
    assert "so giao duc va dao tao thanh pho ho chi minh" in spellings  # as the facet stores it
    assert "so gddt tphcm" in spellings
    assert len(spellings) == len(set(spellings)) == 16


def test_expand_name_keeps_the_full_spelling_when_capped() -> None:
    spellings = expand_name("Sở KH&CN TP.HCM")
    assert "so kh cn tp hcm" in spellings
    assert "so khoa hoc va cong nghe thanh pho ho chi minh" in spellings


def test_expand_name_is_bounded_but_keeps_typed_and_full_spellings() -> None:
    spellings = expand_name("UBND HĐND UBND HĐND UBND HĐND UBND")
    assert 2 <= len(spellings) <= 64
    assert len(spellings) == len(set(spellings))
    assert spellings[0] == "ubnd hdnd ubnd hdnd ubnd hdnd ubnd"
    assert "uy ban nhan dan hoi dong nhan dan " * 3 + "uy ban nhan dan" in spellings
    assert all(s == fold_term(s) for s in spellings)


def test_expand_name_of_nothing() -> None:
    assert expand_name("") == [""]
    assert expand_name("!!!") == [""]
