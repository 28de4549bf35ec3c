// `vanban status` and `vanban approve`.
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "approval/approval_report.h"
#include "approval/signing_key.h"
#include "cli/cli_support.h"
#include "support/process.h"
#include "text/markup.h"

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

// Refuses, before any commit, a signing key that the trusted keys (allowed_signers for SSH, the
// .vanban/gpg keys for OpenPGP) do not give to a holder of `role`, saying which key it is, whose
// it is, and who holds the role.
void require_key_holds_role(const std::string& root, const std::string& configured, const std::string& role, const Ledger& ledger,
                            const ApprovalConfig& files, bool english) {
    auto say = [english](const std::string& vi, const std::string& en) { return english ? en : vi; };
    std::string format = first_line(git(root, {"config", "--get", "gpg.format"}).out);
    std::string signers_file, key_name;
    KeyHolders owners;
    if (format == "ssh") {
        SigningKey key = ssh_signing_key(configured, root);
        if (key.public_key.empty())
            throw UsageError(say("không đọc được khóa công khai của khóa ký user.signingkey = " + configured +
                                     " (cần tệp .pub bên cạnh khóa bí mật, hoặc ghi user.signingkey là đường dẫn tệp .pub)",
                                 "could not read the public key of the signing key user.signingkey = " + configured +
                                     " (a .pub file is needed beside the private key, or set user.signingkey to the .pub file's path)"));
        signers_file = files.ssh_signers;
        key_name = key.fingerprint.empty() ? key.public_key : key.fingerprint;
        owners = key_holders(ledger.trusted_keys.allowed_signers, key.public_key, std::time(nullptr));
    } else if (format.empty() || format == "openpgp") {
        std::vector<std::string> fingerprints = gpg_signing_fingerprints(configured);
        if (fingerprints.empty())
            throw UsageError(say("gpg không có khóa bí mật nào cho user.signingkey = " + configured + " (xem: gpg --list-secret-keys)",
                                 "gpg has no secret key for user.signingkey = " + configured + " (see: gpg --list-secret-keys)"));
        signers_file = files.gpg_keys;
        key_name = fingerprints.front();
        owners = gpg_key_holders(ledger.trusted_keys.gpg_keys, fingerprints);
    } else {
        throw UsageError(say("git ký bằng gpg.format = " + format + ", nhưng vanban chỉ công nhận chữ ký SSH hoặc OpenPGP "
                             "(git config gpg.format ssh). Chưa tạo commit nào.",
                             "git signs with gpg.format = " + format + ", but vanban recognises only SSH or OpenPGP signatures "
                             "(git config gpg.format ssh). No commit was made."));
    }
    std::vector<std::string> holders;
    for (const auto& [r, principal] : ledger.trusted_facts.role_holders)
        if (r == role) holders.push_back(principal);
    std::string named = say("khóa ký ", "the signing key ") + key_name + " (user.signingkey = " + configured + ")";
    std::string held_by = holders.empty() ? say("chưa ai giữ vai trò " + role + " trong danh sách đã được tin cậy",
                                                "nobody holds the role " + role + " in the trusted list")
                                          : say("vai trò " + role + " do " + join(holders) + " giữ", "the role " + role + " is held by " + join(holders));
    const std::string nothing_made = say(". Chưa tạo commit nào.", ". No commit was made.");
    if (owners.principals.empty() && !owners.expired.empty())
        throw UsageError(named + say(" của " + join(owners.expired) + " đã hết hiệu lực (valid-before trong " + signers_file +
                                         "); dùng khóa mới đã được thêm vào danh sách",
                                     " of " + join(owners.expired) + " has expired (valid-before in " + signers_file +
                                         "); use a new key that has been added to the list") +
                         nothing_made);
    if (owners.principals.empty())
        throw UsageError(named + say(" không có trong danh sách khóa đã được tin cậy (" + signers_file + " theo lịch sử có chữ ký); " + held_by +
                                         ". Nhờ người quản lý thêm khóa công khai của bạn vào " + signers_file + " bằng một commit có chữ ký",
                                     " is not in the trusted keys (" + signers_file + " by the signed history); " + held_by +
                                         ". Ask the administrator to add your public key to " + signers_file + " in a signed commit") +
                         nothing_made);
    for (const auto& pattern : owners.principals)
        for (const auto& holder : holders)
            if (principal_matches(pattern, holder)) return;
    std::vector<std::string> own_roles;
    for (const auto& [r, principal] : ledger.trusted_facts.role_holders)
        for (const auto& pattern : owners.principals)
            if (principal_matches(pattern, principal) && std::find(own_roles.begin(), own_roles.end(), r) == own_roles.end()) own_roles.push_back(r);
    std::string roles = own_roles.empty() ? say("không có", "none") : join(own_roles);
    throw UsageError(named + say(" là của " + join(owners.principals) + " (vai trò: " + roles + "), không giữ vai trò " + role + "; ",
                                 " belongs to " + join(owners.principals) + " (roles: " + roles + "), who does not hold the role " + role + "; ") +
                     held_by + nothing_made);
}

// What stops an approval of `doc`: its [[...]] hints always (a text still to be written is not
// approved, nor recorded as issued), and its errors unless it is recorded as issued as it is.
std::vector<const Diagnostic*> blocking_findings(const Document& doc, const std::vector<Diagnostic>& diagnostics, bool issued) {
    std::vector<const Diagnostic*> found;
    for (const auto& dg : diagnostics)
        if (dg.file == doc.path && (dg.rule == "placeholder" || (!issued && dg.severity == Severity::Error))) found.push_back(&dg);
    return found;
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
    Repository repo = load_repository(common.root(), common.jobs);
    ApprovalReport report = approval_report(repo);
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
    Repository repo = load_repository(common.root(), common.jobs);
    if (!repo.approval.enabled)
        throw UsageError(common.say("vanban.yaml chưa có mục phe_duyet (vai trò, khóa); xem README",
                             "vanban.yaml has no phe_duyet section (roles, keys) yet; see the README"));
    if (!repo.approval.roles.count(role)) {
        std::vector<std::string> roles;
        for (const auto& [r, holders] : repo.approval.roles) roles.push_back(r);
        throw UsageError(common.say("vai trò \"" + role + "\" không có trong vanban.yaml; các vai trò: ",
                             "the role \"" + role + "\" is not in vanban.yaml; the roles: ") + join(roles));
    }
    Message not_opened;
    auto gitrepo = GitRepository::open(repo.root, &not_opened);
    if (!gitrepo) throw UsageError(not_opened.in(en));

    ProcessResult key = git(repo.root, {"config", "--get", "user.signingkey"});
    if (!key.ok() || key.out.empty())
        throw UsageError(common.say("git chưa được cài đặt để ký commit. Với khóa SSH:\n", "git is not set up to sign commits. With an SSH key:\n") +
                         "  git config gpg.format ssh\n  git config user.signingkey ~/.ssh/vanban_ed25519.pub\n" +
                         common.say("và đưa khóa công khai vào " + repo.approval.ssh_signers + " (do hiệu trưởng ký duyệt).",
                             "and put the public key in " + repo.approval.ssh_signers + " (in a commit signed by the principal)."));

    // Who may sign and what a type accepts are judged against the trusted list, read from history as it stands.
    ApprovalReport before = approval_report(repo);
    if (!before.available) throw UsageError(common.say("không đọc được lịch sử phê duyệt: ", "could not read the approval history: ") + before.unavailable.in(en));
    require_key_holds_role(repo.root, first_line(key.out), role, before.ledger, repo.approval, en);
    std::vector<Diagnostic> diagnostics = check_repository(repo, check_options(common));
    sort_diagnostics(diagnostics);  // the first findings shown are the first in the file
    // A hint left in vanban.yaml is printed in the header of every document, this one too.
    std::vector<const Diagnostic*> config_hints;
    for (const auto& dg : diagnostics)
        if (dg.file == "vanban.yaml" && dg.rule == "placeholder") config_hints.push_back(&dg);
    if (!config_hints.empty()) {
        err << "vanban approve: "
            << common.say("vanban.yaml còn chỗ [[...]] chưa thay (" + std::to_string(config_hints.size()) +
                       "), chúng được in ở phần đầu mọi văn bản; hãy sửa trước khi phê duyệt:\n",
                   "vanban.yaml still has [[...]] hints (" + std::to_string(config_hints.size()) +
                       "), printed in every document's header; fix them before approving:\n");
        print_findings(config_hints, "vanban.yaml", en, err);
        err << common.say("Sửa các chỗ trên, commit, rồi phê duyệt lại. Chưa tạo commit nào.\n",
                   "Fix these, commit, then approve again. No commit was made.\n");
        return 1;
    }
    std::vector<std::string> paths;
    std::set<std::string> named;  // "F", "./F" and "F" again are one document, approved once
    for (const auto& f : files) {
        const Document& doc = document_argument(repo, f, en);
        if (!named.insert(doc.path).second) continue;
        // The path goes into the commit's trailer: a line break there would write a trailer of its own.
        if (size_t at = find_line_breaking_character(doc.path); at != std::string::npos)
            throw UsageError(common.say("tên tệp " + doc.path + " có ký tự điều khiển " + code_point_name(doc.path, at) +
                                     "; đổi tên tệp (git mv) rồi commit, sau đó phê duyệt",
                                 "the file name " + doc.path + " holds the control character " + code_point_name(doc.path, at) +
                                     "; rename the file (git mv), commit, then approve it"));
        if (!doc.type || !doc.type->official)
            throw UsageError(f + common.say(" không phải văn bản hành chính nên không cần phê duyệt", " is not an official document, so it needs no approval"));
        // The school does not approve another agency's text; it records the text it received as
        // the one issued, so that a co_quan_ban_hanh line alone never publishes a document.
        if (doc.issued_elsewhere() && !issued)
            throw UsageError(common.say(doc.path + " là văn bản của " + doc.issuing_body->name +
                                     " (co_quan_ban_hanh): trường không phê duyệt văn bản của cơ quan khác; hãy ghi nhận bản đã nhận bằng "
                                     "vanban approve " + doc.path + " --role <vai trò> --issued",
                                 doc.path + " is a document of " + doc.issuing_body->name +
                                     " (co_quan_ban_hanh): the school does not approve another agency's text; record the copy received with "
                                     "vanban approve " + doc.path + " --role <role> --issued"));
        if (issued) {
            if (!doc.number || !doc.date)
                throw UsageError(common.say(doc.path + " chưa có số hoặc ngày ban hành (so, ngay): chỉ văn bản đã ban hành — có số, có ngày, đã ký trên "
                                                "giấy — mới được ghi nhận là đã ban hành; văn bản mới thì phê duyệt (bỏ --issued)",
                                     doc.path + " has no number or date of issue (so, ngay): only a document already issued — numbered, dated, "
                                                "signed on paper — is recorded as issued; a new document is approved (without --issued)"));
            std::vector<std::string> accepted = issuing_roles(doc, before.ledger);
            if (std::find(accepted.begin(), accepted.end(), role) == accepted.end())
                throw UsageError(common.say("loại " + doc.type_id + " không chấp nhận vai trò " + role + " ghi nhận văn bản đã ban hành",
                                     "the type " + doc.type_id + " does not accept the role " + role + " recording a document as issued") +
                                 (accepted.empty() ? common.say(" (loại này không khai phe_duyet)", " (this type declares no phe_duyet)")
                                                   : common.say(" (cần một trong: ", " (one of: ") + join(accepted) + ")"));
        }
        // An issued document's text is what was signed on paper: its errors stay, as warnings,
        // instead of blocking the record; a hint left to fill in blocks both.
        std::vector<const Diagnostic*> blocking = blocking_findings(doc, diagnostics, issued);
        if (!blocking.empty()) {
            std::string count = std::to_string(blocking.size());
            err << "vanban approve: " << one_line(doc.path)
                << common.say(std::string(issued ? " còn chỗ [[...]] chưa thay" : " còn lỗi hoặc chỗ [[...]] chưa thay") + " (" + count +
                           "), hãy sửa trước khi phê duyệt:\n",
                       std::string(issued ? " still has [[...]] hints" : " still has errors or [[...]] hints") + " (" + count +
                           "); fix them before approving:\n");
            print_findings(blocking, doc.path, en, err);
            err << common.say("Sửa các chỗ trên, commit, rồi phê duyệt lại. Chưa tạo commit nào.\n",
                       "Fix these, commit, then approve again. No commit was made.\n");
            return 1;
        }
        ProcessResult status = git(repo.root, {"status", "--porcelain", "--", doc.path});
        ProcessResult tracked = git(repo.root, {"ls-files", "--error-unmatch", "--", doc.path});
        if (!tracked.ok())
            throw UsageError(common.say(doc.path + " chưa được commit; hãy commit văn bản trước rồi mới phê duyệt",
                                 doc.path + " is not committed; commit the document first, then approve it"));
        if (!status.out.empty())
            throw UsageError(common.say(doc.path + " có thay đổi chưa commit; phê duyệt chỉ ghi nhận nội dung đã commit (git commit trước)",
                                 doc.path + " has uncommitted changes; an approval records only committed content (git commit first)"));
        // Approving the same content twice for one role adds a commit and nothing else.
        if (const DocumentApproval* a = before.find(doc.path)) {
            const Approval* same = nullptr;
            if (issued && a->issued && a->issued->role == role) same = &*a->issued;
            for (const auto& ap : a->current)
                if (!issued && ap.role == role) same = &ap;
            if (same) {
                out << one_line(doc.path)
                    << common.say(issued ? ": nội dung hiện tại đã được ghi nhận đã ban hành (vai trò " : ": nội dung hiện tại đã được phê duyệt (vai trò ",
                           issued ? ": the current content is already recorded as issued (role " : ": the current content is already approved (role ")
                    << one_line(role) << ", commit " << same->commit.substr(0, 10) << common.say("); không tạo commit mới\n", "); no new commit\n");
                continue;
            }
        }
        paths.push_back(doc.path);
    }
    if (paths.empty()) return 0;

    // The approval commit must approve, not smuggle in staged changes (a role, a key) under the signature.
    ProcessResult staged = git(repo.root, {"diff", "--cached", "--quiet"});
    if (!staged.ok())
        throw UsageError(common.say("có thay đổi đang chờ commit (git add); commit hoặc bỏ chúng trước (git restore --staged .) rồi mới phê duyệt",
                             "there are staged changes (git add); commit them or unstage them (git restore --staged .) before approving"));
    std::vector<std::string> command = {"commit", "--allow-empty", "--quiet", "-S", "-m",
                                        (issued ? "Ghi nhận đã ban hành: " : "Phê duyệt: ") +
                                            (paths.size() == 1 ? repo.find(paths[0])->title() : std::to_string(paths.size()) + " văn bản")};
    for (const auto& p : paths) command.push_back((issued ? "--trailer=Ban-hanh: " : "--trailer=Phe-duyet: ") + p);
    command.push_back("--trailer=Vai-tro: " + role);
    ProcessResult commit = git(repo.root, command);
    if (!commit.ok()) {
        err << "vanban approve: " << common.say("git không tạo được commit phê duyệt:\n", "git could not make the approval commit:\n") << escape_lines(commit.err);
        return 1;
    }
    // Read it back as anyone would: is the approval recognised?
    ApprovalReport report = approval_report(repo);
    ProcessResult head = git(repo.root, {"rev-parse", "HEAD"});
    std::string id = head.out.substr(0, 40);
    for (const auto& r : report.ledger.refusals)
        if (r.commit == id) {
            err << "vanban approve: " << common.say("đã tạo commit ", "made the commit ") << id.substr(0, 10) << common.say(" nhưng ", " but the ")
                << (issued ? common.say("ghi nhận", "record of issue") : common.say("phê duyệt", "approval"))
                << common.say(" không được công nhận: ", " is not recognised: ") << one_line(r.reason.in(en)) << '\n';
            return 1;
        }
    bool all_issued = true;
    for (const auto& p : paths) {
        const DocumentApproval* a = report.find(p);
        out << one_line(p) << ": " << (a ? (en ? state_id(a->state) : state_name(a->state)) : "?");
        if (a && !a->missing_roles.empty()) out << common.say(" (còn thiếu: ", " (missing: ") << one_line(join(a->missing_roles)) << ")";
        if (a && a->issue_not_counted) out << common.say(" (ghi nhận không được tính: ", " (record not counted: ") << one_line(a->issue_problem.in(en)) << ")";
        out << '\n';
        all_issued &= a && a->state == ApprovalState::Issued;
    }
    out << (issued ? common.say("đã ghi nhận đã ban hành ở commit ", "recorded as issued in commit ") : common.say("đã ghi phê duyệt ở commit ", "approval recorded in commit "))
        << id.substr(0, 10) << common.say(" (vai trò ", " (role ") << one_line(role) << ")\n";
    return issued && !all_issued ? 1 : 0;
}

}  // namespace vanban
