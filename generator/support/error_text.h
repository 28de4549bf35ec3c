// What a library's failure means, told in Vietnamese (and English). Library texts are never
// shown as they are: yaml-cpp's are English, terse, and may end in half a UTF-8 character
// ("unknown escape character: \xE1"); std::filesystem's and nlohmann's are English too.
#pragma once

#include <exception>
#include <string>
#include <system_error>

#include "support/message.h"

namespace vanban {

// A syntax error of the YAML parser (yaml-cpp's ParserException message).
Message yaml_syntax_message(const std::string& yaml_cpp_message);

// A value of the wrong shape met while reading (yaml-cpp's InvalidNode, BadConversion, …).
Message yaml_structure_message(const std::string& yaml_cpp_message);

// A template error of kainjow::mustache ("Unclosed section \"x\" at 120"), in Vietnamese.
std::string mustache_error_message(const std::string& mustache_message);

// An operating system error (errno or std::filesystem's code) on `path`: "không có quyền đọc …".
Message system_error_message(const std::error_code& code, const std::string& path);

// Any exception: vanban's own (std::runtime_error and its subclasses, already in Vietnamese)
// as written; a library's (yaml-cpp, std::filesystem, nlohmann JSON, std::stoi, bad_alloc…)
// by what it means.
Message describe_exception(const std::exception& e);

}  // namespace vanban
