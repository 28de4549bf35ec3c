// `vanban status` and `vanban approve`.
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "approval/approval_commit.h"
#include "approval/approval_report.h"
#include "cli/cli_support.h"
#include "text/markup.h"

namespace vanban {

namespace {

std::string iso_time(int64_t t) { return vietnam_time(t, "%Y-%m-%dT%H:%M+07:00"); }

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// Findings that stop an approval, at most five of them, each on its own line.
void print_findings(const std::vector<const Diagnostic*>& found, const std::string& check_what, bool en, std::ostream& err) {
    const size_t shown = 5;
    for (size_t i = 0; i < found.size() && i < shown; ++i) {
        const Diagnostic& dg = *found[i];
        err << "  " << one_line(dg.file) << ':' << dg.at.line << ':' << dg.at.column << ": [" << dg.rule << "] " << one_line(dg.message.in(en))
            << '\n';
    }
    if (found.size() > shown)
        err << "  " << (en ? "… and " : "… và ") << found.size() - shown << (en ? " more (vanban check " : " chỗ nữa (vanban check ")
            << one_line(check_what) << ")\n";
}

// Runs the approval workflow (approval/approval_commit.h) and prints what it decides.
int approve(BuildSession& session, const std::string& role, bool issued, const std::vector<std::string>& files,
            const CommonOptions& common, std::ostream& out, std::ostream& err) {
    const bool en = common.english;
    ApprovalCommit approval(session.read_index(), role, issued);
    // The findings of `vanban check`: the rules across documents need the whole repository.
    std::vector<Diagnostic> diagnostics = session.run().diagnostics;
    sort_diagnostics(diagnostics);  // the first findings shown are the first in the file
    // A hint left in vanban.yaml is printed in the header of every document, this one too.
    if (std::vector<const Diagnostic*> hints = ApprovalCommit::config_hints(diagnostics); !hints.empty()) {
        err << "vanban approve: "
            << common.say("vanban.yaml còn chỗ [[...]] chưa thay (" + std::to_string(hints.size()) +
                              "), chúng được in ở phần đầu mọi văn bản; hãy sửa trước khi phê duyệt:\n",
                          "vanban.yaml still has [[...]] hints (" + std::to_string(hints.size()) +
                              "), printed in every document's header; fix them before approving:\n");
        print_findings(hints, "vanban.yaml", en, err);
        err << common.say("Sửa các chỗ trên, commit, rồi phê duyệt lại. Chưa tạo commit nào.\n",
                          "Fix these, commit, then approve again. No commit was made.\n");
        return 1;
    }
    for (const auto& f : files) {
        Document doc = document_argument(session, f, en);
        ApprovalDecision decision = approval.add(f, doc, diagnostics);
        if (decision.kind == ApprovalDecision::Kind::Blocked) {
            std::string count = std::to_string(decision.blocking.size());
            err << "vanban approve: " << one_line(doc.path)
                << common.say(
                       std::string(issued ? " còn chỗ [[...]] chưa thay" : " còn lỗi hoặc chỗ [[...]] chưa thay") +
                           " (" + count + "), hãy sửa trước khi phê duyệt:\n",
                       std::string(issued ? " still has [[...]] hints" : " still has errors or [[...]] hints") + " (" +
                           count + "); fix them before approving:\n");
            print_findings(decision.blocking, doc.path, en, err);
            err << common.say("Sửa các chỗ trên, commit, rồi phê duyệt lại. Chưa tạo commit nào.\n",
                              "Fix these, commit, then approve again. No commit was made.\n");
            return 1;
        }
        if (decision.kind == ApprovalDecision::Kind::AlreadyDone)
            out << one_line(doc.path)
                << common.say(issued ? ": nội dung hiện tại đã được ghi nhận đã ban hành (vai trò "
                                     : ": nội dung hiện tại đã được phê duyệt (vai trò ",
                              issued ? ": the current content is already recorded as issued (role "
                                     : ": the current content is already approved (role ")
                << one_line(role) << ", commit " << decision.already_commit.substr(0, 10)
                << common.say("); không tạo commit mới\n", "); no new commit\n");
    }
    if (approval.paths().empty()) return 0;

    ApprovalCommitResult commit = approval.commit();
    if (!commit.made) {
        err << "vanban approve: "
            << common.say("git không tạo được commit phê duyệt:\n", "git could not make the approval commit:\n")
            << escape_lines(commit.git_error);
        return 1;
    }
    const std::string& id = commit.commit;
    if (!commit.recognised) {
        err << "vanban approve: " << common.say("đã tạo commit ", "made the commit ") << id.substr(0, 10)
            << common.say(" nhưng ", " but the ")
            << (issued ? common.say("ghi nhận", "record of issue") : common.say("phê duyệt", "approval"))
            << common.say(" không được công nhận: ", " is not recognised: ") << one_line(commit.refusal.in(en)) << '\n';
        return 1;
    }
    bool all_issued = true;
    for (const auto& p : approval.paths()) {
        const DocumentApproval* a = commit.report.find(p);
        out << one_line(p) << ": " << (a ? (en ? state_id(a->state) : state_name(a->state)) : "?");
        if (a && !a->missing_roles.empty())
            out << common.say(" (còn thiếu: ", " (missing: ") << one_line(join(a->missing_roles)) << ")";
        if (a && a->issue_not_counted)
            out << common.say(" (ghi nhận không được tính: ", " (record not counted: ")
                << one_line(a->issue_problem.in(en)) << ")";
        out << '\n';
        all_issued &= a && a->state == ApprovalState::Issued;
    }
    out << (issued ? common.say("đã ghi nhận đã ban hành ở commit ", "recorded as issued in commit ")
                   : common.say("đã ghi phê duyệt ở commit ", "approval recorded in commit "))
        << id.substr(0, 10) << common.say(" (vai trò ", " (role ") << one_line(role) << ")\n";
    return issued && !all_issued ? 1 : 0;
}

}  // namespace

int run_status(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    std::string format = "text";
    po::options_description d;
    add_common(d, common);
    d.add_options()("format", po::value(&format)->default_value("text")->value_name("text|json"),
                    common.text("dạng kết quả: text (mặc định) hoặc json", "output: text (default) or json"));
    po::variables_map vm = parse(args, d);
    if (vm.count("help")) return print_help("status", d, common, out);
    if (format != "text" && format != "json") throw UsageError(common.text("--format phải là text hoặc json", "--format must be text or json"));
    BuildSession session(session_options(common), {});
    ApprovalReport report = session.approvals();
    if (!report.available) {
        err << "vanban status: " << escape_lines(report.unavailable.in(common.english)) << '\n';
        return 2;
    }
    if (format == "json") {
        nlohmann::ordered_json docs = nlohmann::ordered_json::array();
        for (const auto& [path, a] : report.documents) {
            nlohmann::ordered_json d;
            d["file"] = path;
            d["state"] = state_id(a.state);
            nlohmann::ordered_json approvals = nlohmann::ordered_json::array();
            for (const auto& ap : a.current)
                approvals.push_back({{"role", ap.role}, {"signer", ap.principal}, {"fingerprint", ap.fingerprint},
                                     {"commit", ap.commit}, {"date", iso_time(ap.time)}});
            d["approvals"] = approvals;
            d["missing_roles"] = a.missing_roles;
            if (a.issued)
                d["issued"] = {{"role", a.issued->role}, {"signer", a.issued->principal}, {"fingerprint", a.issued->fingerprint},
                               {"commit", a.issued->commit}, {"date", iso_time(a.issued->time)}};
            if (a.issue_not_counted)
                d["issue_not_counted"] = {{"role", a.issue_not_counted->role}, {"commit", a.issue_not_counted->commit},
                                          {"message", a.issue_problem.in(common.english)}};
            if (a.voided) {
                d["voided"] = {{"role", a.voided->role}, {"signer", a.voided->principal}, {"commit", a.voided->commit},
                               {"date", iso_time(a.voided->time)}, {"issued", a.voided->issued}};
                d["changed_by"] = a.changed_by.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.changed_by);
            }
            docs.push_back(std::move(d));
        }
        nlohmann::ordered_json problems = nlohmann::ordered_json::array();
        for (const auto& p : report.ledger.trust_problems)
            problems.push_back({{"commit", p.commit}, {"date", iso_time(p.time)}, {"severity", p.pending ? "error" : "warning"},
                                {"message", p.reason.in(common.english)}});
        nlohmann::ordered_json refused = nlohmann::ordered_json::array();
        for (const auto& r : report.ledger.refusals)
            refused.push_back({{"commit", r.commit}, {"files", r.paths}, {"role", r.role}, {"issued", r.issued}, {"date", iso_time(r.time)},
                               {"message", r.reason.in(common.english)}});
        nlohmann::ordered_json root;
        root["documents"] = docs;
        root["trust_problems"] = problems;
        root["refused_approvals"] = refused;
        out << root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        return 0;
    }
    // Paths, names and reasons come from the repository and its history: escaped, one line each.
    for (const auto& p : report.ledger.trust_problems)
        out << (p.pending ? (common.english ? "error: " : "lỗi: ") : (common.english ? "warning: " : "cảnh báo: "))
            << one_line(p.reason.in(common.english)) << '\n';
    for (const auto& r : report.ledger.refusals)
        out << (r.issued ? (common.english ? "refused record of issue " : "ghi nhận đã ban hành không được công nhận ")
                         : (common.english ? "refused approval " : "phê duyệt không được công nhận "))
            << r.commit.substr(0, 10) << " (" << one_line(join(r.paths)) << "): " << one_line(r.reason.in(common.english)) << '\n';
    for (const auto& [path, a] : report.documents) {
        out << one_line(path) << ": " << (common.english ? state_id(a.state) : state_name(a.state)) << '\n';
        if (a.issued)
            out << "    " << (common.english ? "recorded as issued by " : "ghi nhận ban hành: ") << one_line(a.issued->role) << ": " << one_line(a.issued->principal)
                << " (" << a.issued->fingerprint << "), commit " << a.issued->commit.substr(0, 10) << ", " << iso_time(a.issued->time) << '\n';
        for (const auto& ap : a.current)
            out << "    " << one_line(ap.role) << ": " << one_line(ap.principal) << " (" << ap.fingerprint << "), commit " << ap.commit.substr(0, 10) << ", "
                << iso_time(ap.time) << '\n';
        if (a.issue_not_counted)
            out << "    " << (common.english ? "record of issue not counted (commit " : "ghi nhận ban hành không được tính (commit ")
                << a.issue_not_counted->commit.substr(0, 10) << "): " << one_line(a.issue_problem.in(common.english)) << '\n';
        if (a.voided) {
            out << "    "
                << (a.voided->issued ? (common.english ? "record of issue voided: " : "ghi nhận ban hành hết hiệu lực: ")
                                     : (common.english ? "approval voided: " : "phê duyệt hết hiệu lực: "))
                << one_line(a.voided->role) << " " << one_line(a.voided->principal)
                << ", commit " << a.voided->commit.substr(0, 10) << " (" << iso_time(a.voided->time) << "); ";
            if (a.changed_by.empty())
                out << (common.english ? "the file was changed and not committed yet\n" : "tệp đã bị sửa, chưa commit\n");
            else
                out << (common.english ? "changed by commit " : "bị sửa ở commit ") << a.changed_by.substr(0, 10) << " (" << iso_time(a.changed_time)
                    << ")\n";
        }
        if (!a.missing_roles.empty()) out << "    " << (common.english ? "missing: " : "còn thiếu: ") << one_line(join(a.missing_roles)) << '\n';
    }
    return 0;
}

int run_approve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    std::string role;
    bool issued = false;
    std::vector<std::string> files;
    po::options_description d;
    add_common(d, common);
    d.add_options()("role", po::value(&role)->value_name(common.text("VAI_TRÒ", "ROLE")),
                    common.text("vai trò phê duyệt (khai trong vanban.yaml, phe_duyet.vai_tro)",
                                "the approving role (declared in vanban.yaml, phe_duyet.vai_tro)"))
        ("issued", po::bool_switch(&issued),
         common.text("ghi nhận văn bản đã ban hành trên giấy (có số, ngày, đã ký), giữ nguyên nội dung; lỗi của nó thành cảnh báo",
                     "record a document issued on paper (numbered, dated, signed) as it is; its errors become warnings"));
    po::variables_map vm = parse_with_files(args, d, files);
    if (vm.count("help")) return print_help("approve", d, common, out);
    const bool en = common.english;
    if (files.empty())
        throw UsageError(common.say("cần ít nhất một văn bản, ví dụ: vanban approve plans/2024-2025/ke-hoach.md --role hieu-truong",
                             "at least one document is needed, e.g. vanban approve plans/2024-2025/ke-hoach.md --role hieu-truong"));
    if (role.empty()) throw UsageError(common.say("cần --role, ví dụ --role hieu-truong", "--role is needed, e.g. --role hieu-truong"));
    BuildSession session(session_options(common), {});
    try {
        return approve(session, role, issued, files, common, out, err);
    } catch (const ApprovalRefused& refused) {
        throw UsageError(refused.message.in(en));
    }
}

}  // namespace vanban
