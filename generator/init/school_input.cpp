#include "init/school_input.h"

#include <cctype>
#include <filesystem>
#include <iterator>
#include <string_view>

#include "text/markup.h"
#include "text/unicode.h"
#include "text/url.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

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

Message control_character_problem(const std::string& option, const std::string& value) {
    size_t at = find_line_breaking_character(value);
    if (at == std::string::npos) return {};
    std::string code = code_point_name(value, at);
    // Word's Shift+Enter is the one such character people paste without knowing it.
    if (code == "U+000B")
        return {option + " có ký tự điều khiển U+000B (ngắt dòng Shift+Enter chép từ Word); gõ lại giá trị trên một dòng",
                option + " holds the control character U+000B (a Shift+Enter line break copied from Word); type the value again on one line"};
    return {option + " có ký tự điều khiển " + code + " (không nhìn thấy được, hoặc ngắt dòng); gõ lại giá trị trên một dòng",
            option + " holds the control character " + code + " (invisible, or a line break); type the value again on one line"};
}

Message school_fields_problem(SchoolFields& school, std::vector<Message>& notes) {
    struct Field {
        const char* option;
        std::string* value;
    };
    for (Field f : {Field{"--ten", &school.name}, Field{"--co-quan", &school.governing_body}, Field{"--dia-danh", &school.place},
                    Field{"--viet-tat", &school.abbreviation}, Field{"--website", &school.website}}) {
        if (Message problem = control_character_problem(f.option, *f.value); !problem.vi.empty()) return problem;
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
    // The abbreviation is written in capitals in every ký hiệu; "a-b" would be taken as it is.
    if (std::string upper = to_upper(school.abbreviation); upper != school.abbreviation)
        return {"--viet-tat \"" + school.abbreviation + "\" có chữ thường; tên viết tắt viết hoa trong ký hiệu văn bản: dùng " + upper,
                "--viet-tat \"" + school.abbreviation + "\" has lower-case letters; the abbreviation is written in capitals in document symbols: use " +
                    upper};
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
