#include "support/content_hash.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace vanban {

ContentHash& ContentHash::add_files(const std::vector<std::string>& paths) {
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        if (in) bytes << in.rdbuf();
        add(path).add(bytes.str());
    }
    return *this;
}

}  // namespace vanban
