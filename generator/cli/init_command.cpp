// `vanban init [DIR]`: a new school repository from the shipped skeleton (templates/init/).
#include <unistd.h>

#include <filesystem>

#include "cli/cli_support.h"
#include "cli/help.h"
#include "approval/git_repository.h"
#include "init/school_input.h"
#include "init/school_skeleton.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

// The existing folder in which writing `file` (relative to `dir`) first creates something: the
// parent of the first missing piece of its path. Empty when the file is already there.
fs::path folder_written(const fs::path& dir, const std::string& file) {
    std::error_code ec;
    fs::path target = dir / file;
    if (fs::exists(fs::symlink_status(target, ec))) return {};
    fs::path existing = target.parent_path();
    while (!existing.empty() && !fs::exists(fs::symlink_status(existing, ec))) existing = existing.parent_path();
    return existing.empty() ? fs::path(".") : existing;
}

// The first folder init would have to write in but may not (a read-only folder, a folder of
// another user): found before anything is written, so that a refusal leaves nothing half made.
std::string unwritable_folder(const std::string& dir, const std::vector<SkeletonFile>& files) {
    for (const auto& f : files) {
        fs::path folder = folder_written(dir, f.path);
        if (!folder.empty() && ::access(folder.c_str(), W_OK | X_OK) != 0) return folder.string();
    }
    return "";
}

}  // namespace

int run_init(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    SchoolFields school;
    bool force = false;
    std::vector<std::string> positional;
    po::options_description d;
    add_common(d, common);
    d.add_options()
        ("ten", po::value(&school.name)->value_name(common.text("TÊN", "NAME")),
         common.text("tên trường, ví dụ \"Trường THCS Bình Minh\"", "the school's name, e.g. \"Trường THCS Bình Minh\""))
        ("viet-tat", po::value(&school.abbreviation)->value_name(common.text("TÊN_VIẾT_TẮT", "ABBREVIATION")),
         common.text("tên viết tắt dùng trong ký hiệu văn bản, ví dụ THCSBM", "the abbreviation used in document symbols, e.g. THCSBM"))
        ("co-quan", po::value(&school.governing_body)->value_name(common.text("TÊN", "NAME")),
         common.text("cơ quan chủ quản, ví dụ \"ỦY BAN NHÂN DÂN XÃ BÌNH MINH\"", "the governing body, e.g. \"ỦY BAN NHÂN DÂN XÃ BÌNH MINH\""))
        ("dia-danh", po::value(&school.place)->value_name(common.text("ĐỊA_DANH", "PLACE")),
         common.text("địa danh ghi trước ngày tháng, ví dụ \"Bình Minh\"", "the place written before the date, e.g. \"Bình Minh\""))
        ("cap-hoc", po::value(&school.level)->value_name(common.text("CẤP", "LEVEL")),
         (school_level_codes() + common.text(" (mặc định: đọc từ tên trường)", " (default: read from the school's name)")).c_str())
        ("website", po::value(&school.website)->value_name("URL"),
         common.text("địa chỉ trang web của trường, ví dụ https://thcsbinhminh.edu.vn",
                     "the school website's address, e.g. https://thcsbinhminh.edu.vn"))
        ("force", po::bool_switch(&force),
         common.text("ghi vào thư mục đã có tệp: chỉ thêm các tệp còn thiếu, không ghi đè tệp nào",
                     "write into a folder that has files: add only the missing ones, overwrite nothing"));
    po::variables_map vm = parse_with_files(args, d, positional);
    if (vm.count("help")) return print_help("init", d, common, out);
    if (positional.size() > 1)
        throw UsageError(common.say("chỉ nhận một thư mục, ví dụ: vanban init truong-cua-toi --ten \"Trường THCS Bình Minh\" --viet-tat THCSBM",
                             "one folder only, e.g. vanban init my-school --ten \"Trường THCS Bình Minh\" --viet-tat THCSBM"));
    if (school.name.empty()) throw UsageError(common.say("cần --ten, ví dụ --ten \"Trường THCS Bình Minh\"", "--ten is needed, e.g. --ten \"Trường THCS Bình Minh\""));
    if (school.abbreviation.empty()) throw UsageError(common.say("cần --viet-tat, ví dụ --viet-tat THCSBM", "--viet-tat is needed, e.g. --viet-tat THCSBM"));
    std::vector<Message> notes;
    if (Message problem = school_fields_problem(school, notes); !problem.vi.empty()) throw UsageError(problem.in(common.english));
    if (school.level.empty()) school.level = level_from_name(school.name);
    if (school.level.empty())
        throw UsageError(common.say("tên trường không cho biết cấp học; thêm --cap-hoc, ví dụ --cap-hoc THCS",
                             "the school's name does not say its level; add --cap-hoc, e.g. --cap-hoc THCS"));
    if (!known_level(school.level))
        throw UsageError(common.say("cấp học \"" + school.level + "\" không hợp lệ; dùng một trong: " + school_level_codes(),
                             "the level \"" + school.level + "\" is not valid; use one of: " + school_level_codes()));
    // Not the upward search: a new repository goes where it is asked, or here.
    std::string dir = !positional.empty() ? positional[0] : common.root_option.empty() ? "." : common.root_option;

    std::error_code ec;
    fs::file_status status = fs::symlink_status(dir, ec);
    if (fs::is_symlink(status))
        throw UsageError(common.say(dir + " là liên kết tượng trưng; vanban không ghi qua liên kết (dùng thư mục thật)",
                             dir + " is a symbolic link; vanban does not write through links (use the real folder)"));
    if (fs::exists(status) && !fs::is_directory(status))
        throw UsageError(common.say(dir + " đã có và không phải thư mục", dir + " exists and is not a folder"));
    if (fs::exists(status) && !fs::is_empty(dir, ec) && !force)
        throw UsageError(common.say(dir + " đã có tệp; chọn một thư mục trống, hoặc thêm --force để chỉ ghi các tệp còn thiếu (không ghi đè)",
                             dir + " has files; choose an empty folder, or add --force to write only the missing files (overwriting none)"));

    Date today = check_options(common).today;
    std::vector<SkeletonFile> files = render_skeleton(default_templates_dir() + "/init", default_templates_dir(), school, school_year_of(today), today);
    // Every place is checked before the first file is written: a refusal leaves nothing half made.
    if (Message problem = target_problem(dir, files); !problem.vi.empty()) throw UsageError(problem.in(common.english));
    if (std::string folder = unwritable_folder(dir, files); !folder.empty())
        throw UsageError(common.say("không có quyền ghi vào thư mục " + folder + ". Chưa ghi tệp nào",
                             "no permission to write in the folder " + folder + ". No file was written"));
    for (const auto& note : notes) out << note.in(common.english) << '\n';
    fs::create_directories(dir);
    int written = 0, kept = 0;
    bool config_written = false;
    for (const auto& f : files) {
        if (fs::exists(fs::symlink_status(fs::path(dir) / f.path, ec))) {
            out << common.say("giữ nguyên ", "kept ") << f.path << '\n';
            ++kept;
            continue;
        }
        write_repository_file(dir, f.path, f.content, false, common.english);
        config_written |= f.path == "vanban.yaml";
        ++written;
    }
    // With vanban.yaml kept, the repository is the one already there, whatever --ten says.
    if (config_written)
        out << common.say("đã tạo kho văn bản của ", "created the repository of ") << school.name << common.say(" trong ", " in ") << dir << ": " << written
            << common.say(" tệp", " files");
    else
        out << common.say("đã bổ sung ", "added ") << written << common.say(" tệp còn thiếu vào kho trong ", " missing files to the repository in ") << dir;
    if (kept > 0) out << common.say(", giữ nguyên ", ", kept ") << kept << common.say(" tệp đã có", " existing files");
    out << "\n";
    // A school repository is a git repository of its own: GitHub reads .github/workflows only at
    // the top of one, and approvals are the history of exactly these files. A folder inside
    // another work tree (a home folder kept in git) gets its own repository too.
    std::error_code same_ec;
    std::string around = GitRepository::work_tree_around(dir);
    if (around.empty() || !fs::equivalent(around, dir, same_ec)) {
        if (std::string error = GitRepository::create(dir, "main"); !error.empty())
            throw std::runtime_error(common.say("không tạo được kho git trong " + dir + ": ", "could not create a git repository in " + dir + ": ") + error);
        out << common.say("đã tạo kho git (nhánh main) trong ", "created a git repository (branch main) in ") << dir;
        if (!around.empty())
            out << common.say(" (riêng, bên trong kho " + around + ": quy trình GitHub chỉ chạy ở gốc một kho)",
                       " (its own, inside the repository " + around + ": GitHub workflows run only at the top of a repository)");
        out << "\n";
    }
    // A vanban.yaml kept as it was is the school's own: what it lacks is not known from the options.
    if (config_written && (school.governing_body.empty() || school.place.empty()))
        out << common.say("Còn phải điền trong vanban.yaml:", "Still to fill in vanban.yaml:") << (school.governing_body.empty() ? " co_quan_chu_quan" : "")
            << (school.place.empty() ? " dia_danh" : "") << common.say(" (các chỗ [[...]]).\n", " (the [[...]] places).\n");
    std::string enter = dir == "." ? std::string() : "cd " + std::string(dir[0] == '-' ? "./" : "") + shell_word(dir) + " && ";  // "cd -x" would be an option
    out << common.say("Tiếp theo: đọc README.md, thay các chỗ [[...]] trong content/, rồi chạy: ", "Next: read README.md, replace the [[...]] places in content/, then run: ")
        << enter << "vanban check\n";
    return 0;
}

}  // namespace vanban
