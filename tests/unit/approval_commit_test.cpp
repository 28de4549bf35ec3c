// approval/approval_commit: what is refused before git is asked anything.
#include <doctest/doctest.h>

#include "approval/approval_commit.h"
#include "test_support.h"

using namespace vanban;
using vanban::test::make_repository;

TEST_CASE("approve is refused in both languages without phe_duyet, and for a role vanban.yaml does not declare") {
    Repository repo = make_repository({});
    try {
        ApprovalCommit approval(repo, "hieu-truong", false);
        FAIL("a repository without phe_duyet was accepted");
    } catch (const ApprovalRefused& refused) {
        CHECK(refused.message.vi.find("phe_duyet") != std::string::npos);
        CHECK(refused.message.en.find("no phe_duyet section") != std::string::npos);
    }
    repo.approval.enabled = true;
    repo.approval.roles["hieu-truong"] = {"ht@example.edu.vn"};
    try {
        ApprovalCommit approval(repo, "thu-ky", false);
        FAIL("an undeclared role was accepted");
    } catch (const ApprovalRefused& refused) {
        CHECK(refused.message.vi == "vai trò \"thu-ky\" không có trong vanban.yaml; các vai trò: hieu-truong");
        CHECK(refused.message.en == "the role \"thu-ky\" is not in vanban.yaml; the roles: hieu-truong");
    }
}

TEST_CASE("only placeholder hints of vanban.yaml stop every approval") {
    std::vector<Diagnostic> diagnostics = {
        {"vanban.yaml", {3, 1}, Severity::Warning, "placeholder", {"a", "a"}, {}},
        {"vanban.yaml", {4, 1}, Severity::Error, "config", {"b", "b"}, {}},
        {"plans/2024-2025/a.md", {5, 1}, Severity::Warning, "placeholder", {"c", "c"}, {}},
    };
    std::vector<const Diagnostic*> hints = ApprovalCommit::config_hints(diagnostics);
    REQUIRE(hints.size() == 1);
    CHECK(hints[0] == &diagnostics[0]);
}
