// A kind of document (kế hoạch, công văn, ...), defined as data in templates/types/*.yaml.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "text/numbering.h"

namespace vanban {

// A section the type requires, with the wordings accepted for its heading.
struct RequiredSection {
    std::string name;                   // "Mục đích, yêu cầu"
    std::vector<std::string> wordings;  // name and its accepted alternatives
    std::vector<std::string> wording_keys;  // wording_key() of each wording, made once when the type is read
    std::string hint;                   // goi_y: what to write there, for `vanban new`
};

// A category of công khai documents (Thông tư 09/2024/TT-BGDĐT).
struct DisclosureCategory {
    std::string id;    // "thu-chi-tai-chinh"
    std::string name;  // "Thu, chi tài chính"
};

struct DocumentType {
    std::string id;             // loai: "ke-hoach"
    std::string name;           // ten: "Kế hoạch" (printed in capitals as the document's tên loại)
    std::string abbreviation;   // viet_tat: "KH"; empty for công văn
    std::string symbol_pattern; // ky_hieu: "{so}/{loai}-{truong}"
    std::string layout;         // bo_cuc: "van-ban", "cong-van" or "trang"
    bool official = true;       // van_ban: false for plain website pages
    std::vector<std::string> required_fields;  // truong_bat_buoc
    std::vector<std::string> optional_fields;  // truong_tuy_chon
    std::vector<RequiredSection> required_sections;
    // Allowed numbering styles per heading level (index 0 is "#"); empty: any style.
    std::vector<std::vector<NumberStyle>> numbering;
    std::vector<DisclosureCategory> categories;
    // phe_duyet: the roles whose approval makes the document approved; a document signed on
    // behalf of the head ("KT. HIỆU TRƯỞNG") also needs the roles in ky_thay (the deputy's).
    std::vector<std::string> approval_roles;
    std::vector<std::string> deputy_approval_roles;
    std::string source;  // the file it was read from, for messages
};

class DocumentTypes {
public:
    void add(DocumentType type) { types_[type.id] = std::move(type); }
    const DocumentType* find(const std::string& id) const {
        auto it = types_.find(id);
        return it == types_.end() ? nullptr : &it->second;
    }
    std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& [id, type] : types_) out.push_back(id);
        return out;
    }
    bool empty() const { return types_.empty(); }

private:
    std::map<std::string, DocumentType> types_;
};

}  // namespace vanban
