#include "diff/diff_report.h"

#include <nlohmann/json.hpp>

#include "site/html_body.h"

namespace vanban {

namespace {

const char* kind_id(BlockChange::Kind k) {
    switch (k) {
        case BlockChange::Kind::Added: return "added";
        case BlockChange::Kind::Removed: return "removed";
        case BlockChange::Kind::Changed: return "changed";
    }
    return "";
}

const char* status_vi(const std::string& status) {
    if (status == "added") return "thêm mới";
    if (status == "removed") return "bỏ";
    if (status == "moved") return "chuyển chỗ";
    if (status == "renumbered") return "đổi số thứ tự";
    if (status == "changed") return "sửa";
    if (status == "unchanged") return "không đổi";
    return status.c_str();
}

}  // namespace

void write_diff_json(const std::vector<DocumentDiff>& diffs, std::ostream& out) {
    nlohmann::ordered_json docs = nlohmann::ordered_json::array();
    for (const auto& d : diffs) {
        nlohmann::ordered_json j;
        j["old"] = d.old_name.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.old_name);
        j["new"] = d.new_name.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.new_name);
        j["status"] = d.status;
        nlohmann::ordered_json fields = nlohmann::ordered_json::array();
        for (const auto& f : d.front_matter) fields.push_back({{"field", f.field}, {"old", f.old_value}, {"new", f.new_value}});
        j["front_matter"] = fields;
        nlohmann::ordered_json sections = nlohmann::ordered_json::array();
        for (const auto& s : d.sections) {
            nlohmann::ordered_json js;
            js["path"] = s.path;
            js["status"] = s.status;
            js["old_path"] = s.old_path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.old_path);
            nlohmann::ordered_json changes = nlohmann::ordered_json::array();
            for (const auto& b : s.blocks) {
                nlohmann::ordered_json c{{"type", kind_id(b.kind)}, {"old", b.old_text}, {"new", b.new_text}};
                if (!b.words.empty()) {
                    nlohmann::ordered_json words = nlohmann::ordered_json::array();
                    for (const auto& w : b.words)
                        words.push_back({{"op", w.op == WordChange::Op::Equal ? "equal" : w.op == WordChange::Op::Delete ? "delete" : "insert"},
                                         {"text", w.text}});
                    c["words"] = words;
                }
                changes.push_back(std::move(c));
            }
            for (const auto& c : s.cells)
                changes.push_back({{"type", c.column.empty() ? (c.old_value.empty() ? "row-added" : "row-removed") : "cell"},
                                   {"row", c.row}, {"column", c.column}, {"old", c.old_value}, {"new", c.new_value}});
            js["changes"] = changes;
            sections.push_back(std::move(js));
        }
        j["sections"] = sections;
        nlohmann::ordered_json numbers = nlohmann::ordered_json::array();
        for (const auto& n : d.numbers)
            numbers.push_back({{"context", n.context}, {"old", n.old_value}, {"new", n.new_value}, {"section", n.section}});
        j["numbers"] = numbers;
        docs.push_back(std::move(j));
    }
    nlohmann::ordered_json root;
    root["documents"] = docs;
    out << root.dump(2) << '\n';
}

void write_diff_text(const std::vector<DocumentDiff>& diffs, bool colour, std::ostream& out) {
    const char* red = colour ? "\x1b[31m" : "";
    const char* green = colour ? "\x1b[32m" : "";
    const char* bold = colour ? "\x1b[1m" : "";
    const char* reset = colour ? "\x1b[0m" : "";
    for (const auto& d : diffs) {
        out << bold << (d.old_name.empty() ? "(không có)" : d.old_name) << " → " << (d.new_name.empty() ? "(không có)" : d.new_name) << reset
            << ": " << status_vi(d.status) << '\n';
        if (!d.numbers.empty()) {
            out << "  Số liệu thay đổi:\n";
            for (const auto& n : d.numbers)
                out << "    " << (n.context.empty() ? "" : n.context + ": ") << red << n.old_value << reset << " → " << green << n.new_value << reset
                    << '\n';
        }
        for (const auto& f : d.front_matter)
            out << "  " << f.field << ": " << red << f.old_value << reset << " → " << green << f.new_value << reset << '\n';
        for (const auto& s : d.sections) {
            out << "  " << bold << "[" << status_vi(s.status) << "] " << s.path << reset;
            if (!s.old_path.empty() && s.old_path != s.path) out << "  (trước: " << s.old_path << ")";
            out << '\n';
            for (const auto& b : s.blocks) {
                if (b.kind == BlockChange::Kind::Added) out << "    " << green << "+ " << b.new_text << reset << '\n';
                else if (b.kind == BlockChange::Kind::Removed) out << "    " << red << "- " << b.old_text << reset << '\n';
                else {
                    out << "    ~ ";
                    for (const auto& w : b.words) {
                        if (w.op == WordChange::Op::Equal) out << w.text << ' ';
                        else if (w.op == WordChange::Op::Delete) out << red << "[-" << w.text << "-]" << reset << ' ';
                        else out << green << "{+" << w.text << "+}" << reset << ' ';
                    }
                    out << '\n';
                }
            }
            for (const auto& c : s.cells) {
                if (c.column.empty()) out << "    " << (c.old_value.empty() ? green : red) << (c.old_value.empty() ? "+ " + c.new_value : "- " + c.old_value) << reset << '\n';
                else out << "    " << c.row << " / " << c.column << ": " << red << c.old_value << reset << " → " << green << c.new_value << reset << '\n';
            }
        }
    }
}

void write_diff_html(const std::vector<DocumentDiff>& diffs, const std::string& title, std::ostream& out) {
    auto e = [](const std::string& s) { return escape_markup(s); };
    out << "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << e(title) << "</title>\n<style>\n"
        << "body{font:16px/1.5 \"Noto Sans\",Arial,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1d1d1f}\n"
        << "h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:2px solid #8b1c1c;margin-top:2rem}h3{font-size:1rem;margin:1.2rem 0 .3rem}\n"
        << "del{background:#fde2e1;color:#8b1c1c}ins{background:#e3f4e4;color:#1b5e20;text-decoration:none}\n"
        << ".tom-tat{background:#fff8e1;border:1px solid #e6c200;border-radius:6px;padding:.6rem 1rem}\n"
        << ".nhan{display:inline-block;font-size:.75rem;border-radius:3px;padding:0 .4rem;background:#eee;margin-right:.4rem}\n"
        << ".added .nhan{background:#e3f4e4}.removed .nhan{background:#fde2e1}.moved .nhan,.renumbered .nhan{background:#e3ecfd}\n"
        << ".doan{margin:.3rem 0 .3rem 1rem;font-family:\"Times New Roman\",\"Liberation Serif\",serif;font-size:1.05rem}\n"
        << "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem}\n"
        << "@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}.muc-luc{display:none}}\n"
        << "</style>\n</head>\n<body>\n<h1>" << e(title) << "</h1>\n";
    for (size_t k = 0; k < diffs.size(); ++k) {
        const auto& d = diffs[k];
        out << "<h2>" << e(d.old_name.empty() ? "(không có)" : d.old_name) << " → " << e(d.new_name.empty() ? "(không có)" : d.new_name)
            << " <span class=\"nhan\">" << status_vi(d.status) << "</span></h2>\n";
        if (!d.numbers.empty()) {
            out << "<div class=\"tom-tat\"><strong>Số liệu thay đổi</strong><ul>\n";
            for (const auto& n : d.numbers)
                out << "<li>" << e(n.context) << (n.context.empty() ? "" : ": ") << "<del>" << e(n.old_value) << "</del> → <ins>" << e(n.new_value)
                    << "</ins></li>\n";
            out << "</ul></div>\n";
        }
        if (!d.front_matter.empty()) {
            out << "<table><tr><th>Trường</th><th>Năm trước</th><th>Năm nay</th></tr>\n";
            for (const auto& f : d.front_matter)
                out << "<tr><td>" << e(f.field) << "</td><td><del>" << e(f.old_value) << "</del></td><td><ins>" << e(f.new_value) << "</ins></td></tr>\n";
            out << "</table>\n";
        }
        if (!d.sections.empty()) {
            out << "<nav class=\"muc-luc\"><strong>Các mục thay đổi</strong><ul>\n";
            for (size_t s = 0; s < d.sections.size(); ++s)
                out << "<li><a href=\"#m" << k << "-" << s << "\">" << e(d.sections[s].path) << "</a> (" << status_vi(d.sections[s].status) << ")</li>\n";
            out << "</ul></nav>\n";
        }
        for (size_t s = 0; s < d.sections.size(); ++s) {
            const auto& sec = d.sections[s];
            out << "<section class=\"" << e(sec.status) << "\"><h3 id=\"m" << k << "-" << s << "\"><span class=\"nhan\">" << status_vi(sec.status) << "</span>"
                << e(sec.path) << "</h3>\n";
            if (!sec.old_path.empty() && sec.old_path != sec.path) out << "<p>Năm trước: " << e(sec.old_path) << "</p>\n";
            for (const auto& b : sec.blocks) {
                out << "<p class=\"doan\">";
                if (b.kind == BlockChange::Kind::Added) out << "<ins>" << e(b.new_text) << "</ins>";
                else if (b.kind == BlockChange::Kind::Removed) out << "<del>" << e(b.old_text) << "</del>";
                else
                    for (const auto& w : b.words)
                        out << (w.op == WordChange::Op::Equal ? "" : w.op == WordChange::Op::Delete ? "<del>" : "<ins>") << e(w.text)
                            << (w.op == WordChange::Op::Equal ? "" : w.op == WordChange::Op::Delete ? "</del>" : "</ins>") << ' ';
                out << "</p>\n";
            }
            if (!sec.cells.empty()) {
                out << "<table><tr><th>Dòng</th><th>Cột</th><th>Năm trước</th><th>Năm nay</th></tr>\n";
                for (const auto& c : sec.cells)
                    out << "<tr><td>" << e(c.row) << "</td><td>" << e(c.column) << "</td><td><del>" << e(c.old_value) << "</del></td><td><ins>"
                        << e(c.new_value) << "</ins></td></tr>\n";
                out << "</table>\n";
            }
            out << "</section>\n";
        }
    }
    out << "</body>\n</html>\n";
}

}  // namespace vanban
