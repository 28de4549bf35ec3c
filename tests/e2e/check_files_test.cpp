// `vanban check FILE…`: only the named files are reported, the cross-document rules still see
// the whole repository, and a name that is no file says so.
#include <doctest/doctest.h>

#include <fstream>

#include "run_vanban.h"

using namespace vanban::e2e;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kPlan = "plans/2024-2025/ke-hoach-day-hoc.md";
const std::string kLetter = "content/van-ban/2024-2025/cong-van-hoc-lieu.md";

// The clean fixture with an error in the plan (a wrong total) and a warning in the letter.
std::filesystem::path broken_copy(const TempDir& tmp) {
    std::filesystem::path root = tmp.copy_of("clean");
    std::string plan = slurp((root / kPlan).string());
    plan.replace(plan.find("| Tổng số | 04 |"), std::string("| Tổng số | 04 |").size(), "| Tổng số | 05 |");
    std::ofstream(root / kPlan) << plan;
    std::ofstream(root / kLetter, std::ios::app) << "\n[[chưa điền]]\n";
    return root;
}

}  // namespace

TEST_CASE("check FILE reports only that file, with the count of the chosen documents") {
    TempDir tmp;
    std::filesystem::path root = broken_copy(tmp);
    std::string check = "check --today 2026-11-23 --root " + shell_quote(root.string()) + " ";
    Run letter = run_vanban(check + kLetter);
    CHECK(letter.exit_code == 0);  // the error is in another file
    CHECK(has(letter.out, kLetter + ":"));
    CHECK_FALSE(has(letter.out, kPlan));
    CHECK(has(letter.out, "0 lỗi, 1 cảnh báo trong 1 văn bản đã chọn"));

    Run both = run_vanban(check + kLetter + " " + kPlan);
    CHECK(both.exit_code == 1);
    CHECK(has(both.out, "1 lỗi, 1 cảnh báo trong 2 văn bản đã chọn"));

    Run english = run_vanban(check + kPlan + " --lang en");
    CHECK(has(english.out, "1 error(s), 0 warning(s) in 1 chosen document(s)"));

    Run all = run_vanban(check);  // no file: the whole repository, as before
    CHECK(has(all.out, "1 lỗi, 1 cảnh báo trong 5 văn bản\n"));
}

TEST_CASE("check FILE still applies the rules across documents: a duplicate number is found from one file") {
    Run r = run_vanban("check --today 2026-11-23 --root " + shell_quote(fixture("duplicate-number")) + " plans/2024-2025/ke-hoach-a.md");
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "plans/2024-2025/ke-hoach-a.md:3:5: lỗi [duplicate-number]"));
    CHECK_FALSE(has(r.out, "plans/2024-2025/ke-hoach-b.md:"));
    CHECK(has(r.out, "1 lỗi, 0 cảnh báo trong 1 văn bản đã chọn"));
}

TEST_CASE("check FILE: a file that does not exist says so and exits 2") {
    Run r = run_vanban("check --root " + shell_quote(fixture("clean")) + " plans/2024-2025/khong-co.md");
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "không tìm thấy tệp plans/2024-2025/khong-co.md"));
    CHECK(r.out.empty());
}

TEST_CASE("check FILE takes the name relative to the current folder, inside the repository") {
    TempDir tmp;
    std::filesystem::path root = broken_copy(tmp);
    Run r = run_vanban("check --today 2026-11-23 ke-hoach-day-hoc.md", "-C " + shell_quote((root / "plans/2024-2025").string()) + " ");
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, kPlan + ":39:1: lỗi [table-sum]"));
    CHECK(has(r.out, "trong 1 văn bản đã chọn"));
}
