// Fields of a document that the paper does not show, carried in a Word file's custom document
// properties by `vanban docx` and read back by `vanban import`, so that a document survives a
// trip through Word (the district edits the .docx and sends it back).
#pragma once

namespace vanban {

inline constexpr const char* kCategoryProperty = "vanban-danh-muc";  // danh_muc of a công khai document
inline constexpr const char* kPlannedDateProperty = "vanban-ngay";   // a draft's planned date (paper leaves day and month blank)

}  // namespace vanban
