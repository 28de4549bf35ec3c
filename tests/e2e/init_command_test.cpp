// `vanban init`: a new school repository from the shipped skeleton, that checks with warnings
// only and builds, never overwrites, and whose workflows parse.
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

const char* const kCategories[] = {"thong-tin-chung", "thu-chi-tai-chinh", "dieu-kien-bao-dam-chat-luong", "ke-hoach-ket-qua-giao-duc",
                                   "bao-cao-thuong-nien"};

Run init(const fs::path& dir, const std::string& more = "") {
    return run_vanban("init " + shell_quote(dir.string()) + " --ten 'Trường THCS Bình Minh' --viet-tat THCSBM --today 2025-10-01 " + more);
}

}  // namespace

TEST_CASE("vanban init writes a school repository that checks with warnings only and builds") {
    TempDir tmp;
    fs::path root = tmp.path / "truong";
    Run made = init(root, "--co-quan 'ỦY BAN NHÂN DÂN XÃ BÌNH MINH' --dia-danh 'Bình Minh' --website https://thcsbinhminh.edu.vn/");
    INFO(made.out, made.err);
    REQUIRE(made.exit_code == 0);
    for (const char* file : {"vanban.yaml", "README.md", ".gitignore", ".vanban/allowed_signers", "plans/2025-2026/.gitkeep",
                             "content/gioi-thieu.md", "content/lien-he.md", ".github/workflows/kiem-tra.yml", ".github/workflows/dang-trang.yml"})
        CHECK_MESSAGE(fs::is_regular_file(root / file), file);
    for (const char* category : kCategories)
        CHECK_MESSAGE(fs::is_regular_file(root / "content/cong-khai/2025-2026" / (std::string(category) + ".md")), category);
    std::string config = slurp((root / "vanban.yaml").string());
    CHECK(config.find("ten: \"Trường THCS Bình Minh\"") != std::string::npos);
    CHECK(config.find("co_quan_chu_quan: \"ỦY BAN NHÂN DÂN XÃ BÌNH MINH\"") != std::string::npos);
    CHECK(config.find("cap_hoc: THCS") != std::string::npos);  // read from the name
    CHECK(config.find("  website: \"https://thcsbinhminh.edu.vn\"") != std::string::npos);
    CHECK(config.find("# dia_chi:") != std::string::npos);  // not given: left commented out
    CHECK(config.find("{{") == std::string::npos);
    std::string stub = slurp((root / "content/cong-khai/2025-2026/thu-chi-tai-chinh.md").string());
    CHECK(stub.find("trich_yeu: \"Công khai thu, chi tài chính năm học 2025-2026\"") != std::string::npos);
    CHECK(stub.find("[[") != std::string::npos);  // honest: to be filled, and check says so

    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-10-01");
    INFO(check.out, check.err);
    CHECK(check.exit_code == 0);
    CHECK(check.out.find("[placeholder]") != std::string::npos);
    Run build = run_vanban("build --no-pdf --no-docx --root " + shell_quote(root.string()) + " --today 2025-10-01");
    INFO(build.out, build.err);
    CHECK(build.exit_code == 0);
    CHECK(fs::exists(root / "site/index.html"));
}

TEST_CASE("vanban init without the optional fields still checks with warnings only") {
    TempDir tmp;
    fs::path root = tmp.path / "truong";
    Run made = run_vanban("init " + shell_quote(root.string()) + " --ten 'Trường Tiểu học Hòa Bình' --viet-tat THHB --today 2026-03-02");
    INFO(made.out, made.err);
    REQUIRE(made.exit_code == 0);
    CHECK(made.out.find("co_quan_chu_quan dia_danh") != std::string::npos);  // says what is left to fill
    std::string config = slurp((root / "vanban.yaml").string());
    CHECK(config.find("cap_hoc: TH\n") != std::string::npos);
    CHECK(config.find("# website:") != std::string::npos);
    CHECK(fs::is_regular_file(root / "content/cong-khai/2025-2026/bao-cao-thuong-nien.md"));  // March is in 2025-2026
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2026-03-02");
    INFO(check.out, check.err);
    CHECK(check.exit_code == 0);
    // The hints left in vanban.yaml would be printed in every header: check points at them.
    CHECK(check.out.find("vanban.yaml:") != std::string::npos);
    CHECK(check.out.find("[placeholder] vanban.yaml: còn gợi ý chưa thay") != std::string::npos);
}

TEST_CASE("vanban init makes a git repository on main, its own even inside another work tree") {
    TempDir tmp;
    fs::path root = tmp.path / "truong";
    Run made = init(root);
    INFO(made.out, made.err);
    REQUIRE(made.exit_code == 0);
    CHECK(made.out.find("đã tạo kho git (nhánh main)") != std::string::npos);
    CHECK(fs::is_directory(root / ".git"));
    CHECK(run_command("git -C " + shell_quote(root.string()) + " symbolic-ref HEAD") == "refs/heads/main\n");

    // A home folder kept in git: the school's workflows must sit at the top of a repository.
    fs::path outer = tmp.path / "outer";
    fs::create_directories(outer);
    run_command("git init -q " + shell_quote(outer.string()));
    Run inner = init(outer / "van-ban");
    INFO(inner.out, inner.err);
    REQUIRE(inner.exit_code == 0);
    CHECK(inner.out.find("riêng, bên trong kho") != std::string::npos);
    CHECK(fs::is_directory(outer / "van-ban/.git"));

    // Run again with --force in a folder that is already the top of its repository: used as it is.
    Run again = init(root, "--force");
    INFO(again.out, again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("kho git") == std::string::npos);
}

TEST_CASE("vanban init asks for what it cannot guess and refuses a folder that has files") {
    TempDir tmp;
    Run no_level = run_vanban("init " + shell_quote(tmp.str() + "/a") + " --ten 'Trường Bình Minh' --viet-tat BM");
    CHECK(no_level.exit_code == 2);
    CHECK(no_level.err.find("--cap-hoc") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path / "a"));
    Run no_name = run_vanban("init " + shell_quote(tmp.str() + "/a") + " --viet-tat BM");
    CHECK(no_name.exit_code == 2);
    CHECK(no_name.err.find("--ten") != std::string::npos);

    fs::path root = tmp.path / "truong";
    fs::create_directories(root);
    std::ofstream(root / "ghi-chu.txt") << "của trường\n";
    Run refused = init(root);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--force") != std::string::npos);
    CHECK_FALSE(fs::exists(root / "vanban.yaml"));
}

TEST_CASE("vanban init --force writes only the missing files and never follows a link") {
    TempDir tmp;
    fs::path root = tmp.path / "truong";
    fs::create_directories(root / "content");
    std::ofstream(root / "vanban.yaml") << "truong:\n  ten: \"Của trường\"\n";
    std::ofstream(root / "content/gioi-thieu.md") << "viết tay\n";
    Run made = init(root, "--force");
    INFO(made.out, made.err);
    REQUIRE(made.exit_code == 0);
    CHECK(slurp((root / "vanban.yaml").string()) == "truong:\n  ten: \"Của trường\"\n");
    CHECK(slurp((root / "content/gioi-thieu.md").string()) == "viết tay\n");
    CHECK(made.out.find("giữ nguyên vanban.yaml") != std::string::npos);
    // The kept vanban.yaml is the school's: its repository is not said to be made for --ten.
    CHECK(made.out.find("đã bổ sung ") != std::string::npos);
    CHECK(made.out.find("tệp còn thiếu vào kho trong " + root.string()) != std::string::npos);
    CHECK(made.out.find("đã tạo kho văn bản của") == std::string::npos);
    CHECK(fs::is_regular_file(root / "content/lien-he.md"));
    CHECK(fs::is_regular_file(root / ".github/workflows/kiem-tra.yml"));

    // A linked folder would send the files elsewhere: refused, nothing written there.
    fs::path other = tmp.path / "other";
    fs::create_directories(other);
    fs::path linked = tmp.path / "linked";
    fs::create_directories(linked);
    fs::create_directory_symlink(other, linked / "content");
    Run through_link = init(linked, "--force");
    CHECK(through_link.exit_code == 2);
    CHECK(through_link.err.find("liên kết tượng trưng") != std::string::npos);
    CHECK(fs::is_empty(other));
}

TEST_CASE("the workflows vanban init writes parse and install the released package") {
    TempDir tmp;
    fs::path root = tmp.path / "truong";
    REQUIRE(init(root).exit_code == 0);
    std::string version = run_vanban("--version").out;  // "vanban 0.2.0\n"
    version = version.substr(7, version.size() - 8);
    YAML::Node check = YAML::LoadFile((root / ".github/workflows/kiem-tra.yml").string());
    YAML::Node publish = YAML::LoadFile((root / ".github/workflows/dang-trang.yml").string());
    for (const auto& w : {check, publish}) {
        CHECK(w["env"]["VANBAN_VERSION"].as<std::string>() == version);
        CHECK(w["env"]["VANBAN_DEB_URL"].as<std::string>() ==
              "https://github.com/vanban-vn/vanban/releases/download/v" + version + "/vanban_" + version + "_amd64.deb");
        CHECK(w["env"]["VANBAN_TRUST_ROOT"].as<std::string>() == "${{ vars.VANBAN_TRUST_ROOT }}");  // GitHub's, left as it is
    }
    CHECK(check["permissions"]["contents"].as<std::string>() == "read");
    CHECK(publish["concurrency"]["cancel-in-progress"].as<std::string>() == "false");
    CHECK(publish["on"]["workflow_dispatch"]);
    std::string text = slurp((root / ".github/workflows/kiem-tra.yml").string());
    CHECK(text.find("cmake") == std::string::npos);  // no compiling
    CHECK(text.find("<%") == std::string::npos);
}

TEST_CASE("a new school with keys not yet committed gets one warning saying to sign the first commit") {
    TempDir tmp;
    fs::path root = tmp.path / "truong";
    REQUIRE(init(root, "--co-quan 'ỦY BAN NHÂN DÂN XÃ BÌNH MINH' --dia-danh 'Bình Minh'").exit_code == 0);
    std::string git = "git -C " + shell_quote(root.string()) + " -c user.name=A -c user.email=a@b.vn ";
    run_command(git + "add -A && " + git + "commit -q -m 'Kho mới'");
    run_command("ssh-keygen -q -t ed25519 -N '' -C a@b.vn -f " + shell_quote(tmp.str() + "/key"));
    std::ofstream(root / ".vanban/allowed_signers", std::ios::app) << "a@b.vn namespaces=\"git\" " << slurp(tmp.str() + "/key.pub");
    std::ofstream(root / "vanban.yaml", std::ios::app) << "phe_duyet:\n  vai_tro:\n    hieu-truong: [a@b.vn]\n";
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-10-01");
    INFO(check.out, check.err);
    CHECK(check.exit_code == 0);
    CHECK(check.out.find("vanban.yaml:1:1: cảnh báo [trust] phê duyệt đã bật nhưng lịch sử chưa có commit nào chứa danh sách khóa") !=
          std::string::npos);
    CHECK(check.out.find("git commit -S") != std::string::npos);
    // Not one warning per shipped type file, by its path outside the repository.
    CHECK(check.out.find("chưa có chính sách phê duyệt được tin cậy") == std::string::npos);
    CHECK(check.out.find("templates/types/") == std::string::npos);
}

TEST_CASE("a new school with approvals on before its first commit gets a warning to make that commit, not an error") {
    TempDir tmp;
    fs::path root = tmp.path / "truong";
    REQUIRE(init(root, "--co-quan 'ỦY BAN NHÂN DÂN XÃ BÌNH MINH' --dia-danh 'Bình Minh'").exit_code == 0);
    std::ofstream(root / "vanban.yaml", std::ios::app) << "phe_duyet:\n  vai_tro:\n    hieu-truong: [a@b.vn]\n";
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-10-01");
    INFO(check.out, check.err);
    CHECK(check.exit_code == 0);
    CHECK(check.out.find("vanban.yaml:1:1: cảnh báo [trust] phê duyệt đã bật nhưng kho chưa có commit nào") != std::string::npos);
    CHECK(check.out.find("git commit -S") != std::string::npos);
    CHECK(check.out.find("--depth") == std::string::npos);
    // The hint's section is in the README that init wrote.
    CHECK(check.out.find("mục \"Khóa ký và phê duyệt\"") != std::string::npos);
    CHECK(slurp((root / "README.md").string()).find("\n## Khóa ký và phê duyệt\n") != std::string::npos);
}

TEST_CASE("the staff README vanban init writes works in its order: the new document it names is the one approved, after its commit") {
    TempDir tmp;
    fs::path root = tmp.path / "truong";
    REQUIRE(init(root).exit_code == 0);
    std::string readme = slurp((root / "README.md").string());
    const std::string year = "2025-2026";  // the school year of --today 2025-10-01
    const std::string marker = "vanban new ke-hoach --title \"";
    size_t at = readme.find(marker);
    REQUIRE(at != std::string::npos);
    std::string title = readme.substr(at + marker.size(), readme.find('"', at + marker.size()) - at - marker.size());
    CHECK(title.rfind("Kế hoạch", 0) != 0);  // the type is not repeated in the file name
    Run made = run_vanban("new ke-hoach --year " + year + " --title " + shell_quote(title) + " --root " + shell_quote(root.string()));
    INFO(made.out, made.err);
    REQUIRE(made.exit_code == 0);
    std::string file;
    for (const auto& entry : fs::directory_iterator(root / "plans" / year))
        if (entry.path().extension() == ".md") file = "plans/" + year + "/" + entry.path().filename().string();
    REQUIRE_FALSE(file.empty());
    size_t approve = readme.find("vanban approve " + file + " ");
    CHECK(approve != std::string::npos);
    // Keys before the first document, the document committed before it is approved, pushed after.
    CHECK(readme.find("git commit -S") < readme.find(marker));
    CHECK(readme.find("git add -A && git commit -m") < approve);
    CHECK(approve < readme.find("git push"));
}

TEST_CASE("vanban init refuses a folder it may not write in before writing anything, and names it") {
    // Only root can hand folders to another user; setpriv runs vanban as that user.
    if (::geteuid() != 0 || run_command("command -v setpriv").empty()) {
        MESSAGE("skipped: needs root and setpriv");
        return;
    }
    TempDir tmp;
    fs::permissions(tmp.path, fs::perms::all);
    fs::path root = tmp.path / "truong";
    fs::create_directories(root / "content");  // root's, read-only to nobody
    std::ofstream(root / "vanban.yaml") << "truong:\n  ten: \"Của trường\"\n";
    REQUIRE(::chown(root.c_str(), 65534, 65534) == 0);
    REQUIRE(::chown((root / "vanban.yaml").c_str(), 65534, 65534) == 0);
    std::string as_nobody = "HOME=" + shell_quote(tmp.str()) + " setpriv --reuid=nobody --regid=nogroup --clear-groups ";
    Run r = run_vanban("init " + shell_quote(root.string()) + " --force --ten 'Trường THCS Bình Minh' --viet-tat THCSBM", as_nobody);
    INFO(r.out, r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("vanban init: ", 0) == 0);
    CHECK(r.err.find("không có quyền ghi vào thư mục " + (root / "content").string()) != std::string::npos);
    CHECK_FALSE(fs::exists(root / "README.md"));  // nothing written, not even where it could be
    CHECK_FALSE(fs::exists(root / ".git"));
}

TEST_CASE("vanban init -- -dash takes -dash as the folder and says to enter it as ./-dash") {
    TempDir tmp;
    Run r = run_vanban("init --ten 'Trường THCS Bình Minh' --viet-tat THCSBM -- -dash", "-C " + shell_quote(tmp.str()) + " ");
    INFO(r.out, r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(fs::is_regular_file(tmp.path / "-dash/vanban.yaml"));
    CHECK(r.out.find("cd ./-dash && vanban check") != std::string::npos);
}
