// table-sum: "Tổng"/"Cộng" rows and numbered group rows must add up.
#include <algorithm>
#include <cctype>
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

enum class RowKind { Plain, Group, Item, Total };

struct RowInfo {
    RowKind kind = RowKind::Plain;
    int level = 1;
};

// "Tổng", "Tổng số:", "Cộng", "Tổng cộng (người)" — but not "Tổng phụ trách Đội" or "Cộng tác viên".
bool is_total_label(const std::string& label) {
    std::string lower = to_lower(label);
    size_t paren = lower.find(" (");
    if (paren != std::string::npos) lower.resize(paren);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
    for (const char* total : {"tổng", "tổng số", "tổng cộng", "cộng", "tổng chung", "cộng chung"})
        if (lower == total) return true;
    return false;
}

// Tables that open with a "TT"/"STT" column carry their labels in the second column.
size_t label_column(const Table& table) {
    if (table.rows.empty() || table.rows[0].cells.size() < 2) return 0;
    std::string first = to_lower(trim(table.rows[0].cells[0]));
    return first == "tt" || first == "stt" || first == "số tt" || first == "số thứ tự" ? 1 : 0;
}

std::vector<RowInfo> classify(const Table& table, size_t label) {
    std::vector<RowInfo> rows(table.rows.size());
    auto label_of = [&](size_t r) { return label < table.rows[r].cells.size() ? trim(table.rows[r].cells[label]) : std::string(); };
    bool has_roman = false;
    for (size_t r = 1; r < table.rows.size(); ++r)
        if (parse_heading_number(label_of(r)).style == NumberStyle::Roman) has_roman = true;
    int last_numbered_level = 1;
    for (size_t r = 1; r < table.rows.size(); ++r) {
        std::string first = label_of(r);
        RowInfo& info = rows[r];
        // A total often spans the TT column too: "| Tổng cộng | | 30 |" or "| | Tổng cộng | 30 |".
        if (is_total_label(first) || (!table.rows[r].cells.empty() && is_total_label(trim(table.rows[r].cells[0])))) {
            info.kind = RowKind::Total;
            continue;
        }
        if (first.rfind("- ", 0) == 0 || first.rfind("– ", 0) == 0) {
            info = {RowKind::Item, 100};
            continue;
        }
        if (first.rfind("+ ", 0) == 0) {
            info = {RowKind::Item, 101};
            continue;
        }
        HeadingNumber n = parse_heading_number(first);
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

// Compares `declared` row with the sum of `parts`, column by column.
void compare_sums(const Document& doc, const Table& t, size_t label, size_t declared, const std::vector<size_t>& parts,
                  bool is_total, Diagnostics& out) {
    const TableRow& row = t.rows[declared];
    for (size_t c = label + 1; c < row.cells.size(); ++c) {
        CellValue want = parse_cell(row.cells[c]);
        if (want.kind != CellKind::Integer) continue;
        long long sum = 0;
        bool numeric = true;
        for (size_t p : parts) {
            const auto& cells = t.rows[p].cells;
            CellValue v = c < cells.size() ? parse_cell(cells[c]) : CellValue{};
            if (v.kind == CellKind::Other) numeric = false;
            sum += v.value;
        }
        if (!numeric || sum == want.value) continue;
        std::string name = trim(row.cells[label]).empty() ? trim(row.cells[0]) : trim(row.cells[label]);
        std::string what_vi = is_total ? "các dòng được cộng" : "các dòng con";
        std::string what_en = is_total ? "the rows it totals" : "its sub-rows";
        out.push_back(error_at(doc, row.at, "table-sum",
                               {"bảng: dòng \"" + name + "\", cột \"" + column_name(t, c) + "\" ghi " + trim(row.cells[c]) +
                                    " nhưng tổng " + what_vi + " là " + std::to_string(sum),
                                "table: row \"" + name + "\", column \"" + column_name(t, c) + "\" says " + trim(row.cells[c]) +
                                    " but " + what_en + " add up to " + std::to_string(sum)},
                               {"Sửa số ở dòng này hoặc ở " + what_vi + " (dòng " + std::to_string(t.rows[parts.front()].at.line) +
                                    "–" + std::to_string(t.rows[parts.back()].at.line) + ").",
                                "Correct this number or " + what_en + " (lines " + std::to_string(t.rows[parts.front()].at.line) +
                                    "–" + std::to_string(t.rows[parts.back()].at.line) + ")."}));
    }
}

}  // namespace

void check_table_sums(const Document& doc, Diagnostics& out) {
    for (const Table& t : doc.tables) {
        size_t label = label_column(t);
        std::vector<RowInfo> rows = classify(t, label);
        // Group rows: the sum of their direct sub-rows.
        for (size_t r = 1; r < t.rows.size(); ++r) {
            if (rows[r].kind != RowKind::Group) continue;
            std::vector<size_t> children;
            int child_level = 1000;
            size_t end = r + 1;
            while (end < t.rows.size() && rows[end].kind != RowKind::Total && rows[end].level > rows[r].level) ++end;
            for (size_t k = r + 1; k < end; ++k) child_level = std::min(child_level, rows[k].level);
            for (size_t k = r + 1; k < end; ++k)
                if (rows[k].level == child_level) children.push_back(k);
            if (!children.empty()) compare_sums(doc, t, label, r, children, false, out);
        }
        // Total rows: the sum of the top-level rows since the previous total.
        size_t scope_start = 1;
        for (size_t r = 1; r < t.rows.size(); ++r) {
            if (rows[r].kind != RowKind::Total) continue;
            int top = 1000;
            for (size_t k = scope_start; k < r; ++k) top = std::min(top, rows[k].level);
            std::vector<size_t> parts;
            for (size_t k = scope_start; k < r; ++k)
                if (rows[k].level == top && rows[k].kind != RowKind::Total) parts.push_back(k);
            if (!parts.empty()) compare_sums(doc, t, label, r, parts, true, out);
            scope_start = r + 1;
        }
    }
}

}  // namespace vanban
