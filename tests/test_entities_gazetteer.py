"""The gazetteer: names of the time, the 2025 rollup, outlets' home provinces."""

from __future__ import annotations

import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest

from indexer.entities import Entities, extract_entities, home_province, location_province, province_rollup
from indexer.entities.gazetteer import gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("former", "now"),
    [
        ("Nam Định", "Ninh Bình"),
        ("Hà Nam", "Ninh Bình"),
        ("Ninh Bình", "Ninh Bình"),
        ("Hà Nội", "Hà Nội"),
        ("Thừa Thiên Huế", "Huế"),
        ("Huế", "Huế"),
        ("Bình Dương", "TP Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "TP Hồ Chí Minh"),
        ("TP Hồ Chí Minh", "TP Hồ Chí Minh"),
        ("Hải Dương", "Hải Phòng"),
        ("Quảng Nam", "Đà Nẵng"),
        ("Kon Tum", "Quảng Ngãi"),
        ("Hà Tây", "Hà Nội"),
    ],
)
def test_province_rollup_to_the_34(former: str, now: str) -> None:
    assert province_rollup(former) == now


def test_every_former_province_rolls_up_to_one_of_the_34() -> None:
    gaz = gazetteer()
    targets = {province_rollup(gaz.province_name(key)) for key in gaz.province_names}
    assert len(targets) == 34


def test_rollup_of_an_unknown_name_is_the_name() -> None:
    assert province_rollup("Atlantis") == "Atlantis"


@pytest.mark.parametrize(
    ("location", "province"),
    [
        ("huyện Giao Thủy, Nam Định", "Nam Định"),
        ("Nam Định", "Nam Định"),
        ("xã Hải Dương, Thừa Thiên Huế", "Thừa Thiên Huế"),
        ("phường Bến Nghé, TP Hồ Chí Minh", "TP Hồ Chí Minh"),
        ("TP Hồ Chí Minh", "TP Hồ Chí Minh"),
        ("miền Bắc", None),
    ],
)
def test_location_province(location: str, province: str | None) -> None:
    assert location_province(location) == province


@pytest.mark.parametrize(
    ("source", "province"),
    [
        ("Báo Nam Định", "Nam Định"),
        ("Báo Quảng Ninh điện tử", "Quảng Ninh"),
        ("Báo Thừa Thiên Huế", "Thừa Thiên Huế"),
        ("Báo Cần Thơ", "Cần Thơ"),
        ("Báo Đắk Lắk", "Đắk Lắk"),
        ("Hà Nội Mới", "Hà Nội"),
        ("Sài Gòn Giải Phóng", "TP Hồ Chí Minh"),
        ("Dân Trí", None),
        ("VnExpress", None),
        ("Tuổi Trẻ", None),
        (None, None),
        ("", None),
    ],
)
def test_home_province(source: str | None, province: str | None) -> None:
    assert home_province(source) == province


def test_names_of_the_time_for_hue() -> None:
    text = "Đoàn công tác đã làm việc với tỉnh Thừa Thiên Huế."
    assert extract_entities("", text, None, datetime(2023, 5, 1)).provinces == ["Thừa Thiên Huế"]
    after = "Đoàn công tác đã làm việc với thành phố Huế."
    assert extract_entities("", after, None, datetime(2025, 8, 1)).provinces == ["Huế"]


def test_former_units_from_the_package_keywords() -> None:
    """Units merged away are still known (the package keeps them as keywords)."""
    gaz = gazetteer()
    assert any(p.province == "thanhphohue" and p.level == "ward" for p in gaz.units["haiduong"])
    assert any(p.province == "tinhnamdinh" and p.level == "district" for p in gaz.units["myloc"])


def test_the_package_parser_is_not_imported() -> None:
    code = (
        "import sys; from indexer.entities import extract_entities;"
        "extract_entities('', 'UBND tỉnh Nam Định họp.');"
        "bad = [m for m in sys.modules if m.startswith(('vietnamadminunits.parser', 'geopy', 'shapely', 'pandas'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def _extract_in_worker(text: str) -> Entities:
    return extract_entities("", text, "Báo Nam Định", None)


def test_works_in_a_process_pool_and_results_pickle() -> None:
    with ProcessPoolExecutor(max_workers=1) as pool:
        got = pool.submit(_extract_in_worker, "Sở Tài chính làm việc với UBND huyện Giao Thủy.").result(timeout=120)
    assert got.agencies == ["Sở Tài chính tỉnh Nam Định", "Ủy ban nhân dân huyện Giao Thủy (Nam Định)"]
    assert pickle.loads(pickle.dumps(got)) == got
