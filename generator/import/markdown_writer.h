// Phase 3 of import: the recognised document as vanban Markdown. The front matter keys come
// in a fixed order (loai, so, ky_hieu, ngay, nam_hoc, trich_yeu, co_quan_ban_hanh, nguoi_ky,
// duyet_cap_tren, kinh_gui, noi_nhan) so that the same Word file always gives the same text.
#pragma once

#include <string>

#include "import/recognize.h"

namespace vanban {

std::string write_markdown(const RecognizedDocument& doc);

// Text as Markdown inline content: characters Markdown would read as markup are escaped,
// footnote references "[^n]" are kept. `block_start`: the text starts a paragraph, where
// "1." or "- " would begin a list.
std::string escape_markdown(const std::string& text, bool block_start = true);

}  // namespace vanban
