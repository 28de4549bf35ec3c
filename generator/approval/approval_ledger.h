// What history says about approvals. Walking HEAD's first-parent chain from the oldest
// commit, it keeps the trust list (the keys in allowed_signers and the roles in vanban.yaml)
// that was properly signed, and records every approval commit as accepted or refused.
//
// The first trust list history shows is taken as given (there is nothing older to check it
// against); every later change must be signed by a key whose holder has one of the
// vai_tro_quan_ly roles in the list then in force, or it is reported and ignored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
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
};

struct Refusal {
    std::string commit;
    int64_t time = 0;
    std::vector<std::string> paths;
    std::string role;
    Message reason;
};

struct TrustProblem {
    std::string commit;
    int64_t time = 0;
    Message reason;
};

struct Ledger {
    bool available = false;  // a git repository with commits
    std::vector<CommitInfo> history;
    std::vector<Approval> approvals;  // oldest first
    std::vector<Refusal> refusals;
    std::vector<TrustProblem> trust_problems;
    ApprovalConfig trusted;  // roles in force at HEAD
    TrustedKeys trusted_keys;
    std::string prefix;      // the vanban root inside the git work tree ("" or "school/")
};

Ledger read_ledger(const GitRepository& git, const Repository& repo, SignatureVerifier& verifier);

enum class ApprovalState { Approved, Partial, Stale, Unapproved };
const char* state_id(ApprovalState state);    // da-duyet, duyet-mot-phan, het-hieu-luc, chua-duyet
const char* state_name(ApprovalState state);  // "đã duyệt", ...

struct DocumentApproval {
    ApprovalState state = ApprovalState::Unapproved;
    std::vector<std::string> required_roles;
    std::vector<Approval> current;   // approvals of the current content, one per role
    std::vector<std::string> missing_roles;
    // For het-hieu-luc: the approval that no longer holds, and what changed the document.
    std::optional<Approval> voided;
    std::string changed_by;          // commit id; empty when the change is not committed yet
    int64_t changed_time = 0;
};

// Roles the document needs: its type's, plus the deputy roles when signed "KT. ...".
std::vector<std::string> required_roles(const Document& doc);

DocumentApproval evaluate_document(const Document& doc, const Ledger& ledger, const GitRepository& git, const std::string& root);

}  // namespace vanban
