// The school in vanban.yaml: the levels it may name (one list for the loader, `vanban init` and
// the site) and optional fields written as spaces only.
#include <doctest/doctest.h>

#include "load/repository.h"
#include "model/school.h"

using namespace vanban;

TEST_CASE("school levels: one list, with the names the site prints") {
    CHECK(school_level_codes() == "MN, TH, THCS, THPT, TH-THCS, THCS-THPT, TH-THCS-THPT, GDTX");
    CHECK(known_level("TH-THCS"));
    CHECK_FALSE(known_level("THCS "));
    CHECK_FALSE(known_level("thcs"));
    REQUIRE(find_school_level("THCS"));
    CHECK(std::string(find_school_level("THCS")->name) == "Trung học cơ sở");
    std::vector<Diagnostic> problems;
    load_school("vanban.yaml", YAML::Load("truong:\n  ten: T\n  viet_tat: T\n  co_quan_chu_quan: P\n  dia_danh: X\n  cap_hoc: CD\n"), problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].hint.vi == "Dùng một trong MN, TH, THCS, THPT, TH-THCS, THCS-THPT, TH-THCS-THPT, GDTX.");
}

TEST_CASE("a school field of spaces only is left out like an empty one") {
    std::vector<Diagnostic> problems;
    School school = load_school("vanban.yaml",
                                YAML::Load("truong:\n  ten: T\n  viet_tat: T\n  co_quan_chu_quan: P\n  dia_danh: X\n  cap_hoc: THCS\n"
                                           "  dia_chi: \"  \"\n  dien_thoai: \"\\t \"\n  email: \" \"\n  website: \"   \"\n"),
                                problems);
    CHECK(problems.empty());
    CHECK(school.address.empty());
    CHECK(school.phone.empty());
    CHECK(school.email.empty());
    CHECK(school.website.empty());
    school = load_school("vanban.yaml",
                         YAML::Load("truong:\n  ten: T\n  viet_tat: T\n  co_quan_chu_quan: P\n  dia_danh: X\n  cap_hoc: THCS\n"
                                    "  dia_chi: \"Số 1, đường A\"\n"),
                         problems);
    CHECK(school.address == "Số 1, đường A");
}
