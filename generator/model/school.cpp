#include "model/school.h"

namespace vanban {

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
