#include "support/error_text.h"

#include <yaml-cpp/exceptions.h>

#include <cerrno>
#include <filesystem>
#include <new>
#include <regex>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace vanban {

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

Message yaml_syntax_message(const std::string& m) {
    namespace E = YAML::ErrorMsg;
    if (starts_with(m, E::INVALID_ESCAPE))
        return {"chuỗi trong ngoặc kép có dấu \\ không hợp lệ; dùng ngoặc đơn hoặc bỏ dấu \\",
                "a double-quoted string has an invalid \\ escape; use single quotes or remove the \\"};
    if (starts_with(m, E::INVALID_UNICODE) || starts_with(m, E::INVALID_HEX))
        return {"chuỗi trong ngoặc kép có mã \\x, \\u hoặc \\U không hợp lệ; dùng ngoặc đơn hoặc gõ thẳng ký tự",
                "a double-quoted string has an invalid \\x, \\u or \\U code; use single quotes or type the character itself"};
    if (m == E::EOF_IN_SCALAR || m == E::DOC_IN_SCALAR)
        return {"chuỗi trong ngoặc chưa được đóng: thiếu dấu ngoặc kép (hoặc ngoặc đơn) kết thúc",
                "a quoted string is not closed: the closing quote is missing"};
    if (m == E::SINGLE_QUOTED_CHAR || m == E::CHAR_IN_SCALAR)
        return {"chuỗi trong ngoặc có ký tự không hợp lệ", "a quoted string holds a character YAML does not allow"};
    if (m == E::TAB_IN_INDENTATION)
        return {"dòng được thụt lề bằng phím Tab; YAML chỉ cho phép dấu cách", "a line is indented with a tab; YAML allows only spaces"};
    if (m == E::END_OF_MAP_FLOW || m == E::END_OF_SEQ_FLOW || m == E::FLOW_END)
        return {"dấu ngoặc [ ] hoặc { } không khớp nhau", "brackets [ ] or braces { } do not match"};
    if (m == E::END_OF_MAP || m == E::END_OF_SEQ || m == E::MAP_KEY || m == E::MAP_VALUE || m == E::BLOCK_ENTRY)
        return {"thụt lề không đều hoặc dấu hai chấm, dấu gạch đầu dòng đặt sai chỗ (giá trị có dấu \":\" cần đặt trong ngoặc kép)",
                "uneven indentation, or a colon or dash in the wrong place (quote a value that contains \":\")"};
    if (m == E::ALIAS_NOT_FOUND || m == E::ANCHOR_NOT_FOUND || m == E::CHAR_IN_ALIAS || m == E::CHAR_IN_ANCHOR ||
        m == E::UNKNOWN_ANCHOR || m == E::MULTIPLE_ANCHORS || m == E::MULTIPLE_ALIASES || m == E::ALIAS_CONTENT ||
        m == E::AMBIGUOUS_ANCHOR)
        return {"giá trị bắt đầu bằng * hoặc & (ký hiệu neo của YAML); đặt giá trị trong ngoặc kép",
                "a value starts with * or & (a YAML anchor or alias); put the value in quotes"};
    if (m == E::CHAR_IN_TAG_HANDLE || m == E::TAG_WITH_NO_SUFFIX || m == E::END_OF_VERBATIM_TAG || m == E::MULTIPLE_TAGS)
        return {"giá trị bắt đầu bằng ! (thẻ kiểu của YAML); đặt giá trị trong ngoặc kép",
                "a value starts with ! (a YAML tag); put the value in quotes"};
    if (m == E::ZERO_INDENT_IN_BLOCK || m == E::CHAR_IN_BLOCK)
        return {"khối chữ nhiều dòng (| hoặc >) viết sai: sau dấu | hoặc > chỉ được xuống dòng, các dòng chữ thụt lề đều",
                "a multi-line block (| or >) is malformed: only a line break may follow | or >, and its lines are indented alike"};
    if (starts_with(m, E::YAML_VERSION) || m == E::YAML_DIRECTIVE_ARGS || m == E::YAML_MAJOR_VERSION || m == E::REPEATED_YAML_DIRECTIVE ||
        m == E::TAG_DIRECTIVE_ARGS || m == E::REPEATED_TAG_DIRECTIVE)
        return {"dòng bắt đầu bằng % (chỉ thị YAML) không hợp lệ; đặt giá trị trong ngoặc kép",
                "a line starting with % (a YAML directive) is invalid; put the value in quotes"};
    // yaml-cpp 0.7 stops nesting deeper than 2000 levels (its DeepRecursion) with this text.
    if (m == E::BAD_FILE)
        return {"danh sách hoặc bảng lồng nhau quá sâu (quá 2000 cấp)", "lists or mappings nested too deep (over 2000 levels)"};
    return {"cú pháp YAML không hợp lệ", "invalid YAML syntax"};
}

Message yaml_structure_message(const std::string& m) {
    namespace E = YAML::ErrorMsg;
    if (starts_with(m, E::BAD_CONVERSION))
        return {"một giá trị không đúng kiểu (ví dụ chữ ở chỗ cần số, hoặc danh sách ở chỗ cần một giá trị)",
                "a value has the wrong type (text where a number belongs, or a list where one value belongs)"};
    if (starts_with(m, E::BAD_SUBSCRIPT) || starts_with(m, E::INVALID_NODE) || starts_with(m, E::BAD_DEREFERENCE) ||
        starts_with(m, E::KEY_NOT_FOUND))
        return {"một mục không đúng cấu trúc (ví dụ một giá trị ở chỗ cần các dòng con \"khóa: giá trị\", hoặc ngược lại)",
                "an entry has the wrong structure (one value where \"key: value\" lines belong, or the other way round)"};
    return {"cấu trúc YAML không đúng mẫu", "unexpected YAML structure"};
}

std::string mustache_error_message(const std::string& m) {
    static const std::regex unclosed_tag(R"re(^Unclosed tag at (\d+)$)re"), delimiter(R"re(^Invalid set delimiter tag at (\d+)$)re"),
        unopened(R"re(^Unopened section "([^"]*)" at (\d+)$)re"), unclosed(R"re(^Unclosed section "([^"]*)" at (\d+)$)re");
    std::smatch x;
    if (std::regex_match(m, x, unclosed_tag)) return "thẻ {{ ở ký tự thứ " + x[1].str() + " chưa có }} đóng";
    if (std::regex_match(m, x, delimiter)) return "thẻ đổi dấu {{= … =}} ở ký tự thứ " + x[1].str() + " viết sai";
    if (std::regex_match(m, x, unopened)) return "{{/" + x[1].str() + "}} ở ký tự thứ " + x[2].str() + " không có {{#" + x[1].str() + "}} mở trước";
    if (std::regex_match(m, x, unclosed)) return "{{#" + x[1].str() + "}} ở ký tự thứ " + x[2].str() + " chưa được đóng bằng {{/" + x[1].str() + "}}";
    return "mẫu viết sai cú pháp mustache";
}

Message system_error_message(const std::error_code& code, const std::string& path) {
    std::string p = path.empty() ? std::string() : " " + path;
    if (code.category() == std::generic_category() || code.category() == std::system_category()) {
        switch (code.value()) {
            case ENOENT: return {"không tìm thấy" + p, "not found:" + p};
            case EACCES:
            case EPERM: return {"không có quyền đọc hoặc ghi" + p, "permission denied:" + p};
            case ENOSPC: return {"đĩa đã đầy, không ghi được" + p, "no space left on the disk for" + p};
            case EDQUOT: return {"đã hết hạn mức đĩa, không ghi được" + p, "disk quota exceeded for" + p};
            case EROFS: return {"ổ đĩa chỉ đọc, không ghi được" + p, "read-only file system:" + p};
            case EEXIST: return {"đã có sẵn" + p, "already exists:" + p};
            case ENOTDIR: return {"một phần của đường dẫn không phải thư mục:" + p, "a part of the path is not a folder:" + p};
            case EISDIR: return {"là một thư mục, không phải tệp:" + p, "is a folder, not a file:" + p};
            case ENOTEMPTY: return {"thư mục không trống:" + p, "folder not empty:" + p};
            case ELOOP: return {"liên kết tượng trưng tạo thành vòng lặp:" + p, "symbolic links form a loop:" + p};
            case ENAMETOOLONG: return {"tên tệp hoặc đường dẫn quá dài:" + p, "file name or path too long:" + p};
            case EMFILE:
            case ENFILE: return {"mở quá nhiều tệp cùng lúc khi đọc" + p, "too many open files while reading" + p};
            case EIO: return {"lỗi đọc ghi đĩa ở" + p, "input/output error on" + p};
            case EXDEV: return {"không chuyển được giữa hai ổ đĩa khác nhau:" + p, "cannot move across file systems:" + p};
            default: break;
        }
    }
    return {"lỗi hệ thống (mã " + std::to_string(code.value()) + ") với" + p,
            "system error (code " + std::to_string(code.value()) + ") on" + p};
}

Message describe_exception(const std::exception& e) {
    if (const auto* fs_error = dynamic_cast<const std::filesystem::filesystem_error*>(&e)) {
        std::string path = fs_error->path1().empty() ? std::string() : fs_error->path1().string();
        return system_error_message(fs_error->code(), path);
    }
    if (const auto* system = dynamic_cast<const std::system_error*>(&e)) return system_error_message(system->code(), "");
    if (const auto* parse = dynamic_cast<const YAML::ParserException*>(&e)) {
        Message m = yaml_syntax_message(parse->msg);
        return {"YAML không hợp lệ ở dòng " + std::to_string(parse->mark.line + 1) + ": " + m.vi,
                "invalid YAML on line " + std::to_string(parse->mark.line + 1) + ": " + m.en};
    }
    if (const auto* yaml = dynamic_cast<const YAML::Exception*>(&e)) return yaml_structure_message(yaml->msg);
    if (dynamic_cast<const nlohmann::json::exception*>(&e))
        return {"dữ liệu JSON không đọc hoặc ghi được (có thể do chữ không phải UTF-8)",
                "JSON data could not be read or written (possibly text that is not UTF-8)"};
    if (dynamic_cast<const std::bad_alloc*>(&e)) return {"không đủ bộ nhớ", "out of memory"};
    if (dynamic_cast<const std::regex_error*>(&e))
        return {"dòng chữ quá dài hoặc quá phức tạp để phân tích", "a line too long or too complex to analyse"};
    if (dynamic_cast<const std::out_of_range*>(&e) || dynamic_cast<const std::length_error*>(&e))
        return {"một con số hoặc một độ dài vượt quá giới hạn vanban xử lý được", "a number or a length beyond what vanban handles"};
    if (dynamic_cast<const std::range_error*>(&e) || dynamic_cast<const std::overflow_error*>(&e) ||
        dynamic_cast<const std::underflow_error*>(&e))
        return {"một phép tính hoặc chuyển đổi vượt quá giới hạn vanban xử lý được", "a calculation or conversion beyond what vanban handles"};
    if (dynamic_cast<const std::invalid_argument*>(&e))
        return {"một giá trị không đọc được thành số", "a value could not be read as a number"};
    // vanban's own failures are std::runtime_error (or subclasses) with a Vietnamese text.
    if (dynamic_cast<const std::runtime_error*>(&e)) return {e.what(), e.what()};
    return {"lỗi không mong đợi trong vanban", "unexpected error in vanban"};
}

}  // namespace vanban
