// The parts of a paper document that vanban writes from the front matter and vanban.yaml
// (Nghị định 30/2020/NĐ-CP, Phụ lục I), shared by the web page and the PDF so both print
// exactly the same header block, title and signature block.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/school.h"

namespace vanban {

// The NĐ30 heading of one appendix: "Phụ lục I", its title, "(Kèm theo Kế hoạch số ...)".
struct AppendixHeading {
    std::string label_line;   // "Phụ lục I"
    std::string title;        // upper case; may be empty
    std::string attached_to;  // "(Kèm theo Kế hoạch số 30/KH-THCSBM ngày 05/9/2024 của Trường THCS Bình Minh)"
};

// The superior office's approval block under the school's signature.
struct SuperiorApprovalBlock {
    std::string heading;      // "PHÊ DUYỆT CỦA PHÒNG GD&ĐT"
    std::string date_line;    // "Ngày 20 tháng 9 năm 2024", or empty
    std::vector<std::string> authority;  // its lines, like the signer's
    std::string position;
    std::string signer;
};

struct OfficialParts {
    std::string governing_body;   // ô 2: cơ quan chủ quản, upper case
    std::string issuer;           // ô 2: the school, upper case
    std::string number_line;      // ô 3: "Số: 30/KH-THCSBM"; a draft leaves the number blank
    std::string place_and_date;   // ô 4: "Vân Khê, ngày 05 tháng 9 năm 2024"; a draft leaves day and month blank
    std::string type_name;        // ô 5a: "KẾ HOẠCH"; empty for a công văn
    std::string subject;          // ô 5a/5b: trích yếu; a công văn's starts with "V/v"
    bool letter = false;          // công văn: subject under the number, no type name
    std::vector<std::string> addressees;  // "Kính gửi:" lines, each ending ";" and the last "."
    // ô 7a, a line per signing prefix: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"; often one line, "KT. HIỆU TRƯỞNG".
    std::vector<std::string> authority;
    std::string position;         // ô 7a: "PHÓ HIỆU TRƯỞNG"
    std::string signer;           // ô 7c
    std::vector<std::string> recipients;  // ô 9b
    bool draft = false;
    bool other_agency = false;    // issued by co_quan_ban_hanh, not by the school
    std::optional<SuperiorApprovalBlock> superior_approval;
    std::vector<AppendixHeading> appendices;
};

OfficialParts official_parts(const Document& doc, const School& school);

// The date that decides which cơ quan chủ quản a document's header names: its own date; for a
// draft without one, the start of its school year (see official_parts.cpp); else none.
std::optional<Date> header_date(const Document& doc);

}  // namespace vanban
