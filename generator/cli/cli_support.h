// What the subcommands share: the common options (--root, --lang, --today, --jobs) and
// how a usage error is reported.
#pragma once

#include <boost/program_options.hpp>

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "build/build_session.h"
#include "check/checks.h"
#include "cli/help.h"
#include "load/repository.h"

namespace vanban {

namespace po = boost::program_options;

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CommonOptions {
    // `args` are read for --lang en before anything is parsed, so that the descriptions of the
    // options, the help and the errors of parsing itself are in the language asked for.
    explicit CommonOptions(const std::vector<std::string>& args);

    bool english = false;
    std::string root_option;  // --root as given; empty when not
    std::string today;
    unsigned jobs = 0;

    // One text, in the language asked for: option descriptions, placeholders.
    const char* text(const char* vi, const char* en) const { return english ? en : vi; }
    // The same for texts built at run time (messages naming files, roles, values).
    std::string say(const std::string& vi, const std::string& en) const { return english ? en : vi; }
    // The repository: --root, else the nearest folder upward from the current one holding
    // vanban.yaml; outside any, a LoadError that says to run `vanban init` or pass --root.
    const std::string& root() const;
    // The same, or empty instead of the error (for the help).
    std::string root_if_found() const;
    // For the commands that write: when the root was found above the current folder, one line on
    // `out` saying which one, so that a file never lands in an unexpected repository unnoticed.
    void say_root_above(std::ostream& out) const;

private:
    mutable std::string root_;
};

void add_common(po::options_description& d, CommonOptions& c);
// Parses with the options of `d` only; a mistyped option is answered with the nearest one.
po::variables_map parse(const std::vector<std::string>& args, const po::options_description& d);
// The same, with the arguments that are not options collected in `files`.
po::variables_map parse_with_files(const std::vector<std::string>& args, po::options_description& d, std::vector<std::string>& files);
CheckOptions check_options(const CommonOptions& c);
// The settings every session takes from the common options.
BuildOptions session_options(const CommonOptions& common);

// A file named on the command line, relative to --root or else to the current folder, as a
// path relative to the repository root. One that exists nowhere: "không tìm thấy tệp X"; a
// folder is refused with what the command takes instead.
std::string repository_path(const Repository& repo, const std::string& typed, bool english);
// The document at such a path, read by the session; a file that is no document of the repository is refused.
Document document_argument(BuildSession& session, const std::string& typed, bool english);
// "loại X chưa được định nghĩa", with the nearest type when it looks mistyped, else the types.
UsageError unknown_type(const Repository& repo, const std::string& typed, bool english);
// "X không phải văn bản trong plans/ hoặc content/ của ROOT", in the language asked for.
UsageError not_a_document(const Repository& repo, const std::string& typed, bool english);

// Writes `content` to `root`/`relative` — a new file, or with `replace` the file already there —
// creating its folders. Refused (UsageError) when a symbolic link is on the way: a linked folder
// of the repository ("plans/2024-2025 -> /tmp/…") would send the file outside it.
void write_repository_file(const std::string& root, const std::string& relative, const std::string& content, bool replace, bool english);

// `vanban status` and `vanban approve` (cli/approval_commands.cpp).
int run_status(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_approve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// `vanban new` (cli/new_command.cpp).
int run_new(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// `vanban serve` (cli/serve_command.cpp).
int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// `vanban import` (cli/import_command.cpp).
int run_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// `vanban init` (cli/init_command.cpp).
int run_init(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// `vanban diff` (cli/diff_command.cpp).
int run_diff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace vanban
