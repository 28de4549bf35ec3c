// The limits of external programs read from the environment (support/process.h): strict whole
// numbers only, and "out of memory" said only of a program that ran under a memory limit.
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include "support/process.h"

using namespace vanban;

TEST_CASE("parse_whole_number takes decimal digits only") {
    CHECK(parse_whole_number("12") == 12ull);
    CHECK(parse_whole_number("0") == 0ull);
    for (const char* bad : {"", "12abc", "-1", "+3", " 4", "4 ", "0x10", "1.5", "99999999999999999999999"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_whole_number(bad).has_value());
    }
}

TEST_CASE("limit_from_environment ignores a malformed or out-of-range value, and takes a good one") {
    const char* name = "VANBAN_TEST_LIMIT_FROM_ENVIRONMENT";
    for (const char* bad : {"12abc", "-1", "0", "101"}) {
        CAPTURE(bad);
        ::setenv(name, bad, 1);
        CHECK_FALSE(limit_from_environment(name, 100).has_value());
    }
    ::setenv(name, "100", 1);
    CHECK(limit_from_environment(name, 100) == 100ull);
    ::unsetenv(name);
    CHECK_FALSE(limit_from_environment(name, 100).has_value());
}

TEST_CASE("out_of_memory: a crash is lack of memory only for a program run under a memory limit") {
    ProcessResult crashed;
    crashed.started = true;
    crashed.signal = SIGSEGV;
    CHECK_FALSE(out_of_memory(crashed));
    crashed.memory_limited = true;
    CHECK(out_of_memory(crashed));
    ProcessResult said;
    said.started = true;
    said.exit_code = 1;
    said.err = "MemoryError";
    CHECK_FALSE(out_of_memory(said));
    said.memory_limited = true;
    CHECK(out_of_memory(said));
}

TEST_CASE("run_process: a program gets its input when vanban was started with stdin closed") {
    // The first pipe then lands on fd 0; dup2(0, 0) would have left it close-on-exec.
    int saved = ::dup(0);
    REQUIRE(saved >= 0);
    ::close(0);
    ProcessOptions options;
    options.input = "dữ liệu";
    ProcessResult r = run_process({"cat"}, options);
    ::dup2(saved, 0);
    ::close(saved);
    CHECK(r.ok());
    CHECK(r.out == "dữ liệu");
}
