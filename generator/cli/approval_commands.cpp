// `vanban status` and `vanban approve`.
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "approval/approval_report.h"
#include "approval/signing_key.h"
#include "cli/cli_support.h"
#include "support/process.h"

namespace vanban {

namespace {

std::string iso_time(int64_t t) { return vietnam_time(t, "%Y-%m-%dT%H:%M+07:00"); }

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// Runs git in the repository; its own configuration decides how commits are signed.
ProcessResult git(const std::string& root, std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-C", root});
    return run_process(args);
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// Refuses, before any commit, a signing key that the trusted keys (allowed_signers for SSH, the
// .vanban/gpg keys for OpenPGP) do not give to a holder of `role`, saying which key it is, whose
// it is, and who holds the role.
void require_key_holds_role(const std::string& root, const std::string& configured, const std::string& role, const Ledger& ledger,
                            const ApprovalConfig& files) {
    std::string format = first_line(git(root, {"config", "--get", "gpg.format"}).out);
    std::string signers_file, key_name;
    KeyHolders owners;
    if (format == "ssh") {
        SigningKey key = ssh_signing_key(configured, root);
        if (key.public_key.empty())
            throw UsageError("không đọc được khóa công khai của khóa ký user.signingkey = " + configured +
                             " (cần tệp .pub bên cạnh khóa bí mật, hoặc ghi user.signingkey là đường dẫn tệp .pub)");
        signers_file = files.ssh_signers;
        key_name = key.fingerprint.empty() ? key.public_key : key.fingerprint;
        owners = key_holders(ledger.trusted_keys.allowed_signers, key.public_key, std::time(nullptr));
    } else if (format.empty() || format == "openpgp") {
        std::vector<std::string> fingerprints = gpg_signing_fingerprints(configured);
        if (fingerprints.empty())
            throw UsageError("gpg không có khóa bí mật nào cho user.signingkey = " + configured + " (xem: gpg --list-secret-keys)");
        signers_file = files.gpg_keys;
        key_name = fingerprints.front();
        owners = gpg_key_holders(ledger.trusted_keys.gpg_keys, fingerprints);
    } else {
        throw UsageError("git ký bằng gpg.format = " + format + ", nhưng vanban chỉ công nhận chữ ký SSH hoặc OpenPGP "
                         "(git config gpg.format ssh). Chưa tạo commit nào.");
    }
    std::vector<std::string> holders;
    for (const auto& [r, principal] : ledger.trusted_facts.role_holders)
        if (r == role) holders.push_back(principal);
    std::string named = "khóa ký " + key_name + " (user.signingkey = " + configured + ")";
    std::string held_by = holders.empty() ? "chưa ai giữ vai trò " + role + " trong danh sách đã được tin cậy"
                                          : "vai trò " + role + " do " + join(holders) + " giữ";
    const std::string nothing_made = ". Chưa tạo commit nào.";
    if (owners.principals.empty() && !owners.expired.empty())
        throw UsageError(named + " của " + join(owners.expired) + " đã hết hiệu lực (valid-before trong " + signers_file +
                         "); dùng khóa mới đã được thêm vào danh sách" + nothing_made);
    if (owners.principals.empty())
        throw UsageError(named + " không có trong danh sách khóa đã được tin cậy (" + signers_file + " theo lịch sử có chữ ký); " + held_by +
                         ". Nhờ người quản lý thêm khóa công khai của bạn vào " + signers_file + " bằng một commit có chữ ký" + nothing_made);
    for (const auto& pattern : owners.principals)
        for (const auto& holder : holders)
            if (principal_matches(pattern, holder)) return;
    std::vector<std::string> own_roles;
    for (const auto& [r, principal] : ledger.trusted_facts.role_holders)
        for (const auto& pattern : owners.principals)
            if (principal_matches(pattern, principal) && std::find(own_roles.begin(), own_roles.end(), r) == own_roles.end()) own_roles.push_back(r);
    throw UsageError(named + " là của " + join(owners.principals) + " (vai trò: " + (own_roles.empty() ? std::string("không có") : join(own_roles)) +
                     "), không giữ vai trò " + role + "; " + held_by + nothing_made);
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
    if (format != "text" && format != "json") throw UsageError("--format phải là text hoặc json");
    Repository repo = load_repository(common.root(), common.jobs);
    ApprovalReport report = approval_report(repo);
    if (!report.available) {
        err << "vanban status: " << report.unavailable.in(common.english) << '\n';
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
    for (const auto& p : report.ledger.trust_problems)
        out << (p.pending ? (common.english ? "error: " : "lỗi: ") : (common.english ? "warning: " : "cảnh báo: ")) << p.reason.in(common.english)
            << '\n';
    for (const auto& r : report.ledger.refusals)
        out << (r.issued ? (common.english ? "refused record of issue " : "ghi nhận đã ban hành không được công nhận ")
                         : (common.english ? "refused approval " : "phê duyệt không được công nhận "))
            << r.commit.substr(0, 10) << " (" << join(r.paths)
            << "): " << r.reason.in(common.english) << '\n';
    for (const auto& [path, a] : report.documents) {
        out << path << ": " << (common.english ? state_id(a.state) : state_name(a.state)) << '\n';
        if (a.issued)
            out << "    " << (common.english ? "recorded as issued by " : "ghi nhận ban hành: ") << a.issued->role << ": " << a.issued->principal
                << " (" << a.issued->fingerprint << "), commit " << a.issued->commit.substr(0, 10) << ", " << iso_time(a.issued->time) << '\n';
        for (const auto& ap : a.current)
            out << "    " << ap.role << ": " << ap.principal << " (" << ap.fingerprint << "), commit " << ap.commit.substr(0, 10) << ", "
                << iso_time(ap.time) << '\n';
        if (a.issue_not_counted)
            out << "    " << (common.english ? "record of issue not counted (commit " : "ghi nhận ban hành không được tính (commit ")
                << a.issue_not_counted->commit.substr(0, 10) << "): " << a.issue_problem.in(common.english) << '\n';
        if (a.voided) {
            out << "    "
                << (a.voided->issued ? (common.english ? "record of issue voided: " : "ghi nhận ban hành hết hiệu lực: ")
                                     : (common.english ? "approval voided: " : "phê duyệt hết hiệu lực: "))
                << a.voided->role << " " << a.voided->principal
                << ", commit " << a.voided->commit.substr(0, 10) << " (" << iso_time(a.voided->time) << "); ";
            if (a.changed_by.empty())
                out << (common.english ? "the file was changed and not committed yet\n" : "tệp đã bị sửa, chưa commit\n");
            else
                out << (common.english ? "changed by commit " : "bị sửa ở commit ") << a.changed_by.substr(0, 10) << " (" << iso_time(a.changed_time)
                    << ")\n";
        }
        if (!a.missing_roles.empty()) out << "    " << (common.english ? "missing: " : "còn thiếu: ") << join(a.missing_roles) << '\n';
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
    if (files.empty()) throw UsageError("cần ít nhất một văn bản, ví dụ: vanban approve plans/2024-2025/ke-hoach.md --role hieu-truong");
    if (role.empty()) throw UsageError("cần --role, ví dụ --role hieu-truong");
    Repository repo = load_repository(common.root(), common.jobs);
    if (!repo.approval.enabled) throw UsageError("vanban.yaml chưa có mục phe_duyet (vai trò, khóa); xem README");
    if (!repo.approval.roles.count(role)) {
        std::vector<std::string> roles;
        for (const auto& [r, holders] : repo.approval.roles) roles.push_back(r);
        throw UsageError("vai trò \"" + role + "\" không có trong vanban.yaml; các vai trò: " + join(roles));
    }
    Message not_opened;
    auto gitrepo = GitRepository::open(repo.root, &not_opened);
    if (!gitrepo) throw UsageError(not_opened.in(common.english));

    ProcessResult key = git(repo.root, {"config", "--get", "user.signingkey"});
    if (!key.ok() || key.out.empty())
        throw UsageError("git chưa được cài đặt để ký commit. Với khóa SSH:\n"
                         "  git config gpg.format ssh\n  git config user.signingkey ~/.ssh/id_ed25519.pub\n"
                         "và đưa khóa công khai vào " + repo.approval.ssh_signers + " (do hiệu trưởng ký duyệt).");

    // Who may sign and what a type accepts are judged against the trusted list, read from history as it stands.
    ApprovalReport before = approval_report(repo);
    if (!before.available) throw UsageError("không đọc được lịch sử phê duyệt: " + before.unavailable.vi);
    require_key_holds_role(repo.root, first_line(key.out), role, before.ledger, repo.approval);
    std::vector<Diagnostic> diagnostics = check_repository(repo, check_options(common));
    std::vector<std::string> paths;
    for (const auto& f : files) {
        const Document& doc = document_argument(repo, f);
        if (!doc.type || !doc.type->official) throw UsageError(f + " không phải văn bản hành chính nên không cần phê duyệt");
        // The school does not approve another agency's text; it records the text it received as
        // the one issued, so that a co_quan_ban_hanh line alone never publishes a document.
        if (doc.issued_elsewhere() && !issued)
            throw UsageError(doc.path + " là văn bản của " + doc.issuing_body->name +
                             " (co_quan_ban_hanh): trường không phê duyệt văn bản của cơ quan khác; hãy ghi nhận bản đã nhận bằng "
                             "vanban approve " + doc.path + " --role <vai trò> --issued");
        if (issued) {
            // An issued document's text is what was signed on paper: its findings stay, as
            // warnings, instead of blocking the record.
            if (!doc.number || !doc.date)
                throw UsageError(doc.path + " chưa có số hoặc ngày ban hành (so, ngay): chỉ văn bản đã ban hành — có số, có ngày, đã ký trên "
                                 "giấy — mới được ghi nhận là đã ban hành; văn bản mới thì phê duyệt (bỏ --issued)");
            std::vector<std::string> accepted = issuing_roles(doc, before.ledger);
            if (std::find(accepted.begin(), accepted.end(), role) == accepted.end())
                throw UsageError("loại " + doc.type_id + " không chấp nhận vai trò " + role + " ghi nhận văn bản đã ban hành" +
                                 (accepted.empty() ? std::string(" (loại này không khai phe_duyet)") : " (cần một trong: " + join(accepted) + ")"));
        } else {
            size_t errors = 0;
            for (const auto& dg : diagnostics)
                if (dg.file == doc.path && dg.severity == Severity::Error) {
                    if (errors++ == 0) err << "vanban approve: " << doc.path << " còn lỗi, hãy sửa trước khi phê duyệt:\n";
                    err << "  " << dg.file << ':' << dg.at.line << ':' << dg.at.column << ": [" << dg.rule << "] " << dg.message.vi << '\n';
                }
            if (errors) return 1;
        }
        ProcessResult status = git(repo.root, {"status", "--porcelain", "--", doc.path});
        ProcessResult tracked = git(repo.root, {"ls-files", "--error-unmatch", "--", doc.path});
        if (!tracked.ok()) throw UsageError(doc.path + " chưa được commit; hãy commit văn bản trước rồi mới phê duyệt");
        if (!status.out.empty())
            throw UsageError(doc.path + " có thay đổi chưa commit; phê duyệt chỉ ghi nhận nội dung đã commit (git commit trước)");
        paths.push_back(doc.path);
    }

    // The approval commit must approve, not smuggle in staged changes (a role, a key) under the signature.
    ProcessResult staged = git(repo.root, {"diff", "--cached", "--quiet"});
    if (!staged.ok())
        throw UsageError("có thay đổi đang chờ commit (git add); commit hoặc bỏ chúng trước (git restore --staged .) rồi mới phê duyệt");
    std::vector<std::string> command = {"commit", "--allow-empty", "--quiet", "-S", "-m",
                                        (issued ? "Ghi nhận đã ban hành: " : "Phê duyệt: ") +
                                            (paths.size() == 1 ? repo.find(paths[0])->title() : std::to_string(paths.size()) + " văn bản")};
    for (const auto& p : paths) command.push_back((issued ? "--trailer=Ban-hanh: " : "--trailer=Phe-duyet: ") + p);
    command.push_back("--trailer=Vai-tro: " + role);
    ProcessResult commit = git(repo.root, command);
    if (!commit.ok()) {
        err << "vanban approve: git không tạo được commit phê duyệt:\n" << commit.err;
        return 1;
    }
    // Read it back as anyone would: is the approval recognised?
    ApprovalReport report = approval_report(repo);
    ProcessResult head = git(repo.root, {"rev-parse", "HEAD"});
    std::string id = head.out.substr(0, 40);
    for (const auto& r : report.ledger.refusals)
        if (r.commit == id) {
            err << "vanban approve: đã tạo commit " << id.substr(0, 10) << " nhưng " << (issued ? "ghi nhận" : "phê duyệt")
                << " không được công nhận: " << r.reason.vi << '\n';
            return 1;
        }
    bool all_issued = true;
    for (const auto& p : paths) {
        const DocumentApproval* a = report.find(p);
        out << p << ": " << (a ? state_name(a->state) : "?");
        if (a && !a->missing_roles.empty()) out << " (còn thiếu: " << join(a->missing_roles) << ")";
        if (a && a->issue_not_counted) out << " (ghi nhận không được tính: " << a->issue_problem.vi << ")";
        out << '\n';
        all_issued &= a && a->state == ApprovalState::Issued;
    }
    out << (issued ? "đã ghi nhận đã ban hành ở commit " : "đã ghi phê duyệt ở commit ") << id.substr(0, 10) << " (vai trò " << role << ")\n";
    return issued && !all_issued ? 1 : 0;
}

}  // namespace vanban
