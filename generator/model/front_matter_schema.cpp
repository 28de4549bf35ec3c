#include "model/front_matter_schema.h"

#include <stdexcept>

namespace vanban {

const std::vector<FieldSpec>& front_matter_fields() {
    using namespace part;
    static const std::vector<const char*> signer = {kAuthority, kPosition, kName};
    static const std::vector<const char*> signs = {kPosition, kName};
    // A table, one field per entry: clang-format would put each member on a line of its own.
    // clang-format off
    static const std::vector<FieldSpec> fields = {
        {Field::Type, "loai", FieldKind::Text, FieldNeed::Always, {}, {},
         {"loại văn bản (một tệp trong templates/types/)", "the document type (a file in templates/types/)"}},
        {Field::Number, "so", FieldKind::Integer, FieldNeed::ByType, {}, {},
         {"số văn bản; bỏ trống khi còn là dự thảo", "the document number; empty for a draft"}},
        {Field::Symbol, "ky_hieu", FieldKind::Text, FieldNeed::ByType, {}, {},
         {"ký hiệu như đã ban hành, thay cho ký hiệu suy ra", "the symbol as issued, instead of the derived one"}},
        {Field::Date, "ngay", FieldKind::IsoDate, FieldNeed::ByType, {}, {},
         {"ngày ban hành", "the date of issue"}},
        {Field::SchoolYear, "nam_hoc", FieldKind::SchoolYear, FieldNeed::ByType, {}, {},
         {"năm học", "the school year"}},
        {Field::Subject, "trich_yeu", FieldKind::Text, FieldNeed::ByType, {}, {},
         {"trích yếu nội dung", "the subject line"}},
        {Field::IssuingBody, "co_quan_ban_hanh", FieldKind::IssuingBody, FieldNeed::ByType,
         {kBodyName, kParentBody, kPlace}, {kBodyName, kPlace},
         {"cơ quan khác đã ban hành văn bản", "another agency that issued the document"}},
        {Field::Signer, "nguoi_ky", FieldKind::Signer, FieldNeed::ByType, signer, signs,
         {"người ký", "the signer"}},
        {Field::SuperiorApproval, "duyet_cap_tren", FieldKind::SuperiorApproval, FieldNeed::ByType,
         {kTitle, kAuthority, kPosition, kName, kDate}, signs,
         {"khối phê duyệt của cấp trên dưới chữ ký", "a superior office's approval block under the signature"}},
        {Field::Addressees, "kinh_gui", FieldKind::TextOrList, FieldNeed::ByType, {}, {},
         {"nơi được kính gửi", "the addressees"}},
        {Field::Recipients, "noi_nhan", FieldKind::TextList, FieldNeed::ByType, {}, {},
         {"nơi nhận, kết thúc bằng \"Lưu: VT.\"", "the recipients, ending with \"Lưu: VT.\""}},
        {Field::Category, "danh_muc", FieldKind::Category, FieldNeed::ByType, {}, {},
         {"nhóm công khai của Thông tư 09/2024/TT-BGDĐT", "the disclosure group of Circular 09/2024/TT-BGDĐT"}},
        {Field::PageTitle, "tieu_de", FieldKind::Text, FieldNeed::ByType, {}, {},
         {"tiêu đề của trang thông tin", "an information page's title"}},
        {Field::MenuOrder, "thu_tu", FieldKind::Integer, FieldNeed::ByType, {}, {},
         {"thứ tự của trang trong thanh điều hướng", "the page's place in the navigation bar"}},
    };
    // clang-format on
    return fields;
}

const FieldSpec& field_spec(Field field) {
    for (const auto& spec : front_matter_fields())
        if (spec.field == field) return spec;
    throw std::logic_error("front-matter field missing from the schema");
}

const FieldSpec* find_field(const std::string& key) {
    for (const auto& spec : front_matter_fields())
        if (key == spec.key) return &spec;
    return nullptr;
}

}  // namespace vanban
