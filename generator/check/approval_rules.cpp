// approval: documents of a published school year must be approved, and what history says
// against the approvals (refused approval commits). trust: a trust list changed without
// authority, a trust root that cannot be confirmed.
// A document recorded as issued keeps its findings, as warnings: its text is what was signed
// on paper and cannot be corrected any more, only superseded.
#include <algorithm>
#include <set>

#include "approval/approval_report.h"
#include "check/checks.h"

namespace vanban {

namespace {

std::string join_roles(const std::vector<std::string>& roles) {
    std::string out;
    for (const auto& r : roles) out += (out.empty() ? "" : ", ") + r;
    return out;
}

}  // namespace

void check_approvals(const std::vector<DocumentSummary>& docs, const Repository& repo, const ApprovalReport& approvals,
                     Diagnostics& out) {
    auto warning_at = [](const DocumentSummary& doc, Position at, const char* rule, Message message, Message hint = {}) {
        return Diagnostic{doc.path, at, Severity::Warning, rule, std::move(message), std::move(hint)};
    };
    if (const auto& issue = approvals.trust_root_issue) {
        out.push_back(Diagnostic{"vanban.yaml", {1, 1}, issue->severity, "trust", issue->message, issue->hint});
        return;
    }
    // A new school: keys and roles written (phe_duyet uncommented) but not committed, so no
    // approval can exist yet. The one thing to do is the first signed commit; nothing is wrong.
    const Message first_commit{"Hiệu trưởng ký commit chứa .vanban/allowed_signers và phe_duyet: git add -A && git commit -S -m \"Khóa và "
                               "vai trò phê duyệt\" (xem README, mục \"Khóa ký và phê duyệt\").",
                               "The principal signs the commit holding .vanban/allowed_signers and phe_duyet: git add -A && git commit -S "
                               "-m \"Keys and approval roles\" (see the README, section \"Khóa ký và phê duyệt\")."};
    if (repo.approval.enabled && approvals.no_commits) {
        out.push_back(Diagnostic{"vanban.yaml", {1, 1}, Severity::Warning, "trust",
                                 {"phê duyệt đã bật nhưng kho chưa có commit nào: chưa văn bản nào được duyệt",
                                  "approvals are on but the repository has no commits yet: no document counts as approved"},
                                 first_commit});
        return;
    }
    if (repo.approval.enabled && !approvals.available) {
        // Approvals are on but history cannot say who approved what: nothing counts as approved.
        out.push_back(Diagnostic{"vanban.yaml", {1, 1}, Severity::Error, "approval",
                                 {"không đọc được lịch sử phê duyệt: " + approvals.unavailable.vi + "; mọi văn bản được coi là chưa duyệt",
                                  "approval history cannot be read: " + approvals.unavailable.en + "; no document counts as approved"},
                                 approvals.unavailable_fix});
        return;
    }
    if (!approvals.available) return;
    if (repo.approval.enabled && approvals.ledger.root_candidates.empty()) {
        // Keys and roles written but never committed (a new school): every type and document
        // would say "no trusted policy"; the one thing to do is the first signed commit.
        out.push_back(Diagnostic{"vanban.yaml", {1, 1}, Severity::Warning, "trust",
                                 {"phê duyệt đã bật nhưng lịch sử chưa có commit nào chứa danh sách khóa và vai trò: chưa văn bản nào "
                                  "được duyệt, kể cả khi đã chạy vanban approve",
                                  "approvals are on but no commit holds the keys and roles yet: no document counts as approved, "
                                  "even after vanban approve"},
                                 first_commit});
        return;
    }
    const auto& published = approvals.ledger.trusted.published_years;
    for (const auto& doc : docs) {
        const DocumentApproval* a = approvals.find(doc.path);
        if (!a || a->state == ApprovalState::Approved || a->state == ApprovalState::Issued || !doc.school_year) continue;
        if (a->required_roles.empty()) {
            out.push_back(warning_at(doc, {1, 1}, "approval",
                                     {"loại " + doc.type_id + " không khai vai trò phê duyệt (phe_duyet) nên văn bản này không thể được duyệt",
                                      "type " + doc.type_id + " declares no approving roles (phe_duyet), so this document cannot be approved"},
                                     {"Thêm phe_duyet: {vai_tro: [hieu-truong]} vào templates/types/" + doc.type_id + ".yaml (commit do hiệu trưởng ký).",
                                      "Add phe_duyet: {vai_tro: [hieu-truong]} to templates/types/" + doc.type_id + ".yaml (a commit signed by the principal)."}));
            continue;
        }
        if (std::find(published.begin(), published.end(), doc.school_year->text()) == published.end()) continue;
        std::string missing;
        for (const auto& r : a->missing_roles) missing += (missing.empty() ? "" : ", ") + r;
        std::string first = a->missing_roles.empty() ? std::string("hieu-truong") : a->missing_roles.front();
        out.push_back(warning_at(doc, {1, 1}, "approval",
                                 {"văn bản của năm học đã công bố " + doc.school_year->text() + " " + state_name(a->state) +
                                      (missing.empty() ? "" : " (còn thiếu: " + missing + ")"),
                                  "document of the published school year " + doc.school_year->text() + " is " + state_id(a->state) +
                                      (missing.empty() ? "" : " (missing: " + missing + ")")},
                                 doc.issued_elsewhere()
                                     ? Message{"Người giữ vai trò " + first + " đối chiếu với bản đã nhận rồi chạy: vanban approve " + doc.path +
                                                   " --role " + first + " --issued",
                                               "The holder of " + first + " compares it with the copy received and runs: vanban approve " +
                                                   doc.path + " --role " + first + " --issued"}
                                     : Message{"Người giữ vai trò " + first + " kiểm tra nội dung rồi chạy: vanban approve " + doc.path + " --role " + first,
                                               "The holder of " + first + " reviews it and runs: vanban approve " + doc.path + " --role " + first}));
    }
    // A policy naming a role nobody holds can never be met: usually a typo.
    std::set<std::string> reported;
    for (const auto& doc : docs) {
        const DocumentApproval* a = approvals.find(doc.path);
        if (!a) continue;
        for (const auto& role : a->required_roles)
            if (!approvals.ledger.trusted.roles.count(role) && reported.insert(doc.type_id + "/" + role).second)
                out.push_back(warning_at(doc, {1, 1}, "approval",
                                         {"loại " + doc.type_id + " cần vai trò \"" + role + "\" nhưng vanban.yaml không có ai giữ vai trò này",
                                          "type " + doc.type_id + " needs the role \"" + role + "\" but nobody holds it in vanban.yaml"},
                                         {"Kiểm tra tên vai trò trong templates/types/" + doc.type_id + ".yaml và phe_duyet.vai_tro trong vanban.yaml.",
                                          "Check the role name in templates/types/" + doc.type_id + ".yaml and phe_duyet.vai_tro in vanban.yaml."}));
    }
    for (const auto& r : approvals.ledger.refusals)
        for (const auto& path : r.paths)
            if (auto doc = std::lower_bound(docs.begin(), docs.end(), path,
                                            [](const DocumentSummary& d, const std::string& p) { return d.path < p; });
                doc != docs.end() && doc->path == path)
                out.push_back(warning_at(*doc, {1, 1}, "approval",
                                         {(r.issued ? "ghi nhận đã ban hành ở commit " : "phê duyệt ở commit ") + r.commit.substr(0, 10) +
                                              " không được công nhận: " + r.reason.vi,
                                          (r.issued ? "the record of issue in commit " : "the approval in commit ") + r.commit.substr(0, 10) +
                                              " is not recognised: " + r.reason.en}));
    for (const auto& doc : docs)
        if (const DocumentApproval* a = approvals.find(doc.path); a && a->issue_not_counted)
            out.push_back(warning_at(doc, {1, 1}, "approval",
                                     {"ghi nhận đã ban hành ở commit " + a->issue_not_counted->commit.substr(0, 10) + " không được tính: " + a->issue_problem.vi,
                                      "the record of issue in commit " + a->issue_not_counted->commit.substr(0, 10) + " does not count: " + a->issue_problem.en},
                                     {"Người giữ một vai trò mà loại văn bản chấp nhận ghi nhận lại: vanban approve " + doc.path + " --role <vai trò> --issued",
                                      "A holder of a role the type accepts records it again: vanban approve " + doc.path + " --role <role> --issued"}));
    // The type files as they stand against the trusted policies: what is not (yet) authorised
    // is not used for approval, and the type's own file says so.
    for (const auto& id : repo.types.ids()) {
        const DocumentType* type = repo.types.find(id);
        const ApprovalPolicy* trusted = approvals.ledger.policy(id);
        if (trusted && trusted->official == type->official && trusted->roles == type->approval_roles &&
            trusted->deputy_roles == type->deputy_approval_roles)
            continue;
        std::string used = !trusted ? std::string()
                                    : std::string("van_ban: ") + (trusted->official ? "true" : "false") + ", phe_duyet: [" +
                                          join_roles(trusted->roles) + "], ky_thay: [" + join_roles(trusted->deputy_roles) + "]";
        out.push_back(Diagnostic{type->source, {1, 1}, Severity::Warning, "trust",
                                 trusted ? Message{"van_ban/phe_duyet của loại " + id + " khác chính sách đã được tin cậy nên không được dùng; phê duyệt theo: " + used,
                                                   "van_ban/phe_duyet of the type " + id + " differ from the trusted policy and are not used; approval follows: " + used}
                                         : Message{"loại " + id + " chưa có chính sách phê duyệt được tin cậy (thêm hoặc sửa mà không có thẩm quyền): văn bản của loại "
                                                   "này là văn bản hành chính và không ai phê duyệt được",
                                                   "the type " + id + " has no trusted approval policy (added or changed without authority): its documents "
                                                   "are official and nobody can approve them"},
                                 {"Người có vai trò quản lý (vai_tro_quan_ly) ký commit thay đổi tệp này, hoặc chấp nhận bằng commit có dòng "
                                  "\"Tin-cay: chap-nhan\"; nếu không, trả tệp về như cũ.",
                                  "A holder of a vai_tro_quan_ly role signs the commit that changes this file, or accepts it with \"Tin-cay: chap-nhan\"; "
                                  "otherwise restore the file."}});
    }
    // An unauthorised change still in the files is an error until removed or accepted; one
    // already undone or accepted stays in history as a warning.
    for (const auto& p : approvals.ledger.trust_problems)
        out.push_back(Diagnostic{repo.approval.ssh_signers, {1, 1}, p.pending ? Severity::Error : Severity::Warning, "trust", p.reason,
                                 {"Nếu thay đổi là đúng, hiệu trưởng (hoặc Phòng GD&ĐT) xem lại rồi chấp nhận bằng một commit có chữ ký: "
                                  "git commit -S --allow-empty -m \"Chấp nhận danh sách khóa\" --trailer \"Tin-cay: chap-nhan\"; nếu không, xóa thay đổi đó đi.",
                                  "If the change is right, the principal (or the district office) reviews it and accepts it in a signed commit with the "
                                  "trailer \"Tin-cay: chap-nhan\"; otherwise remove it."}});
}

}  // namespace vanban
