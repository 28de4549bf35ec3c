// `vanban init [DIR]`: a new school repository from the shipped skeleton (templates/init/).
#include <filesystem>

#include "cli/cli_support.h"
#include "init/school_skeleton.h"
#include "text/url.h"

namespace fs = std::filesystem;

namespace vanban {

int run_init(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common;
    SchoolFields school;
    bool force = false;
    std::vector<std::string> positional;
    po::options_description d("vanban init [THƯ_MỤC] --ten \"Trường …\" --viet-tat X — tạo kho văn bản mới cho nhà trường");
    add_common(d, common);
    d.add_options()
        ("ten", po::value(&school.name), "tên trường, ví dụ \"Trường THCS Bình Minh\"")
        ("viet-tat", po::value(&school.abbreviation), "tên viết tắt dùng trong ký hiệu văn bản, ví dụ THCSBM")
        ("co-quan", po::value(&school.governing_body), "cơ quan chủ quản, ví dụ \"ỦY BAN NHÂN DÂN XÃ BÌNH MINH\"")
        ("dia-danh", po::value(&school.place), "địa danh ghi trước ngày tháng, ví dụ \"Bình Minh\"")
        ("cap-hoc", po::value(&school.level), "MN, TH, THCS, THPT, TH-THCS, THCS-THPT, TH-THCS-THPT hoặc GDTX (mặc định: đọc từ tên trường)")
        ("website", po::value(&school.website), "địa chỉ trang web của trường, ví dụ https://thcsbinhminh.edu.vn")
        ("force", po::bool_switch(&force), "ghi vào thư mục đã có tệp: chỉ thêm các tệp còn thiếu, không ghi đè tệp nào");
    po::variables_map vm = parse_with_files(args, d, positional, "thư mục của kho mới (mặc định: --root, tức thư mục hiện tại)");
    if (vm.count("help")) {
        out << d << '\n';
        return 0;
    }
    if (positional.size() > 1) throw UsageError("chỉ nhận một thư mục, ví dụ: vanban init truong-cua-toi --ten \"Trường THCS Bình Minh\" --viet-tat THCSBM");
    if (school.name.empty()) throw UsageError("cần --ten, ví dụ --ten \"Trường THCS Bình Minh\"");
    if (school.abbreviation.empty()) throw UsageError("cần --viet-tat, ví dụ --viet-tat THCSBM");
    if (school.level.empty()) school.level = level_from_name(school.name);
    if (school.level.empty()) throw UsageError("tên trường không cho biết cấp học; thêm --cap-hoc, ví dụ --cap-hoc THCS");
    if (!known_level(school.level))
        throw UsageError("cấp học \"" + school.level + "\" không hợp lệ; dùng MN, TH, THCS, THPT, TH-THCS, THCS-THPT, TH-THCS-THPT hoặc GDTX");
    while (!school.website.empty() && school.website.back() == '/') school.website.pop_back();
    if (!school.website.empty() && !is_web_address(school.website))
        throw UsageError("--website cần một địa chỉ http:// hoặc https://, ví dụ https://thcsbinhminh.edu.vn");
    std::string dir = positional.empty() ? common.root : positional[0];

    std::error_code ec;
    fs::file_status status = fs::symlink_status(dir, ec);
    if (fs::is_symlink(status)) throw UsageError(dir + " là liên kết tượng trưng; vanban không ghi qua liên kết (dùng thư mục thật)");
    if (fs::exists(status) && !fs::is_directory(status)) throw UsageError(dir + " đã có và không phải thư mục");
    if (fs::exists(status) && !fs::is_empty(dir, ec) && !force)
        throw UsageError(dir + " đã có tệp; chọn một thư mục trống, hoặc thêm --force để chỉ ghi các tệp còn thiếu (không ghi đè)");
    fs::create_directories(dir);

    Date today = check_options(common).today;
    std::vector<SkeletonFile> files = render_skeleton(default_templates_dir() + "/init", default_templates_dir(), school, school_year_of(today), today);
    int written = 0, kept = 0;
    for (const auto& f : files) {
        if (fs::exists(fs::symlink_status(fs::path(dir) / f.path, ec))) {
            out << "giữ nguyên " << f.path << '\n';
            ++kept;
            continue;
        }
        write_repository_file(dir, f.path, f.content, false);
        ++written;
    }
    out << "đã tạo kho văn bản của " << school.name << " trong " << dir << ": " << written << " tệp";
    if (kept > 0) out << ", giữ nguyên " << kept << " tệp đã có";
    out << "\n";
    if (school.governing_body.empty() || school.place.empty())
        out << "Còn phải điền trong vanban.yaml:" << (school.governing_body.empty() ? " co_quan_chu_quan" : "")
            << (school.place.empty() ? " dia_danh" : "") << " (các chỗ [[...]]).\n";
    out << "Tiếp theo: đọc README.md, thay các chỗ [[...]] trong content/, rồi chạy vanban check"
        << (dir == "." ? "" : " --root " + dir) << ".\n";
    return 0;
}

}  // namespace vanban
