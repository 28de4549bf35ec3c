#include "approval/approval_report.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "support/cache_dir.h"
#include "text/unicode.h"

namespace vanban {

namespace {

bool set(const char* name) {
    const char* v = std::getenv(name);
    return v && *v;
}

// Whether this runs on a CI service, where nothing is remembered between runs. Fail closed: the
// variable being there at all counts (CI="" or CI=false included), and the services that do not
// set CI (Azure Pipelines, Jenkins) are named.
bool on_ci() {
    for (const char* name : {"CI", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "JENKINS_URL", "BUILDKITE", "CIRCLECI", "TRAVIS", "TEAMCITY_VERSION"})
        if (std::getenv(name)) return true;
    return false;
}

bool full_commit_id(const std::string& s) {
    return s.size() == 40 && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// A folder as the shell reads it, for a command to copy: quoted unless plainly safe.
std::string shell_word(const std::string& s) {
    if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+") == std::string::npos) return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string listed(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

// The first trust list is taken on trust, so a history whose root was swapped (rewritten, or
// an orphan history merged in) could bring its own. The root is pinned: by VANBAN_TRUST_ROOT
// (for CI, where nothing is remembered: without it approvals fail closed there), and on this
// machine by the first root vanban saw here. Returns the problem, if any.
std::optional<TrustRootIssue> check_trust_root(const GitRepository& git, const Ledger& ledger) {
    const std::vector<std::string>& found = ledger.root_candidates;
    if (found.empty()) return std::nullopt;  // no trust list yet: nothing is approved anyway
    std::string shown = found.size() == 1 ? found[0] : listed(found);
    if (set("VANBAN_TRUST_ROOT")) {
        std::string pinned = std::getenv("VANBAN_TRUST_ROOT");
        if (!full_commit_id(pinned))
            return TrustRootIssue{Severity::Error,
                                  {"VANBAN_TRUST_ROOT=\"" + pinned + "\" không phải mã commit đầy đủ (cần đúng 40 chữ số hex); không văn bản nào được coi là đã duyệt",
                                   "VANBAN_TRUST_ROOT=\"" + pinned + "\" is not a full commit id (40 hex digits); no document counts as approved"},
                                  {"Đặt VANBAN_TRUST_ROOT bằng mã đầy đủ của commit đầu tiên có danh sách khóa (git rev-parse), hiện là: " + shown,
                                   "Set VANBAN_TRUST_ROOT to the full id of the first commit holding the trust list (git rev-parse), now: " + shown}};
        if (found.size() != 1 || found[0] != lower_ascii(pinned))
            return TrustRootIssue{Severity::Error,
                                  {"danh sách khóa đầu tiên nằm ở commit " + shown + ", không phải commit VANBAN_TRUST_ROOT=" + pinned +
                                       " (lịch sử bị thay thế?); không văn bản nào được coi là đã duyệt",
                                   "the first trust list is in commit " + shown + ", not VANBAN_TRUST_ROOT=" + pinned +
                                       " (history replaced?); no document counts as approved"},
                                  {"Kiểm tra lịch sử của kho; chỉ đổi VANBAN_TRUST_ROOT khi chắc chắn kho mới là đúng.",
                                   "Check the repository's history; change VANBAN_TRUST_ROOT only when the new history is known to be right."}};
        return std::nullopt;
    }
    if (on_ci())
        return TrustRootIssue{Severity::Warning,
                              {"đang chạy trên CI mà chưa đặt VANBAN_TRUST_ROOT: không kiểm tra được lịch sử có bị thay thế hay không, nên không văn bản nào được coi là đã duyệt",
                               "running on CI without VANBAN_TRUST_ROOT: a replaced history cannot be told apart, so no document counts as approved"},
                              {"Trong GitHub: Settings → Secrets and variables → Actions → Variables, tạo biến kho VANBAN_TRUST_ROOT = mã đầy đủ của "
                               "commit đầu tiên có danh sách khóa: " + shown,
                               "On GitHub: Settings → Secrets and variables → Actions → Variables, add the repository variable VANBAN_TRUST_ROOT = the "
                               "full id of the first commit holding the trust list: " + shown}};
    std::string file = (std::filesystem::path(cache_root()) / "trust-roots.tsv").string();
    std::string here = std::filesystem::weakly_canonical(git.workdir()).string();
    std::map<std::string, std::string> roots;
    {
        std::ifstream in(file);
        std::string line;
        while (std::getline(in, line))
            if (size_t tab = line.find('\t'); tab != std::string::npos) roots[line.substr(0, tab)] = line.substr(tab + 1);
    }
    auto it = roots.find(here);
    if (it == roots.end() && found.size() > 1)
        return TrustRootIssue{Severity::Error,
                              {"lịch sử có nhiều danh sách khóa gốc (commit " + shown + "): một lịch sử khác đã được hợp nhất vào; không văn bản nào được coi là đã duyệt",
                               "history has several root trust lists (commits " + shown + "): another history was merged in; no document counts as approved"},
                              {"Đặt VANBAN_TRUST_ROOT bằng mã đầy đủ của commit gốc đúng, và gỡ lịch sử kia khỏi kho.",
                               "Set VANBAN_TRUST_ROOT to the full id of the right root commit, and remove the other history."}};
    if (it == roots.end()) {
        roots[here] = found[0];
        std::error_code ec;
        std::filesystem::create_directories(cache_root(), ec);
        std::ofstream out(file, std::ios::trunc);
        for (const auto& [path, root] : roots) out << path << '\t' << root << '\n';
        return std::nullopt;
    }
    if (found.size() != 1 || it->second != found[0])
        return TrustRootIssue{Severity::Error,
                              {"gốc tin cậy của kho này đã đổi từ commit " + it->second.substr(0, 10) + " sang " + shown +
                                   " (lịch sử bị thay thế?); không văn bản nào được coi là đã duyệt",
                               "the trust root of this repository changed from commit " + it->second.substr(0, 10) + " to " + shown +
                                   " (history replaced?); no document counts as approved"},
                              {"Nếu đúng là kho mới, xóa dòng của " + here + " trong " + file + ".",
                               "If this really is a new repository, remove the line of " + here + " from " + file + "."}};
    return std::nullopt;
}

}  // namespace

std::string signature_cache_file() { return (std::filesystem::path(cache_root()) / "signatures.tsv").string(); }

ApprovalReport approval_history(const Repository& repo) {
    ApprovalReport report;
    report.enabled = repo.approval.enabled;
    report.hide_in_work_tree = repo.approval.hide_unapproved;
    if (!repo.approval.enabled) {
        report.unavailable = {"vanban.yaml chưa có mục phe_duyet (vai trò, khóa)", "vanban.yaml has no phe_duyet section (roles, keys)"};
        return report;
    }
    auto git = GitRepository::open(repo.root, &report.unavailable);
    if (!git) {
        // A work tree is there but git would not open it: it belongs to another user.
        std::string tree = GitRepository::work_tree_around(repo.root);
        report.unavailable_fix = tree.empty()
                                     ? Message{"Làm việc trong bản sao git của kho (git clone), không phải bản chép thư mục.",
                                               "Work in a git clone of the repository, not a copy of its folder."}
                                     : Message{"Nếu tin kho này: git config --global --add safe.directory " + shell_word(tree),
                                               "If you trust this repository: git config --global --add safe.directory " + shell_word(tree)};
        return report;
    }
    if (git->shallow()) {
        report.unavailable = {"bản sao git này là bản nông (shallow): thiếu phần đầu lịch sử", "this git clone is shallow: the start of history is missing"};
        report.unavailable_fix = {"Dùng bản sao đầy đủ của kho (git clone không có --depth, hoặc git fetch --unshallow).",
                                  "Use a full clone (no --depth, or git fetch --unshallow)."};
        return report;
    }
    SignatureVerifier verifier(signature_cache_file());
    report.ledger = read_ledger(*git, repo, verifier);
    if (!report.ledger.available) {
        report.unavailable = {"kho git chưa có commit nào", "the git repository has no commits"};
        report.no_commits = true;
        return report;
    }
    if (auto issue = check_trust_root(*git, report.ledger)) {
        report.unavailable = issue->message;
        report.trust_root_issue = std::move(issue);
        return report;
    }
    report.available = true;
    report.signatures_verified = verifier.verified_now();
    report.git = std::move(git);
    return report;
}

std::optional<DocumentApproval> evaluate_approval(const ApprovalReport& report, const Document& doc, const std::string& root) {
    // Official by the trusted type policy, not by the type file as it stands. Another agency's
    // document (co_quan_ban_hanh) is no exception: any committer can write that field, so the
    // school records the received text as issued ("--issued") before it counts.
    if (!report.available || !doc.type || !report.ledger.official(doc.type_id)) return std::nullopt;
    return evaluate_document(doc, report.ledger, *report.git, root);
}

ApprovalReport approval_report(const Repository& repo) {
    ApprovalReport report = approval_history(repo);
    for (const auto& doc : repo.documents)
        if (auto a = evaluate_approval(report, doc, repo.root)) report.documents[doc.path] = std::move(*a);
    return report;
}

bool hide_unapproved(const ApprovalReport& report) {
    if (!report.enabled) return false;
    if (report.available) return report.ledger.trusted.hide_unapproved;
    return report.hide_in_work_tree || (report.ledger.available && report.ledger.trusted.hide_unapproved);
}

bool under_approval(const Document& doc, const ApprovalReport& report) { return under_approval(doc, report, report.find(doc.path)); }

bool under_approval(const Document& doc, const ApprovalReport& report, const DocumentApproval* approval) {
    if (!report.enabled) return false;
    if (report.available) return approval != nullptr;
    // Approvals fail closed: official if the type file says so or history's policy does (read,
    // though its root is not confirmed).
    const ApprovalPolicy* policy = report.ledger.available ? report.ledger.policy(doc.type_id) : nullptr;
    return doc.type && (doc.type->official || (policy && policy->official));
}

ApprovalMark approval_mark(const Document& doc, const ApprovalReport& report) { return approval_mark(doc, report, report.find(doc.path)); }

ApprovalMark approval_mark(const Document& doc, const ApprovalReport& report, const DocumentApproval* approval) {
    ApprovalMark mark;
    // With approvals on but unreadable, nothing is approved (fail closed).
    if (report.enabled && !report.available) return mark;
    const DocumentApproval* a = report.available ? approval : nullptr;
    if (!a) {
        mark.draft = doc.is_draft();
        return mark;
    }
    mark.draft = a->state != ApprovalState::Approved && a->state != ApprovalState::Issued;
    if (a->issued) {
        const Approval& ap = *a->issued;
        mark.verification = "Văn bản đã ban hành, ghi nhận bằng commit có chữ ký: " + ap.role + " " + ap.principal + " (commit " +
                            ap.commit.substr(0, 10) + ", " + vietnam_time(ap.time, "%d/%m/%Y") + ")";
    } else if (!mark.draft) {
        for (const auto& ap : a->current) {
            std::string date = vietnam_time(ap.time, "%d/%m/%Y");
            mark.verification += (mark.verification.empty() ? "Đã phê duyệt bằng commit có chữ ký: " : "; ") + ap.role + " " + ap.principal +
                                 " (commit " + ap.commit.substr(0, 10) + ", " + date + ")";
        }
    }
    return mark;
}

}  // namespace vanban
