// Approval through signed commits, in throwaway repositories with throwaway ed25519 keys:
// what must be recognised and everything that must be refused. Nothing here touches the
// machine's own keys or git configuration.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "school_repo.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;


TEST_CASE("both roles approve the exact content: da-duyet, with signer, key and commit") {
    SchoolRepo s;
    CHECK(s.document(kPlan)["state"] == "chua-duyet");
    s.approve("ht", "hieu-truong", kPlan);
    auto partial = s.document(kPlan);
    CHECK(partial["state"] == "duyet-mot-phan");
    CHECK(partial["missing_roles"] == nlohmann::json::array({"pho-hieu-truong"}));
    s.approve("pht", "pho-hieu-truong", kPlan);
    auto d = s.document(kPlan);
    CHECK(d["state"] == "da-duyet");
    REQUIRE(d["approvals"].size() == 2);
    CHECK(d["approvals"][0]["role"] == "pho-hieu-truong");
    CHECK(d["approvals"][0]["signer"] == "pht@truong.vn");
    CHECK(d["approvals"][0]["fingerprint"].get<std::string>().rfind("SHA256:", 0) == 0);
    CHECK(d["approvals"][0]["commit"].get<std::string>().size() == 40);
    CHECK(d["missing_roles"].empty());
    // Approving one document approves no other.
    CHECK(s.document(kOther)["state"] == "chua-duyet");
}

TEST_CASE("refused: unsigned, unknown key, a role the signer lacks, a key out of its validity window") {
    SchoolRepo s;
    s.approve("ht", "hieu-truong", kPlan, false);
    CHECK(contains(s.refusals(), "không được ký"));
    s.approve("ngoai", "hieu-truong", kPlan);
    CHECK(contains(s.refusals(), "không có trong danh sách khóa tin cậy"));
    s.approve("pht", "hieu-truong", kPlan);
    CHECK(contains(s.refusals(), "pht@truong.vn không giữ vai trò hieu-truong"));
    s.approve("cu", "hieu-truong", kPlan);
    CHECK(contains(s.refusals(), "không còn (hoặc chưa) hiệu lực"));
    CHECK(s.status()["refused_approvals"].size() == 4);
    CHECK(s.document(kPlan)["state"] == "chua-duyet");
}

TEST_CASE("refused: a signature that no longer matches its commit (altered after signing)") {
    SchoolRepo s;
    s.approve("ht", "hieu-truong", kOther);
    // Rewrite the signed commit: same signature, other trailer.
    std::string raw = s.git("cat-file commit HEAD");
    size_t at = raw.find("Phe-duyet: " + kOther);
    REQUIRE(at != std::string::npos);
    raw.replace(at, std::string("Phe-duyet: " + kOther).size(), "Phe-duyet: " + kPlan);
    std::ofstream(s.tmp.path / "forged") << raw;
    std::string forged = s.git("hash-object -t commit -w " + shell_quote((s.tmp.path / "forged").string()));
    s.git("update-ref HEAD " + forged.substr(0, 40));
    CHECK(contains(s.refusals(), "chữ ký không khớp nội dung commit"));
    CHECK(s.document(kPlan)["state"] == "chua-duyet");
}

TEST_CASE("an approval holds only for the blob it signed: any later change voids it, and says where") {
    SchoolRepo s;
    s.approve("ht", "hieu-truong", kOther);
    CHECK(s.document(kOther)["state"] == "da-duyet");
    // A trailing space, not even committed, is a change.
    std::ofstream(s.root / kOther, std::ios::app) << " ";
    auto uncommitted = s.document(kOther);
    CHECK(uncommitted["state"] == "het-hieu-luc");
    CHECK(uncommitted["changed_by"].is_null());
    s.git("add -A");
    s.commit("pht", "-m 'Sửa khoảng trắng'", false);
    std::string change = s.git("rev-parse HEAD").substr(0, 40);
    auto committed = s.document(kOther);
    CHECK(committed["state"] == "het-hieu-luc");
    CHECK(committed["changed_by"] == change);
    CHECK(committed["voided"]["signer"] == "ht@truong.vn");
    // An approval naming another path approves nothing here.
    s.approve("ht", "hieu-truong", "plans/2024-2025/khong-co.md");
    CHECK(contains(s.refusals(), "không có trong commit phê duyệt"));
}

TEST_CASE("the trust list changed without authority is reported and not used") {
    SchoolRepo s;
    // The outsider adds their own key and makes themselves principal, signing with that key.
    std::ofstream(s.root / ".vanban/allowed_signers", std::ios::app) << "ngoai@truong.vn namespaces=\"git\" " << slurp(s.key("ngoai") + ".pub");
    std::string yaml = slurp((s.root / "vanban.yaml").string());
    yaml.replace(yaml.find("hieu-truong: [ht@truong.vn"), std::string("hieu-truong: [ht@truong.vn").size(), "hieu-truong: [ngoai@truong.vn, ht@truong.vn");
    std::ofstream(s.root / "vanban.yaml") << yaml;
    s.git("add -A");
    s.commit("ngoai", "-m 'Thêm khóa'");
    s.approve("ngoai", "hieu-truong", kOther);
    auto st = s.status();
    REQUIRE(st["trust_problems"].size() == 1);
    CHECK(contains(st["trust_problems"][0]["message"].get<std::string>(), "không có thẩm quyền"));
    CHECK(contains(s.refusals(), "không có trong danh sách khóa tin cậy"));
    CHECK(s.document(kOther)["state"] == "chua-duyet");

    // A vice principal's signature is not enough either.
    std::string roles = slurp((s.root / "vanban.yaml").string());
    roles.replace(roles.find("    pho-hieu-truong: [pht@truong.vn]\n"), 0, "    to-truong: [pht@truong.vn]\n");
    std::ofstream(s.root / "vanban.yaml") << roles;
    s.git("add -A");
    s.commit("pht", "-m 'Thêm vai trò'");
    CHECK(s.status()["trust_problems"].size() == 2);

    // A later, unrelated change the principal signs does not smuggle the earlier ones in...
    std::ofstream(s.root / ".vanban/allowed_signers", std::ios::app) << "# danh sách khóa của trường\n";
    std::ofstream(s.root / "templates/types/ghi-chu.txt") << "không liên quan\n";
    s.git("add -A");
    s.commit("ht", "-m 'Ghi chú'");
    s.approve("ngoai", "hieu-truong", kOther);
    CHECK(s.document(kOther)["state"] == "chua-duyet");

    // ...but the principal can accept the list as it stands, explicitly.
    s.commit("ht", "-m 'Chấp nhận danh sách khóa' --trailer 'Tin-cay: chap-nhan'");
    s.approve("ngoai", "hieu-truong", kOther);
    CHECK(s.document(kOther)["state"] == "da-duyet");

    // And check reports the unauthorised changes, accepted since, as warnings on the trust list.
    Run check = run_vanban("check --root " + shell_quote(s.root.string()) + " --today 2026-11-23", "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ");
    CHECK(contains(check.out, ".vanban/allowed_signers:1:1: cảnh báo [trust] danh sách khóa, vai trò hoặc chính sách phê duyệt bị thay đổi"));
}

TEST_CASE("approval policies are part of the trust list, a shallow clone approves nothing") {
    SchoolRepo s;
    s.approve("ht", "hieu-truong", kOther);
    CHECK(s.document(kOther)["state"] == "da-duyet");
    // An unsigned override of the type that drops its roles is ignored...
    fs::create_directories(s.root / "templates/types");
    std::ofstream(s.root / "templates/types/ke-hoach.yaml") << "loai: ke-hoach\nten: Kế hoạch\nviet_tat: KH\nphe_duyet:\n  vai_tro: []\n";
    s.git("add -A");
    s.commit("pht", "-m 'Bỏ phê duyệt'", false);
    CHECK(s.document(kPlan)["state"] == "chua-duyet");
    CHECK(s.status()["trust_problems"].size() == 1);
    // ...while the principal's signed policy change counts: kế hoạch now also needs the district office.
    std::ofstream(s.root / "templates/types/ke-hoach.yaml") << "loai: ke-hoach\nten: Kế hoạch\nviet_tat: KH\nphe_duyet:\n  vai_tro: [hieu-truong, phong-gddt]\n";
    s.git("add -A");
    s.commit("ht", "-m 'Kế hoạch cần Phòng GD&ĐT duyệt'");
    auto d = s.document(kOther);
    CHECK(d["state"] == "duyet-mot-phan");
    CHECK(d["missing_roles"] == nlohmann::json::array({"phong-gddt"}));

    std::string shallow = s.tmp.str() + "/nong";
    run_command("git clone -q --depth 1 file://" + s.root.string() + " " + shell_quote(shallow));
    Run check = run_vanban("check --root " + shell_quote(shallow) + " --today 2026-11-23", "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ");
    CHECK(check.exit_code == 1);
    CHECK(contains(check.out, "vanban.yaml:1:1: lỗi [approval] không đọc được lịch sử phê duyệt"));
}

TEST_CASE("OpenPGP signatures verify against the repository's keys only") {
    SchoolRepo s;
    std::string home = s.tmp.str() + "/gnupg";
    fs::create_directories(home);
    fs::permissions(home, fs::perms::owner_all);
    std::string gpg = "GNUPGHOME=" + shell_quote(home) + " gpg --batch --quiet ";
    run_command(gpg + "--passphrase '' --quick-gen-key 'Hieu Truong <ht@truong.vn>' ed25519 sign never 2>/dev/null");
    fs::create_directories(s.root / ".vanban/gpg");
    run_command(gpg + "--armor --export ht@truong.vn > " + shell_quote((s.root / ".vanban/gpg/ht.asc").string()));
    s.git("add -A");
    s.commit("ht", "-m 'Thêm khóa OpenPGP'");
    run_command("GNUPGHOME=" + shell_quote(home) + " git -C " + shell_quote(s.root.string()) +
                " -c user.name=ht -c user.email=ht@truong.vn -c gpg.format=openpgp -c user.signingkey=ht@truong.vn commit -q -S "
                "--allow-empty -m 'Phê duyệt' --trailer 'Phe-duyet: " + kOther + "' --trailer 'Vai-tro: hieu-truong' 2>&1");
    auto d = s.document(kOther);
    CHECK(d["state"] == "da-duyet");
    REQUIRE(d["approvals"].size() == 1);
    CHECK(d["approvals"][0]["signer"] == "ht@truong.vn");
    CHECK(d["approvals"][0]["fingerprint"].get<std::string>().size() == 40);
}

TEST_CASE("vanban approve: refuses without signing set up, with uncommitted changes or errors, else commits") {
    SchoolRepo s;
    std::string env = "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " HOME=" + shell_quote(s.tmp.str()) + " ";
    std::string approve = "approve --root " + shell_quote(s.root.string()) + " " + kOther + " --role hieu-truong";
    s.git("config user.name ht");
    s.git("config user.email ht@truong.vn");
    Run unsigned_setup = run_vanban(approve, env);
    CHECK(unsigned_setup.exit_code == 2);
    CHECK(contains(unsigned_setup.err, "git chưa được cài đặt để ký commit"));

    s.git("config gpg.format ssh");
    s.git("config user.signingkey " + shell_quote(s.key("ht")));
    std::ofstream(s.root / kOther, std::ios::app) << "\nThêm một dòng.\n";
    Run dirty = run_vanban(approve, env);
    CHECK(dirty.exit_code == 2);
    CHECK(contains(dirty.err, "có thay đổi chưa commit"));
    s.git("checkout -- " + kOther);

    Run bad_role = run_vanban("approve --root " + shell_quote(s.root.string()) + " " + kOther + " --role ke-toan", env);
    CHECK(bad_role.exit_code == 2);
    CHECK(contains(bad_role.err, "vai trò \"ke-toan\" không có"));

    Run ok = run_vanban(approve, env);
    INFO(ok.err);
    CHECK(ok.exit_code == 0);
    CHECK(contains(ok.out, kOther + ": đã duyệt"));
    CHECK(contains(s.git("log -1 '--format=%(trailers)'"), "Phe-duyet: " + kOther));
    CHECK(s.document(kOther)["state"] == "da-duyet");

    // A document with errors is not approved.
    std::string text = slurp((s.root / kPlan).string());
    text.replace(text.find("| Tổng số | 04 |"), std::string("| Tổng số | 04 |").size(), "| Tổng số | 05 |");
    std::ofstream(s.root / kPlan) << text;
    s.git("add -A");
    s.commit("ht", "-m 'Sửa bảng'", false);
    Run with_errors = run_vanban("approve --root " + shell_quote(s.root.string()) + " " + kPlan + " --role hieu-truong --today 2026-11-23", env);
    CHECK(with_errors.exit_code == 1);
    CHECK(contains(with_errors.err, "còn lỗi"));
}

TEST_CASE("check warns about unapproved documents of a published year, the site and PDF show the state") {
    SchoolRepo s;
    s.approve("pht", "pho-hieu-truong", kPlan);
    s.approve("ht", "hieu-truong", kPlan);
    std::string env = "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ";
    Run check = run_vanban("check --root " + shell_quote(s.root.string()) + " --today 2026-11-23 --format json", env);
    CHECK(check.exit_code == 0);
    auto diagnostics = nlohmann::json::parse(check.out)["diagnostics"];
    bool other_warned = false, plan_warned = false;
    for (const auto& d : diagnostics) {
        if (d["rule"] != "approval") continue;
        CHECK(d["severity"] == "warning");
        other_warned |= d["file"] == kOther;
        plan_warned |= d["file"] == kPlan;
    }
    CHECK(other_warned);
    CHECK_FALSE(plan_warned);

    std::string out = s.tmp.str() + "/site";
    Run build = run_vanban("build --root " + shell_quote(s.root.string()) + " --out " + shell_quote(out) + " --today 2026-11-23", env);
    INFO(build.err);
    CHECK(build.exit_code == 0);
    std::string page = slurp(out + "/ke-hoach/2024-2025/ke-hoach-day-hoc.html");
    CHECK(contains(page, "Phê duyệt: đã duyệt"));
    CHECK(contains(page, "<span>hieu-truong, "));  // the role, not the signer's e-mail (public_site_test)
    CHECK_FALSE(contains(page, "DỰ THẢO"));
    CHECK(contains(slurp(out + "/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html"), "DỰ THẢO"));
    std::string approved_pdf = run_command("pdftotext " + shell_quote(out + "/ke-hoach/2024-2025/ke-hoach-day-hoc.pdf") + " -");
    CHECK_FALSE(contains(approved_pdf, "DỰ THẢO"));
    CHECK(contains(approved_pdf, "Đã phê duyệt bằng commit có chữ ký"));
    CHECK(contains(approved_pdf, "https://thu.example.edu.vn/ke-hoach/2024-2025/ke-hoach-day-hoc.html"));
    CHECK(contains(run_command("pdftotext " + shell_quote(out + "/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.pdf") + " -"), "DỰ THẢO"));
}

TEST_CASE("an_chua_duyet: true keeps unapproved documents off the site") {
    SchoolRepo s;
    std::ofstream(s.root / "vanban.yaml", std::ios::app) << "  an_chua_duyet: true\n";
    s.git("add -A");
    s.commit("ht", "-m 'Ẩn văn bản chưa duyệt'");
    s.approve("ht", "hieu-truong", kOther);
    std::string out = s.tmp.str() + "/site";
    Run build = run_vanban("build --no-pdf --root " + shell_quote(s.root.string()) + " --out " + shell_quote(out) + " --today 2026-11-23",
                           "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ");
    CHECK(build.exit_code == 0);
    CHECK(fs::exists(out + "/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html"));
    CHECK_FALSE(fs::exists(out + "/ke-hoach/2024-2025/ke-hoach-day-hoc.html"));
    CHECK_FALSE(contains(slurp(out + "/ke-hoach/index.html"), "ke-hoach-day-hoc"));
    CHECK_FALSE(contains(slurp(out + "/search-index.js"), "ke-hoach-day-hoc"));
}

TEST_CASE("a history whose root was swapped is not trusted") {
    SchoolRepo s;
    std::string env = "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ";
    s.approve("ht", "hieu-truong", kOther);
    std::string real_root = s.git("rev-list --max-parents=0 HEAD").substr(0, 40);
    CHECK(s.document(kOther)["state"] == "da-duyet");  // first run: this root is remembered

    // An orphan history with the outsider's key under the principal's name, merged in as first parent.
    std::string main = s.git("rev-parse HEAD").substr(0, 40);
    s.git("checkout -q --orphan evil");
    std::ofstream(s.root / ".vanban/allowed_signers") << "ht@truong.vn namespaces=\"git\" " << slurp(s.key("ngoai") + ".pub");
    s.git("add -A");
    s.commit("ngoai", "-m 'Gốc giả'");
    s.approve("ngoai", "hieu-truong", kOther);
    std::string merged = s.git("commit-tree -S " + main + "^{tree} -p evil -p " + main + " -m 'Hợp nhất'", "ngoai");
    s.git("checkout -q -B main " + merged.substr(0, 40));
    Run status = run_vanban("status --root " + shell_quote(s.root.string()), env);
    CHECK(status.exit_code == 2);
    CHECK(contains(status.err, "gốc tin cậy của kho này đã đổi"));
    // In CI, where nothing is remembered, VANBAN_TRUST_ROOT pins it.
    Run ci = run_vanban("status --root " + shell_quote(s.root.string()), "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/ci") + " VANBAN_TRUST_ROOT=" + real_root + " ");
    CHECK(ci.exit_code == 2);
    CHECK(contains(ci.err, "VANBAN_TRUST_ROOT"));
}

// A document imported from Word, issued on paper with its số and ngày, recorded as issued.
namespace {

nlohmann::json check_of(const SchoolRepo& s, int expected_exit) {
    Run check = run_vanban("check --root " + shell_quote(s.root.string()) + " --today 2026-11-23 --format json",
                           "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ");
    INFO(check.out, check.err);
    CHECK(check.exit_code == expected_exit);
    return nlohmann::json::parse(check.out)["diagnostics"];
}

const nlohmann::json* finding(const nlohmann::json& diagnostics, const std::string& rule, const std::string& file) {
    for (const auto& d : diagnostics)
        if (d["rule"] == rule && d["file"] == file) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("an issued document recorded as issued: da-ban-hanh, its errors become warnings, published without DỰ THẢO") {
    SchoolRepo s;
    // As imported: a sum that was wrong on paper already, and stays as issued.
    std::string text = slurp((s.root / kOther).string());
    text.replace(text.find("| Tổng số | 04 |"), std::string("| Tổng số | 04 |").size(), "| Tổng số | 05 |");
    std::ofstream(s.root / kOther) << text;
    s.git("add -A");
    s.commit("ht", "-m 'Nhập văn bản đã ban hành'", false);
    CHECK((*finding(check_of(s, 1), "table-sum", kOther))["severity"] == "error");

    Run recorded = s.run_approve("ht", kOther + " --role hieu-truong --issued");
    INFO(recorded.err);
    CHECK(recorded.exit_code == 0);
    CHECK(contains(recorded.out, kOther + ": đã ban hành"));
    CHECK(contains(recorded.out, "đã ghi nhận đã ban hành ở commit"));
    std::string trailers = s.git("log -1 '--format=%(trailers)'");
    CHECK(contains(trailers, "Ban-hanh: " + kOther));
    CHECK(contains(trailers, "Vai-tro: hieu-truong"));
    CHECK_FALSE(contains(trailers, "Phe-duyet:"));
    CHECK(s.git("status --porcelain").empty());  // the text is not rewritten

    auto d = s.document(kOther);
    CHECK(d["state"] == "da-ban-hanh");
    CHECK(d["issued"]["signer"] == "ht@truong.vn");
    CHECK(d["issued"]["role"] == "hieu-truong");
    Run text_status = run_vanban("status --root " + shell_quote(s.root.string()), "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ");
    CHECK(contains(text_status.out, kOther + ": đã ban hành\n    ghi nhận ban hành: hieu-truong: ht@truong.vn"));
    Run english = run_vanban("status --lang en --root " + shell_quote(s.root.string()), "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ");
    CHECK(contains(english.out, kOther + ": da-ban-hanh\n    recorded as issued by hieu-truong"));

    // check: the historical finding is a warning that says why; no approval warning for it.
    auto diagnostics = check_of(s, 0);
    const nlohmann::json* sum = finding(diagnostics, "table-sum", kOther);
    REQUIRE(sum);
    CHECK((*sum)["severity"] == "warning");
    CHECK((*sum)["message"].get<std::string>().rfind("văn bản đã ban hành: ", 0) == 0);
    CHECK_FALSE(finding(diagnostics, "approval", kOther));

    // Site and PDF: issued, not DỰ THẢO; the verification line says so.
    std::string env = "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ";
    std::string out = s.tmp.str() + "/site";
    Run build = run_vanban("build --no-pdf --root " + shell_quote(s.root.string()) + " --out " + shell_quote(out) + " --today 2026-11-23", env);
    CHECK(build.exit_code == 0);
    std::string page = slurp(out + "/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html");
    CHECK(contains(page, "Phê duyệt: đã ban hành"));
    CHECK(contains(page, "<span>hieu-truong, "));
    CHECK_FALSE(contains(page, "DỰ THẢO"));
    Run pdf = run_vanban("pdf --root " + shell_quote(s.root.string()) + " " + kOther + " --out " + shell_quote(s.tmp.str() + "/pdf") + " --cache " +
                             shell_quote(s.tmp.str() + "/pdf-cache"),
                         env);
    INFO(pdf.err);
    REQUIRE(pdf.exit_code == 0);
    std::string pdf_text = run_command("pdftotext " + shell_quote(s.tmp.str() + "/pdf/ke-hoach-chuyen-doi-so.pdf") + " -");
    CHECK_FALSE(contains(pdf_text, "DỰ THẢO"));
    CHECK(contains(pdf_text, "Văn bản đã ban hành, ghi nhận bằng commit có chữ ký"));

    // Edited after the record: not issued any more, and its errors are errors again.
    std::ofstream(s.root / kOther, std::ios::app) << "\nThêm một dòng.\n";
    s.git("add -A");
    s.commit("ht", "-m 'Sửa văn bản'", false);
    auto edited = s.document(kOther);
    CHECK(edited["state"] == "het-hieu-luc");
    CHECK(edited["voided"]["signer"] == "ht@truong.vn");
    CHECK(edited["voided"]["issued"] == true);
    CHECK((*finding(check_of(s, 1), "table-sum", kOther))["severity"] == "error");
}

TEST_CASE("recording as issued is refused without a số and ngày, for a role the type does not accept, or for an unknown key") {
    SchoolRepo s;
    // A draft has no số: it is approved, not recorded as issued.
    std::string text = slurp((s.root / kOther).string());
    text.replace(text.find("so: 13\n"), std::string("so: 13\n").size(), "");
    std::ofstream(s.root / kOther) << text;
    s.git("add -A");
    s.commit("ht", "-m 'Dự thảo'", false);
    Run draft = s.run_approve("ht", kOther + " --role hieu-truong --issued");
    CHECK(draft.exit_code == 2);
    CHECK(contains(draft.err, "chưa có số hoặc ngày ban hành (so, ngay)"));
    CHECK(s.git("log -1 '--format=%s'") == "Dự thảo\n");

    // kPlan is signed "KT. HIỆU TRƯỞNG" (approving it needs both roles): a role outside the policy
    // does not record it as issued.
    std::string roles = slurp((s.root / "vanban.yaml").string());
    roles.replace(roles.find("    pho-hieu-truong: [pht@truong.vn]\n"), 0, "    ke-toan: [pht@truong.vn]\n");
    std::ofstream(s.root / "vanban.yaml") << roles;
    s.git("add -A");
    s.commit("ht", "-m 'Vai trò kế toán'");
    Run wrong_role = s.run_approve("pht", kPlan + " --role ke-toan --issued");
    CHECK(wrong_role.exit_code == 2);
    CHECK(contains(wrong_role.err, "loại ke-hoach không chấp nhận vai trò ke-toan ghi nhận văn bản đã ban hành (cần một trong: hieu-truong)"));
    // Made by hand, such a record is not counted, and check says so.
    s.commit("pht", "-m 'Ban hành' --trailer 'Ban-hanh: " + kPlan + "' --trailer 'Vai-tro: ke-toan'");
    auto not_counted = s.document(kPlan);
    CHECK(not_counted["state"] == "chua-duyet");
    CHECK(contains(not_counted["issue_not_counted"]["message"].get<std::string>(), "vai trò ke-toan không được chính sách phê duyệt"));
    CHECK(finding(check_of(s, 0), "approval", kPlan));

    // An outsider's key: the record is refused.
    s.commit("ngoai", "-m 'Ban hành' --trailer 'Ban-hanh: " + kPlan + "' --trailer 'Vai-tro: hieu-truong'");
    auto refused = s.status()["refused_approvals"];
    REQUIRE(refused.size() == 1);
    CHECK(refused[0]["issued"] == true);
    CHECK(contains(refused[0]["message"].get<std::string>(), "không có trong danh sách khóa tin cậy"));
    CHECK(s.document(kPlan)["state"] == "chua-duyet");
    Run check = run_vanban("check --root " + shell_quote(s.root.string()) + " --today 2026-11-23",
                           "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ");
    CHECK(contains(check.out, "ghi nhận đã ban hành ở commit"));

    // The deputy alone cannot record a "KT." document as issued: it needs both roles to be
    // approved, so one person would publish it. The command refuses; a hand-made record is not counted.
    Run deputy = s.run_approve("pht", kPlan + " --role pho-hieu-truong --issued");
    CHECK(deputy.exit_code == 2);
    CHECK(contains(deputy.err, "(cần một trong: hieu-truong)"));
    s.commit("pht", "-m 'Ban hành' --trailer 'Ban-hanh: " + kPlan + "' --trailer 'Vai-tro: pho-hieu-truong'");
    auto deputy_alone = s.document(kPlan);
    CHECK(deputy_alone["state"] == "chua-duyet");
    CHECK(contains(deputy_alone["issue_not_counted"]["message"].get<std::string>(), "vai trò pho-hieu-truong không được chính sách"));
    // The principal, whose role the type names, records it.
    Run principal = s.run_approve("ht", kPlan + " --role hieu-truong --issued");
    INFO(principal.err);
    CHECK(principal.exit_code == 0);
    CHECK(s.document(kPlan)["state"] == "da-ban-hanh");
}

TEST_CASE("another agency's document (co_quan_ban_hanh) by any committer stays DỰ THẢO until the school records it as issued") {
    SchoolRepo s;
    // Anyone who can push could add these lines to a plan of the school's to escape approval.
    std::string text = slurp((s.root / kOther).string());
    text.insert(text.find("\n") + 1, "co_quan_ban_hanh:\n  ten: \"Phòng Giáo dục và Đào tạo\"\n  chu_quan: \"UBND huyện Thử\"\n  dia_danh: \"Thử\"\nky_hieu: \"PGDĐT-GDTrH\"\n");
    std::ofstream(s.root / kOther) << text;
    s.git("add -A");
    s.commit("ngoai", "-m 'Công văn của Phòng'", false);

    CHECK(s.document(kOther)["state"] == "chua-duyet");
    nlohmann::json diagnostics = check_of(s, 0);
    const nlohmann::json* pending = finding(diagnostics, "approval", kOther);
    REQUIRE(pending);
    CHECK(contains((*pending)["hint"].get<std::string>(), "--issued"));
    std::string env = "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ";
    std::string out = s.tmp.str() + "/site";
    Run build = run_vanban("build --no-pdf --no-docx --root " + shell_quote(s.root.string()) + " --out " + shell_quote(out) + " --today 2026-11-23", env);
    INFO(build.err);
    CHECK(build.exit_code == 0);
    CHECK(contains(slurp(out + "/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html"), "DỰ THẢO"));

    // The school does not approve another agency's text; it records the text it received.
    Run approve = s.run_approve("ht", kOther + " --role hieu-truong");
    CHECK(approve.exit_code == 2);
    CHECK(contains(approve.err, "--issued"));
    Run recorded = s.run_approve("ht", kOther + " --role hieu-truong --issued");
    INFO(recorded.err);
    CHECK(recorded.exit_code == 0);
    CHECK(s.document(kOther)["state"] == "da-ban-hanh");
    build = run_vanban("build --no-pdf --no-docx --root " + shell_quote(s.root.string()) + " --out " + shell_quote(out) + " --today 2026-11-23", env);
    CHECK(build.exit_code == 0);
    CHECK_FALSE(contains(slurp(out + "/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html"), "DỰ THẢO"));
}
