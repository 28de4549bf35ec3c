#include "model/official_parts.h"

#include <regex>

#include "text/unicode.h"

namespace vanban {

// Room for the clerk to write by hand: no-break spaces, which neither HTML nor PDF collapse.
static const std::string kBlank = "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0";

// A draft without a date takes the body in force when its school year starts, not today's:
// the same file then prints the same header whatever day it is built (pages and cached PDFs
// stay byte for byte), and a year's documents share one header — a 2025-2026 draft names the
// UBND xã, a 2024-2025 one left undated keeps the district office it was written under.
std::optional<Date> header_date(const Document& doc) {
    if (doc.date) return doc.date;
    if (doc.school_year) return doc.school_year->start();
    return std::nullopt;
}

// "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", as a field holds it, is printed as two lines (NĐ30
// Phụ lục I: each prefix heads its own line).
static std::vector<std::string> authority_lines(const std::string& authority) {
    static const std::regex next_prefix(R"(\s+(?=(KT|TM|TL|TUQ|Q)\.\s))");
    std::vector<std::string> lines;
    std::sregex_token_iterator it(authority.begin(), authority.end(), next_prefix, -1), end;
    for (; it != end; ++it)
        if (it->length() > 0) lines.push_back(*it);
    return lines;
}

OfficialParts official_parts(const Document& doc, const School& school) {
    OfficialParts p;
    GoverningBody body = school.header_body(header_date(doc));
    p.governing_body = to_upper(body.name);
    p.issuer = to_upper(school.name);
    std::string place = body.place;
    std::string issuer_name = school.name;
    if (doc.issuing_body) {
        // Another agency's document keeps its own header: the school never appears as its author.
        p.other_agency = true;
        p.governing_body = to_upper(doc.issuing_body->parent);
        p.issuer = to_upper(doc.issuing_body->name);
        place = doc.issuing_body->place;
        issuer_name = doc.issuing_body->name;
    }
    p.draft = doc.is_draft();
    // A draft gets its number and date only when signed (Nghị định 30/2020/NĐ-CP, Điều 15).
    p.number_line = "Số: " + (p.draft ? kBlank + doc.symbol : doc.symbol);
    if (!doc.date)
        p.place_and_date = place + ", ngày" + kBlank + "tháng" + kBlank + "năm" + kBlank;
    else if (p.draft)
        p.place_and_date = place + ", ngày" + kBlank + "tháng" + kBlank + "năm " + std::to_string(doc.date->year);
    else
        p.place_and_date = place + ", " + official_date_vi(*doc.date);
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
    p.authority = authority_lines(doc.signer.authority);
    p.position = doc.signer.position;
    p.signer = doc.signer.name;
    p.recipients = doc.recipients;
    if (const auto& s = doc.superior_approval) {
        SuperiorApprovalBlock b;
        b.heading = s->heading.empty() ? "PHÊ DUYỆT CỦA CẤP TRÊN" : to_upper(s->heading);
        if (s->date) b.date_line = "Ngày" + official_date_vi(*s->date).substr(std::string("ngày").size());
        b.authority = authority_lines(s->signer.authority);
        b.position = s->signer.position;
        b.signer = s->signer.name;
        p.superior_approval = b;
    }
    // "(Kèm theo Kế hoạch số 30/KH-THCSBM ngày 05/9/2024 của Trường THCS Bình Minh)"
    std::string kind = doc.type ? doc.type->name : std::string("Văn bản");
    std::string attached = "(Kèm theo " + kind + " số " + (p.draft ? kBlank + doc.symbol : doc.symbol) + " ngày " +
                           (doc.date && !p.draft ? doc.date->short_vi() : kBlank + "/" + kBlank + "/" +
                                                                                 (doc.date ? std::to_string(doc.date->year) : kBlank)) +
                           " của " + issuer_name + ")";
    for (const auto& a : doc.appendices) {
        AppendixHeading h;
        h.label_line = a.label_line();
        h.title = to_upper(a.title);
        h.attached_to = a.attached_to.empty() ? attached : a.attached_to;
        p.appendices.push_back(std::move(h));
    }
    return p;
}

}  // namespace vanban
