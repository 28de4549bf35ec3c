#include "approval/approval_report.h"

#include <ctime>
#include <filesystem>

#include "support/cache_dir.h"

namespace vanban {

std::string signature_cache_file() { return (std::filesystem::path(cache_root()) / "signatures.tsv").string(); }

ApprovalReport approval_report(const Repository& repo) {
    ApprovalReport report;
    report.enabled = repo.approval.enabled;
    if (!repo.approval.enabled) {
        report.unavailable = {"vanban.yaml chưa có mục phe_duyet (vai trò, khóa)", "vanban.yaml has no phe_duyet section (roles, keys)"};
        return report;
    }
    auto git = GitRepository::open(repo.root);
    if (!git) {
        report.unavailable = {repo.root + " không nằm trong một kho git", repo.root + " is not inside a git repository"};
        return report;
    }
    if (git->shallow()) {
        report.unavailable = {"bản sao git này là bản nông (shallow): thiếu phần đầu lịch sử", "this git clone is shallow: the start of history is missing"};
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

ApprovalMark approval_mark(const Document& doc, const ApprovalReport& report) {
    ApprovalMark mark;
    // With approvals on but unreadable, nothing is approved (fail closed).
    if (report.enabled && !report.available) return mark;
    const DocumentApproval* a = report.available ? report.find(doc.path) : nullptr;
    if (!a) {
        mark.draft = doc.is_draft();
        return mark;
    }
    mark.draft = a->state != ApprovalState::Approved;
    if (!mark.draft) {
        for (const auto& ap : a->current) {
            std::time_t t = static_cast<std::time_t>(ap.time) + 7 * 3600;
            std::tm tm{};
            gmtime_r(&t, &tm);
            char date[16];
            std::strftime(date, sizeof date, "%d/%m/%Y", &tm);
            mark.verification += (mark.verification.empty() ? "Đã phê duyệt bằng commit có chữ ký: " : "; ") + ap.role + " " + ap.principal +
                                 " (commit " + ap.commit.substr(0, 10) + ", " + date + ")";
        }
    }
    return mark;
}

}  // namespace vanban
