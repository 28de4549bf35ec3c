// What a printed copy (PDF, Word file) may hold of an image: raster files published next to the
// document; everything else becomes words (docx/print_images.h).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "load/published_files.h"
#include "docx/print_images.h"

using namespace vanban;
using nlohmann::json;

TEST_CASE("raster_image_kind knows PNG, JPEG, GIF and WebP by their first bytes, and nothing else") {
    CHECK(raster_image_kind(std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16)) == "PNG");
    CHECK(raster_image_kind("\xff\xd8\xff\xe0") == "JPEG");
    CHECK(raster_image_kind("GIF89a") == "GIF");
    CHECK(raster_image_kind("GIF87a") == "GIF");
    CHECK(raster_image_kind(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) == "WebP");
    CHECK(raster_image_kind("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").empty());
    CHECK(raster_image_kind("<?xml version=\"1.0\"?>").empty());
    CHECK(raster_image_kind(std::string("RIFF\x10\0\0\0AVI ", 12)).empty());
    CHECK(raster_image_kind("\x89PN").empty());
    CHECK(raster_image_kind("").empty());
}

namespace {

json image(const std::string& alt, const std::string& url) {
    json inlines = json::array();
    if (!alt.empty()) inlines.push_back({{"t", "Str"}, {"c", alt}});
    return {{"t", "Image"}, {"c", {{"", json::array(), json::array()}, inlines, {url, ""}}}};
}

json para(json inlines) { return json::array({{{"t", "Para"}, {"c", std::move(inlines)}}}); }

const std::string kRoot = std::string(VANBAN_TEST_DATA) + "/fixtures/clean";
const std::string kDoc = "content/van-ban/2024-2025/cong-van-hoc-lieu.md";

}  // namespace

TEST_CASE("keep_printable_images: a web image becomes its alt text and its address as a link, never an image") {
    json tree = para({image("sân", "https://a.vn/s.png")});
    keep_printable_images(tree, kRoot, kDoc);
    json inlines = tree[0]["c"];
    REQUIRE(inlines.size() == 5);
    CHECK(inlines[0]["c"] == "sân");
    CHECK(inlines[2]["c"] == "(");
    CHECK(inlines[3]["t"] == "Link");
    CHECK(inlines[3]["c"][2][0] == "https://a.vn/s.png");
    CHECK(inlines[4]["c"] == ")");
    CHECK(tree.dump().find("\"Image\"") == std::string::npos);
}

TEST_CASE("keep_printable_images: inside a link the address is text, a refused scheme or a missing file leaves the alt text alone") {
    json link = {{"t", "Link"}, {"c", {{"", json::array(), json::array()}, {image("", "http://a.vn/l.png")}, {"http://a.vn", ""}}}};
    json tree = para({link, image("tệp", "file:///etc/hostname"), image("không có", "khong-co.png")});
    keep_printable_images(tree, kRoot, kDoc);
    json inlines = tree[0]["c"];
    REQUIRE(inlines.size() == 3);
    CHECK(inlines[0]["c"][1][0] == json{{"t", "Str"}, {"c", "http://a.vn/l.png"}});
    CHECK(inlines[1]["c"] == "tệp");
    CHECK(inlines[2]["c"] == "không có");
}
