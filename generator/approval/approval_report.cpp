#include "approval/approval_report.h"

#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "support/cache_dir.h"

namespace vanban {

namespace {

std::string check_trust_root(const GitRepository& git, const Ledger& ledger) {
    if (ledger.trust_root.empty()) return {};
    if (const char* pinned = std::getenv("VANBAN_TRUST_ROOT"); pinned && *pinned) {
        if (ledger.trust_root.rfind(pinned, 0) != 0)
            return "danh sách khóa đầu tiên nằm ở commit " + ledger.trust_root.substr(0, 10) + ", không phải commit VANBAN_TRUST_ROOT=" + pinned;
        return {};
    }
    std::string file = (std::filesystem::path(cache_root()) / "trust-roots.tsv").string();
    std::string here = std::filesystem::weakly_canonical(git.workdir()).string();
    std::map<std::string, std::string> roots;
    {
        std::ifstream in(file);
        std::string line;
        while (std::getline(in, line))
            if (size_t tab = line.find('\t'); tab != std::string::npos) roots[line.substr(0, tab)] = line.substr(tab + 1);
    }
    auto it = roots.find(here);
    if (it == roots.end()) {
        roots[here] = ledger.trust_root;
        std::error_code ec;
        std::filesystem::create_directories(cache_root(), ec);
        std::ofstream out(file, std::ios::trunc);
        for (const auto& [path, root] : roots) out << path << '\t' << root << '\n';
        return {};
    }
    if (it->second != ledger.trust_root)
        return "gốc tin cậy của kho này đã đổi từ commit " + it->second.substr(0, 10) + " sang " + ledger.trust_root.substr(0, 10) +
               " (lịch sử bị thay thế?); nếu đúng là kho mới, xóa dòng của " + here + " trong " + file;
    return {};
}

}  // namespace

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
    // The first trust list is taken on trust, so a history whose root was swapped (an orphan
    // branch merged in as first parent) could bring its own. The root is pinned: by
    // VANBAN_TRUST_ROOT (for CI), and on this machine by the first root vanban saw here.
    if (std::string why = check_trust_root(*git, report.ledger); !why.empty()) {
        report.unavailable = {why, "the trust root of this repository changed: " + why};
        return report;
    }
    report.available = true;
    for (const auto& doc : repo.documents)
        // Another agency's document was approved and signed there, not by the school's roles.
        if (doc.type && doc.type->official && !doc.issued_elsewhere())
            report.documents[doc.path] = evaluate_document(doc, report.ledger, *git, repo.root);
    report.signatures_verified = verifier.verified_now();
    return report;
}

ApprovalMark approval_mark(const Document& doc, const ApprovalReport& report) {
    ApprovalMark mark;
    if (doc.issued_elsewhere()) {
        mark.draft = doc.is_draft();
        return mark;
    }
    // With approvals on but unreadable, nothing is approved (fail closed).
    if (report.enabled && !report.available) return mark;
    const DocumentApproval* a = report.available ? report.find(doc.path) : nullptr;
    if (!a) {
        mark.draft = doc.is_draft();
        return mark;
    }
    mark.draft = a->state != ApprovalState::Approved && a->state != ApprovalState::Issued;
    if (a->issued) {
        const Approval& ap = *a->issued;
        mark.verification = "Văn bản đã ban hành, ghi nhận bằng commit có chữ ký: " + ap.role + " " + ap.principal + " (commit " +
                            ap.commit.substr(0, 10) + ", " + vietnam_time(ap.time, "%d/%m/%Y") + ")";
    } else if (!mark.draft) {
        for (const auto& ap : a->current) {
            std::string date = vietnam_time(ap.time, "%d/%m/%Y");
            mark.verification += (mark.verification.empty() ? "Đã phê duyệt bằng commit có chữ ký: " : "; ") + ap.role + " " + ap.principal +
                                 " (commit " + ap.commit.substr(0, 10) + ", " + date + ")";
        }
    }
    return mark;
}

}  // namespace vanban
