// Help written for people: `vanban --help`, `vanban help [command]`, `vanban <command> --help`,
// in Vietnamese or, with `--lang en`, in English; and the nearest name when one is mistyped.
//
// How a command declares its options (every command follows it; converting one is mechanical):
//
//   CommonOptions common(args);              // reads --lang en first: the texts below follow it
//   po::options_description d;               // no caption: the help prints its own heading
//   add_common(d, common);
//   d.add_options()
//       ("out,o", po::value(&dir)->value_name(common.text("THƯ_MỤC", "FOLDER")),
//        common.text("thư mục đầu ra (mặc định: site/)", "output folder (default: site/)"))
//       ("strict", po::bool_switch(&strict), common.text("dừng nếu có lỗi", "stop when there are errors"))
//       ("today", po::value(&today), kInternal);   // for tests or tools: parsed, never shown
//   po::variables_map vm = parse(args, d);    // or parse_with_files(args, d, files)
//   if (vm.count("help")) return print_help("build", d, common, out);
//
// - A value's placeholder comes from ->value_name(...); without one the help says GIÁ_TRỊ/VALUE.
// - A default is said in the description ("mặc định: …"); ->default_value(x) may still set it,
//   its "(=x)" is never printed.
// - The command's purpose, usage line and two examples are one entry of the table in help.cpp;
//   a command that reads document types says so there (its help lists them).
#pragma once

#include <boost/program_options.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "text/unicode.h"  // nearest(), with which the callers suggest a command or an option

namespace vanban {

struct CommonOptions;

// The description of an option that is parsed but left out of the help (test hooks, the
// positional file list that the usage line already shows).
inline constexpr const char* kInternal = "";

// Whether the arguments ask for English (`--lang en` or `--lang=en`), before they are parsed.
bool english_requested(const std::vector<std::string>& args);

// `vanban <command> --help`: purpose, usage, options, examples (and document types). Returns 0.
int print_help(const std::string& command, const boost::program_options::options_description& options, const CommonOptions& common,
               std::ostream& out);

// `vanban --help`: every command with its purpose.
void print_overview(bool english, std::ostream& out);

// The names of the commands, for dispatch errors and suggestions.
std::vector<std::string> command_names();

}  // namespace vanban
