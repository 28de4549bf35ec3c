// A text shown to people, in Vietnamese and English: every message of vanban has both, and the
// language is picked where it is printed (--lang).
#pragma once

#include <string>

namespace vanban {

struct Message {
    std::string vi;
    std::string en;
    const std::string& in(bool english) const { return english ? en : vi; }
};

}  // namespace vanban
