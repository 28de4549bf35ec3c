#include "init/school_input.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <string_view>

#include "text/unicode.h"
#include "text/url.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

// The first control character of `value` as "U+000B", or empty.
std::string control_character(const std::string& value) {
    for (unsigned char c : value)
        if (c < 0x20 || c == 0x7F) {
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", c);
            return code;
        }
    return {};
}

// Decodes the code point at `i` of well-formed UTF-8 (the values are validated by the caller's
// shell, and a broken byte is then taken as a sign), moving `i` past it.
char32_t next_code_point(const std::string& s, size_t& i) {
    unsigned char lead = static_cast<unsigned char>(s[i]);
    size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? lead : len == 2 ? lead & 0x1F : len == 3 ? lead & 0x0F : lead & 0x07;
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    return cp;
}

// A letter or digit of the abbreviation: ASCII ones, '-', '&', and letters beyond ASCII
// (Đ, Ư…) — not the spaces and signs of Latin-1 and of General Punctuation.
bool abbreviation_character(char32_t c) {
    if (c < 0x80) return std::isalnum(static_cast<int>(c)) || c == '-' || c == '&';
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x206F) && c != 0x3000 && c != 0xFEFF;
}

}  // namespace

Message school_fields_problem(SchoolFields& school, std::vector<Message>& notes) {
    struct Field {
        const char* option;
        std::string* value;
    };
    for (Field f : {Field{"--ten", &school.name}, Field{"--co-quan", &school.governing_body}, Field{"--dia-danh", &school.place},
                    Field{"--viet-tat", &school.abbreviation}, Field{"--website", &school.website}}) {
        if (std::string code = control_character(*f.value); !code.empty())
            return {std::string(f.option) + " có ký tự điều khiển " + code +
                        " (thường do chép từ Word: Shift+Enter là U+000B); gõ lại giá trị trên một dòng",
                    std::string(f.option) + " holds the control character " + code +
                        " (usually copied from Word: Shift+Enter is U+000B); type the value again on one line"};
        // One spelling of each letter: "Trường" typed in decomposed form matches the composed one.
        *f.value = to_nfc(*f.value);
    }
    for (size_t i = 0; i < school.abbreviation.size();) {
        size_t at = i;
        if (!abbreviation_character(next_code_point(school.abbreviation, i))) {
            std::string sign = school.abbreviation.substr(at, i - at);
            std::string shown = sign == " " ? "dấu cách" : "\"" + sign + "\"";
            std::string shown_en = sign == " " ? "a space" : "\"" + sign + "\"";
            return {"--viet-tat có " + shown + "; tên viết tắt đi vào ký hiệu văn bản (12/KH-THCSBM) nên chỉ gồm chữ, số, \"-\" và \"&\", ví dụ THCSBM",
                    "--viet-tat has " + shown_en + "; the abbreviation goes into document symbols (12/KH-THCSBM), so only letters, digits, "
                    "\"-\" and \"&\", e.g. THCSBM"};
        }
    }
    std::string& site = school.website;
    while (!site.empty() && site.back() == '/') site.pop_back();
    if (site.empty()) return {};
    if (site.find_first_of("?#") != std::string::npos)
        return {"--website là địa chỉ trang chủ của trường, không có phần \"?…\" hay \"#…\", ví dụ https://thcsbinhminh.edu.vn",
                "--website is the school's home address, without a \"?…\" or \"#…\" part, e.g. https://thcsbinhminh.edu.vn"};
    // A bare host ("truong.edu.vn") is how an address is usually written down.
    if (site.find("://") == std::string::npos && site.find('.') != std::string::npos && site.find(' ') == std::string::npos) {
        site = "https://" + site;
        notes.push_back({"--website: dùng " + site + " (thêm https://)", "--website: using " + site + " (https:// added)"});
    }
    if (!is_web_address(site))
        return {"--website cần một địa chỉ http:// hoặc https://, ví dụ https://thcsbinhminh.edu.vn",
                "--website needs an http:// or https:// address, e.g. https://thcsbinhminh.edu.vn"};
    return {};
}

Message target_problem(const std::string& dir, const std::vector<SkeletonFile>& files) {
    std::error_code ec;
    for (const auto& f : files) {
        fs::path place = dir;
        fs::path relative(f.path);
        size_t parts = std::distance(relative.begin(), relative.end()), k = 0;
        for (const auto& part : relative) {
            place /= part;
            bool last = ++k == parts;
            fs::file_status status = fs::symlink_status(place, ec);
            if (fs::is_symlink(status))
                return {place.string() + " là liên kết tượng trưng; vanban không ghi qua liên kết (thay bằng thư mục hoặc tệp thật). Chưa ghi tệp nào.",
                        place.string() + " is a symbolic link; vanban writes nothing through a link (replace it by a real folder or file). "
                                         "Nothing was written."};
            if (!fs::exists(status)) break;
            if (!last && !fs::is_directory(status))
                return {place.string() + " đã có và không phải thư mục, nhưng " + f.path + " cần nó là thư mục. Chưa ghi tệp nào.",
                        place.string() + " exists and is not a folder, but " + f.path + " needs it to be one. Nothing was written."};
            if (last && fs::is_directory(status))
                return {place.string() + " là thư mục, nhưng ở đó cần tệp " + f.path + ". Chưa ghi tệp nào.",
                        place.string() + " is a folder, but the file " + f.path + " goes there. Nothing was written."};
        }
    }
    return {};
}

std::string shell_word(const std::string& path) {
    bool safe = !path.empty();
    for (unsigned char c : path)
        if (!(std::isalnum(c) || c >= 0x80 || std::string_view("._/-+,:@%").find(static_cast<char>(c)) != std::string_view::npos)) safe = false;
    if (safe) return path;
    std::string quoted = "'";
    for (char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

}  // namespace vanban
