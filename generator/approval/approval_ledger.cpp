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
        case ApprovalState::Issued: return "da-ban-hanh";
        case ApprovalState::Approved: return "da-duyet";
        case ApprovalState::Partial: return "duyet-mot-phan";
        case ApprovalState::Stale: return "het-hieu-luc";
        case ApprovalState::Unapproved: return "chua-duyet";
    }
    return "";
}

const char* state_name(ApprovalState state) {
    switch (state) {
        case ApprovalState::Issued: return "đã ban hành";
        case ApprovalState::Approved: return "đã duyệt";
        case ApprovalState::Partial: return "duyệt một phần";
        case ApprovalState::Stale: return "hết hiệu lực";
        case ApprovalState::Unapproved: return "chưa duyệt";
    }
    return "";
}

namespace {

std::string short_id(const std::string& id) { return id.substr(0, 10); }

std::string join_roles(const std::vector<std::string>& roles) {
    std::string out;
    for (const auto& r : roles) out += (out.empty() ? "" : ", ") + r;
    return out;
}

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Among the principals a key is listed for ("a@x,b@y"), the one holding the role; null if none.
const char* holder_of(const ApprovalConfig& config, const std::string& principals, const std::string& role) {
    static thread_local std::string found;
    size_t start = 0;
    while (start <= principals.size()) {
        size_t end = principals.find(',', start);
        if (end == std::string::npos) end = principals.size();
        found = principals.substr(start, end - start);
        if (config.holds(found, role)) return found.c_str();
        start = end + 1;
    }
    return nullptr;
}

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

std::optional<std::pair<std::string, ApprovalPolicy>> parse_policy(const std::string& yaml_text) {
    try {
        YAML::Node root = YAML::Load(yaml_text);
        std::vector<Diagnostic> ignored;
        DocumentType type = load_document_type("", root, ignored);
        if (type.id.empty()) return std::nullopt;
        return std::make_pair(type.id, ApprovalPolicy{type.approval_roles, type.deputy_approval_roles});
    } catch (const YAML::Exception&) {
        return std::nullopt;
    }
}

// Where the trust facts live in one commit, by blob id: enough to tell whether they changed.
struct TrustSources {
    std::string config;                // vanban.yaml
    std::string signers;               // allowed_signers at the path that vanban.yaml names
    std::vector<std::string> gpg, types;
    bool operator==(const TrustSources& o) const { return config == o.config && signers == o.signers && gpg == o.gpg && types == o.types; }
};

class TrustReader {
public:
    TrustReader(const GitRepository& git, std::string prefix) : git_(git), prefix_(std::move(prefix)) {}

    // The facts as the commit's own tree states them (key paths from its own vanban.yaml).
    const TrustFacts& facts_at(const std::string& commit) {
        TrustSources sources;
        sources.config = git_.blob_id(commit, prefix_ + "vanban.yaml");
        if (sources.config != config_blob_) {
            config_blob_ = sources.config;
            std::vector<Diagnostic> ignored;
            try {
                config_ = load_approval_config("vanban.yaml", YAML::Load(git_.blob_content(sources.config)), ignored);
            } catch (const YAML::Exception&) {
                config_ = ApprovalConfig{};
            }
        }
        sources.signers = git_.blob_id(commit, prefix_ + config_.ssh_signers);
        sources.gpg = git_.directory_blob_ids(commit, prefix_ + config_.gpg_keys);
        sources.types = git_.directory_blob_ids(commit, prefix_ + "templates/types");
        if (have_ && sources == sources_) return facts_;
        have_ = true;
        sources_ = sources;
        facts_ = TrustFacts{};
        if (!config_.enabled) return facts_;
        std::string signers = git_.blob_content(sources.signers);
        size_t start = 0;
        while (start < signers.size()) {
            size_t end = signers.find('\n', start);
            if (end == std::string::npos) end = signers.size();
            std::string line = signers.substr(start, end - start);
            while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.pop_back();
            size_t first = line.find_first_not_of(" \t");
            if (first != std::string::npos && line[first] != '#') facts_.signer_lines.insert(line.substr(first));
            start = end + 1;
        }
        for (const auto& [role, holders] : config_.roles)
            for (const auto& h : holders) facts_.role_holders.insert({role, h});
        facts_.admin_roles.insert(config_.trust_admin_roles.begin(), config_.trust_admin_roles.end());
        for (const auto& id : sources.gpg) facts_.gpg_keys[id] = git_.blob_content(id);
        for (const auto& id : sources.types)
            if (auto policy = parse_policy(git_.blob_content(id))) facts_.policies[policy->first] = policy->second;
        facts_.published_years.insert(config_.published_years.begin(), config_.published_years.end());
        facts_.hide_unapproved = config_.hide_unapproved;
        return facts_;
    }

private:
    const GitRepository& git_;
    std::string prefix_;
    std::string config_blob_ = "-";
    ApprovalConfig config_;
    bool have_ = false;
    TrustSources sources_;
    TrustFacts facts_;
};

template <typename Set>
void apply_change(Set& trusted, const Set& before, const Set& after) {
    for (const auto& f : before)
        if (!after.count(f)) trusted.erase(f);
    for (const auto& f : after)
        if (!before.count(f)) trusted.insert(f);
}

// The trusted facts, changed by exactly what one authorised commit changed.
void apply_commit(TrustFacts& trusted, const TrustFacts& before, const TrustFacts& after) {
    apply_change(trusted.signer_lines, before.signer_lines, after.signer_lines);
    apply_change(trusted.role_holders, before.role_holders, after.role_holders);
    apply_change(trusted.admin_roles, before.admin_roles, after.admin_roles);
    apply_change(trusted.published_years, before.published_years, after.published_years);
    for (const auto& [id, key] : before.gpg_keys)
        if (!after.gpg_keys.count(id)) trusted.gpg_keys.erase(id);
    for (const auto& [id, key] : after.gpg_keys)
        if (!before.gpg_keys.count(id)) trusted.gpg_keys[id] = key;
    for (const auto& [type, policy] : before.policies)
        if (!after.policies.count(type)) trusted.policies.erase(type);
    for (const auto& [type, policy] : after.policies) {
        auto it = before.policies.find(type);
        if (it == before.policies.end() || !(it->second == policy)) trusted.policies[type] = policy;
    }
    if (before.hide_unapproved != after.hide_unapproved) trusted.hide_unapproved = after.hide_unapproved;
}

std::map<std::string, ApprovalPolicy> load_default_policies() {
    std::map<std::string, ApprovalPolicy> out;
    TemplateSearchPath defaults({default_templates_dir()});
    for (const auto& file : defaults.list("types", ".yaml"))
        if (auto policy = parse_policy(read_file(file))) out[policy->first] = policy->second;
    return out;
}

}  // namespace

bool TrustFacts::operator==(const TrustFacts& o) const {
    return signer_lines == o.signer_lines && role_holders == o.role_holders && admin_roles == o.admin_roles && gpg_keys == o.gpg_keys &&
           policies == o.policies && published_years == o.published_years && hide_unapproved == o.hide_unapproved;
}

TrustedKeys TrustFacts::keys() const {
    TrustedKeys k;
    for (const auto& line : signer_lines) k.allowed_signers += line + "\n";
    for (const auto& [id, key] : gpg_keys) k.gpg_keys += key + "\n";
    return k;
}

ApprovalConfig TrustFacts::config() const {
    ApprovalConfig c;
    c.enabled = true;
    for (const auto& [role, holder] : role_holders) c.roles[role].push_back(holder);
    c.trust_admin_roles.assign(admin_roles.begin(), admin_roles.end());
    c.published_years.assign(published_years.begin(), published_years.end());
    c.hide_unapproved = hide_unapproved;
    return c;
}

const ApprovalPolicy* Ledger::policy(const std::string& type) const {
    if (auto it = trusted_facts.policies.find(type); it != trusted_facts.policies.end()) return &it->second;
    if (auto it = default_policies.find(type); it != default_policies.end()) return &it->second;
    return nullptr;
}

std::vector<std::string> required_roles(const Document& doc, const Ledger& ledger) {
    std::vector<std::string> roles;
    const ApprovalPolicy* policy = ledger.policy(doc.type_id);
    if (!policy) return roles;
    roles = policy->roles;
    if (doc.signer.authority.rfind("KT.", 0) == 0)
        for (const auto& r : policy->deputy_roles)
            if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.insert(roles.begin(), r);
    return roles;
}

Ledger read_ledger(const GitRepository& git, const Repository& repo, SignatureVerifier& verifier) {
    Ledger ledger;
    ledger.prefix = git.prefix_of(repo.root);
    ledger.default_policies = load_default_policies();
    ledger.history = git.first_parent_history();
    ledger.available = !ledger.history.empty();
    TrustReader reader(git, ledger.prefix);
    bool have_trust = false;
    TrustFacts previous;
    int64_t previous_time = 0;

    for (const CommitInfo& commit : ledger.history) {
        // A commit dated before its parent could be dodging a key's valid-before: keys are
        // judged at the later of the two times.
        int64_t when = std::max(commit.time, previous_time);
        previous_time = when;

        // Approvals are judged by the trust in force before the commit: a commit cannot
        // approve with a key it adds itself.
        // "Phe-duyet: <path>" approves the path's content; "Ban-hanh: <path>" records it as issued.
        std::string role;
        std::vector<std::string> paths, issued_paths;
        for (const auto& [key, value] : commit.trailers) {
            std::string k = lower_ascii(key);
            if (k == "phe-duyet") paths.push_back(value);
            if (k == "ban-hanh") issued_paths.push_back(value);
            if (k == "vai-tro" && role.empty()) role = value;
        }
        if (!paths.empty() || !issued_paths.empty()) {
            Message reason;
            SignatureCheck check;
            if (!have_trust) {
                reason = {"chưa có danh sách khóa và vai trò tin cậy trong lịch sử ở thời điểm này", "no trusted keys and roles in history at this point"};
            } else if (role.empty()) {
                reason = {"commit phê duyệt thiếu dòng \"Vai-tro: <vai trò>\"", "the approval commit has no \"Vai-tro: <role>\" trailer"};
            } else if ((check = verifier.check(git, commit.id, when, ledger.trusted_keys)).status != SignatureStatus::Good) {
                reason = refusal_reason(check);
            } else if (!holder_of(ledger.trusted, check.principal, role)) {
                reason = {check.principal + " không giữ vai trò " + role + " trong vanban.yaml",
                          check.principal + " does not hold the role " + role + " in vanban.yaml"};
            } else {
                check.principal = holder_of(ledger.trusted, check.principal, role);
            }
            for (bool issued : {false, true}) {
                const std::vector<std::string>& named = issued ? issued_paths : paths;
                if (named.empty()) continue;
                if (!reason.vi.empty()) {
                    ledger.refusals.push_back({commit.id, commit.time, named, role, reason, issued});
                    continue;
                }
                for (const auto& path : named) {
                    std::string blob = git.blob_id(commit.id, ledger.prefix + path);
                    if (blob.empty())
                        ledger.refusals.push_back({commit.id, commit.time, {path}, role,
                                                   {"tệp " + path + " không có trong commit phê duyệt", path + " is not in the approval commit"}, issued});
                    else
                        ledger.approvals.push_back({path, blob, role, check.principal, check.fingerprint, commit.id, commit.time, issued});
                }
            }
        }

        // Then the trust this commit leaves behind. An authorised commit changes exactly what it
        // changes; with the trailer "Tin-cay: chap-nhan" it accepts the list as it stands, pending
        // unauthorised changes included (after the principal has read them).
        TrustFacts current = reader.facts_at(commit.id);
        bool endorses = std::any_of(commit.trailers.begin(), commit.trailers.end(),
                                    [](const auto& t) { return t.first == "Tin-cay" && t.second == "chap-nhan"; });
        if (!have_trust) {
            // The first complete trust list (keys and roles) is taken as given.
            if (current.complete()) {
                ledger.trusted_facts = current;
                ledger.trust_root = commit.id;
                have_trust = true;
            }
        } else if (current != previous || endorses) {
            SignatureCheck check = verifier.check(git, commit.id, when, ledger.trusted_keys);
            bool authorised = check.status == SignatureStatus::Good &&
                              std::any_of(ledger.trusted.trust_admin_roles.begin(), ledger.trusted.trust_admin_roles.end(),
                                          [&](const std::string& r) { return holder_of(ledger.trusted, check.principal, r) != nullptr; });
            if (authorised && endorses) {
                ledger.trusted_facts = current;  // "Tin-cay: chap-nhan": the whole list as it now stands
            } else if (authorised) {
                apply_commit(ledger.trusted_facts, previous, current);
            } else {
                std::string admins;
                for (const auto& r : ledger.trusted.trust_admin_roles) admins += (admins.empty() ? "" : ", ") + r;
                Message why = check.status == SignatureStatus::Good
                                  ? Message{"người ký " + check.principal + " không có vai trò " + admins, "the signer " + check.principal + " holds none of " + admins}
                                  : refusal_reason(check);
                ledger.trust_problems.push_back(
                    {commit.id, commit.time,
                     {"danh sách khóa, vai trò hoặc chính sách phê duyệt bị thay đổi ở commit " + short_id(commit.id) +
                          " mà không có thẩm quyền (" + why.vi + "); thay đổi này không được dùng",
                      "the keys, roles or approval policies were changed in commit " + short_id(commit.id) + " without authority (" + why.en +
                          "); the change is not used"}});
            }
        }
        previous = current;
        if (have_trust) {
            ledger.trusted = ledger.trusted_facts.config();
            ledger.trusted_keys = ledger.trusted_facts.keys();
        }
    }
    return ledger;
}

DocumentApproval evaluate_document(const Document& doc, const Ledger& ledger, const GitRepository& git, const std::string& root) {
    DocumentApproval result;
    result.required_roles = required_roles(doc, ledger);
    std::string current = GitRepository::hash_blob(read_file((fs::path(root) / doc.path).string()));

    std::map<std::string, const Approval*> by_role;  // the latest approval of the current content, per role
    const Approval* latest_other = nullptr;          // the latest approval (or record of issue) of other content
    const Approval* issued = nullptr;                // the latest record of issue of the current content by an accepted role
    const Approval* issued_otherwise = nullptr;      // ... by a role the type's policy does not accept
    for (const auto& a : ledger.approvals) {
        if (a.path != doc.path) continue;
        if (a.blob != current) latest_other = &a;
        else if (!a.issued) by_role[a.role] = &a;
        else if (std::find(result.required_roles.begin(), result.required_roles.end(), a.role) != result.required_roles.end()) issued = &a;
        else issued_otherwise = &a;
    }
    for (const auto& role : result.required_roles) {
        auto it = by_role.find(role);
        if (it != by_role.end()) result.current.push_back(*it->second);
        else result.missing_roles.push_back(role);
    }
    // A record of issue counts for a role the type's policy accepts, and only for a document
    // that carries the number and date it was issued with.
    if (issued && (!doc.number || !doc.date)) {
        result.issue_problem = {"văn bản chưa có số hoặc ngày ban hành (so, ngay)", "the document has no number or date (so, ngay)"};
        result.issue_not_counted = *issued;
    } else if (issued) {
        result.issued = *issued;
    } else if (issued_otherwise) {
        result.issue_problem = {"vai trò " + issued_otherwise->role + " không được chính sách phê duyệt của loại " + doc.type_id + " chấp nhận" +
                                    (result.required_roles.empty() ? "" : " (cần một trong: " + join_roles(result.required_roles) + ")"),
                                "the role " + issued_otherwise->role + " is not accepted by the approval policy of the type " + doc.type_id +
                                    (result.required_roles.empty() ? "" : " (needs one of: " + join_roles(result.required_roles) + ")")};
        result.issue_not_counted = *issued_otherwise;
    }
    if (result.issued) {
        result.state = ApprovalState::Issued;
        result.missing_roles.clear();
    } else if (result.required_roles.empty()) {
        result.state = ApprovalState::Unapproved;  // no policy for its type: nobody can approve it
    } else if (result.missing_roles.empty()) {
        result.state = ApprovalState::Approved;
    } else if (!result.current.empty()) {
        result.state = ApprovalState::Partial;
    } else if (latest_other) {
        result.state = ApprovalState::Stale;
    }
    if (latest_other && result.state != ApprovalState::Approved && result.state != ApprovalState::Issued) {
        result.voided = *latest_other;
        // The first commit after the approval whose version of the file differs from it.
        // Most often the file was edited and not committed yet: HEAD still holds the approved text.
        bool committed = git.blob_id(ledger.history.back().id, ledger.prefix + doc.path) != latest_other->blob;
        auto start = std::find_if(ledger.history.begin(), ledger.history.end(), [&](const CommitInfo& c) { return c.id == latest_other->commit; });
        if (!committed) start = ledger.history.end();
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
