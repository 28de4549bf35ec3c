// date-range: the issuing date against the school year and today;
// duplicate-number: document numbers restart every 1 January and are unique within a year.
#include <map>
#include <tuple>

#include "check/checks.h"

namespace vanban {

void check_date_range(const Document& doc, const Date& today, Diagnostics& out) {
    if (!doc.date) return;
    Position at = field_position(doc, "ngay");
    if (today < *doc.date)
        out.push_back(error_at(doc, at, "date-range",
                               {"ngày ban hành " + doc.date->short_vi() + " ở tương lai (hôm nay là " + today.short_vi() + ")",
                                "the date " + doc.date->iso() + " is in the future (today is " + today.iso() + ")"},
                               {"Kiểm tra lại năm, tháng, ngày; văn bản chỉ được ghi ngày đã ký ban hành.",
                                "Check the year, month and day; a document carries the date it was signed."}));
    if (doc.school_year && !doc.school_year->contains(*doc.date)) {
        // A warning: summer documents often prepare the next school year.
        out.push_back(warning_at(doc, at, "date-range",
                                 {"ngày " + doc.date->short_vi() + " nằm ngoài năm học " + doc.school_year->text() + " (từ " +
                                      doc.school_year->start().short_vi() + " đến " + doc.school_year->end().short_vi() + ")",
                                  "the date " + doc.date->iso() + " is outside the school year " + doc.school_year->text() + " (" +
                                      doc.school_year->start().iso() + " to " + doc.school_year->end().iso() + ")"},
                                 {"Sửa ngay hoặc nam_hoc cho khớp nhau.", "Make ngay and nam_hoc agree."}));
    }
}

void check_duplicate_numbers(const std::vector<DocumentSummary>& docs, Diagnostics& out) {
    // (calendar year, number, the symbol after the number) → documents. The symbol, not just the
    // type, tells the series: "46/KH-CĐCS" of the trade union is not "46/KH-THCSBM" of the school.
    std::map<std::tuple<int, int, std::string>, std::vector<const DocumentSummary*>> seen;
    for (const auto& d : docs)
        if (d.official() && d.number && d.date) {
            size_t slash = d.symbol.find('/');
            seen[{d.date->year, *d.number, slash == std::string::npos ? d.symbol : d.symbol.substr(slash + 1)}].push_back(&d);
        }
    for (const auto& [key, group] : seen) {
        if (group.size() < 2) continue;
        const auto& [year, number, series] = key;
        std::string label = group.front()->symbol;
        for (const DocumentSummary* d : group) {
            std::string others;
            for (const DocumentSummary* o : group)
                if (o != d) others += (others.empty() ? "" : ", ") + o->path;
            out.push_back(Diagnostic{d->path, d->number_at, Severity::Error, "duplicate-number",
                                     {"số " + label + " trùng với " + others + " trong cùng năm " + std::to_string(year),
                                      "number " + label + " is also used by " + others + " in " + std::to_string(year)},
                                     {"Số văn bản là duy nhất trong một năm (bắt đầu từ 01 ngày 01/01); lấy số tiếp theo trong sổ đăng ký văn bản đi.",
                                      "Document numbers are unique within a calendar year; take the next number from the outgoing register."}});
        }
    }
}

}  // namespace vanban
