// The front-matter schema: every key vanban understands in a document's YAML block, the kind of
// value it holds, who needs it and what it means. One table, read by the loader
// (load/document_loader.cpp: which key fills which field of a Document, and a value of the wrong
// kind is left empty) and by the front-matter rule (check/front_matter_rules.cpp: unknown keys,
// wrong kinds, required keys), so that the two cannot disagree.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace vanban {

enum class FieldKind {
    Integer,           // a positive whole number of at most six digits ("so: 30")
    IsoDate,           // YYYY-MM-DD
    SchoolYear,        // "2024-2025"
    Text,              // one line of text, not empty
    Signer,            // a map: quyen_han (optional), chuc_vu, ho_ten
    TextList,          // a list of non-empty lines
    TextOrList,        // one line, or a list of them
    Category,          // one of the type's disclosure categories
    IssuingBody,       // a map: ten, chu_quan (optional), dia_danh
    SuperiorApproval,  // a map: tieu_de and a signer's keys, ngay (optional)
};

enum class Field {
    Type,
    Number,
    Symbol,
    Date,
    SchoolYear,
    Subject,
    Signer,
    Recipients,
    Addressees,
    Category,
    PageTitle,
    MenuOrder,
    IssuingBody,
    SuperiorApproval
};

// Which documents must have a key: every document (loai), or those whose type's definition
// lists it (truong_bat_buoc in templates/types/*.yaml); a type allows the keys it lists in
// truong_bat_buoc and truong_tuy_chon.
enum class FieldNeed { Always, ByType };

// Sub-keys of the map values.
namespace part {
inline constexpr const char* kAuthority = "quyen_han";  // "KT. HIỆU TRƯỞNG"
inline constexpr const char* kPosition = "chuc_vu";
inline constexpr const char* kName = "ho_ten";
inline constexpr const char* kTitle = "tieu_de";  // duyet_cap_tren: the block's heading
inline constexpr const char* kDate = "ngay";      // duyet_cap_tren: the approval's date
inline constexpr const char* kBodyName = "ten";   // co_quan_ban_hanh
inline constexpr const char* kParentBody = "chu_quan";
inline constexpr const char* kPlace = "dia_danh";
}  // namespace part

struct FieldSpec {
    Field field;
    const char* key;
    FieldKind kind;
    FieldNeed need;
    std::vector<const char*> parts;           // the sub-keys a map value allows
    std::vector<const char*> required_parts;  // ... and those it must have
    Message meaning;
};

// In the order vanban writes them in a new or imported document.
const std::vector<FieldSpec>& front_matter_fields();
const FieldSpec& field_spec(Field field);
inline const char* field_key(Field field) { return field_spec(field).key; }
// nullptr for a key vanban does not know (a school's own type may allow it: taken as it is).
const FieldSpec* find_field(const std::string& key);

}  // namespace vanban
