// `vanban new`: a document to fill in, that checks clean but for its hints.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

TEST_CASE("vanban new writes the type's required sections with hints and proposes the next number") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string args = "new ke-hoach --root " + shell_quote(root.string()) + " --year 2024-2025 --today 2024-10-15 --title 'Phòng, chống đuối nước'";
    Run r = run_vanban(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("số đề xuất: 14") != std::string::npos);  // KH 12 and 13 are taken in 2024
    fs::path file = root / "plans/2024-2025/ke-hoach-phong-chong-duoi-nuoc.md";
    REQUIRE(fs::exists(file));
    std::string text = slurp(file.string());
    CHECK(text.find("# I. MỤC ĐÍCH, YÊU CẦU\n\n[[Nêu mục đích") != std::string::npos);
    CHECK(text.find("# II. NỘI DUNG") != std::string::npos);
    CHECK(text.find("# III. TỔ CHỨC THỰC HIỆN") != std::string::npos);
    CHECK(text.find("\nso:") == std::string::npos);  // proposed, not assigned

    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2024-10-20 --format json");
    CHECK(check.exit_code == 0);
    auto diagnostics = nlohmann::json::parse(check.out)["diagnostics"];
    CHECK(diagnostics.size() >= 5);
    for (const auto& d : diagnostics) {
        CHECK(d["rule"] == "placeholder");
        CHECK(d["severity"] == "warning");
    }

    // Never overwrites: the same command makes a second file.
    REQUIRE(run_vanban(args).exit_code == 0);
    CHECK(fs::exists(root / "plans/2024-2025/ke-hoach-phong-chong-duoi-nuoc-2.md"));
    CHECK(slurp(file.string()) == text);

    Run letter = run_vanban("new cong-van --root " + shell_quote(root.string()) + " --today 2024-10-15 --title 'V/v họp phụ huynh'");
    CHECK(letter.exit_code == 0);
    CHECK(slurp((root / "content/van-ban/2024-2025/cong-van-v-v-hop-phu-huynh.md").string()).find("kinh_gui:") != std::string::npos);
    Run unknown = run_vanban("new ke-hoac --root " + shell_quote(root.string()));
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("ke-hoach") != std::string::npos);
}

TEST_CASE("vanban new never takes a name the site needs for itself (a page titled 'index' or 'tim kiem')") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    for (const char* title : {"index", "tim kiem"}) {
        Run r = run_vanban("new trang --root " + shell_quote(root.string()) + " --title '" + title + "'");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
    CHECK_FALSE(fs::exists(root / "content/index.md"));
    CHECK(fs::exists(root / "content/index-2.md"));
    CHECK_FALSE(fs::exists(root / "content/tim-kiem.md"));
    CHECK(fs::exists(root / "content/tim-kiem-2.md"));
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --format json --today 2024-10-20");
    CHECK(check.out.find("file-name") == std::string::npos);
}
