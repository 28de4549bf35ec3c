// table-sum: "Tổng"/"Cộng" rows and numbered group rows must add up.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "check/checks.h"
#include "text/numbering.h"
#include "text/unicode.h"

namespace vanban {

namespace {

enum class CellKind { Empty, Integer, Other };
struct CellValue {
    CellKind kind = CellKind::Empty;
    long long value = 0;
};

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
    return std::string(s.substr(a, b - a));
}

// "04" → 4; "125.000.000" and "125 000 000" → 125000000; "" and "-" → empty; "60%" → other.
CellValue parse_cell(const std::string& raw) {
    std::string s = trim(raw);
    if (s.empty() || s == "-" || s == "–") return {};
    std::string digits;
    size_t group = 0;
    char separator = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
            ++group;
        } else if ((c == '.' || c == ' ') && i > 0 && (separator == 0 || separator == c)) {
            if (separator == 0 && group > 3) return {CellKind::Other, 0};
            if (separator != 0 && group != 3) return {CellKind::Other, 0};
            separator = c;
            group = 0;
        } else {
            return {CellKind::Other, 0};
        }
    }
    if (digits.empty() || digits.size() > 15 || (separator != 0 && group != 3)) return {CellKind::Other, 0};
    return {CellKind::Integer, std::stoll(digits)};
}

enum class RowKind { Plain, Group, Item, Total, Blank };

struct RowInfo {
    RowKind kind = RowKind::Plain;
    int level = 1;
};

}  // namespace

bool is_total_label(const std::string& label) {
    // Every total word starts with T or C and then ổ or ộ ("tổng", "cộng"), and lower-casing maps
    // each character on its own and no other character to these: the test skips ICU's
    // lower-casing for the other rows of every table ("Tháng 9", "Tổ trưởng", "Toán").
    if (label.size() < 4 || std::strchr("TtCc", label[0]) == nullptr) return false;
    auto third = static_cast<unsigned char>(label[3]);
    if (label.compare(1, 2, "\xE1\xBB") != 0 || (third != 0x94 && third != 0x95 && third != 0x98 && third != 0x99))
        return false;  // not Ổ ổ (U+1ED4, U+1ED5) or Ộ ộ (U+1ED8, U+1ED9)
    std::string lower = to_lower(label);
    size_t paren = lower.find(" (");
    if (paren != std::string::npos) lower.resize(paren);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
    for (const char* total : {"tổng", "tổng số", "tổng cộng", "cộng", "tổng chung", "cộng chung"})
        if (lower == total) return true;
    return false;
}

namespace {

// Tables that open with a "TT"/"STT" column carry their labels in the second column.
size_t label_column(const Table& table) {
    if (table.rows.empty() || table.rows[0].cells.size() < 2) return 0;
    std::string first = to_lower(trim(table.rows[0].cells[0]));
    return first == "tt" || first == "stt" || first == "số tt" || first == "số thứ tự" ? 1 : 0;
}

// The bullet an item row starts with ("- Toán", "+ Khối 6", "· Nữ", "•Lớp 7"), or "" when none.
// "–" is read as "-" and "•" as "·": the same bullet typed two ways.
std::string item_marker(const std::string& label) {
    static const std::pair<const char*, const char*> bullets[] = {{"-", "-"}, {"–", "-"}, {"+", "+"}, {"·", "·"}, {"•", "·"}};
    for (const auto& [written, marker] : bullets) {
        size_t len = std::strlen(written);
        if (label.size() > len && label.compare(0, len, written) == 0 && !std::isdigit(static_cast<unsigned char>(label[len])))
            return marker;
    }
    return "";
}

std::vector<RowInfo> classify(const Table& table, size_t label) {
    std::vector<RowInfo> rows(table.rows.size());
    auto label_of = [&](size_t r) { return label < table.rows[r].cells.size() ? trim(table.rows[r].cells[label]) : std::string(); };
    // Each label's numbering, read once: whether any is Roman decides the levels of the others.
    std::vector<HeadingNumber> numbers(table.rows.size());
    bool has_roman = false;
    for (size_t r = 1; r < table.rows.size(); ++r) {
        numbers[r] = parse_heading_number(label_of(r));
        if (numbers[r].style == NumberStyle::Roman) has_roman = true;
    }
    // Bullets nest in the order they first appear ("-" then "+", or "·" then "-"), all below numbered rows.
    std::vector<std::string> markers;
    int last_numbered_level = 1;
    for (size_t r = 1; r < table.rows.size(); ++r) {
        std::string first = label_of(r);
        RowInfo& info = rows[r];
        const auto& cells = table.rows[r].cells;
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return trim(c).empty(); })) {
            info.kind = RowKind::Blank;  // an empty row left by the source: neither an item nor the end of a group
            continue;
        }
        // A total often spans the TT column too: "| Tổng cộng | | 30 |" or "| | Tổng cộng | 30 |".
        if (is_total_label(first) || (!cells.empty() && is_total_label(trim(cells[0])))) {
            info.kind = RowKind::Total;
            continue;
        }
        std::string marker = item_marker(first);
        if (!marker.empty()) {
            auto found = std::find(markers.begin(), markers.end(), marker);
            if (found == markers.end()) found = markers.insert(markers.end(), marker);
            info = {RowKind::Item, 100 + static_cast<int>(found - markers.begin())};
            continue;
        }
        HeadingNumber& n = numbers[r];
        // In a TT/STT table the number stands in its own column: "| 1 | Giáo viên | 14 |".
        if (n.style == NumberStyle::None && label > 0) {
            std::string tt = trim(cells[0]);
            if (!tt.empty()) n = parse_heading_number(tt.back() == '.' || tt.back() == ')' ? tt : tt + ".");
        }
        int shift = has_roman ? 1 : 0;
        switch (n.style) {
            case NumberStyle::Roman: info = {RowKind::Group, 1}; break;
            case NumberStyle::Arabic: info = {RowKind::Group, 1 + shift}; break;
            case NumberStyle::MultiLevel: info = {RowKind::Group, static_cast<int>(n.parts.size()) + shift}; break;
            case NumberStyle::Letter: info = {RowKind::Group, last_numbered_level + 1}; break;
            default: info = {RowKind::Plain, 1}; break;
        }
        if (info.kind == RowKind::Group && n.style != NumberStyle::Letter) last_numbered_level = info.level;
    }
    return rows;
}

std::string column_name(const Table& t, size_t c) {
    if (!t.rows.empty() && c < t.rows[0].cells.size() && !trim(t.rows[0].cells[c]).empty()) return trim(t.rows[0].cells[c]);
    return std::to_string(c + 1);
}

struct Sum {
    long long value = 0;
    bool numeric = true;
    std::vector<int> lines;  // the rows whose numbers were added
};

// Adds row r's number in column c; a group row left blank stands for its sub-rows ("1. Tổ chức
// (10 điểm)" with the points on 1.1, 1.2, 1.3).
void add_up(const Table& t, const std::vector<std::vector<size_t>>& children, size_t r, size_t c, Sum& sum) {
    const auto& cells = t.rows[r].cells;
    CellValue v = c < cells.size() ? parse_cell(cells[c]) : CellValue{};
    if (v.kind == CellKind::Other) sum.numeric = false;
    if (v.kind == CellKind::Empty) {
        for (size_t k : children[r]) add_up(t, children, k, c, sum);
        return;
    }
    sum.value += v.value;
    sum.lines.push_back(t.rows[r].at.line);
}

// "39, 42–44, 47": the lines of the rows added, consecutive ones as a range.
std::string line_list(const std::vector<int>& lines) {
    std::string out;
    for (size_t i = 0; i < lines.size();) {
        size_t j = i;
        while (j + 1 < lines.size() && lines[j + 1] == lines[j] + 1) ++j;
        out += (out.empty() ? "" : ", ") + std::to_string(lines[i]);
        if (j > i) out += "–" + std::to_string(lines[j]);
        i = j + 1;
    }
    return out;
}

// Compares `declared` row with the sum of `parts`, column by column.
void compare_sums(const Document& doc, const Table& t, const std::vector<std::vector<size_t>>& children, size_t label,
                  size_t declared, const std::vector<size_t>& parts, bool is_total, Diagnostics& out) {
    const TableRow& row = t.rows[declared];
    for (size_t c = label + 1; c < row.cells.size(); ++c) {
        CellValue want = parse_cell(row.cells[c]);
        if (want.kind != CellKind::Integer) continue;
        Sum sum;
        for (size_t p : parts) add_up(t, children, p, c, sum);
        // Nothing filled in (a blank form with its maximum printed) is nothing to compare.
        if (!sum.numeric || sum.lines.empty() || sum.value == want.value) continue;
        std::string name = trim(row.cells[label]).empty() ? trim(row.cells[0]) : trim(row.cells[label]);
        std::string what_vi = is_total ? "các dòng được cộng" : "các dòng con";
        std::string what_en = is_total ? "the rows it totals" : "its sub-rows";
        std::string lines = line_list(sum.lines);
        out.push_back(error_at(doc, row.at, "table-sum",
                               {"bảng: dòng \"" + name + "\", cột \"" + column_name(t, c) + "\" ghi " + trim(row.cells[c]) +
                                    " nhưng tổng " + what_vi + " (dòng " + lines + ") là " + std::to_string(sum.value),
                                "table: row \"" + name + "\", column \"" + column_name(t, c) + "\" says " + trim(row.cells[c]) +
                                    " but " + what_en + " (lines " + lines + ") add up to " + std::to_string(sum.value)},
                               {"Sửa số ở dòng này hoặc ở " + what_vi + "; các dòng đánh dấu -, +, ·, • cũng được cộng như mọi dòng khác.",
                                "Correct this number or " + what_en + "; rows marked -, +, ·, • count like any other row."}));
    }
}

}  // namespace

void check_table_sums(const Document& doc, Diagnostics& out) {
    for (const Table& t : doc.tables) {
        size_t label = label_column(t);
        std::vector<RowInfo> rows = classify(t, label);
        // The direct sub-rows of each group row.
        std::vector<std::vector<size_t>> children(t.rows.size());
        for (size_t r = 1; r < t.rows.size(); ++r) {
            if (rows[r].kind != RowKind::Group) continue;
            int child_level = 1000;
            size_t end = r + 1;
            while (end < t.rows.size() && rows[end].kind != RowKind::Total &&
                   (rows[end].kind == RowKind::Blank || rows[end].level > rows[r].level))
                ++end;
            for (size_t k = r + 1; k < end; ++k)
                if (rows[k].kind != RowKind::Blank) child_level = std::min(child_level, rows[k].level);
            for (size_t k = r + 1; k < end; ++k)
                if (rows[k].kind != RowKind::Blank && rows[k].level == child_level) children[r].push_back(k);
        }
        for (size_t r = 1; r < t.rows.size(); ++r)
            if (!children[r].empty()) compare_sums(doc, t, children, label, r, children[r], false, out);
        // Total rows: the sum of the top-level rows since the previous total.
        size_t scope_start = 1;
        for (size_t r = 1; r < t.rows.size(); ++r) {
            if (rows[r].kind != RowKind::Total) continue;
            int top = 1000;
            for (size_t k = scope_start; k < r; ++k)
                if (rows[k].kind != RowKind::Blank) top = std::min(top, rows[k].level);
            std::vector<size_t> parts;
            for (size_t k = scope_start; k < r; ++k)
                if (rows[k].kind != RowKind::Blank && rows[k].level == top) parts.push_back(k);
            if (!parts.empty()) compare_sums(doc, t, children, label, r, parts, true, out);
            scope_start = r + 1;
        }
    }
}

}  // namespace vanban
