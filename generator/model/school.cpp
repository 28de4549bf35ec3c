#include "model/school.h"

namespace vanban {

const std::vector<SchoolLevel>& school_levels() {
    static const std::vector<SchoolLevel> levels = {
        {"MN", "Mầm non"},
        {"TH", "Tiểu học"},
        {"THCS", "Trung học cơ sở"},
        {"THPT", "Trung học phổ thông"},
        {"TH-THCS", "Tiểu học và Trung học cơ sở"},
        {"THCS-THPT", "Trung học cơ sở và Trung học phổ thông"},
        {"TH-THCS-THPT", "Phổ thông nhiều cấp học"},
        {"GDTX", "Giáo dục thường xuyên"},
    };
    return levels;
}

const SchoolLevel* find_school_level(const std::string& code) {
    for (const auto& level : school_levels())
        if (code == level.code) return &level;
    return nullptr;
}

bool known_level(const std::string& code) { return find_school_level(code) != nullptr; }

std::string school_level_codes() {
    std::string out;
    for (const auto& level : school_levels()) out += (out.empty() ? "" : ", ") + std::string(level.code);
    return out;
}

const GoverningBody* School::governing_body_on(const Date& date) const {
    const GoverningBody* found = nullptr;
    for (const auto& body : governing_bodies)
        if (!body.from || *body.from <= date) found = &body;
    return found;
}

GoverningBody School::header_body(const std::optional<Date>& date) const {
    if (governing_bodies.empty()) return GoverningBody{{}, std::nullopt, place, 0};
    if (!date) return governing_bodies.back();
    if (const GoverningBody* body = governing_body_on(*date)) return *body;
    return governing_bodies.front();
}

}  // namespace vanban
