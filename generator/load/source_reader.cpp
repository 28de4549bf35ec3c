#include "load/source_reader.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "text/markup.h"
#include "text/unicode.h"

namespace vanban {

namespace {

// Byte offsets of the starts of the lines of `text`: memchr finds the line ends (a count first,
// to size the vector, was a second pass over every document at several instructions a byte).
std::vector<size_t> line_starts_of(const std::string& text) {
    std::vector<size_t> starts;
    starts.reserve(text.size() / 48 + 1);
    starts.push_back(0);
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))); ++p)
        starts.push_back(static_cast<size_t>(p - begin) + 1);
    return starts;
}

}  // namespace

SourceText read_source(std::string raw) {
    SourceText s;
    std::string_view bytes = raw;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        s.had_bom = true;
        bytes.remove_prefix(3);
    }
    std::string text;
    int line = 1;
    if (bytes.find('\r') == std::string_view::npos) {
        // The common file (LF, valid UTF-8, NFC) becomes the text as it is: its bytes move over
        // instead of being copied, and the raw bytes are not kept.
        if (Utf8Scan scan = scan_utf8(bytes); !scan.invalid && scan.nfc) {
            size_t bom = raw.size() - bytes.size();
            s.text = std::move(raw);
            s.text.erase(0, bom);
            s.line_starts = line_starts_of(s.text);
            s.lf_lines = s.line_starts.size() - 1;  // a line starts after each '\n'
            if (s.lf_lines > 0) s.first_lf_line = 1;
            s.first_control = scan.first_control;  // the text is these bytes
            return s;
        }
        s.lf_lines = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
        if (s.lf_lines > 0) s.first_lf_line = 1;
        text.assign(bytes);
    } else {
        text.reserve(bytes.size());
        for (size_t i = 0; i < bytes.size(); ++i) {
            char c = bytes[i];
            if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
                if (s.crlf_lines++ == 0) s.first_crlf_line = line;
                continue;  // the '\n' follows
            }
            if (c == '\n') {
                if (i == 0 || bytes[i - 1] != '\r') {
                    if (s.lf_lines++ == 0) s.first_lf_line = line;
                }
                ++line;
            }
            text += c;
        }
    }
    s.valid_utf8 = !find_invalid_utf8(text);
    if (!s.valid_utf8) text = repair_utf8(text);
    s.was_nfc = is_nfc(text);
    s.text = s.was_nfc ? std::move(text) : to_nfc(text);
    // The raw bytes only matter to the encoding checks when they differ from the text.
    if (!s.valid_utf8 || !s.was_nfc) s.raw = std::move(raw);
    s.line_starts = line_starts_of(s.text);
    s.first_control = find_control_character(s.text);
    return s;
}

namespace {

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

std::optional<EncodingProblem> describe_invalid_utf8(std::string_view raw) {
    auto bad = find_invalid_utf8(raw);
    if (!bad) return std::nullopt;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", bad->byte);
    EncodingProblem p;
    p.at = raw_position(raw, bad->offset);
    p.message = {std::string("tệp không phải UTF-8 hợp lệ: byte ") + hex + " không đọc được",
                 std::string("the file is not valid UTF-8: byte ") + hex + " cannot be decoded"};
    if (raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF") {
        p.message.vi += "; tệp được lưu dạng UTF-16 (\"Unicode\" của Notepad)";
        p.message.en += "; the file is saved as UTF-16 (Notepad's \"Unicode\")";
    } else if (const char* legacy = guess_legacy_encoding(raw)) {
        p.message.vi += std::string("; có vẻ tệp được gõ bằng bảng mã cũ ") + legacy +
                        (std::string(legacy) == "VNI" ? " (phông VNI-Times)" : " (phông .VnTime, bảng mã ABC)");
        p.message.en += std::string("; it looks like the legacy Vietnamese encoding ") + legacy;
    }
    p.hint = {"Chuyển tệp sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã, "
              "hoặc mở bằng Word rồi lưu với mã hóa UTF-8) rồi chạy lại.",
              "Convert the file to Unicode UTF-8 (e.g. Unikey's converter, or save from Word "
              "as UTF-8) and run again."};
    return p;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("không đọc được tệp " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace vanban
