#include "init/school_skeleton.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <stdexcept>

#include "load/front_matter.h"
#include "load/repository.h"
#include "load/source_reader.h"
#include "text/unicode.h"

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

namespace vanban {

namespace {

// The disclosure categories of TT 09/2024, as the shipped type lists them.
std::vector<DisclosureCategory> disclosure_categories(const std::string& templates_dir) {
    std::vector<Diagnostic> problems;
    DocumentTypes types = load_document_types(TemplateSearchPath(std::vector<std::string>{templates_dir}), templates_dir, problems);
    const DocumentType* disclosure = types.find("cong-khai");
    if (!disclosure || disclosure->categories.empty())
        throw std::runtime_error("không đọc được danh mục công khai (loại cong-khai) trong " + templates_dir + "/types" +
                                 (problems.empty() ? std::string() : ": " + problems.front().message.vi));
    return disclosure->categories;
}

// A line holding only a section, inverted section, closing or delimiter tag leaves no empty
// line behind (the mustache spec's "standalone" tags; kainjow's renderer leaves one for a section
// it skips): the tag moves to the end of the line before, or to the start of the file.
std::string join_standalone_tags(const std::string& text) {
    static const std::regex standalone(R"(^[ \t]*((\{\{|<%)[#^/=][^\n]*(\}\}|%>))[ \t]*$)");
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        std::smatch tag;
        if (end != std::string::npos && std::regex_match(line, tag, standalone)) {
            if (out.empty()) {
                out = tag[1].str();
            } else {
                out.pop_back();  // the line before's newline, after the tag now
                out += tag[1].str() + "\n";
            }
        } else {
            out += line + (end == std::string::npos ? "" : "\n");
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::string render(const std::string& text, const data& values, const std::string& shown) {
    mustache tmpl(join_standalone_tags(text));
    // The skeleton writes YAML, Markdown and shell, not HTML: values go in as they are (the
    // YAML ones are quoted beforehand, see *_yaml).
    tmpl.set_custom_escape([](const std::string& s) { return s; });
    std::string out = tmpl.is_valid() ? tmpl.render(values) : std::string();
    if (!tmpl.is_valid()) throw std::runtime_error("mẫu " + shown + " hỏng: " + tmpl.error_message());
    return out;
}

void set_text(data& d, const std::string& key, const std::string& value) {
    if (value.empty()) return;  // absent: {{#key}} sections are skipped, {{^key}} ones shown
    d.set(key, value);
    d.set(key + "_yaml", yaml_quote(value));
}

}  // namespace

std::string level_from_name(const std::string& name) {
    std::string folded = " " + fold_diacritics(to_lower(name)) + " ";
    // The written forms of each level, as schools name themselves ("Trường TH&THCS …" is left to --cap-hoc).
    const std::vector<std::pair<std::string, std::vector<std::string>>> forms = {
        {"MN", {" mam non ", " mn "}},
        {"TH", {" tieu hoc ", " th "}},
        {"THCS", {" trung hoc co so ", " thcs "}},
        {"THPT", {" trung hoc pho thong ", " thpt "}},
        {"GDTX", {" giao duc thuong xuyen ", " gdtx "}},
    };
    std::string found;
    for (const auto& [level, words] : forms)
        for (const auto& w : words)
            if (folded.find(w) != std::string::npos) {
                if (!found.empty() && found != level) return "";
                found = level;
            }
    return found;
}

std::vector<SkeletonFile> render_skeleton(const std::string& skeleton_dir, const std::string& templates_dir, const SchoolFields& school,
                                          const SchoolYear& year, const Date& today) {
    std::error_code ec;
    if (!fs::is_directory(skeleton_dir, ec)) throw std::runtime_error("không tìm thấy bộ khung kho văn bản " + skeleton_dir + " (cài đặt vanban chưa đủ?)");
    data values;
    set_text(values, "ten", school.name);
    set_text(values, "viet_tat", school.abbreviation);
    set_text(values, "co_quan", school.governing_body);
    set_text(values, "dia_danh", school.place);
    set_text(values, "cap_hoc", school.level);
    set_text(values, "website", school.website);
    values.set("nam_hoc", year.text());
    values.set("hom_nay", today.iso());
    values.set("phien_ban", VANBAN_VERSION);
    values.set("dia_chi_goi_deb", std::string(VANBAN_RELEASES_URL) + "/v" VANBAN_VERSION "/vanban_" VANBAN_VERSION "_amd64.deb");

    std::vector<fs::path> sources;
    for (auto it = fs::recursive_directory_iterator(skeleton_dir); it != fs::recursive_directory_iterator(); ++it)
        if (it->is_regular_file(ec) && !it->is_symlink(ec)) sources.push_back(it->path());
    std::sort(sources.begin(), sources.end());

    std::vector<DisclosureCategory> categories;
    std::vector<SkeletonFile> out;
    for (const auto& source : sources) {
        std::string relative = fs::relative(source, skeleton_dir).generic_string();
        std::string text = read_file(source.string());
        if (relative.find("{{danh_muc}}") == std::string::npos) {
            out.push_back({render(relative, values, relative), render(text, values, relative)});
            continue;
        }
        if (categories.empty()) categories = disclosure_categories(templates_dir);
        for (const auto& c : categories) {
            data one = values;
            one.set("danh_muc", c.id);
            one.set("ten_danh_muc", c.name);
            one.set("ten_danh_muc_thuong", to_lower(c.name));
            out.push_back({render(relative, one, relative), render(text, one, relative)});
        }
    }
    return out;
}

}  // namespace vanban
