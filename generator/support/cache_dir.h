// Where vanban keeps what it can compute again (PDFs, signature checks): outside the
// repository and the site. $VANBAN_CACHE, else $XDG_CACHE_HOME/vanban, else ~/.cache/vanban.
#pragma once

#include <string>

namespace vanban {

std::string cache_root();

}  // namespace vanban
