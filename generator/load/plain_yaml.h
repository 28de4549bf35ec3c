// The plain shapes of front matter read without yaml-cpp's scanner: "key: value" lines, one
// level of nested keys, lists of one-line items. yaml-cpp's scanner matches every character
// against its regular expressions (about 1,000 instructions a byte: a tenth of a site build);
// this reader takes one pass. Whatever it is not sure of it does not read, and YAML::Load does.
#pragma once

#include <optional>
#include <string_view>

#include "model/document.h"

namespace vanban {

// The nodes YAML::Load gives for `yaml` (same types, scalars, order of keys) and the mark of
// each node and key (nodes made through yaml-cpp's API carry none); nullopt when `yaml` leaves
// the plain shapes. Tags and collection styles are left unset: vanban reads neither.
struct PlainYaml {
    YAML::Node root;
    YamlMarks marks;
};
std::optional<PlainYaml> read_plain_yaml(std::string_view yaml);

}  // namespace vanban
