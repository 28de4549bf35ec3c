// The trust list against a history that is not a straight line, type files changed without
// authority, and the pinned trust root (issue 11): each hole found by the adversarial run,
// reproduced in a throwaway repository.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "school_repo.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

std::string head(const SchoolRepo& s) { return s.git("rev-parse HEAD").substr(0, 40); }
std::string branch(const SchoolRepo& s) {
    std::string b = s.git("symbolic-ref --short HEAD");
    while (!b.empty() && b.back() == '\n') b.pop_back();
    return b;
}

// The principal takes the vice principal's key out of allowed_signers, in a signed commit.
void revoke_pht(const SchoolRepo& s) {
    std::string signers = slurp((s.root / ".vanban/allowed_signers").string());
    size_t at = signers.find("pht@truong.vn");
    REQUIRE(at != std::string::npos);
    signers.erase(at, signers.find('\n', at) + 1 - at);
    std::ofstream(s.root / ".vanban/allowed_signers") << signers;
    s.git("add -A");
    s.commit("ht", "-m 'Thu hồi khóa của phó hiệu trưởng'");
}

// Brings the branch `nhanh` (checked out) and `main` together, either way round. When the branch
// merges main, main then fast-forwards to it: main's changes arrive through the merge's second parent.
void merge_branch(const SchoolRepo& s, const std::string& main, bool branch_merges_main) {
    if (branch_merges_main) {
        s.git("merge -q --no-ff --no-edit " + main, "pht");
        s.git("checkout -q " + main);
        s.git("merge -q --ff-only nhanh");
    } else {
        s.git("checkout -q " + main);
        s.git("merge -q --no-ff --no-edit nhanh", "pht");
    }
}

Run build_site(const SchoolRepo& s, const std::string& out, const std::string& env = "") {
    return run_vanban("build --no-pdf --root " + shell_quote(s.root.string()) + " --out " + shell_quote(out) + " --today 2026-11-23",
                      "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " " + s.env + env);
}

nlohmann::json check_json(const SchoolRepo& s, const std::string& env = "") {
    Run check = run_vanban("check --root " + shell_quote(s.root.string()) + " --today 2026-11-23 --format json",
                           "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " " + s.env + env);
    INFO(check.err);
    return nlohmann::json::parse(check.out);
}

std::vector<nlohmann::json> findings(const nlohmann::json& check, const std::string& rule) {
    std::vector<nlohmann::json> out;
    for (const auto& d : check["diagnostics"])
        if (d["rule"] == rule) out.push_back(d);
    return out;
}

bool published_anywhere(const std::string& out, const std::string& name) {
    for (const auto& e : fs::recursive_directory_iterator(out))
        if (e.path().filename() == name) return true;
    return false;
}

}  // namespace

TEST_CASE("a key revoked on main does not approve on a branch forked before the revocation, in either merge order") {
    for (bool branch_merges_main : {true, false}) {
        CAPTURE(branch_merges_main);
        SchoolRepo s;
        std::string main = branch(s);
        s.approve("ht", "hieu-truong", kPlan);
        std::string fork = head(s);
        revoke_pht(s);
        s.git("checkout -q -b nhanh " + fork, "pht");
        s.approve("pht", "pho-hieu-truong", kPlan);
        merge_branch(s, main, branch_merges_main);
        auto d = s.document(kPlan);
        CHECK(d["state"] == "duyet-mot-phan");
        CHECK(d["missing_roles"] == nlohmann::json::array({"pho-hieu-truong"}));
        CHECK(contains(s.refusals(), "không có trong danh sách khóa tin cậy"));
        std::string out = s.tmp.str() + "/site";
        Run build = build_site(s, out);
        INFO(build.err);
        CHECK(build.exit_code == 0);
        CHECK(contains(slurp(out + "/ke-hoach/2024-2025/ke-hoach-day-hoc.html"), "DỰ THẢO"));
    }
}

TEST_CASE("an approval made before a later revocation on the same line stays, an approval merged from a branch counts") {
    SchoolRepo s;
    std::string main = branch(s);
    s.approve("pht", "pho-hieu-truong", kPlan);
    revoke_pht(s);
    // The principal approves on a branch; the branch is merged, either way round.
    std::string fork = head(s);
    s.git("checkout -q -b duyet " + fork);
    s.approve("ht", "hieu-truong", kPlan);
    s.approve("ht", "hieu-truong", kOther);
    s.git("checkout -q " + main);
    std::ofstream(s.root / "ghi-chu.txt") << "song song\n";
    s.git("add -A");
    s.commit("ht", "-m 'Việc khác trên nhánh chính'", false);
    s.git("merge -q --no-ff --no-edit duyet");
    CHECK(s.document(kPlan)["state"] == "da-duyet");
    CHECK(s.document(kOther)["state"] == "da-duyet");
}

TEST_CASE("an unsigned commit setting van_ban false in a type neither hides the plans from approval nor publishes them") {
    SchoolRepo s;
    std::ofstream(s.root / "vanban.yaml", std::ios::app) << "  an_chua_duyet: true\n";
    s.git("add -A");
    s.commit("ht", "-m 'Ẩn văn bản chưa duyệt'");
    s.approve("ht", "hieu-truong", kOther);
    fs::create_directories(s.root / "templates/types");
    std::string type = slurp(std::string(VANBAN_TEST_DATA) + "/../templates/types/ke-hoach.yaml") + "van_ban: \"false\"\n";
    std::ofstream(s.root / "templates/types/ke-hoach.yaml") << type;
    s.git("add -A");
    s.commit("pht", "-m 'Kế hoạch là trang thường'", false);

    // The plans stay under the approval rules: kPlan is not approved, kOther is.
    CHECK(s.document(kPlan)["state"] == "chua-duyet");
    CHECK(s.document(kOther)["state"] == "da-duyet");
    auto check = check_json(s);
    auto trust = findings(check, "trust");
    REQUIRE(trust.size() == 2);
    for (const auto& t : trust) {
        if (t["file"] == "templates/types/ke-hoach.yaml") {
            CHECK(t["severity"] == "warning");
            CHECK(contains(t["message"].get<std::string>(), "phê duyệt theo: van_ban: true, phe_duyet: [hieu-truong], ky_thay: [pho-hieu-truong]"));
        } else {
            CHECK(t["severity"] == "error");
            CHECK(contains(t["message"].get<std::string>(), "không có thẩm quyền"));
        }
    }

    // The site is still built, with the error; the unapproved plan stays off it.
    std::string out = s.tmp.str() + "/site";
    Run build = build_site(s, out);
    CHECK(build.exit_code == 1);
    CHECK(contains(build.out + build.err, "lỗi [trust]"));
    CHECK_FALSE(published_anywhere(out, "ke-hoach-day-hoc.html"));
    CHECK(published_anywhere(out, "ke-hoach-chuyen-doi-so.html"));
    // On CI without a pinned root nothing counts as approved, and neither plan is published as a plain page.
    std::string ci_out = s.tmp.str() + "/ci-site";
    build_site(s, ci_out, "CI=true ");
    CHECK_FALSE(published_anywhere(ci_out, "ke-hoach-day-hoc.html"));
    CHECK_FALSE(published_anywhere(ci_out, "ke-hoach-chuyen-doi-so.html"));
    CHECK(published_anywhere(ci_out, "index.html"));
}

TEST_CASE("VANBAN_TRUST_ROOT must be the full commit id, matched exactly") {
    SchoolRepo s;
    s.approve("ht", "hieu-truong", kOther);
    std::string root = s.git("rev-list --max-parents=0 HEAD").substr(0, 40);
    for (std::string pinned : {root.substr(0, 4), root.substr(0, 39), root + "0"}) {
        CAPTURE(pinned);
        std::string env = "VANBAN_TRUST_ROOT=" + pinned + " ";
        Run status = run_vanban("status --root " + shell_quote(s.root.string()), "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/ci") + " " + env);
        CHECK(status.exit_code == 2);
        CHECK(contains(status.err, "40"));
        auto trust = findings(check_json(s, env), "trust");
        REQUIRE(trust.size() == 1);
        CHECK(trust[0]["severity"] == "error");
        CHECK(contains(trust[0]["message"].get<std::string>(), "VANBAN_TRUST_ROOT"));
    }
    Run full = run_vanban("status --root " + shell_quote(s.root.string()) + " --format json",
                          "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/ci") + " VANBAN_TRUST_ROOT=" + root + " ");
    REQUIRE(full.exit_code == 0);
    CHECK(contains(full.out, "\"da-duyet\""));
}

TEST_CASE("on CI without VANBAN_TRUST_ROOT a rewritten history approves nothing, and a warning says how to pin the root") {
    SchoolRepo s;
    std::string main = branch(s);
    // A history written from scratch: the outsider's key under the principal's name.
    s.git("checkout -q --orphan viet-lai");
    std::ofstream(s.root / ".vanban/allowed_signers") << "ht@truong.vn namespaces=\"git\" " << slurp(s.key("ngoai") + ".pub");
    s.git("add -A");
    s.commit("ngoai", "-m 'Khởi tạo'");
    s.approve("ngoai", "hieu-truong", kOther);
    s.git("branch -q -D " + main);
    s.git("checkout -q -b " + main);
    std::string forged_root = s.git("rev-list --max-parents=0 HEAD").substr(0, 40);

    for (std::string ci : {"CI=true ", "GITHUB_ACTIONS=true ", "CI=true VANBAN_TRUST_ROOT= ", "CI= ", "CI=false ", "TF_BUILD=True ", "JENKINS_URL=http://j/ "}) {
        CAPTURE(ci);
        auto check = check_json(s, ci);
        auto trust = findings(check, "trust");
        REQUIRE(trust.size() == 1);
        CHECK(trust[0]["severity"] == "warning");
        CHECK(contains(trust[0]["message"].get<std::string>(), "VANBAN_TRUST_ROOT"));
        CHECK(contains(trust[0]["hint"].get<std::string>(), forged_root));
        std::string out = s.tmp.str() + "/site";
        Run build = build_site(s, out, ci);
        INFO(build.err);
        CHECK(build.exit_code == 0);
        CHECK(contains(slurp(out + "/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html"), "DỰ THẢO"));
    }
}

TEST_CASE("with an_chua_duyet, unapproved documents stay off the site when approvals fail closed (CI without a root, an orphan history merged in)") {
    SchoolRepo s;
    std::ofstream(s.root / "vanban.yaml", std::ios::app) << "  an_chua_duyet: true\n";
    s.git("add -A");
    s.commit("ht", "-m 'Ẩn văn bản chưa duyệt'");
    s.approve("ht", "hieu-truong", kOther);
    const std::vector<std::string> unapproved = {"ke-hoach-day-hoc.html", "cong-van-hoc-lieu.html", "thu-chi.html"};
    auto published = [&](const std::string& out, bool approvals_hold) {
        CHECK(published_anywhere(out, "gioi-thieu.html"));
        CHECK(published_anywhere(out, "ke-hoach-chuyen-doi-so.html") == approvals_hold);
        for (const auto& page : unapproved) {
            CAPTURE(page);
            CHECK_FALSE(published_anywhere(out, page));
        }
    };
    {
        std::string out = s.tmp.str() + "/site";
        Run build = build_site(s, out);
        INFO(build.err);
        CHECK(build.exit_code == 0);
        published(out, true);
    }
    // On CI without a pinned root nothing counts as approved: every official document is hidden.
    for (std::string ci : {"CI=true ", "GITHUB_ACTIONS=true "}) {
        CAPTURE(ci);
        std::string out = s.tmp.str() + "/ci-site";
        Run build = build_site(s, out, ci);
        INFO(build.err);
        CHECK(build.exit_code == 0);
        published(out, false);
    }
    // Another history (its own root commit, the same files) merged in: two roots, approvals fail closed.
    std::string main = branch(s);
    s.git("checkout -q --orphan khac");
    s.commit("ngoai", "-m 'Lịch sử khác'");
    s.git("checkout -q " + main);
    s.git("merge -q --no-edit --allow-unrelated-histories khac");
    REQUIRE(s.git("rev-list --max-parents=0 HEAD").size() == 2 * 41);
    std::string out = s.tmp.str() + "/merged-site";
    Run build = build_site(s, out);
    INFO(build.err);
    CHECK(contains(build.out + build.err, "lỗi [trust]"));
    published(out, false);
}

TEST_CASE("with templates read from the school's repository a role holder cannot add a type only their role approves") {
    SchoolRepo s("", true);
    s.env = "VANBAN_TEMPLATES=" + shell_quote((s.root / "templates").string()) + " ";
    std::ofstream(s.root / "templates/types/thong-bao-noi-bo.yaml")
        << "loai: thong-bao-noi-bo\nten: Thông báo nội bộ\nviet_tat: TB\nphe_duyet:\n  vai_tro: [pho-hieu-truong]\n";
    const std::string notice = "plans/2024-2025/thong-bao-noi-bo.md";
    std::ofstream(s.root / notice) << "---\nloai: thong-bao-noi-bo\nnam_hoc: \"2024-2025\"\ntrich_yeu: Thông báo nội bộ\n---\n\nNội dung.\n";
    s.git("add -A");
    s.commit("pht", "-m 'Loại thông báo nội bộ'");
    s.approve("pht", "pho-hieu-truong", notice);
    auto st = s.status();
    CHECK(st["trust_problems"].size() == 1);
    auto d = s.document(notice);
    CHECK(d["state"] == "chua-duyet");
    CHECK(d["missing_roles"].empty());
    bool said = false;
    for (const auto& t : findings(check_json(s), "trust"))
        said |= t["file"] == "templates/types/thong-bao-noi-bo.yaml" && contains(t["message"].get<std::string>(), "không ai phê duyệt được");
    CHECK(said);
    // The installed types still hold: the principal approves a plan as before.
    s.approve("ht", "hieu-truong", kOther);
    CHECK(s.document(kOther)["state"] == "da-duyet");
}

TEST_CASE("a key added on a branch by an admin revoked on main approves nothing, in either merge order") {
    for (bool branch_merges_main : {true, false}) {
        CAPTURE(branch_merges_main);
        SchoolRepo s;
        std::string main = branch(s);
        // The vice principal is made an administrator of the trust list (Phòng GD&ĐT's role).
        std::string yaml = slurp((s.root / "vanban.yaml").string());
        yaml.replace(yaml.find("    pho-hieu-truong: [pht@truong.vn]\n"), 0, "    phong-gddt: [pht@truong.vn]\n");
        std::ofstream(s.root / "vanban.yaml") << yaml;
        s.git("add -A");
        s.commit("ht", "-m 'Phó hiệu trưởng quản lý khóa'");
        std::string fork = head(s);
        revoke_pht(s);
        // On a branch forked before the revocation, pht adds another key under their own name,
        // and that key approves.
        s.git("checkout -q -b nhanh " + fork, "pht");
        std::ofstream(s.root / ".vanban/allowed_signers", std::ios::app) << "pht@truong.vn namespaces=\"git\" " << slurp(s.key("ngoai") + ".pub");
        s.git("add -A");
        s.commit("pht", "-m 'Thêm khóa dự phòng'");
        s.approve("ngoai", "pho-hieu-truong", kPlan);
        merge_branch(s, main, branch_merges_main);
        s.approve("ht", "hieu-truong", kPlan);
        auto d = s.document(kPlan);
        CHECK(d["state"] == "duyet-mot-phan");
        CHECK(d["missing_roles"] == nlohmann::json::array({"pho-hieu-truong"}));
        auto st = s.status();
        REQUIRE(st["trust_problems"].size() == 1);
        CHECK(contains(st["trust_problems"][0]["message"].get<std::string>(), "thu hồi ở một nhánh khác"));
    }
}

TEST_CASE("trailer keys are case-insensitive, as in git: tin-cay: chap-nhan accepts the list like Tin-cay") {
    SchoolRepo s;
    // An unsigned commit gives the outsider's key the principal's name: not used...
    std::ofstream(s.root / ".vanban/allowed_signers", std::ios::app) << "ht@truong.vn namespaces=\"git\" " << slurp(s.key("ngoai") + ".pub");
    s.git("add -A");
    s.commit("ngoai", "-m 'Thêm khóa'", false);
    s.approve("ngoai", "hieu-truong", kOther);
    CHECK(s.document(kOther)["state"] == "chua-duyet");
    // ...until the principal accepts the list as it stands, with the trailer key in lower case.
    s.commit("ht", "-m 'Chấp nhận danh sách khóa' --trailer 'tin-cay: chap-nhan'");
    s.approve("ngoai", "hieu-truong", kOther);
    CHECK(s.document(kOther)["state"] == "da-duyet");
}

TEST_CASE("a symbolic link in the OpenPGP key folder is no key: it changes no trust fact") {
    SchoolRepo s;
    fs::create_directories(s.root / ".vanban/gpg");
    fs::create_symlink("../allowed_signers", s.root / ".vanban/gpg/khoa.asc");
    s.git("add -A");
    s.commit("ngoai", "-m 'Liên kết trong thư mục khóa'", false);
    CHECK(s.status()["trust_problems"].empty());
}
