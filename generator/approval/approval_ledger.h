// What history says about approvals. Over every commit HEAD reaches (all parents, see
// approval/trust_fold.h) it keeps the trust list (the keys in allowed_signers, the roles in
// vanban.yaml, and the parts of each document type that decide whether a document needs
// approval and who approves it) that was properly signed, and records every approval commit as
// accepted or refused.
//
// The first trust list history shows is taken as given (there is nothing older to check it
// against); every later change must be signed by a key whose holder has one of the
// vai_tro_quan_ly roles in the list then in force, or it is reported and ignored.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "approval/git_repository.h"
#include "approval/signature_verifier.h"
#include "load/repository.h"
#include "model/approval_config.h"
#include "model/diagnostic.h"

namespace vanban {

struct Approval {
    std::string path;  // relative to the vanban root
    std::string blob;  // the exact content approved
    std::string role, principal, fingerprint, commit;
    int64_t time = 0;
    // Recorded as issued ("Ban-hanh:" trailer): a document signed on paper and imported, whose
    // text this commit states to be the one issued, rather than approved before issuing.
    bool issued = false;
};

struct Refusal {
    std::string commit;
    int64_t time = 0;
    std::vector<std::string> paths;
    std::string role;
    Message reason;
    bool issued = false;  // a record of issue ("Ban-hanh:"), not an approval
};

struct TrustProblem {
    std::string commit;
    int64_t time = 0;
    Message reason;
    // The change is still in the files at HEAD and differs from what is trusted: an error until
    // it is removed or accepted; otherwise history, a warning.
    bool pending = false;
};

// What a type of document decides about approval (templates/types/<type>.yaml): whether its
// documents are official (van_ban) and so approved, drafted and hidden, and which roles approve
// them (phe_duyet).
struct ApprovalPolicy {
    bool official = true;
    std::vector<std::string> roles;
    std::vector<std::string> deputy_roles;  // added when signed "KT. ..."
};

// Everything approvals rest on, read back from the trusted facts (approval/trust_fold.h keeps
// them as strings, one per fact, so that an authorised commit changes exactly the facts it
// changes and an unauthorised change leaves no trace in what is trusted).
struct TrustFacts {
    std::set<std::string> signer_lines;                           // allowed_signers lines
    std::set<std::pair<std::string, std::string>> role_holders;   // (role, principal)
    std::set<std::string> admin_roles;                            // vai_tro_quan_ly
    std::map<std::string, std::string> gpg_keys;                  // blob id → armoured key
    std::map<std::string, ApprovalPolicy> policies;               // every type: the school's, else vanban's installed one
    std::set<std::string> published_years;
    bool hide_unapproved = false;

    TrustedKeys keys() const;
    ApprovalConfig config() const;
};

struct Ledger {
    bool available = false;  // a git repository whose whole history could be read
    std::vector<CommitInfo> history;  // parents before children, HEAD last
    std::vector<Approval> approvals;  // oldest first
    std::vector<Refusal> refusals;
    std::vector<TrustProblem> trust_problems;
    TrustFacts trusted_facts;  // in force at HEAD
    ApprovalConfig trusted;    // the same, as roles
    TrustedKeys trusted_keys;
    // The commits where a complete trust list first appears (no ancestor has one). One in a
    // sound history; several when another history was merged in.
    std::vector<std::string> root_candidates;
    std::string trust_root;    // the commit whose trust list was taken as given: the only candidate
    std::string prefix;        // the vanban root inside the git work tree ("" or "school/")

    // The trusted policy of a type; null when none is trusted (a type added without authority,
    // or changed both ways on two branches): then nobody can approve its documents.
    const ApprovalPolicy* policy(const std::string& type) const;
    // Whether documents of the type are official under the trusted policy (true without one: fail closed).
    bool official(const std::string& type) const;
};

Ledger read_ledger(const GitRepository& git, const Repository& repo, SignatureVerifier& verifier);

// Issued: recorded as issued on paper by a signed commit of a role the type's policy accepts,
// for exactly the current content, and the document has its số and ngày.
enum class ApprovalState { Issued, Approved, Partial, Stale, Unapproved };
const char* state_id(ApprovalState state);    // da-ban-hanh, da-duyet, duyet-mot-phan, het-hieu-luc, chua-duyet
const char* state_name(ApprovalState state);  // "đã duyệt", ...

struct DocumentApproval {
    ApprovalState state = ApprovalState::Unapproved;
    std::vector<std::string> required_roles;
    std::vector<Approval> current;   // approvals of the current content, one per role
    std::vector<std::string> missing_roles;
    std::optional<Approval> issued;  // for da-ban-hanh: the record of issue in force
    // A record of issue of the current content that does not count, and why (a role the
    // type's policy does not accept; no số or ngày).
    std::optional<Approval> issue_not_counted;
    Message issue_problem;
    // For het-hieu-luc: the approval that no longer holds, and what changed the document.
    std::optional<Approval> voided;
    std::string changed_by;          // commit id; empty when the change is not committed yet
    int64_t changed_time = 0;
};

// Roles the document needs under the trusted policy: its type's, plus the deputy roles when
// signed "KT. ...". Empty when its type has no policy: then it cannot be approved at all.
std::vector<std::string> required_roles(const Document& doc, const Ledger& ledger);
// Roles that may record the document as issued: the type's own roles (vai_tro), never a deputy
// role alone — else a "KT." document that needs two approvals would be published by one person.
std::vector<std::string> issuing_roles(const Document& doc, const Ledger& ledger);

DocumentApproval evaluate_document(const Document& doc, const Ledger& ledger, const GitRepository& git, const std::string& root);

}  // namespace vanban
