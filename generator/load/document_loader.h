// Builds a Document from a file's bytes: reads the source, splits and parses the front
// matter, parses the Markdown body. Fields that are missing or malformed are left empty
// here; the front-matter check reports them.
#pragma once

#include <string>

#include "model/document.h"
#include "model/document_type.h"
#include "model/school.h"

namespace vanban {

Document load_document(std::string path, std::string raw, const DocumentTypes& types, const School& school);

// "{so}/{loai}-{truong}" with số 5 → "05/KH-THCSBM".
std::string derive_symbol(const std::string& pattern, int number, const std::string& type_abbreviation,
                          const std::string& school_abbreviation);

// A YAML scalar as an integer ("05" → 5); empty when it is not one.
std::optional<int> yaml_integer(const YAML::Node& node);

}  // namespace vanban
