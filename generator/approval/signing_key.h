// Whose key will sign an approval commit, known before the commit is made: the key git is set
// to sign with (SSH or OpenPGP), looked up in the keys that history trusts. `vanban approve`
// refuses early, naming the key and the role, instead of making a commit that is then refused.
#pragma once

#include <ctime>
#include <string>
#include <vector>

namespace vanban {

struct SigningKey {
    std::string public_key;   // "ssh-ed25519 AAAA…" (type and key, no comment); empty when unreadable
    std::string fingerprint;  // "SHA256:…", as `vanban status` shows it
};

// The public half of git's user.signingkey for SSH signing: a literal "key::ssh-…", a public
// key file, or a private key file with its ".pub" beside it (or derived with ssh-keygen -y
// when it has no passphrase). Relative paths are taken from `root`, "~/" from $HOME.
SigningKey ssh_signing_key(const std::string& configured, const std::string& root);

struct KeyHolders {
    std::vector<std::string> principals;  // the principal patterns of the lines with this key, valid now
    std::vector<std::string> expired;     // ... of those whose valid-before has passed
};

// The lines of an allowed_signers text that hold `public_key`.
KeyHolders key_holders(const std::string& allowed_signers, const std::string& public_key, std::time_t now);

// The fingerprints (primary key and subkeys) of git's user.signingkey for OpenPGP signing, as
// the user's own gpg keyring knows it (the key git will sign with); empty when gpg has none.
std::vector<std::string> gpg_signing_fingerprints(const std::string& configured);

// The e-mail addresses of the trusted armoured keys that hold one of `fingerprints` — the
// principal the verifier will read from the signature (approval/signature_verifier.h).
KeyHolders gpg_key_holders(const std::string& armoured_keys, const std::vector<std::string>& fingerprints);

// Whether a principal pattern of allowed_signers ("*@truong.vn", "ht@truong.vn") names `principal`.
bool principal_matches(const std::string& pattern, const std::string& principal);

}  // namespace vanban
