// Turns a file's bytes into the text every later stage reads: valid UTF-8 (bad bytes
// replaced), no BOM, LF line endings, NFC. What was wrong with the bytes is kept for the
// encoding checks.
#pragma once

#include <string>

#include "model/document.h"

namespace vanban {

SourceText read_source(std::string raw);

// Reads a whole file; throws std::runtime_error with a Vietnamese message on failure.
std::string read_file(const std::string& path);

}  // namespace vanban
