"""Agencies: heads, abbreviations, places, binding, and what is not one."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from indexer.entities import extract_entities
from indexer.vietnamese import normalize

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "bao-nam-dinh-2023-07-24.txt"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason=f"{SHARED} is absent (real data lives outside the repository)")


def agencies(body: str, source: str | None = None, title: str = "", published: datetime | None = None) -> list[str]:
    return extract_entities(normalize(title), normalize(body), source, published).agencies


def _seed_article() -> tuple[str, str]:
    """Title and body of the seed: the body lies between the time line and
    the byline (what the readers hand over)."""
    lines = normalize(SEED.read_text(encoding="utf-8")).split("\n")
    start = next(i for i, line in enumerate(lines) if re.fullmatch(r"\d\d:\d\d, \d\d/\d\d/\d{4}", line))
    end = next(i for i, line in enumerate(lines) if line.startswith("Tin, ảnh:"))
    return lines[0], "\n".join(lines[start + 1:end])


@needs_shared
def test_seed_article_yields_exactly_the_five_bodies() -> None:
    title, body = _seed_article()
    ents = extract_entities(title, body, "Báo Nam Định", datetime(2023, 7, 24, 18, 11))
    assert set(ents.agencies) == {
        "Sở Khoa học và Công nghệ tỉnh Nam Định",
        "Ủy ban nhân dân tỉnh Nam Định",
        "Bộ Khoa học và Công nghệ",
        "Viện Nghiên cứu và Phát triển vùng",
        "Sở Tài chính tỉnh Nam Định",
    }
    assert len(ents.agencies) == 5
    assert ents.agencies[0] == "Sở Khoa học và Công nghệ tỉnh Nam Định"  # first mention first
    assert ents.provinces == ["Nam Định"]


@needs_shared
def test_seed_footer_ministry_is_not_in_the_body() -> None:
    title, body = _seed_article()
    assert "Bộ Thông tin và Truyền thông" not in extract_entities(title, body, "Báo Nam Định").agencies
    # The footer does name it: cut at the byline, it is gone.
    full = normalize(SEED.read_text(encoding="utf-8"))
    assert "Bộ Thông tin và Truyền thông" in full


def test_one_body_written_several_ways_is_one_value() -> None:
    text = "Sở KH và CN họp. Sở KH&CN báo cáo. Sở Khoa học và Công nghệ kết luận. Sở KHCN ghi nhận."
    assert agencies(text, "Báo Nam Định") == ["Sở Khoa học và Công nghệ tỉnh Nam Định"]


def test_abbreviation_defined_by_the_article() -> None:
    text = ("Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn (PCTT và TKCN) huyện Giao Thủy họp. "
            "Ban Chỉ huy PCTT và TKCN huyện Giao Thủy đã huy động lực lượng.")
    assert agencies(text, "Báo Nam Định") == [
        "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn huyện Giao Thủy (Nam Định)"]


def test_local_body_bound_to_the_named_province_or_the_outlets() -> None:
    text = "Phó Chủ tịch UBND tỉnh làm việc với Sở Tài chính và Công an tỉnh."
    assert agencies(text, "Báo Nam Định") == [
        "Ủy ban nhân dân tỉnh Nam Định", "Sở Tài chính tỉnh Nam Định", "Công an tỉnh Nam Định"]
    named = "Ngày 2/3, Công an tỉnh Nghệ An cho biết đã bắt giữ nghi phạm. Công an tỉnh đang điều tra."
    assert agencies(named, "Dân Trí") == ["Công an tỉnh Nghệ An"]
    assert agencies("Sở Tài chính đã có văn bản.", "Dân Trí") == ["Sở Tài chính"]


def test_centrally_run_cities_write_thanh_pho() -> None:
    assert agencies("Sở GD&ĐT Hà Nội và Cục Thuế TPHCM họp.") == [
        "Sở Giáo dục và Đào tạo thành phố Hà Nội", "Cục Thuế thành phố Hồ Chí Minh"]
    assert agencies("Thành ủy TP.HCM chỉ đạo.") == ["Thành ủy thành phố Hồ Chí Minh"]


def test_district_and_commune_bodies_name_their_province() -> None:
    text = "Chủ tịch UBND xã Hải Dương, thị xã Hương Trà cho biết Công an xã đã có mặt."
    got = agencies(text, "Báo Thừa Thiên Huế", published=datetime(2019, 11, 6))
    assert got[0] == "Ủy ban nhân dân xã Hải Dương (Thừa Thiên Huế)"
    assert "Công an xã Hải Dương (Thừa Thiên Huế)" in got


def test_sub_unit_keeps_its_parent_and_the_parent_alone_only_if_named_alone() -> None:
    assert agencies("Phòng CSGT Công an tỉnh Nam Định ra quân.") == [
        "Phòng Cảnh sát giao thông Công an tỉnh Nam Định"]
    assert agencies("Cục Quản lý Khám chữa bệnh - Bộ Y tế cho biết.") == ["Cục Quản lý Khám chữa bệnh Bộ Y tế"]
    assert agencies("Viện Nghiên cứu và Phát triển vùng (Bộ KH và CN) dự họp.") == [
        "Viện Nghiên cứu và Phát triển vùng", "Bộ Khoa học và Công nghệ"]


def test_party_committees_and_national_bodies() -> None:
    assert agencies("Tỉnh ủy, HĐND, UBND tỉnh Quảng Ninh họp.", "Báo Quảng Ninh") == [
        "Tỉnh ủy Quảng Ninh", "Hội đồng nhân dân tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Quảng Ninh"]
    assert agencies("Thủ tướng Chính phủ và Quốc hội thống nhất; Bộ Công an vào cuộc.") == [
        "Chính phủ", "Quốc hội", "Bộ Công an"]


def test_generic_and_plural_mentions_are_not_agencies() -> None:
    text = ("UBND các huyện, thành phố và các sở, ngành đã họp. Các huyện thành lập Hội đồng xét sáng kiến; "
            "Hội đồng KH và CN cấp huyện tham mưu cho UBND về hoạt động; UBND cấp huyện báo cáo.")
    assert agencies(text, "Báo Nam Định") == []


def test_businesses_newspapers_people_and_foreign_bodies_are_not_agencies() -> None:
    text = ("Công ty Cổ phần Sông Đà và Tập đoàn Vingroup ký kết. Theo báo Công an nhân dân, "
            "Báo Nam Định đưa tin. Ông Nguyễn Văn Sở phát biểu. Bộ Y tế Angola, Chính phủ Mỹ và "
            "Bộ Ngoại giao Trung Quốc cũng lên tiếng. Vụ Watergate gây chấn động.")
    assert agencies(text) == []


def test_names_stop_at_verbs_and_person_names() -> None:
    assert agencies("Tổng cục trưởng Tổng cục Tiêu chuẩn Đo lường Chất lượng Nguyễn Hoàng Linh cho biết.") == [
        "Tổng cục Tiêu chuẩn Đo lường Chất lượng"]
    assert agencies("Viện Vệ sinh dịch tễ Tây Nguyên tập huấn cho cán bộ.") == ["Viện Vệ sinh dịch tễ Tây Nguyên"]
    assert agencies("Trung tâm Kiểm soát bệnh tật (CDC) Hà Nam cho biết.") == [
        "Trung tâm Kiểm soát bệnh tật tỉnh Hà Nam"]


def test_nfd_input_after_normalize() -> None:
    text = unicodedata.normalize("NFD", "Uỷ ban nhân dân tỉnh Hoà Bình và Sở Tài nguyên và Môi trường tỉnh Hoà Bình")
    assert agencies(text) == ["Ủy ban nhân dân tỉnh Hòa Bình", "Sở Tài nguyên và Môi trường tỉnh Hòa Bình"]


def test_title_counts_too() -> None:
    assert agencies("Nội dung không có cơ quan nào.", title="Bộ Y tế cảnh báo dịch") == ["Bộ Y tế"]


@needs_shared
def test_bench_script_scores_a_label_file(tmp_path: Path) -> None:
    labels = tmp_path / "labels"
    labels.mkdir()
    row = {"ref": "dantri_unc:news_business_002", "agencies": ["Cục Thuế thành phố Hồ Chí Minh"],
           "locations": ["TP Hồ Chí Minh"], "provinces": ["TP Hồ Chí Minh"]}
    (labels / "entities_shared.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "bench/entities.py", "--set", "shared", "--labels", str(labels), "--out", str(out),
         "--repeat", "1"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["articles"] == 1 and set(result["scores"]["shared"]) == {"agencies", "locations", "provinces"}


def test_bench_script_has_help() -> None:
    done = subprocess.run([sys.executable, "bench/entities.py", "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "--show-errors" in done.stdout


@needs_shared
def test_bench_script_scores_label_files_per_set_and_seals_the_test_set(tmp_path: Path) -> None:
    row = {"ref": "dantri_unc:news_business_002", "agencies": ["Cục Thuế thành phố Hồ Chí Minh"],
           "locations": ["TP Hồ Chí Minh"], "provinces": ["TP Hồ Chí Minh"]}
    dev, test = tmp_path / "entities_dev.jsonl", tmp_path / "entities_shared.jsonl"
    for path in (dev, test):
        path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "bench/entities.py", "--labels", str(dev), str(test), "--out", str(out), "--repeat", "1",
         "--show-errors"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result["scores"]) == {"dev", "shared", "all"}  # a table per set, plus all
    assert [a["set"] for a in result["per_article"]] == ["dev"]  # the held-out set's errors stay sealed
    assert result["per_article_withheld"] == ["shared"]
    assert "\ndev " in done.stdout and "\nshared " in done.stdout and "\nall " in done.stdout


def test_label_files_are_sorted_normalised_and_disjoint() -> None:
    """The labels are the yardstick: a label file that drifts from its own
    rules (unsorted, NFD, a province missing from locations, an article in
    two sets) would quietly move the scores."""
    seen: dict[str, str] = {}
    for path in sorted((ROOT / "tests" / "data").glob("entities_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert row["ref"] not in seen, f"{row['ref']} is in {seen.get(row['ref'])} and {path.name}"
            seen[row["ref"]] = path.name
            for key in ("agencies", "locations", "provinces"):
                assert row[key] == sorted(set(row[key])), (path.name, row["ref"], key)
                assert all(unicodedata.is_normalized("NFC", x) for x in row[key]), (path.name, row["ref"])
            assert set(row["provinces"]) <= set(row["locations"]), (path.name, row["ref"])
    assert len(seen) >= 60


def test_sample_script_has_help() -> None:
    done = subprocess.run([sys.executable, "bench/entity_sample.py", "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "--seed" in done.stdout
