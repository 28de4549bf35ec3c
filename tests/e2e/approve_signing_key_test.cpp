// `vanban approve` refuses before making any commit when the key git signs with does not hold
// the role in the trusted list, naming the key, the role and who holds it; and a path that does
// not exist is said to be missing.
#include <doctest/doctest.h>

#include <fstream>

#include "school_repo.h"

using namespace vanban::e2e;

namespace {

std::string head(const SchoolRepo& s) { return s.git("rev-parse HEAD"); }

// "SHA256:…" of a public key file, as ssh-keygen shows it.
std::string fingerprint(const std::string& public_key_file) {
    std::string listed = run_command("ssh-keygen -l -f " + shell_quote(public_key_file));
    size_t start = listed.find(' ') + 1;
    return listed.substr(start, listed.find(' ', start) - start);
}

}  // namespace

TEST_CASE("approve: a key whose holder lacks the role is refused before any commit, naming key, role and holders") {
    SchoolRepo s;
    std::string before = head(s);
    Run r = s.run_approve("pht", kOther + " --role hieu-truong");
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "khóa ký " + fingerprint(s.key("pht") + ".pub") + " (user.signingkey = " + s.key("pht") + ")"));
    CHECK(contains(r.err, "là của pht@truong.vn (vai trò: pho-hieu-truong), không giữ vai trò hieu-truong"));
    CHECK(contains(r.err, "vai trò hieu-truong do cu@truong.vn, ht@truong.vn giữ"));
    CHECK(contains(r.err, "Chưa tạo commit nào"));
    CHECK(head(s) == before);
}

TEST_CASE("approve: a key in no trusted list, and an expired one, are refused before any commit") {
    SchoolRepo s;
    std::string before = head(s);
    Run outsider = s.run_approve("ngoai", kOther + " --role hieu-truong");
    CHECK(outsider.exit_code == 2);
    CHECK(contains(outsider.err, "không có trong danh sách khóa đã được tin cậy (.vanban/allowed_signers"));
    CHECK(contains(outsider.err, "vai trò hieu-truong do cu@truong.vn, ht@truong.vn giữ"));
    Run expired = s.run_approve("cu", kOther + " --role hieu-truong");
    CHECK(expired.exit_code == 2);
    CHECK(contains(expired.err, "của cu@truong.vn đã hết hiệu lực"));
    CHECK(head(s) == before);
}

TEST_CASE("approve: a key the trusted list does not know yet is refused even when the work tree lists it") {
    SchoolRepo s;
    // Added to the files but never committed with a trusted signature: not trusted.
    std::ofstream(s.root / ".vanban/allowed_signers", std::ios::app)
        << "ngoai@truong.vn namespaces=\"git\" " << slurp(s.key("ngoai") + ".pub");
    std::string before = head(s);
    Run r = s.run_approve("ngoai", kOther + " --role hieu-truong");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "không có trong danh sách khóa đã được tin cậy"));
    CHECK(head(s) == before);
}

TEST_CASE("approve: the holder's key is let through and the approval is made") {
    SchoolRepo s;
    Run r = s.run_approve("ht", kOther + " --role hieu-truong");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "đã ghi phê duyệt ở commit"));
}

TEST_CASE("approve: a path that does not exist says không tìm thấy tệp, and nothing is committed") {
    SchoolRepo s;
    std::string before = head(s);
    Run r = s.run_approve("ht", "plans/2024-2025/khong-co.md --role hieu-truong");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "không tìm thấy tệp plans/2024-2025/khong-co.md"));
    CHECK(head(s) == before);
}

TEST_CASE("approve with OpenPGP: the key's trusted holder must hold the role, checked before any commit") {
    SchoolRepo s;
    std::string home = s.tmp.str() + "/gnupg";
    std::filesystem::create_directories(home);
    std::filesystem::permissions(home, std::filesystem::perms::owner_all);
    std::string gpg = "GNUPGHOME=" + shell_quote(home) + " gpg --batch --quiet ";
    run_command(gpg + "--passphrase '' --quick-gen-key 'Pho Hieu Truong <pht@truong.vn>' ed25519 sign never 2>/dev/null");
    std::filesystem::create_directories(s.root / ".vanban/gpg");
    run_command(gpg + "--armor --export pht@truong.vn > " + shell_quote((s.root / ".vanban/gpg/pht.asc").string()));
    s.git("add -A");
    s.commit("ht", "-m 'Thêm khóa OpenPGP'");
    s.git("config user.name pht");
    s.git("config user.email pht@truong.vn");
    s.git("config gpg.format openpgp");
    s.git("config user.signingkey pht@truong.vn");
    std::string before = head(s);
    std::string env = "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " HOME=" + shell_quote(s.tmp.str()) + " GNUPGHOME=" + shell_quote(home) + " ";
    Run wrong = run_vanban("approve --root " + shell_quote(s.root.string()) + " " + kOther + " --role hieu-truong --today 2026-11-23", env);
    INFO(wrong.err);
    CHECK(wrong.exit_code == 2);
    CHECK(contains(wrong.err, "(user.signingkey = pht@truong.vn) là của pht@truong.vn (vai trò: pho-hieu-truong), không giữ vai trò hieu-truong"));
    CHECK(head(s) == before);
    Run right = run_vanban("approve --root " + shell_quote(s.root.string()) + " " + kPlan + " --role pho-hieu-truong --today 2026-11-23", env);
    INFO(right.err);
    CHECK(right.exit_code == 0);
    CHECK(s.document(kPlan)["missing_roles"] == nlohmann::json::array({"hieu-truong"}));
}

TEST_CASE("approve with a signature format vanban does not verify (x509) is refused before any commit") {
    SchoolRepo s;
    s.git("config gpg.format x509");
    s.git("config user.signingkey someone");
    std::string before = head(s);
    Run r = run_vanban("approve --root " + shell_quote(s.root.string()) + " " + kOther + " --role hieu-truong",
                       "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " HOME=" + shell_quote(s.tmp.str()) + " ");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "chỉ công nhận chữ ký SSH hoặc OpenPGP"));
    CHECK(head(s) == before);
}
