from __future__ import annotations

from datetime import datetime

import pytest

from indexer.dates import parse_date_value, parse_time_line


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("18:11, 24/07/2023", "2023-07-24T18:11:00+07:00"),
        ("Thứ Năm, 14/09/2023 - 15:20", "2023-09-14T15:20:00+07:00"),
        ("24/07/2023 18:11", "2023-07-24T18:11:00+07:00"),
        ("24/07/2023", "2023-07-24T00:00:00+07:00"),
        ("2023-07-24T18:11:00+07:00", "2023-07-24T18:11:00+07:00"),
        ("2023-07-24T11:11:00Z", "2023-07-24T18:11:00+07:00"),
        ("Thứ hai, 24/7/2023, 18:11 (GMT+7)", "2023-07-24T18:11:00+07:00"),
        ("Chủ nhật, 02/01/2022 08:00", "2022-01-02T08:00:00+07:00"),
        ("Cập nhật lúc 10h30 ngày 24/07/2023", "2023-07-24T10:30:00+07:00"),
    ],
)
def test_time_lines(line: str, iso: str) -> None:
    parsed = parse_time_line(line)
    assert parsed is not None
    assert parsed.isoformat() == iso


@pytest.mark.parametrize(
    "line",
    [
        "Chiều 24-7, Sở Khoa học và Công nghệ tổ chức hội nghị",
        "Năm 2022 và 6 tháng đầu năm 2023",
        "99/99/2023",
        "24/07/2023 25:61",
        "",
        "x" * 200,
    ],
)
def test_sentences_and_impossible_dates_are_not_time_lines(line: str) -> None:
    assert parse_time_line(line) is None


def test_date_values_from_records() -> None:
    assert parse_date_value("2020-10-01").isoformat() == "2020-10-01T00:00:00+07:00"
    assert parse_date_value(None) is None
    assert parse_date_value("không rõ") is None
    assert parse_date_value(["2020"]) is None
    assert parse_date_value(datetime(2021, 1, 2, 3, 4)).isoformat() == "2021-01-02T03:04:00+07:00"
