// approval: documents of a published school year must be approved, and what history says
// against the approvals (refused approval commits, a trust list changed without authority).
#include <algorithm>

#include "approval/approval_report.h"
#include "check/checks.h"

namespace vanban {

void check_approvals(const Repository& repo, const ApprovalReport& approvals, Diagnostics& out) {
    if (!approvals.available) return;
    const auto& published = repo.approval.published_years;
    for (const auto& doc : repo.documents) {
        const DocumentApproval* a = approvals.find(doc.path);
        if (!a || a->state == ApprovalState::Approved || !doc.school_year) continue;
        if (std::find(published.begin(), published.end(), doc.school_year->text()) == published.end()) continue;
        std::string missing;
        for (const auto& r : a->missing_roles) missing += (missing.empty() ? "" : ", ") + r;
        std::string first = a->missing_roles.empty() ? std::string("hieu-truong") : a->missing_roles.front();
        out.push_back(warning_at(doc, {1, 1}, "approval",
                                 {"văn bản của năm học đã công bố " + doc.school_year->text() + " " + state_name(a->state) +
                                      (missing.empty() ? "" : " (còn thiếu: " + missing + ")"),
                                  "document of the published school year " + doc.school_year->text() + " is " + state_id(a->state) +
                                      (missing.empty() ? "" : " (missing: " + missing + ")")},
                                 {"Người giữ vai trò " + first + " kiểm tra nội dung rồi chạy: vanban approve " + doc.path + " --role " + first,
                                  "The holder of " + first + " reviews it and runs: vanban approve " + doc.path + " --role " + first}));
    }
    for (const auto& r : approvals.ledger.refusals)
        for (const auto& path : r.paths)
            if (const Document* doc = repo.find(path))
                out.push_back(warning_at(*doc, {1, 1}, "approval",
                                         {"phê duyệt ở commit " + r.commit.substr(0, 10) + " không được công nhận: " + r.reason.vi,
                                          "the approval in commit " + r.commit.substr(0, 10) + " is not recognised: " + r.reason.en}));
    for (const auto& p : approvals.ledger.trust_problems)
        out.push_back(Diagnostic{repo.approval.ssh_signers, {1, 1}, Severity::Warning, "approval", p.reason,
                                 {"Hiệu trưởng (hoặc Phòng GD&ĐT) ký lại thay đổi này bằng một commit có chữ ký.",
                                  "The principal (or the district office) signs the change in a signed commit."}});
}

}  // namespace vanban
