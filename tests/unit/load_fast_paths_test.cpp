// The faster paths of reading and checking a document against the implementations they
// replaced, kept here as the reference: exhaustive over the short inputs where the tricks can
// go wrong (a special byte at every place of an eight-byte word) and randomized over longer ones.
#include <doctest/doctest.h>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "check/checks.h"
#include "load/document_loader.h"
#include "model/front_matter_schema.h"
#include "text/citation.h"
#include "text/markup.h"
#include "text/numbering.h"
#include "text/unicode.h"
#include "test_support.h"
#include "unicode_reference.h"

using namespace vanban;

namespace {

namespace former {

// scan_utf8 before it looked for control characters: ICU's decoder and normaliser, and
// find_control_character as a second pass.
using ::reference::find_invalid_utf8;
using ::reference::is_nfc;

// is_total_label before it looked at the letter after the T or C.
bool is_total_label(const std::string& label) {
    if (label.empty() || std::strchr("TtCc", label[0]) == nullptr) return false;
    std::string lower = to_lower(label);
    size_t paren = lower.find(" (");
    if (paren != std::string::npos) lower.resize(paren);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
    for (const char* total : {"tổng", "tổng số", "tổng cộng", "cộng", "tổng chung", "cộng chung"})
        if (lower == total) return true;
    return false;
}

int parse_roman(std::string_view s) {
    auto digit = [](char c) {
        switch (c) {
            case 'I': return 1;
            case 'V': return 5;
            case 'X': return 10;
            case 'L': return 50;
            default: return 0;
        }
    };
    int total = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        int v = digit(s[i]);
        if (v == 0) return 0;
        int next = i + 1 < s.size() ? digit(s[i + 1]) : 0;
        total += v < next ? -v : v;
    }
    // Only canonical numerals count ("IIII" or "VX" are not numbering).
    return to_roman(total) == s ? total : 0;
}

std::string_view skip_spaces(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return s.substr(i);
}

bool ends_number(std::string_view t, size_t i) {
    if (i >= t.size() || t[i] == ' ' || t[i] == '\t') return true;
    auto c = static_cast<unsigned char>(t[i]);
    return std::isalpha(c) || c >= 0x80;
}

// parse_heading_number before it copied the text only when it holds no numbering.
HeadingNumber parse_heading_number(std::string_view text) {
    HeadingNumber n;
    n.rest = std::string(text);
    std::string_view t = skip_spaces(text);
    // "PHẦN I. ..." and "Chương 2. ...": the word before the number is part of the numbering.
    size_t prefix = 0;
    for (const char* word : {"PHẦN ", "Phần ", "CHƯƠNG ", "Chương "}) {
        size_t len = std::strlen(word);
        if (t.substr(0, len) == word && t.size() > len && (std::isdigit(static_cast<unsigned char>(t[len])) || std::strchr("IVXL", t[len]))) {
            prefix = len;
            break;
        }
    }
    std::string_view whole = t;
    t = t.substr(prefix);
    auto finish = [&](NumberStyle style, std::vector<int> parts, size_t consumed) {
        n.style = style;
        n.parts = std::move(parts);
        n.written = std::string(whole.substr(0, prefix + consumed));
        n.rest = std::string(skip_spaces(t.substr(consumed)));
        return n;
    };

    // "Điều 3." — articles of a decision.
    if (t.rfind("Điều ", 0) == 0) {
        size_t i = std::strlen("Điều ");
        size_t start = i;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
        if (i > start && i < t.size() && (t[i] == '.' || t[i] == ':'))
            return finish(NumberStyle::Article, {digits_value(t.substr(start, i - start))}, i + 1);
        return n;
    }

    // Arabic, possibly multi-level: 1.  1)  1.2.  1.2.3  (the final dot may be missing on multi-level).
    if (!t.empty() && std::isdigit(static_cast<unsigned char>(t[0]))) {
        std::vector<int> parts;
        size_t i = 0;
        while (true) {
            size_t start = i;
            while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
            if (i == start || i - start > 3) return n;
            parts.push_back(digits_value(t.substr(start, i - start)));
            if (i < t.size() && t[i] == '.' && i + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 1]))) {
                ++i;
                continue;
            }
            break;
        }
        bool closed = i < t.size() && (t[i] == '.' || t[i] == ')');
        bool ends = closed ? ends_number(t, i + 1) : (i >= t.size() || t[i] == ' ');
        if (parts.size() == 1) {
            if (!closed || !ends) return n;
            return finish(NumberStyle::Arabic, parts, i + 1);
        }
        if (!ends) return n;
        return finish(NumberStyle::MultiLevel, parts, i + (closed ? 1 : 0));
    }

    // Roman: "IV." (upper case, canonical).
    {
        size_t i = 0;
        while (i < t.size() && std::strchr("IVXL", t[i]) != nullptr) ++i;
        if (i > 0 && i < t.size() && t[i] == '.' && ends_number(t, i + 1)) {
            int v = parse_roman(t.substr(0, i));
            if (v > 0) return finish(NumberStyle::Roman, {v}, i + 1);
        }
    }

    // Letter: "a)" "b." "đ)"; its value is its place in the Vietnamese alphabet, else the Latin one ("f").
    {
        size_t letter_bytes = 0;
        std::string letter;
        if (t.rfind("đ", 0) == 0) {
            letter_bytes = std::strlen("đ");
            letter = "đ";
        } else if (!t.empty() && t[0] >= 'A' && t[0] <= 'Z' && t.size() > 1 && t[1] == '.') {
            // "A. PHẦN CHUNG": upper-case parts (roman numerals were tried first).
            letter_bytes = 1;
            letter = std::string(1, static_cast<char>(t[0] - 'A' + 'a'));
        } else if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') {
            letter_bytes = 1;
            letter = std::string(1, t[0]);
        }
        if (letter_bytes > 0 && letter_bytes < t.size() && (t[letter_bytes] == ')' || t[letter_bytes] == '.') &&
            (letter_bytes + 1 >= t.size() || t[letter_bytes + 1] == ' ' || (t[letter_bytes] == ')' && ends_number(t, letter_bytes + 1)))) {
            int value = letter_position(letter, Alphabet::Vietnamese);
            n.letter = letter;
            return finish(NumberStyle::Letter, {value > 0 ? value : letter_position(letter, Alphabet::Latin)}, letter_bytes + 1);
        }
    }
    return n;
}

}  // namespace former

void check_scan(const std::string& s) {
    Utf8Scan scan = scan_utf8(s);
    auto old = former::find_invalid_utf8(s);
    REQUIRE(scan.invalid.has_value() == old.has_value());
    if (old) {
        CHECK(scan.invalid->offset == old->offset);
        CHECK(scan.invalid->byte == old->byte);
        return;
    }
    CHECK(scan.nfc == former::is_nfc(s));
    CHECK(scan.first_control == find_control_character(s));
}

// Bytes and sequences around the edges of what scan_utf8 tells apart.
const std::vector<std::string>& pieces() {
    static const std::vector<std::string> p = {
        "a", "Kế hoạch", "ĐẠI", "ư", "\xC3\xA1", " ", "\t", "\n", "\r", "~", std::string(1, '\0'), "\x1f", "\x7f",
        "\x80", "\xC1\xBF", "\xC2\x80", "\xC2\x9F", "\xC2\xA0", "\xCB\xBF", "\xCC\x80", "\xCC\x81", "\xCD\xB4",
        "\xDF\xBF", "\xE0\x9F\xBF", "\xE0\xA0\x80", "\xE2\x80\xA7", "\xE2\x80\xA8", "\xE2\x80\xAE", "\xE2\x80\xAF",
        "\xE2\x81\xA5", "\xE2\x81\xA6", "\xE2\x81\xA9", "\xE2\x81\xAA", "\xE2\x80\x93", "\xED\x9F\xBF", "\xED\xA0\x80",
        "\xEF\xBF\xBD", "\xE3\x80\x80", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
        "\xFF", "\xC3", "\xE1\xBA", "\xF0\x9F\x98", "e\xCC\x81", "\xC3\x80", "\xCB\xBF", "\xE1\xB7\xBF",
        "\xE1\xB8\x80", "\xE1\xBB\xBF", "\xE1\xBC\x80", "\xE1\xBD\xB1", "\xE1\xBA\xC0", "\xE1\xBB"};
    return p;
}

}  // namespace

TEST_CASE("scan_utf8 agrees with ICU and find_control_character with one odd byte anywhere in a word") {
    // Every byte value at every place of texts of 1 to 20 bytes of ASCII, accented letters or both.
    for (const std::string fill : {"a", "ế", "aế"}) {
        for (size_t length = 1; length <= 20; ++length) {
            std::string base;
            while (base.size() < length) base += fill;
            for (size_t at = 0; at < base.size(); ++at)
                for (int b = 0; b < 256; ++b) {
                    std::string s = base;
                    s[at] = static_cast<char>(b);
                    check_scan(s);
                    check_scan(s.substr(0, at + 1));
                }
        }
    }
}

TEST_CASE("scan_utf8 agrees with ICU and find_control_character on every pair of sequences at every offset") {
    for (size_t pad = 0; pad < 9; ++pad)
        for (const auto& a : pieces())
            for (const auto& b : pieces()) check_scan(std::string(pad, 'x') + a + b + std::string(pad % 3, 'y'));
}

TEST_CASE("the letters scan_utf8 takes as NFC without a lookup are stable in NFC") {
    // U+00C0..U+02FF and U+1E00..U+1EFF: NFC_Quick_Check = Yes and combining class 0.
    for (UChar32 c = 0xC0; c <= 0x1EFF; c = c == 0x2FF ? 0x1E00 : c + 1) {
        CAPTURE(c);
        CHECK(u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES);
        CHECK(u_getCombiningClass(c) == 0);
    }
}

TEST_CASE("scan_utf8 agrees with ICU and find_control_character on random texts") {
    // Mostly of valid pieces: a text with a broken one is only scanned up to it.
    std::vector<std::string> valid;
    for (const auto& p : pieces())
        if (!former::find_invalid_utf8(p)) valid.push_back(p);
    std::mt19937 random(2026);
    std::uniform_int_distribution<size_t> pick(0, pieces().size() - 1), pick_valid(0, valid.size() - 1), count(1, 80);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        for (size_t k = count(random); k > 0; --k) s += n % 4 == 0 ? pieces()[pick(random)] : valid[pick_valid(random)];
        check_scan(s);
    }
}

TEST_CASE("scan_utf8 agrees with ICU and find_control_character where its 32-byte steps meet an odd byte") {
    // Vietnamese text that the 32-byte steps take whole, with any byte value put anywhere in its first
    // 72 bytes: in a step, across the end of one, on a letter cut by it.
    const std::string text =
        "Kế hoạch tổ chức Ngày hội đọc sách năm học 2024-2025, TRƯỜNG TIỂU HỌC\nỨng dụng công nghệ thông tin";
    for (size_t at = 0; at < 72; ++at)
        for (int b = 0; b < 256; ++b) {
            std::string s = text;
            s[at] = static_cast<char>(b);
            check_scan(s);
            check_scan(s.substr(at % 11));
        }
    // Long texts of such letters with a few other pieces among them, at every offset of the steps.
    const std::vector<std::string> letters = {"a", "Z", " ", "\n", "ế", "ạ", "Đ", "ư", "ỹ",
                                              "ơ", "ồ", "á", "à",  "1", ".", "ʼ", "Ḁ"};
    std::mt19937 random(16);
    std::uniform_int_distribution<size_t> pick_letter(0, letters.size() - 1), pick(0, pieces().size() - 1),
        count(1, 200);
    std::uniform_int_distribution<int> odd(0, 60);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        for (size_t k = count(random); k > 0; --k)
            s += odd(random) == 0 ? pieces()[pick(random)] : letters[pick_letter(random)];
        check_scan(s);
    }
}

TEST_CASE("is_total_label agrees with lower-casing the whole label, whatever character follows the T or C") {
    // Every character of the BMP and the next plane in the second place, upper and lower case,
    // in the words that make a total and in others.
    for (UChar32 c = 0; c < 0x20000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string ch;
        append_utf8(ch, static_cast<uint32_t>(c));
        for (const char* first : {"T", "c"})
            for (const char* rest : {"ng", "ng cộng (người):"}) {
                std::string label = first + ch + rest;
                CHECK(is_total_label(label) == former::is_total_label(label));
            }
    }
    for (const std::string& label : std::vector<std::string>{"Tổng", "TỔNG SỐ:", "Tổng cộng (người)", "CỘNG", "cộng chung ", "Tổng phụ trách Đội",
                                    "Cộng tác viên", "Tổ", "T", "", std::string("\0\xE1\xBB\x95ng", 6), "To\xCC\x82\xCC\x89ng"})
        CHECK(is_total_label(label) == former::is_total_label(label));
    CHECK(is_total_label("TỔNG CỘNG:"));
    CHECK_FALSE(is_total_label("Tháng 9"));
}

TEST_CASE("lower case begins with an ASCII byte only for ASCII, the Kelvin sign and İ (the citation scanner relies on it)") {
    for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string ch;
        append_utf8(ch, static_cast<uint32_t>(c));
        auto lower = static_cast<unsigned char>(to_lower(ch + "x")[0]);
        auto first = static_cast<unsigned char>(ch[0]);
        if (c < 0x80) CHECK(lower == (first >= 'A' && first <= 'Z' ? first - 'A' + 'a' : first));
        else if (lower < 0x80) CHECK((first == 0xE2 || first == 0xC4));
    }
    // A candidate cut out of the text may start inside a character.
    for (int b = 0x80; b < 0x100; ++b) CHECK(static_cast<unsigned char>(to_lower(std::string(1, static_cast<char>(b)) + "x")[0]) >= 0x80);
}

namespace {

void check_number(const std::string& text) {
    HeadingNumber fast = parse_heading_number(text), old = former::parse_heading_number(text);
    CHECK(fast.style == old.style);
    CHECK(fast.parts == old.parts);
    CHECK(fast.letter == old.letter);
    CHECK(fast.written == old.written);
    CHECK(fast.rest == old.rest);
}

}  // namespace

TEST_CASE("parse_heading_number reads every numbering as before") {
    // Every combination of a lead, a number, its closing and what follows, and random mixes.
    const std::vector<std::string> leads = {"", " ", "\t ", "PHẦN ", "Phần ", "CHƯƠNG ", "Chương ", "Điều ", "P", "C",
                                            "PHẦN", "Chương  ", "Pha "},
                                   numbers = {"", "1", "12", "123", "1234", "0", "1.2", "1.2.3", "1.", "IV", "IIII", "XL",
                                              "VX", "a", "đ", "A", "f", "z", "Đ", "99999999999"},
                                   closings = {"", ".", ")", ":", " ", ".)", "..", "/"},
                                   tails = {"", " Mục tiêu", "Mục", "x", "ế", "1", " ", "  a", std::string(1, '\0')};
    for (const auto& l : leads)
        for (const auto& n : numbers)
            for (const auto& c : closings)
                for (const auto& t : tails) check_number(l + n + c + t);
    const std::vector<std::string> bits = {"1", "2", "0", ".", ")", " ", "I", "V", "X", "L", "a", "đ", "B", "P", "C",
                                           "HẦN ", "hương ", "Điều ", "ế", ":", "\t"};
    std::mt19937 random(7);
    std::uniform_int_distribution<size_t> pick(0, bits.size() - 1), count(0, 12);
    for (int k = 0; k < 20000; ++k) {
        std::string s;
        for (size_t m = count(random); m > 0; --m) s += bits[pick(random)];
        check_number(s);
    }
}

namespace {
namespace former {

// The front-matter fields as load_document read them before, each by YAML::Node's lookup.
std::string scalar(const YAML::Node& map, const char* key) {
    YAML::Node n = map[key];
    return n && n.IsScalar() ? n.Scalar() : std::string();
}

std::optional<int> positive_integer(const YAML::Node& fm, Field field) {
    std::optional<int> n = yaml_integer(fm[field_key(field)]);
    return n && *n >= 1 ? n : std::nullopt;
}

std::vector<std::string> text_list(const YAML::Node& fm, Field field) {
    const FieldSpec& spec = field_spec(field);
    YAML::Node node = fm[spec.key];
    std::vector<std::string> out;
    if (!node) return out;
    if (node.IsScalar()) {
        if (spec.kind == FieldKind::TextOrList && !node.Scalar().empty()) out.push_back(node.Scalar());
        return out;
    }
    if (!node.IsSequence()) return out;
    for (const auto& item : node) {
        if (!item.IsScalar() || item.Scalar().empty()) return {};
        out.push_back(item.Scalar());
    }
    return out;
}

bool is_map(const YAML::Node& fm, Field field) {
    YAML::Node n = fm[field_key(field)];
    return n && n.IsMap();
}

}  // namespace former
}  // namespace

TEST_CASE("load_document reads the front-matter fields as YAML::Node's lookups find them") {
    // Duplicate keys (the first counts), keys that are not scalars, aliases, values of the wrong kind.
    const std::vector<std::string> front_matters = {
        "loai: ke-hoach\nso: 12\nngay: 2024-09-20\ntrich_yeu: \"Một\"\ntrich_yeu: \"Hai\"\n",
        "loai: ke-hoach\nso: 0\n? [trich_yeu]\n: \"Danh sách\"\ntrich_yeu: Ba\nnoi_nhan: [\"Lưu: VT.\", \"Phòng\"]\n",
        "loai: &t ke-hoach\nso: \"07\"\nnguoi_ky: {chuc_vu: HIỆU TRƯỞNG, ho_ten: An}\nnguoi_ky: {ho_ten: Bình}\nx: *t\n",
        "loai: cong-van\nso: 3\nkinh_gui: Phòng GD&ĐT\nky_hieu: KH-THCSTN\ntieu_de: Trang\nthu_tu: 4\ndanh_muc: a\n",
        "loai: ke-hoach\nso: [1]\nngay: {a: 1}\nnoi_nhan: \"\"\nco_quan_ban_hanh: {ten: SỞ, dia_danh: Thử}\n",
        "~: x\n1: y\nloai: ke-hoach\nduyet_cap_tren: {tieu_de: PHÊ DUYỆT, ngay: 2024-10-01, ho_ten: C}\n",
        "loai: ke-hoach\nso: 5\nky_hieu: 5/KH-X\nthu_tu: -2\nnoi_nhan: [a, [b]]\nnam_hoc: 2024-2025\n",
        "loai: khong-co\nnoi_nhan: Một dòng\nkinh_gui: [A, B]\nso: 9\nso: 10\n", ""};
    Repository repo = test::make_repository({});
    for (const auto& text : front_matters) {
        CAPTURE(text);
        Document doc = load_document("plans/a.md", "---\n" + text + "---\n\n# I. Mục đích\n", repo.types, repo.school);
        REQUIRE(doc.front.valid);
        const YAML::Node fm = doc.front.root;
        CHECK(doc.type_id == former::scalar(fm, field_key(Field::Type)));
        CHECK(doc.number == former::positive_integer(fm, Field::Number));
        CHECK(doc.date == parse_iso_date(former::scalar(fm, field_key(Field::Date))));
        std::optional<SchoolYear> year = parse_school_year(former::scalar(fm, field_key(Field::SchoolYear)));
        CHECK(doc.school_year.has_value() == year.has_value());
        if (year && doc.school_year) CHECK(doc.school_year->first_year == year->first_year);
        CHECK(doc.subject == former::scalar(fm, field_key(Field::Subject)));
        CHECK(doc.category == former::scalar(fm, field_key(Field::Category)));
        CHECK(doc.page_title == former::scalar(fm, field_key(Field::PageTitle)));
        CHECK(doc.menu_order == former::positive_integer(fm, Field::MenuOrder).value_or(0));
        CHECK(doc.recipients == former::text_list(fm, Field::Recipients));
        CHECK(doc.addressees == former::text_list(fm, Field::Addressees));
        CHECK(doc.issuing_body.has_value() == former::is_map(fm, Field::IssuingBody));
        CHECK(doc.superior_approval.has_value() == former::is_map(fm, Field::SuperiorApproval));
        if (former::is_map(fm, Field::Signer)) {
            YAML::Node signer = fm[field_key(Field::Signer)];
            CHECK(doc.signer.name == former::scalar(signer, part::kName));
            CHECK(doc.signer.position == former::scalar(signer, part::kPosition));
        } else {
            CHECK(doc.signer.name.empty());
        }
    }
}

TEST_CASE("the citation scanner finds a citation whatever precedes it, at every offset of its eight- and sixteen-byte steps") {
    CitationScanner scanner = test::make_repository({}).citations;
    const std::string citation = "Thông tư số 09/2021/TT-BGDĐT ngày 30/3/2021 của Bộ; Kế hoạch số 172/KH-UBND";
    const std::vector<Citation> alone = scanner.scan(citation);
    REQUIRE(alone.size() == 2);
    // Fillers of ASCII, accented letters, and digits that start no citation ("x7", "7.5", "a/3").
    for (const std::string unit : {"a", "ế", "x7 ", "7.5 ", "a/3 ", "0", "đ9"})
        for (size_t bytes = 0; bytes <= 40; ++bytes) {
            std::string filler;
            while (filler.size() < bytes) filler += unit;
            std::string text = filler + " " + citation + " " + std::string(bytes % 17, ' ') + filler;
            CAPTURE(text);
            std::vector<Citation> found = scanner.scan(text);
            for (const Citation& want : alone) {
                auto same = [&](const Citation& c) {
                    return c.reference() == want.reference() && c.offset == want.offset + filler.size() + 1 && c.date == want.date;
                };
                CHECK(std::count_if(found.begin(), found.end(), same) == 1);
            }
        }
}
