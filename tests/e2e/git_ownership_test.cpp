// A checkout owned by another user (on CI: the runner's, while the container runs as root): git
// refuses to open it until it is listed in safe.directory, and vanban says exactly that, with
// the command that fixes it, instead of "not inside a git repository". Giving the checkout to
// another user needs root: run otherwise, the test says so and is skipped.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

TEST_CASE("a repository owned by another user: vanban names git's refusal and the safe.directory fix") {
    if (::geteuid() != 0) {
        MESSAGE("skipped: giving the checkout to nobody needs root");
        return;
    }
    TempDir tmp;
    fs::path root = tmp.path / "truong";
    REQUIRE(run_vanban("init " + shell_quote(root.string()) + " --ten 'Trường THCS Bình Minh' --viet-tat THCSBM").exit_code == 0);
    std::ofstream(root / "vanban.yaml", std::ios::app) << "phe_duyet:\n  vai_tro:\n    hieu-truong: [hieutruong@example.edu.vn]\n";
    std::string git = "git -C " + shell_quote(root.string()) + " -c user.name=gv -c user.email=gv@truong.vn ";
    REQUIRE(run_command(git + "init -q -b main && " + git + "add -A && " + git + "commit -q -m 'Kho' && chown -R nobody " +
                        shell_quote(root.string()) + " && echo ok") == "ok\n");
    fs::path home = tmp.path / "home";  // no global git configuration: nothing is a safe.directory yet
    fs::create_directories(home);
    std::string env = "HOME=" + shell_quote(home.string()) + " ";
    std::string at = " --root " + shell_quote(root.string());
    std::string fix = "git config --global --add safe.directory " + fs::canonical(root).string();

    Run diff = run_vanban("diff HEAD:content/gioi-thieu.md content/gioi-thieu.md" + at, env);
    CHECK(diff.exit_code == 2);
    CHECK(diff.err.find("thuộc về người dùng khác") != std::string::npos);
    CHECK(diff.err.find(fix) != std::string::npos);
    CHECK(diff.err.find("không nằm trong một kho git") == std::string::npos);
    Run english = run_vanban("diff HEAD:content/gioi-thieu.md content/gioi-thieu.md --lang en" + at, env);
    CHECK(english.err.find("belongs to another user") != std::string::npos);
    CHECK(english.err.find(fix) != std::string::npos);
    Run status = run_vanban("status" + at, env);
    INFO(status.out, status.err);
    CHECK((status.out + status.err).find(fix) != std::string::npos);
    Run approve = run_vanban("approve content/gioi-thieu.md --role hieu-truong" + at, env);
    CHECK(approve.exit_code == 2);
    CHECK(approve.err.find(fix) != std::string::npos);
    // check's approval finding hints the safe.directory fix, not a full clone.
    Run check = run_vanban("check" + at, env);
    INFO(check.out, check.err);
    CHECK(check.exit_code == 1);
    CHECK(check.out.find("gợi ý: Nếu tin kho này: " + fix) != std::string::npos);
    CHECK(check.out.find("--depth") == std::string::npos);

    // The fix, as given, is enough.
    REQUIRE(run_command(env + fix + " && echo ok") == "ok\n");
    Run fixed = run_vanban("diff HEAD:content/gioi-thieu.md content/gioi-thieu.md" + at, env);
    INFO(fixed.err);
    CHECK(fixed.exit_code == 0);
}
