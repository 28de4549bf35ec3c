#include <doctest/doctest.h>

#include "test_support.h"

using namespace vanban;

static std::vector<Citation> scan(const std::string& text) {
    return test::make_repository({}).citations.scan(text);
}

TEST_CASE("citations in their common forms") {
    auto c = scan("Căn cứ Thông tư số 09/2021/TT-BGDĐT ngày 30/3/2021 của Bộ Giáo dục và Đào tạo;");
    REQUIRE(c.size() == 1);
    CHECK(c[0].type_word == "Thông tư");
    CHECK(c[0].reference() == "09/2021/TT-BGDĐT");
    CHECK(c[0].type_segment == "TT");
    REQUIRE(c[0].date);
    CHECK(*c[0].date == Date{2021, 3, 30});

    c = scan("Kế hoạch số 172/KH-UBND ngày 03 tháng 6 năm 2022 của UBND");
    REQUIRE(c.size() == 1);
    CHECK(*c[0].date == Date{2022, 6, 3});

    c = scan("Công văn số 1950 /SGDĐT-TrH ngày 25 tháng 4 năm 2023");
    REQUIRE(c.size() == 1);
    CHECK(c[0].reference() == "1950/SGDĐT-TrH");
    CHECK(c[0].type_segment == "SGDĐT");

    c = scan("Kế hoạch số 142-KH/HU ngày 30 tháng 12 năm 2022 của Huyện ủy");
    REQUIRE(c.size() == 1);
    CHECK(c[0].reference() == "142-KH/HU");  // the Party form keeps its own separator
    CHECK(c[0].type_segment == "KH");

    c = scan("Thực hiện hướng dẫn 1334/PGDĐT, ngày 11 tháng 9 năm 2023 của Phòng");
    REQUIRE(c.size() == 1);
    CHECK(c[0].type_word == "hướng dẫn");
    CHECK(*c[0].date == Date{2023, 9, 11});
}

TEST_CASE("numbers that are not citations") {
    CHECK(scan("đạt 26/26 giáo viên, tỉ lệ 3/4 học sinh, ngày 30/3/2021").empty());
}

TEST_CASE("the same document has the same key however it is written") {
    auto a = scan("Thông tư 09/2021/TT-BGDĐT");
    auto b = scan("Thông tư số 9/2021/TT-BGDĐT");
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].key() == b[0].key());
    CHECK_FALSE(a[0].date);
}
