from __future__ import annotations

from pathlib import Path

import pytest

from indexer.readers import read_paths
from indexer.readers.text import parse_text_article

from .conftest import CORPUS, SEED, needs_shared


@needs_shared(SEED)
def test_seed_article_parses_exactly() -> None:
    article = parse_text_article(SEED.read_text(encoding="utf-8"))
    assert article.title == "Nâng cao hơn nữa hiệu quả hoạt động khoa học và công nghệ cấp cơ sở"
    assert article.published is not None
    assert article.published.isoformat() == "2023-07-24T18:11:00+07:00"
    assert article.authors == ["Ngọc Ánh"]
    assert article.source == "Báo Nam Định"
    assert article.body.count("Quang cảnh hội nghị.") == 1
    assert article.body.startswith("Chiều 24-7, Sở Khoa học và Công nghệ (KH và CN)")
    assert article.body.endswith("đáp ứng được nhiệm vụ được giao trong quản lý lĩnh vực./.")
    for footer_text in ("BÁO NAM ĐỊNH", "Giấy phép", "Tổng biên tập", "Tòa soạn", "Điện thoại", "toasoanbnd", "Tin, ảnh"):
        assert footer_text not in article.body


OTHER_OUTLET = """\
Quảng Ninh diễn tập ứng phó sự cố tràn dầu trên vịnh

Thứ Năm, 14/09/2023 - 15:20

Sáng 14-9, Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh tổ chức diễn tập.

Lực lượng tham gia diễn tập trên biển.
Lực lượng tham gia diễn tập trên biển.

Cuộc diễn tập kéo dài ba giờ với sự tham gia của hơn 300 người.

Bài, ảnh: Thu Hằng

BÁO QUẢNG NINH ĐIỆN TỬ
Giấy phép số: 01/GP-BTTTT do Bộ Thông tin và Truyền thông cấp.
Tổng biên tập: Người Biên Tập
Tòa soạn: đường Trần Phú, TP Hạ Long
Điện thoại: 0203.000000 - Email: bbt@example.vn
"""


def test_same_layout_from_another_outlet() -> None:
    article = parse_text_article(OTHER_OUTLET)
    assert article.title == "Quảng Ninh diễn tập ứng phó sự cố tràn dầu trên vịnh"
    assert article.published.isoformat() == "2023-09-14T15:20:00+07:00"
    assert article.source == "Báo Quảng Ninh"
    assert article.authors == ["Thu Hằng"]
    assert article.body.count("Lực lượng tham gia diễn tập trên biển.") == 1
    assert "Giấy phép" not in article.body and "Bài, ảnh" not in article.body


def test_news_agency_byline_without_masthead() -> None:
    text = "Tiêu đề bài\n\n24/07/2023 18:11\n\nNội dung bài viết dài.\n\nMinh Anh (TTXVN)\n"
    article = parse_text_article(text)
    assert article.authors == ["Minh Anh"]
    assert article.source == "Thông tấn xã Việt Nam"


def test_no_time_line_keeps_the_line_in_the_body() -> None:
    article = parse_text_article("Tiêu đề\n\nĐoạn thứ nhất không có ngày giờ.\n")
    assert article.published is None
    assert article.body == "Đoạn thứ nhất không có ngày giờ."


def _corpus_texts() -> list[Path]:
    return sorted(CORPUS.rglob("*.txt"))


@pytest.mark.parametrize("path", _corpus_texts(), ids=lambda p: p.parent.name + "/" + p.stem[:20])
def test_every_corpus_article_parses_fully(path: Path) -> None:
    [article] = list(read_paths([path]))
    assert article.title and article.published is not None
    assert article.source and article.source != "None"
    assert article.authors
    assert "Giấy phép" not in article.body and "Tổng biên tập" not in article.body
    assert 2019 <= article.published.year <= 2025
