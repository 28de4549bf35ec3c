// --lang takes vi or en: anything else, or nothing, is said to be wrong (in both languages,
// since neither was understood), never passed over with the overview or called a command.
#include <doctest/doctest.h>

#include "run_vanban.h"

using namespace vanban::e2e;

TEST_CASE("vanban --lang with a value other than vi or en, or none, is a usage error in both languages") {
    for (const char* args : {"--lang fr", "--lang=fr", "check --lang fr"}) {
        Run r = run_vanban(args);
        INFO(args, r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--lang phải là vi hoặc en, không phải \"fr\"") != std::string::npos);
        CHECK(r.err.find("--lang must be vi or en") != std::string::npos);
        CHECK(r.err.find("Cách dùng") == std::string::npos);
    }
    for (const char* args : {"--lang", "--lang --help", "--lang="}) {
        Run r = run_vanban(args);
        INFO(args, r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--lang cần vi hoặc en") != std::string::npos);
        CHECK(r.err.find("--lang needs vi or en") != std::string::npos);
        CHECK(r.err.find("lệnh không biết") == std::string::npos);
    }
    CHECK(run_vanban("--lang en --help").exit_code == 0);
}
