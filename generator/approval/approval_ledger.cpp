#include "approval/approval_ledger.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>

#include "load/source_reader.h"

namespace fs = std::filesystem;

namespace vanban {

const char* state_id(ApprovalState state) {
    switch (state) {
        case ApprovalState::Approved: return "da-duyet";
        case ApprovalState::Partial: return "duyet-mot-phan";
        case ApprovalState::Stale: return "het-hieu-luc";
        case ApprovalState::Unapproved: return "chua-duyet";
    }
    return "";
}

const char* state_name(ApprovalState state) {
    switch (state) {
        case ApprovalState::Approved: return "đã duyệt";
        case ApprovalState::Partial: return "duyệt một phần";
        case ApprovalState::Stale: return "hết hiệu lực";
        case ApprovalState::Unapproved: return "chưa duyệt";
    }
    return "";
}

namespace {

// The parts of vanban.yaml that decide trust, in a form that compares exactly.
std::string roles_fingerprint(const ApprovalConfig& c) {
    std::string s = c.ssh_signers + "\n" + c.gpg_keys + "\n";
    for (const auto& [role, holders] : c.roles) {
        s += role + ":";
        for (const auto& h : holders) s += h + ",";
        s += "\n";
    }
    for (const auto& r : c.trust_admin_roles) s += "admin:" + r + "\n";
    return s;
}

ApprovalConfig parse_config(const std::string& yaml_text) {
    std::vector<Diagnostic> ignored;
    try {
        return load_approval_config("vanban.yaml", YAML::Load(yaml_text), ignored);
    } catch (const YAML::Exception&) {
        return {};
    }
}

std::string short_id(const std::string& id) { return id.substr(0, 10); }

Message refusal_reason(const SignatureCheck& c) {
    switch (c.status) {
        case SignatureStatus::Unsigned:
            return {"commit không được ký", "the commit is not signed"};
        case SignatureStatus::UnknownKey:
            return {"khóa ký không có trong danh sách khóa tin cậy (allowed_signers)", "the signing key is not in allowed_signers"};
        case SignatureStatus::OutsideValidity:
            return {"khóa ký không còn (hoặc chưa) hiệu lực vào thời điểm commit (valid-after/valid-before trong allowed_signers)",
                    "the signing key was not valid at the commit's time (valid-after/valid-before in allowed_signers)"};
        case SignatureStatus::Invalid:
            return {"chữ ký không khớp nội dung commit (commit đã bị sửa sau khi ký?)" + (c.detail.empty() ? "" : ": " + c.detail),
                    "the signature does not match the commit (altered after signing?)" + (c.detail.empty() ? "" : ": " + c.detail)};
        case SignatureStatus::Unsupported:
            return {c.detail, "unsupported signature type"};
        case SignatureStatus::Good:
            break;
    }
    return {};
}

}  // namespace

std::vector<std::string> required_roles(const Document& doc) {
    std::vector<std::string> roles;
    if (!doc.type) return roles;
    roles = doc.type->approval_roles;
    if (doc.signer.authority.rfind("KT.", 0) == 0)
        for (const auto& r : doc.type->deputy_approval_roles)
            if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.insert(roles.begin(), r);
    return roles;
}

Ledger read_ledger(const GitRepository& git, const Repository& repo, SignatureVerifier& verifier) {
    Ledger ledger;
    ledger.prefix = git.prefix_of(repo.root);
    ledger.history = git.first_parent_history();
    ledger.available = !ledger.history.empty();
    bool have_trust = false;
    std::string seen_signers, seen_config, seen_roles;
    std::vector<std::string> seen_gpg;

    for (const CommitInfo& commit : ledger.history) {
        // Approvals are judged by the trust in force before the commit: a commit cannot
        // approve with a key it adds itself.
        std::string role;
        std::vector<std::string> paths;
        for (const auto& [key, value] : commit.trailers) {
            if (key == "Phe-duyet") paths.push_back(value);
            if (key == "Vai-tro" && role.empty()) role = value;
        }
        if (!paths.empty()) {
            Refusal refusal{commit.id, commit.time, paths, role, {}};
            SignatureCheck check;
            if (!have_trust) {
                refusal.reason = {"chưa có danh sách khóa tin cậy (" + repo.approval.ssh_signers + ") trong lịch sử",
                                  "no trust list (" + repo.approval.ssh_signers + ") in history yet"};
            } else if (role.empty()) {
                refusal.reason = {"commit phê duyệt thiếu dòng \"Vai-tro: <vai trò>\"", "the approval commit has no \"Vai-tro: <role>\" trailer"};
            } else if ((check = verifier.check(git, commit.id, commit.time, ledger.trusted_keys)).status != SignatureStatus::Good) {
                refusal.reason = refusal_reason(check);
            } else if (!ledger.trusted.holds(check.principal, role)) {
                refusal.reason = {check.principal + " không giữ vai trò " + role + " trong vanban.yaml",
                                  check.principal + " does not hold the role " + role + " in vanban.yaml"};
            } else {
                for (const auto& path : paths) {
                    std::string blob = git.blob_id(commit.id, ledger.prefix + path);
                    if (blob.empty()) {
                        ledger.refusals.push_back({commit.id, commit.time, {path}, role,
                                                   {"tệp " + path + " không có trong commit phê duyệt", path + " is not in the approval commit"}});
                        continue;
                    }
                    ledger.approvals.push_back({path, blob, role, check.principal, check.fingerprint, commit.id, commit.time});
                }
            }
            if (!refusal.reason.vi.empty()) ledger.refusals.push_back(std::move(refusal));
        }

        // Then the trust list this commit leaves behind.
        const ApprovalConfig& paths_from = have_trust ? ledger.trusted : repo.approval;
        std::string signers = git.blob_id(commit.id, ledger.prefix + paths_from.ssh_signers);
        std::string config = git.blob_id(commit.id, ledger.prefix + "vanban.yaml");
        std::vector<std::string> gpg = git.directory_blob_ids(commit.id, ledger.prefix + paths_from.gpg_keys);
        bool files_changed = signers != seen_signers || gpg != seen_gpg;
        std::string roles = seen_roles;
        ApprovalConfig candidate;
        if (config != seen_config || files_changed) {
            candidate = parse_config(git.blob_content(config));
            roles = roles_fingerprint(candidate);
        }
        bool changed = files_changed || roles != seen_roles;
        seen_signers = signers;
        seen_config = config;
        seen_gpg = gpg;
        seen_roles = roles;
        if (!changed || signers.empty()) continue;

        TrustedKeys keys{git.blob_content(signers), ""};
        for (const auto& id : gpg) keys.gpg_keys += git.blob_content(id) + "\n";
        if (!have_trust) {
            ledger.trusted = candidate;
            ledger.trusted_keys = keys;
            have_trust = true;
            continue;
        }
        SignatureCheck check = verifier.check(git, commit.id, commit.time, ledger.trusted_keys);
        bool authorised = check.status == SignatureStatus::Good &&
                          std::any_of(ledger.trusted.trust_admin_roles.begin(), ledger.trusted.trust_admin_roles.end(),
                                      [&](const std::string& r) { return ledger.trusted.holds(check.principal, r); });
        if (authorised) {
            ledger.trusted = candidate;
            ledger.trusted_keys = keys;
        } else {
            std::string admins;
            for (const auto& r : ledger.trusted.trust_admin_roles) admins += (admins.empty() ? "" : ", ") + r;
            Message why = check.status == SignatureStatus::Good
                              ? Message{"người ký " + check.principal + " không có vai trò " + admins, "the signer " + check.principal + " holds none of " + admins}
                              : refusal_reason(check);
            ledger.trust_problems.push_back(
                {commit.id, commit.time,
                 {"danh sách khóa hoặc vai trò bị thay đổi ở commit " + short_id(commit.id) + " mà không có thẩm quyền (" + why.vi +
                      "); vanban vẫn dùng bản được ký hợp lệ gần nhất",
                  "the keys or roles were changed in commit " + short_id(commit.id) + " without authority (" + why.en +
                      "); vanban keeps using the last properly signed version"}});
        }
    }
    return ledger;
}

DocumentApproval evaluate_document(const Document& doc, const Ledger& ledger, const GitRepository& git, const std::string& root) {
    DocumentApproval result;
    result.required_roles = required_roles(doc);
    std::string current = GitRepository::hash_blob(read_file((fs::path(root) / doc.path).string()));

    std::map<std::string, const Approval*> by_role;  // the latest approval of the current content, per role
    const Approval* latest_other = nullptr;          // the latest approval of other content
    for (const auto& a : ledger.approvals) {
        if (a.path != doc.path) continue;
        if (a.blob == current) by_role[a.role] = &a;
        else latest_other = &a;
    }
    for (const auto& role : result.required_roles) {
        auto it = by_role.find(role);
        if (it != by_role.end()) result.current.push_back(*it->second);
        else result.missing_roles.push_back(role);
    }
    if (result.required_roles.empty()) {
        result.state = ApprovalState::Approved;
    } else if (result.missing_roles.empty()) {
        result.state = ApprovalState::Approved;
    } else if (!result.current.empty()) {
        result.state = ApprovalState::Partial;
    } else if (latest_other) {
        result.state = ApprovalState::Stale;
    }
    if (latest_other && result.state != ApprovalState::Approved) {
        result.voided = *latest_other;
        // The first commit after the approval whose version of the file differs from it.
        auto start = std::find_if(ledger.history.begin(), ledger.history.end(), [&](const CommitInfo& c) { return c.id == latest_other->commit; });
        for (auto it = start == ledger.history.end() ? start : start + 1; it != ledger.history.end(); ++it)
            if (git.blob_id(it->id, ledger.prefix + doc.path) != latest_other->blob) {
                result.changed_by = it->id;
                result.changed_time = it->time;
                break;
            }
    }
    return result;
}

}  // namespace vanban
