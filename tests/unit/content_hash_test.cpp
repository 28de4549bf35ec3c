// support/content_hash: a file streamed through the hash gives what its whole content gives.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "support/content_hash.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace vanban;
using vanban::test::Scratch;
using vanban::test::write;

TEST_CASE("add_file hashes a file as add hashes its content, read a piece at a time") {
    Scratch s;
    std::string big;
    for (int i = 0; i < 300000; ++i) big += static_cast<char>(i * 7 + i / 256);  // past one read
    for (const std::string& content : {std::string(), std::string("một"), big}) {
        write(s.path / "tep", content);
        CHECK(ContentHash().add_file((s.path / "tep").string()).hex() == ContentHash().add(content).hex());
    }
    // The executable itself, as program_identity reads it.
    CHECK(ContentHash().add_file("/proc/self/exe").hex() == ContentHash().add(vanban::test::read("/proc/self/exe")).hex());
}

TEST_CASE("add_file takes what is not a readable file as empty, and a FIFO does not hold it") {
    Scratch s;
    const std::string empty = ContentHash().add(std::string()).hex();
    CHECK(ContentHash().add_file((s.path / "khong-co").string()).hex() == empty);
    fs::create_directories(s.path / "thu-muc");
    CHECK(ContentHash().add_file((s.path / "thu-muc").string()).hex() == empty);
    REQUIRE(::mkfifo((s.path / "ong").c_str(), 0600) == 0);
    CHECK(ContentHash().add_file((s.path / "ong").string()).hex() == empty);
}
