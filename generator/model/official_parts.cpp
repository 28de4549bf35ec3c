#include "model/official_parts.h"

#include "text/unicode.h"

namespace vanban {

// Room for the clerk to write by hand: no-break spaces, which neither HTML nor PDF collapse.
static const std::string kBlank = "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0";

OfficialParts official_parts(const Document& doc, const School& school) {
    OfficialParts p;
    p.governing_body = to_upper(school.governing_body);
    p.issuer = to_upper(school.name);
    p.draft = doc.is_draft();
    // A draft gets its number and date only when signed (Nghị định 30/2020/NĐ-CP, Điều 15).
    p.number_line = "Số: " + (p.draft ? kBlank + doc.symbol : doc.symbol);
    if (!doc.date)
        p.place_and_date = school.place + ", ngày" + kBlank + "tháng" + kBlank + "năm" + kBlank;
    else if (p.draft)
        p.place_and_date = school.place + ", ngày" + kBlank + "tháng" + kBlank + "năm " + std::to_string(doc.date->year);
    else
        p.place_and_date = school.place + ", " + official_date_vi(*doc.date);
    p.letter = doc.type && doc.type->layout == "cong-van";
    p.type_name = p.letter || !doc.type ? std::string() : to_upper(doc.type->name);
    p.subject = doc.subject;
    if (p.letter && p.subject.rfind("V/v", 0) != 0 && p.subject.rfind("V/V", 0) != 0) p.subject = "V/v " + p.subject;
    for (size_t i = 0; i < doc.addressees.size(); ++i) {
        std::string name = doc.addressees[i];
        while (!name.empty() && (name.back() == ';' || name.back() == '.' || name.back() == ',' || name.back() == ' ')) name.pop_back();
        bool several = doc.addressees.size() > 1;
        p.addressees.push_back((several ? "- " : "") + name + (i + 1 == doc.addressees.size() ? "." : ";"));
    }
    p.authority = doc.signer.authority;
    p.position = doc.signer.position;
    p.signer = doc.signer.name;
    p.recipients = doc.recipients;
    return p;
}

}  // namespace vanban
