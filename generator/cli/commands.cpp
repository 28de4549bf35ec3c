#include "cli/commands.h"

#include "cli/cli_support.h"
#include "cli/help.h"

#include <boost/program_options.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>

#include "approval/approval_report.h"
#include "build/build_session.h"
#include "check/checks.h"
#include "check/report.h"
#include "check/template_overrides.h"
#include "load/repository.h"
#include "model/page_paths.h"
#include "site/output_folder.h"
#include "site/site_builder.h"
#include "support/error_text.h"
#include "support/interrupt.h"
#include "support/progress.h"
#include "text/markup.h"

namespace vanban {

namespace {

void add_pdf_options(po::options_description& d, PdfSettings& pdf, const CommonOptions& c) {
    d.add_options()
        ("cache", po::value(&pdf.cache_dir)->value_name(c.text("THƯ_MỤC", "FOLDER")),
         c.text("thư mục bộ nhớ đệm PDF (mặc định: ~/.cache/vanban/pdf)", "the PDF cache folder (default: ~/.cache/vanban/pdf)"))
        ("pdf-timeout", po::value<unsigned>()->default_value(120)->value_name(c.text("GIÂY", "SECONDS"))->notifier([&pdf, &c](unsigned s) {
            if (s == 0) throw UsageError(c.text("--pdf-timeout cần một số giây lớn hơn 0", "--pdf-timeout needs a number of seconds above 0"));
            pdf.tools.timeout = std::chrono::seconds(s);
        }), c.text("thời gian tối đa để tạo một PDF (mặc định: 120)", "the longest one PDF may take (default: 120)"));
}

void add_docx_options(po::options_description& d, DocxSettings& docx, const CommonOptions& c) {
    d.add_options()
        ("docx-timeout", po::value<unsigned>()->default_value(120)->value_name(c.text("GIÂY", "SECONDS"))->notifier([&docx, &c](unsigned s) {
            if (s == 0) throw UsageError(c.text("--docx-timeout cần một số giây lớn hơn 0", "--docx-timeout needs a number of seconds above 0"));
            docx.tools.timeout = std::chrono::seconds(s);
        }), c.text("thời gian tối đa để tạo một bản Word (mặc định: 120)", "the longest one Word file may take (default: 120)"));
}

// "PDF: 3 tạo mới, 10 không đổi (lấy từ bộ nhớ đệm), 1 lỗi", each failure on stderr first.
void report_counts(const char* label, size_t rendered, size_t reused, size_t failed, bool english, std::ostream& out) {
    if (english)
        out << label << ": " << rendered << " made, " << reused << " unchanged (from the cache), " << failed << " failed\n";
    else
        out << label << ": " << rendered << " tạo mới, " << reused << " không đổi (lấy từ bộ nhớ đệm), " << failed << " lỗi\n";
}

void report_printing(const char* label, const PrintReport& report, bool english, std::ostream& out, std::ostream& err) {
    for (const auto& f : report.failures)
        err << f.file << ": " << (english ? "error [" : "lỗi [") << f.rule << "] " << f.message.vi << '\n';
    report_counts(label, report.rendered, report.reused, report.failures.size(), english, out);
}

// The files `vanban check FILE…` names, as paths of the repository: each must exist, and be a
// document (or a file the loader reported, such as one it could not read).
std::set<std::string> chosen_files(const Repository& repo, const std::vector<std::string>& files, bool english) {
    namespace fs = std::filesystem;
    std::set<std::string> chosen;
    for (const auto& typed : files) {
        std::error_code ec;
        if (fs::is_directory(typed, ec) || (fs::path(typed).is_relative() && fs::is_directory(fs::path(repo.root) / typed, ec)))
            throw UsageError(english ? typed + " is a folder; vanban check takes .md files, or none to check the whole repository"
                                     : typed + " là thư mục; vanban check nhận tệp .md, hoặc không có tệp nào để kiểm tra cả kho");
        std::string path = repository_path(repo, typed, english);
        bool reported = std::any_of(repo.problems.begin(), repo.problems.end(), [&](const Diagnostic& d) { return d.file == path; });
        bool document = std::binary_search(repo.document_paths.begin(), repo.document_paths.end(), path);
        if (!document && !reported) throw not_a_document(repo, typed, english);
        chosen.insert(path);
    }
    return chosen;
}

int run_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    std::string format = "text";
    std::vector<std::string> files;
    po::options_description d;
    add_common(d, common);
    d.add_options()("format", po::value(&format)->default_value("text")->value_name("text|json|github"),
                    common.text("dạng kết quả: text (mặc định), json, hoặc github (chú thích cho GitHub Actions); "
                                "thoát 0 nếu không có lỗi, 1 nếu có lỗi, 2 nếu lỗi sử dụng hay đọc ghi",
                                "output: text (default), json, or github (GitHub Actions annotations); "
                                "exit 0 without errors, 1 with errors, 2 on a usage or I/O failure"));
    po::variables_map vm = parse_with_files(args, d, files);
    if (vm.count("help")) return print_help("check", d, common, out);
    ReportOptions report;
    if (format == "text") report.format = ReportFormat::Text;
    else if (format == "json") report.format = ReportFormat::Json;
    else if (format == "github") report.format = ReportFormat::Github;
    else throw UsageError(common.english ? "--format must be text, json or github, not \"" + format + "\""
                                         : "--format phải là text, json hoặc github, không phải \"" + format + "\"");
    report.english = common.english;

    BuildSession session(session_options(common), {});
    std::set<std::string> chosen = chosen_files(session.read_index(), files, common.english);
    BuildResult result = session.run();
    // Cross-document rules (duplicate numbers, citations) need the whole repository; only then
    // are the findings narrowed to the files asked for.
    std::vector<Diagnostic> diagnostics = std::move(result.diagnostics);
    // What would stop `build` is reported by `check` too.
    for (auto& d : check_site_templates(session.index())) diagnostics.push_back(std::move(d));
    if (!chosen.empty())
        diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return !chosen.count(d.file); }),
                          diagnostics.end());
    sort_diagnostics(diagnostics);
    report.documents = chosen.empty() ? result.documents : chosen.size();
    report.chosen = !chosen.empty();
    write_template_overrides(template_overrides(common.root(), default_templates_dir()), report, out);
    write_report(diagnostics, report, out);
    return count_errors(diagnostics) > 0 ? 1 : 0;
}

int run_build(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    BuildEnvironment environment;
    po::options_description d;
    add_common(d, common);
    std::string out_dir;
    bool strict = false, show_diagnostics = false, no_pdf = false, no_docx = false;
    d.add_options()
        ("out,o", po::value(&out_dir)->value_name(common.text("THƯ_MỤC", "FOLDER")),
         common.text("thư mục đầu ra (mặc định: site/ trong thư mục gốc)", "output folder (default: site/ in the root folder)"))
        ("strict", po::bool_switch(&strict), common.text("dừng, không tạo trang web, nếu có lỗi", "stop without building when there are errors"))
        ("no-pdf", po::bool_switch(&no_pdf), common.text("không tạo bản PDF", "make no PDFs"))
        ("no-docx", po::bool_switch(&no_docx), common.text("không tạo bản Word (.docx)", "make no Word files (.docx)"))
        ("show-diagnostics", po::bool_switch(&show_diagnostics),
         common.text("ghi lỗi, cảnh báo của các văn bản lên trang (bản nội bộ, không công bố)",
                     "put the documents' errors and warnings on the pages (an internal mirror, not for publishing)"));
    add_pdf_options(d, environment.pdf, common);
    add_docx_options(d, environment.docx, common);
    po::variables_map vm = parse(args, d);
    if (vm.count("help")) return print_help("build", d, common, out);
    BuildOptions options = session_options(common);
    options.out_dir = out_dir;
    options.strict = strict;
    options.show_diagnostics = show_diagnostics;
    options.pdf = !no_pdf;
    options.docx = !no_docx;
    // One --cache folder holds both: the PDFs and the Word files have their own extensions.
    environment.docx.cache_dir = environment.pdf.cache_dir;
    // The default is no "--out" typed by anyone: from a subfolder the root is "..", and an
    // absolute, normalised <root>/site is what the refusal rules of --out are meant to accept.
    if (options.out_dir.empty()) options.out_dir = (std::filesystem::absolute(common.root()) / "site").lexically_normal().string();
    if (std::string problem = output_folder_problem(common.root(), options.out_dir, common.english); !problem.empty()) throw UsageError(problem);
    common.say_root_above(out);
    auto started = std::chrono::steady_clock::now();
    Progress progress(err, common.english);
    environment.progress = &progress;
    BuildSession session(options, environment);
    BuildResult result = session.run();
    size_t errors = count_errors(result.diagnostics);
    ReportOptions report;
    report.english = common.english;
    report.documents = result.documents;
    if (!result.diagnostics.empty()) write_report(result.diagnostics, report, err);
    if (!result.committed) {
        err << (common.english ? "--strict: errors found, the site was not built\n"
                               : "--strict: có lỗi nên không tạo trang web (site/ giữ nguyên như cũ)\n");
        return 1;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char timing[32];
    std::snprintf(timing, sizeof timing, "%.2f", seconds);
    if (common.english)
        out << "site built in " << options.out_dir << ": " << result.pages << " pages, " << result.site_documents
            << " documents (" << timing << " s)\n";
    else
        out << "đã tạo trang web trong " << options.out_dir << ": " << result.pages << " trang, " << result.site_documents
            << " văn bản (" << timing << " giây)\n";
    for (const auto& note : result.notes) out << common.text("lưu ý: ", "note: ") << note << '\n';
    if (!result.page_failures.empty()) write_report(result.page_failures, report, err);
    if (options.pdf) report_printing("PDF", result.pdf, common.english, out, err);
    if (options.docx) report_printing("Word", result.docx, common.english, out, err);
    return errors > 0 || !result.page_failures.empty() || !result.pdf.failures.empty() || !result.docx.failures.empty() ? 1 : 0;
}

// The documents named for `vanban pdf`/`vanban docx` and the file each one makes in `out_dir`;
// `pages` gets the names that are information pages (no PDF or Word file of their own).
std::vector<PrintRequest> chosen_outputs(BuildSession& session, const std::vector<std::string>& files, const std::string& out_dir,
                                         const char* extension, const CommonOptions& common, std::vector<std::string>& pages) {
    const Repository& index = session.read_index();
    std::vector<PrintRequest> chosen;
    for (const auto& f : files) {
        std::string path = repository_path(index, f, common.english);
        std::optional<Document> doc = session.load(path);
        if (!doc) throw not_a_document(index, f, common.english);
        if (!doc->type || !doc->type->official) {
            pages.push_back(f);
            continue;
        }
        std::string output = (std::filesystem::path(out_dir) / (doc->slug() + extension)).string();
        for (const auto& c : chosen)
            if (c.output == output)
                throw UsageError(common.say(c.path + " và " + doc->path + " cùng ra tệp " + output + "; tạo riêng từng tệp với --out khác nhau",
                                            c.path + " and " + doc->path + " both make " + output + "; make them one by one with different --out"));
        chosen.push_back({doc->path, output});
    }
    return chosen;
}

// `vanban pdf FILE...`: the PDFs of chosen documents.
int run_pdf(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    BuildEnvironment environment;
    std::vector<std::string> files;
    std::string out_dir = ".";
    po::options_description d;
    add_common(d, common);
    d.add_options()("out,o", po::value(&out_dir)->default_value(".")->value_name(common.text("THƯ_MỤC", "FOLDER")),
                    common.text("thư mục ghi các tệp PDF (mặc định: thư mục hiện tại)", "folder for the PDF files (default: the current folder)"));
    add_pdf_options(d, environment.pdf, common);
    po::variables_map vm = parse_with_files(args, d, files);
    if (vm.count("help")) return print_help("pdf", d, common, out);
    if (files.empty())
        throw UsageError(common.text("cần ít nhất một tệp văn bản, ví dụ: vanban pdf plans/2024-2025/ke-hoach.md",
                                     "at least one document file is needed, e.g. vanban pdf plans/2024-2025/ke-hoach.md"));
    Progress progress(err, common.english);
    environment.progress = &progress;
    BuildOptions options = session_options(common);
    options.pdf = true;
    BuildSession session(options, environment);
    std::vector<std::string> pages;
    std::vector<PrintRequest> requests = chosen_outputs(session, files, out_dir, ".pdf", common, pages);
    // A page among the documents ("vanban pdf content/*.md") is passed over, not a reason to make none.
    for (const auto& f : pages)
        err << common.text("bỏ qua ", "skipped ") << f
            << common.text(": trang thông tin, không phải văn bản hành chính, nên không có bản PDF\n",
                           ": an information page, not an official document, so it has no PDF\n");
    if (requests.empty()) {
        err << common.text("không có văn bản hành chính nào để tạo PDF\n", "no official document to make a PDF of\n");
        return 2;
    }
    std::filesystem::create_directories(out_dir);
    PrintReport report = session.print_documents(requests);
    for (size_t i = 0; i < requests.size(); ++i)
        if (report.ok[i]) out << requests[i].output << '\n';
    report_printing("PDF", report, common.english, out, err);
    return report.failures.empty() ? 0 : 1;
}

// `vanban docx FILE...`: the Word files of chosen documents.
int run_docx(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    BuildEnvironment environment;
    std::vector<std::string> files;
    std::string out_dir = ".";
    po::options_description d;
    add_common(d, common);
    d.add_options()("out,o", po::value(&out_dir)->default_value(".")->value_name(common.text("THƯ_MỤC", "FOLDER")),
                    common.text("thư mục ghi các tệp .docx (mặc định: thư mục hiện tại)", "folder for the .docx files (default: the current folder)"))
        ("cache", po::value(&environment.docx.cache_dir)->value_name(common.text("THƯ_MỤC", "FOLDER")),
         common.text("thư mục bộ nhớ đệm (mặc định: ~/.cache/vanban/docx)", "the cache folder (default: ~/.cache/vanban/docx)"));
    add_docx_options(d, environment.docx, common);
    po::variables_map vm = parse_with_files(args, d, files);
    if (vm.count("help")) return print_help("docx", d, common, out);
    if (files.empty())
        throw UsageError(common.text("cần ít nhất một tệp văn bản, ví dụ: vanban docx plans/2024-2025/ke-hoach.md",
                                     "at least one document file is needed, e.g. vanban docx plans/2024-2025/ke-hoach.md"));
    Progress progress(err, common.english);
    environment.progress = &progress;
    BuildOptions options = session_options(common);
    options.docx = true;
    BuildSession session(options, environment);
    std::vector<std::string> pages;
    std::vector<PrintRequest> requests = chosen_outputs(session, files, out_dir, ".docx", common, pages);
    if (!pages.empty())
        throw UsageError(pages.front() + common.text(" là trang thông tin, không phải văn bản hành chính, nên không có bản Word",
                                                     " is an information page, not an official document, so it has no Word file"));
    std::filesystem::create_directories(out_dir);
    PrintReport report = session.print_documents(requests);
    for (size_t i = 0; i < requests.size(); ++i)
        if (report.ok[i]) out << requests[i].output << '\n';
    report_printing("Word", report, common.english, out, err);
    return report.failures.empty() ? 0 : 1;
}

// Options written before the command ("vanban --lang en check", "vanban -h build") belong to it:
// the command is moved to the front. The values of the common options are not commands.
std::vector<std::string> command_first(const std::vector<std::string>& args) {
    static const std::set<std::string> taking_value = {"--lang", "--root", "--jobs", "-j", "--today"};
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i].rfind("-", 0) != 0) {
            if (i == 0) return args;
            std::vector<std::string> moved{args[i]};
            moved.insert(moved.end(), args.begin(), args.begin() + i);
            moved.insert(moved.end(), args.begin() + i + 1, args.end());
            return moved;
        }
        if (taking_value.count(args[i])) ++i;
    }
    return args;
}

// A --lang without vi or en, found before anything else: without it a lone "vanban --lang fr"
// showed the overview as if nothing were wrong, and "vanban --lang" called --lang a command.
// Neither language was understood, so the error is said in both.
std::string lang_problem(const std::vector<std::string>& args) {
    for (size_t i = 0; i < args.size() && args[i] != "--"; ++i) {
        std::string value;
        if (args[i].rfind("--lang=", 0) == 0)
            value = args[i].substr(7);
        else if (args[i] != "--lang")
            continue;
        else if (i + 1 < args.size() && args[i + 1].rfind("-", 0) != 0)
            value = args[++i];
        if (value.empty()) return "--lang cần vi hoặc en, ví dụ --lang en (--lang needs vi or en, e.g. --lang en)";
        if (value != "vi" && value != "en")
            return "--lang phải là vi hoặc en, không phải \"" + value + "\" (--lang must be vi or en, not \"" + value + "\")";
    }
    return "";
}

}  // namespace

int run_command(const std::vector<std::string>& given, std::ostream& out, std::ostream& err) {
    if (std::string problem = lang_problem(given); !problem.empty()) {
        err << "vanban: " << problem << '\n';
        return 2;
    }
    const std::vector<std::string> args = command_first(given);
    bool english = english_requested(args);
    // No command, only options ("vanban --lang en --help"): the overview.
    bool options_only = std::all_of(args.begin(), args.end(), [](const std::string& a) { return a.rfind("-", 0) == 0 || a == "en" || a == "vi"; });
    bool asks_help = std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
    if (args.empty() || (options_only && asks_help) || (args[0] == "help" && (args.size() == 1 || args[1].rfind("-", 0) == 0))) {
        print_overview(english, args.empty() ? err : out);
        return args.empty() ? 2 : 0;
    }
    if (options_only && std::find(args.begin(), args.end(), "--version") == args.end()) {
        // Options and no command ("vanban --lang en"): the overview, as for no arguments at all.
        print_overview(english, err);
        return 2;
    }
    if (std::find(args.begin(), args.end(), "--version") != args.end() && options_only) {
        out << "vanban " VANBAN_VERSION "\n";
        return 0;
    }
    // `vanban help check --lang en` is `vanban check --help --lang en`.
    if (args[0] == "help") {
        std::vector<std::string> asked(args.begin() + 1, args.end());
        asked.insert(asked.begin() + 1, "--help");
        return run_command(asked, out, err);
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    const std::vector<std::string> names = command_names();
    const bool known = std::find(names.begin(), names.end(), args[0]) != names.end();
    try {
        if (args[0] == "check") return run_check(rest, out, err);
        if (args[0] == "build") return run_build(rest, out, err);
        if (args[0] == "pdf") return run_pdf(rest, out, err);
        if (args[0] == "docx") return run_docx(rest, out, err);
        if (args[0] == "status") return run_status(rest, out, err);
        if (args[0] == "approve") return run_approve(rest, out, err);
        if (args[0] == "diff") return run_diff(rest, out, err);
        if (args[0] == "new") return run_new(rest, out, err);
        if (args[0] == "serve") return run_serve(rest, out, err);
        if (args[0] == "import") return run_import(rest, out, err);
        if (args[0] == "init") return run_init(rest, out, err);
        std::string guess = nearest(args[0], names);
        std::string unknown = (english ? "unknown command \"" : "lệnh không biết \"") + args[0] + "\"";
        if (!guess.empty()) unknown += (english ? ". Did you mean: vanban " : ". Có phải ý bạn là: vanban ") + guess + "?";
        throw UsageError(unknown + (english ? "\nThe commands: vanban --help --lang en" : "\nCác lệnh: vanban --help"));
    } catch (const Interrupted& e) {
        err << "vanban: " << escape_lines(e.what()) << '\n';
        return 130;
    } catch (const UsageError& e) {
        // Messages name what was typed (an option, a file, a role): it reaches the terminal escaped.
        err << "vanban";
        if (known) err << ' ' << args[0];
        err << ": " << escape_lines(e.what());
        if (known) err << (english ? "\n(see: vanban " : "\n(xem: vanban ") << args[0] << " --help)";
        err << '\n';
        return 2;
    } catch (const LoadError& e) {
        err << "vanban: " << escape_lines(english ? e.en : std::string(e.what())) << '\n';
        return 2;
    } catch (const std::exception& e) {
        // An environment failure (disk full, no permission…): exit 2.
        err << "vanban: " << escape_lines(describe_exception(e).in(english)) << '\n';
        return 2;
    }
}

}  // namespace vanban
