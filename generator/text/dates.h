// Calendar dates and school years (năm học), and the way official documents write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban {

struct Date {
    int year = 0, month = 0, day = 0;

    long days_since_epoch() const;  // for ordering and differences
    std::string iso() const;        // 2024-09-05
    std::string short_vi() const;   // 05/9/2024
    bool operator==(const Date& o) const { return year == o.year && month == o.month && day == o.day; }
    bool operator!=(const Date& o) const { return !(*this == o); }
    bool operator<(const Date& o) const { return days_since_epoch() < o.days_since_epoch(); }
    bool operator<=(const Date& o) const { return !(o < *this); }
};

bool is_valid_date(int year, int month, int day);
std::optional<Date> parse_iso_date(std::string_view text);  // strictly YYYY-MM-DD

// Why a value is not a date, in Vietnamese and English: for text written as YYYY-MM-DD whose
// day does not exist, "ngày 31/02/2024 không có thật: tháng 2 năm 2024 có 29 ngày"; for any
// other text, that it needs the form YYYY-MM-DD. Empty for a real date.
struct DateProblem {
    std::string vi, en;
};
std::optional<DateProblem> date_problem(std::string_view text);
Date today_in_vietnam();

// "ngày 05 tháng 9 năm 2024": day < 10 and months 1–2 take a leading zero
// (Nghị định 30/2020/NĐ-CP, Phụ lục I).
std::string official_date_vi(const Date& d);

// A school year "2023-2024" runs from 1 August 2023 to 31 July 2024.
struct SchoolYear {
    int first_year = 0;
    std::string text() const;
    Date start() const { return {first_year, 8, 1}; }
    Date end() const { return {first_year + 1, 7, 31}; }
    bool contains(const Date& d) const { return start() <= d && d <= end(); }
};
// The school year a date falls in (1 August to 31 July).
SchoolYear school_year_of(const Date& d);

// A moment (seconds since 1970) in Vietnam's time (UTC+7), formatted with strftime.
std::string vietnam_time(long long seconds, const char* format);

// Accepts "2023-2024" (also with an en dash or spaces around the dash); the years must follow each other.
std::optional<SchoolYear> parse_school_year(std::string_view text);

}  // namespace vanban
