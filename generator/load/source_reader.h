// Turns a file's bytes into the text every later stage reads: valid UTF-8 (bad bytes
// replaced), no BOM, LF line endings, NFC. What was wrong with the bytes is kept for the
// encoding checks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace vanban {

SourceText read_source(std::string raw);

// Bytes that are not UTF-8: where the first bad byte is (line, column), what is wrong (naming
// the legacy Vietnamese encoding it looks like) and what to do; nothing if they are UTF-8.
// For documents (rule encoding) and for vanban.yaml and templates/ (rule config).
struct EncodingProblem {
    Position at;
    Message message;
    Message hint;
};
std::optional<EncodingProblem> describe_invalid_utf8(std::string_view raw);

// Reads a whole file; throws std::runtime_error with a Vietnamese message on failure.
std::string read_file(const std::string& path);

}  // namespace vanban
