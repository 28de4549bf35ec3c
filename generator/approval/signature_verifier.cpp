#include "approval/signature_verifier.h"

#include <stdlib.h>
#include <unistd.h>

#include <xxhash.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

std::string hash_hex(const std::string& text) {
    XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
    char out[33];
    std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(h.high64), static_cast<unsigned long long>(h.low64));
    return out;
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

// ssh-keygen's -Overify-time takes YYYYMMDDHHMMSS (UTC here, with the Z it accepts).
std::string ssh_time(int64_t t) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d%H%M%SZ", &tm);
    return buf;
}

}  // namespace

const char* status_id(SignatureStatus status) {
    switch (status) {
        case SignatureStatus::Good: return "good";
        case SignatureStatus::Unsigned: return "unsigned";
        case SignatureStatus::UnknownKey: return "unknown-key";
        case SignatureStatus::OutsideValidity: return "outside-validity";
        case SignatureStatus::Invalid: return "invalid";
        case SignatureStatus::Unsupported: return "unsupported";
    }
    return "";
}

static SignatureStatus status_from_id(const std::string& id) {
    for (auto s : {SignatureStatus::Good, SignatureStatus::Unsigned, SignatureStatus::UnknownKey, SignatureStatus::OutsideValidity,
                   SignatureStatus::Invalid, SignatureStatus::Unsupported})
        if (id == status_id(s)) return s;
    return SignatureStatus::Invalid;
}

std::string TrustedKeys::id() const { return hash_hex(allowed_signers + "\n--gpg--\n" + gpg_keys); }

SignatureVerifier::SignatureVerifier(std::string cache_file) : cache_file_(std::move(cache_file)) {
    // A fresh folder only this user can enter: files in it are trusted as written here.
    std::string pattern = (fs::temp_directory_path() / "vanban-sig-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("không tạo được thư mục tạm cho việc kiểm tra chữ ký");
    work_dir_ = pattern;
    std::ifstream in(cache_file_);
    std::string line;
    // One line per check: key, status, principal, fingerprint, detail (tab-separated).
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string field;
        while (std::getline(ss, field, '\t')) f.push_back(field);
        if (f.size() >= 4) cache_[f[0]] = {status_from_id(f[1]), f[2], f[3], f.size() > 4 ? f[4] : ""};
    }
}

SignatureVerifier::~SignatureVerifier() {
    save();
    std::error_code ec;
    fs::remove_all(work_dir_, ec);
}

void SignatureVerifier::save() {
    if (!dirty_ || cache_file_.empty()) return;
    std::error_code ec;
    fs::create_directories(fs::path(cache_file_).parent_path(), ec);
    std::string partial = cache_file_ + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(partial, std::ios::binary);
        for (const auto& [key, c] : cache_) {
            std::string detail = c.detail;
            for (char& ch : detail)
                if (ch == '\t' || ch == '\n') ch = ' ';
            out << key << '\t' << status_id(c.status) << '\t' << c.principal << '\t' << c.fingerprint << '\t' << detail << '\n';
        }
    }
    fs::rename(partial, cache_file_, ec);
    dirty_ = false;
}

SignatureCheck SignatureVerifier::check(const GitRepository& repo, const std::string& commit_id, int64_t time, const TrustedKeys& keys) {
    std::string key = commit_id + ":" + keys.id();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    }
    SignatureCheck result;
    auto sig = repo.signature(commit_id);
    if (!sig) {
        result.status = SignatureStatus::Unsigned;
    } else if (sig->signature.find("BEGIN SSH SIGNATURE") != std::string::npos) {
        result = verify_ssh(*sig, time, keys);
    } else if (sig->signature.find("BEGIN PGP SIGNATURE") != std::string::npos) {
        result = verify_gpg(*sig, keys);
    } else {
        result.status = SignatureStatus::Unsupported;
        result.detail = "kiểu chữ ký không được hỗ trợ (chỉ SSH hoặc OpenPGP)";
    }
    std::lock_guard<std::mutex> lock(mutex_);
    ++verified_now_;
    // A missing ssh-keygen or gpg says nothing about the signature: check again next time.
    if (!result.transient) {
        cache_[key] = result;
        dirty_ = true;
    }
    return result;
}

SignatureCheck SignatureVerifier::verify_ssh(const CommitSignature& sig, int64_t time, const TrustedKeys& keys) {
    SignatureCheck result;
    std::string stem = work_dir_ + "/" + hash_hex(sig.signature);
    std::string sig_file = stem + ".sig", signers = work_dir_ + "/" + keys.id() + ".allowed";
    write_file(sig_file, sig.signature);
    if (!fs::exists(signers)) write_file(signers, keys.allowed_signers);
    std::string at = "verify-time=" + ssh_time(time);

    ProcessResult found = run_process({"ssh-keygen", "-Y", "find-principals", "-s", sig_file, "-f", signers, "-O", at});
    if (!found.started) {
        result.status = SignatureStatus::Invalid;
        result.detail = "không chạy được ssh-keygen (" + found.start_error + "); cài gói openssh-client";
        result.transient = true;
        return result;
    }
    if (!found.ok() || found.out.empty()) {
        // ssh-keygen names a known key outside its window: "key has expired" / "key is not yet valid".
        bool window = found.err.find("key has expired") != std::string::npos || found.err.find("not yet valid") != std::string::npos;
        result.status = window ? SignatureStatus::OutsideValidity : SignatureStatus::UnknownKey;
        result.detail = found.err.substr(0, 300);
        return result;
    }
    // A key may be listed for several principals; verify as the first, report them all.
    std::string principals = found.out;
    while (!principals.empty() && principals.back() == '\n') principals.pop_back();
    result.principal = principals.substr(0, principals.find('\n'));
    ProcessOptions options;
    options.input = sig.signed_data;
    ProcessResult verified = run_process({"ssh-keygen", "-Y", "verify", "-f", signers, "-I", result.principal, "-n", "git", "-s", sig_file, "-O", at}, options);
    // "Good "git" signature for x@y with ED25519 key SHA256:..."
    size_t key = verified.out.rfind(" key ");
    if (verified.ok() && key != std::string::npos) {
        result.status = SignatureStatus::Good;
        for (char& c : principals)
            if (c == '\n') c = ',';
        result.principal = principals;
        result.fingerprint = verified.out.substr(key + 5);
        while (!result.fingerprint.empty() && (result.fingerprint.back() == '\n' || result.fingerprint.back() == '\r')) result.fingerprint.pop_back();
    } else {
        result.status = SignatureStatus::Invalid;
        result.detail = (verified.err + verified.out).substr(0, 300);
    }
    return result;
}

SignatureCheck SignatureVerifier::verify_gpg(const CommitSignature& sig, const TrustedKeys& keys) {
    SignatureCheck result;
    if (keys.gpg_keys.empty()) {
        result.status = SignatureStatus::UnknownKey;
        result.detail = "kho không có khóa OpenPGP nào";
        return result;
    }
    // A home of its own per trust list: only the repository's keys, never the user's keyring.
    std::string home = work_dir_ + "/gpg-" + keys.id();
    if (!fs::exists(home)) {
        fs::create_directories(home);
        fs::permissions(home, fs::perms::owner_all);
        write_file(home + "/keys.asc", keys.gpg_keys);
        run_process({"gpg", "--homedir", home, "--batch", "--quiet", "--import", home + "/keys.asc"});
    }
    std::string stem = work_dir_ + "/" + hash_hex(sig.signature);
    write_file(stem + ".asc", sig.signature);
    write_file(stem + ".data", sig.signed_data);
    ProcessResult r = run_process({"gpg", "--homedir", home, "--batch", "--status-fd", "1", "--verify", stem + ".asc", stem + ".data"});
    if (!r.started) {
        result.status = SignatureStatus::Invalid;
        result.detail = "không chạy được gpg (" + r.start_error + "); cài gói gnupg";
        result.transient = true;
        return result;
    }
    // [GNUPG:] VALIDSIG <fingerprint> ...   [GNUPG:] GOODSIG <keyid> Name <email>
    std::istringstream lines(r.out);
    std::string line;
    bool good = false, valid = false, no_key = false, expired = false;
    std::string uid;
    while (std::getline(lines, line)) {
        if (line.rfind("[GNUPG:] GOODSIG ", 0) == 0) {
            good = true;
            uid = line.substr(line.find(' ', 17) + 1);
        } else if (line.rfind("[GNUPG:] VALIDSIG ", 0) == 0) {
            valid = true;
            result.fingerprint = line.substr(18, line.find(' ', 18) - 18);
        } else if (line.rfind("[GNUPG:] NO_PUBKEY", 0) == 0) {
            no_key = true;
        } else if (line.rfind("[GNUPG:] EXPKEYSIG", 0) == 0 || line.rfind("[GNUPG:] REVKEYSIG", 0) == 0) {
            expired = true;
        }
    }
    size_t lt = uid.find('<'), gt = uid.find('>');
    if (lt != std::string::npos && gt != std::string::npos) result.principal = uid.substr(lt + 1, gt - lt - 1);
    if (good && valid) result.status = SignatureStatus::Good;
    else if (no_key) result.status = SignatureStatus::UnknownKey;
    else if (expired) result.status = SignatureStatus::OutsideValidity;
    else result.status = SignatureStatus::Invalid;
    if (result.status != SignatureStatus::Good) result.detail = r.err.substr(0, 300);
    return result;
}

}  // namespace vanban
