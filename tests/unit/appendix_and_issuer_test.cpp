// Appendices (Phụ lục), footnotes, documents of other agencies and the superior approval
// block: how the loader models them, what the generated parts say, how checks treat them.
#include <doctest/doctest.h>

#include "load/markdown.h"
#include "model/official_parts.h"
#include "html/body_html.h"
#include "test_support.h"

using namespace vanban;
using vanban::test::make_repository;
using vanban::test::plan;
using vanban::test::run_rule;

namespace {

const char* kTwoAppendices =
    "# I. MỤC ĐÍCH, YÊU CẦU\n\nVăn bản[^1].\n\n# II. NỘI DUNG\n\nViệc một.\n\n# III. TỔ CHỨC THỰC HIỆN\n\nTrên đây./.\n\n"
    "[^1]: Chú thích ở thân văn bản.\n\n"
    "# PHỤ LỤC I: DANH MỤC THIẾT BỊ\n\n(Kèm theo Kế hoạch số 12/KH-THCSTN ngày 20/9/2024)\n\n"
    "# I. MÁY TÍNH\n\n## 1. Phòng tin học\n\n| Phòng | Số máy |\n|---|---:|\n| P1 | 20 |\n\n"
    "# Phụ lục II — Lịch thực hiện\n\n# I. HỌC KỲ I\n\n# II. HỌC KỲ II\n\nLịch[^2].\n\n[^2]: Chú thích trong phụ lục.\n";

}  // namespace

TEST_CASE("appendix headings: label, separator and title as written") {
    std::string label, title;
    CHECK(parse_appendix_heading("PHỤ LỤC I: DANH MỤC THIẾT BỊ", label, title));
    CHECK(label == "I");
    CHECK(title == "DANH MỤC THIẾT BỊ");
    CHECK(parse_appendix_heading("Phụ lục 1.1 - Kế hoạch dạy học", label, title));
    CHECK(label == "1.1");
    CHECK(title == "Kế hoạch dạy học");
    CHECK(parse_appendix_heading("Phụ lục II — Lịch thực hiện", label, title));
    CHECK(label == "II");
    CHECK(title == "Lịch thực hiện");
    CHECK(parse_appendix_heading("PHỤ LỤC", label, title));
    CHECK(label.empty());
    CHECK(title.empty());
    CHECK(parse_appendix_heading("Phụ lục Kế hoạch", label, title));
    CHECK(label.empty());
    CHECK(title == "Kế hoạch");
    CHECK_FALSE(parse_appendix_heading("II. NỘI DUNG", label, title));
}

TEST_CASE("appendices are parts of their own, footnotes stay with the body") {
    auto repo = make_repository({{"plans/a.md", plan(kTwoAppendices)}});
    const Document& doc = repo.documents[0];
    REQUIRE(doc.appendices.size() == 2);
    CHECK(doc.appendices[0].label == "I");
    CHECK(doc.appendices[0].title == "DANH MỤC THIẾT BỊ");
    CHECK(doc.appendices[0].attached_to == "(Kèm theo Kế hoạch số 12/KH-THCSTN ngày 20/9/2024)");
    CHECK(doc.appendices[1].label == "II");
    CHECK(doc.appendices[1].attached_to.empty());
    CHECK(doc.appendices[0].end_line + 1 == doc.appendices[1].at.line);

    std::vector<std::pair<int, std::string>> parts;
    for (const auto& h : doc.headings) parts.emplace_back(h.part, h.text);
    CHECK(parts == std::vector<std::pair<int, std::string>>{{0, "I. MỤC ĐÍCH, YÊU CẦU"},
                                                            {0, "II. NỘI DUNG"},
                                                            {0, "III. TỔ CHỨC THỰC HIỆN"},
                                                            {1, "PHỤ LỤC I: DANH MỤC THIẾT BỊ"},
                                                            {1, "I. MÁY TÍNH"},
                                                            {1, "1. Phòng tin học"},
                                                            {2, "Phụ lục II — Lịch thực hiện"},
                                                            {2, "I. HỌC KỲ I"},
                                                            {2, "II. HỌC KỲ II"}});
    CHECK(doc.headings[3].opens_appendix);
    CHECK_FALSE(doc.headings[4].opens_appendix);

    std::string body = render_body_html(doc, 0, false, nullptr);
    CHECK(body.find("MÁY TÍNH") == std::string::npos);
    CHECK(body.find("Chú thích ở thân văn bản.") != std::string::npos);
    // A note referred to from an appendix is printed with the body's notes, where its link points.
    CHECK(body.find("Chú thích trong phụ lục.") != std::string::npos);
    std::string first = render_body_html(doc, 1, false, nullptr);
    CHECK(first.find("<h1 id=\"i-may-tinh\">I. MÁY TÍNH</h1>") != std::string::npos);
    CHECK(first.find("Kèm theo") == std::string::npos);
    CHECK(first.find("<td align=\"right\">20</td>") != std::string::npos);
    std::string second = render_body_html(doc, 2, false, nullptr);
    CHECK(second.find("HỌC KỲ II") != std::string::npos);
    CHECK(second.find("MÁY TÍNH") == std::string::npos);
}

TEST_CASE("appendix numbering starts again and appendices are not required sections") {
    auto repo = make_repository({{"plans/a.md", plan(kTwoAppendices)}});
    CHECK(run_rule(repo, "heading-numbering").empty());
    CHECK(run_rule(repo, "required-section").empty());
    CHECK(run_rule(repo, "section-order").empty());

    // Inside an appendix the sequence is still checked, from its own start.
    std::string broken = kTwoAppendices;
    broken.replace(broken.find("# II. HỌC KỲ II"), 15, "# III. HỌC KỲ II");
    auto found = run_rule(make_repository({{"plans/a.md", plan(broken)}}), "heading-numbering");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.vi.find("\"II.\"") != std::string::npos);
}

TEST_CASE("the generated appendix headings follow the document") {
    auto repo = make_repository({{"plans/a.md", plan(kTwoAppendices)}});
    OfficialParts p = official_parts(repo.documents[0], repo.school);
    REQUIRE(p.appendices.size() == 2);
    CHECK(p.appendices[0].label_line == "Phụ lục I");
    CHECK(p.appendices[0].attached_to == "(Kèm theo Kế hoạch số 12/KH-THCSTN ngày 20/9/2024)");
    CHECK(p.appendices[1].title == "LỊCH THỰC HIỆN");
    CHECK(p.appendices[1].attached_to == "(Kèm theo Kế hoạch số 12/KH-THCSTN ngày 20/9/2024 của Trường THCS Thử Nghiệm)");
}

TEST_CASE("a document of another agency keeps its issuer, place and ký hiệu") {
    std::string front =
        "---\nloai: cong-van\nso: 5095\nky_hieu: \"SGDĐT-CTTT\"\nngay: 2025-12-03\nnam_hoc: \"2025-2026\"\n"
        "trich_yeu: \"V/v phòng, chống ô nhiễm không khí\"\n"
        "co_quan_ban_hanh:\n  ten: \"Sở Giáo dục và Đào tạo\"\n  chu_quan: \"UBND thành phố Hà Nội\"\n  dia_danh: \"Hà Nội\"\n"
        "nguoi_ky:\n  quyen_han: \"KT. GIÁM ĐỐC\"\n  chuc_vu: \"PHÓ GIÁM ĐỐC\"\n  ho_ten: \"Lê Văn Thử\"\n"
        "kinh_gui: [\"Các đơn vị trực thuộc\"]\nnoi_nhan: [\"Như trên;\", \"Lưu: VT.\"]\n---\n";
    // Its text is as issued: a numbering slip there is the issuer's, so only a warning.
    auto repo = make_repository({{"content/cv.md", front + "# 1. Việc một\n\n# 3. Việc ba\n"}});
    const Document& doc = repo.documents[0];
    REQUIRE(doc.issuing_body);
    CHECK(doc.symbol == "5095/SGDĐT-CTTT");
    OfficialParts p = official_parts(doc, repo.school);
    CHECK(p.other_agency);
    CHECK(p.issuer == "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    CHECK(p.governing_body == "UBND THÀNH PHỐ HÀ NỘI");
    CHECK(p.place_and_date == "Hà Nội, ngày 03 tháng 12 năm 2025");
    CHECK(p.number_line == "Số: 5095/SGDĐT-CTTT");
    auto numbering = run_rule(repo, "heading-numbering");
    REQUIRE(numbering.size() == 1);
    CHECK(numbering[0].severity == Severity::Warning);
    CHECK(numbering[0].message.vi.rfind("văn bản của Sở Giáo dục và Đào tạo", 0) == 0);
    CHECK(run_rule(repo, "front-matter").empty());

    // Its signature line as issued ("KT GIÁM ĐỐC" without the dot): the issuer's slip, a warning.
    std::string slip = front;
    slip.replace(slip.find("KT. GIÁM ĐỐC"), std::string("KT. GIÁM ĐỐC").size(), "KT GIÁM ĐỐC");
    auto signer = run_rule(make_repository({{"content/cv.md", slip}}), "front-matter");
    REQUIRE(signer.size() == 1);
    CHECK(signer[0].severity == Severity::Warning);

    // Without the issued ký hiệu or place, the record is incomplete.
    std::string incomplete = front;
    incomplete.erase(incomplete.find("ky_hieu:"), incomplete.find("ngay:") - incomplete.find("ky_hieu:"));
    incomplete.erase(incomplete.find("  dia_danh:"), incomplete.find("nguoi_ky:") - incomplete.find("  dia_danh:"));
    auto errors = run_rule(make_repository({{"content/cv.md", incomplete}}), "front-matter");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].severity == Severity::Error);
}

TEST_CASE("the superior office's approval block") {
    auto repo = make_repository({{"plans/a.md", plan(vanban::test::kValidBody,
                                                     "duyet_cap_tren:\n  tieu_de: \"Phê duyệt của Phòng GD&ĐT\"\n"
                                                     "  ngay: 2024-09-24\n  quyen_han: \"KT. TRƯỞNG PHÒNG\"\n"
                                                     "  chuc_vu: \"PHÓ TRƯỞNG PHÒNG\"\n  ho_ten: \"Đinh Văn Thử\"\n")}});
    CHECK(run_rule(repo, "front-matter").empty());
    OfficialParts p = official_parts(repo.documents[0], repo.school);
    REQUIRE(p.superior_approval);
    CHECK(p.superior_approval->heading == "PHÊ DUYỆT CỦA PHÒNG GD&ĐT");
    CHECK(p.superior_approval->date_line == "Ngày 24 tháng 9 năm 2024");
    CHECK(p.superior_approval->authority == std::vector<std::string>{"KT. TRƯỞNG PHÒNG"});
    CHECK(p.superior_approval->signer == "Đinh Văn Thử");

    auto bad = make_repository({{"plans/a.md", plan(vanban::test::kValidBody, "duyet_cap_tren:\n  chuc_vu: \"TRƯỞNG PHÒNG\"\n  ngay: 24/9/2024\n  ky: x\n")}});
    auto errors = run_rule(bad, "front-matter");
    CHECK(errors.size() == 3);  // ho_ten missing, date not ISO, unknown key
}

TEST_CASE("a ký hiệu written with its number must carry the document's số") {
    auto agree = make_repository({{"plans/a.md", plan(vanban::test::kValidBody, "ky_hieu: \"12/KH-THCSTN.TCM\"\n")}});
    CHECK(run_rule(agree, "front-matter").empty());
    CHECK(agree.documents[0].symbol == "12/KH-THCSTN.TCM");
    auto differ = make_repository({{"plans/a.md", plan(vanban::test::kValidBody, "ky_hieu: \"30/KH-THCSTN\"\n")}});
    auto found = run_rule(differ, "front-matter");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.vi == "ký hiệu \"30/KH-THCSTN\" ghi số \"30\" nhưng so là 12");
}

TEST_CASE("appendices that hold nothing, repeat a label or open before the body are pointed at") {
    std::string body = std::string(vanban::test::kValidBody) + "\n# Phụ lục I: MỘT\n\nNội dung.\n\n# Phụ lục I: HAI\n\nNội dung.\n\n# Phụ lục II\n";
    auto found = run_rule(make_repository({{"plans/a.md", plan(body)}}), "appendix");
    REQUIRE(found.size() == 2);
    CHECK(found[0].message.vi == "hai phụ lục cùng số \"I\"");
    CHECK(found[1].message.vi == "phụ lục không có nội dung");
    CHECK(found[1].severity == Severity::Warning);

    auto swallowed = run_rule(make_repository({{"plans/a.md", plan("# Phụ lục 0\n\n" + std::string(vanban::test::kValidBody))}}), "appendix");
    REQUIRE(swallowed.size() == 1);
    CHECK(swallowed[0].at.line == 13);
    CHECK(swallowed[0].message.vi.rfind("phụ lục mở trước phần thân", 0) == 0);

    CHECK(run_rule(make_repository({{"plans/a.md", plan(kTwoAppendices)}}), "appendix").empty());
}

TEST_CASE("a signing authority with two prefixes is printed on two lines") {
    std::string front =
        "---\nloai: ke-hoach\nso: 624\nky_hieu: \"KH-UBND\"\nngay: 2025-11-19\nnam_hoc: \"2025-2026\"\ntrich_yeu: \"Thử\"\n"
        "co_quan_ban_hanh:\n  ten: \"ỦY BAN NHÂN DÂN TỈNH THỬ\"\n  dia_danh: \"Thử\"\n"
        "nguoi_ky:\n  quyen_han: \"TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH\"\n  chuc_vu: \"PHÓ CHỦ TỊCH\"\n  ho_ten: \"Lê Văn Thử\"\n"
        "noi_nhan: [\"Lưu: VT.\"]\n---\n";
    auto repo = make_repository({{"content/kh.md", front}});
    OfficialParts p = official_parts(repo.documents[0], repo.school);
    CHECK(p.authority == std::vector<std::string>{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"});
    CHECK(p.position == "PHÓ CHỦ TỊCH");
}
