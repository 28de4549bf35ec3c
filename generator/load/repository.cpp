#include "load/repository.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "load/document_loader.h"
#include "load/front_matter.h"
#include "load/published_files.h"
#include "load/source_reader.h"
#include "support/error_text.h"
#include "support/interrupt.h"
#include "support/parallel_for.h"
#include "support/process.h"
#include "text/unicode.h"
#include "text/url.h"

namespace fs = std::filesystem;

namespace vanban {

std::string find_templates_dir(const char* environment, const std::string& executable, const std::string& source_templates,
                               const std::string& build_dir) {
    if (environment && *environment) return environment;
    if (executable.empty()) return source_templates;
    // An installed vanban is <prefix>/bin/vanban with its data in <prefix>/share/vanban: found
    // relative to the executable, a relocated or `dpkg-deb -x`-extracted install works too.
    std::error_code ec;
    fs::path folder = fs::weakly_canonical(fs::path(executable).parent_path(), ec);
    fs::path shipped = (folder.parent_path() / "share" / "vanban" / "templates").lexically_normal();
    if (fs::is_directory(shipped, ec)) return shipped.string();
    // The source folder is used only by the vanban built there: a copied or installed binary
    // would otherwise take whatever that path holds on the machine it runs on.
    fs::path build = fs::weakly_canonical(build_dir, ec);
    if (!build_dir.empty() && is_inside(folder, build)) return source_templates;
    return shipped.string();  // missing: the error that no type is found names it
}

std::string default_templates_dir() {
    static const std::string executable = [] {
        std::error_code ec;
        fs::path self = fs::read_symlink("/proc/self/exe", ec);
        return ec ? std::string() : self.string();
    }();
    return find_templates_dir(std::getenv("VANBAN_TEMPLATES"), executable, VANBAN_SOURCE_TEMPLATES, VANBAN_BUILD_DIR);
}

TemplateSearchPath::TemplateSearchPath(const std::string& repository_root, std::vector<std::string> dirs)
    : TemplateSearchPath(std::make_shared<DiskTree>(repository_root), std::move(dirs)) {}

TemplateSearchPath::TemplateSearchPath(std::shared_ptr<const SourceTree> repository, std::vector<std::string> dirs)
    : repository_(std::move(repository)) {
    dirs_.push_back((fs::path(repository_->root()) / "templates").string());
    dirs_.insert(dirs_.end(), dirs.begin(), dirs.end());
}

bool TemplateSearchPath::usable(size_t dir, const std::string& relative) const {
    if (dir == 0 && repository_) return repository_->is_plain_file("templates/" + relative);
    std::error_code ec;
    return fs::is_regular_file(fs::path(dirs_[dir]) / relative, ec);
}

std::string TemplateSearchPath::read(const std::string& found) const {
    if (repository_) {
        const std::string own = dirs_[0] + "/";
        if (found.compare(0, own.size(), own) == 0) return repository_->read("templates/" + found.substr(own.size()));
    }
    return read_file(found);
}

std::string TemplateSearchPath::looked_in() const {
    std::string out;
    for (const auto& dir : dirs_) out += (out.empty() ? "" : ", ") + dir;
    return out;
}

std::string TemplateSearchPath::find(const std::string& relative) const {
    for (size_t i = 0; i < dirs_.size(); ++i)
        if (usable(i, relative)) return (fs::path(dirs_[i]) / relative).string();
    return {};
}

std::vector<std::string> TemplateSearchPath::list(const std::string& relative, const std::string& extension) const {
    std::map<std::string, std::string> by_name;
    for (size_t i = 0; i < dirs_.size(); ++i) {
        if (i == 0 && repository_) {
            // No link is followed: a linked folder lists nothing, a linked file is not usable.
            for (const auto& entry : repository_->list("templates/" + relative).value_or(std::vector<SourceEntry>{})) {
                if (fs::path(entry.name).extension() == extension && !by_name.count(entry.name) &&
                    usable(i, relative + "/" + entry.name))
                    by_name[entry.name] = (fs::path(dirs_[i]) / relative / entry.name).string();
            }
            continue;
        }
        std::error_code ec;
        fs::path folder = fs::path(dirs_[i]) / relative;
        if (!fs::is_directory(folder, ec)) continue;
        for (const auto& entry : fs::directory_iterator(folder, ec)) {
            std::string name = entry.path().filename().string();
            if (entry.path().extension() == extension && !by_name.count(name) && usable(i, relative + "/" + name))
                by_name[name] = entry.path().string();
        }
    }
    std::vector<std::string> out;
    for (auto& [name, path] : by_name) out.push_back(path);
    return out;
}

const Document* Repository::find(const std::string& path) const {
    auto it = std::lower_bound(documents.begin(), documents.end(), path,
                               [](const Document& d, const std::string& p) { return d.path < p; });
    return it != documents.end() && it->path == path ? &*it : nullptr;
}

namespace {

// Real documents are well under 1 MiB (a 50-page plan is about 200 KiB); the cap keeps one huge
// file from taking the memory of the whole build. VANBAN_MAX_DOCUMENT_MB changes it (tests lower it).
uintmax_t max_document_bytes() {
    static const uintmax_t megabytes = limit_from_environment("VANBAN_MAX_DOCUMENT_MB", 1 << 20).value_or(16);
    return megabytes << 20;
}

Diagnostic problem(const std::string& file, Position at, const char* rule, Message message, Message hint = {}) {
    return Diagnostic{file, at, Severity::Error, rule, std::move(message), std::move(hint)};
}

Position mark_of(const YAML::Node& node) {
    YAML::Mark m = node.Mark();
    return m.line < 0 ? Position{1, 1} : Position{m.line + 1, m.column + 1};
}

std::string string_at(const YAML::Node& map, const char* key) {
    YAML::Node n = map[key];
    return n && n.IsScalar() ? n.Scalar() : std::string();
}

// Reads a YAML file; a file that cannot be read, is not UTF-8 (TCVN3, VNI, UTF-16…) or has a
// syntax error becomes a diagnostic (the YAML of repaired text is still read) and an empty node.
YAML::Node read_yaml(const std::function<std::string()>& read, const std::string& shown, const char* rule,
                     std::vector<Diagnostic>& problems) {
    std::string raw;
    try {
        raw = read();
    } catch (const std::exception& e) {
        problems.push_back(problem(shown, {1, 1}, "config", describe_exception(e),
                                   {"Kiểm tra quyền đọc của tệp.", "Check that the file can be read."}));
        return YAML::Node();
    }
    SourceText text = read_source(std::move(raw));
    if (!text.valid_utf8)
        if (auto bad = describe_invalid_utf8(text.raw))
            problems.push_back(problem(shown, bad->at, "config", {shown + ": " + bad->message.vi, shown + ": " + bad->message.en}, bad->hint));
    try {
        return YAML::Load(text.text);
    } catch (const YAML::Exception& e) {
        Message what = yaml_syntax_message(e.msg);
        problems.push_back(problem(shown, {std::max(e.mark.line, 0) + 1, std::max(e.mark.column, 0) + 1}, rule,
                                   {"YAML không hợp lệ: " + what.vi, "invalid YAML: " + what.en},
                                   {"Sửa cú pháp YAML ở dòng này (thụt lề, dấu hai chấm, dấu ngoặc kép).",
                                    "Fix the YAML syntax on this line (indentation, colons, quotes)."}));
    }
    return YAML::Node();
}

// Runs a loader of a school-editable YAML file; a value of the wrong shape (a list where a
// mapping belongs, say) becomes a diagnostic naming the file instead of a crash.
template <typename Load>
auto guarded(const std::string& file, const char* rule, std::vector<Diagnostic>& problems, Load load) -> decltype(load()) {
    try {
        return load();
    } catch (const YAML::Exception& e) {
        Position at = e.mark.line < 0 ? Position{1, 1} : Position{e.mark.line + 1, e.mark.column + 1};
        Message what = yaml_structure_message(e.msg);
        problems.push_back(problem(file, at, rule, what,
                                   {"So sánh với tệp mẫu cùng loại trong templates/ của vanban (hoặc README) và sửa cho đúng.",
                                    "Compare with vanban's own file of the same kind (or the README) and fix it."}));
        return decltype(load()){};
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        problems.push_back(problem(file, {1, 1}, "config", describe_exception(e),
                                   {"So sánh với tệp mẫu cùng loại trong templates/ của vanban (hoặc README) và sửa cho đúng.",
                                    "Compare with vanban's own file of the same kind (or the README) and fix it."}));
        return decltype(load()){};
    }
}

// A hint `vanban init` left ("[[Tên cơ quan chủ quản]]") would be printed in every document's
// header: a warning at its line, like the placeholders of a document.
void report_placeholders(const std::string& file, const YAML::Node& node, std::vector<Diagnostic>& problems) {
    if (node.IsScalar()) {
        const std::string& text = node.Scalar();
        size_t open = text.find("[[");
        if (open == std::string::npos || text.find("]]", open) == std::string::npos) return;
        problems.push_back(Diagnostic{file, mark_of(node), Severity::Warning, "placeholder",
                                      {"vanban.yaml: còn gợi ý chưa thay: \"" + text + "\"", "vanban.yaml: a hint is still to be replaced: \"" + text + "\""},
                                      {"Thay cả [[...]] bằng thông tin thật của trường; nó được in ở phần đầu mọi văn bản.",
                                       "Replace the whole [[...]] with the school's real details; it is printed in every document's header."}});
        return;
    }
    if (node.IsMap())
        for (const auto& kv : node) report_placeholders(file, kv.second, problems);
    else if (node.IsSequence())
        for (const auto& item : node) report_placeholders(file, item, problems);
}

std::string shown_path(const std::string& path, const std::string& root) {
    std::error_code ec;
    fs::path rel = fs::relative(path, root, ec);
    std::string r = rel.generic_string();
    if (ec || r.empty() || r.rfind("..", 0) == 0) return path;
    return r;
}

}  // namespace

// truong.co_quan_chu_quan: a plain string (one body for all dates) or the history of the bodies
// in charge, oldest first, each from its tu_ngay (the first may have none).
std::vector<GoverningBody> load_governing_bodies(const std::string& file, const YAML::Node& node, const std::string& default_place,
                                                 std::vector<Diagnostic>& problems) {
    std::vector<GoverningBody> bodies;
    const Message example_hint{"Ví dụ:\n  co_quan_chu_quan:\n    - ten: \"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN …\"\n"
                               "    - ten: \"ỦY BAN NHÂN DÂN XÃ …\"\n      tu_ngay: 2025-07-01\n      dia_danh: \"…\"",
                               "Example:\n  co_quan_chu_quan:\n    - ten: \"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN …\"\n"
                               "    - ten: \"ỦY BAN NHÂN DÂN XÃ …\"\n      tu_ngay: 2025-07-01\n      dia_danh: \"…\""};
    auto fail = [&](const YAML::Node& at, const std::string& vi, const std::string& en, Message hint) {
        problems.push_back(problem(file, at ? mark_of(at) : Position{1, 1}, "governing-body", {"vanban.yaml: " + vi, "vanban.yaml: " + en},
                                   hint.vi.empty() ? example_hint : std::move(hint)));
    };
    if (!node || node.IsNull() || (node.IsScalar() && node.Scalar().empty()) || (node.IsSequence() && node.size() == 0)) {
        fail(node, "co_quan_chu_quan để trống", "co_quan_chu_quan is empty",
             {"Điền tên cơ quan chủ quản (một tên, hoặc danh sách các cơ quan theo thời gian).",
              "Fill in the governing body (one name, or the list of bodies over time)."});
        return bodies;
    }
    if (node.IsScalar()) {
        bodies.push_back({node.Scalar(), std::nullopt, default_place, mark_of(node).line});
        return bodies;
    }
    if (!node.IsSequence()) {
        fail(node, "co_quan_chu_quan phải là một tên hoặc một danh sách các cơ quan (ten, tu_ngay, dia_danh)",
             "co_quan_chu_quan must be a name or a list of bodies (ten, tu_ngay, dia_danh)", {});
        return bodies;
    }
    for (const auto& item : node) {
        if (!item.IsMap()) {
            fail(item, "mỗi mục của co_quan_chu_quan cần ten (và tu_ngay từ mục thứ hai)",
                 "each entry of co_quan_chu_quan needs ten (and tu_ngay from the second on)", {});
            continue;
        }
        for (const auto& kv : item)
            if (kv.first.Scalar() != "ten" && kv.first.Scalar() != "tu_ngay" && kv.first.Scalar() != "dia_danh")
                fail(kv.first, "khóa không biết co_quan_chu_quan." + kv.first.Scalar(), "unknown key co_quan_chu_quan." + kv.first.Scalar(),
                     {"Các khóa hợp lệ: ten, tu_ngay, dia_danh.", "Valid keys: ten, tu_ngay, dia_danh."});
        for (const char* key : {"ten", "tu_ngay", "dia_danh"})
            if (YAML::Node n = item[key]; n && !n.IsScalar() && !n.IsNull())
                problems.push_back(problem(file, mark_of(n), "config",
                                           {std::string("vanban.yaml: co_quan_chu_quan.") + key + " phải là một dòng chữ, không phải danh sách hay bảng",
                                            std::string("vanban.yaml: co_quan_chu_quan.") + key + " must be one line of text, not a list or mapping"},
                                           example_hint));
        GoverningBody body;
        body.name = string_at(item, "ten");
        body.line = mark_of(item).line;
        body.place = string_at(item, "dia_danh");
        if (body.place.empty()) body.place = default_place;
        if (body.name.empty()) {
            fail(item, "mục của co_quan_chu_quan thiếu ten", "an entry of co_quan_chu_quan has no ten", {});
            continue;
        }
        if (YAML::Node from = item["tu_ngay"]) {
            body.from = from.IsScalar() ? parse_iso_date(from.Scalar()) : std::nullopt;
            if (!body.from) {
                DateProblem why = date_problem(from.IsScalar() ? from.Scalar() : std::string()).value_or(DateProblem{});
                fail(from, "tu_ngay của \"" + body.name + "\": " + why.vi, "tu_ngay of \"" + body.name + "\": " + why.en,
                     {"Ghi ngày cơ quan này bắt đầu là cơ quan chủ quản, ví dụ tu_ngay: 2025-07-01.",
                      "Write the day this body took charge, e.g. tu_ngay: 2025-07-01."});
                continue;
            }
        } else if (!bodies.empty()) {
            fail(item, "\"" + body.name + "\" thiếu tu_ngay: từ mục thứ hai, mỗi cơ quan cần ngày bắt đầu",
                 "\"" + body.name + "\" has no tu_ngay: from the second entry on, each body needs its start date",
                 {"Thêm tu_ngay: YYYY-MM-DD (ngày cơ quan này bắt đầu là cơ quan chủ quản của trường).",
                  "Add tu_ngay: YYYY-MM-DD (the day this body took charge of the school)."});
            continue;
        }
        if (!bodies.empty() && bodies.back().from && !(*bodies.back().from < *body.from)) {
            fail(item["tu_ngay"], "tu_ngay " + body.from->short_vi() + " của \"" + body.name + "\" không sau tu_ngay " +
                                      bodies.back().from->short_vi() + " của mục trước",
                 "tu_ngay " + body.from->iso() + " of \"" + body.name + "\" is not after " + bodies.back().from->iso() + " of the entry before",
                 {"Xếp các cơ quan theo thời gian, cũ trước mới sau, mỗi mục một ngày bắt đầu muộn hơn mục trước.",
                  "List the bodies oldest first, each starting later than the one before."});
            continue;
        }
        bodies.push_back(std::move(body));
    }
    return bodies;
}

School load_school(const std::string& file, const YAML::Node& root, std::vector<Diagnostic>& problems) {
    School school;
    YAML::Node t = root && root.IsMap() ? root["truong"] : YAML::Node();
    if (!t || !t.IsMap()) {
        problems.push_back(problem(file, {1, 1}, "front-matter",
                                   {"vanban.yaml thiếu mục \"truong\" mô tả nhà trường",
                                    "vanban.yaml has no \"truong\" section describing the school"},
                                   {"Thêm mục truong: với ten, viet_tat, co_quan_chu_quan, dia_danh, cap_hoc.",
                                    "Add truong: with ten, viet_tat, co_quan_chu_quan, dia_danh, cap_hoc."}));
        return school;
    }
    static const std::vector<std::string> required = {"ten", "viet_tat", "cap_hoc"};
    static const std::vector<std::string> known = {"ten",     "viet_tat", "co_quan_chu_quan", "dia_danh", "cap_hoc",
                                                   "website", "dia_chi",  "dien_thoai",       "email",    "cho_phep_html"};
    for (const auto& key : required)
        if (string_at(t, key.c_str()).empty())
            problems.push_back(problem(file, mark_of(t), "front-matter",
                                       {"vanban.yaml: thiếu truong." + key, "vanban.yaml: truong." + key + " is missing"},
                                       {"Điền " + key + " cho nhà trường.", "Fill in " + key + " for the school."}));
    for (const auto& kv : t) {
        std::string key = kv.first.Scalar();
        if (std::find(known.begin(), known.end(), key) == known.end())
            problems.push_back(problem(file, mark_of(kv.first), "front-matter",
                                       {"vanban.yaml: khóa không biết truong." + key, "vanban.yaml: unknown key truong." + key},
                                       {"Các khóa hợp lệ: ten, viet_tat, co_quan_chu_quan, dia_danh, cap_hoc, website, dia_chi, dien_thoai, email, cho_phep_html.",
                                        "Valid keys: ten, viet_tat, co_quan_chu_quan, dia_danh, cap_hoc, website, dia_chi, dien_thoai, email, cho_phep_html."}));
    }
    for (const char* key : {"ten", "viet_tat", "dia_danh", "cap_hoc", "website", "dia_chi", "dien_thoai", "email"})
        if (YAML::Node n = t[key]; n && !n.IsScalar() && !n.IsNull())
            problems.push_back(problem(file, mark_of(n), "config",
                                       {std::string("vanban.yaml: truong.") + key + " phải là một dòng chữ, không phải danh sách hay bảng",
                                        std::string("vanban.yaml: truong.") + key + " must be one line of text, not a list or mapping"},
                                       {std::string("Viết ") + key + ": \"…\" trên cùng một dòng.",
                                        std::string("Write ") + key + ": \"…\" on one line."}));
    report_placeholders(file, t, problems);
    school.name = string_at(t, "ten");
    school.abbreviation = string_at(t, "viet_tat");
    school.place = string_at(t, "dia_danh");
    if (YAML::Node bodies = t["co_quan_chu_quan"])
        school.governing_bodies = load_governing_bodies(file, bodies, school.place, problems);
    else
        problems.push_back(problem(file, mark_of(t), "front-matter",
                                   {"vanban.yaml: thiếu truong.co_quan_chu_quan", "vanban.yaml: truong.co_quan_chu_quan is missing"},
                                   {"Điền co_quan_chu_quan cho nhà trường (một tên, hoặc danh sách các cơ quan theo thời gian).",
                                    "Fill in co_quan_chu_quan for the school (one name, or the list of bodies over time)."}));
    bool every_period_has_place = !school.governing_bodies.empty();
    for (const auto& body : school.governing_bodies) every_period_has_place &= !body.place.empty();
    if (school.place.empty() && !every_period_has_place)
        problems.push_back(problem(file, mark_of(t), "front-matter", {"vanban.yaml: thiếu truong.dia_danh", "vanban.yaml: truong.dia_danh is missing"},
                                   {"Điền dia_danh cho nhà trường (hoặc dia_danh cho từng mục của co_quan_chu_quan).",
                                    "Fill in dia_danh for the school (or dia_danh in every entry of co_quan_chu_quan)."}));
    school.level = string_at(t, "cap_hoc");
    // A field of spaces only is left out like an empty one (no empty row on the site).
    auto optional_at = [&t](const char* key) {
        std::string value = string_at(t, key);
        return value.find_first_not_of(" \t") == std::string::npos ? std::string() : value;
    };
    school.website = optional_at("website");
    while (!school.website.empty() && school.website.back() == '/') school.website.pop_back();
    // The website is the base of the feed's, the sitemap's, the QR codes' and the Word files'
    // links: anything but an http(s) address is reported and left out.
    if (!school.website.empty() && !is_web_address(school.website)) {
        std::string written = shown_prefix(string_at(t, "website"), 80);
        problems.push_back(problem(file, mark_of(t["website"]), "url",
                                   {"vanban.yaml: truong.website \"" + written +
                                        "\" không phải địa chỉ trang web http:// hoặc https://; trang web, nguồn tin và sơ đồ trang sẽ bỏ qua nó",
                                    "vanban.yaml: truong.website \"" + written +
                                        "\" is not an http:// or https:// address; the site, feed and sitemap leave it out"},
                                   {"Ví dụ: website: \"https://thcs-binhminh.edu.vn\".", "Example: website: \"https://thcs-binhminh.edu.vn\"."}));
        school.website.clear();
    }
    school.address = optional_at("dia_chi");
    school.phone = optional_at("dien_thoai");
    school.email = optional_at("email");
    // Printed as mailto:{email}: an address only, so that nothing else rides in the link.
    if (!school.email.empty()) {
        size_t at = school.email.find('@');
        bool plain = at != std::string::npos && at > 0 && at + 1 < school.email.size() && school.email.find('@', at + 1) == std::string::npos &&
                     school.email.find_first_of(" \t\r\n:/?#&\"'<>\\") == std::string::npos;
        if (!plain) {
            problems.push_back(problem(file, mark_of(t["email"]), "url",
                                       {"vanban.yaml: truong.email \"" + shown_prefix(school.email, 80) + "\" không phải một địa chỉ thư điện tử; trang web sẽ bỏ qua nó",
                                        "vanban.yaml: truong.email \"" + shown_prefix(school.email, 80) + "\" is not an e-mail address; the site leaves it out"},
                                       {"Ví dụ: email: \"c2binhminh@example.edu.vn\".", "Example: email: \"c2binhminh@example.edu.vn\"."}));
            school.email.clear();
        }
    }
    if (YAML::Node html = t["cho_phep_html"]) {
        bool allowed = false;
        if (html.IsScalar() && YAML::convert<bool>::decode(html, allowed))
            school.allow_raw_html = allowed;
        else
            problems.push_back(problem(file, mark_of(html), "front-matter",
                                       {"vanban.yaml: cho_phep_html phải là true hoặc false", "vanban.yaml: cho_phep_html must be true or false"}));
    }
    if (!school.level.empty() && !known_level(school.level))
        problems.push_back(problem(file, mark_of(t["cap_hoc"]), "front-matter",
                                   {"vanban.yaml: cấp học \"" + school.level + "\" không hợp lệ",
                                    "vanban.yaml: school level \"" + school.level + "\" is not valid"},
                                   {"Dùng một trong " + school_level_codes() + ".", "Use one of " + school_level_codes() + "."}));
    return school;
}

DocumentType load_document_type(const std::string& file, const YAML::Node& root, std::vector<Diagnostic>& problems) {
    DocumentType type;
    type.source = file;
    auto fail = [&](const YAML::Node& at, const std::string& vi, const std::string& en) {
        problems.push_back(problem(file, at ? mark_of(at) : Position{1, 1}, "template", {vi, en},
                                   {"Sửa tệp định nghĩa loại văn bản này.", "Fix this document type definition."}));
    };
    // A value of the wrong shape used to switch a check off without a word: now it says which
    // key, where, and what it accepts.
    auto misshapen = [&](const YAML::Node& at, const std::string& key, const std::string& vi, const std::string& en, Message hint) {
        problems.push_back(problem(file, at ? mark_of(at) : Position{1, 1}, "config",
                                   {file + ": " + key + " " + vi, file + ": " + key + " " + en}, std::move(hint)));
    };
    if (!root || !root.IsMap()) {
        fail(root, "định nghĩa loại văn bản phải là một bảng YAML", "a document type definition must be a YAML mapping");
        return type;
    }
    for (const char* key : {"loai", "ten", "viet_tat", "ky_hieu", "bo_cuc", "van_ban"})
        if (YAML::Node n = root[key]; n && !n.IsScalar() && !n.IsNull())
            misshapen(n, key, "phải là một giá trị trên một dòng, không phải danh sách hay bảng",
                      "must be one value on one line, not a list or mapping",
                      {std::string("Ví dụ: ") + key + ": \"…\"", std::string("Example: ") + key + ": \"…\""});
    // A list of plain names (truong_bat_buoc, truong_tuy_chon, vai_tro…): anything else is reported.
    auto names = [&](const YAML::Node& node, const std::string& key) {
        std::vector<std::string> out;
        if (!node.IsSequence()) {
            misshapen(node, key, "phải là một danh sách tên, ví dụ [so, ky_hieu]", "must be a list of names, e.g. [so, ky_hieu]",
                      {"Viết " + key + ": [ten1, ten2] hoặc mỗi tên một dòng \"- ten\".",
                       "Write " + key + ": [name1, name2] or one \"- name\" line each."});
            return out;
        }
        for (const auto& item : node) {
            if (item.IsScalar() && !item.Scalar().empty()) out.push_back(item.Scalar());
            else misshapen(item, key, "chỉ chứa tên (chữ), mỗi mục một tên", "holds only names, one per item",
                           {"Bỏ mục rỗng hoặc mục là danh sách/bảng.", "Remove empty items and items that are lists or mappings."});
        }
        return out;
    };
    type.id = string_at(root, "loai");
    type.name = string_at(root, "ten");
    type.abbreviation = string_at(root, "viet_tat");
    type.symbol_pattern = string_at(root, "ky_hieu");
    type.layout = string_at(root, "bo_cuc");
    type.official = string_at(root, "van_ban") != "false";
    if (type.id.empty()) fail(root, "thiếu khóa loai", "the key loai is missing");
    if (type.name.empty()) fail(root, "thiếu khóa ten", "the key ten is missing");
    if (type.layout.empty()) type.layout = type.official ? "van-ban" : "trang";
    if (type.layout != "van-ban" && type.layout != "cong-van" && type.layout != "trang")
        misshapen(root["bo_cuc"], "bo_cuc", "\"" + type.layout + "\" không phải bố cục vanban biết (van-ban, cong-van, trang)",
                  "\"" + type.layout + "\" is not a layout vanban knows (van-ban, cong-van, trang)",
                  {"Dùng bo_cuc: van-ban, cong-van (công văn) hoặc trang (trang thông tin).",
                   "Use bo_cuc: van-ban, cong-van (letter) or trang (information page)."});
    // {so}, {loai} and {truong} are filled in; any other {…} would vanish from every ký hiệu.
    for (size_t open = type.symbol_pattern.find('{'); open != std::string::npos; open = type.symbol_pattern.find('{', open + 1)) {
        size_t close = type.symbol_pattern.find('}', open);
        if (close == std::string::npos) break;
        std::string name = type.symbol_pattern.substr(open + 1, close - open - 1);
        if (name != "so" && name != "loai" && name != "truong")
            misshapen(root["ky_hieu"], "ky_hieu", "có chỗ {" + name + "} không biết (dùng {so}, {loai}, {truong})",
                      "has an unknown placeholder {" + name + "} (use {so}, {loai}, {truong})",
                      {"Ví dụ: ky_hieu: \"{so}/{loai}-{truong}\".", "Example: ky_hieu: \"{so}/{loai}-{truong}\"."});
    }
    if (type.official && type.symbol_pattern.empty()) type.symbol_pattern = "{so}/{loai}-{truong}";
    if (YAML::Node fields = root["truong_bat_buoc"]) {
        if (fields.IsSequence())
            type.required_fields = names(fields, "truong_bat_buoc");
        else
            fail(fields, "truong_bat_buoc phải là một danh sách", "truong_bat_buoc must be a list");
    }
    if (YAML::Node fields = root["truong_tuy_chon"]) type.optional_fields = names(fields, "truong_tuy_chon");
    const Message sections_hint{"Ví dụ:\n  muc_bat_buoc:\n    - ten: \"Mục đích, yêu cầu\"\n      cach_viet_khac: [\"Mục đích\"]\n      goi_y: \"…\"",
                                "Example:\n  muc_bat_buoc:\n    - ten: \"Mục đích, yêu cầu\"\n      cach_viet_khac: [\"Mục đích\"]\n      goi_y: \"…\""};
    if (YAML::Node sections = root["muc_bat_buoc"]; sections && !sections.IsSequence() && !sections.IsNull())
        misshapen(sections, "muc_bat_buoc", "phải là một danh sách các mục (mỗi mục có ten, có thể có cach_viet_khac, goi_y)",
                  "must be a list of sections (each with ten, and optionally cach_viet_khac, goi_y)", sections_hint);
    else if (sections) {
        for (const auto& s : sections) {
            RequiredSection rs;
            rs.name = s.IsMap() ? string_at(s, "ten") : (s.IsScalar() ? s.Scalar() : "");
            if (rs.name.empty()) {
                fail(s, "mỗi mục bắt buộc cần có ten", "each required section needs a ten");
                continue;
            }
            rs.wordings.push_back(rs.name);
            if (s.IsMap()) rs.hint = string_at(s, "goi_y");
            if (YAML::Node other = s.IsMap() ? s["cach_viet_khac"] : YAML::Node()) {
                if (other.IsScalar() && !other.Scalar().empty()) rs.wordings.push_back(other.Scalar());
                else for (const auto& w : names(other, "cach_viet_khac")) rs.wordings.push_back(w);
            }
            for (const auto& w : rs.wordings) rs.wording_keys.push_back(wording_key(w));
            type.required_sections.push_back(std::move(rs));
        }
    }
    static const char* const kStyles = "la-ma, so, so-nhieu-cap, chu-cai, dieu";
    if (YAML::Node levels = root["danh_so"]; levels && !levels.IsSequence() && !levels.IsNull()) {
        misshapen(levels, "danh_so", std::string("phải là danh sách các cấp đề mục, mỗi cấp một danh sách kiểu đánh số (") + kStyles + ")",
                  std::string("must be a list of heading levels, each a list of numbering styles (") + kStyles + ")",
                  {"Ví dụ:\n  danh_so:\n    - [la-ma]\n    - [so, so-nhieu-cap]\n    - [chu-cai]",
                   "Example:\n  danh_so:\n    - [la-ma]\n    - [so, so-nhieu-cap]\n    - [chu-cai]"});
    } else if (levels) {
        for (const auto& level : levels) {
            std::vector<NumberStyle> styles;
            if (!level.IsSequence()) {
                // One style alone ("- la-ma") is read as a level of one; anything else is reported.
                YAML::Node single = level;
                if (!level.IsScalar() || style_from_id(level.Scalar()) == NumberStyle::None) {
                    misshapen(level, "danh_so", std::string("có một cấp không phải danh sách kiểu đánh số (") + kStyles + ")",
                              std::string("has a level that is not a list of numbering styles (") + kStyles + ")",
                              {"Viết mỗi cấp như - [so, so-nhieu-cap].", "Write each level like - [so, so-nhieu-cap]."});
                    type.numbering.emplace_back();
                    continue;
                }
                type.numbering.push_back({style_from_id(single.Scalar())});
                continue;
            }
            for (const auto& s : level) {
                NumberStyle style = style_from_id(s.Scalar());
                if (style == NumberStyle::None)
                    fail(s, "kiểu đánh số không biết: " + s.Scalar() + " (dùng la-ma, so, so-nhieu-cap, chu-cai, dieu)",
                         "unknown numbering style: " + s.Scalar() + " (use la-ma, so, so-nhieu-cap, chu-cai, dieu)");
                else
                    styles.push_back(style);
            }
            type.numbering.push_back(std::move(styles));
        }
    }
    if (YAML::Node approval = root["phe_duyet"]; approval && approval.IsMap()) {
        if (YAML::Node roles = approval["vai_tro"]; roles && roles.IsSequence())
            for (const auto& r : roles) type.approval_roles.push_back(r.Scalar());
        if (YAML::Node roles = approval["ky_thay"]; roles && roles.IsSequence())
            for (const auto& r : roles) type.deputy_approval_roles.push_back(r.Scalar());
    }
    if (YAML::Node categories = root["danh_muc"]; categories && !categories.IsSequence() && !categories.IsNull())
        misshapen(categories, "danh_muc", "phải là một danh sách, mỗi mục có ma và ten", "must be a list, each item with ma and ten",
                  {"Ví dụ:\n  danh_muc:\n    - ma: tai-chinh\n      ten: \"Công khai tài chính\"",
                   "Example:\n  danh_muc:\n    - ma: tai-chinh\n      ten: \"Công khai tài chính\""});
    else if (categories)
        for (const auto& c : categories) {
            if (!c.IsMap() || string_at(c, "ma").empty())
                fail(c, "mỗi danh mục cần ma và ten", "each category needs ma and ten");
            else
                type.categories.push_back({string_at(c, "ma"), string_at(c, "ten")});
        }
    return type;
}

ApprovalConfig load_approval_config(const std::string& file, const YAML::Node& root, std::vector<Diagnostic>& problems) {
    ApprovalConfig config;
    YAML::Node p = root && root.IsMap() ? root["phe_duyet"] : YAML::Node();
    if (!p) return config;
    if (!p.IsMap()) {
        problems.push_back(problem(file, mark_of(p), "front-matter", {"vanban.yaml: phe_duyet phải là một bảng", "vanban.yaml: phe_duyet must be a mapping"}));
        return config;
    }
    config.enabled = true;
    static const std::vector<std::string> known = {"khoa_ssh", "khoa_gpg", "vai_tro", "vai_tro_quan_ly", "nam_hoc_cong_bo", "an_chua_duyet"};
    for (const auto& kv : p)
        if (std::find(known.begin(), known.end(), kv.first.Scalar()) == known.end())
            problems.push_back(problem(file, mark_of(kv.first), "front-matter",
                                       {"vanban.yaml: khóa không biết phe_duyet." + kv.first.Scalar(), "vanban.yaml: unknown key phe_duyet." + kv.first.Scalar()},
                                       {"Các khóa hợp lệ: khoa_ssh, khoa_gpg, vai_tro, vai_tro_quan_ly, nam_hoc_cong_bo, an_chua_duyet.",
                                        "Valid keys: khoa_ssh, khoa_gpg, vai_tro, vai_tro_quan_ly, nam_hoc_cong_bo, an_chua_duyet."}));
    if (!string_at(p, "khoa_ssh").empty()) config.ssh_signers = string_at(p, "khoa_ssh");
    if (!string_at(p, "khoa_gpg").empty()) config.gpg_keys = string_at(p, "khoa_gpg");
    auto list = [](const YAML::Node& n) {
        std::vector<std::string> out;
        if (n && n.IsSequence())
            for (const auto& item : n)
                if (item.IsScalar()) out.push_back(item.Scalar());
        if (n && n.IsScalar()) out.push_back(n.Scalar());
        return out;
    };
    if (YAML::Node roles = p["vai_tro"]; roles && roles.IsMap())
        for (const auto& kv : roles) config.roles[kv.first.Scalar()] = list(kv.second);
    if (YAML::Node admins = p["vai_tro_quan_ly"]) config.trust_admin_roles = list(admins);
    config.published_years = list(p["nam_hoc_cong_bo"]);
    if (YAML::Node hide = p["an_chua_duyet"]) {
        bool value = false;
        if (hide.IsScalar() && YAML::convert<bool>::decode(hide, value)) config.hide_unapproved = value;
    }
    return config;
}

std::vector<CitationTypeWord> load_citation_types(const std::string& file, const YAML::Node& root,
                                                  std::vector<Diagnostic>& problems) {
    std::vector<CitationTypeWord> words;
    YAML::Node list = root && root.IsMap() ? root["loai_trich_dan"] : YAML::Node();
    if (!list || !list.IsSequence()) {
        problems.push_back(problem(file, {1, 1}, "template",
                                   {"thiếu danh sách loai_trich_dan", "the list loai_trich_dan is missing"}));
        return words;
    }
    for (const auto& item : list) {
        if (!item.IsMap() || string_at(item, "ten").empty()) {
            problems.push_back(problem(file, mark_of(item), "template",
                                       {"mỗi dòng của loai_trich_dan cần ten và viet_tat", "each loai_trich_dan item needs ten and viet_tat"},
                                       {"Ví dụ: - {ten: \"Thông tư\", viet_tat: TT}", "Example: - {ten: \"Thông tư\", viet_tat: TT}"}));
            continue;
        }
        words.push_back({string_at(item, "ten"), string_at(item, "viet_tat"), string_at(item, "bat_dau_bang") == "true"});
    }
    return words;
}

std::variant<Document, Diagnostic> load_one(const SourceTree& source, const std::string& path,
                                            const DocumentTypes& types, const School& school) {
    try {
        return load_document(path, source.read(path, max_document_bytes()), types, school);
    } catch (const SourceTooLarge& e) {
        const uintmax_t bytes = e.size, max_bytes = max_document_bytes();
        return problem(path, {1, 1}, "limit",
                       {"văn bản dài " + std::to_string(bytes >> 20) + " MiB, quá giới hạn " +
                            std::to_string(max_bytes >> 20) + " MiB; vanban không đọc tệp này",
                        "the document is " + std::to_string(bytes >> 20) + " MiB, over the limit of " +
                            std::to_string(max_bytes >> 20) + " MiB; vanban does not read it"},
                       {"Tách thành nhiều văn bản, hoặc đưa bảng số liệu lớn ra tệp đính kèm (.xlsx, .pdf).",
                        "Split it into several documents, or move large tables into an attachment (.xlsx, .pdf)."});
    } catch (const Interrupted&) {
        throw;
    } catch (const std::exception& e) {
        return unreadable(path, {"không đọc được văn bản", "cannot read the document"}, e);
    }
}

std::variant<Document, Diagnostic> load_one(const std::string& root, const std::string& path,
                                            const DocumentTypes& types, const School& school) {
    return load_one(DiskTree(root), path, types, school);
}

DocumentTypes load_document_types(const TemplateSearchPath& templates, const std::string& root, std::vector<Diagnostic>& problems) {
    DocumentTypes types;
    for (const auto& file : templates.list("types", ".yaml")) {
        std::string shown = shown_path(file, root);
        DocumentType type = guarded(shown, "template", problems, [&] {
            return load_document_type(
                shown, read_yaml([&] { return templates.read(file); }, shown, "template", problems), problems);
        });
        if (type.id.empty()) continue;
        if (const DocumentType* first = types.find(type.id)) {
            // Files are read by name: the first keeps the type, and both are named.
            problems.push_back(problem(shown, {1, 1}, "config",
                                       {"loại \"" + type.id + "\" được định nghĩa hai lần: trong " + first->source + " và " + shown +
                                            "; vanban dùng " + first->source,
                                        "type \"" + type.id + "\" is defined twice: in " + first->source + " and " + shown +
                                            "; vanban uses " + first->source},
                                       {"Đổi loai ở một trong hai tệp, hoặc xóa tệp thừa. Muốn thay loại có sẵn của vanban, đặt tệp "
                                        "cùng tên trong templates/types/ của trường.",
                                        "Rename loai in one of the files or remove one. To replace a type of vanban's, give the "
                                        "school's file in templates/types/ the same name."}));
            continue;
        }
        types.add(std::move(type));
    }
    return types;
}

Repository load_repository_index(const std::string& root_dir) {
    return load_repository_index(std::make_shared<DiskTree>(root_dir));
}

Repository load_repository_index(std::shared_ptr<const SourceTree> source) {
    Repository repo;
    const std::string& root_dir = source->root();
    const SourceTree& tree = *source;
    std::optional<SourceInfo> top = tree.stat("");
    if (!top || top->kind != EntryKind::Folder)
        throw LoadError("thư mục " + root_dir + " không tồn tại", "directory " + root_dir + " does not exist");
    repo.root = root_dir;
    repo.source = source;
    std::optional<SourceInfo> config = tree.stat("vanban.yaml");
    if (config && config->kind == EntryKind::Link)
        throw LoadError("vanban.yaml trong " + root_dir + " là liên kết tượng trưng; vanban không đọc tệp qua liên kết (thay liên kết bằng chính tệp)",
                        "vanban.yaml in " + root_dir + " is a symbolic link; vanban reads no file through a link (replace it by the file itself)");
    if (!config || config->kind != EntryKind::File)
        throw LoadError("không tìm thấy vanban.yaml trong " + root_dir +
                            " (đây có phải thư mục gốc của kho văn bản? dùng --root THƯ_MỤC)",
                        "no vanban.yaml in " + root_dir + " (is this a vanban repository? use --root FOLDER)");
    YAML::Node config_yaml =
        read_yaml([&] { return tree.read("vanban.yaml"); }, "vanban.yaml", "front-matter", repo.problems);
    repo.school = guarded("vanban.yaml", "front-matter", repo.problems, [&] { return load_school("vanban.yaml", config_yaml, repo.problems); });
    repo.approval = guarded("vanban.yaml", "front-matter", repo.problems,
                            [&] { return load_approval_config("vanban.yaml", config_yaml, repo.problems); });

    repo.templates = TemplateSearchPath(source, {default_templates_dir()});
    for (auto& linked : linked_files_under(tree, "templates")) repo.problems.push_back(std::move(linked));
    repo.types = load_document_types(repo.templates, root_dir, repo.problems);
    if (repo.types.empty()) {
        std::string looked = repo.templates.looked_in();
        throw LoadError("không tìm thấy định nghĩa loại văn bản nào (types/*.yaml) trong " + looked +
                            " (cài đặt vanban chưa đủ? VANBAN_TEMPLATES chỉ tới thư mục templates của vanban)",
                        "no document type definitions found (types/*.yaml) in " + looked +
                            " (is vanban fully installed? VANBAN_TEMPLATES names vanban's templates folder)");
    }
    if (std::string file = repo.templates.find("trich-dan.yaml"); !file.empty()) {
        std::string shown = shown_path(file, root_dir);
        repo.citations = CitationScanner(guarded(shown, "template", repo.problems, [&] {
            return load_citation_types(
                shown, read_yaml([&] { return repo.templates.read(file); }, shown, "template", repo.problems),
                repo.problems);
        }));
    }

    PublishedFiles files = find_published_files(tree);
    repo.problems.insert(repo.problems.end(), files.problems.begin(), files.problems.end());
    for (auto& file : files.attachments) {
        if (carries_script(file) && !repo.school.allow_raw_html) {
            repo.problems.push_back(problem(file, {1, 1}, "attachment",
                                            {file + " là tệp trình duyệt chạy như trang web hay mã lệnh (html, svg, xml, js…); "
                                                    "không được đưa lên trang web vì vanban.yaml không cho phép HTML (cho_phep_html)",
                                             file + " is a file a browser runs as a page or script (html, svg, xml, js…); "
                                                    "it is not published because vanban.yaml does not allow HTML (cho_phep_html)"},
                                            {"Chuyển nội dung thành văn bản .md, hoặc đổi thành PDF/ảnh PNG; chỉ khi trường tin mọi người "
                                             "sửa kho mới đặt truong.cho_phep_html: true.",
                                             "Turn it into a .md document, or a PDF/PNG; set truong.cho_phep_html: true only if the school "
                                             "trusts everyone who edits the repository."}));
            continue;
        }
        repo.attachments.push_back(std::move(file));
    }
    repo.document_paths = std::move(files.documents);
    return repo;
}

Repository load_repository(const std::string& root_dir, unsigned jobs) {
    Repository repo = load_repository_index(root_dir);
    const std::vector<std::string>& paths = repo.document_paths;
    repo.documents.resize(paths.size());
    std::vector<std::optional<Diagnostic>> failures(paths.size());
    parallel_for(paths.size(), worker_count(jobs, paths.size()), [&](size_t i, unsigned) {
        // One that cannot be read or loaded is reported and left out. (Names that are not UTF-8
        // were already refused by the file walk.)
        auto loaded = load_one(*repo.source, paths[i], repo.types, repo.school);
        if (auto* doc = std::get_if<Document>(&loaded)) repo.documents[i] = std::move(*doc);
        else failures[i] = std::move(std::get<Diagnostic>(loaded));
    });
    std::vector<Document> loaded;
    loaded.reserve(paths.size());
    for (size_t i = 0; i < paths.size(); ++i) {
        if (failures[i]) repo.problems.push_back(std::move(*failures[i]));
        else loaded.push_back(std::move(repo.documents[i]));
    }
    repo.documents = std::move(loaded);
    return repo;
}

}  // namespace vanban
