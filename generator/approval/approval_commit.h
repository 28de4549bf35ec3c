// Writing an approval commit (`vanban approve`): the checks before it (approvals configured, a
// known role, a git repository, a signing key that the trusted keys give to a holder of the
// role), per document what stops it (its [[...]] hints, its errors unless recorded as issued,
// uncommitted changes) or makes it needless (the same content already approved for the role),
// then one signed commit with a "Phe-duyet:"/"Ban-hanh:" trailer per document and "Vai-tro:",
// read back as anyone would read it. The command line only parses options and prints.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "approval/approval_report.h"
#include "load/repository.h"
#include "model/diagnostic.h"

namespace vanban {

// A refusal before any commit is made: the user's setup or request, said in both languages.
struct ApprovalRefused : std::runtime_error {
    explicit ApprovalRefused(Message m) : std::runtime_error(m.en), message(std::move(m)) {}
    Message message;
};

// What happens to one document named on the command line.
struct ApprovalDecision {
    enum class Kind { Approve, Duplicate, AlreadyDone, Blocked };
    Kind kind = Kind::Approve;
    std::string already_commit;               // AlreadyDone: the commit that approved (or recorded) this content
    std::vector<const Diagnostic*> blocking;  // Blocked: its findings, in file order
};

struct ApprovalCommitResult {
    bool made = false;        // git made the commit
    std::string git_error;    // ... and why not, when not
    std::string commit;       // its full id
    bool recognised = false;  // read back, the ledger accepts it
    Message refusal;          // ... and why not, when not
    ApprovalReport report;    // the approvals after the commit
};

class ApprovalCommit {
public:
    // The checks that need no document: throws ApprovalRefused. `repo` may be an index
    // (load_repository_index): the documents are those handed to add(), read again after the commit.
    ApprovalCommit(const Repository& repo, std::string role, bool issued);

    // [[...]] hints left in vanban.yaml: printed in every document's header, they stop any approval.
    static std::vector<const Diagnostic*> config_hints(const std::vector<Diagnostic>& diagnostics);

    // Takes a document for the commit (`named_as`: as the user wrote it), given the checks' findings
    // (sorted). Throws ApprovalRefused when the document cannot be approved at all in this way.
    ApprovalDecision add(const std::string& named_as, const Document& doc, const std::vector<Diagnostic>& diagnostics);

    const std::vector<std::string>& paths() const { return paths_; }

    // Makes the signed commit of the documents taken (none: nothing to do) and reads it back.
    // Throws ApprovalRefused when changes are staged: they would ride under the signature.
    ApprovalCommitResult commit() const;

private:
    const Repository& repo_;
    std::string role_;
    bool issued_;
    ApprovalReport before_;
    std::vector<std::string> named_;  // "F", "./F" and "F" again are one document, approved once
    std::vector<std::string> paths_;
    std::string first_title_;  // the commit message names the document when it is the only one
};

}  // namespace vanban
