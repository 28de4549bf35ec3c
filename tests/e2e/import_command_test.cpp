// `vanban import`: Word files made here with Pandoc from HTML shaped like real school
// documents (header table, tab alignment, bookmarks, several kinds of bullets).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string make_docx(const TempDir& tmp, const std::string& name) {
    std::string docx = tmp.str() + "/" + name + ".docx";
    run_command("pandoc -f html -t docx " + shell_quote(fixture("docx/" + name + ".html")) + " -o " + shell_quote(docx));
    REQUIRE(fs::exists(docx));
    return docx;
}

}  // namespace

TEST_CASE("a kế hoạch from Word: front matter from the header and signature blocks, headings and lists from the body") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string docx = make_docx(tmp, "ke-hoach");
    Run r = run_vanban("import --root " + shell_quote(root.string()) + " " + shell_quote(docx) + " --today 2026-11-23");
    INFO(r.out, r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "loai: ke-hoach"));
    CHECK(contains(r.out, "chưa nhận ra (điền tay, vanban check nhắc các chỗ [[...]]): so"));  // a draft: no number yet
    fs::path file = root / "plans/2023-2024/ke-hoach-trien-khai-chuyen-doi-so-nam-hoc-2023-2024.md";
    REQUIRE(fs::exists(file));
    std::string md = slurp(file.string());
    CHECK(contains(md, "---\nloai: ke-hoach\nngay: 2023-10-04\nnam_hoc: \"2023-2024\"\ntrich_yeu: \"Triển khai chuyển đổi số năm học 2023-2024\"\n"));
    CHECK(contains(md, "  quyen_han: \"KT. HIỆU TRƯỞNG\"\n  chuc_vu: \"PHÓ HIỆU TRƯỞNG\"\n  ho_ten: \"Lê Thị Thử\"\n"));
    CHECK(contains(md, "noi_nhan:\n  - \"Phòng GD&ĐT (b/c);\"\n  - \"Lưu: VT.\"\n---"));
    CHECK(contains(md, "\n# I. MỤC ĐÍCH, YÊU CẦU\n"));
    CHECK(contains(md, "\n## 1. Mục đích\n"));
    CHECK(contains(md, "\n## 2. Yêu cầu\n"));
    CHECK(contains(md, "\n### a) Đối với giáo viên\n"));
    CHECK(contains(md, "\n# II. NỘI DUNG\n"));
    CHECK(contains(md, "- Xây dựng kho học liệu số dùng chung.\n"));  // "·" bullet, line break inside the sentence joined
    CHECK(contains(md, "  - Mỗi giáo viên ít nhất 02 bài giảng.\n"));  // "+" is a sub-item
    CHECK(contains(md, "- Khuyến khích ghi hình tiết dạy.\n"));  // "•" bullet, bookmark span gone
    CHECK(contains(md, "- Tăng cường cơ sở vật chất.\n"));       // "[bookmark: _GoBack]" text gone
    CHECK(contains(md, "Trường THCS Thử Nghiệm xây dựng kế hoạch như sau:"));  // tab runs gone
    CHECK(contains(md, "(1) Giáo viên thiết kế hoạt động"));     // a long numbered sentence stays a paragraph
    CHECK(contains(md, "| Môn | Số bài giảng |\n|---|---|\n| Toán | 04 |\n"));
    CHECK_FALSE(contains(md, "CỘNG HÒA"));
    CHECK(contains(md, "Đoạn thụt lề vẫn là nội dung."));            // indented paragraphs come as block quotes
    CHECK(contains(md, "\n## 3. Hồ sơ điện tử\n\nCác loại hồ sơ được quản lý")); // a title and its first sentence on one line
    CHECK(contains(md, "chữ chữ chữ"));                               // a very long paragraph is kept (and crashes nothing)
    CHECK_FALSE(contains(md, "\n\n\n"));
    CHECK(contains(r.out, "0 lỗi"));  // and it checks clean

    // Never overwrites: a second import writes name-2.md; --dry-run writes nothing.
    REQUIRE(run_vanban("import --root " + shell_quote(root.string()) + " " + shell_quote(docx)).exit_code == 0);
    CHECK(fs::exists(root / "plans/2023-2024/ke-hoach-trien-khai-chuyen-doi-so-nam-hoc-2023-2024-2.md"));
    CHECK(slurp(file.string()) == md);
    Run dry = run_vanban("import --dry-run --root " + shell_quote(root.string()) + " " + shell_quote(docx));
    CHECK(contains(dry.out, "# I. MỤC ĐÍCH, YÊU CẦU"));
    CHECK_FALSE(fs::exists(root / "plans/2023-2024/ke-hoach-trien-khai-chuyen-doi-so-nam-hoc-2023-2024-3.md"));
}

TEST_CASE("a công văn from Word: number, V/v, Kính gửi, date with padded blanks") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    Run r = run_vanban("import --root " + shell_quote(root.string()) + " " + shell_quote(make_docx(tmp, "cong-van")) + " --today 2026-11-23");
    INFO(r.out, r.err);
    REQUIRE(r.exit_code == 0);
    fs::path file = root / "content/van-ban/2024-2025/cong-van-v-v-trien-khai-hoc-lieu-so.md";
    REQUIRE(fs::exists(file));
    std::string md = slurp(file.string());
    CHECK(contains(md, "loai: cong-van\nso: 118\nngay: 2024-10-09\nnam_hoc: \"2024-2025\"\ntrich_yeu: \"V/V triển khai học liệu số\"\n"));
    CHECK(contains(md, "kinh_gui:\n  - \"Các tổ chuyên môn;\"\n  - \"Giáo viên chủ nhiệm.\"\n"));
    CHECK(contains(md, "  chuc_vu: \"HIỆU TRƯỞNG\"\n  ho_ten: \"Nguyễn Văn Thử\"\n"));
    CHECK(contains(md, "\n# 1. Nội dung\n"));
    CHECK(contains(md, "\n# 2. Thời gian\n"));
    CHECK(contains(md, "- Mỗi tổ thẩm định học liệu số trước ngày 30/11/2024.\n"));
    CHECK(contains(md, "noi_nhan:\n  - \"Như trên;\"\n  - \"Lưu: VT.\"\n"));
}

TEST_CASE("a zip bomb is refused before Pandoc reads it, a .doc without LibreOffice gets a how-to") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string bomb = make_docx(tmp, "cong-van");
    // 600 MB of zeros packed into well under 1 MB, added to a real .docx.
    run_command("head -c 600000000 /dev/zero | zip -q " + shell_quote(bomb) + " -");
    REQUIRE(fs::file_size(bomb) < 5u << 20);
    Run r = run_vanban("import --root " + shell_quote(root.string()) + " " + shell_quote(bomb));
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "zip bomb"));
    CHECK(contains(r.err, "572 MB"));

    std::string doc = tmp.str() + "/cu.doc";
    { std::ofstream(doc) << "not a Word 97 file"; }
    Run d = run_vanban("import --root " + shell_quote(root.string()) + " " + shell_quote(doc), "PATH=/nonexistent ");
    CHECK(d.exit_code == 1);
    CHECK(contains(d.err, "Lưu thành (Save As)"));
}

TEST_CASE("a number too long to be one, and text that looks like Markdown, come through as written") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string md = tmp.str() + "/la.md", docx = tmp.str() + "/la.docx";
    {
        std::ofstream out(md);
        out << "Số: 99999999999/KH-THCSTN\n\nKẾ HOẠCH\n\n**Kiểm tra năm học 2024-2025**\n\nCăn cứ Luật Giáo dục năm 2019;\n\n"
               "~~~ ghi chú của bảng\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n\nNội dung.\n";
    }
    run_command("pandoc -f markdown " + shell_quote(md) + " -o " + shell_quote(docx));
    Run r = run_vanban("import --root " + shell_quote(root.string()) + " " + shell_quote(docx));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "(đủ)"));
    std::string written = slurp((root / "plans/2024-2025/ke-hoach-kiem-tra-nam-hoc-2024-2025.md").string());
    REQUIRE_FALSE(written.empty());
    CHECK(contains(written, "so: 99999999999\n"));
    // The "~~~" line stays a paragraph: the heading after it is still a heading.
    CHECK(contains(written, "\n\\~\\~\\~ ghi chú của bảng\n"));
    CHECK(contains(written, "\n# I. MỤC ĐÍCH, YÊU CẦU\n"));
    // check says what is wrong with the number, with its line.
    Run check = run_vanban("check --root " + shell_quote(root.string()));
    CHECK(contains(check.out, "ke-hoach-kiem-tra-nam-hoc-2024-2025.md:3:"));
    CHECK(contains(check.out, "\"so\" phải là một số nguyên dương"));
}

namespace {

// Imports a Word file made by Pandoc from `markdown` (a shape of a real document) with --dry-run.
Run import_markdown(const TempDir& tmp, const fs::path& root, const std::string& markdown) {
    static int n = 0;
    std::string md = tmp.str() + "/shape-" + std::to_string(++n) + ".md", docx = md + ".docx";
    std::ofstream(md) << markdown;
    run_command("pandoc -f markdown " + shell_quote(md) + " -o " + shell_quote(docx));
    return run_vanban("import --root " + shell_quote(root.string()) + " --dry-run " + shell_quote(docx));
}

}  // namespace

TEST_CASE("a signature block typed as paragraphs, a footnote on the trích yếu, another header line: nothing lost") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    SUBCASE("Nơi nhận with Word bullets and the signer as bold lines are the signature block, not an appendix") {
        Run r = import_markdown(tmp, root,
                                "TRƯỜNG THCS THỬ NGHIỆM\n\nSố: 21/KH-THCSTN\n\nThử, ngày 10 tháng 9 năm 2024\n\n**KẾ HOẠCH**\n\n"
                                "**Tổ chức ngày hội đọc sách**\n\n**I. MỤC ĐÍCH**\n\nKhuyến khích 95 % học sinh đọc sách.\n\n"
                                "**II. TỔ CHỨC THỰC HIỆN**\n\nThư viện chuẩn bị.\n\n*Nơi nhận:*\n\n- Phòng GD&ĐT (để báo cáo);\n- Lưu: VT.\n\n"
                                "**HIỆU TRƯỞNG**\n\n**Nguyễn Văn Thử**\n");
        INFO(r.out << r.err);
        CHECK(contains(r.out, "  chuc_vu: \"HIỆU TRƯỞNG\"\n  ho_ten: \"Nguyễn Văn Thử\"\nnoi_nhan:\n  - \"Phòng GD&ĐT (để báo cáo);\"\n  - \"Lưu: VT.\"\n"));
        CHECK_FALSE(contains(r.out, "# Phụ lục"));
        CHECK(contains(r.out, "(đủ)"));
    }
    SUBCASE("a footnote on the trích yếu opens the body, the notes after it are renumbered") {
        Run r = import_markdown(tmp, root,
                                "SỞ GIÁO DỤC VÀ ĐÀO TẠO THỬ\n\nSố: 1234/SGDĐT-GDTrH\n\nV/v hướng dẫn năm học 2024-2025[^t]\n\n"
                                "Thử, ngày 05 tháng 9 năm 2024\n\nKính gửi: Các trường trung học cơ sở.\n\n"
                                "Thực hiện Chỉ thị số 12/CT-BGDĐT[^a], Sở hướng dẫn như sau.\n\n"
                                "[^t]: Thay cho hướng dẫn số 321.\n\n[^a]: Chỉ thị của năm 2024.\n");
        INFO(r.out << r.err);
        CHECK(contains(r.out, "trich_yeu: \"V/v hướng dẫn năm học 2024-2025\"\n"));
        CHECK(contains(r.out, "\n(Thay cho hướng dẫn số 321.)\n"));
        CHECK(contains(r.out, "Chỉ thị số 12/CT-BGDĐT[^1], Sở"));
        CHECK(contains(r.out, "\n[^1]: Chỉ thị của năm 2024.\n"));
        CHECK(contains(r.out, "(đủ)"));
    }
    SUBCASE("the school's header naming another governing body than vanban.yaml is reported, its words missing") {
        Run r = import_markdown(tmp, root,
                                "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN KHÁC\n\nTRƯỜNG THCS THỬ NGHIỆM\n\nSố: 05/KH-THCSTN\n\n"
                                "Thử, ngày 02 tháng 10 năm 2024\n\n**KẾ HOẠCH**\n\n**Phòng chống đuối nước**\n\n**I. MỤC ĐÍCH**\n\nAn toàn.\n");
        INFO(r.out << r.err);
        CHECK(contains(r.out, "lưu ý: cơ quan chủ quản trên bản Word \"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN KHÁC\" khác cơ quan trong vanban.yaml"));
        CHECK(contains(r.out, "còn thiếu"));
        CHECK(contains(r.out, "KHÁC"));
    }
}

TEST_CASE("a link to the web keeps its address, in the body, a table and a footnote, a field keeps its text") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    Run r = import_markdown(tmp, root,
                            "TRƯỜNG THCS THỬ NGHIỆM\n\nSố: 07/KH-THCSTN\n\nThử, ngày 02 tháng 10 năm 2024\n\n**KẾ HOẠCH**\n\n"
                            "**Dùng [học liệu số](https://hoclieu.example.vn/gioi-thieu) năm học 2024-2025**\n\n"
                            "Căn cứ [hướng dẫn của Phòng](https://pgd.example.vn/hd?so=12&nam=(2024)) về học liệu[^1];\n\n"
                            "| Tổ | Trang |\n|---|---|\n| Toán | [trang tổ](https://toan.example.vn) |\n\n"
                            "[^1]: Đăng tại [trang của Phòng](mailto:pgd@example.vn).\n");
    INFO(r.out << r.err);
    CHECK(contains(r.out, "trich_yeu: \"Dùng học liệu số năm học 2024-2025\""));
    CHECK(contains(r.out, "lưu ý: liên kết \"học liệu số\" (https://hoclieu.example.vn/gioi-thieu) ở phần đầu văn bản"));
    CHECK(contains(r.out, "Căn cứ [hướng dẫn của Phòng](https://pgd.example.vn/hd?so=12&nam=%282024%29) về học liệu[^1];"));
    CHECK(contains(r.out, "| Toán | [trang tổ](https://toan.example.vn) |"));
    CHECK(contains(r.out, "[^1]: Đăng tại [trang của Phòng](mailto:pgd@example.vn)."));
    CHECK(contains(r.out, "(đủ)"));
}

TEST_CASE("a picture, which stays in the Word file, is reported with its caption and place") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    // The smallest PNG: one white pixel.
    static const unsigned char png[] = {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                                        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
                                        0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xFF, 0xFF, 0x3F,
                                        0x00, 0x05, 0xFE, 0x02, 0xFE, 0xDC, 0xCC, 0x59, 0xE7, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
                                        0x44, 0xAE, 0x42, 0x60, 0x82};
    std::ofstream(tmp.str() + "/so-do.png", std::ios::binary).write(reinterpret_cast<const char*>(png), sizeof png);
    Run r = import_markdown(tmp, root,
                            "**KẾ HOẠCH**\n\n**Tổ chức bộ máy năm học 2024-2025**\n\n**I. MỤC ĐÍCH**\n\nSơ đồ tổ chức: ![Sơ đồ các tổ](" +
                                tmp.str() + "/so-do.png)\n\nNội dung.\n");
    INFO(r.out << r.err);
    CHECK(contains(r.out, "lưu ý: hình ảnh \"Sơ đồ các tổ\" ở đoạn "));
    CHECK(contains(r.out, "(sau \"Sơ đồ tổ chức:\") không chép sang văn bản: thêm tay nếu cần"));
}

TEST_CASE("headings as schools type them: no space after the number, 30 syllables, a final period, Năm học with an en dash") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    Run r = import_markdown(tmp, root,
                            "TRƯỜNG THCS THỬ NGHIỆM\n\nSố: 09/KH-THCSTN\n\nThử, ngày 20 tháng 8 năm 2023\n\n**KẾ HOẠCH**\n\n"
                            "**Giáo dục kỹ năng sống Năm học 2023 – 2024**\n\nCăn cứ Thông tư số 04/2014/TT-BGDĐT ngày 28/02/2014;\n\n"
                            "**I.MỤC ĐÍCH, YÊU CẦU**\n\n**1.Mục đích**\n\nHọc sinh biết tự bảo vệ mình.\n\n"
                            "**2. Bảo đảm an toàn cho học sinh trong giờ học, giờ ra chơi, các buổi hoạt động trải nghiệm ngoài nhà trường "
                            "và trên đường đi học, đi về của các em ở các điểm trường lẻ.**\n\nGiáo viên chủ nhiệm theo dõi.\n");
    INFO(r.out << r.err);
    CHECK(contains(r.out, "nam_hoc: \"2023-2024\"\n"));
    CHECK(contains(r.out, "\n# I. MỤC ĐÍCH, YÊU CẦU\n"));
    CHECK(contains(r.out, "\n## 1. Mục đích\n"));
    CHECK(contains(r.out, "\n## 2. Bảo đảm an toàn cho học sinh trong giờ học, giờ ra chơi, các buổi hoạt động trải nghiệm ngoài nhà "
                          "trường và trên đường đi học, đi về của các em ở các điểm trường lẻ.\n"));
    CHECK(contains(r.out, "(đủ)"));
}
