// JSON strings written straight into a page being built (the site's search index).
#pragma once

#include <string>
#include <string_view>

namespace vanban {

// `text` as a JSON string, quotes included, byte for byte as nlohmann::json's dump() with
// error_handler_t::replace and no ensure_ascii writes it: '"', '\\' and control characters
// escaped (\b \t \n \f \r, the others \u00xx in lowercase hex), '/' and non-ASCII as they are,
// invalid UTF-8 replaced by U+FFFD.
void append_json_string(std::string_view text, std::string& out);

}  // namespace vanban
