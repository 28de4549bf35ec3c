#include "approval/approval_ledger.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>

#include "approval/trust_fold.h"
#include "load/published_files.h"
#include "load/source_reader.h"
#include "text/unicode.h"

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
        return std::make_pair(type.id, ApprovalPolicy{type.official, type.approval_roles, type.deputy_approval_roles});
    } catch (const YAML::Exception&) {
        return std::nullopt;
    }
}

// Trust facts are strings, one per fact, so that a commit's change is a difference of sets.
// Each fact grants something (a key, a role, a policy, showing unapproved documents): without
// it, less is trusted.
constexpr char kSep = '\x1f';
const std::string kSigner = "signer", kGpg = "gpg", kRole = "role", kAdmin = "admin", kYear = "year", kType = "type";
const std::string kShowUnapproved = "show-unapproved";  // an_chua_duyet is not true

std::string fact(const std::string& kind, const std::vector<std::string>& fields) {
    std::string out = kind;
    for (const auto& f : fields) out += kSep + f;
    return out;
}

std::vector<std::string> fields_of(const std::string& fact) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t end = fact.find(kSep, start);
        out.push_back(fact.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
    return out;
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
        size_t end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string type_fact(const std::string& id, const ApprovalPolicy& p) {
    return fact(kType, {id, p.official ? "1" : "0", joined(p.roles), joined(p.deputy_roles)});
}

bool is_complete(const FactSet& facts) {
    auto any = [&](const std::string& kind) {
        auto it = facts.lower_bound(kind + kSep);
        return it != facts.end() && it->compare(0, kind.size() + 1, kind + kSep) == 0;
    };
    return (any(kSigner) || any(kGpg)) && any(kRole);
}

// Where the type files are read from, as the loader reads them (load/repository.cpp): the
// school's templates/types first, then vanban's own. vanban's own are trusted as installed,
// unless they lie inside this work tree (a school that builds vanban from its own repository):
// then they are the school's files like any other, read from each commit.
struct TypeSources {
    std::vector<std::string> tree_dirs;                         // in the work tree, by search order
    std::vector<std::pair<std::string, std::string>> installed; // (file name, content) outside it
};

TypeSources type_sources(const GitRepository& git, const std::string& prefix) {
    TypeSources out;
    out.tree_dirs.push_back(prefix + "templates/types");
    std::error_code ec;
    fs::path installed = fs::weakly_canonical(fs::path(default_templates_dir()) / "types", ec);
    fs::path work = fs::weakly_canonical(git.workdir(), ec);
    fs::path inside = installed.lexically_relative(work);
    if (!inside.empty() && *inside.begin() != "..") {
        std::string dir = inside.generic_string();
        if (dir != out.tree_dirs[0]) out.tree_dirs.push_back(dir);
        return out;
    }
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(installed, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) out.installed.emplace_back(fs::path(f).filename().string(), read_file(f));
    return out;
}

class TrustReader {
public:
    TrustReader(const GitRepository& git, std::string prefix, TypeSources types, std::map<std::string, std::string>& gpg_keys)
        : git_(git), prefix_(std::move(prefix)), types_(std::move(types)), gpg_keys_(gpg_keys) {}

    // The facts as the commit's own tree states them (key paths from its own vanban.yaml).
    std::shared_ptr<const FactSet> facts_at(const std::string& commit) {
        std::string config_blob = git_.blob_id(commit, prefix_ + "vanban.yaml");
        if (config_blob != config_blob_) {
            config_blob_ = config_blob;
            std::vector<Diagnostic> ignored;
            try {
                config_ = load_approval_config("vanban.yaml", YAML::Load(git_.blob_content(config_blob)), ignored);
            } catch (const YAML::Exception&) {
                config_ = ApprovalConfig{};
            }
        }
        // What the facts are read from, by blob id: the same sources give the same facts.
        std::string signers = git_.blob_id(commit, prefix_ + config_.ssh_signers);
        std::vector<std::string> gpg = git_.directory_blob_ids(commit, prefix_ + config_.gpg_keys);
        std::vector<std::vector<std::pair<std::string, std::string>>> type_files;
        std::string key = config_blob + "|" + signers;
        for (const auto& id : gpg) key += "|" + id;
        for (const auto& dir : types_.tree_dirs) {
            type_files.push_back(git_.directory_blobs(commit, dir));
            key += "|";
            for (const auto& [name, id] : type_files.back()) key += name + ":" + id + ";";
        }
        auto& cached = cache_[key];
        if (cached) return cached;

        auto facts = std::make_shared<FactSet>();
        cached = facts;
        if (!config_.enabled) return cached;
        std::string text = git_.blob_content(signers);
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string line = text.substr(start, end - start);
            while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.pop_back();
            size_t first = line.find_first_not_of(" \t");
            if (first != std::string::npos && line[first] != '#') facts->insert(fact(kSigner, {line.substr(first)}));
            start = end + 1;
        }
        for (const auto& [role, holders] : config_.roles)
            for (const auto& h : holders) facts->insert(fact(kRole, {role, h}));
        for (const auto& r : config_.trust_admin_roles) facts->insert(fact(kAdmin, {r}));
        for (const auto& id : gpg) {
            facts->insert(fact(kGpg, {id}));
            if (!gpg_keys_.count(id)) gpg_keys_[id] = git_.blob_content(id);
        }
        for (const auto& y : config_.published_years) facts->insert(fact(kYear, {y}));
        if (!config_.hide_unapproved) facts->insert(kShowUnapproved);
        // Each type as the loader picks it: by file name, the first folder wins; by loai, the first file.
        std::map<std::string, std::string> by_name;
        for (const auto& files : type_files)
            for (const auto& [name, id] : files)
                if (name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0 && !by_name.count(name)) by_name[name] = content_of(id);
        for (const auto& [name, content] : types_.installed) by_name.emplace(name, content);
        std::set<std::string> seen;
        for (const auto& [name, content] : by_name)
            if (auto policy = parse_policy(content); policy && seen.insert(policy->first).second)
                facts->insert(type_fact(policy->first, policy->second));
        return cached;
    }

private:
    const std::string& content_of(const std::string& blob) {
        auto it = blobs_.find(blob);
        if (it == blobs_.end()) it = blobs_.emplace(blob, git_.blob_content(blob)).first;
        return it->second;
    }

    const GitRepository& git_;
    std::string prefix_;
    TypeSources types_;
    std::map<std::string, std::string>& gpg_keys_;
    std::string config_blob_ = "-";
    ApprovalConfig config_;
    std::map<std::string, std::shared_ptr<const FactSet>> cache_;
    std::map<std::string, std::string> blobs_;
};

// The facts as keys, roles and policies. A type with two trusted policies (changed one way on
// one branch and another way on another) has none: nobody approves it until an authorised
// commit settles it.
TrustFacts decode(const FactSet& facts, const std::map<std::string, std::string>& gpg_contents) {
    TrustFacts t;
    t.hide_unapproved = !facts.count(kShowUnapproved);
    std::set<std::string> conflicting;
    for (const auto& f : facts) {
        std::vector<std::string> v = fields_of(f);
        if (v[0] == kSigner && v.size() == 2) t.signer_lines.insert(v[1]);
        else if (v[0] == kRole && v.size() == 3) t.role_holders.insert({v[1], v[2]});
        else if (v[0] == kAdmin && v.size() == 2) t.admin_roles.insert(v[1]);
        else if (v[0] == kYear && v.size() == 2) t.published_years.insert(v[1]);
        else if (v[0] == kGpg && v.size() == 2) {
            auto it = gpg_contents.find(v[1]);
            t.gpg_keys[v[1]] = it == gpg_contents.end() ? "" : it->second;
        } else if (v[0] == kType && v.size() == 5) {
            ApprovalPolicy p{v[2] == "1", split_list(v[3]), split_list(v[4])};
            if (!t.policies.emplace(v[1], p).second) conflicting.insert(v[1]);
        }
    }
    for (const auto& id : conflicting) t.policies.erase(id);
    return t;
}

bool endorses(const CommitInfo& commit) {
    return std::any_of(commit.trailers.begin(), commit.trailers.end(),
                       [](const auto& t) { return lower_ascii(t.first) == "tin-cay" && t.second == "chap-nhan"; });
}

}  // namespace

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
    auto it = trusted_facts.policies.find(type);
    return it == trusted_facts.policies.end() ? nullptr : &it->second;
}

bool Ledger::official(const std::string& type) const {
    const ApprovalPolicy* p = policy(type);
    return !p || p->official;
}

std::vector<std::string> required_roles(const Document& doc, const Ledger& ledger) {
    std::vector<std::string> roles;
    const ApprovalPolicy* policy = ledger.policy(doc.type_id);
    if (!policy || !policy->official) return roles;
    roles = policy->roles;
    if (doc.signer.authority.rfind("KT.", 0) == 0)
        for (const auto& r : policy->deputy_roles)
            if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.insert(roles.begin(), r);
    return roles;
}

std::vector<std::string> issuing_roles(const Document& doc, const Ledger& ledger) {
    const ApprovalPolicy* policy = ledger.policy(doc.type_id);
    if (!policy || !policy->official) return {};
    return policy->roles;
}

Ledger read_ledger(const GitRepository& git, const Repository& repo, SignatureVerifier& verifier) {
    Ledger ledger;
    ledger.prefix = git.prefix_of(repo.root);
    ledger.history = git.history();
    ledger.available = !ledger.history.empty();
    if (!ledger.available) return ledger;
    std::map<std::string, std::string> gpg_contents;
    TrustReader reader(git, ledger.prefix, type_sources(git, ledger.prefix), gpg_contents);

    const int n = static_cast<int>(ledger.history.size());
    std::map<std::string, int> index;
    for (int i = 0; i < n; ++i) index[ledger.history[i].id] = i;
    std::vector<FoldCommit> commits(n);
    std::vector<int64_t> when(n);
    std::vector<bool> complete_before(n, false);
    for (int i = 0; i < n; ++i) {
        const CommitInfo& commit = ledger.history[i];
        FoldCommit& c = commits[i];
        c.facts = reader.facts_at(commit.id);
        c.endorses = endorses(commit);
        // A commit dated before a parent could be dodging a key's valid-before: keys are judged
        // at the latest time along its ancestry.
        when[i] = commit.time;
        for (const auto& p : commit.parents) {
            auto it = index.find(p);
            if (it == index.end() || it->second >= i) continue;  // outside the walk (a graft)
            c.parents.push_back(it->second);
            when[i] = std::max(when[i], when[it->second]);
            complete_before[i] = complete_before[i] || complete_before[it->second] || is_complete(*commits[it->second].facts);
        }
        for (const auto& [key, value] : commit.trailers) {
            std::string k = lower_ascii(key);
            c.tracked = c.tracked || k == "phe-duyet" || k == "ban-hanh";
        }
        // The first complete trust list (keys and roles) along every line is taken as given.
        if (is_complete(*c.facts) && !complete_before[i]) ledger.root_candidates.push_back(commit.id);
    }
    int root = ledger.root_candidates.size() == 1 ? index[ledger.root_candidates[0]] : -1;
    if (root >= 0) ledger.trust_root = ledger.root_candidates[0];

    // A trust change counts when signed by a trusted key whose holder has a vai_tro_quan_ly role.
    auto check_with = [&](int i, const TrustFacts& t) { return verifier.check(git, ledger.history[i].id, when[i], t.keys()); };
    auto admin = [&](const SignatureCheck& check, const ApprovalConfig& config) {
        return check.status == SignatureStatus::Good &&
               std::any_of(config.trust_admin_roles.begin(), config.trust_admin_roles.end(),
                           [&](const std::string& r) { return holder_of(config, check.principal, r) != nullptr; });
    };
    TrustFold fold(std::move(commits), root, [&](int i, const FactSet& facts) {
        TrustFacts t = decode(facts, gpg_contents);
        return admin(check_with(i, t), t.config());
    }, [](const std::string& f) {
        // A type holds one policy: "type<sep>id" is its key.
        if (f.compare(0, kType.size() + 1, kType + kSep) != 0) return std::string();
        return f.substr(0, f.find(kSep, kType.size() + 1));
    });
    const int head = n - 1;

    for (int i = 0; i < n; ++i) {
        const CommitInfo& commit = ledger.history[i];
        // Approvals are judged by the trust in force before the commit, less what authorised
        // removals on other lines reaching HEAD took away: a commit cannot approve with a key it
        // adds itself, nor with a key revoked on a line it was merged with.
        // "Phe-duyet: <path>" approves the path's content; "Ban-hanh: <path>" records it as issued.
        std::string role;
        std::vector<std::string> paths, issued_paths;
        for (const auto& [key, value] : commit.trailers) {
            std::string k = lower_ascii(key);
            if (k == "phe-duyet") paths.push_back(value);
            if (k == "ban-hanh") issued_paths.push_back(value);
            if (k == "vai-tro" && role.empty()) role = value;
        }
        if (paths.empty() && issued_paths.empty()) continue;
        Message reason;
        SignatureCheck check;
        TrustFacts trusted;
        if (root < 0 || !fold.ancestor(root, i) || i == root) {
            reason = {"chưa có danh sách khóa và vai trò tin cậy trong lịch sử ở thời điểm này", "no trusted keys and roles in history at this point"};
        } else if (role.empty()) {
            reason = {"commit phê duyệt thiếu dòng \"Vai-tro: <vai trò>\"", "the approval commit has no \"Vai-tro: <role>\" trailer"};
        } else if ((check = check_with(i, trusted = decode(fold.judged_with(i, head), gpg_contents))).status != SignatureStatus::Good) {
            reason = refusal_reason(check);
        } else if (ApprovalConfig config = trusted.config(); !holder_of(config, check.principal, role)) {
            reason = {check.principal + " không giữ vai trò " + role + " trong vanban.yaml",
                      check.principal + " does not hold the role " + role + " in vanban.yaml"};
        } else {
            check.principal = holder_of(config, check.principal, role);
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

    FactSet at_head = root >= 0 ? fold.trust_at(head) : FactSet{};
    ledger.trusted_facts = decode(at_head, gpg_contents);
    ledger.trusted = ledger.trusted_facts.config();
    ledger.trusted_keys = ledger.trusted_facts.keys();

    // Trust changes made without authority (or with an authority revoked on another line) are
    // reported; those before the trust root led up to it and are not.
    const FactSet& tree_at_head = *reader.facts_at(ledger.history[head].id);
    for (int i : fold.events()) {
        if (i == root || (root >= 0 && fold.ancestor(i, root))) continue;
        bool overruled = fold.overruled(i, head);
        if (fold.authorised(i) && !overruled) continue;
        const CommitInfo& commit = ledger.history[i];
        Message why;
        if (overruled) {
            why = {"quyền ký đã bị thu hồi ở một nhánh khác được hợp nhất", "the signing authority was revoked on another branch merged in"};
        } else if (root < 0 || !fold.ancestor(root, i)) {
            why = {"chưa có danh sách khóa tin cậy ở thời điểm này", "no trusted key list at this point"};
        } else {
            TrustFacts before = decode(fold.trust_before(i), gpg_contents);
            SignatureCheck check = check_with(i, before);
            std::string admins;
            for (const auto& r : before.admin_roles) admins += (admins.empty() ? "" : ", ") + r;
            why = check.status == SignatureStatus::Good
                      ? Message{"người ký " + check.principal + " không có vai trò " + admins, "the signer " + check.principal + " holds none of " + admins}
                      : refusal_reason(check);
        }
        bool pending = false;
        for (const auto& f : fold.added(i)) pending = pending || (tree_at_head.count(f) && !at_head.count(f));
        for (const auto& f : fold.removed(i)) pending = pending || (!tree_at_head.count(f) && at_head.count(f));
        ledger.trust_problems.push_back(
            {commit.id, commit.time,
             {"danh sách khóa, vai trò hoặc chính sách phê duyệt bị thay đổi ở commit " + short_id(commit.id) +
                  " mà không có thẩm quyền (" + why.vi + "); thay đổi này không được dùng",
              "the keys, roles or approval policies were changed in commit " + short_id(commit.id) + " without authority (" + why.en +
                  "); the change is not used"},
             pending});
    }
    return ledger;
}

DocumentApproval evaluate_document(const Document& doc, const Ledger& ledger, const GitRepository& git, const std::string& root) {
    DocumentApproval result;
    result.required_roles = required_roles(doc, ledger);
    const std::vector<std::string> issuers = issuing_roles(doc, ledger);
    std::string current = GitRepository::hash_blob(read_repository_file(root, doc.path));

    std::map<std::string, const Approval*> by_role;  // the latest approval of the current content, per role
    const Approval* latest_other = nullptr;          // the latest approval (or record of issue) of other content
    const Approval* issued = nullptr;                // the latest record of issue of the current content by an accepted role
    const Approval* issued_otherwise = nullptr;      // ... by a role the type's policy does not accept
    for (const auto& a : ledger.approvals) {
        if (a.path != doc.path) continue;
        if (a.blob != current) latest_other = &a;
        else if (!a.issued) by_role[a.role] = &a;
        else if (std::find(issuers.begin(), issuers.end(), a.role) != issuers.end()) issued = &a;
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
                                    (issuers.empty() ? "" : " (cần một trong: " + join_roles(issuers) + ")"),
                                "the role " + issued_otherwise->role + " is not accepted by the approval policy of the type " + doc.type_id +
                                    (issuers.empty() ? "" : " (needs one of: " + join_roles(issuers) + ")")};
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
        // The first commit after the approval (its descendant) whose version of the file differs from it.
        // Most often the file was edited and not committed yet: HEAD still holds the approved text.
        bool committed = git.blob_id(ledger.history.back().id, ledger.prefix + doc.path) != latest_other->blob;
        auto start = std::find_if(ledger.history.begin(), ledger.history.end(), [&](const CommitInfo& c) { return c.id == latest_other->commit; });
        if (!committed) start = ledger.history.end();
        for (auto it = start == ledger.history.end() ? start : start + 1; it != ledger.history.end(); ++it)
            if (git.blob_id(it->id, ledger.prefix + doc.path) != latest_other->blob && git.descends_from(it->id, latest_other->commit)) {
                result.changed_by = it->id;
                result.changed_time = it->time;
                break;
            }
    }
    return result;
}

}  // namespace vanban
