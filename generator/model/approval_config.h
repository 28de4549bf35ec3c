// Who may approve what: the roles and their holders from vanban.yaml (phe_duyet:), and the
// files that hold their public keys. The trust in them comes from history, not from this
// file as it stands today (see approval/approval_ledger.h).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace vanban {

struct ApprovalConfig {
    bool enabled = false;  // vanban.yaml has a phe_duyet: section
    std::string ssh_signers = ".vanban/allowed_signers";  // khoa_ssh: OpenSSH allowed_signers, as git uses
    std::string gpg_keys = ".vanban/gpg";                 // khoa_gpg: folder of armoured OpenPGP public keys
    std::map<std::string, std::vector<std::string>> roles;  // vai_tro: role → principals (e-mail addresses)
    // vai_tro_quan_ly: roles whose signature may change the keys or the roles.
    std::vector<std::string> trust_admin_roles = {"hieu-truong", "phong-gddt"};
    std::vector<std::string> published_years;  // nam_hoc_cong_bo: school years whose documents must be approved
    bool hide_unapproved = false;              // an_chua_duyet: keep unapproved documents off the site

    std::vector<std::string> roles_of(const std::string& principal) const;
    bool holds(const std::string& principal, const std::string& role) const;
};

}  // namespace vanban
