#include "text/dates.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "text/unicode.h"

namespace vanban {

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool is_valid_date(int year, int month, int day) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    int limit = days[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
    return day <= limit;
}

long Date::days_since_epoch() const {
    // Howard Hinnant's days_from_civil.
    int y = year - (month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = static_cast<unsigned>(y - era * 400);
    unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::short_vi() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%d/%d", day, month, year);
    return buf;
}

namespace {

// Written as YYYY-MM-DD (digits and dashes), whether or not such a day exists.
bool iso_shaped(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
    return true;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view t) {
    if (!iso_shaped(t)) return std::nullopt;
    auto num = [&](size_t a, size_t n) {
        int v = 0;
        for (char c : t.substr(a, n)) v = v * 10 + (c - '0');
        return v;
    };
    Date d{num(0, 4), num(5, 2), num(8, 2)};
    if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
    return d;
}

std::optional<DateProblem> date_problem(std::string_view t) {
    if (parse_iso_date(t)) return std::nullopt;
    std::string shown = shown_prefix(t, 40);
    if (!iso_shaped(t))
        return DateProblem{"ngày \"" + shown + "\" không hợp lệ; cần dạng năm-tháng-ngày (YYYY-MM-DD)",
                           "date \"" + shown + "\" is not valid; write it as YYYY-MM-DD"};
    int year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    int month = (t[5] - '0') * 10 + (t[6] - '0');
    int day = (t[8] - '0') * 10 + (t[9] - '0');
    char written[32];
    std::snprintf(written, sizeof written, "%02d/%02d/%04d", day, month, year);
    std::string vi = std::string("ngày ") + written + " không có thật: ";
    std::string en = std::string("the date ") + std::string(t) + " does not exist: ";
    if (year < 1900) return DateProblem{std::string("năm ") + std::to_string(year) + " nằm ngoài khoảng vanban dùng (1900–9999)",
                                        "the year " + std::to_string(year) + " is outside the range vanban uses (1900–9999)"};
    if (month < 1 || month > 12) return DateProblem{vi + "tháng phải từ 1 đến 12", en + "the month must be 1 to 12"};
    if (day == 0) return DateProblem{vi + "ngày phải từ 1 trở lên", en + "the day must be at least 1"};
    int days = 1;
    while (is_valid_date(year, month, days + 1)) ++days;
    return DateProblem{vi + "tháng " + std::to_string(month) + " năm " + std::to_string(year) + " có " + std::to_string(days) + " ngày",
                       en + "month " + std::to_string(month) + " of " + std::to_string(year) + " has " + std::to_string(days) + " days"};
}

Date today_in_vietnam() {
    // Schools date documents in Vietnam's time (UTC+7 all year, no daylight saving), whatever
    // the time zone of the machine running the check.
    std::time_t now = std::time(nullptr) + 7 * 3600;
    std::tm tm{};
    gmtime_r(&now, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string official_date_vi(const Date& d) {
    char buf[64];
    if (d.month <= 2)
        std::snprintf(buf, sizeof buf, "ngày %02d tháng %02d năm %d", d.day, d.month, d.year);
    else
        std::snprintf(buf, sizeof buf, "ngày %02d tháng %d năm %d", d.day, d.month, d.year);
    return buf;
}

SchoolYear school_year_of(const Date& d) { return SchoolYear{d.month >= 8 ? d.year : d.year - 1}; }

std::string vietnam_time(long long seconds, const char* format) {
    std::time_t t = static_cast<std::time_t>(seconds) + 7 * 3600;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

std::string SchoolYear::text() const { return std::to_string(first_year) + "-" + std::to_string(first_year + 1); }

std::optional<SchoolYear> parse_school_year(std::string_view t) {
    auto read_year = [&](size_t& i) -> int {
        if (i + 4 > t.size()) return -1;
        int v = 0;
        for (size_t k = 0; k < 4; ++k) {
            if (!std::isdigit(static_cast<unsigned char>(t[i + k]))) return -1;
            v = v * 10 + (t[i + k] - '0');
        }
        i += 4;
        return v;
    };
    size_t i = 0;
    int a = read_year(i);
    if (a < 0) return std::nullopt;
    while (i < t.size() && t[i] == ' ') ++i;
    if (t.substr(i, 1) == "-") i += 1;
    else if (t.substr(i, 3) == "\xE2\x80\x93") i += 3;  // en dash
    else return std::nullopt;
    while (i < t.size() && t[i] == ' ') ++i;
    int b = read_year(i);
    if (b < 0 || i != t.size() || b != a + 1) return std::nullopt;
    return SchoolYear{a};
}

}  // namespace vanban
