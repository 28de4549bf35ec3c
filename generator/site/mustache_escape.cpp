#include "site/mustache_escape.h"

#include <cstring>

namespace vanban {

std::string mustache_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    const char* run = text.data();  // the bytes not yet appended start here
    const char* end = text.data() + text.size();
    for (const char* p = run; p != end; ++p) {
        const char* entity;
        switch (*p) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            case '\'': entity = "&apos;"; break;
            default: continue;
        }
        out.append(run, p);
        out.append(entity, std::strlen(entity));
        run = p + 1;
    }
    out.append(run, end);
    return out;
}

}  // namespace vanban
