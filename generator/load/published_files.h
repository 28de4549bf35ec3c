// Which files of a repository are the school's published material: everything under
// content/ and plans/ except folders and files whose names start with "." or "_" (drafts
// kept aside, editor files). The loader reads the Markdown among them; the site copies the rest.
#pragma once

#include <string>
#include <vector>

namespace vanban {

// Paths relative to `root`, with '/', sorted.
std::vector<std::string> published_files(const std::string& root);

// Whether a repository-relative path is one of them (the file need not exist).
bool is_published(const std::string& relative_path);

}  // namespace vanban
