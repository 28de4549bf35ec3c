// Everyday commands as a school uses them: run from a subfolder, approve's pre-check, English
// messages, the repository found upward, serve's bind errors, init's input and `new`'s title.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "run_vanban.h"
#include "school_repo.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

// vanban run with `dir` as the current folder (GNU env -C).
Run run_in(const fs::path& dir, const std::string& args, const std::string& environment = "") {
    return run_vanban(args, "-C " + shell_quote(dir.string()) + " " + environment);
}

std::string cache_env(const TempDir& tmp) { return "VANBAN_CACHE=" + shell_quote(tmp.str() + "/cache") + " "; }

}  // namespace

TEST_CASE("build from a subfolder or with a relative --root writes <root>/site and says which root") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    Run sub = run_in(root / "content", "build --no-pdf --no-docx --today 2024-10-20", cache_env(tmp));
    INFO(sub.err);
    CHECK(sub.exit_code == 0);
    CHECK(fs::exists(root / "site/index.html"));
    CHECK(contains(sub.out, "dùng kho văn bản ở " + fs::canonical(root).string()));
    fs::remove_all(root / "site");

    fs::create_directories(tmp.path / "g2");
    Run relative = run_in(tmp.path / "g2", "build --root ../repo --no-pdf --no-docx --today 2024-10-20", cache_env(tmp));
    INFO(relative.err);
    CHECK(relative.exit_code == 0);
    CHECK(fs::exists(root / "site/index.html"));
    CHECK_FALSE(contains(relative.out, "dùng kho văn bản ở"));  // --root named it

    // An explicit --out keeps its rules, in English too.
    Run out = run_in(root / "content", "build --out ../www --no-pdf --no-docx --lang en", cache_env(tmp));
    CHECK(out.exit_code == 2);
    CHECK(contains(out.err, "has a \"..\" part"));
}

TEST_CASE("check, status, new, pdf and diff work from a subfolder with paths typed from there") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::path plans = root / "plans/2024-2025";
    Run check = run_in(plans, "check ke-hoach-chuyen-doi-so.md --today 2024-10-20");
    INFO(check.err);
    CHECK(check.exit_code == 0);
    Run made = run_in(plans, "new trang --title 'Tuyển sinh'");
    INFO(made.err);
    CHECK(made.exit_code == 0);
    CHECK(fs::exists(root / "content/tuyen-sinh.md"));
    CHECK(contains(made.out, "dùng kho văn bản ở"));
    Run diff = run_in(plans, "diff ke-hoach-chuyen-doi-so.md ke-hoach-day-hoc.md");
    CHECK(diff.exit_code != 2);
}

TEST_CASE("check FOLDER says it is a folder and what check takes") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    Run r = run_vanban("check --root " + shell_quote(root.string()) + " content");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "content là thư mục; vanban check nhận tệp .md, hoặc không có tệp nào để kiểm tra cả kho"));
    Run en = run_in(root, "check plans --lang en");
    CHECK(en.exit_code == 2);
    CHECK(contains(en.err, "plans is a folder"));
}

TEST_CASE("pdf of a page and a plan skips the page with a note and makes the plan") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    Run r = run_vanban("pdf --root " + shell_quote(root.string()) + " --out " + shell_quote(tmp.str() + "/pdf") +
                           " content/gioi-thieu.md plans/2024-2025/ke-hoach-chuyen-doi-so.md",
                       cache_env(tmp));
    INFO(r.err);
    CHECK(contains(r.err, "bỏ qua content/gioi-thieu.md: trang thông tin"));
    if (r.exit_code == 0) CHECK(fs::exists(tmp.path / "pdf/ke-hoach-chuyen-doi-so.pdf"));
    CHECK(r.exit_code != 2);
    Run only_page = run_vanban("pdf --root " + shell_quote(root.string()) + " content/gioi-thieu.md --lang en", cache_env(tmp));
    CHECK(only_page.exit_code == 2);
    CHECK(contains(only_page.err, "skipped content/gioi-thieu.md"));
}

TEST_CASE("approve refuses a document with hints left, and says so when already approved") {
    SchoolRepo s;
    std::string env = cache_env(s.tmp) + "HOME=" + shell_quote(s.tmp.str()) + " ";
    s.git("config user.name ht");
    s.git("config user.email ht@truong.vn");
    s.git("config gpg.format ssh");
    s.git("config user.signingkey " + shell_quote(s.key("ht")));
    std::string approve = "approve --root " + shell_quote(s.root.string()) + " " + kOther + " --role hieu-truong --today 2026-11-23";

    std::string text = slurp((s.root / kOther).string());
    std::ofstream(s.root / kOther) << text << "\n[[Bổ sung phân công]]\n";
    s.git("add -A");
    s.commit("ht", "-m 'Gợi ý'", false);
    std::string head = s.git("rev-parse HEAD");
    Run hint = run_vanban(approve, env);
    CHECK(hint.exit_code == 1);
    CHECK(contains(hint.err, "còn lỗi hoặc chỗ [[...]] chưa thay"));
    CHECK(contains(hint.err, kOther + ":"));
    CHECK(contains(hint.err, "[placeholder]"));
    CHECK(contains(hint.err, "Chưa tạo commit nào"));
    CHECK(s.git("rev-parse HEAD") == head);
    Run hint_en = run_vanban(approve + " --lang en", env);
    CHECK(contains(hint_en.err, "still has errors or [[...]] hints"));
    CHECK(contains(hint_en.err, "No commit was made"));

    std::ofstream(s.root / kOther) << text;
    s.git("add -A");
    s.commit("ht", "-m 'Bỏ gợi ý'", false);
    Run ok = run_vanban(approve, env);
    INFO(ok.err);
    REQUIRE(ok.exit_code == 0);
    head = s.git("rev-parse HEAD");
    Run again = run_vanban(approve, env);
    CHECK(again.exit_code == 0);
    CHECK(contains(again.out, "đã được phê duyệt (vai trò hieu-truong"));
    CHECK(contains(again.out, "không tạo commit mới"));
    CHECK(s.git("rev-parse HEAD") == head);
}

TEST_CASE("approve's pre-check speaks English with --lang en") {
    SchoolRepo s;
    std::string env = cache_env(s.tmp) + "HOME=" + shell_quote(s.tmp.str()) + " ";
    s.git("config gpg.format ssh");
    s.git("config user.signingkey " + shell_quote(s.key("ngoai")));
    Run r = run_vanban("approve --root " + shell_quote(s.root.string()) + " " + kOther + " --role hieu-truong --lang en", env);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "is not in the trusted keys"));
    CHECK(contains(r.err, "No commit was made"));
    CHECK_FALSE(contains(r.err, "khóa"));
}

TEST_CASE("usage errors of the commands in English with --lang en") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string at = " --root " + shell_quote(root.string()) + " --lang en";
    auto err_of = [&](const std::string& args) { return run_vanban(args + at).err; };
    CHECK(contains(err_of("check nothing.md"), "file not found: nothing.md"));
    CHECK(contains(err_of("pdf vanban.yaml"), "is not a document in plans/ or content/ of"));
    CHECK(contains(err_of("serve --port 70000"), "--port must be from 0 to 65535"));
    CHECK(contains(err_of("new kehoach"), "the type \"kehoach\" is not defined. Did you mean: ke-hoach?"));
    CHECK(contains(err_of("build --out " + shell_quote((root / "plans/x").string())), "inside the repository's plans/"));
    Run lang = run_vanban("check --lang fr --root " + shell_quote(root.string()));
    CHECK(contains(lang.err, "--lang must be vi or en"));
    CHECK(contains(run_vanban("new kehoach --root " + shell_quote(root.string())).err, "Có phải ý bạn là: ke-hoach?"));
}

TEST_CASE("--root naming a file says it is a file, no English word in the Vietnamese hint") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    Run r = run_vanban("check --root " + shell_quote((root / "vanban.yaml").string()));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "là một tệp, không phải thư mục"));
    CHECK_FALSE(contains(r.err, "không tồn tại"));
    fs::create_directories(tmp.path / "empty");
    Run none = run_vanban("check --root " + shell_quote((tmp.path / "empty").string()));
    CHECK(contains(none.err, "--root THƯ_MỤC"));
    CHECK_FALSE(contains(none.err, "DIR"));
}

TEST_CASE("serve names the cause of a bind failure: a port in use, a port reserved for the system") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    // Root may take any port: the low port is tried as nobody then.
    std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    Run low = run_vanban("serve --port 80 --root " + shell_quote(root.string()), as_user);
    CHECK(low.exit_code == 2);
    CHECK(contains(low.err, "dành cho hệ thống"));
    CHECK_FALSE(contains(low.err, "đang được dùng"));
    Run low_en = run_vanban("serve --port 80 --lang en --root " + shell_quote(root.string()), as_user);
    CHECK(contains(low_en.err, "reserved for the system"));

    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(fd, 1) == 0);
    socklen_t size = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    Run taken = run_vanban("serve --port " + std::to_string(ntohs(address.sin_port)) + " --root " + shell_quote(root.string()));
    ::close(fd);
    CHECK(taken.exit_code == 2);
    CHECK(contains(taken.err, "đang được dùng"));
}

TEST_CASE("new strips the type's name from the front of the title and suggests a mistyped type") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    Run r = run_vanban("new ke-hoach --root " + shell_quote(root.string()) + " --year 2024-2025 --today 2024-10-15 --title 'kế hoạch chuyển đổi số'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "trích yếu bỏ tên loại \"Kế hoạch\""));
    CHECK(fs::exists(root / "plans/2024-2025/ke-hoach-chuyen-doi-so-2.md"));  // the fixture has ke-hoach-chuyen-doi-so.md
    CHECK(contains(slurp((root / "plans/2024-2025/ke-hoach-chuyen-doi-so-2.md").string()), "trich_yeu: \"Chuyển đổi số\""));
    CHECK_FALSE(fs::exists(root / "plans/2024-2025/ke-hoach-ke-hoach-chuyen-doi-so.md"));
    Run wrong = run_vanban("new kehoach --root " + shell_quote(root.string()));
    CHECK(wrong.exit_code == 2);
    CHECK(contains(wrong.err, "Có phải ý bạn là: ke-hoach?"));
    CHECK(contains(run_vanban("new kế-hoạch --root " + shell_quote(root.string())).err, "Có phải ý bạn là: ke-hoach?"));
}

TEST_CASE("init refuses control characters, a bad abbreviation or website, and writes nothing then") {
    TempDir tmp;
    std::string dir = shell_quote((tmp.path / "s").string());
    auto init = [&](const std::string& extra) { return run_vanban("init " + dir + " --ten 'Trường THCS Bình Minh' " + extra); };
    Run vt = init("--viet-tat THCSBM --co-quan \"$(printf 'UBND\\013XÃ')\"");  // U+000B: Word's Shift+Enter
    CHECK(vt.exit_code == 2);
    CHECK(contains(vt.err, "--co-quan có ký tự điều khiển U+000B"));
    CHECK_FALSE(fs::exists(tmp.path / "s"));
    Run space = init("--viet-tat 'THCS BM'");
    CHECK(contains(space.err, "--viet-tat có dấu cách"));
    Run slash = init("--viet-tat 'THCS/BM' --lang en");
    CHECK(contains(slash.err, "--viet-tat has \"/\""));
    Run query = init("--viet-tat THCSBM --website 'https://a.edu.vn/?p=1'");
    CHECK(contains(query.err, "không có phần \"?…\" hay \"#…\""));
    CHECK_FALSE(fs::exists(tmp.path / "s"));

    Run bare = init("--viet-tat ĐHBM --website truong.edu.vn --co-quan 'UBND' --dia-danh 'Bình Minh'");
    INFO(bare.err);
    REQUIRE(bare.exit_code == 0);
    CHECK(contains(bare.out, "--website: dùng https://truong.edu.vn (thêm https://)"));
    CHECK(contains(slurp((tmp.path / "s/vanban.yaml").string()), "https://truong.edu.vn"));

    // Again with --force and no governing body: vanban.yaml is kept, so nothing is said missing.
    Run again = run_vanban("init " + dir + " --force --ten 'Trường THCS Bình Minh' --viet-tat THCSBM");
    CHECK(again.exit_code == 0);
    CHECK_FALSE(contains(again.out, "Còn phải điền"));
}

TEST_CASE("init checks every place before writing: a file where a folder goes leaves nothing half made") {
    TempDir tmp;
    fs::path dir = tmp.path / "s";
    fs::create_directories(dir);
    std::ofstream(dir / "content") << "not a folder";
    Run r = run_vanban("init " + shell_quote(dir.string()) + " --force --ten 'Trường THCS Bình Minh' --viet-tat THCSBM");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "không phải thư mục"));
    CHECK(contains(r.err, "Chưa ghi tệp nào"));
    CHECK_FALSE(fs::exists(dir / "vanban.yaml"));
}

TEST_CASE("init quotes the folder for the shell in its next step") {
    TempDir tmp;
    Run r = run_in(tmp.path, "init 'truong cua toi' --ten 'Trường THCS Bình Minh' --viet-tat THCSBM");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "cd 'truong cua toi' && vanban check"));
}

TEST_CASE("the upward search refuses a vanban.yaml of another user and names the safe.directory fix") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    CHECK(run_in(root / "content", "check --today 2024-10-20").exit_code == 0);
    // Only root can give a file to another user.
    if (::geteuid() != 0) return;
    // As `chown -R nobody` leaves a checkout: the folders too, not only vanban.yaml.
    for (const fs::path& p : {root / "vanban.yaml", root, root / "content"}) REQUIRE(::chown(p.c_str(), 65534, 65534) == 0);
    std::string home = "HOME=" + shell_quote(tmp.str()) + " GIT_CONFIG_NOSYSTEM=1 ";
    Run r = run_in(root / "content", "check", home);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "vanban.yaml ở " + root.string() + " thuộc về người dùng khác"));
    CHECK(contains(r.err, "git config --global --add safe.directory " + root.string()));
    CHECK_FALSE(contains(r.err, "vanban init"));
    Run english = run_in(root / "content", "check --lang en", home);
    CHECK(english.exit_code == 2);
    CHECK(contains(english.err, "belongs to another user"));
    // A trailing slash, as git 2.39 reads it, lists another folder.
    std::ofstream(tmp.path / ".gitconfig") << "[safe]\n\tdirectory = " << root.string() << "/\n";
    CHECK(run_in(root / "content", "check", home).exit_code == 2);
    // Listed in git's safe.directory (a CI checkout read as root), it is the repository again.
    std::ofstream(tmp.path / ".gitconfig") << "[safe]\n\tdirectory = " << root.string() << "\n";
    CHECK(run_in(root / "content", "check --today 2024-10-20", home).exit_code == 0);
}
