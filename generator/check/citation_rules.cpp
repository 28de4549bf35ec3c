// citation-conflict and citation-type: the same cited document must carry the same date
// everywhere, and a type word must agree with the symbol it precedes.
#include <algorithm>
#include <map>
#include <tuple>

#include "check/checks.h"

namespace vanban {

namespace {

struct Place {
    const DocumentSummary* doc;
    const DatedCitation* citation;
};

}  // namespace

std::vector<DatedCitation> check_citation_types(const Document& doc, const CitationScanner& citations, Diagnostics& out) {
    std::vector<DatedCitation> dated;
    PositionCursor cursor(doc.source);  // citations come in the order of the text
    for (auto& c : citations.scan(doc.source.text)) {
        Position at = cursor.at(c.offset);
        if (c.type && !c.type_segment.empty()) {
            const CitationTypeWord& w = *c.type;
            bool segment_is_type = citations.is_type_code(c.type_segment);
            bool agrees = w.code.empty() ? !segment_is_type
                                         : (c.type_segment == w.code || (w.code_is_prefix && c.type_segment.rfind(w.code, 0) == 0));
            // A type word before an issuer-only symbol ("Nghị quyết số 88/2014/QH13") cannot disagree.
            // Only a segment that is itself a type code contradicts the word; "hướng dẫn 1334/PGDĐT"
            // names the body, not a type, and is left alone.
            if (!agrees && segment_is_type) {
                std::string belongs;
                for (const auto& other : citations.words())
                    if (!other.code_is_prefix && other.code == c.type_segment) {
                        belongs = other.word;
                        break;
                    }
                out.push_back(warning_at(doc, at, "citation-type",
                                         {"trích dẫn \"" + c.type_word + " số " + c.reference() + "\": ký hiệu " + c.type_segment +
                                              " là của " + belongs + ", không phải " + c.type_word,
                                          "citation \"" + c.type_word + " " + c.reference() + "\": the symbol " + c.type_segment +
                                              " belongs to a " + belongs + ", not a " + c.type_word},
                                         {"Kiểm tra lại tên loại hoặc số, ký hiệu của văn bản được trích dẫn.",
                                          "Check the type word or the number and symbol of the cited document."}));
            }
        }
        if (c.date) dated.push_back({c.key(), c.reference(), *c.date, at});
    }
    return dated;
}

void check_citation_conflicts(const std::vector<DocumentSummary>& docs, Diagnostics& out) {
    std::map<std::string, std::vector<Place>> by_key;
    for (const auto& doc : docs)
        for (const auto& c : doc.citations) by_key[c.key].push_back({&doc, &c});
    // One conflict, one finding: at the first place that gives a date not seen before, naming the
    // earliest place. "Earlier" is the earlier document (by its date; drafts without one come last),
    // then the earlier line.
    auto earlier = [](const Place& a, const Place& b) {
        auto order = [](const Place& p) {
            return std::make_tuple(!p.doc->date.has_value(), p.doc->date.value_or(Date{}), p.doc->path, p.citation->at.line, p.citation->at.column);
        };
        return order(a) < order(b);
    };
    for (auto& [key, places] : by_key) {
        std::stable_sort(places.begin(), places.end(), earlier);
        const Place& first = places.front();
        std::vector<Date> seen{first.citation->date};
        for (const auto& p : places) {
            if (std::find(seen.begin(), seen.end(), p.citation->date) != seen.end()) continue;
            seen.push_back(p.citation->date);
            std::string where = first.doc->path + ":" + std::to_string(first.citation->at.line);
            out.push_back(Diagnostic{p.doc->path, p.citation->at, Severity::Error, "citation-conflict",
                                     {"văn bản số " + p.citation->reference + " được trích dẫn với ngày " + p.citation->date.short_vi() +
                                          " ở đây nhưng với ngày " + first.citation->date.short_vi() + " ở " + where,
                                      "document " + p.citation->reference + " is cited with the date " + p.citation->date.iso() +
                                          " here but " + first.citation->date.iso() + " at " + where},
                                     {"Tra lại văn bản gốc và sửa ngày sai ở một trong hai nơi (" + where + " hoặc ở đây).",
                                      "Look up the original document and correct the wrong date in one of the two places (" + where +
                                          " or here)."}});
        }
    }
}

}  // namespace vanban
