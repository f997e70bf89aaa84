from __future__ import annotations

import pytest

from indexer.clean import (
    dedupe_consecutive,
    outlet_from_masthead,
    outlet_name,
    split_byline,
    split_footer,
    split_glued_title,
    stable_id,
)

FOOTER = [
    "",
    "BÁO NAM ĐỊNH ĐIỆN TỬ",
    "",
    "Giấy phép số: 136/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày 17/3/2022.",
    "Tổng biên tập: Nguyễn Văn A",
    "Tòa soạn: Số 68 Trần Phú, TP Nam Định",
    "Điện thoại: 0228.000000; Email: toasoan@example.vn",
]


def test_footer_is_split_off_and_names_the_outlet() -> None:
    body, footer = split_footer(["Đoạn một.", "Tin, ảnh: Ngọc Ánh", *FOOTER])
    assert body == ["Đoạn một.", "Tin, ảnh: Ngọc Ánh"]
    assert footer[0] == "BÁO NAM ĐỊNH ĐIỆN TỬ"
    assert outlet_from_masthead(footer) == "Báo Nam Định"


def test_a_body_line_that_looks_like_a_footer_key_is_kept() -> None:
    lines = ["Điện thoại của người dân liên tục đổ chuông.", "Đoạn cuối của bài."]
    assert split_footer(lines) == (lines, [])


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Tin, ảnh: Ngọc Ánh", ["Ngọc Ánh"]),
        ("Bài và ảnh: Minh Hằng", ["Minh Hằng"]),
        ("Bài, ảnh: Thanh Thủy", ["Thanh Thủy"]),
        ("Tin: Hoàng Long", ["Hoàng Long"]),
        ("Ảnh: Quốc Bảo", ["Quốc Bảo"]),
        ("Minh Anh (TTXVN)", ["Minh Anh"]),
        ("Tin, ảnh: Lan Hương - Văn Tú", ["Lan Hương", "Văn Tú"]),
    ],
)
def test_bylines(line: str, authors: list[str]) -> None:
    body, found = split_byline(["Nội dung bài viết.", line, ""])
    assert body == ["Nội dung bài viết."]
    assert found == authors


def test_two_credit_lines() -> None:
    body, found = split_byline(["Nội dung.", "Bài: Hà An", "Ảnh: Văn Bình"])
    assert body == ["Nội dung."]
    assert found == ["Hà An", "Văn Bình"]


def test_a_sentence_is_not_a_byline() -> None:
    lines = ["Theo ông Nam, tin: mùa màng năm nay bội thu nhờ thời tiết thuận lợi, người dân phấn khởi đón Tết."]
    assert split_byline(lines) == (lines, [])


def test_caption_printed_twice_is_kept_once() -> None:
    # Also across a blank line: a paragraph repeated right after itself is a duplicate.
    assert dedupe_consecutive(["A", "Quang cảnh.", "Quang cảnh.", "B", "B", "", "B", "C"]) == [
        "A", "Quang cảnh.", "B", "", "C"]


@pytest.mark.parametrize(
    ("raw", "name"),
    [("BÁO NAM ĐỊNH ĐIỆN TỬ", "Báo Nam Định"), ("Báo Thủ Đô Điện Tử", "Báo Thủ Đô"), ("BÁO NGHỆ AN ONLINE", "Báo Nghệ An")],
)
def test_outlet_names(raw: str, name: str) -> None:
    assert outlet_name(raw) == name


def test_glued_title_and_lead_are_split() -> None:
    title = (
        "Mạo hiểm rừng xanh Cuộc hành quân khám phá thác sương mù Ẩn mình trong cánh rừng già bạt ngàn "
        "là hồ thủy điện đẹp như một bức tranh, ngọn thác hùng vĩ uốn lượn như con rồng bạc khổng lồ..."
    )
    head, lead = split_glued_title(title)
    assert head == "Mạo hiểm rừng xanh"
    assert lead.startswith("Cuộc hành quân")


def test_short_titles_and_names_after_joining_words_are_kept() -> None:
    assert split_glued_title("Nâng cao hiệu quả hoạt động khoa học và công nghệ") == (
        "Nâng cao hiệu quả hoạt động khoa học và công nghệ", "")
    sapo = ("Chiều 28/4, đoàn công tác Bộ Khoa học và Công nghệ do ông Huỳnh Văn Nam làm trưởng đoàn, "
            "đến thăm và làm việc với Sở Khoa học và Công nghệ thành phố Cần Thơ.")
    assert split_glued_title(sapo) == (sapo, "")


def test_stable_ids() -> None:
    assert stable_id("news_001") == "news_001"
    by_url = stable_id(None, "https://example.vn/a.html")
    assert by_url == stable_id(None, "https://example.vn/a.html") and len(by_url) == 16
    one = stable_id(None, None, "Báo Nam Định", "Tiêu đề", "2023-07-24T18:11:00+07:00")
    assert one == stable_id(None, None, "BÁO NAM ĐỊNH", "Tiêu Đề", "2023-07-24T00:00:00+07:00")
    assert one != stable_id(None, None, "Báo Nam Định", "Tiêu đề khác", "2023-07-24")
