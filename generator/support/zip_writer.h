// A ZIP archive of small text files, stored without compression and with a fixed date, so the
// same files always give the same bytes. Enough for an Office package vanban assembles from
// text sources (the reference.docx of the Word export).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace vanban {

// Entries in the given order: (path inside the archive, contents).
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace vanban
