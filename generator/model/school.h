// The school described by vanban.yaml.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "text/dates.h"

namespace vanban {

// One entry of the school's cơ quan chủ quản history (truong.co_quan_chu_quan): the body in
// charge from `from` until the next entry starts. Since 01/7/2025 the district Phòng GD&ĐT no
// longer exists, so the header of a document depends on its date.
struct GoverningBody {
    std::string name;           // ten: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN VÂN KHÊ"
    std::optional<Date> from;   // tu_ngay; only the first entry may have none (in charge since ever)
    std::string place;          // dia_danh of this period, else the school's dia_danh
    int line = 0;               // where the entry is written in vanban.yaml (1-based)
};

// A school level (cap_hoc) vanban.yaml accepts: its code and the name the site prints.
struct SchoolLevel {
    const char* code;  // "THCS"
    const char* name;  // "Trung học cơ sở"
};
// Every level, in the order messages list them.
const std::vector<SchoolLevel>& school_levels();
// The level of `code`; null when vanban.yaml does not accept it.
const SchoolLevel* find_school_level(const std::string& code);
bool known_level(const std::string& code);
// The codes for a message: "MN, TH, THCS, THPT, TH-THCS, THCS-THPT, TH-THCS-THPT, GDTX".
std::string school_level_codes();

struct School {
    std::string name;            // ten: "Trường THCS Bình Minh"
    std::string abbreviation;    // viet_tat: "THCSBM", used in ký hiệu
    std::vector<GoverningBody> governing_bodies;  // co_quan_chu_quan, oldest first
    std::string place;           // dia_danh, printed before the date
    std::string level;           // cap_hoc: MN | TH | THCS | THPT | ...
    std::string website;         // optional, absolute URL without trailing slash
    std::string address;         // dia_chi, optional
    std::string phone;           // dien_thoai, optional
    std::string email;           // optional
    bool allow_raw_html = false; // cho_phep_html: pass raw HTML in Markdown through to the site

    // The body in charge on `date`: the last entry that started on or before it; null when the
    // date is before the first entry's tu_ngay (or there is no entry).
    const GoverningBody* governing_body_on(const Date& date) const;
    // The body a header names for that date: the one in force, else the earliest known (check
    // warns about such a date); without a date, the latest entry (the school's present body).
    // An empty entry when vanban.yaml names none.
    GoverningBody header_body(const std::optional<Date>& date) const;
};

}  // namespace vanban
