// encoding and unicode-nfc: the bytes of the file itself.
#include <unicode/utf8.h>

#include <cstdio>

#include "check/checks.h"
#include "text/unicode.h"

namespace vanban {

namespace {

// Before Unicode, Vietnamese text was typed in one-byte encodings. In VNI the tone and
// vowel marks are separate bytes that follow a plain vowel ("a" + "ù" = "á"); in TCVN3
// (ABC) each accented vowel is one byte of its own. So the share of high bytes that
// follow an ASCII vowel tells the two apart well enough to name a likely culprit.
const char* guess_legacy_encoding(std::string_view raw) {
    // Only the bytes that are not valid UTF-8 count: the rest of the file may be Unicode already.
    const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
    int32_t length = static_cast<int32_t>(raw.size());
    size_t high = 0, after_vowel = 0;
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c >= 0) continue;
        for (int32_t k = start; k < i; ++k) {
            ++high;
            if (k > 0 && std::string_view("aeiouyAEIOUY").find(static_cast<char>(s[k - 1])) != std::string_view::npos) ++after_vowel;
        }
    }
    if (high < 3) return nullptr;
    return after_vowel * 10 >= high * 4 ? "VNI" : "TCVN3";
}

// At most `bytes` bytes of `text`, never cutting a character in two.
std::string utf8_prefix(const std::string& text, size_t bytes) {
    if (text.size() <= bytes) return text;
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
    return text.substr(0, bytes) + "…";
}

Position raw_position(std::string_view raw, size_t offset) {
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < offset; ++i)
        if (raw[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    // Count characters as a UTF-8 reader would, counting each bad byte as one.
    int column = 1;
    for (size_t i = line_start; i < offset; ++i)
        if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) ++column;
    return {line, column};
}

}  // namespace

void check_encoding(const Document& doc, Diagnostics& out) {
    const SourceText& s = doc.source;
    if (auto bad = s.valid_utf8 ? std::nullopt : find_invalid_utf8(s.raw)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", bad->byte);
        Message message{std::string("tệp không phải UTF-8 hợp lệ: byte ") + hex + " không đọc được",
                        std::string("the file is not valid UTF-8: byte ") + hex + " cannot be decoded"};
        if (const char* legacy = guess_legacy_encoding(s.raw)) {
            message.vi += std::string("; có vẻ tệp được gõ bằng bảng mã cũ ") + legacy +
                          (std::string(legacy) == "VNI" ? " (phông VNI-Times)" : " (phông .VnTime, bảng mã ABC)");
            message.en += std::string("; it looks like the legacy Vietnamese encoding ") + legacy;
        }
        out.push_back(error_at(doc, raw_position(s.raw, bad->offset), "encoding", message,
                               {"Chuyển tệp sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã, "
                                "hoặc mở bằng Word rồi lưu với mã hóa UTF-8) rồi chạy lại.",
                                "Convert the file to Unicode UTF-8 (e.g. Unikey's converter, or save from Word "
                                "as UTF-8) and run again."}));
    }
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
                    {"chữ có dấu viết ở dạng tổ hợp (NFD): \"" + utf8_prefix(normal, 60) +
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
