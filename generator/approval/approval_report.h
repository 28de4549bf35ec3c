// The approval state of every official document, read from history once per run and
// shared by `vanban status`, `vanban check`, the site and the PDFs.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "approval/approval_ledger.h"

namespace vanban {

// The trust root cannot be confirmed (VANBAN_TRUST_ROOT malformed or not matching, unset on
// CI, or a root other than the one remembered): approvals fail closed, `check` says why.
struct TrustRootIssue {
    Severity severity = Severity::Error;
    Message message, hint;
};

struct ApprovalReport {
    bool enabled = false;    // vanban.yaml (in the work tree) has phe_duyet:
    bool hide_in_work_tree = false;  // ... with an_chua_duyet: true
    bool available = false;  // ... and the repository's whole history could be read
    Message unavailable;     // why not, when not
    Message unavailable_fix; // ... and what to do about it: each cause has its own remedy
    bool no_commits = false; // unavailable only because nothing is committed yet (a new school)
    std::optional<TrustRootIssue> trust_root_issue;
    Ledger ledger;
    std::map<std::string, DocumentApproval> documents;  // by document path, official documents only
    size_t signatures_verified = 0;  // checks that were not in the cache
    std::shared_ptr<const GitRepository> git;  // open while documents are evaluated, when available

    const DocumentApproval* find(const std::string& path) const {
        auto it = documents.find(path);
        return it == documents.end() ? nullptr : &it->second;
    }
};

ApprovalReport approval_report(const Repository& repo);

// The history part of approval_report, read once: the ledger, the trust root, whether approvals
// are available; `documents` stays empty. `repo` may be an index (load_repository_index).
ApprovalReport approval_history(const Repository& repo);
// One document against the history: its approval when it is under approval (official by the
// trusted type policy), else nothing. Not safe to call from two threads at once (one git handle).
std::optional<DocumentApproval> evaluate_approval(const ApprovalReport& report, const Document& doc, const std::string& root);

// How a document is presented on paper and on the site: DỰ THẢO until approved or recorded as
// issued (or, for a school that does not use approvals, until it has a number), and for an
// approved or issued document a line that says who approved or recorded it in which commit.
struct ApprovalMark {
    bool draft = true;
    std::string verification;  // "Đã phê duyệt bằng commit có chữ ký: hieu-truong ht@… (commit 5642d34321, 23/09/2024)",
                               // or "Văn bản đã ban hành, ghi nhận bằng commit có chữ ký: …" for one recorded as issued
};
ApprovalMark approval_mark(const Document& doc, const ApprovalReport& report);
// The same, given the document's evaluation (evaluate_approval) instead of report.documents.
ApprovalMark approval_mark(const Document& doc, const ApprovalReport& report, const DocumentApproval* approval);

// Whether documents not approved are kept off the site (an_chua_duyet): the trusted list's word
// when approvals are available; when they fail closed, hidden if the work tree's vanban.yaml or
// history's list (when it could be read) says so, so that making approvals unavailable (a wrong
// root on CI, another history merged in) never publishes what the school hides.
bool hide_unapproved(const ApprovalReport& report);

// Whether approvals decide how the document is shown (DỰ THẢO, hidden): official under the
// trusted type policy and issued by the school.
bool under_approval(const Document& doc, const ApprovalReport& report);
bool under_approval(const Document& doc, const ApprovalReport& report, const DocumentApproval* approval);

// Where signature checks are cached: cache_root()/signatures.tsv.
std::string signature_cache_file();

}  // namespace vanban
