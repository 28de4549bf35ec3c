#include "approval/signing_key.h"

#include <fnmatch.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

bool is_key_type(const std::string& token) {
    return token.rfind("ssh-", 0) == 0 || token.rfind("ecdsa-sha2-", 0) == 0 || token.rfind("sk-ssh-", 0) == 0 ||
           token.rfind("sk-ecdsa-", 0) == 0;
}

// A line's words; double quotes keep spaces inside an option (namespaces="git file").
std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::string word;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        if ((c == ' ' || c == '\t') && !quoted) {
            if (!word.empty()) out.push_back(word), word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(word);
    return out;
}

// "ssh-ed25519 AAAA… comment" → "ssh-ed25519 AAAA…"; empty when the text holds no public key.
std::string type_and_key(const std::string& text) {
    std::vector<std::string> w = words(text.substr(0, text.find('\n')));
    for (size_t i = 0; i + 1 < w.size(); ++i)
        if (is_key_type(w[i])) return w[i] + " " + w[i + 1];
    return "";
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// "20240101" or "20240101093000" (UTC with a Z, local time without: near enough for a warning).
bool in_the_past(std::string when, std::time_t now) {
    if (!when.empty() && when.back() == 'Z') when.pop_back();
    while (when.size() < 14) when += '0';
    char text[32];
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(text, sizeof text, "%Y%m%d%H%M%S", &tm);
    return when <= std::string(text);
}

// A field of gpg's --with-colons output (1-based, as gpg's documentation numbers them).
std::string colon_field(const std::string& line, size_t n) {
    size_t start = 0;
    for (size_t i = 1; i < n; ++i) {
        start = line.find(':', start);
        if (start == std::string::npos) return "";
        ++start;
    }
    return line.substr(start, line.find(':', start) - start);
}

}  // namespace

SigningKey ssh_signing_key(const std::string& configured, const std::string& root) {
    SigningKey key;
    if (configured.rfind("key::", 0) == 0) {
        key.public_key = type_and_key(configured.substr(5));
    } else if (!type_and_key(configured).empty()) {
        key.public_key = type_and_key(configured);  // git also takes the key itself, without key::
    } else {
        fs::path path = configured;
        const char* home = std::getenv("HOME");
        if (configured.rfind("~/", 0) == 0 && home) path = fs::path(home) / configured.substr(2);
        else if (path.is_relative()) path = fs::path(root) / path;
        std::error_code ec;
        key.public_key = type_and_key(read_text(path));
        if (key.public_key.empty() && fs::is_regular_file(path.string() + ".pub", ec)) key.public_key = type_and_key(read_text(path.string() + ".pub"));
        if (key.public_key.empty()) {
            // A private key without its .pub beside it; -P "" so that one with a passphrase fails instead of asking.
            ProcessResult derived = run_process({"ssh-keygen", "-y", "-P", "", "-f", path.string()});
            if (derived.ok()) key.public_key = type_and_key(derived.out);
        }
    }
    if (key.public_key.empty()) return key;
    ProcessOptions options;
    options.input = key.public_key + "\n";
    ProcessResult listed = run_process({"ssh-keygen", "-l", "-f", "-"}, options);
    std::vector<std::string> w = words(listed.out);
    if (listed.ok() && w.size() >= 2) key.fingerprint = w[1];
    return key;
}

KeyHolders key_holders(const std::string& allowed_signers, const std::string& public_key, std::time_t now) {
    KeyHolders holders;
    std::istringstream lines(allowed_signers);
    std::string line;
    while (std::getline(lines, line)) {
        std::vector<std::string> w = words(line);
        if (w.empty() || w[0][0] == '#') continue;
        size_t type = 1;
        while (type < w.size() && !is_key_type(w[type])) ++type;
        if (type + 1 >= w.size() || w[type] + " " + w[type + 1] != public_key) continue;
        bool expired = false;
        for (size_t i = 1; i < type; ++i) {
            size_t at = w[i].find("valid-before=");
            if (at == std::string::npos) continue;
            std::string when = w[i].substr(at + 13);
            if (!when.empty() && when[0] == '"') when = when.substr(1, when.find('"', 1) - 1);
            expired |= in_the_past(when, now);
        }
        std::stringstream names(w[0]);
        for (std::string name; std::getline(names, name, ',');) (expired ? holders.expired : holders.principals).push_back(name);
    }
    return holders;
}

std::vector<std::string> gpg_signing_fingerprints(const std::string& configured) {
    std::vector<std::string> out;
    ProcessResult listed = run_process({"gpg", "--batch", "--with-colons", "--list-secret-keys", "--", configured});
    std::istringstream lines(listed.out);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("fpr:", 0) == 0) out.push_back(colon_field(line, 10));
    return out;
}

KeyHolders gpg_key_holders(const std::string& armoured_keys, const std::vector<std::string>& fingerprints) {
    KeyHolders holders;
    if (armoured_keys.empty() || fingerprints.empty()) return holders;
    // A home of its own holding only the trusted keys, as the verifier reads them.
    std::string home = (fs::temp_directory_path() / "vanban-gpg-XXXXXX").string();
    if (!::mkdtemp(home.data())) return holders;
    ProcessOptions input;
    input.input = armoured_keys;
    run_process({"gpg", "--homedir", home, "--batch", "--quiet", "--import"}, input);
    ProcessResult listed = run_process({"gpg", "--homedir", home, "--batch", "--with-colons", "--list-keys"});
    std::error_code ec;
    fs::remove_all(home, ec);
    // Each "pub" starts a key; its fpr lines (the key's and its subkeys') and uid lines follow.
    std::istringstream lines(listed.out);
    std::vector<std::string> emails;
    bool ours = false;
    auto close_key = [&] {
        if (ours) holders.principals.insert(holders.principals.end(), emails.begin(), emails.end());
        emails.clear();
        ours = false;
    };
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("pub:", 0) == 0) close_key();
        else if (line.rfind("fpr:", 0) == 0) ours |= std::find(fingerprints.begin(), fingerprints.end(), colon_field(line, 10)) != fingerprints.end();
        else if (line.rfind("uid:", 0) == 0) {
            std::string uid = colon_field(line, 10);
            size_t lt = uid.find('<'), gt = uid.find('>');
            if (lt != std::string::npos && gt != std::string::npos) emails.push_back(uid.substr(lt + 1, gt - lt - 1));
        }
    }
    close_key();
    return holders;
}

bool principal_matches(const std::string& pattern, const std::string& principal) {
    return ::fnmatch(pattern.c_str(), principal.c_str(), 0) == 0;
}

}  // namespace vanban
