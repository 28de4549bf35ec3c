// `vanban import FILE.docx...`: Word documents into vanban documents (import/docx_import.h).
#include <filesystem>
#include <fstream>

#include "check/report.h"
#include "cli/cli_support.h"
#include "import/document_place.h"
#include "import/docx_import.h"
#include "import/word_file.h"
#include "load/document_loader.h"
#include "docx/docx_renderer.h"
#include "support/process.h"

namespace fs = std::filesystem;

namespace vanban {

int run_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    ImportOptions options;
    bool dry_run = false, force = false;
    std::vector<std::string> files;
    po::options_description d;
    add_common(d, common);
    d.add_options()("type", po::value(&options.type)->value_name(common.text("LOẠI", "TYPE")),
                    common.text("loại văn bản (mặc định: nhận ra từ tiêu đề hoặc ký hiệu)", "document type (default: recognised from the title or symbol)"))
        ("year", po::value(&options.school_year)->value_name(common.text("NĂM_HỌC", "SCHOOL_YEAR")),
         common.text("năm học, ví dụ 2023-2024 (mặc định: nhận ra từ văn bản)", "school year, e.g. 2023-2024 (default: recognised from the document)"))
        ("dry-run", po::bool_switch(&dry_run), common.text("chỉ in kết quả, không ghi tệp", "only print the result, write no file"))
        ("force", po::bool_switch(&force), common.text("ghi đè tệp đã có", "replace a file already there"));
    po::variables_map vm = parse_with_files(args, d, files);
    if (vm.count("help")) return print_help("import", d, common, out);
    if (files.empty())
        throw UsageError(common.text("cần ít nhất một tệp .docx (hoặc .doc, .odt), ví dụ: vanban import ke-hoach-cu.docx",
                                     "at least one .docx file (or .doc, .odt) is needed, e.g. vanban import old-plan.docx"));
    BuildSession session(session_options(common), {});
    const Repository& repo = session.read_index();
    if (!options.type.empty() && !repo.types.find(options.type)) throw unknown_type(repo, options.type, common.english);
    if (!options.school_year.empty() && !parse_school_year(options.school_year))
        throw UsageError(common.english ? "the school year \"" + options.school_year + "\" is not valid; write it as 2023-2024"
                                        : "năm học \"" + options.school_year + "\" không hợp lệ; viết như 2023-2024");
    common.say_root_above(out);
    int status = 0;
    PlaceOptions place;
    for (const auto& file : files) {
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) throw UsageError((common.english ? "file not found: " : "không tìm thấy tệp ") + file);
        ToolLimits tools = tool_limits();
        WordFileLimits limits;
        limits.pandoc_heap = std::to_string(tools.pandoc_memory_mb) + "m";
        limits.timeout = tools.pandoc_timeout;
        WordFileResult json = read_word_file(file, docx_tools_from_environment().pandoc, limits);
        if (!json.ok) {
            err << "vanban import: " << file << ": " << json.error << "\n";
            status = 1;
            continue;
        }
        ImportedDocument doc = import_pandoc_json(json.json, repo, options, json.properties);
        out << file << common.text(":\n  nhận ra:", ":\n  recognised:");
        for (const auto& [field, value] : doc.found) out << "\n    " << field << ": " << value;
        if (!doc.missing.empty()) {
            out << common.text("\n  chưa nhận ra (điền tay, vanban check nhắc các chỗ [[...]]):",
                               "\n  not recognised (fill in by hand; vanban check points out the [[...]] places):");
            for (const auto& m : doc.missing) out << " " << m;
        }
        out << '\n';
        for (const auto& note : doc.notes) out << common.text("  lưu ý: ", "  note: ") << note << '\n';
        out << describe(doc.fidelity);
        if (dry_run) {
            out << doc.markdown;
            continue;
        }
        // --force replaces what was there, never a file this same run has just written.
        place.replace = force;
        std::string relative =
            document_place(common.root(), repo.types.find(doc.type), doc.school_year, doc.subject, place);
        write_repository_file(common.root(), relative, doc.markdown, force, common.english);
        place.claimed.insert(relative);
        out << common.text("  đã ghi ", "  written: ") << relative << "\n";
        // The checks on the result, at once, so the user sees what is left to do: a new session,
        // whose index has the file just written.
        BuildSession again(session_options(common), {});
        std::vector<Diagnostic> diagnostics;
        for (auto& dg : again.run().diagnostics)
            if (dg.file == relative) diagnostics.push_back(std::move(dg));
        ReportOptions report;
        report.english = common.english;
        report.documents = 1;
        write_report(diagnostics, report, out);
    }
    return status;
}

}  // namespace vanban
