// Footnote markers and links inside front-matter fields (trích yếu, Kính gửi, signer…), which
// YAML text cannot carry: a footnote becomes the first paragraph of the body, a link keeps its
// text, and each choice is noted for the user.
#pragma once

#include "import/recognize.h"

namespace vanban {

void move_notes_out_of_fields(RecognizedDocument& doc);

}  // namespace vanban
