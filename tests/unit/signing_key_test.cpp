// approval/signing_key.h: which principals an allowed_signers text gives to a key.
#include <doctest/doctest.h>

#include "approval/signing_key.h"

using namespace vanban;

namespace {

const std::string kKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ1";
const std::string kOther = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK2";
constexpr std::time_t kNow = 1764547200;  // 2025-12-01

}  // namespace

TEST_CASE("key_holders: the principals of the lines with the key, with quoted options and comments") {
    std::string signers = "# khóa của trường\n"
                          "ht@truong.vn,hieu-truong@truong.vn namespaces=\"git,file\" " + kKey + " ht laptop\n"
                          "pht@truong.vn " + kOther + "\n"
                          "\n";
    KeyHolders h = key_holders(signers, kKey, kNow);
    CHECK(h.principals == std::vector<std::string>{"ht@truong.vn", "hieu-truong@truong.vn"});
    CHECK(h.expired.empty());
    CHECK(key_holders(signers, "ssh-ed25519 AAAAnone", kNow).principals.empty());
}

TEST_CASE("key_holders: a line whose valid-before has passed holds the key no more") {
    std::string signers = "cu@truong.vn namespaces=\"git\",valid-before=\"20200101\" " + kKey + "\n"
                          "moi@truong.vn valid-before=\"20990101\" " + kOther + "\n";
    KeyHolders old = key_holders(signers, kKey, kNow);
    CHECK(old.principals.empty());
    CHECK(old.expired == std::vector<std::string>{"cu@truong.vn"});
    CHECK(key_holders(signers, kOther, kNow).principals == std::vector<std::string>{"moi@truong.vn"});
}

TEST_CASE("principal_matches: allowed_signers patterns") {
    CHECK(principal_matches("ht@truong.vn", "ht@truong.vn"));
    CHECK(principal_matches("*@truong.vn", "ht@truong.vn"));
    CHECK_FALSE(principal_matches("ht@truong.vn", "pht@truong.vn"));
}
