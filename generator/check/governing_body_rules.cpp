// governing-body: the cơ quan chủ quản a document's header names (from the history in
// vanban.yaml) must have existed on the document's date. Since 01/7/2025 there is no district
// level: the Phòng GD&ĐT and the UBND huyện/quận/thị xã are gone, mầm non, tiểu học and THCS
// schools come under the UBND of their xã/phường, THPT and GDTX under the Sở GD&ĐT
// (../shared/domain/, section 0). No post-reform header was seen yet, so warnings only.
#include "check/checks.h"
#include "model/official_parts.h"
#include "text/unicode.h"

namespace vanban {

namespace {

const Date kDistrictLevelAbolished{2025, 7, 1};

// "PHÒNG GD&ĐT HUYỆN …", "ỦY BAN NHÂN DÂN QUẬN …", "UBND THỊ XÃ …" in any case and spelling.
bool is_district_body(const std::string& name) {
    std::string n = " " + fold_diacritics(name) + " ";
    if (n.find(" phong giao duc") != std::string::npos || n.find(" phong gd") != std::string::npos) return true;
    for (const char* council : {" ubnd ", " uy ban nhan dan "})
        for (const char* level : {"huyen ", "quan ", "thi xa "})
            if (n.find(std::string(council) + level) != std::string::npos) return true;
    return false;
}

// Who replaced the district for this school level.
Message successor(const std::string& level) {
    if (level == "MN" || level == "TH" || level == "THCS" || level == "TH-THCS")
        return {"Ủy ban nhân dân xã/phường của trường", "the people's committee of the school's commune or ward"};
    return {"Sở Giáo dục và Đào tạo", "the provincial Department of Education and Training"};
}

}  // namespace

void check_governing_body(const Document& doc, const School& school, Diagnostics& out) {
    // The date the header is printed for: an undated draft's is the start of its school year.
    std::optional<Date> header = header_date(doc);
    if (!doc.type || !doc.type->official || !header) return;
    const Date& date = *header;
    Position at = field_position(doc, "ngay");
    // Another agency's document prints its own header (co_quan_ban_hanh), as written on it.
    if (doc.issued_elsewhere()) {
        for (const std::string* name : {&doc.issuing_body->parent, &doc.issuing_body->name})
            if (kDistrictLevelAbolished <= date && is_district_body(*name)) {
                out.push_back(warning_at(doc, field_position(doc, "co_quan_ban_hanh"), "governing-body",
                                         {"co_quan_ban_hanh ghi \"" + *name + "\" nhưng văn bản đề ngày " + date.short_vi() +
                                              ", khi Phòng GD&ĐT và UBND cấp huyện không còn (từ 01/7/2025)",
                                          "co_quan_ban_hanh names \"" + *name + "\" but the document is dated " + date.iso() +
                                              ", when district offices and councils no longer exist (since 2025-07-01)"},
                                         {"Đối chiếu ngày và cơ quan ban hành với bản gốc của văn bản.",
                                          "Compare the date and the issuing body with the original document."}));
                break;
            }
        return;
    }
    if (school.governing_bodies.empty()) return;
    const GoverningBody* body = school.governing_body_on(date);
    if (!body) {
        const GoverningBody& first = school.governing_bodies.front();
        out.push_back(warning_at(doc, at, "governing-body",
                                 {"ngày " + date.short_vi() + " trước khi cơ quan chủ quản đầu tiên trong vanban.yaml (\"" + first.name +
                                      "\", tu_ngay " + first.from->short_vi() + ", dòng " + std::to_string(first.line) +
                                      ") bắt đầu; phần đầu văn bản vẫn ghi cơ quan này",
                                  "the date " + date.iso() + " is before the first governing body in vanban.yaml (\"" + first.name +
                                      "\", tu_ngay " + first.from->iso() + ", line " + std::to_string(first.line) +
                                      ") took charge; the header still names it"},
                                 {"Thêm cơ quan chủ quản trước đó vào đầu truong.co_quan_chu_quan trong vanban.yaml, hoặc kiểm tra lại ngày của văn bản.",
                                  "Add the earlier governing body at the start of truong.co_quan_chu_quan in vanban.yaml, or check the document's date."}));
        return;
    }
    if (kDistrictLevelAbolished <= date && is_district_body(body->name)) {
        Message next = successor(school.level);
        out.push_back(warning_at(doc, at, "governing-body",
                                 {"phần đầu ghi cơ quan chủ quản \"" + to_upper(body->name) + "\" (vanban.yaml dòng " + std::to_string(body->line) +
                                      ") nhưng văn bản đề ngày " + date.short_vi() + ", khi Phòng GD&ĐT và UBND cấp huyện không còn (từ 01/7/2025)",
                                  "the header names \"" + to_upper(body->name) + "\" (vanban.yaml line " + std::to_string(body->line) +
                                      ") as governing body but the document is dated " + date.iso() +
                                      ", when district offices and councils no longer exist (since 2025-07-01)"},
                                 {"Thêm vào truong.co_quan_chu_quan trong vanban.yaml cơ quan chủ quản mới (" + next.vi +
                                      ") với tu_ngay: 2025-07-01; văn bản trước ngày đó vẫn giữ phần đầu cũ.",
                                  "Add the new governing body (" + next.en + ") to truong.co_quan_chu_quan in vanban.yaml with tu_ngay: 2025-07-01; "
                                  "documents dated before keep their old header."}));
    }
}

}  // namespace vanban
