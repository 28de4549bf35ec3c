#include "cli/help.h"

#include <algorithm>
#include <filesystem>

#include "cli/cli_support.h"
#include "cli/repository_root.h"
#include "load/repository.h"
#include "text/markup.h"
#include "text/unicode.h"

namespace vanban {

namespace {

struct Example {
    const char* command;
    const char* vi;
    const char* en;
};

struct CommandHelp {
    const char* name;
    const char* purpose_vi;
    const char* purpose_en;
    const char* usage_vi;
    const char* usage_en;
    Example examples[2];
    bool lists_types;  // its arguments or options name document types
};

const CommandHelp kCommands[] = {
    {"init", "tạo kho văn bản mới cho một trường (vanban.yaml, plans/, content/, quy trình GitHub)",
     "create a new school repository (vanban.yaml, plans/, content/, GitHub workflows)",
     "vanban init [THƯ_MỤC] --ten \"Trường …\" --viet-tat TÊN_VIẾT_TẮT [tùy chọn]",
     "vanban init [FOLDER] --ten \"Trường …\" --viet-tat ABBREVIATION [options]",
     {{"vanban init truong-thcs-a --ten \"Trường THCS A\" --viet-tat THCSA", "tạo kho trong thư mục truong-thcs-a",
       "create the repository in the folder truong-thcs-a"},
      {"vanban init . --ten \"Trường TH B\" --viet-tat THB --force", "tạo kho ngay tại thư mục này dù nó đã có tệp",
       "create the repository here even though the folder has files"}},
     false},
    {"check", "kiểm tra văn bản (front matter, mục bắt buộc, đánh số, bảng, trích dẫn, phê duyệt)",
     "check documents (front matter, required sections, numbering, tables, citations, approvals)",
     "vanban check [TỆP...] [tùy chọn]", "vanban check [FILE...] [options]",
     {{"vanban check", "kiểm tra mọi văn bản của kho", "check every document of the repository"},
      {"vanban check plans/2024-2025/ke-hoach-day-hoc.md", "chỉ báo lỗi của văn bản này (vẫn so với cả kho)",
       "report only this document's findings (still compared with the whole repository)"}},
     true},
    {"build", "kiểm tra rồi tạo trang web công khai của trường, bản PDF và bản Word",
     "check, then build the school's public website with its PDF and Word files",
     "vanban build [tùy chọn]", "vanban build [options]",
     {{"vanban build", "tạo trang web trong site/", "build the website into site/"},
      {"vanban build --no-pdf --out /tmp/trang", "tạo nhanh, không có PDF, vào /tmp/trang", "a quick build without PDFs into /tmp/trang"}},
     false},
    {"pdf", "tạo bản PDF của các văn bản đã chọn", "make the PDFs of the chosen documents",
     "vanban pdf TỆP... [tùy chọn]", "vanban pdf FILE... [options]",
     {{"vanban pdf plans/2024-2025/ke-hoach-day-hoc.md", "ghi ke-hoach-day-hoc.pdf vào thư mục hiện tại",
       "write ke-hoach-day-hoc.pdf into the current folder"},
      {"vanban pdf plans/2024-2025/*.md --out in", "mọi kế hoạch năm học, vào thư mục in/", "every plan of the school year, into in/"}},
     false},
    {"docx", "tạo bản Word (.docx) của các văn bản đã chọn", "make the Word files (.docx) of the chosen documents",
     "vanban docx TỆP... [tùy chọn]", "vanban docx FILE... [options]",
     {{"vanban docx plans/2024-2025/ke-hoach-day-hoc.md", "ghi ke-hoach-day-hoc.docx vào thư mục hiện tại",
       "write ke-hoach-day-hoc.docx into the current folder"},
      {"vanban docx content/van-ban/2024-2025/*.md --out word", "mọi công văn năm học, vào thư mục word/",
       "every letter of the school year, into word/"}},
     false},
    {"status", "trạng thái phê duyệt của mọi văn bản (theo các commit có chữ ký)",
     "the approval state of every document (from the signed commits)", "vanban status [tùy chọn]", "vanban status [options]",
     {{"vanban status", "ai đã duyệt văn bản nào, văn bản nào còn thiếu", "who approved which document, and what is missing"},
      {"vanban status --format json", "cùng nội dung, cho chương trình khác đọc", "the same, for other programs"}},
     false},
    {"approve", "ghi phê duyệt văn bản bằng một commit có chữ ký", "record an approval with a signed commit",
     "vanban approve TỆP... --role VAI_TRÒ [tùy chọn]", "vanban approve FILE... --role ROLE [options]",
     {{"vanban approve plans/2024-2025/ke-hoach-day-hoc.md --role hieu-truong", "hiệu trưởng phê duyệt kế hoạch",
       "the principal approves the plan"},
      {"vanban approve content/van-ban/2024-2025/cong-van.md --role hieu-truong --issued",
       "ghi nhận văn bản đã ban hành trên giấy", "record a document issued on paper"}},
     false},
    {"new", "tạo văn bản mới theo mẫu của một loại", "create a new document from its type's template",
     "vanban new LOẠI [tùy chọn]", "vanban new TYPE [options]",
     {{"vanban new ke-hoach --title \"Kế hoạch dạy học năm học 2025-2026\"", "tạo kế hoạch mới trong plans/<năm học>/",
       "create a new plan in plans/<school year>/"},
      {"vanban new cong-van --year 2025-2026 --title \"V/v học liệu\"", "tạo công văn cho năm học 2025-2026",
       "create a letter for the school year 2025-2026"}},
     true},
    {"import", "chuyển văn bản Word (.docx) thành văn bản vanban", "turn Word documents (.docx) into vanban documents",
     "vanban import TỆP.docx... [tùy chọn]", "vanban import FILE.docx... [options]",
     {{"vanban import ke-hoach-cu.docx", "nhận ra loại, năm học, số và ghi vào đúng thư mục",
       "recognise the type, school year and number, and write it into the right folder"},
      {"vanban import bao-cao.docx --type bao-cao --dry-run", "chỉ in kết quả, không ghi tệp", "only print the result, write nothing"}},
     true},
    {"serve", "xem trước trang web khi đang sửa văn bản (tự cập nhật, chỉ trên máy này)",
     "preview the website while editing (updates itself, on this machine only)", "vanban serve [tùy chọn]", "vanban serve [options]",
     {{"vanban serve", "mở http://127.0.0.1:8000/ trong trình duyệt", "open http://127.0.0.1:8000/ in a browser"},
      {"vanban serve --port 8001", "dùng cổng khác khi cổng 8000 đang bận", "use another port when 8000 is taken"}},
     false},
    {"diff", "so sánh hai văn bản (hoặc hai năm học) theo mục, câu chữ, bảng và số liệu",
     "compare two documents (or two school years) by section, wording, tables and figures",
     "vanban diff CŨ MỚI [tùy chọn]  |  vanban diff --years NĂM_CŨ NĂM_MỚI", "vanban diff OLD NEW [options]  |  vanban diff --years OLD_YEAR NEW_YEAR",
     {{"vanban diff HEAD~1:plans/2024-2025/ke-hoach-day-hoc.md plans/2024-2025/ke-hoach-day-hoc.md",
       "điều gì đã đổi so với commit trước", "what changed since the previous commit"},
      {"vanban diff --years 2023-2024 2024-2025 --format html --out so-sanh.html", "so sánh hai năm học, ghi thành trang HTML",
       "compare two school years into an HTML page"}},
     false},
};

const CommandHelp* find_command(const std::string& name) {
    for (const auto& c : kCommands)
        if (name == c.name) return &c;
    return nullptr;
}

// Characters as a terminal shows them.
size_t columns(const std::string& s) { return static_cast<size_t>(count_code_points(s)); }

// "-o, --out THƯ_MỤC": the names, and the placeholder of a value without Boost's "arg" and "(=x)".
std::string option_names(const boost::program_options::option_description& o, bool english) {
    std::string formatted = o.format_name();  // "-o [ --out ]" or "--out"
    std::string names = formatted.rfind("--", 0) != 0 && formatted.size() >= 2 ? formatted.substr(0, 2) + ", --" + o.long_name()
                                                                                 : "--" + o.long_name();
    if (o.semantic()->max_tokens() == 0) return names;
    std::string value = o.semantic()->name();
    value = value.substr(0, value.find(" (="));
    if (value.empty() || value == boost::program_options::arg) value = english ? "VALUE" : "GIÁ_TRỊ";
    return names + " " + value;
}

// The options every command has (cli_support.h, add_common): listed after the command's own.
bool common_option(const std::string& name) { return name == "root" || name == "lang" || name == "jobs" || name == "help"; }

// `text` in lines of at most `width` columns, each after the first indented by `indent`.
std::string wrapped(const std::string& text, size_t width, size_t indent) {
    std::string out, line;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(' ', start);
        std::string word = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty() && columns(line) + 1 + columns(word) > width) {
            out += line + '\n' + std::string(indent, ' ');
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out + line;
}

void print_option_rows(const std::vector<std::pair<std::string, std::string>>& rows, size_t width, std::ostream& out) {
    constexpr size_t kLine = 100;
    for (const auto& [left, text] : rows) {
        out << "  " << left;
        // A long name takes its own line; its description starts under the others.
        if (columns(left) > width) out << '\n' << std::string(width + 2, ' ');
        else out << std::string(width - columns(left), ' ');
        out << "   " << wrapped(text, kLine - width - 5, width + 5) << '\n';
    }
}

void print_options(const boost::program_options::options_description& d, bool english, std::ostream& out) {
    std::vector<std::pair<std::string, std::string>> own, common;
    for (const auto& o : d.options())
        if (!o->description().empty()) (common_option(o->long_name()) ? common : own).emplace_back(option_names(*o, english), o->description());
    size_t width = 0;
    for (const auto* rows : {&own, &common})
        for (const auto& [left, text] : *rows) width = std::max(width, columns(left));
    width = std::min<size_t>(width, 24);
    if (!own.empty()) {
        out << (english ? "Options:\n" : "Tùy chọn:\n");
        print_option_rows(own, width, out);
        out << '\n';
    }
    out << (english ? "Options of every command:\n" : "Tùy chọn chung của mọi lệnh:\n");
    print_option_rows(common, width, out);
}

// The document types vanban knows here: the school's own templates/ over the shipped ones.
void print_document_types(const CommonOptions& common, std::ostream& out) {
    std::string root = common.root_if_found();
    TemplateSearchPath search = root.empty() ? TemplateSearchPath(std::vector<std::string>{default_templates_dir()})
                                             : TemplateSearchPath(root, {default_templates_dir()});
    std::vector<Diagnostic> ignored;  // a broken type file is for `vanban check` to report; the help lists the others
    DocumentTypes types = load_document_types(search, root, ignored);
    out << '\n' << (common.english ? "Document types:\n" : "Loại văn bản:\n");
    if (types.empty()) {
        out << (common.english ? "  none found in " : "  không tìm thấy loại nào trong ") << one_line(search.looked_in()) << '\n';
        return;
    }
    // A school's type file is untrusted: its names are shown, never run as terminal escapes.
    std::vector<std::pair<std::string, std::string>> rows;
    size_t width = 0;
    for (const auto& id : types.ids()) {
        rows.emplace_back(one_line(id), one_line(types.find(id)->name));
        width = std::max(width, columns(rows.back().first));
    }
    for (const auto& [id, name] : rows) out << "  " << id << std::string(width - columns(id), ' ') << "   " << name << '\n';
}

}  // namespace

bool english_requested(const std::vector<std::string>& args) {
    for (size_t i = 0; i < args.size(); ++i)
        if (args[i] == "--lang=en" || (args[i] == "--lang" && i + 1 < args.size() && args[i + 1] == "en")) return true;
    return false;
}

int print_help(const std::string& command, const boost::program_options::options_description& options, const CommonOptions& common,
               std::ostream& out) {
    const CommandHelp* help = find_command(command);
    bool en = common.english;
    if (help) {
        out << "vanban " << command << " — " << (en ? help->purpose_en : help->purpose_vi) << "\n\n"
            << (en ? "Usage: " : "Cách dùng: ") << (en ? help->usage_en : help->usage_vi) << "\n\n";
    }
    print_options(options, en, out);
    if (help) {
        out << '\n' << (en ? "Examples:\n" : "Ví dụ:\n");
        for (const auto& e : help->examples) out << "  " << e.command << "\n      " << (en ? e.en : e.vi) << '\n';
        if (help->lists_types) print_document_types(common, out);
    }
    return 0;
}

void print_overview(bool english, std::ostream& out) {
    out << "vanban " VANBAN_VERSION << (english ? " — school documents as source files\n\n" : " — văn bản nhà trường dưới dạng mã nguồn\n\n")
        << (english ? "Usage: vanban <command> [options]\n\nCommands:\n" : "Cách dùng: vanban <lệnh> [tùy chọn]\n\nLệnh:\n");
    for (const auto& c : kCommands) out << "  " << c.name << std::string(9 - std::string(c.name).size(), ' ') << (english ? c.purpose_en : c.purpose_vi) << '\n';
    out << (english ? "\nA command's options and examples: vanban help <command>  (or vanban <command> --help)\n"
                      "In English: add --lang en\n"
                    : "\nTùy chọn và ví dụ của một lệnh: vanban help <lệnh>  (hoặc vanban <lệnh> --help)\n"
                      "In English: thêm --lang en\n");
}

std::vector<std::string> command_names() {
    std::vector<std::string> names;
    for (const auto& c : kCommands) names.push_back(c.name);
    return names;
}

}  // namespace vanban
