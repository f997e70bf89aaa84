"""Places: kind words, bare names, context, aliases, eras, false friends."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.entities import extract_entities, location_province
from indexer.vietnamese import normalize

D2020 = datetime(2020, 6, 1)


def places(body: str, source: str | None = None, published: datetime | None = D2020):
    ents = extract_entities("", normalize(body), source, published)
    return ents.locations, ents.provinces


def test_commune_named_like_a_province_belongs_to_its_context() -> None:
    locs, provs = places("Bờ biển xã Hải Dương, thị xã Hương Trà, tỉnh Thừa Thiên Huế bị sạt lở.")
    assert "xã Hải Dương, Thừa Thiên Huế" in locs
    assert "Hải Dương" not in locs and provs == ["Thừa Thiên Huế"]


def test_commune_resolved_by_the_outlets_province() -> None:
    locs, provs = places("Bờ biển xã Hải Dương bị sạt lở nặng.", source="Báo Thừa Thiên Huế")
    assert locs == ["xã Hải Dương, Thừa Thiên Huế", "Thừa Thiên Huế"] and provs == ["Thừa Thiên Huế"]


def test_hoang_mai_town_and_district() -> None:
    locs, provs = places("Đoàn đã đến thị xã Hoàng Mai rồi ra quận Hoàng Mai.")
    assert "thị xã Hoàng Mai, Nghệ An" in locs and "quận Hoàng Mai, Hà Nội" in locs
    assert set(provs) == {"Nghệ An", "Hà Nội"}


def test_streets_named_after_people_are_not_places() -> None:
    locs, _ = places("Cửa hàng ở số 5 đường Trần Phú và phố Lý Thường Kiệt, phố Huế, đường Hà Nội.")
    assert locs == []


def test_people_rivers_clubs_and_companies_are_not_places() -> None:
    text = (
        "Anh Trần Hà Nam làm ở Công ty Dệt Nam Định, cổ vũ HA Gia Lai và SHB Đà Nẵng, "
        "câu cá trên sông Sài Gòn, nhìn ra Thái Bình Dương. Chị Long An đi chợ."
    )
    assert places(text) == ([], [])


def test_ho_chi_minh_city_aliases_and_the_person() -> None:
    for written in ("TP.HCM", "TPHCM", "TP HCM", "TP. Hồ Chí Minh", "thành phố Hồ Chí Minh", "Sài Gòn"):
        assert places(f"Giá vàng tại {written} tăng.")[0] == ["TP Hồ Chí Minh"], written
    assert places("Học tập tư tưởng Hồ Chí Minh, lăng Chủ tịch Hồ Chí Minh.") == ([], [])


def test_lower_units_name_their_province_and_add_it() -> None:
    locs, provs = places("Người dân xã Giao Xuân, huyện Giao Thủy đã ra đồng.", source="Báo Nam Định")
    assert locs == ["xã Giao Xuân, Nam Định", "Nam Định", "huyện Giao Thủy, Nam Định"]
    assert provs == ["Nam Định"]
    assert all(location_province(x) in provs for x in locs)


def test_bare_district_counts_only_within_the_articles_provinces() -> None:
    assert places("Giao Thủy là huyện ven biển.", source="Báo Nam Định")[0] == [
        "huyện Giao Thủy, Nam Định", "Nam Định"]
    assert places("Giao Thủy là huyện ven biển.", source="Dân Trí") == ([], [])
    assert "huyện Hàm Thuận Bắc, Bình Thuận" in places("Rừng Đa Mi (Hàm Thuận Bắc, Bình Thuận) đẹp.")[0]


def test_units_listed_after_one_kind_word() -> None:
    locs, _ = places("Các xã Hải Anh, Hải Xuân và Hải Đông của huyện Hải Hậu, tỉnh Nam Định.")
    for name in ("Hải Anh", "Hải Xuân", "Hải Đông"):
        assert f"xã {name}, Nam Định" in locs


def test_numbered_units_need_their_chain() -> None:
    locs, _ = places("Cơ sở ở phường 5, quận 3, TP.HCM bị kiểm tra.")
    assert locs == ["phường 5, TP Hồ Chí Minh", "TP Hồ Chí Minh", "quận 3, TP Hồ Chí Minh"]


def test_spelling_variants_of_provinces() -> None:
    assert places("Cà phê Đắc Lắc và Thừa Thiên - Huế, Bà Rịa - Vũng Tàu.")[1] == [
        "Đắk Lắk", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu"]


def test_gazetteer_spelling_is_used_for_lower_units() -> None:
    locs, _ = places("Lũ quét tại huyện Đakrông, tỉnh Quảng Trị.")
    assert "huyện Đa Krông, Quảng Trị" in locs


def test_post_2025_names_and_former_names_as_written() -> None:
    locs, provs = places("Xã Giao Phúc, tỉnh Ninh Bình và phường Hoàn Kiếm, Hà Nội.", published=datetime(2025, 8, 1))
    assert "xã Giao Phúc, Ninh Bình" in locs and "phường Hoàn Kiếm, Hà Nội" in locs
    old = places("Xã Giao Hải thuộc huyện Giao Thủy, tỉnh Nam Định trước đây.", published=datetime(2025, 8, 1))
    assert "huyện Giao Thủy, Nam Định" in old[0] and old[1] == ["Nam Định"]


def test_bare_hue_is_the_province_only_from_2025() -> None:
    assert places("Du khách đổ về Huế dịp lễ.", published=datetime(2025, 8, 1))[1] == ["Huế"]
    assert places("Du khách đổ về Huế dịp lễ.", published=datetime(2020, 8, 1))[1] == []


def test_outlets_province_when_the_text_speaks_of_the_province() -> None:
    assert places("Toàn tỉnh có 200 xã đạt chuẩn.", source="Báo Nam Định")[1] == ["Nam Định"]
    assert places("Toàn tỉnh có 200 xã đạt chuẩn.", source="Dân Trí")[1] == []
    assert places("Anh ấy đã tỉnh táo trở lại.", source="Báo Nam Định")[1] == []


def test_nfd_and_new_tone_marks_after_normalize() -> None:
    text = unicodedata.normalize("NFD", "Huyện Giao Thuỷ và tỉnh Hoà Bình, Thừa Thiên Huế")
    locs, provs = places(text, source="Báo Nam Định")
    assert "huyện Giao Thủy, Nam Định" in locs and "Hòa Bình" in provs and "Thừa Thiên Huế" in provs


_WORDS = st.sampled_from([
    "xã", "huyện", "tỉnh", "thành phố", "TP", "quận", "phường", "Hải Dương", "Nam Định", "Giao Thủy",
    "Hoàng Mai", "UBND", "Sở", "Bộ", "Công an", "Tài chính", ",", ".", "(", ")", "và", "các", "Hà Nội",
    "Trần Phú", "đường", "Sài Gòn", "TP.HCM", "5", "3", "Huế", "Thừa Thiên", "-", "Viện", "Cục", "Thuế",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.sampled_from([None, "Báo Nam Định", "Dân Trí"]),
       st.sampled_from([None, datetime(2019, 1, 1), datetime(2025, 9, 1)]))
def test_output_invariants_on_word_salad(words: list[str], source: str | None, published: datetime | None) -> None:
    ents = extract_entities("", " ".join(words), source, published)
    for name in ("agencies", "locations", "provinces"):
        values = getattr(ents, name)
        assert len(values) == len(set(values))
    assert set(ents.provinces) <= set(ents.locations)
    for loc in ents.locations:
        assert location_province(loc) in ents.provinces


def test_province_names_in_a_football_report_are_clubs() -> None:
    locs, provs = places("HLV đội khách thất vọng khi các tiền đạo bỏ lỡ cơ hội ghi bàn trước Bình Dương. "
                         "Trung vệ này từng thi đấu cho Hải Phòng, Than Quảng Ninh. Người dân Gia Lai đón đội "
                         "tại Pleiku, còn Sở VHTTDL Thanh Hóa khen thưởng.")
    assert provs == ["Gia Lai", "Thanh Hóa"] and "Bình Dương" not in locs


def test_places_inside_roads_exchanges_and_foreign_addresses() -> None:
    assert places("Ùn tắc trên cao tốc TPHCM - Long Thành - Dầu Giây sáng nay.") == ([], [])
    assert places("Sở Giao dịch Chứng khoán TPHCM đưa cổ phiếu vào diện kiểm soát.") == ([], [])
    assert places("Nữ diễn viên dự sự kiện ở Trịnh Châu (Hà Nam, Trung Quốc).") == ([], [])
    assert places("Các tỉnh Yên Bái, Lào Cai nhận hàng.")[1] == ["Yên Bái", "Lào Cai"]  # Lào Cai is no Laos
    assert places("Hiệu trưởng Trường ĐHDL Hải Phòng đề nghị.")[1] == ["Hải Phòng"]  # a school's province counts


def test_a_listed_unit_of_another_kind_keeps_its_own() -> None:
    locs, _ = places("Sau thị xã Hương Thủy và thành phố Huế, A Lưới là địa phương thứ ba của tỉnh Thừa Thiên Huế.")
    assert "huyện A Lưới, Thừa Thiên Huế" in locs and "thành phố A Lưới, Thừa Thiên Huế" not in locs


def test_an_address_in_a_football_report_is_a_place() -> None:
    locs, _ = places("HLV, cầu thủ và trọng tài dự trận bóng đá lễ hội (Bình Liêu, Quảng Ninh); đội khách thua "
                     "Bình Dương.")
    assert locs == ["huyện Bình Liêu, Quảng Ninh", "Quảng Ninh"]


def test_a_bare_district_inside_an_address_keeps_its_level() -> None:
    # "xã A, B, tỉnh C": B is A's district (no commune B exists there).
    locs, _ = places("Ông A ngụ tại xã Trung An, Mỹ Tho, tỉnh Tiền Giang.")
    assert locs == ["xã Trung An, Tiền Giang", "Tiền Giang", "thành phố Mỹ Tho, Tiền Giang"]


def test_house_numbers_hospitals_and_hometowns() -> None:
    assert places("Các nhà đất gồm 7 Bạch Đằng, 2 Hải Phòng và 37 Pasteur.") == ([], [])
    assert places("Tin từ Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới (Quảng Bình) cho biết.") == (
        ["Quảng Bình"], ["Quảng Bình"])
    assert places("Giáo sư A (quê quán Cẩm Xuyên - Hà Tĩnh) tốt nghiệp năm 1997.")[1] == ["Hà Tĩnh"]
    assert places("Khách ăn tại quán Nam Định trên phố Huế.")[1] == []


def test_time_zones_and_foreign_provinces_are_not_places() -> None:
    assert places("Sự kiện diễn ra lúc 23h đêm qua, giờ Hà Nội.") == ([], [])
    assert places("Sự việc xảy ra tại tỉnh Hà Nam, Trung Quốc.") == ([], [])
    assert places("Rời vùng quê thuộc tỉnh Quảng Nam, Đức Linh khăn gói vào Nam.")[1] == ["Quảng Nam"]  # a person


def test_places_at_either_end_of_a_road() -> None:
    assert places("Ùn tắc trên cao tốc Hà Nội - Bắc Giang sáng nay.") == ([], [])
    assert places("Tuyến đường sắt Cát Linh - Hà Đông (Hà Nội) sắp vận hành.")[1] == ["Hà Nội"]
    assert places("Các tỉnh Bắc Ninh - Bắc Giang nhận hàng.")[1] == ["Bắc Ninh", "Bắc Giang"]


def test_a_foreign_region_after_a_province_and_people_of_a_province() -> None:
    assert places("Một trường ở Tín Dương, tỉnh Hà Nam, miền Trung Trung Quốc, yêu cầu học sinh.") == ([], [])
    assert places("Đoàn công tác tới tỉnh Lào Cai, giáp biên giới Trung Quốc.")[1] == ["Lào Cai"]
    # In a football report, "người Nghệ An" is where a player is from, not a club.
    locs, _ = places("Tiền đạo người Nghệ An ghi bàn, HLV và trọng tài chúc mừng sau trận bóng đá; đội khách thua.")
    assert locs == ["Nghệ An"]


def test_units_an_article_of_its_time_ties_to_a_dissolved_province() -> None:
    text = "Ông A ở huyện Thường Tín, Hà Tây. Xã Tô Hiệu, huyện Thường Tín có 3 người."
    assert places(text, published=None) == (
        ["huyện Thường Tín, Hà Tây", "Hà Tây", "xã Tô Hiệu, Hà Tây"], ["Hà Tây"])
    # No tie, and Hà Nội never named: the rural units are Hà Tây's.
    assert places("Tỉnh Hà Tây vừa họp. Huyện Chương Mỹ có lũ.", published=None)[0] == [
        "Hà Tây", "huyện Chương Mỹ, Hà Tây"]
    # Hà Nội named too: its units stay its own.
    assert places("Hà Nội và Hà Tây họp. Quận Hoàn Kiếm, huyện Đông Anh có lũ.", published=None)[0] == [
        "Hà Nội", "Hà Tây", "quận Hoàn Kiếm, Hà Nội", "huyện Đông Anh, Hà Nội"]
    # After the 2008 merger the unit is Hà Nội's, whatever the article recalls.
    assert places("Huyện Thường Tín, Hà Tây cũ nay thuộc Hà Nội.", published=datetime(2015, 1, 1))[0][0] == \
        "huyện Thường Tín, Hà Nội"


def test_districts_dissolved_before_the_gazetteers_list_are_places_of_their_time() -> None:
    assert places("Dân phường Thảo Điền, quận 2 và quận 9, TP HCM phản đối.", published=None)[0] == [
        "phường Thảo Điền, TP Hồ Chí Minh", "TP Hồ Chí Minh", "quận 2, TP Hồ Chí Minh", "quận 9, TP Hồ Chí Minh"]
    assert places("Ông Tuấn, Phó chủ tịch HĐND huyện Từ Liêm, nhận xét.", published=None) == (
        ["huyện Từ Liêm, Hà Nội", "Hà Nội"], ["Hà Nội"])
    assert places("Dân quận Thủ Đức vui.", published=None)[0] == [
        "quận Thủ Đức, TP Hồ Chí Minh", "TP Hồ Chí Minh"]


def test_culture_and_society_is_no_commune() -> None:
    assert places("Phòng nội chính - văn xã Thanh tra tỉnh Tiền Giang họp.") == (["Tiền Giang"], ["Tiền Giang"])


def test_a_communes_kind_of_the_time_gives_way_to_the_articles_province() -> None:
    # Tân Nghĩa of Bình Thuận was a commune then and is a township in the gazetteer; the other
    # provinces' Tân Nghĩa are communes, but the article is about Bình Thuận.
    got = extract_entities("", normalize("Công an tỉnh Bình Thuận đã làm việc với Công an xã Tân Nghĩa."), "Dân Trí")
    assert got.locations == ["Bình Thuận", "xã Tân Nghĩa, Bình Thuận"]
