// What `vanban init` checks before it writes anything: the values typed for the school (no
// control characters, an abbreviation that fits in a ký hiệu, a website that is an address) and
// the places the skeleton's files go (no link, no file where a folder is needed).
#pragma once

#include <string>
#include <vector>

#include "init/school_skeleton.h"
#include "model/diagnostic.h"

namespace vanban {

// Why `value`, typed for `option`, cannot be a one-line text (a name, a title): the control
// character (text/markup's, or a tab or line end) it holds, by its code ("U+001B"). Empty when none.
Message control_character_problem(const std::string& option, const std::string& value);

// The text fields NFC-normalised, a bare website host given https:// (and `notes` says so).
// The first problem found, empty when none: a control character in a text field; an
// abbreviation with lower-case letters, a space, '/' or another sign; a website with a ?query or #fragment, or no web address at all.
Message school_fields_problem(SchoolFields& school, std::vector<Message>& notes);

// Why the skeleton's `files` cannot be written into `dir`: a symbolic link or a file on the way
// to one of them, a folder where a file goes. Empty when each can be written or is kept as it is.
Message target_problem(const std::string& dir, const std::vector<SkeletonFile>& files);

// `path` as one word of the shell: as it is when it is safe, else in single quotes.
std::string shell_word(const std::string& path);

}  // namespace vanban
