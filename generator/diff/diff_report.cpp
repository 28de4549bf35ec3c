#include "diff/diff_report.h"

#include <nlohmann/json.hpp>

#include <sstream>

#include "text/markup.h"

namespace vanban {

namespace {

using json = nlohmann::ordered_json;

const char* kind_id(BlockChange::Kind k) {
    switch (k) {
        case BlockChange::Kind::Added: return "added";
        case BlockChange::Kind::Removed: return "removed";
        case BlockChange::Kind::Changed: return "changed";
    }
    return "";
}

const char* row_kind_id(RowChange::Kind k) {
    switch (k) {
        case RowChange::Kind::Added: return "row-added";
        case RowChange::Kind::Removed: return "row-removed";
        case RowChange::Kind::Changed: return "row-changed";
    }
    return "";
}

std::string status_vi(const std::string& status) {
    if (status == "added") return "thêm mới";
    if (status == "removed") return "bỏ";
    if (status == "moved") return "chuyển chỗ";
    if (status == "renumbered") return "đổi số thứ tự";
    if (status == "changed") return "sửa";
    if (status == "unchanged") return "không đổi";
    return status;
}

json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string cells_line(const std::vector<std::string>& cells) {
    std::string s;
    for (const auto& c : cells) s += (s.empty() ? "" : " | ") + c;
    return s;
}

// Words of a changed paragraph, spaced as written: a space only where the text had one, and
// between a deletion and the insertion that replaces it when either stood apart.
template <class Piece>
void write_words(const std::vector<WordChange>& words, Piece piece) {
    for (size_t k = 0; k < words.size(); ++k) {
        const WordChange& w = words[k];
        bool space = w.space_before;
        if (w.op == WordChange::Op::Insert && k > 0 && words[k - 1].op == WordChange::Op::Delete)
            space = space || words[k - 1].space_before || k == 1;
        piece(w, space);
    }
}

const char* nothing = "(trống)";

}  // namespace

void write_diff_json(const std::vector<DocumentDiff>& diffs, std::ostream& out) {
    json docs = json::array();
    for (const auto& d : diffs) {
        json j;
        j["old"] = text_or_null(d.old_name);
        j["new"] = text_or_null(d.new_name);
        j["status"] = d.status;
        json fields = json::array();
        for (const auto& f : d.front_matter)
            fields.push_back({{"field", f.field}, {"label", f.label}, {"old", text_or_null(f.old_value)}, {"new", text_or_null(f.new_value)}});
        j["front_matter"] = fields;
        json sections = json::array();
        for (const auto& s : d.sections) {
            json js;
            js["path"] = s.path;
            js["status"] = s.status;
            js["old_path"] = text_or_null(s.old_path);
            json changes = json::array();
            for (const auto& b : s.blocks) {
                json c{{"type", kind_id(b.kind)}, {"block", b.table ? "table" : "text"}};
                if (!b.table) c["old"] = b.old_text, c["new"] = b.new_text;
                if (!b.words.empty()) {
                    json words = json::array();
                    for (const auto& w : b.words) {
                        json jw{{"op", w.op == WordChange::Op::Equal ? "equal" : w.op == WordChange::Op::Delete ? "delete" : "insert"}, {"text", w.text}};
                        if (w.space_before) jw["space_before"] = true;
                        words.push_back(std::move(jw));
                    }
                    c["words"] = words;
                }
                if (b.table && b.kind != BlockChange::Kind::Changed) c["rows"] = b.rows;
                if (b.table && b.kind == BlockChange::Kind::Changed) {
                    json rows = json::array();
                    for (const auto& r : b.row_changes) {
                        json jr{{"type", row_kind_id(r.kind)}, {"row", r.row}};
                        if (r.kind == RowChange::Kind::Changed) {
                            json cells = json::array();
                            for (const auto& c : r.changes) cells.push_back({{"column", c.column}, {"old", c.old_value}, {"new", c.new_value}});
                            jr["cells"] = cells;
                        } else {
                            jr["cells"] = r.cells;
                        }
                        rows.push_back(std::move(jr));
                    }
                    c["rows"] = rows;
                }
                changes.push_back(std::move(c));
            }
            js["changes"] = changes;
            sections.push_back(std::move(js));
        }
        j["sections"] = sections;
        json numbers = json::array();
        for (const auto& n : d.numbers) numbers.push_back({{"context", n.context}, {"old", n.old_value}, {"new", n.new_value}, {"section", n.section}});
        j["numbers"] = numbers;
        docs.push_back(std::move(j));
    }
    json root;
    root["documents"] = docs;
    out << root.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

namespace {

void write_diff_lines(const std::vector<DocumentDiff>& diffs, bool colour, std::ostream& out) {
    const std::string red = colour ? "\x1b[31m" : "", green = colour ? "\x1b[32m" : "", bold = colour ? "\x1b[1m" : "",
                      reset = colour ? "\x1b[0m" : "";
    auto added = [&](const std::string& s) { return green + "+ " + s + reset; };
    auto removed = [&](const std::string& s) { return red + "- " + s + reset; };
    auto change = [&](const std::string& a, const std::string& b) {
        return red + (a.empty() ? nothing : a) + reset + " → " + green + (b.empty() ? nothing : b) + reset;
    };
    for (const auto& d : diffs) {
        out << bold << (d.old_name.empty() ? "(không có)" : d.old_name) << " → " << (d.new_name.empty() ? "(không có)" : d.new_name) << reset
            << ": " << status_vi(d.status) << '\n';
        if (!d.numbers.empty()) {
            out << "  Số liệu thay đổi:\n";
            for (const auto& n : d.numbers) out << "    " << (n.context.empty() ? "" : n.context + ": ") << change(n.old_value, n.new_value) << '\n';
        }
        for (const auto& f : d.front_matter) {
            bool list = f.field == "noi_nhan" || f.field == "kinh_gui";
            out << "  " << f.label << ": ";
            if (list && f.old_value.empty()) out << added(f.new_value);
            else if (list && f.new_value.empty()) out << removed(f.old_value);
            else out << change(f.old_value, f.new_value);
            out << '\n';
        }
        for (const auto& s : d.sections) {
            out << "  " << bold << "[" << status_vi(s.status) << "] " << s.path << reset;
            if (!s.old_path.empty() && s.old_path != s.path) out << "  (trước: " << s.old_path << ")";
            out << '\n';
            for (const auto& b : s.blocks) {
                if (b.table) {
                    out << "    " << (b.kind == BlockChange::Kind::Added ? "+ Bảng thêm mới:" : b.kind == BlockChange::Kind::Removed ? "- Bảng bị bỏ:" : "~ Bảng:")
                        << '\n';
                    for (const auto& row : b.rows)
                        out << "      " << (b.kind == BlockChange::Kind::Added ? green : red) << "| " << cells_line(row) << " |" << reset << '\n';
                    for (const auto& r : b.row_changes) {
                        if (r.kind == RowChange::Kind::Added) out << "      " << added("dòng: " + cells_line(r.cells)) << '\n';
                        else if (r.kind == RowChange::Kind::Removed) out << "      " << removed("dòng: " + cells_line(r.cells)) << '\n';
                        else
                            for (const auto& c : r.changes) out << "      " << r.row << " / " << c.column << ": " << change(c.old_value, c.new_value) << '\n';
                    }
                } else if (b.kind == BlockChange::Kind::Added) {
                    out << "    " << added(b.new_text) << '\n';
                } else if (b.kind == BlockChange::Kind::Removed) {
                    out << "    " << removed(b.old_text) << '\n';
                } else {
                    out << "    ~ ";
                    write_words(b.words, [&](const WordChange& w, bool space) {
                        if (space) out << ' ';
                        if (w.op == WordChange::Op::Equal) out << w.text;
                        else if (w.op == WordChange::Op::Delete) out << red << "[-" << w.text << "-]" << reset;
                        else out << green << "{+" << w.text << "+}" << reset;
                    });
                    out << '\n';
                }
            }
        }
    }
}

}  // namespace

void write_diff_text(const std::vector<DocumentDiff>& diffs, bool colour, std::ostream& out) {
    // The documents' own text goes to terminals and CI logs: it must not start lines of its own.
    std::ostringstream lines;
    write_diff_lines(diffs, colour, lines);
    out << guard_log_lines(lines.str());
}

void write_diff_html_body(const std::vector<DocumentDiff>& diffs, std::ostream& out) {
    auto e = [](const std::string& s) { return escape_markup(s); };
    auto table = [&](const std::vector<std::vector<std::string>>& rows, const char* cls) {
        out << "<table class=\"" << cls << "\">\n";
        for (size_t r = 0; r < rows.size(); ++r) {
            out << "<tr>";
            for (const auto& c : rows[r]) out << (r == 0 ? "<th>" : "<td>") << e(c) << (r == 0 ? "</th>" : "</td>");
            out << "</tr>\n";
        }
        out << "</table>\n";
    };
    out << "<div class=\"so-sanh\">\n";
    for (size_t k = 0; k < diffs.size(); ++k) {
        const auto& d = diffs[k];
        out << "<h2>" << e(d.old_name.empty() ? "(không có)" : d.old_name) << " → " << e(d.new_name.empty() ? "(không có)" : d.new_name)
            << " <span class=\"nhan\">" << status_vi(d.status) << "</span></h2>\n";
        if (d.status == "unchanged") out << "<p>Hai văn bản giống nhau.</p>\n";
        if (!d.numbers.empty()) {
            out << "<div class=\"tom-tat\"><strong>Số liệu thay đổi</strong><ul>\n";
            for (const auto& n : d.numbers)
                out << "<li>" << e(n.context) << (n.context.empty() ? "" : ": ") << "<del>" << e(n.old_value) << "</del> → <ins>" << e(n.new_value)
                    << "</ins></li>\n";
            out << "</ul></div>\n";
        }
        if (!d.front_matter.empty()) {
            out << "<table class=\"bang-so-sanh\"><tr><th>Thông tin</th><th>Năm trước</th><th>Năm nay</th></tr>\n";
            for (const auto& f : d.front_matter)
                out << "<tr><td>" << e(f.label) << "</td><td>" << (f.old_value.empty() ? "" : "<del>" + e(f.old_value) + "</del>") << "</td><td>"
                    << (f.new_value.empty() ? "" : "<ins>" + e(f.new_value) + "</ins>") << "</td></tr>\n";
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
            out << "<section class=\"" << e(sec.status) << "\"><h3 id=\"m" << k << "-" << s << "\"><span class=\"nhan\">" << status_vi(sec.status)
                << "</span> " << e(sec.path) << "</h3>\n";
            if (!sec.old_path.empty() && sec.old_path != sec.path) out << "<p class=\"truoc\">Năm trước: " << e(sec.old_path) << "</p>\n";
            for (const auto& b : sec.blocks) {
                if (b.table && b.kind != BlockChange::Kind::Changed) {
                    out << "<p class=\"ghi-bang\">" << (b.kind == BlockChange::Kind::Added ? "Bảng thêm mới:" : "Bảng bị bỏ:") << "</p>\n";
                    table(b.rows, b.kind == BlockChange::Kind::Added ? "bang-them" : "bang-bo");
                    continue;
                }
                if (b.table) {
                    out << "<p class=\"ghi-bang\">Bảng sửa:</p>\n<table class=\"bang-so-sanh\"><tr><th>Dòng</th><th>Cột</th><th>Năm trước</th><th>Năm "
                           "nay</th></tr>\n";
                    for (const auto& r : b.row_changes) {
                        if (r.kind == RowChange::Kind::Added)
                            out << "<tr><td>" << e(r.row) << "</td><td>(dòng thêm)</td><td></td><td><ins>" << e(cells_line(r.cells)) << "</ins></td></tr>\n";
                        else if (r.kind == RowChange::Kind::Removed)
                            out << "<tr><td>" << e(r.row) << "</td><td>(dòng bỏ)</td><td><del>" << e(cells_line(r.cells)) << "</del></td><td></td></tr>\n";
                        else
                            for (const auto& c : r.changes)
                                out << "<tr><td>" << e(r.row) << "</td><td>" << e(c.column) << "</td><td><del>" << e(c.old_value) << "</del></td><td><ins>"
                                    << e(c.new_value) << "</ins></td></tr>\n";
                    }
                    out << "</table>\n";
                    continue;
                }
                out << "<p class=\"doan\">";
                if (b.kind == BlockChange::Kind::Added) out << "<ins>" << e(b.new_text) << "</ins>";
                else if (b.kind == BlockChange::Kind::Removed) out << "<del>" << e(b.old_text) << "</del>";
                else
                    write_words(b.words, [&](const WordChange& w, bool space) {
                        if (space) out << ' ';
                        if (w.op == WordChange::Op::Equal) out << e(w.text);
                        else if (w.op == WordChange::Op::Delete) out << "<del>" << e(w.text) << "</del>";
                        else out << "<ins>" << e(w.text) << "</ins>";
                    });
                out << "</p>\n";
            }
            out << "</section>\n";
        }
    }
    out << "</div>\n";
}

void write_diff_html(const std::vector<DocumentDiff>& diffs, const std::string& title, std::ostream& out) {
    out << "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << escape_markup(title) << "</title>\n<style>\n"
        << "body{font:16px/1.5 \"Noto Sans\",Arial,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1d1d1f}\n"
        << "h1{font-size:1.5rem}.so-sanh h2{font-size:1.2rem;border-bottom:2px solid #8b1c1c;margin-top:2rem}\n"
        << ".so-sanh h3{font-size:1rem;margin:1.2rem 0 .3rem}\n"
        << ".so-sanh del{background:#fde2e1;color:#8b1c1c}.so-sanh ins{background:#e3f4e4;color:#1b5e20;text-decoration:none}\n"
        << ".tom-tat{background:#fff8e1;border:1px solid #e6c200;border-radius:6px;padding:.6rem 1rem}\n"
        << ".so-sanh .nhan{display:inline-block;font-size:.75rem;border-radius:3px;padding:0 .4rem;background:#eee}\n"
        << ".added .nhan{background:#e3f4e4}.removed .nhan{background:#fde2e1}.moved .nhan,.renumbered .nhan{background:#e3ecfd}\n"
        << ".doan{margin:.3rem 0 .3rem 1rem;font-family:\"Times New Roman\",\"Liberation Serif\",serif;font-size:1.05rem}\n"
        << ".so-sanh table{border-collapse:collapse;margin:.3rem 0 .6rem 1rem}.so-sanh td,.so-sanh th{border:1px solid #999;padding:.2rem .5rem}\n"
        << ".bang-them td,.bang-them th{background:#e3f4e4}.bang-bo td,.bang-bo th{background:#fde2e1;text-decoration:line-through}\n"
        << ".ghi-bang,.truoc{margin:.3rem 0 0 1rem;color:#555;font-size:.9rem}\n"
        << "@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}.muc-luc{display:none}}\n"
        << "</style>\n</head>\n<body>\n<h1>" << escape_markup(title) << "</h1>\n";
    write_diff_html_body(diffs, out);
    out << "</body>\n</html>\n";
}

}  // namespace vanban
