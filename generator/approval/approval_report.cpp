#include "approval/approval_report.h"

#include <filesystem>

#include "support/cache_dir.h"

namespace vanban {

std::string signature_cache_file() { return (std::filesystem::path(cache_root()) / "signatures.tsv").string(); }

ApprovalReport approval_report(const Repository& repo) {
    ApprovalReport report;
    if (!repo.approval.enabled) {
        report.unavailable = {"vanban.yaml chưa có mục phe_duyet (vai trò, khóa)", "vanban.yaml has no phe_duyet section (roles, keys)"};
        return report;
    }
    auto git = GitRepository::open(repo.root);
    if (!git) {
        report.unavailable = {repo.root + " không nằm trong một kho git", repo.root + " is not inside a git repository"};
        return report;
    }
    SignatureVerifier verifier(signature_cache_file());
    report.ledger = read_ledger(*git, repo, verifier);
    if (!report.ledger.available) {
        report.unavailable = {"kho git chưa có commit nào", "the git repository has no commits"};
        return report;
    }
    report.available = true;
    for (const auto& doc : repo.documents)
        if (doc.type && doc.type->official) report.documents[doc.path] = evaluate_document(doc, report.ledger, *git, repo.root);
    report.signatures_verified = verifier.verified_now();
    return report;
}

}  // namespace vanban
