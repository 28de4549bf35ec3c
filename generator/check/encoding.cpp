// encoding and unicode-nfc: the bytes of the file itself.

#include "check/checks.h"
#include "load/source_reader.h"
#include "text/markup.h"
#include "text/unicode.h"

namespace vanban {

void check_encoding(const Document& doc, Diagnostics& out) {
    const SourceText& s = doc.source;
    if (!s.valid_utf8)
        if (auto bad = describe_invalid_utf8(s.raw)) out.push_back(error_at(doc, bad->at, "encoding", bad->message, bad->hint));
    if (s.had_bom)
        out.push_back(warning_at(doc, {1, 1}, "encoding",
                                 {"tệp bắt đầu bằng dấu BOM (EF BB BF)", "the file starts with a byte order mark (EF BB BF)"},
                                 {"Lưu tệp dạng \"UTF-8\" (không BOM).", "Save the file as \"UTF-8\" without BOM."}));
    if (s.crlf_lines > 0 && s.lf_lines > 0) {
        bool crlf_minority = s.crlf_lines < s.lf_lines;
        int line = crlf_minority ? s.first_crlf_line : s.first_lf_line;
        out.push_back(warning_at(
            doc, {line, 1}, "encoding",
            {"tệp trộn lẫn kiểu xuống dòng CRLF (Windows) và LF: " + std::to_string(s.crlf_lines) + " dòng CRLF, " +
                 std::to_string(s.lf_lines) + " dòng LF",
             "the file mixes CRLF (Windows) and LF line endings: " + std::to_string(s.crlf_lines) + " CRLF lines, " +
                 std::to_string(s.lf_lines) + " LF lines"},
            {"Chọn một kiểu xuống dòng (nên dùng LF) trong trình soạn thảo rồi lưu lại.",
             "Pick one line ending (LF is preferred) in your editor and save again."}));
    }
    // Control characters are invisible in an editor and not allowed in XML (feeds, Word files).
    if (size_t at = s.first_control; at != std::string::npos) {
        std::string code = code_point_name(s.text, at);
        out.push_back(error_at(doc, s.position_of(at), "encoding",
                               {"tệp có ký tự điều khiển " + code + " (không nhìn thấy được)",
                                "the file holds the control character " + code + " (invisible)"},
                               {"Xóa ký tự này (thường do sao chép từ PDF hay Word); trang web và bản Word bỏ nó đi.",
                                "Delete it (usually copied from a PDF or Word); the site and Word files leave it out."}));
    }
    // U+FFFD in a valid file: a character was lost before the text reached us (e.g. Word footnote marks).
    if (s.valid_utf8) {
        size_t pos = 0;
        int reported = 0;
        while ((pos = s.text.find("\xEF\xBF\xBD", pos)) != std::string::npos && reported < 5) {
            out.push_back(warning_at(doc, s.position_of(pos), "encoding",
                                     {"ký tự thay thế U+FFFD (�): một ký tự đã bị mất khi sao chép",
                                      "replacement character U+FFFD (�): a character was lost when copying"},
                                     {"Gõ lại ký tự đúng tại đây (thường là dấu chú thích hoặc ký hiệu của Word).",
                                      "Type the right character here (often a Word footnote mark or symbol)."}));
            pos += 3;
            ++reported;
        }
    }
}

void check_unicode_nfc(const Document& doc, Diagnostics& out) {
    const std::string& raw = doc.source.raw;
    if (!doc.source.valid_utf8 || doc.source.was_nfc) return;
    int line = 1;
    int reported = 0, more = 0;
    size_t start = 0;
    while (start <= raw.size()) {
        size_t end = raw.find('\n', start);
        if (end == std::string::npos) end = raw.size();
        std::string_view text(raw.data() + start, end - start);
        if (!is_nfc(text)) {
            if (reported < 10) {
                // Point at the first character that changes under NFC.
                std::string normal = to_nfc(text);
                size_t i = 0;
                while (i < text.size() && i < normal.size() && text[i] == normal[i]) ++i;
                while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
                out.push_back(warning_at(
                    doc, {line, count_code_points(text.substr(0, i)) + 1}, "unicode-nfc",
                    {"chữ có dấu viết ở dạng tổ hợp (NFD): \"" + shown_prefix(normal, 60) +
                         "\"; trang web sẽ hiển thị dạng dựng sẵn (NFC)",
                     "accented letters are decomposed (NFD); the site shows the precomposed form (NFC)"},
                    {"Đặt bộ gõ (Unikey) ở bảng mã \"Unicode dựng sẵn\" và gõ lại, hoặc chuyển mã tệp sang NFC.",
                     "Set the input method to precomposed Unicode and retype, or convert the file to NFC."}));
                ++reported;
            } else {
                ++more;
            }
        }
        if (end == raw.size()) break;
        start = end + 1;
        ++line;
    }
    if (more > 0)
        out.push_back(warning_at(doc, {line, 1}, "unicode-nfc",
                                 {"còn " + std::to_string(more) + " dòng khác cũng ở dạng tổ hợp (NFD)",
                                  std::to_string(more) + " more lines are decomposed (NFD)"}));
}

}  // namespace vanban
