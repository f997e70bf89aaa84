"""Agencies: the rules added for text the extractor was not tuned on.

Each sentence is written for the test (none is copied from a labelled
article); each test names the rule of ``docs/entities.md`` it checks.
"""

from __future__ import annotations

from datetime import datetime

from indexer.entities import extract_entities
from indexer.vietnamese import normalize


def agencies(body: str, source: str | None = "Dân Trí", title: str = "", published: datetime | None = None) -> list[str]:
    return extract_entities(normalize(title), normalize(body), source, published).agencies


def test_long_names_keep_their_prepositions_and_lists() -> None:
    assert agencies("Phòng Cảnh sát điều tra tội phạm về trật tự xã hội Công an tỉnh Nghệ An bắt giữ 3 người.") == [
        "Phòng Cảnh sát điều tra tội phạm về trật tự xã hội Công an tỉnh Nghệ An"]
    assert agencies("Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu Công an tỉnh Hà Tĩnh cho biết.") == [
        "Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu Công an tỉnh Hà Tĩnh"]
    assert agencies("Phòng Cảnh sát QLHC về TTXH Công an tỉnh Nam Định ra quân.") == [
        "Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh Nam Định"]


def test_unit_fields_written_in_lower_case_are_capitalised() -> None:
    assert agencies("Đội cảnh sát điều tra tội phạm về ma túy Công an TP Hải Dương phát hiện 4 người.") == [
        "Đội Cảnh sát điều tra tội phạm về ma túy Công an thành phố Hải Dương (Hải Dương)"]
    assert agencies("Trung tâm y tế huyện Bảo Thắng (Lào Cai) điều tra.") == ["Trung tâm Y tế huyện Bảo Thắng (Lào Cai)"]


def test_border_posts_and_force_units() -> None:
    got = agencies("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lào Cai, Đồn biên phòng Bản Lầu, Đội cơ động biên phòng Bản Lầu "
                   "và Đồn Biên Phòng cửa khẩu quốc tế Lào Cai được tiêm.")
    assert got == ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lào Cai", "Đồn Biên phòng Bản Lầu",
                   "Đội Cơ động biên phòng Bản Lầu", "Đồn Biên phòng cửa khẩu quốc tế Lào Cai"]  # Lào Cai is no Laos
    assert agencies("Bộ Tư lệnh Quân khu 4 và Vùng Cảnh sát biển 1 hỗ trợ.") == [
        "Bộ Tư lệnh Quân khu 4", "Vùng Cảnh sát biển 1"]


def test_national_assembly_bodies_and_bodies_of_the_past() -> None:
    assert agencies("Chủ nhiệm Ủy ban Pháp luật của QH thẩm tra; theo Ban Dân nguyện, nhiều lời hứa chưa thực hiện.") == [
        "Ủy ban Pháp luật của Quốc hội", "Ban Dân nguyện"]
    assert agencies("Bộ trưởng, Chủ nhiệm Ủy ban TDTT chỉ đạo Sở TDTT Nam Định.") == [
        "Ủy ban Thể dục thể thao", "Sở Thể dục thể thao tỉnh Nam Định"]
    assert agencies("Ủy ban Trung ương MTTQ VN và Hội Nông dân VN, Tổng LĐLĐ VN dự.") == [
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Hội Nông dân Việt Nam", "Tổng Liên đoàn Lao động Việt Nam"]


def test_parent_after_a_comma_joins_when_it_ranks_higher() -> None:
    assert agencies("Cục Hồ sơ nghiệp vụ, Tổng cục Cảnh sát (Bộ Công an) vừa phát hiện.") == [
        "Cục Hồ sơ nghiệp vụ Tổng cục Cảnh sát", "Bộ Công an"]
    # Peers listed, and a head without a name of its own, stay apart.
    assert agencies("Bộ Y tế, Bộ Tài chính họp. Báo cáo Ban chỉ đạo, Bộ Y tế cho biết.") == ["Bộ Y tế", "Bộ Tài chính"]


def test_a_sub_unit_named_with_its_parent_is_listed_once() -> None:
    text = ("Tổng cục Tiêu chuẩn Đo lường Chất lượng (TĐC) - Bộ KH&CN cho biết. Ông Vinh, Tổng cục trưởng "
            "Tổng cục Tiêu chuẩn Đo lường Chất lượng, nói. Người đứng đầu Tổng cục TĐC nhấn mạnh.")
    assert agencies(text) == ["Tổng cục Tiêu chuẩn Đo lường Chất lượng Bộ Khoa học và Công nghệ"]


def test_fields_listed_after_one_head() -> None:
    assert agencies("Thủ tướng yêu cầu các Bộ Giao thông vận tải, Tài chính, Kế hoạch và Đầu tư bàn bạc.") == [
        "Bộ Giao thông vận tải", "Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"]
    assert agencies("Các Sở Y tế cần chuẩn bị vắc xin.") == []  # every province's: generic


def test_fields_take_their_official_spelling() -> None:
    assert agencies("Sở Du lịch Kiên Giang, Sở Văn hóa Thể thao tổ chức hội thảo.", "Báo Kiên Giang") == [
        "Sở Du lịch tỉnh Kiên Giang", "Sở Văn hóa và Thể thao tỉnh Kiên Giang"]


def test_venues_credits_and_ideas_are_not_bodies() -> None:
    assert agencies("Lễ trao giải tổ chức tại Hội trường Bộ Quốc phòng, quận Ba Đình, TP. Hà Nội.") == []
    assert agencies("Phóng viên được tiêm vắc xin. (Ảnh: Sở Y tế Lào Cai)") == []
    assert agencies("Các giải pháp cho Chính phủ số và Chính phủ điện tử được trao giải.") == []


def test_foreign_bodies_without_a_country_word() -> None:
    assert agencies("Mẫu được gửi tới phòng thí nghiệm tham chiếu tại Viện Pasteur Senegal.") == []
    text = ("Bộ trưởng Tư pháp Philippines R. Gonzalez cho biết Manila sẽ điều tra. Kết quả sẽ được trình lên "
            "Bộ Tư pháp. Philippines đã mời chuyên gia Mỹ hỗ trợ.")
    assert agencies(text) == []
    # A person called Anh is no England: the article's own ministry stays.
    assert agencies("Đại biểu Nguyễn Hoàng Anh chất vấn Bộ GDĐT. Đại biểu Trần Việt Anh đồng tình.") == [
        "Bộ Giáo dục và Đào tạo"]


def test_private_centres_named_like_state_ones() -> None:
    assert agencies("Sự kiện diễn ra tại Trung tâm Đào tạo nhân lực chất lượng cao HUTECH (TP. Thủ Đức).") == []
    assert agencies("Viện Đào tạo Quốc tế HUTECH - Trường ĐH Công nghệ TP.HCM tuyển sinh.") == []


def test_short_courts_and_procuracies_are_the_peoples() -> None:
    assert agencies("Viện Kiểm sát Hà Nội truy tố; Tòa án TP.HCM xét xử; Tòa án quân sự Quân khu 7 cũng xử.") == [
        "Viện kiểm sát nhân dân thành phố Hà Nội", "Tòa án nhân dân thành phố Hồ Chí Minh", "Quân khu 7"]


def test_a_bare_body_is_the_one_the_article_introduced_with_its_place() -> None:
    text = ("Một lãnh đạo Sở Y tế TP Hải Phòng xác nhận 4 người đi cùng chuyến bay. Trước đó đã có 11 người "
            "(Hà Nam 7, Hưng Yên 2 và Hà Nội 1) lây nhiễm. Ngay khi phát hiện, Sở Y tế đã cho lấy mẫu.")
    assert agencies(text) == ["Sở Y tế thành phố Hải Phòng"]


def test_a_bare_district_centre_belongs_to_the_district_just_named() -> None:
    text = "UBND TP Vũng Tàu giao Giám đốc Trung tâm Y tế phối hợp với lãnh đạo Thành đoàn Vũng Tàu."
    assert agencies(text) == ["Ủy ban nhân dân thành phố Vũng Tàu (Bà Rịa - Vũng Tàu)",
                              "Trung tâm Y tế thành phố Vũng Tàu (Bà Rịa - Vũng Tàu)",
                              "Thành đoàn Vũng Tàu (Bà Rịa - Vũng Tàu)"]
    assert agencies("Giám đốc Trung tâm Y tế gọi gia đình lên làm việc.") == []  # no district named


def test_a_bare_district_written_after_a_body_is_its_place() -> None:
    assert agencies("Ngay sau đó, Trung tâm Y tế Đông Anh (Hà Nội) đã lấy mẫu.") == [
        "Trung tâm Y tế huyện Đông Anh (Hà Nội)"]
    assert agencies("Ủy ban Kiểm tra Thị ủy Điện Bàn (Quảng Nam) sẽ làm rõ.") == [
        "Ủy ban Kiểm tra Thị ủy Điện Bàn (Quảng Nam)"]


def test_a_title_is_not_part_of_a_name_and_names_end_before_people() -> None:
    assert agencies("Bà Sen, Vụ Trưởng Vụ Truyền thông Ngân hàng Nhà nước cho rằng.") == [
        "Vụ Truyền thông Ngân hàng Nhà nước Việt Nam"]  # the parent under its display name
    assert agencies("Tân Phó Trưởng Ban Tuyên giáo Trung ương Phùng Xuân Nhạ phát biểu.") == ["Ban Tuyên giáo Trung ương"]


def test_most_written_form_is_the_display() -> None:
    text = ("Trạm trưởng thuộc Đồn biên phòng Cửa khẩu quốc tế Hà Tiên cho biết. Đồn Biên phòng cửa khẩu quốc tế "
            "Hà Tiên tuần tra. Chiến sĩ Đồn Biên phòng cửa khẩu quốc tế Hà Tiên chốt chặn.")
    assert agencies(text) == ["Đồn Biên phòng cửa khẩu quốc tế Hà Tiên"]


def test_boards_of_a_party_committee() -> None:
    assert agencies("Ban thường vụ Thành ủy Cần Thơ họp; Trưởng Ban dân vận Thành ủy Cần Thơ phát biểu.") == [
        "Ban Thường vụ Thành ủy Cần Thơ", "Ban Dân vận Thành ủy Cần Thơ"]
    assert agencies("Ban Tổ chức Trung ương và Ban cán sự đảng Bộ Y tế thống nhất.") == [
        "Ban Tổ chức Trung ương", "Ban cán sự đảng Bộ Y tế"]
    assert agencies("Ban Tổ chức giải chạy cho biết.") == []  # an event's organisers


def test_party_committee_of_a_numbered_district_keeps_its_kind() -> None:
    assert agencies("Bí thư Quận ủy Quận 3 dự lễ.", published=datetime(2020, 5, 1)) == [
        "Quận ủy quận 3 (TP Hồ Chí Minh)"]


def test_unit_names_take_their_official_spelling() -> None:
    assert agencies("Phòng Giáo dục đào tạo huyện Krông Pắc (Đắk Lắk) và Phòng Cảnh sát Kinh tế Công an tỉnh "
                    "Đắk Lắk kiểm tra.") == ["Phòng Giáo dục và Đào tạo huyện Krông Pắc (Đắk Lắk)",
                                             "Phòng Cảnh sát kinh tế Công an tỉnh Đắk Lắk"]
    assert agencies("Giám đốc Sở Tài chính-Vật giá tỉnh Long An nói.") == ["Sở Tài chính - Vật giá tỉnh Long An"]
    assert agencies("Tổng cục Thuế vừa công bố.") == ["Tổng cục Thuế"]


def test_a_short_form_in_brackets_is_not_a_second_body() -> None:
    assert agencies("Thanh tra Sở Y tế Bình Định (Sở YT) làm việc với Công an tỉnh Bình Định.") == [
        "Thanh tra Sở Y tế tỉnh Bình Định", "Công an tỉnh Bình Định"]


def test_ministries_of_a_joint_act_in_lower_case() -> None:
    assert agencies("Thông tư do liên bộ Tài chính, Y tế cùng Nội vụ ban hành.") == [
        "Bộ Tài chính", "Bộ Y tế", "Bộ Nội vụ"]


def test_a_bare_unit_keeps_the_kind_the_article_writes() -> None:
    got = extract_entities("", normalize("Cửa hàng ở quận Thủ Đức. Hồ sơ gửi Công an Thủ Đức, TP HCM."), "Tuổi Trẻ",
                           None)
    assert got.agencies == ["Công an quận Thủ Đức (TP Hồ Chí Minh)"]
    assert "thành phố Thủ Đức, TP Hồ Chí Minh" not in got.locations
    assert "Bình Phước" not in extract_entities("", normalize("Nhà ở Hiệp Bình Phước, quận Thủ Đức."), "Tuổi Trẻ",
                                                None).provinces  # a ward of TP HCM


def test_party_and_military_bodies_of_the_centre() -> None:
    assert agencies("Quân ủy Trung ương, Đảng ủy Khối Doanh nghiệp Trung ương và Bộ Tư lệnh Cảnh sát cơ động "
                    "cùng dự.") == ["Quân ủy Trung ương", "Đảng ủy Khối Doanh nghiệp Trung ương",
                                    "Bộ Tư lệnh Cảnh sát cơ động"]
    assert agencies("Bí thư Đảng ủy Quân sự tỉnh Cà Mau phát biểu.") == ["Đảng ủy Quân sự tỉnh Cà Mau"]
    assert agencies("Trung tâm Dự báo KTTV Trung ương và Cảnh sát PCCC TP Hà Nội cảnh báo.") == [
        "Trung tâm Dự báo khí tượng thủy văn Trung ương", "Cảnh sát Phòng cháy, chữa cháy thành phố Hà Nội"]


def test_central_committees_of_the_party_and_the_youth_union() -> None:
    # A committee of the centre is one body with its organisation, not two
    # (and "Đảng" after it is no foreign country).
    assert agencies("Tổng Bí thư Ban chấp hành Trung ương Đảng cộng sản Việt Nam-Bí thư Quân ủy Trung ương dự lễ.") == [
        "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", "Quân ủy Trung ương"]
    assert agencies("Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh phát động phong trào.") == [
        "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]
    assert agencies("Ban Chấp hành Trung ương Đảng họp phiên bế mạc.") == [
        "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"]


def test_a_short_name_shows_its_full_display_name() -> None:
    assert agencies("Thống đốc Ngân hàng Nhà nước cho biết lãi suất sẽ giữ nguyên.") == ["Ngân hàng Nhà nước Việt Nam"]


def test_a_ministrys_unit_joined_by_cua_is_one_name() -> None:
    assert agencies("Cục An toàn thông tin của Bộ TT&TT khuyến cáo người dùng.") == [
        "Cục An toàn thông tin Bộ Thông tin và Truyền thông"]
    assert agencies("Ủy ban Pháp luật của Quốc hội thẩm tra dự án.") == ["Ủy ban Pháp luật của Quốc hội"]


def test_heads_inside_a_school_or_a_product_are_no_body() -> None:
    assert agencies("Khách mời gồm Đại học Ngôn ngữ, Đại học Bộ nội vụ và Học viện An ninh.") == []
    assert agencies("Dự án dùng vốn trái phiếu Chính phủ.") == []
    assert agencies("Chính phủ phát hành thêm trái phiếu.") == ["Chính phủ"]


def test_a_foreign_articles_bodies_belong_to_that_country() -> None:
    # No Vietnamese place, no "Việt Nam", two foreign countries: the
    # centre in the sentence that names the first one is that country's.
    body = ("Theo Trung tâm Kiểm soát và Phòng ngừa Dịch bệnh, chỉ riêng tại Hoa Kỳ có hơn 1 tỷ ca cảm lạnh mỗi năm. "
            "Các nhà khoa học ở Anh cũng ghi nhận điều tương tự.")
    assert agencies(body) == []
    body = ("Giáo sư, người đứng đầu Trung tâm Nghiên cứu Hố sụt tại Đại học Kỹ thuật Konya, giải thích hiện tượng ở "
            "Thổ Nhĩ Kỳ. Các hố tương tự từng xuất hiện ở Mỹ.")
    assert agencies(body) == []


def test_official_spelling_that_depends_on_the_head() -> None:
    assert agencies("Ban Chỉ đạo Phòng chống dịch Covid-19 tỉnh Quảng Trị họp khẩn.") == [
        "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh Quảng Trị"]
    assert agencies("Ban Chỉ huy phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh Hà Tĩnh trực ban.") == [
        "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Hà Tĩnh"]
    assert agencies("Phòng Văn hóa Thông tin TP Tam Kỳ (Quảng Nam) tổ chức lễ hội.") == [
        "Phòng Văn hóa và Thông tin thành phố Tam Kỳ (Quảng Nam)"]
    assert agencies("Sở Văn hóa Thông tin tỉnh Khánh Hòa cấp phép.") == ["Sở Văn hóa - Thông tin tỉnh Khánh Hòa"]


def test_a_police_unit_named_with_its_place_is_that_of_its_police() -> None:
    assert agencies("Cơ quan Cảnh sát điều tra Tiền Giang khởi tố vụ án.") == [
        "Cơ quan Cảnh sát điều tra Công an tỉnh Tiền Giang"]
    assert agencies("Phòng CSGT tỉnh Nam Định lập chốt.") == ["Phòng Cảnh sát giao thông Công an tỉnh Nam Định"]


def test_numbered_centres_venues_and_company_units() -> None:
    assert agencies("Giám đốc Trung tâm HLTTQG I Nhổn, ông Đặng Văn A, đón đoàn.") == [
        "Trung tâm Huấn luyện Thể thao Quốc gia I"]
    assert agencies("Đội tuyển tập trung ở Trung tâm HLTTQG I (Nhổn) từ tối qua.") == []  # only a venue
    assert agencies("Ứng dụng do Trung tâm Không gian mạng Viettel phát triển.") == []  # a company's unit


def test_lower_case_heads_named_by_their_place_or_after_a_title() -> None:
    assert agencies("Ông A, Trưởng công an quận Bình Thạnh cho biết.") == ["Công an quận Bình Thạnh (TP Hồ Chí Minh)"]
    assert agencies("Theo công an tỉnh Hà Tĩnh, vụ việc đang được điều tra.") == ["Công an tỉnh Hà Tĩnh"]
    assert agencies("Bà B, trưởng phòng Kinh tế thị xã Vĩnh Châu cho biết.") == ["Phòng Kinh tế thị xã Vĩnh Châu (Sóc Trăng)"]
    assert agencies("Tháng 12, cơ quan CSĐT Công an huyện Vĩnh Thuận (Kiên Giang) khởi tố vụ án.") == [
        "Cơ quan Cảnh sát điều tra Công an huyện Vĩnh Thuận (Kiên Giang)"]
    assert agencies("Lực lượng công an huyện đã có mặt; cơ quan chức năng huyện Vĩnh Thuận vào cuộc.") == []
    assert agencies("Ông C, trưởng phòng Phòng Cảnh sát kinh tế Công an tỉnh Phú Yên, cho biết.") == [
        "Phòng Cảnh sát kinh tế Công an tỉnh Phú Yên"]
    assert agencies("Bắt 2 trưởng phòng Bưu điện tỉnh Nghệ An.") == []  # a company's departments


def test_boards_branches_and_offices_known_by_their_parent() -> None:
    assert agencies("Ban cán sự của Bộ GTVT sẽ họp để đề xuất hình thức kỷ luật.") == ["Ban cán sự Bộ Giao thông vận tải"]
    assert agencies("Trưởng Ban Dân nguyện của QH cho biết cử tri đã gọi tới Ban Dân nguyện.") == [
        "Ban Dân nguyện của Quốc hội"]
    assert agencies("Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Ninh Bình khẳng định.") == [
        "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Ninh Bình"]
    assert agencies("Ông D, Trưởng phòng Phòng Thanh tra hành chính (Thanh tra Bộ Tư pháp) làm trưởng đoàn.") == [
        "Phòng Thanh tra hành chính Thanh tra Bộ Tư pháp", "Thanh tra Bộ Tư pháp"]
    assert agencies("Viện Nghiên cứu và Phát triển vùng (Bộ KH và CN) cho biết.") == [
        "Viện Nghiên cứu và Phát triển vùng", "Bộ Khoa học và Công nghệ"]  # an institute stands alone
    assert agencies("Tối 30/4, Trung tâm Kiểm soát Bệnh tật TPHCM (HCDC) thông tin.") == [
        "Trung tâm Kiểm soát bệnh tật thành phố Hồ Chí Minh"]
    assert agencies("Ban Quản lý dự án di dân tái định cư thủy điện Sơn La họp.") == [
        "Ban Quản lý dự án di dân tái định cư thủy điện Sơn La"]  # the plant's name, not the body's place


def test_foreign_owners_and_venues_by_movement() -> None:
    assert agencies("Trung tâm Nghiên cứu Vật thể gần Trái đất của NASA đang theo dõi.") == []
    assert agencies("Trung tâm Nghiên cứu Nông nghiệp Thụy Sỹ công bố kết quả.") == []
    assert agencies("HLV đội U22 cũng xuống Trung tâm HLTTQG I (Nhổn) xem tập.") == []


def test_list_items_abbreviations_and_official_capitals() -> None:
    # A comma in a list is no owner: "Trung tâm ..., Bệnh viện ..." are two items.
    assert agencies("Các đơn vị gồm: Viện Pasteur, Viện Y tế Công cộng, Trung tâm Y tế dự phòng Quân đội phía Nam, "
                    "Bệnh viện Chợ Rẫy.") == [
        "Viện Pasteur", "Viện Y tế công cộng", "Trung tâm Y tế dự phòng Quân đội phía Nam"]
    assert agencies("Viện Báo chí, Học viện Báo chí và Tuyên truyền tổ chức hội thảo.") == []  # a school's
    assert agencies("Sở XD tỉnh Nghệ An và Phòng TC-KH huyện Đông Anh phối hợp.") == [
        "Sở Xây dựng tỉnh Nghệ An", "Phòng Tài chính - Kế hoạch huyện Đông Anh (Hà Nội)"]
    assert agencies("Trung tâm Nghiên cứu ong trung ương công bố.") == ["Trung tâm Nghiên cứu ong Trung ương"]
    assert agencies("Ông A, Ủy viên BCH Trung ương Đảng, Bí thư Thành ủy Cần Thơ.") == [
        "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", "Thành ủy Cần Thơ"]
    assert agencies("Ban Quản lý dự án Đường sắt (QLDA) - Bộ GTVT đã bàn giao.") == [
        "Ban Quản lý dự án Đường sắt Bộ Giao thông vận tải"]  # a known short form in brackets restates the name


def test_bare_bodies_twins_and_regional_units() -> None:
    assert agencies("Theo Cục Đăng kiểm Việt Nam, xe cũ đã bị loại bỏ. Theo Cục Đăng kiểm, vẫn còn xe vi phạm.") == [
        "Cục Đăng kiểm Việt Nam"]
    body = "Sở Y tế TP HCM có 8 đơn vị: Trung tâm Kiểm soát Bệnh tật, Chi cục Thú y vùng VI và các bệnh viện."
    assert agencies(body) == ["Sở Y tế thành phố Hồ Chí Minh", "Trung tâm Kiểm soát bệnh tật thành phố Hồ Chí Minh",
                              "Chi cục Thú y vùng VI"]
    assert agencies("Cán bộ Đồn Biên phòng Nhâm và Đồn Biên phòng Cửa khẩu Hồng Vân tuần tra.") == [
        "Đồn Biên phòng Nhâm", "Đồn Biên phòng cửa khẩu Hồng Vân"]
    assert agencies("Bộ GTVT và Ban Quản lý dự án Đường sắt đã làm việc với tổng thầu.") == [
        "Bộ Giao thông vận tải", "Ban Quản lý dự án Đường sắt"]
    assert agencies("Ban Quản lý dự án cho biết sẽ bàn giao.") == []  # no proper name: generic
    assert agencies("Khu vực do Trung tâm Công viên cây xanh Huế quản lý sẽ được chỉnh trang.") == [
        "Trung tâm Công viên cây xanh Huế"]


def test_foreign_offices_and_owners() -> None:
    assert agencies("Chuyên gia kinh tế trưởng Sở Tài chính John Hancock nhận xét.") == []
    assert agencies("Sở Giáo dục Saitama cho biết.") == []
    assert agencies("Bộ Tư lệnh quân khu miền Đông thuộc quân đội Trung Quốc đã điều máy bay.") == []


def test_lower_case_departments_offices_and_national_councils() -> None:
    assert agencies("Chủ tịch UBND TP HCM yêu cầu các sở Giao thông công chính và Kế hoạch và Đầu tư báo cáo.") == [
        "Ủy ban nhân dân thành phố Hồ Chí Minh", "Sở Giao thông công chính thành phố Hồ Chí Minh",
        "Sở Kế hoạch và Đầu tư thành phố Hồ Chí Minh"]
    assert agencies("Cuộc họp giữa Bộ trưởng và các giám đốc sở GDĐT diễn ra chiều nay.") == []  # no single body
    assert agencies("Trường báo cáo để sở thông tin chính thức tới báo chí.") == []  # a verb
    assert agencies("Chánh văn phòng Cơ quan CSĐT Công an TP Cần Thơ cho biết.") == [
        "Văn phòng Cơ quan Cảnh sát điều tra Công an thành phố Cần Thơ"]
    assert agencies("Danh sách do Hội đồng bầu cử quốc gia công bố; thành viên UB Thường vụ Quốc hội dự họp.") == [
        "Hội đồng Bầu cử quốc gia", "Ủy ban Thường vụ Quốc hội"]
    assert agencies("Phó giám đốc Sở Tài nguyên Môi trường và Nhà đất Hà Nội cho biết.") == [
        "Sở Tài nguyên Môi trường và Nhà đất thành phố Hà Nội"]
    assert agencies("Ban Quản lý khu kinh tế tỉnh Hà Tĩnh cấp phép.") == ["Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh"]
    assert agencies("Ông H, Giám đốc Trung tâm SME Gia Định Ngân hàng VP Bank cho biết.") == []  # a bank's
    assert agencies("Trung tâm Văn hóa, Thể thao và Truyền thanh TP Phú Quốc (Kiên Giang) tổ chức lễ hội.") == [
        "Trung tâm Văn hóa, Thể thao và Truyền thanh thành phố Phú Quốc (Kiên Giang)"]


def test_broadcasters_credits_delegations_and_numbered_teams() -> None:
    assert agencies("VTV truyền trực tiếp trận đấu; đội tham dự Cup VTV.") == ["Đài Truyền hình Việt Nam"]
    assert agencies("Bài viết về dịch bệnh.\nTheo Vân Thiêng - Đặng Thùy\nVOV") == []  # a credit line
    assert agencies("Đoàn đại biểu Quốc hội TP HCM đã đề nghị.") == ["Đoàn đại biểu Quốc hội thành phố Hồ Chí Minh"]
    assert agencies("Đội QLTT số 8, Cục QLTT Quảng Ninh kiểm tra xe tải.") == [
        "Đội Quản lý thị trường số 8 Cục Quản lý thị trường tỉnh Quảng Ninh"]
    assert agencies("Ông A, Trưởng Ban Quản lý y tế học đường và Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh "
                    "Nghệ An.") == ["Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh Nghệ An"]


def test_a_provincial_force_written_bare_in_an_article_on_one_province() -> None:
    assert agencies("Tỉnh Sóc Trăng tiêm vắc xin cho Bộ đội Biên phòng.") == ["Bộ đội Biên phòng tỉnh Sóc Trăng"]
    assert agencies("Lực lượng Bộ đội Biên phòng cả nước tăng cường tuần tra.") == []
    assert agencies("Kho bạc Nhà nước phát hành trái phiếu; TP HCM đấu thầu.") == []  # the national treasury


def test_fields_listed_in_lower_case_inside_a_name() -> None:
    assert agencies("Viện Nghiên cứu xã hội, kinh tế và môi trường (ISEE) cho biết.") == [
        "Viện Nghiên cứu xã hội, kinh tế và môi trường"]
    assert agencies("Trung tâm Y tế, bệnh viện và trạm y tế cùng tham gia.") == []  # a list, not one name
    assert agencies("Viện trưởng Viện Khoa học quản trị doanh nghiệp và kinh tế số Việt Nam phát biểu.") == [
        "Viện Khoa học quản trị doanh nghiệp và kinh tế số Việt Nam"]


def test_ministries_listed_after_cac_bo_and_official_forms() -> None:
    assert agencies("Thủ tướng yêu cầu các Bộ Ngoại giao, Công an, Y tế, Quốc phòng phối hợp.") == [
        "Bộ Ngoại giao", "Bộ Công an", "Bộ Y tế", "Bộ Quốc phòng"]
    assert agencies("Bộ Y tế, Công an tỉnh Nghệ An phối hợp.") == ["Bộ Y tế", "Công an tỉnh Nghệ An"]
    assert agencies("Ủy ban Quản lý vốn Nhà nước tại doanh nghiệp cho biết.") == [
        "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"]
    assert agencies("Cục Quản lý Khám, chữa bệnh, Bộ Y tế cho biết.") == ["Cục Quản lý Khám chữa bệnh Bộ Y tế"]
    assert agencies("Đội Cảnh sát phòng chống ma túy Công an quận Hoàn Kiếm bắt giữ.") == [
        "Đội Cảnh sát phòng, chống ma túy Công an quận Hoàn Kiếm (Hà Nội)"]
    assert agencies("Huyện đảo Lý Sơn (Quảng Ngãi). Ban Quản lý Công viên địa chất Lý Sơn - Sa Huỳnh cho biết.") == [
        "Ban Quản lý Công viên địa chất Lý Sơn"]  # the park's name, not the body's place


def test_products_universities_and_foreign_names_inside() -> None:
    assert agencies("Quỹ đầu tư 25% vào trái phiếu của Chính phủ.") == []
    assert agencies("Trung tâm Hỗ trợ sinh viên - ĐHQGHN tổ chức ngày hội.") == []  # a university's
    assert agencies("Đài Truyền thanh Frederick và Ký túc xá sinh viên.") == []


def test_lower_case_names_closed_by_a_place_a_parent_or_a_national_scope() -> None:
    assert agencies("Giám đốc Trung tâm tin học Tổng cục Thuế cho biết.") == ["Trung tâm Tin học Tổng cục Thuế"]
    assert agencies("Theo Trung tâm dự báo khí tượng thủy văn Quốc gia, trời sẽ mưa.") == [
        "Trung tâm Dự báo khí tượng thủy văn Quốc gia"]
    assert agencies("Cán bộ Trung tâm cai nghiện tỉnh Bình Phước bị kỷ luật.") == [
        "Trung tâm Cai nghiện tỉnh Bình Phước"]
    assert agencies("Trung tâm thương mại An Đông khai trương.") == []  # a shopping mall
    assert agencies("Khám chữa bệnh được kết nối với Trung tâm quốc gia.") == []  # which one is unsaid
    assert agencies("Đầu bếp của Trung tâm dạy nấu ăn Việt Nam hướng dẫn.") == []  # a private school


def test_a_departments_inspectorate_in_lower_case() -> None:
    assert agencies("Hiện thanh tra Sở GTVT tỉnh Quảng Nam đang kiểm tra.") == [
        "Thanh tra Sở Giao thông vận tải tỉnh Quảng Nam"]
    assert agencies("Đoàn thanh tra Bộ Y tế làm việc với bệnh viện.") == ["Bộ Y tế"]  # an inspection team


def test_a_persons_home_province_binds_no_body() -> None:
    text = ("Tài xế Lê Văn A (sinh năm 1980, quê Đắk Lắk) bị Phòng CSGT Công an tỉnh tạm giữ. "
            "Tổ tuần tra Phòng CSGT Công an tỉnh Bà Rịa - Vũng Tàu phát hiện xe.")
    assert agencies(text) == ["Phòng Cảnh sát giao thông Công an tỉnh Bà Rịa - Vũng Tàu"]


def test_taiwanese_and_chinese_provinces_are_foreign() -> None:
    assert agencies("Tòa án Đài Nam căn cứ hợp đồng lao động.") == []
    assert agencies("Cục An toàn Hàng hải Quảng Đông cho biết tàu bị chìm.") == []


def test_a_ministrys_department_in_lower_case_and_the_investigators_of_a_police() -> None:
    assert agencies("Hạt giống được kiểm tra tại Cục bảo vệ thực vật, rồi gửi đi.") == ["Cục Bảo vệ thực vật"]
    assert agencies("Cục nóng điều hòa đặt ngoài trời.") == []  # a sentence's first word says nothing
    assert agencies("Ngày 15-12, Cơ quan Điều tra Công an quận 1 – TPHCM đã hoàn tất hồ sơ.") == [
        "Cơ quan Điều tra Công an quận 1 (TP Hồ Chí Minh)"]
    assert agencies("Cơ quan điều tra đã khởi tố vụ án.") == []
    assert agencies("Phòng Cảnh sát Phòng cháy, chữa cháy và Cứu nạn cứu hộ Công an TP HCM cho biết.") == [
        "Phòng Cảnh sát Phòng cháy, chữa cháy và Cứu nạn, cứu hộ Công an thành phố Hồ Chí Minh"]


def test_sub_committees_and_the_budget_committee() -> None:
    assert agencies("Theo báo cáo của Tiểu ban Điều trị Ban chỉ đạo Quốc gia phòng, chống dịch Covid-19:") == [
        "Tiểu ban Điều trị Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19"]
    assert agencies("Ông A, Ủy viên UB Tài chính - Ngân sách của Quốc hội.") == [
        "Ủy ban Tài chính, Ngân sách của Quốc hội"]


def test_a_kind_word_before_a_persons_name_is_bound() -> None:
    assert agencies("Sáng nay, TP HCM họp. Phó Chủ tịch UBND thành phố Võ Văn Hoan nhấn mạnh.") == [
        "Ủy ban nhân dân thành phố Hồ Chí Minh"]


def test_a_name_ends_after_quoc_gia_but_for_its_field() -> None:
    assert agencies("Bộ Y tế - Cơ quan thường trực Ban Chỉ đạo Quốc gia điện và đề nghị.") == [
        "Bộ Y tế", "Ban Chỉ đạo Quốc gia"]
    assert agencies("Công văn của Ban Chỉ đạo Quốc gia và Quyết định số 936 của UBND tỉnh Hải Dương.") == [
        "Ban Chỉ đạo Quốc gia", "Ủy ban nhân dân tỉnh Hải Dương"]
    assert agencies("Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19 họp.") == [
        "Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19"]
    assert agencies("Đội U20 quốc gia tập trung.") == []  # a team


def test_bodies_listed_before_a_department_share_its_place() -> None:
    assert agencies("Ngày 20/4, Bộ Chỉ huy Quân sự và Sở Y tế tỉnh Hòa Bình trao giấy chứng nhận.") == [
        "Bộ Chỉ huy Quân sự tỉnh Hòa Bình", "Sở Y tế tỉnh Hòa Bình"]


def test_places_bound_or_written_inside_a_name() -> None:
    assert agencies("Tỉnh Hà Nam yêu cầu. Ban quản lý khu công nghiệp tỉnh rà soát lao động.") == [
        "Ban Quản lý Khu công nghiệp tỉnh Hà Nam"]
    assert agencies("Viện Pasteur TP HCM cho biết.") == ["Viện Pasteur Thành phố Hồ Chí Minh"]
    assert agencies("Đang có gia cầm chết. Chi cục thú y Hà Nội đã lấy mẫu.") == ["Chi cục Thú y thành phố Hà Nội"]
    assert extract_entities("", "Sinh viên Đại học Y Hà Nội tình nguyện.", "Dân Trí").locations == []


def test_the_police_as_an_agency_and_the_hcm_disease_centre() -> None:
    assert agencies("Cơ quan Công an TP HCM đã bắt giữ.") == ["Công an thành phố Hồ Chí Minh"]
    assert agencies("Theo HCDC, TP HCM ghi nhận 3 ca.") == ["Trung tâm Kiểm soát bệnh tật thành phố Hồ Chí Minh"]


def test_a_steering_board_written_bare_is_the_nearest_districts_or_the_provinces() -> None:
    assert agencies("Sáng 5/5, huyện Đông Anh (Hà Nội) họp. Ban Chỉ đạo phòng chống dịch đã triệu tập họp.") == [
        "Ban Chỉ đạo phòng, chống dịch huyện Đông Anh (Hà Nội)"]
    assert agencies("Tỉnh Kiên Giang khẩn trương. Ban Chỉ đạo phòng, chống dịch khảo sát.") == [
        "Ban Chỉ đạo phòng, chống dịch tỉnh Kiên Giang"]
    assert agencies("Hà Nội yêu cầu Ban Chỉ đạo phòng, chống dịch các cấp củng cố.") == []
    assert agencies("ĐH Quốc gia Hà Nội yêu cầu Ban Chỉ đạo phòng, chống dịch Covid-19 của các đơn vị kiểm tra.") == []


def test_a_trials_bare_procuracy_is_that_of_its_court() -> None:
    assert agencies("Sáng nay, TAND TP HCM mở phiên xử. Theo cáo trạng của VKS, bị cáo đã lừa đảo.") == [
        "Tòa án nhân dân thành phố Hồ Chí Minh", "Viện kiểm sát nhân dân thành phố Hồ Chí Minh"]
    assert agencies("VKS quận Gò Vấp thụ lý. Tòa án Nhân dân TPHCM xử. VKS đã đề nghị.") == [
        "Viện kiểm sát nhân dân quận Gò Vấp (TP Hồ Chí Minh)", "Tòa án nhân dân thành phố Hồ Chí Minh"]
    assert agencies("Theo VKS, vụ án phức tạp.") == []


def test_police_handing_a_case_over_give_the_bare_procuracy_their_place() -> None:
    assert agencies("Công an Lào Cai đã đề nghị VKS truy tố Tiến.") == [
        "Công an tỉnh Lào Cai", "Viện kiểm sát nhân dân tỉnh Lào Cai"]
    assert agencies("Cơ quan cảnh sát điều tra Cà Mau chuyển hồ sơ đề nghị VKS truy tố.") == [
        "Cơ quan Cảnh sát điều tra Công an tỉnh Cà Mau", "Viện kiểm sát nhân dân tỉnh Cà Mau"]
    # at a trial the procuracy is the court's; a list of branches names none
    assert agencies("Công an Lào Cai bắt Tiến. Bị cáo bị VKS đề nghị 5 năm tù.") == ["Công an tỉnh Lào Cai"]
    assert agencies("Công an Lào Cai bắt. Các ngành (công an, VKS, tòa án) xử lý.") == ["Công an tỉnh Lào Cai"]
    assert agencies("Ông bị cơ quan cảnh sát điều tra bắt tại Khánh Hòa. Viện kiểm sát phê chuẩn.") == []


def test_proposing_to_the_procuracy_is_no_parliament() -> None:
    assert agencies("Họ đề nghị Viện kiểm sát nhân dân tối cao truy tố ông A.") == [
        "Viện kiểm sát nhân dân tối cao"]
    assert agencies("Họ kiến nghị VKSND tỉnh Nam Định kháng nghị.") == ["Viện kiểm sát nhân dân tỉnh Nam Định"]
    assert agencies("Thượng nghị viện Mỹ họp.") == []


def test_lower_case_ministries_centres_and_town_abbreviations() -> None:
    assert agencies("Theo đánh giá của các bộ Kế hoạch đầu tư và Thương mại về tình hình.") == [
        "Bộ Kế hoạch và Đầu tư", "Bộ Thương mại"]
    assert agencies("Khu điều trị tại trung tâm y tế huyện An Phú đã sẵn sàng.") == [
        "Trung tâm Y tế huyện An Phú (An Giang)"]
    assert agencies("Kiểm soát giao thông tại trung tâm và khu vực phường Hưng Phú, Cần Thơ.") == []
    assert agencies("Dịp lễ, TX Cửa Lò sẽ bắn pháo hoa. Thường trực Thị ủy họp.") == ["Thị ủy Cửa Lò (Nghệ An)"]
    assert agencies("Bầu cử ở xã Quảng Yên, Thanh Hóa. Ủy ban bầu cử xã Quảng Yên họp.") == [
        "Ủy ban Bầu cử xã Quảng Yên (Thanh Hóa)"]


def test_a_hospitals_unit_and_a_list_of_fields() -> None:
    assert agencies("Trước đó, ngày 2/4, Trung tâm Sơ sinh, Bệnh viện Nhi Trung ương tiếp nhận bé.") == []
    assert agencies("Các cơ sở gồm: Viện Pasteur, Trung tâm Y tế dự phòng TP HCM, Bệnh viện Chợ Rẫy.") == [
        "Viện Pasteur", "Trung tâm Y tế dự phòng thành phố Hồ Chí Minh"]
    assert agencies("Phó chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng của Quốc hội nói.") == [
        "Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng của Quốc hội"]


def test_investigators_of_the_police_and_lower_case_party_committees() -> None:
    assert agencies("Nguồn tin cho biết, Cơ quan điều tra (CQĐT), Bộ Công an đang lấy lời khai.") == [
        "Cơ quan điều tra Bộ Công an"]  # (in the case it is written in)
    assert agencies("Bạc Liêu: thường trực tỉnh ủy đã họp.") == ["Tỉnh ủy Bạc Liêu"]
    assert agencies("Theo Ban bí thư trung ương Đảng, việc này cần làm.") == [
        "Ban Bí thư Trung ương Đảng Cộng sản Việt Nam"]
    assert agencies("Tổng cục Cảnh sát đánh giá, tình trạng vi phạm còn phổ biến.") == ["Tổng cục Cảnh sát"]
    assert agencies("Cục Cảnh sát giao thông đường bộ - đường sắt cho biết.") == [
        "Cục Cảnh sát giao thông đường bộ - đường sắt"]
    assert agencies("Theo thanh tra Tổng cục Cảnh sát, nhiều vi phạm.") == ["Thanh tra Tổng cục Cảnh sát"]


def test_treasuries_ministries_abbreviated_and_foreign_or_venue_bodies() -> None:
    assert agencies("Kho bạc huyện Phù Ninh (Phú Thọ) bị mất tiền.") == ["Kho bạc huyện Phù Ninh (Phú Thọ)"]
    assert agencies("Công ty SONA thuộc Bộ Lao động - TB&XH cần tuyển.") == ["Bộ Lao động - Thương binh và Xã hội"]
    assert agencies("Bộ Nội vụ Ảrập Xêút cho hay 59 người bị thương.") == []
    assert agencies("Người dân Quảng Trị đổ về tiền sảnh Trung tâm Văn hóa Thông tin tỉnh dự lễ.") == []


def test_clubs_in_a_football_report() -> None:
    report = ("HLV cho biết các cầu thủ sẽ ghi bàn. Kết quả vòng 17: Quảng Nam - Cần Thơ 0-1. "
              "Thời hoàng kim của Công an Hà Nội, tiền đạo sút phạt đền.")
    ents = extract_entities("", report, "VnExpress")
    assert ents.agencies == [] and ents.locations == []


def test_an_office_in_lower_case_inside_a_title_with_its_parent() -> None:
    assert agencies("Ông A, Trưởng phòng quản lý dược, Sở Y tế TP HCM cho biết.") == [
        "Phòng Quản lý dược Sở Y tế thành phố Hồ Chí Minh"]
    assert agencies("Bà B, trưởng phòng giáo dục tiểu học Sở GD&ĐT TP HCM nói.") == [
        "Phòng Giáo dục tiểu học Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh"]
    assert agencies("Phó phòng Cảnh sát điều tra Công an thành phố Nguyễn Việt Dũng cho biết, TP HCM có 5 vụ.") == [
        "Phòng Cảnh sát điều tra Công an thành phố Hồ Chí Minh"]
    assert agencies("Bạn của Cường mang máy đến Tổng cục Cảnh sát giao nộp cho cơ quan điều tra.") == [
        "Tổng cục Cảnh sát"]
    assert agencies("Cục Quản lý dược cam kết sẽ xử lý.") == ["Cục Quản lý dược"]
    assert agencies("Viện Khoa học và Công nghệ của trường Đại học Manchester tuyển sinh.") == []


def test_a_state_bank_branch_a_national_board_in_lower_case_and_numbered_centres() -> None:
    assert agencies("Ông Trần Ngọc Minh, Giám đốc Ngân hàng Nhà nước TP HCM: dịch vụ tài chính.") == [
        "Ngân hàng Nhà nước Việt Nam chi nhánh thành phố Hồ Chí Minh"]
    assert agencies("PGS Nghiêm Đình Vỳ, phó Ban khoa giáo trung ương, đề nghị.") == ["Ban Khoa giáo Trung ương"]
    assert agencies("Ban chỉ đạo phòng chống dịch họp.") == []
    assert agencies("Giám đốc Trung tâm Huấn luyện Thể thao quốc gia 3 phát biểu.") == [
        "Trung tâm Huấn luyện Thể thao Quốc gia 3"]
    assert agencies("Theo Viện Xây dựng công trình biển, đê sẽ xong.") == ["Viện Xây dựng công trình biển"]


def test_bodies_of_the_time_and_short_forms_of_ministries() -> None:
    assert agencies("Bộ Giáo dục đề nghị tăng chỉ tiêu.") == ["Bộ Giáo dục và Đào tạo"]
    assert agencies("Bộ Giáo dục và Đào tạo họp.") == ["Bộ Giáo dục và Đào tạo"]
    assert agencies("Bộ Giáo dục Singapore cấp học bổng.") == []
    assert agencies("Dự kiến của UBCK Nhà nước đã nêu rõ tiêu chuẩn.") == ["Ủy ban Chứng khoán Nhà nước"]
    assert agencies("Ủy ban Kinh tế và Ngân sách của Quốc hội thẩm tra.") == [
        "Ủy ban Kinh tế và Ngân sách của Quốc hội"]
    assert agencies("Ủy ban Dân tộc và Miền núi họp.") == ["Ủy ban Dân tộc và Miền núi"]
    assert agencies("Ban Chỉ đạo phòng, chống lụt bão trung ương và Thủ tướng đã chỉ đạo.") == [
        "Ban Chỉ đạo phòng, chống lụt bão Trung ương"]
    assert agencies("Ban huấn luyện đội U-20 Việt Nam và Đội Việt Nam tập.") == []


def test_document_numbers_the_civil_aviation_authority_and_the_partys_inspection_board() -> None:
    assert agencies("Theo Quyết định số 148/QĐ-UB của UBND TP Hà Nội, các đối tượng được cấp.") == [
        "Ủy ban nhân dân thành phố Hà Nội"]
    assert agencies("Ủy ban Kiểm tra Trung ương Đảng kết luận.") == [
        "Ủy ban Kiểm tra Trung ương Đảng Cộng sản Việt Nam"]
    assert agencies("Cục Hàng không cho biết sẽ xử lý.") == ["Cục Hàng không Việt Nam"]
    assert agencies("Cục Hàng không dân dụng Mỹ (FAA) cấm bay.") == []
    assert agencies("Mebiphar được Cục Quản lý dược chứng nhận nhà máy đạt chuẩn.") == ["Cục Quản lý dược"]


def test_one_body_of_each_place_listed_after_it() -> None:
    assert agencies("Sở Du lịch TP Hà Nội, TP.HCM, Hải Phòng, Quảng Ninh đã ký thỏa thuận.") == [
        "Sở Du lịch thành phố Hà Nội", "Sở Du lịch thành phố Hồ Chí Minh", "Sở Du lịch thành phố Hải Phòng",
        "Sở Du lịch tỉnh Quảng Ninh"]
    assert agencies("Cục Hộ tịch gửi công văn tới Sở Tư pháp các tỉnh Hà Tĩnh, Quảng Bình hướng dẫn.") == [
        "Cục Hộ tịch", "Sở Tư pháp tỉnh Hà Tĩnh", "Sở Tư pháp tỉnh Quảng Bình"]
    assert agencies("Tại Nghệ An, Công an các huyện Quỳnh Lưu, Diễn Châu đã ra quân.") == [
        "Công an huyện Quỳnh Lưu (Nghệ An)", "Công an huyện Diễn Châu (Nghệ An)"]
    assert agencies("Tại Hà Nam, Trung tâm y tế các huyện Lý Nhân, Thanh Liêm cách ly 30 người.") == [
        "Trung tâm Y tế huyện Lý Nhân (Hà Nam)", "Trung tâm Y tế huyện Thanh Liêm (Hà Nam)"]
    # A district then its province is one address, and "các Sở" alone is every province's.
    assert agencies("Công an quận 1, TP HCM cho biết.") == ["Công an quận 1 (TP Hồ Chí Minh)"]
    assert agencies("Sở Y tế các tỉnh đã họp.") == []


def test_a_grant_is_no_level_and_a_bare_city_committee_is_the_districts_city() -> None:
    assert agencies("Tại Hà Nam, Sở Y tế cấp phép cho 3 bệnh viện.") == ["Sở Y tế tỉnh Hà Nam"]
    assert agencies("Hà Nội: dự án được trình UBND TP cấp giấy chứng nhận.") == ["Ủy ban nhân dân thành phố Hà Nội"]
    assert agencies("Tại Hà Nam, UBND cấp huyện đã họp.") == []
    assert agencies("Dân quận Bình Tân phản đối. Mới đây UBND TP chỉ đạo thuê tư vấn.") == [
        "Ủy ban nhân dân thành phố Hồ Chí Minh"]
    assert agencies("Dân TP Thủ Đức phản đối. Mới đây UBND TP chỉ đạo thuê tư vấn.") == [
        "Ủy ban nhân dân thành phố Thủ Đức (TP Hồ Chí Minh)"]


def test_an_office_after_a_title_takes_its_centre_or_department_after_a_comma() -> None:
    assert agencies("Bà Lan - Phó phòng Dự báo và phục vụ, Đài Khí tượng thủy văn khu vực Nam Bộ - cho biết.") == [
        "Phòng Dự báo và phục vụ Đài Khí tượng thủy văn khu vực Nam Bộ"]
    assert agencies("Ông Nghiệp, Trưởng phòng nghiệp vụ, Cục hải quan TP HCM lý giải.") == [
        "Phòng Nghiệp vụ Cục Hải quan thành phố Hồ Chí Minh"]
    assert agencies("Nam bị công an Hải Phòng bắt giữ.") == ["Công an thành phố Hải Phòng"]


def test_a_courts_division_an_embassy_abroad_and_inspectorates() -> None:
    assert agencies("Ông Cương, Thẩm phán Tòa hình sự, TAND TP Hà Nội, được bầu.") == [
        "Tòa Hình sự Tòa án nhân dân thành phố Hà Nội"]
    assert agencies("Ông là thẩm phán tòa dân sự TAND tỉnh Bắc Ninh.") == [
        "Tòa Dân sự Tòa án nhân dân tỉnh Bắc Ninh"]
    assert agencies("Tòa phúc thẩm TAND tối cao tại TP HCM đã xử.") == [
        "Tòa Phúc thẩm Tòa án nhân dân tối cao tại TP Hồ Chí Minh"]
    assert agencies("Phiên tòa hình sự sơ thẩm diễn ra tại TAND tỉnh Nghệ An.") == ["Tòa án nhân dân tỉnh Nghệ An"]
    assert agencies("Bộ Ngoại giao đã chỉ đạo đại sứ quán Việt Nam tại Malaysia liên hệ.") == [
        "Bộ Ngoại giao", "Đại sứ quán Việt Nam tại Malaysia"]
    assert agencies("Đại sứ quán VN ở Liên bang Nga cho biết.") == ["Đại sứ quán Việt Nam tại Liên bang Nga"]
    assert agencies("Đại sứ quán Việt Nam đã lên tiếng. Đại sứ quán Singapore tại Hà Nội thông báo.") == []
    assert agencies("Thứ tư tới, Thanh tra Nhà nước sẽ làm việc với Ban.") == ["Thanh tra Nhà nước"]
    assert agencies("Xe đã bị Thanh tra giao thông tỉnh Nghệ An tạm giữ.") == ["Thanh tra Giao thông tỉnh Nghệ An"]
    assert agencies("Ông A bị thanh tra giao thông xử phạt.") == []
    assert agencies("Phó chánh thanh tra TP HCM Hoàng Đức Long đánh giá.") == ["Thanh tra thành phố Hồ Chí Minh"]
    assert agencies("Chánh thanh tra Sở GTVT Hà Nội cho biết.") == [
        "Thanh tra Sở Giao thông vận tải thành phố Hà Nội"]


def test_a_partys_executive_committee_and_a_count_after_a_name() -> None:
    assert agencies("Đây là đề xuất của Ban Chấp hành Huyện ủy Phú Quốc, Kiên Giang.") == [
        "Ban Chấp hành Huyện ủy Phú Quốc (Kiên Giang)"]
    assert agencies("Chiều 15/12, Tổng cục Hải quan triệu tập 15 doanh nghiệp nằm trong danh sách.") == [
        "Tổng cục Hải quan"]
    assert agencies("Tôi chỉ nhận từ Cục Điện ảnh 960 triệu đồng.") == ["Cục Điện ảnh"]
    assert agencies("Lãnh đạo Bộ Tư lệnh quân khu 7 và đại diện Bộ Tư lệnh hải quân đón tàu.") == [
        "Bộ Tư lệnh quân khu 7", "Bộ Tư lệnh Hải quân"]


def test_lower_case_names_closed_by_a_bracketed_parent_or_a_place() -> None:
    assert agencies("Sáng 29/4, Phòng xây dựng phong trào Bảo vệ an ninh Tổ quốc (Công an tỉnh An Giang) phối hợp.") == [
        "Phòng Xây dựng phong trào Bảo vệ an ninh Tổ quốc Công an tỉnh An Giang", "Công an tỉnh An Giang"]
    assert agencies("Phòng cháy chữa cháy Công an tỉnh Nghệ An ra quân.") == ["Công an tỉnh Nghệ An"]
    assert agencies("Lực lượng chức năng cùng trung tâm Y tế huyện Đông Anh đã lập rào chắn.") == [
        "Trung tâm Y tế huyện Đông Anh (Hà Nội)"]
    assert agencies("Ông A, Bộ Chỉ huy biên phòng tỉnh Kiên Giang cho biết.") == [
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kiên Giang"]


def test_a_unit_thuoc_its_ministry_a_trade_office_abroad_and_lower_case_police_investigators() -> None:
    assert agencies("Ông A, Vụ trưởng Vụ Khoa học công nghệ thuộc Bộ Bưu chính Viễn thông cho biết.") == [
        "Vụ Khoa học và Công nghệ Bộ Bưu chính, Viễn thông"]
    assert agencies("Ông A thuộc Bộ Y tế.") == ["Bộ Y tế"]
    assert agencies("Theo Thương vụ Việt Nam tại Thổ Nhĩ Kỳ, xuất khẩu tăng.") == ["Thương vụ Việt Nam tại Thổ Nhĩ Kỳ"]
    assert agencies("Ban Nghiên cứu của Thủ tướng vừa đề xuất.") == ["Ban Nghiên cứu của Thủ tướng Chính phủ"]
    assert agencies("Cán bộ đồn biên phòng cửa khẩu Nghi Sơn bắt giữ tàu.") == ["Đồn Biên phòng cửa khẩu Nghi Sơn"]
    assert agencies("20h ngày 2/8, cơ quan điều tra Công an Hà Nội đã khám xét.") == [
        "Cơ quan điều tra Công an thành phố Hà Nội"]
    assert agencies("Bị cáo bị cơ quan điều tra triệu tập.") == []


def test_a_data_source_credit_and_compound_words_inside_names() -> None:
    assert agencies("Lạm phát tăng. (Nguồn: Tổng cục Thống kê).") == ["Tổng cục Thống kê"]
    assert agencies("Ông A, Cục trưởng Cục Hậu cần Hải quân cho biết.") == ["Cục Hậu cần Hải quân"]
    assert agencies("Ông A cần Cục Hậu cần giúp.") == ["Cục Hậu cần"]
    assert agencies("Trung tâm Trợ giúp pháp lý tỉnh Nghệ An cho biết.") == [
        "Trung tâm Trợ giúp pháp lý tỉnh Nghệ An"]


def test_customs_named_by_its_province_or_its_border_gate() -> None:
    assert agencies("Cán bộ Hải quan Quảng Bình, Cửa khẩu quốc tế Cha Lo trực.") == ["Cục Hải quan tỉnh Quảng Bình"]
    assert agencies("Theo Hải quan cửa khẩu Vĩnh Xương, hàng đã về.") == ["Hải quan cửa khẩu Vĩnh Xương"]
    assert agencies("Chi cục Hải quan Hà Nội xử lý.") == ["Chi cục Hải quan thành phố Hà Nội"]
    assert agencies("Ngành Hải quan đang cải cách thủ tục.") == []


def test_the_supreme_courts_seat_ministries_counted_and_the_old_command_boards() -> None:
    assert agencies("Phiên phúc thẩm của TAND Tối cao tại TP HCM diễn ra hôm qua.") == [
        "Tòa án nhân dân tối cao tại TP Hồ Chí Minh"]
    assert agencies("VKSND tối cao tại TP HCM đề nghị y án.") == ["Viện kiểm sát nhân dân tối cao tại TP Hồ Chí Minh"]
    assert agencies("Khảo sát tại bảy tỉnh và ba bộ Công nghiệp, Xây dựng, Giao thông vận tải.") == [
        "Bộ Công nghiệp", "Bộ Xây dựng", "Bộ Giao thông vận tải"]
    assert agencies("Ban chỉ huy Phòng chống lụt bão tỉnh Phú Thọ họp.") == [
        "Ban Chỉ huy phòng, chống lụt bão tỉnh Phú Thọ"]
    assert agencies("Ban Chỉ đạo quốc gia phòng chống dịch cúm gia cầm họp.") == [
        "Ban Chỉ đạo quốc gia phòng, chống dịch cúm gia cầm"]


def test_a_customs_branch_named_after_its_gate_and_the_old_administrative_committees() -> None:
    assert agencies("Tại Hà Nội, nhân viên Chi cục Hải quan Nội Bài bị xử.") == ["Chi cục Hải quan Nội Bài"]
    assert agencies("Tại Nghệ An, Chi cục Kiểm lâm cho biết.") == ["Chi cục Kiểm lâm tỉnh Nghệ An"]
    assert agencies("Năm 1961, Ủy ban hành chính quận Ba Đình (Hà Nội) họp.") == [
        "Ủy ban hành chính quận Ba Đình (Hà Nội)"]


def test_a_lower_case_parent_ends_a_name_and_cơ_quan_điều_tra_keeps_its_case() -> None:
    assert agencies("Họ đến Phòng Cảnh sát giao thông công an TP HCM tại quận Bình Thạnh.") == [
        "Phòng Cảnh sát giao thông Công an thành phố Hồ Chí Minh"]
    assert agencies("20h ngày 2/8, cơ quan điều tra Công an Hà Nội đã khám xét.") == [
        "Cơ quan điều tra Công an thành phố Hà Nội"]
    assert agencies("Cơ quan Điều tra Công an tỉnh Thanh Hóa đã khám xét.") == [
        "Cơ quan Điều tra Công an tỉnh Thanh Hóa"]


def test_a_directors_name_after_a_body_boards_by_their_official_names_and_a_provinces_board() -> None:
    assert agencies("Hôm qua, cục trưởng Cục Quản lý dược Cao Minh Quang đã thông tin.") == ["Cục Quản lý dược"]
    assert agencies("Viện Nghiên cứu Cao su Việt Nam cho biết.") == ["Viện Nghiên cứu Cao su Việt Nam"]
    assert agencies("Ông Quát - Phó ban Tư tưởng văn hóa trung ương, cho biết.") == [
        "Ban Tư tưởng - Văn hóa Trung ương"]
    assert agencies("Ông A, Trưởng ban tổ chức giải, cho biết.") == []
    assert agencies("Ban an toàn giao thông tỉnh Vĩnh Long vừa in tài liệu.") == [
        "Ban An toàn giao thông tỉnh Vĩnh Long"]
    assert agencies("Quân chủng Phòng không - Không quân đã tổ chức lễ.") == ["Quân chủng Phòng không - Không quân"]


def test_numbered_steering_boards_and_one_board_for_each_of_two_districts() -> None:
    assert agencies("Ban Chỉ đạo 197 của hai quận Tây Hồ và Ba Đình (Hà Nội) đã họp.") == [
        "Ban Chỉ đạo 197 quận Tây Hồ (Hà Nội)", "Ban Chỉ đạo 197 quận Ba Đình (Hà Nội)"]
    assert agencies("Ban Chỉ đạo 24 huyện Quảng Xương (Thanh Hóa) đã họp.") == [
        "Ban Chỉ đạo 24 huyện Quảng Xương (Thanh Hóa)"]
    assert agencies("Ban Chỉ đạo 5 người đã họp.") == []
    assert agencies("Công an hai huyện Quỳnh Lưu và Diễn Châu (Nghệ An) phối hợp.") == [
        "Công an huyện Quỳnh Lưu (Nghệ An)", "Công an huyện Diễn Châu (Nghệ An)"]


def test_a_head_written_twice_a_broadcaster_in_lower_case_and_a_board_abroad() -> None:
    assert agencies("Viện VKSND tối cao yêu cầu cơ quan điều tra chứng minh.") == ["Viện kiểm sát nhân dân tối cao"]
    assert agencies("Ông A, Trưởng ban Văn nghệ đài truyền hình Việt Nam, cho biết.") == [
        "Ban Văn nghệ Đài Truyền hình Việt Nam"]
    assert agencies("Sở TDTT, đài truyền hình Bình Dương phối hợp tổ chức.") == [
        "Sở Thể dục thể thao tỉnh Bình Dương", "Đài Truyền hình tỉnh Bình Dương"]
    assert agencies("Tôi xem đài truyền hình mỗi tối.") == []
    assert agencies("Ông A, Trưởng Ban Quản lý lao động Việt Nam tại Malaysia cho biết.") == [
        "Ban Quản lý lao động Việt Nam tại Malaysia"]


def test_the_tourism_department_under_its_official_name() -> None:
    assert agencies("Lãnh đạo Tổng cục Du lịch Việt Nam, Sở Du lịch Đà Nẵng dự.") == [
        "Tổng cục Du lịch", "Sở Du lịch thành phố Đà Nẵng"]


def test_thuoc_joins_a_unit_to_any_higher_body_and_an_ambassadors_name_ends_a_missions_seat() -> None:
    assert agencies("Đội Quản lý thị trường số 3 thuộc Chi cục Quản lý thị trường tỉnh Long An đã bắt.") == [
        "Đội Quản lý thị trường số 3 Chi cục Quản lý thị trường tỉnh Long An"]
    assert agencies("Đại sứ quán Việt Nam tại Hàn Quốc Đào Công Tiến cho biết.") == [
        "Đại sứ quán Việt Nam tại Hàn Quốc"]


def test_the_youth_unions_central_committee_southern_spellings_and_a_lower_case_cuc_before_va() -> None:
    assert agencies("Ông A, Bí thư Trung ương Đoàn, cho biết.") == [
        "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]
    assert agencies("Sở Giao thông công chánh TP HCM cho biết.") == ["Sở Giao thông công chính thành phố Hồ Chí Minh"]
    assert agencies("Theo Cục bảo vệ thực vật và cam ngâm thuốc diệt cỏ đo được.") == ["Cục Bảo vệ thực vật"]
    assert agencies("Theo Cục Đầu tư nước ngoài, bộ Kế hoạch và Đầu tư, vốn tăng.") == [
        "Cục Đầu tư nước ngoài Bộ Kế hoạch và Đầu tư"]


def test_a_list_after_two_kinds_and_a_colon_and_the_maritime_administration() -> None:
    assert agencies("Thủ tướng giao Chủ tịch UBND các tỉnh, thành phố: Cà Mau, Đà Nẵng chỉ đạo.") == [
        "Ủy ban nhân dân tỉnh Cà Mau", "Ủy ban nhân dân thành phố Đà Nẵng"]
    assert agencies("Theo Cục Hàng hải, tàu đã cập cảng.") == ["Cục Hàng hải Việt Nam"]


def test_a_bare_division_belongs_to_the_court_the_article_names() -> None:
    assert agencies("TAND TP HCM đã thụ lý. Tòa Lao động đã xử vụ kiện.") == [
        "Tòa án nhân dân thành phố Hồ Chí Minh", "Tòa Lao động Tòa án nhân dân thành phố Hồ Chí Minh"]
    assert agencies("Tòa sơ thẩm TAND TP HCM đã tuyên cô thua kiện. Nhưng Tòa phúc thẩm lại quyết định ngược lại.") == [
        "Tòa án nhân dân thành phố Hồ Chí Minh"]


def test_the_securities_trading_centres_and_the_partys_inspection_committee_written_short() -> None:
    assert agencies("Trung tâm Giao dịch Chứng khoán TP HCM cho biết.") == [
        "Trung tâm Giao dịch chứng khoán thành phố Hồ Chí Minh"]
    assert agencies("TTGDCK Hà Nội khai trương.") == ["Trung tâm Giao dịch chứng khoán thành phố Hà Nội"]
    assert agencies("Sở Giao thông - Công chánh TP HCM cho biết.") == ["Sở Giao thông công chính thành phố Hồ Chí Minh"]
    assert agencies("Ủy ban Kiểm tra trung ương đã kỷ luật.") == ["Ủy ban Kiểm tra Trung ương Đảng Cộng sản Việt Nam"]


def test_a_verb_after_a_name_ends_it() -> None:
    assert agencies("Cục Sở hữu trí tuệ bảo lưu hiệu lực Bằng 7173 của công ty.") == ["Cục Sở hữu trí tuệ"]


def test_a_lower_case_name_vouched_for_by_its_heads_own_title() -> None:
    assert agencies("Ông A, Vụ trưởng Vụ chính sách thuế Bộ Tài chính, cho biết.") == [
        "Vụ Chính sách thuế Bộ Tài chính"]
    assert agencies("Ông C, chuyên viên vụ Pháp chế Văn phòng Chính phủ nói.") == ["Vụ Pháp chế Văn phòng Chính phủ"]
    assert agencies("Ông D, Viện trưởng Viện nghiên cứu xã hội, kinh tế và môi trường nói.") == [
        "Viện Nghiên cứu xã hội, kinh tế và môi trường"]
    assert agencies("Đoàn của Vụ thể thao thành tích cao 1 đến.") == ["Vụ Thể thao thành tích cao 1"]
    assert agencies("Vụ hè thu 2005 thắng lớn ở nhiều nơi.") == []
    assert agencies("Ông E là viện trưởng một viện tư nhân.") == []


def test_a_provinces_own_centres_written_bare_and_names_holding_a_stop_word() -> None:
    assert agencies("Tại Quảng Ninh, Trung tâm Bảo trợ xã hội cho biết.") == [
        "Trung tâm Bảo trợ xã hội tỉnh Quảng Ninh"]
    assert agencies("Trung tâm Phục hồi chức năng tỉnh Nghệ An nhận.") == [
        "Trung tâm Phục hồi chức năng tỉnh Nghệ An"]


def test_a_known_unit_is_shown_by_its_official_name_however_it_is_written() -> None:
    assert agencies("Theo Viện Vệ sinh Dịch tễ Trung ương, dịch đã giảm.") == ["Viện Vệ sinh dịch tễ Trung ương"]
    assert agencies("Cục Khuyến nông khuyến lâm vừa họp.") == ["Cục Khuyến nông và Khuyến lâm"]
    assert agencies("Tổng cục du lịch vừa có văn bản.") == ["Tổng cục Du lịch"]  # lower case, yet known
    assert agencies("Phòng Cảnh sát Điều tra tội phạm về trật tự xã hội Công an TP Hà Nội cho biết.") == [
        "Phòng Cảnh sát điều tra tội phạm về trật tự xã hội Công an thành phố Hà Nội"]


def test_a_name_running_over_commas_up_to_its_parent() -> None:
    assert agencies("Ông A, Cục Quản lý trại giam, cơ sở giáo dục, trường giáo dưỡng (Bộ Công an) cho biết.") == [
        "Cục Quản lý trại giam, cơ sở giáo dục, trường giáo dưỡng", "Bộ Công an"]
    assert agencies("Vụ Tài chính, Kế toán Bộ Công nghiệp họp.") == ["Vụ Tài chính, Kế toán Bộ Công nghiệp"]
    assert agencies("Sở Y tế, Sở Tài chính tỉnh Nam Định họp.") == [
        "Sở Y tế tỉnh Nam Định", "Sở Tài chính tỉnh Nam Định"]


def test_a_ministry_written_by_the_start_of_its_field() -> None:
    assert agencies("Bộ Nông nghiệp đã cử đoàn công tác.") == ["Bộ Nông nghiệp và Phát triển nông thôn"]
    assert agencies("Bộ Nông nghiệp và PTNT họp.") == ["Bộ Nông nghiệp và Phát triển nông thôn"]
    assert agencies("Bộ Kế hoạch đã đề nghị.") == ["Bộ Kế hoạch và Đầu tư"]
    assert agencies("Bộ Nông nghiệp Mỹ cảnh báo.") == []
    assert agencies("Sở QHKT đã có văn bản gửi UBND TP Hà Nội.") == [
        "Sở Quy hoạch - Kiến trúc thành phố Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"]


def test_inspectorates_in_lower_case_and_a_list_sharing_its_province() -> None:
    assert agencies("Tại Nam Định, thanh tra tỉnh đã vào cuộc.") == ["Thanh tra tỉnh Nam Định"]
    assert agencies("Ông A làm việc với thanh tra Ngân hàng Nhà nước.") == ["Thanh tra Ngân hàng Nhà nước Việt Nam"]
    assert agencies("Ông B, Phó ban thanh tra giao thông công chính Hà Nội, nói.") == [
        "Thanh tra Giao thông công chính thành phố Hà Nội"]
    assert agencies("Đoàn thanh tra tỉnh Nam Định đến.") == []
    assert agencies("Tại Hà Nội, Sở GD-ĐT, Đài PTTH, Sở Du lịch tỉnh Bình Thuận phối hợp.") == [
        "Sở Giáo dục và Đào tạo tỉnh Bình Thuận", "Đài Phát thanh và Truyền hình tỉnh Bình Thuận",
        "Sở Du lịch tỉnh Bình Thuận"]


def test_sports_teams_and_other_countries_governments_are_no_bodies() -> None:
    assert agencies("Anh là cựu thủ môn Sở Công nghiệp Hà Nội.") == []
    assert agencies("Trận đấu với Quân khu 4 diễn ra.") == []
    assert agencies("Cựu thủ môn của đội Công an Hà Nội qua đời.") == []
    assert agencies("Đội Cảnh sát giao thông Công an TP HCM cho biết.") == [
        "Đội Cảnh sát giao thông Công an thành phố Hồ Chí Minh"]
    assert agencies("Chính phủ các nước châu Á họp.") == []
    assert agencies("Chính phủ 6 nước ký kết.") == []
    assert agencies("Chính phủ nước ta quyết định.") == ["Chính phủ"]


def test_lower_case_police_of_a_kind_and_offices_after_their_title() -> None:
    assert agencies("Tại xã Hải Dương, Thừa Thiên Huế, người dân chạy tới công an xã tự thú.") == [
        "Công an xã Hải Dương (Thừa Thiên Huế)"]
    assert agencies("Ở Hà Nội, công an quận huyện phải vào cuộc.") == []
    assert agencies("Ông A, Trưởng phòng cảnh sát giao thông Hà Nội, cho biết.") == [
        "Phòng Cảnh sát giao thông Công an thành phố Hà Nội"]
    assert agencies("Ông đã trình báo Công an quận Đống Đa (Hà Nội).") == ["Công an quận Đống Đa (Hà Nội)"]
    assert agencies("Chánh tòa dân sự, TAND thành phố Hà Nội cho biết.") == [
        "Tòa Dân sự Tòa án nhân dân thành phố Hà Nội"]


def test_a_team_takes_its_office_after_a_comma() -> None:
    assert agencies("Đội 1, Phòng Cảnh sát giao thông đường bộ, Công an TP HCM cho biết.") == [
        "Đội 1 Phòng Cảnh sát giao thông đường bộ Công an thành phố Hồ Chí Minh"]
    assert agencies("Phòng cảnh sát giao thông (PC 26) Công an tỉnh Ninh Thuận cho biết.") == [
        "Phòng Cảnh sát giao thông Công an tỉnh Ninh Thuận"]


def test_a_ho_chi_minh_city_paper_means_its_city_by_a_bare_tp() -> None:
    text = "Tuyến TPHCM - Hà Nội đông xe. Phòng CSGT đường bộ Công an TP cho biết."
    assert agencies(text, "Tuổi Trẻ") == ["Phòng Cảnh sát giao thông đường bộ Công an thành phố Hồ Chí Minh"]
    assert agencies(text, "Dân Trí") == ["Phòng Cảnh sát giao thông đường bộ Công an thành phố Hà Nội"]
    assert agencies("Tại Hà Nội, UBND TP họp.", "Tuổi Trẻ") == ["Ủy ban nhân dân thành phố Hà Nội"]


def test_a_bare_department_in_a_story_on_every_province_is_none() -> None:
    assert agencies("Bộ yêu cầu các địa phương kiểm tra. Sở GD&ĐT phải báo cáo.") == []
    assert agencies("Sở Tài chính cho biết đã chi 5 tỷ.") == ["Sở Tài chính"]


def test_boards_of_a_committee_or_a_department_and_their_parents() -> None:
    assert agencies("Theo kiến nghị của huyện, UBND TP HCM đồng ý.") == ["Ủy ban nhân dân thành phố Hồ Chí Minh"]
    assert agencies("Ông B, Trưởng ban Công tác đại biểu, nói.") == ["Ban Công tác đại biểu"]
    assert agencies("Ban Thi đua - Khen thưởng, Sở Nội vụ TP Đà Nẵng họp.") == [
        "Ban Thi đua - Khen thưởng Sở Nội vụ thành phố Đà Nẵng"]
    assert agencies("Tại TP HCM, Thành ủy chỉ đạo ban thường vụ Quận ủy Tân Bình xử lý.") == [
        "Thành ủy thành phố Hồ Chí Minh", "Ban Thường vụ Quận ủy Tân Bình (TP Hồ Chí Minh)"]
    assert agencies("Ban Quản lý dự án giao thông đô thị (Sở GTCC TP HCM) cho biết.") == [
        "Ban Quản lý dự án giao thông đô thị Sở Giao thông công chính thành phố Hồ Chí Minh",
        "Sở Giao thông công chính thành phố Hồ Chí Minh"]
    assert agencies("Ông C, Bí thư Đảng ủy của trường, phát biểu.") == []


def test_steering_boards_listing_what_they_fight_and_committees_known_short() -> None:
    assert agencies("Ban Chỉ đạo phòng, chống AIDS và ma túy, mại dâm Hà Nội họp.") == [
        "Ban Chỉ đạo phòng, chống AIDS và ma túy, mại dâm thành phố Hà Nội"]
    assert agencies("Ông A, trưởng bộ môn wushu UBTDTT, cho biết.") == ["Ủy ban Thể dục thể thao"]
    assert agencies("Ủy ban về người Việt Nam ở nước ngoài tại TP HCM họp.") == [
        "Ủy ban về người Việt Nam ở nước ngoài thành phố Hồ Chí Minh"]
    assert agencies("Sở Xây dựng Hà Nội đã trình UBND quy hoạch.") == [
        "Sở Xây dựng thành phố Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"]
    assert agencies("Bồi dưỡng cho Hải quan cửa khẩu Tân Thanh 300.000 đồng một xe.") == [
        "Hải quan cửa khẩu Tân Thanh"]


def test_cases_named_vu_and_known_bodies_written_short() -> None:
    assert agencies("Vụ NH Tân Việt: Trần Phương Mai lãnh án.") == []
    assert agencies("Vụ Cần Giờ: bị cáo kháng cáo.") == []
    assert agencies("Ông A, Vụ trưởng Vụ Pháp chế Bộ Tư pháp.") == ["Vụ Pháp chế Bộ Tư pháp"]
    assert agencies("Lô hàng được Chi cục thuế Hoàn Kiếm, Hà Nội xác định.") == ["Chi cục Thuế quận Hoàn Kiếm (Hà Nội)"]
    assert agencies("Sở Du lịch - Thương mại Lâm Đồng họp.") == ["Sở Du lịch - Thương mại tỉnh Lâm Đồng"]
    assert agencies("Cục Hàng không dân dụng cho biết.") == ["Cục Hàng không dân dụng Việt Nam"]
    assert agencies("Phó tư lệnh quân khu 4 cho biết.") == ["Quân khu 4"]


def test_the_central_committee_written_bare_is_the_partys() -> None:
    assert agencies("Đại hội bầu Ban Chấp hành Trung ương khóa X.") == ["Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"]
    assert agencies("Đoàn Thanh niên họp, Ban Chấp hành Trung ương khóa IX dự.") == ["Ban Chấp hành Trung ương"]


def test_an_appeals_bare_procuracy_is_the_supreme_one() -> None:
    assert agencies("Chiều nay, TAND Tối cao tại TP HCM xử phúc thẩm. Đại diện VKS đề nghị y án.") == [
        "Tòa án nhân dân tối cao tại TP Hồ Chí Minh", "Viện kiểm sát nhân dân tối cao tại TP Hồ Chí Minh"]
    assert agencies("TAND TP HCM xử sơ thẩm. VKS đề nghị. TAND tối cao sẽ xử phúc thẩm.") == [
        "Tòa án nhân dân thành phố Hồ Chí Minh", "Viện kiểm sát nhân dân thành phố Hồ Chí Minh",
        "Tòa án nhân dân tối cao"]
    assert agencies("TAND Tối cao xử phúc thẩm. VKSND Hà Nội kháng nghị. VKS đề nghị tăng án.") == [
        "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân thành phố Hà Nội"]


def test_the_womens_union_written_short() -> None:
    assert agencies("Hội phụ nữ huyện Tuy Phong (Bình Thuận) vận động.") == [
        "Hội Liên hiệp Phụ nữ huyện Tuy Phong (Bình Thuận)"]
    assert agencies("Các hội phụ nữ vận động.") == []


def test_long_known_names_short_ministries_and_a_frequency_centre() -> None:
    assert agencies("Trước đó, Cục cảnh sát điều tra tội phạm về trật tự quản lý kinh tế và chức vụ Bộ Công an "
                    "đã triệu tập ông A.") == [
        "Cục Cảnh sát điều tra tội phạm về trật tự quản lý kinh tế và chức vụ Bộ Công an"]
    assert agencies("Cục Kiểm lâm vùng I họp.") == ["Cục Kiểm lâm vùng I"]
    assert agencies("Bộ Lao động cho biết.") == ["Bộ Lao động - Thương binh và Xã hội"]
    assert agencies("Cục Điều tra tội phạm về trật tự xã hội, Bộ Công an cho biết.") == [
        "Cục Cảnh sát điều tra tội phạm về trật tự xã hội Bộ Công an"]
    assert agencies("Theo Trung tâm Kiểm soát tần số Khu vực II, sóng bị nhiễu.") == [
        "Trung tâm Kiểm soát tần số Khu vực II"]


def test_a_verb_after_a_known_unit_is_not_part_of_it() -> None:
    assert agencies("Cục Điện ảnh chọn chiếu phim này.") == ["Cục Điện ảnh"]
    assert agencies("Theo Cục Thú y vùng VI, dịch đã giảm.") == ["Cục Thú y vùng VI"]
    assert agencies("Trung tâm Y tế dự phòng tỉnh Sóc Trăng cho biết.") == ["Trung tâm Y tế dự phòng tỉnh Sóc Trăng"]


def test_an_investigating_body_of_a_place_and_bodies_owning_a_hospital() -> None:
    assert agencies("Cơ quan điều tra TP HCM đã bắt giữ ông A.") == ["Cơ quan điều tra Công an thành phố Hồ Chí Minh"]
    assert agencies("Theo cơ quan điều tra tỉnh Hưng Yên, vụ việc phức tạp.") == [
        "Cơ quan điều tra Công an tỉnh Hưng Yên"]
    assert agencies("Theo cơ quan điều tra, vụ việc phức tạp.") == []
    assert agencies("Bệnh nhân được đưa tới Bệnh viện Công an TP Hà Nội.") == []
    assert agencies("Viện KSNDTC đã phê chuẩn.") == ["Viện kiểm sát nhân dân tối cao"]


def test_a_field_after_va_branches_and_road_management_zones() -> None:
    assert agencies("Vụ Tác động và đánh giá môi trường (Bộ Tài nguyên và Môi trường) cho biết.") == [
        "Vụ Tác động và đánh giá môi trường", "Bộ Tài nguyên và Môi trường"]
    assert agencies("Ông A, Khu Quản lý giao thông đô thị số 1, Sở GTCC TP HCM cho biết.") == [
        "Khu Quản lý giao thông đô thị số 1 Sở Giao thông công chính thành phố Hồ Chí Minh"]
    assert agencies("Phân viện Khoa học hình sự (Bộ Công an) giám định.") == ["Phân viện Khoa học hình sự", "Bộ Công an"]
    assert agencies("Chi cục Tiêu chuẩn Đo lường Chất lượng TP HCM kiểm tra.") == [
        "Chi cục Tiêu chuẩn Đo lường Chất lượng thành phố Hồ Chí Minh"]
    assert agencies("Ông đến Bộ Y tế và đề nghị UBND TP Hà Nội giúp.") == [
        "Bộ Y tế", "Ủy ban nhân dân thành phố Hà Nội"]


def test_buildings_named_after_a_body_and_a_customs_branch_written_short() -> None:
    assert agencies("Ông được đưa về Nhà tang lễ Bộ Quốc phòng.") == []
    assert agencies("Ông bị giam ở trại giam T16 Bộ Công an.") == []
    assert agencies("Trại tạm giam Công an tỉnh Nam Định nhận.") == ["Công an tỉnh Nam Định"]
    assert agencies("Chi cục Hải quan cửa khẩu Mộc Bài cho biết. Hải quan cửa khẩu Mộc Bài đã bắt.") == [
        "Chi cục Hải quan cửa khẩu Mộc Bài"]


def test_the_front_written_short_its_presidium_and_committees_of_other_bodies() -> None:
    assert agencies("Ủy ban Kinh tế và Xã hội của Liên Hợp Quốc họp.") == []
    assert agencies("Ông A, Chủ tịch Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam phát biểu.") == [
        "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]
    assert agencies("Chủ tịch Mặt trận tổ quốc tỉnh Nghệ An dự.") == ["Ủy ban Mặt trận Tổ quốc tỉnh Nghệ An"]
    assert agencies("Trưởng ban bồi thường giải phóng mặt bằng quận Bình Tân (TP HCM) cho biết.") == [
        "Ban Bồi thường giải phóng mặt bằng quận Bình Tân (TP Hồ Chí Minh)"]
    assert agencies("Ủy ban Kinh tế của Quốc hội họp.") == ["Ủy ban Kinh tế của Quốc hội"]


def test_offices_after_their_title_a_ministrys_partner_and_a_police_forces_code() -> None:
    assert agencies("Ông Lê Văn Bình, Phó phòng giáo dục chuyên nghiệp (Sở GD-ĐT Thái Bình), cho biết.") == [
        "Phòng Giáo dục chuyên nghiệp Sở Giáo dục và Đào tạo tỉnh Thái Bình", "Sở Giáo dục và Đào tạo tỉnh Thái Bình"]
    assert agencies("Bà Hà, Trưởng phòng thuế trước bạ Chi cục Thuế Đà Nẵng, giải thích.") == [
        "Phòng Thuế trước bạ Chi cục Thuế thành phố Đà Nẵng"]
    assert agencies("Đề án do Bộ Công nghiệp và Hiệp hội Da giày soạn thảo.") == ["Bộ Công nghiệp"]
    assert agencies("Bộ Văn hóa và Cổ vật Ai Cập vừa công bố.") == []  # a field we do not know: another country's
    assert agencies("Cục Cảnh sát điều tra tội phạm về ma túy C17 phối hợp bắt giữ.") == [
        "Cục Cảnh sát điều tra tội phạm về ma túy"]
    assert agencies("Hội đồng HLV quốc gia họp bàn về đội tuyển; Ủy ban hỗn hợp Việt Nam - Lào họp.") == []


def test_known_names_written_short_and_the_youth_unions_centre_written_out() -> None:
    assert agencies("Theo Cục Khảo thí, đề thi năm nay đã được duyệt.") == [
        "Cục Khảo thí và Kiểm định chất lượng giáo dục"]
    assert agencies("Cục Đăng kiểm đã kiểm tra 20 xe.") == ["Cục Đăng kiểm Việt Nam"]
    assert agencies("Tổng cục Tiêu chuẩn - Đo lường - Chất lượng cấp giấy chứng nhận.") == [
        "Tổng cục Tiêu chuẩn Đo lường Chất lượng"]
    assert agencies("Trung ương Đoàn TNCS Hồ Chí Minh phát động chiến dịch.") == [
        "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]


def test_a_bare_centre_with_a_two_word_name_is_a_venue_or_a_firm() -> None:
    assert agencies("Giải đấu diễn ra tại Trung tâm Thành Long. Trung tâm Kỹ thuật cho biết máy đã sửa xong.") == []
    assert agencies("Trung tâm Dự báo khí tượng thủy văn Trung ương cảnh báo lũ.") == [
        "Trung tâm Dự báo khí tượng thủy văn Trung ương"]


def test_the_city_broadcaster_written_short() -> None:
    assert agencies("Trận đấu được VTV và HTV trực tiếp lúc 16 giờ.") == [
        "Đài Truyền hình Việt Nam", "Đài Truyền hình thành phố Hồ Chí Minh"]
    assert agencies("Kênh HTV7 phát lại lúc 22 giờ.") == []


def test_named_national_bodies_the_anti_smuggling_board_and_a_national_steering_board() -> None:
    assert agencies("Ông A từng là phóng viên ảnh của Thông tấn xã VN.") == ["Thông tấn xã Việt Nam"]
    assert agencies("Theo TTXVN, hai bên đã ký biên bản.") == []  # a credit, not the agency
    assert agencies("Ban chỉ đạo chương trình 127/TW đề nghị các tỉnh vào cuộc.") == ["Ban Chỉ đạo 127 Trung ương"]
    assert agencies("Ban Chỉ đạo Quốc gia Phòng chống dịch cúm gia cầm họp khẩn.") == [
        "Ban Chỉ đạo Quốc gia phòng, chống dịch cúm gia cầm"]
    assert agencies("Cục Bản quyền Tác giả Văn học Nghệ thuật đã cấp giấy chứng nhận.") == [
        "Cục Bản quyền tác giả văn học - nghệ thuật"]


def test_the_students_union_and_oceanography_is_no_province() -> None:
    assert agencies("Chủ tịch Hội sinh viên TP Đà Nẵng phát biểu; Hội Sinh viên Việt Nam cũng tham gia.") == [
        "Hội Sinh viên thành phố Đà Nẵng", "Hội Sinh viên Việt Nam"]
    got = extract_entities("", normalize("Các chuyên gia của Viện Hải Dương học Nha Trang đã khảo sát."), "Dân Trí")
    assert got.agencies == ["Viện Hải Dương học Nha Trang"] and "Hải Dương" not in got.provinces


def test_the_ministrys_investigators_a_police_department_named_with_ve_and_a_board_closed_by_its_province() -> None:
    assert agencies("Ông A, thủ trưởng cơ quan điều tra Bộ Công an, đã làm việc tại Nghệ An.") == [
        "Cơ quan điều tra Bộ Công an"]
    assert agencies("Đến tối 20/10, Cơ quan điều tra - Bộ Công an đã hoàn tất thủ tục.") == ["Cơ quan điều tra Bộ Công an"]
    assert agencies("Cục cảnh sát điều tra về tội phạm kinh tế và chức vụ đã khởi tố hai người.") == [
        "Cục Cảnh sát điều tra về tội phạm kinh tế và chức vụ"]
    assert agencies("Theo Ban an toàn giao thông Nghệ An, số vụ tai nạn đã giảm.") == [
        "Ban An toàn giao thông tỉnh Nghệ An"]


def test_known_departments_a_verb_after_a_name_and_a_trade_office_is_no_departments_parent() -> None:
    assert agencies("Vụ Chính sách thị trường trong nước Bộ Thương mại cho biết giá đã giảm.") == [
        "Vụ Chính sách thị trường trong nước Bộ Thương mại"]
    assert agencies("Cục Quản lý Giá Bộ Tài chính đề nghị giữ giá.") == ["Cục Quản lý giá Bộ Tài chính"]
    assert agencies("Chi cục Phòng chống lụt bão chỉ đạo các quận của Hà Nội trực bão.") == [
        "Chi cục Phòng, chống lụt bão thành phố Hà Nội"]
    assert agencies("Cục Xúc tiến thương mại, Thương vụ Việt Nam tại Đức phối hợp tổ chức.") == [
        "Cục Xúc tiến thương mại", "Thương vụ Việt Nam tại Đức"]


def test_a_police_force_named_club_in_a_football_report() -> None:
    report = ("Tiền đạo A, cựu cầu thủ Công an Hà Nội, ghi bàn ở V-League. HLV B khen thủ môn và trọng tài. "
              "CLB đã gửi công văn tới Công an TP Vinh đề nghị bảo vệ cầu thủ.")
    assert agencies(report) == ["Công an thành phố Vinh (Nghệ An)"]


def test_a_citys_own_institute_and_a_ministrys_university_department() -> None:
    assert agencies("Viện trưởng Viện Kinh tế TP.HCM cho biết giá đất đã tăng.") == ["Viện Kinh tế thành phố Hồ Chí Minh"]
    assert agencies("Viện Pasteur TP HCM khuyến cáo người dân diệt muỗi.") == ["Viện Pasteur Thành phố Hồ Chí Minh"]
    assert agencies("Hôm qua, Vụ Đại học và Sau đại học đã có tờ trình lên lãnh đạo.") == ["Vụ Đại học và Sau đại học"]


def test_a_port_named_after_the_old_city_and_a_centre_for_mothers_and_children() -> None:
    assert agencies("Chi cục Hải quan cảng Sài Gòn khu vực 1 phát hiện lô hàng.") == [
        "Chi cục Hải quan cảng Sài Gòn khu vực 1"]
    assert agencies("Trung tâm Bảo vệ sức khỏe bà mẹ trẻ em tỉnh Hưng Yên cho biết.") == [
        "Trung tâm Bảo vệ sức khỏe bà mẹ trẻ em tỉnh Hưng Yên"]


def test_paired_acts_take_their_comma() -> None:
    assert agencies("Đội Phòng cháy chữa cháy quận 11, TP HCM cho biết.") == [
        "Đội Phòng cháy, chữa cháy quận 11 (TP Hồ Chí Minh)"]


def test_the_assemblys_standing_committee_written_short_and_a_long_known_name() -> None:
    assert agencies("Thường vụ Quốc hội đã cho ý kiến về dự thảo.") == ["Ủy ban Thường vụ Quốc hội"]
    assert agencies("Cục Kiểm tra văn bản quy phạm pháp luật Bộ Tư pháp đã kiến nghị.") == [
        "Cục Kiểm tra văn bản quy phạm pháp luật Bộ Tư pháp"]


def test_a_lower_case_office_of_a_ministry_or_a_committee() -> None:
    assert agencies("Theo Phó văn phòng Bộ GDĐT, đoàn sẽ đến vào tuần tới.") == ["Văn phòng Bộ Giáo dục và Đào tạo"]
    assert agencies("Lãnh đạo văn phòng UBND TP Hà Nội cho biết.") == ["Văn phòng Ủy ban nhân dân thành phố Hà Nội"]
    assert agencies("Thanh tra tại 11 văn phòng UBND và văn phòng Sở của Hà Nội cho thấy sai phạm.") == []


def test_the_standards_centres_and_the_provincial_broadcasters_under_their_names() -> None:
    assert agencies("Trung tâm Tiêu chuẩn Đo lường Chất lượng khu vực 3 đã kiểm định mẫu.") == [
        "Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng 3"]
    assert agencies("Đài phát thanh - truyền hình Bình Dương đưa tin.") == [
        "Đài Phát thanh và Truyền hình tỉnh Bình Dương"]
    assert agencies("Cả Vụ Tiểu học lẫn Viện Chiến lược và Chương trình giáo dục đều im lặng.") == [
        "Vụ Tiểu học", "Viện Chiến lược và Chương trình giáo dục"]


def test_a_military_investigating_body_and_a_known_council_beginning_like_a_generic_one() -> None:
    assert agencies("Hai người đã bị Cơ quan Điều tra Hình sự Quân khu 5 bắt tạm giam.") == [
        "Cơ quan Điều tra Hình sự Quân khu 5"]
    assert agencies("Đề xuất cơ quan điều tra tách khỏi Bộ Công an.") == ["Bộ Công an"]
    assert agencies("Phó Chủ tịch Hội đồng Thi đua- Khen thưởng Trung ương đã làm việc.") == [
        "Hội đồng Thi đua - Khen thưởng Trung ương"]
    assert agencies("Hội đồng thi trường THPT Chu Văn An đã họp.") == []


def test_a_case_named_after_a_person_venues_and_the_national_road_safety_committee_written_short() -> None:
    assert agencies("Vụ Lương Quốc Dũng: gia đình bị hại đề nghị xử công khai.") == []
    assert agencies("Hội chợ mở tại Trung tâm Hội chợ triển lãm Giảng Võ.") == []
    assert agencies("Trung tâm Quốc gia cho biết sẽ công bố sau.") == []
    assert agencies("Dự án do Asia Injuries phối hợp Ủy ban An toàn giao thông thực hiện.") == [
        "Ủy ban An toàn giao thông quốc gia"]


def test_a_provincial_tax_or_customs_department_written_bare() -> None:
    assert agencies("Tại TP HCM, Cục Thuế cho biết số thu tăng.") == ["Cục Thuế thành phố Hồ Chí Minh"]
    assert agencies("Cục Thuế cho biết số thu tăng.") == ["Cục Thuế"]  # no province named: kept bare


def test_the_aids_department_the_rescue_committee_and_a_post_offices_centre() -> None:
    assert agencies("Theo Cục Y tế dự phòng và Phòng chống HIV/AIDS, số ca mắc giảm.") == [
        "Cục Y tế dự phòng và Phòng chống HIV/AIDS"]
    assert agencies("Thủ tướng yêu cầu Ủy ban Quốc gia tìm kiếm cứu nạn, Bộ Quốc phòng chuẩn bị.") == [
        "Ủy ban Quốc gia tìm kiếm cứu nạn", "Bộ Quốc phòng"]
    assert agencies("Giám đốc Bưu điện Trung tâm Sài Gòn nhìn nhận sai sót.") == []
