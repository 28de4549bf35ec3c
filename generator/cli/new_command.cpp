// `vanban new TYPE`: a new document from its type's definition, ready to be filled in.
#include <algorithm>

#include "cli/cli_support.h"
#include "import/document_place.h"
#include "init/school_input.h"
#include "load/document_loader.h"
#include "load/front_matter.h"
#include "text/numbering.h"
#include "text/unicode.h"

namespace vanban {

namespace {

// The next number of the series this type's documents would take this calendar year.
int next_number(BuildSession& session, const DocumentType& type, int year) {
    int highest = 0;
    std::string first = derive_symbol(type.symbol_pattern, 1, type.abbreviation, session.index().school.abbreviation);
    std::string series = first.substr(first.find('/') + 1);
    session.each_document([&](const Document& d) {
        if (d.number && d.date && d.date->year == year && d.symbol.substr(d.symbol.find('/') + 1) == series)
            highest = std::max(highest, *d.number);
    });
    return highest + 1;
}

// The subject without the type's name in front ("Kế hoạch chuyển đổi số" → "Chuyển đổi số"): the
// name is printed above the subject anyway, and the file would be ke-hoach-ke-hoach-….
// Unchanged when the title is nothing but the name, or only starts with a longer word.
std::string without_type_name(const std::string& title, const std::string& name) {
    std::string t = to_nfc(title), n = to_nfc(name);
    if (t.size() <= n.size() || to_lower(t.substr(0, n.size())) != to_lower(n)) return title;
    size_t rest = n.size();
    if (t[rest] != ' ' && t[rest] != ':' && t[rest] != '-') return title;
    while (rest < t.size() && (t[rest] == ' ' || t[rest] == ':' || t[rest] == '-')) ++rest;
    if (rest == t.size()) return title;
    // The first letter up, as a subject starts; its UTF-8 length from the lead byte.
    unsigned char lead = static_cast<unsigned char>(t[rest]);
    size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return to_upper(t.substr(rest, len)) + t.substr(rest + len);
}

}  // namespace

int run_new(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    std::string year, title;
    std::vector<std::string> positional;
    po::options_description d;
    add_common(d, common);
    d.add_options()("year", po::value(&year)->value_name(common.text("NĂM_HỌC", "SCHOOL_YEAR")),
                    common.text("năm học, ví dụ 2025-2026 (mặc định: năm học hiện tại)", "school year, e.g. 2025-2026 (default: the current one)"))
        ("title", po::value(&title)->value_name(common.text("\"TRÍCH_YẾU\"", "\"SUBJECT\"")),
         common.text("trích yếu (hoặc tiêu đề trang)", "the subject line (or the page's title)"));
    po::variables_map vm = parse_with_files(args, d, positional);
    if (vm.count("help")) return print_help("new", d, common, out);
    // The title goes into YAML and the file name: a line break or an escape sequence has no place in it.
    if (Message problem = control_character_problem("--title", title); !problem.vi.empty()) throw UsageError(problem.in(common.english));
    BuildSession session(session_options(common), {});
    const Repository& repo = session.read_index();
    if (positional.size() != 1)
        throw UsageError(common.text("cần đúng một loại văn bản, ví dụ: vanban new ke-hoach --title \"...\"",
                                     "exactly one document type is needed, e.g. vanban new ke-hoach --title \"...\""));
    const DocumentType* type = repo.types.find(positional[0]);
    if (!type) throw unknown_type(repo, positional[0], common.english);
    Date today = check_options(common).today;
    if (year.empty()) year = school_year_of(today).text();
    if (!parse_school_year(year))
        throw UsageError(common.english ? "the school year \"" + year + "\" is not valid; write it as 2025-2026"
                                        : "năm học \"" + year + "\" không hợp lệ; viết như 2025-2026");
    common.say_root_above(out);
    if (type->official && !title.empty()) {
        std::string stripped = without_type_name(title, type->name);
        if (stripped != title) {
            out << common.text("trích yếu bỏ tên loại \"", "the subject drops the type's name \"") << type->name
                << common.text("\" ở đầu (tên loại đã in phía trên trích yếu): \"", "\" in front (it is printed above the subject): \"") << stripped
                << "\"\n";
            title = stripped;
        }
    }

    std::string relative = document_place(common.root(), type, year, title);

    std::string text = "---\nloai: " + type->id + "\n";
    if (!type->official) {
        text += "tieu_de: " + yaml_quote(title.empty() ? "[[Tiêu đề trang]]" : title) + "\n---\n\n[[Nội dung trang]]\n";
    } else {
        int proposed = next_number(session, *type, today.year);
        text += "# so: " + std::to_string(proposed) + "   (số tiếp theo đề xuất; văn thư ghi số khi văn bản được ký)\n";
        text += "ngay: " + today.iso() + "\n";
        text += "nam_hoc: \"" + year + "\"\n";
        text += "trich_yeu: " + yaml_quote(title.empty() ? "[[Trích yếu nội dung]]" : title) + "\n";
        text += "nguoi_ky:\n  chuc_vu: \"HIỆU TRƯỞNG\"\n  ho_ten: \"[[Họ và tên người ký]]\"\n";
        if (std::find(type->required_fields.begin(), type->required_fields.end(), "kinh_gui") != type->required_fields.end())
            text += "kinh_gui:\n  - \"[[Nơi nhận phải thực hiện]]\"\n";
        if (!type->categories.empty()) {
            text += "danh_muc: " + type->categories.front().id + "   # một trong:";
            for (const auto& c : type->categories) text += " " + c.id;
            text += "\n";
        }
        text += "noi_nhan:\n  - \"[[Nơi nhận (để biết/để thực hiện)]];\"\n  - \"Lưu: VT.\"\n---\n\n";
        text += "Căn cứ [[văn bản làm căn cứ: tên loại, số, ký hiệu, ngày, cơ quan ban hành, trích yếu]];\n\n";
        bool roman = !type->numbering.empty() && !type->numbering[0].empty() && type->numbering[0][0] == NumberStyle::Roman;
        int k = 0;
        for (const auto& section : type->required_sections) {
            ++k;
            text += "# " + (roman ? to_roman(k) + ". " + to_upper(section.name) : std::to_string(k) + ". " + section.name) + "\n\n";
            text += "[[" + (section.hint.empty() ? "Viết nội dung mục này." : section.hint) + "]]\n\n";
        }
        if (type->required_sections.empty()) text += "[[Nội dung văn bản]]\n\n";
        text += "Trên đây là " + to_lower(type->name) + " [[trích yếu]]./.\n";
        out << common.text("số đề xuất: ", "proposed number: ") << proposed
            << common.text(" (chưa cấp; văn thư ghi số \"so:\" khi ký)\n", " (not given yet; the clerk writes \"so:\" when it is signed)\n");
    }
    write_repository_file(common.root(), relative, text, false, common.english);
    out << common.text("đã tạo ", "created ") << relative << "\n"
        << common.text("Thay các chỗ [[...]] bằng nội dung thật; vanban check nhắc những chỗ còn lại.\n",
                       "Replace the [[...]] places with the real text; vanban check points out the ones left.\n");
    return 0;
}

}  // namespace vanban
