// Checks a commit's signature against the keys the school trusts at that point in history,
// the way git does it: OpenSSH signatures with `ssh-keygen -Y find-principals` and
// `-Y verify` against an allowed_signers file (with valid-after/valid-before judged at the
// commit's time), OpenPGP signatures with gpg in a temporary home holding only the
// repository's keys. The user's own keyring and git configuration are never used.
// Results are cached by commit and trust list: a signature never changes.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "approval/git_repository.h"

namespace vanban {

// The keys trusted at one point in history.
struct TrustedKeys {
    std::string allowed_signers;  // the allowed_signers file's text
    std::string gpg_keys;         // armoured public keys, concatenated
    std::string id() const;       // a hash of both, for caching
};

enum class SignatureStatus { Good, Unsigned, UnknownKey, OutsideValidity, Invalid, Unsupported };

struct SignatureCheck {
    SignatureStatus status = SignatureStatus::Unsigned;
    std::string principal;    // the e-mail the key belongs to
    std::string fingerprint;  // "SHA256:..." (SSH) or the OpenPGP fingerprint
    std::string detail;       // what the verifier said, for messages
    bool transient = false;   // the verifier could not run: not a verdict, never cached
};

class SignatureVerifier {
public:
    // `cache_file`: where results are kept between runs; empty for none.
    explicit SignatureVerifier(std::string cache_file);
    ~SignatureVerifier();
    SignatureVerifier(const SignatureVerifier&) = delete;
    SignatureVerifier& operator=(const SignatureVerifier&) = delete;

    SignatureCheck check(const GitRepository& repo, const std::string& commit_id, int64_t commit_time, const TrustedKeys& keys);

    size_t verified_now() const { return verified_now_; }  // how many needed the external programs

private:
    SignatureCheck verify_ssh(const CommitSignature& sig, int64_t time, const TrustedKeys& keys);
    SignatureCheck verify_gpg(const CommitSignature& sig, const TrustedKeys& keys);
    void save();

    std::string cache_file_;
    std::map<std::string, SignatureCheck> cache_;
    bool dirty_ = false;
    size_t verified_now_ = 0;
    std::string work_dir_;  // temporary files: signatures, allowed_signers, gpg home
    std::mutex mutex_;
};

const char* status_id(SignatureStatus status);

}  // namespace vanban
