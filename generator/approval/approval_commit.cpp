#include "approval/approval_commit.h"

#include <algorithm>
#include <ctime>

#include "approval/git_repository.h"
#include "approval/signing_key.h"
#include "support/process.h"
#include "text/markup.h"

namespace vanban {

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

Message operator+(const Message& a, const Message& b) { return {a.vi + b.vi, a.en + b.en}; }

// Runs git in the repository; its own configuration decides how commits are signed.
ProcessResult git(const std::string& root, std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-C", root});
    return run_process(args);
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// Refuses, before any commit, a signing key that the trusted keys (allowed_signers for SSH, the
// .vanban/gpg keys for OpenPGP) do not give to a holder of `role`, saying which key it is, whose
// it is, and who holds the role.
void require_key_holds_role(const std::string& root, const std::string& configured, const std::string& role,
                            const Ledger& ledger, const ApprovalConfig& files) {
    std::string format = first_line(git(root, {"config", "--get", "gpg.format"}).out);
    std::string signers_file, key_name;
    KeyHolders owners;
    if (format == "ssh") {
        SigningKey key = ssh_signing_key(configured, root);
        if (key.public_key.empty())
            throw ApprovalRefused(
                {"không đọc được khóa công khai của khóa ký user.signingkey = " + configured +
                     " (cần tệp .pub bên cạnh khóa bí mật, hoặc ghi user.signingkey là đường dẫn tệp .pub)",
                 "could not read the public key of the signing key user.signingkey = " + configured +
                     " (a .pub file is needed beside the private key, or set user.signingkey to the .pub file's "
                     "path)"});
        signers_file = files.ssh_signers;
        key_name = key.fingerprint.empty() ? key.public_key : key.fingerprint;
        owners = key_holders(ledger.trusted_keys.allowed_signers, key.public_key, std::time(nullptr));
    } else if (format.empty() || format == "openpgp") {
        std::vector<std::string> fingerprints = gpg_signing_fingerprints(configured);
        if (fingerprints.empty())
            throw ApprovalRefused(
                {"gpg không có khóa bí mật nào cho user.signingkey = " + configured + " (xem: gpg --list-secret-keys)",
                 "gpg has no secret key for user.signingkey = " + configured + " (see: gpg --list-secret-keys)"});
        signers_file = files.gpg_keys;
        key_name = fingerprints.front();
        owners = gpg_key_holders(ledger.trusted_keys.gpg_keys, fingerprints);
    } else {
        throw ApprovalRefused({"git ký bằng gpg.format = " + format +
                                   ", nhưng vanban chỉ công nhận chữ ký SSH hoặc OpenPGP "
                                   "(git config gpg.format ssh). Chưa tạo commit nào.",
                               "git signs with gpg.format = " + format +
                                   ", but vanban recognises only SSH or OpenPGP signatures "
                                   "(git config gpg.format ssh). No commit was made."});
    }
    std::vector<std::string> holders;
    for (const auto& [r, principal] : ledger.trusted_facts.role_holders)
        if (r == role) holders.push_back(principal);
    Message named{"khóa ký " + key_name + " (user.signingkey = " + configured + ")",
                  "the signing key " + key_name + " (user.signingkey = " + configured + ")"};
    Message held_by = holders.empty() ? Message{"chưa ai giữ vai trò " + role + " trong danh sách đã được tin cậy",
                                                "nobody holds the role " + role + " in the trusted list"}
                                      : Message{"vai trò " + role + " do " + join(holders) + " giữ",
                                                "the role " + role + " is held by " + join(holders)};
    const Message nothing_made{". Chưa tạo commit nào.", ". No commit was made."};
    if (owners.principals.empty() && !owners.expired.empty())
        throw ApprovalRefused(named +
                              Message{" của " + join(owners.expired) + " đã hết hiệu lực (valid-before trong " +
                                          signers_file + "); dùng khóa mới đã được thêm vào danh sách",
                                      " of " + join(owners.expired) + " has expired (valid-before in " + signers_file +
                                          "); use a new key that has been added to the list"} +
                              nothing_made);
    if (owners.principals.empty())
        throw ApprovalRefused(
            named +
            Message{" không có trong danh sách khóa đã được tin cậy (" + signers_file + " theo lịch sử có chữ ký); ",
                    " is not in the trusted keys (" + signers_file + " by the signed history); "} +
            held_by +
            Message{
                ". Nhờ người quản lý thêm khóa công khai của bạn vào " + signers_file + " bằng một commit có chữ ký",
                ". Ask the administrator to add your public key to " + signers_file + " in a signed commit"} +
            nothing_made);
    for (const auto& pattern : owners.principals)
        for (const auto& holder : holders)
            if (principal_matches(pattern, holder)) return;
    std::vector<std::string> own_roles;
    for (const auto& [r, principal] : ledger.trusted_facts.role_holders)
        for (const auto& pattern : owners.principals)
            if (principal_matches(pattern, principal) &&
                std::find(own_roles.begin(), own_roles.end(), r) == own_roles.end())
                own_roles.push_back(r);
    Message roles = own_roles.empty() ? Message{"không có", "none"} : Message{join(own_roles), join(own_roles)};
    throw ApprovalRefused(
        named +
        Message{" là của " + join(owners.principals) + " (vai trò: " + roles.vi + "), không giữ vai trò " + role + "; ",
                " belongs to " + join(owners.principals) + " (roles: " + roles.en + "), who does not hold the role " +
                    role + "; "} +
        held_by + nothing_made);
}

}  // namespace

ApprovalCommit::ApprovalCommit(const Repository& repo, std::string role, bool issued)
    : repo_(repo), role_(std::move(role)), issued_(issued) {
    if (!repo.approval.enabled)
        throw ApprovalRefused({"vanban.yaml chưa có mục phe_duyet (vai trò, khóa); xem README",
                               "vanban.yaml has no phe_duyet section (roles, keys) yet; see the README"});
    if (!repo.approval.roles.count(role_)) {
        std::vector<std::string> roles;
        for (const auto& [r, holders] : repo.approval.roles) roles.push_back(r);
        throw ApprovalRefused({"vai trò \"" + role_ + "\" không có trong vanban.yaml; các vai trò: " + join(roles),
                               "the role \"" + role_ + "\" is not in vanban.yaml; the roles: " + join(roles)});
    }
    Message not_opened;
    if (!GitRepository::open(repo.root, &not_opened)) throw ApprovalRefused(not_opened);

    ProcessResult key = git(repo.root, {"config", "--get", "user.signingkey"});
    if (!key.ok() || key.out.empty()) {
        const std::string how = "  git config gpg.format ssh\n  git config user.signingkey ~/.ssh/vanban_ed25519.pub\n";
        throw ApprovalRefused(
            {"git chưa được cài đặt để ký commit. Với khóa SSH:\n" + how + "và đưa khóa công khai vào " +
                 repo.approval.ssh_signers + " (do hiệu trưởng ký duyệt).",
             "git is not set up to sign commits. With an SSH key:\n" + how + "and put the public key in " +
                 repo.approval.ssh_signers + " (in a commit signed by the principal)."});
    }
    // Who may sign and what a type accepts are judged against the trusted list, read from history as it stands.
    before_ = approval_history(repo);
    if (!before_.available)
        throw ApprovalRefused(Message{"không đọc được lịch sử phê duyệt: ", "could not read the approval history: "} +
                              before_.unavailable);
    require_key_holds_role(repo.root, first_line(key.out), role_, before_.ledger, repo.approval);
}

std::vector<const Diagnostic*> ApprovalCommit::config_hints(const std::vector<Diagnostic>& diagnostics) {
    std::vector<const Diagnostic*> hints;
    for (const auto& dg : diagnostics)
        if (dg.file == "vanban.yaml" && dg.rule == "placeholder") hints.push_back(&dg);
    return hints;
}

ApprovalDecision ApprovalCommit::add(const std::string& named_as, const Document& doc,
                                     const std::vector<Diagnostic>& diagnostics) {
    ApprovalDecision decision;
    if (std::find(named_.begin(), named_.end(), doc.path) != named_.end()) {
        decision.kind = ApprovalDecision::Kind::Duplicate;
        return decision;
    }
    named_.push_back(doc.path);
    // The path goes into the commit's trailer: a line break there would write a trailer of its own.
    if (size_t at = find_line_breaking_character(doc.path); at != std::string::npos)
        throw ApprovalRefused({"tên tệp " + doc.path + " có ký tự điều khiển " + code_point_name(doc.path, at) +
                                   "; đổi tên tệp (git mv) rồi commit, sau đó phê duyệt",
                               "the file name " + doc.path + " holds the control character " +
                                   code_point_name(doc.path, at) +
                                   "; rename the file (git mv), commit, then approve it"});
    if (!doc.type || !doc.type->official)
        throw ApprovalRefused({named_as + " không phải văn bản hành chính nên không cần phê duyệt",
                               named_as + " is not an official document, so it needs no approval"});
    // The school does not approve another agency's text; it records the text it received as
    // the one issued, so that a co_quan_ban_hanh line alone never publishes a document.
    if (doc.issued_elsewhere() && !issued_)
        throw ApprovalRefused(
            {doc.path + " là văn bản của " + doc.issuing_body->name +
                 " (co_quan_ban_hanh): trường không phê duyệt văn bản của cơ quan khác; hãy ghi nhận bản đã nhận bằng "
                 "vanban approve " +
                 doc.path + " --role <vai trò> --issued",
             doc.path + " is a document of " + doc.issuing_body->name +
                 " (co_quan_ban_hanh): the school does not approve another agency's text; record the copy received "
                 "with "
                 "vanban approve " +
                 doc.path + " --role <role> --issued"});
    if (issued_) {
        if (!doc.number || !doc.date)
            throw ApprovalRefused(
                {doc.path +
                     " chưa có số hoặc ngày ban hành (so, ngay): chỉ văn bản đã ban hành — có số, có ngày, đã ký trên "
                     "giấy — mới được ghi nhận là đã ban hành; văn bản mới thì phê duyệt (bỏ --issued)",
                 doc.path +
                     " has no number or date of issue (so, ngay): only a document already issued — numbered, dated, "
                     "signed on paper — is recorded as issued; a new document is approved (without --issued)"});
        std::vector<std::string> accepted = issuing_roles(doc, before_.ledger);
        if (std::find(accepted.begin(), accepted.end(), role_) == accepted.end())
            throw ApprovalRefused(
                Message{"loại " + doc.type_id + " không chấp nhận vai trò " + role_ + " ghi nhận văn bản đã ban hành",
                        "the type " + doc.type_id + " does not accept the role " + role_ +
                            " recording a document as issued"} +
                (accepted.empty()
                     ? Message{" (loại này không khai phe_duyet)", " (this type declares no phe_duyet)"}
                     : Message{" (cần một trong: " + join(accepted) + ")", " (one of: " + join(accepted) + ")"}));
    }
    // An issued document's text is what was signed on paper: its errors stay, as warnings,
    // instead of blocking the record; a hint left to fill in blocks both.
    for (const auto& dg : diagnostics)
        if (dg.file == doc.path && (dg.rule == "placeholder" || (!issued_ && dg.severity == Severity::Error)))
            decision.blocking.push_back(&dg);
    if (!decision.blocking.empty()) {
        decision.kind = ApprovalDecision::Kind::Blocked;
        return decision;
    }
    ProcessResult status = git(repo_.root, {"status", "--porcelain", "--", doc.path});
    ProcessResult tracked = git(repo_.root, {"ls-files", "--error-unmatch", "--", doc.path});
    if (!tracked.ok())
        throw ApprovalRefused({doc.path + " chưa được commit; hãy commit văn bản trước rồi mới phê duyệt",
                               doc.path + " is not committed; commit the document first, then approve it"});
    if (!status.out.empty())
        throw ApprovalRefused(
            {doc.path + " có thay đổi chưa commit; phê duyệt chỉ ghi nhận nội dung đã commit (git commit trước)",
             doc.path + " has uncommitted changes; an approval records only committed content (git commit first)"});
    // Approving the same content twice for one role adds a commit and nothing else.
    if (std::optional<DocumentApproval> a = evaluate_approval(before_, doc, repo_.root)) {
        const Approval* same = nullptr;
        if (issued_ && a->issued && a->issued->role == role_) same = &*a->issued;
        for (const auto& ap : a->current)
            if (!issued_ && ap.role == role_) same = &ap;
        if (same) {
            decision.kind = ApprovalDecision::Kind::AlreadyDone;
            decision.already_commit = same->commit;
            return decision;
        }
    }
    if (paths_.empty()) first_title_ = doc.title();
    paths_.push_back(doc.path);
    return decision;
}

ApprovalCommitResult ApprovalCommit::commit() const {
    ApprovalCommitResult result;
    if (paths_.empty()) return result;
    // The approval commit must approve, not smuggle in staged changes (a role, a key) under the signature.
    ProcessResult staged = git(repo_.root, {"diff", "--cached", "--quiet"});
    if (!staged.ok())
        throw ApprovalRefused(
            {"có thay đổi đang chờ commit (git add); commit hoặc bỏ chúng trước (git restore --staged .) rồi mới phê "
             "duyệt",
             "there are staged changes (git add); commit them or unstage them (git restore --staged .) before "
             "approving"});
    std::vector<std::string> command = {
        "commit",
        "--allow-empty",
        "--quiet",
        "-S",
        "-m",
        (issued_ ? "Ghi nhận đã ban hành: " : "Phê duyệt: ") +
            (paths_.size() == 1 ? first_title_ : std::to_string(paths_.size()) + " văn bản")};
    for (const auto& p : paths_) command.push_back((issued_ ? "--trailer=Ban-hanh: " : "--trailer=Phe-duyet: ") + p);
    command.push_back("--trailer=Vai-tro: " + role_);
    ProcessResult made = git(repo_.root, command);
    if (!made.ok()) {
        result.git_error = made.err;
        return result;
    }
    result.made = true;
    // Read it back as anyone would: is the approval recognised?
    result.report = approval_history(repo_);
    if (result.report.available)
        for (const auto& p : paths_) {
            // The commit changed no file: the document reads as it did when it was added.
            auto loaded = load_one(*repo_.source, p, repo_.types, repo_.school);
            if (const Document* doc = std::get_if<Document>(&loaded))
                if (auto a = evaluate_approval(result.report, *doc, repo_.root))
                    result.report.documents[p] = std::move(*a);
        }
    result.commit = git(repo_.root, {"rev-parse", "HEAD"}).out.substr(0, 40);
    result.recognised = true;
    for (const auto& r : result.report.ledger.refusals)
        if (r.commit == result.commit) {
            result.recognised = false;
            result.refusal = r.reason;
            break;
        }
    return result;
}

}  // namespace vanban
