// front-matter and unknown-type: the YAML block at the top of each document.
#include <algorithm>
#include <regex>
#include <set>

#include "check/checks.h"
#include "load/document_loader.h"
#include "load/front_matter.h"
#include "model/front_matter_schema.h"
#include "support/error_text.h"
#include "text/markup.h"
#include "text/unicode.h"

namespace vanban {

Diagnostic error_at(const Document& doc, Position at, const char* rule, Message message, Message hint) {
    return Diagnostic{doc.path, at, Severity::Error, rule, std::move(message), std::move(hint)};
}

Diagnostic warning_at(const Document& doc, Position at, const char* rule, Message message, Message hint) {
    return Diagnostic{doc.path, at, Severity::Warning, rule, std::move(message), std::move(hint)};
}

Position field_position(const Document& doc, const char* key) {
    if (doc.front.valid)
        if (YAML::Node n = doc.front.root[key]) return yaml_position(doc.source, doc.front, n);
    return {1, 1};
}

namespace {

std::vector<std::string> key_list(const std::vector<const char*>& keys) { return {keys.begin(), keys.end()}; }

// The closest candidate within a small edit distance, for "did you mean".
std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    int best_distance = 1 + std::max<int>(2, count_code_points(word) / 2);
    for (const auto& c : candidates) {
        int d = edit_distance(fold_diacritics(word), fold_diacritics(c));
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
    return out;
}

class FrontMatterChecker {
public:
    FrontMatterChecker(const Document& doc, const Repository& repo, Diagnostics& out) : doc_(doc), repo_(repo), out_(out) {}

    void run() {
        if (!structure_ok()) return;
        const YAML::Node& fm = doc_.front.root;
        // Control characters written as they are belong to the encoding rule; here only escapes.
        int budget = 10000;  // aliases can make a small front matter a huge tree: look at a bounded part
        if (doc_.source.first_control == std::string::npos) check_control_characters(fm, budget);
        if (!check_type()) return;
        const DocumentType& type = *doc_.type;
        std::vector<std::string> allowed;
        for (const auto& spec : front_matter_fields())
            if (spec.need == FieldNeed::Always) allowed.push_back(spec.key);
        allowed.insert(allowed.end(), type.required_fields.begin(), type.required_fields.end());
        allowed.insert(allowed.end(), type.optional_fields.begin(), type.optional_fields.end());

        std::set<std::string> seen;
        for (const auto& kv : fm) {
            std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "?";
            if (!seen.insert(key).second) {
                // YAML keeps the first value; a second line with the same key is easy to miss.
                error(yaml_position(doc_.source, doc_.front, kv.first),
                      {"trường \"" + key + "\" được ghi hai lần; chỉ giá trị đầu tiên được dùng",
                       "field \"" + key + "\" appears twice; only the first value is used"},
                      {"Xóa một trong hai dòng.", "Remove one of the two lines."});
                continue;
            }
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                unknown_key(key, kv.first, allowed);
                continue;
            }
            if (const FieldSpec* spec = find_field(key)) check_value(key, kv.second, spec->kind, type, spec);
        }
        for (const auto& key : type.required_fields) {
            YAML::Node n = fm[key];
            if (!n || n.IsNull() || (n.IsScalar() && n.Scalar().empty()))
                error({1, 1}, {"thiếu trường bắt buộc \"" + key + "\" cho loại " + type.id,
                               "the required field \"" + key + "\" is missing for type " + type.id},
                      {"Thêm dòng \"" + key + ": ...\" vào phần front matter (giữa hai dòng ---).",
                       "Add a line \"" + key + ": ...\" to the front matter (between the --- lines)."});
        }
        check_symbol_number();
        if (type.official && doc_.recipients.size() > 0) {
            const std::string& last = doc_.recipients.back();
            std::string folded = fold_diacritics(last);
            if (folded.find("luu") == std::string::npos)
                warning(field_position(doc_, "noi_nhan"),
                        {"nơi nhận nên kết thúc bằng dòng \"Lưu: VT, ...\" (Nghị định 30/2020/NĐ-CP, Phụ lục I)",
                         "the recipient list should end with \"Lưu: VT, ...\" (Decree 30/2020/NĐ-CP, Annex I)"},
                        {"Thêm \"- Lưu: VT.\" vào cuối noi_nhan.", "Add \"- Lưu: VT.\" at the end of noi_nhan."});
        }
    }

private:
    bool structure_ok() {
        const FrontMatter& f = doc_.front;
        if (!f.present) {
            error({1, 1}, {"tệp không có phần front matter", "the file has no front matter"},
                  {"Mở đầu tệp bằng một dòng ---, các trường loai, ngay, nam_hoc, trich_yeu... rồi một dòng --- nữa.",
                   "Start the file with a --- line, the fields loai, ngay, nam_hoc, trich_yeu..., and another --- line."});
            return false;
        }
        if (f.error == "unterminated") {
            error({1, 1}, {"phần front matter không có dòng --- kết thúc", "the front matter has no closing --- line"},
                  {"Thêm một dòng chỉ gồm --- sau trường cuối cùng.", "Add a line with only --- after the last field."});
            return false;
        }
        if (f.error == "not-a-map") {
            error(f.error_at, {"front matter phải là các dòng \"khóa: giá trị\"", "the front matter must be \"key: value\" lines"},
                  {"Viết mỗi trường trên một dòng, ví dụ \"loai: ke-hoach\".", "Write one field per line, e.g. \"loai: ke-hoach\"."});
            return false;
        }
        if (!f.valid) {
            Message what = yaml_syntax_message(f.error);
            error(f.error_at, {"front matter không đọc được (YAML): " + what.vi, "the front matter is not valid YAML: " + what.en},
                  {"Kiểm tra thụt lề, dấu hai chấm sau tên trường, và đặt giá trị có dấu \":\" hoặc \"#\" trong ngoặc kép.",
                   "Check indentation, the colon after each key, and quote values containing \":\" or \"#\"."});
            return false;
        }
        return true;
    }

    bool check_type() {
        const YAML::Node& fm = doc_.front.root;
        YAML::Node loai = fm["loai"];
        std::vector<std::string> ids = repo_.types.ids();
        if (loai && !loai.IsScalar()) {
            error(yaml_position(doc_.source, doc_.front, loai), {"\"loai\" phải là một tên loại, không phải danh sách",
                                                                 "\"loai\" must be one type name, not a list"},
                  {"Viết một trong: " + join(ids), "Write one of: " + join(ids)});
            return false;
        }
        if (!loai || loai.Scalar().empty()) {
            error({1, 1}, {"thiếu trường bắt buộc \"loai\"", "the required field \"loai\" is missing"},
                  {"Thêm \"loai: ...\" với một trong: " + join(ids), "Add \"loai: ...\" with one of: " + join(ids)});
            return false;
        }
        if (!doc_.type) {
            std::string suggestion = closest(loai.Scalar(), ids);
            Message hint{"Các loại đã định nghĩa: " + join(ids) + " (thêm loại mới trong templates/types/).",
                         "Defined types: " + join(ids) + " (add new types in templates/types/)."};
            if (!suggestion.empty()) {
                hint.vi = "Có phải ý bạn là \"" + suggestion + "\"? " + hint.vi;
                hint.en = "Did you mean \"" + suggestion + "\"? " + hint.en;
            }
            out_.push_back(error_at(doc_, yaml_position(doc_.source, doc_.front, loai), "unknown-type",
                                    {"loại văn bản \"" + loai.Scalar() + "\" chưa được định nghĩa",
                                     "document type \"" + loai.Scalar() + "\" is not defined"},
                                    hint));
            return false;
        }
        return true;
    }

    // A value written with a YAML escape ("\x0c") holds a control character the file does not show.
    bool check_control_characters(const YAML::Node& node, int& budget) {
        if (--budget < 0) return false;
        if (node.IsScalar()) {
            if (find_control_character(node.Scalar()) == std::string::npos) return false;
            error(yaml_position(doc_.source, doc_.front, node),
                  {"giá trị có ký tự điều khiển (viết bằng dấu \\ trong YAML, không nhìn thấy được)",
                   "the value holds a control character (written with a YAML \\ escape, invisible)"},
                  {"Bỏ mã \\x.., \\f, \\b… khỏi giá trị.", "Remove the \\x.., \\f, \\b… escape from the value."});
            return true;
        }
        for (const auto& item : node)
            if (check_control_characters(node.IsMap() ? item.second : item, budget)) return true;
        return false;
    }

    void unknown_key(const std::string& key, const YAML::Node& at, const std::vector<std::string>& allowed) {
        std::string suggestion = closest(key, allowed);
        Message hint{"Các trường dùng được cho loại " + doc_.type->id + ": " + join(allowed) + ".",
                     "Fields allowed for type " + doc_.type->id + ": " + join(allowed) + "."};
        if (!suggestion.empty()) {
            hint.vi = "Có phải ý bạn là \"" + suggestion + "\"? " + hint.vi;
            hint.en = "Did you mean \"" + suggestion + "\"? " + hint.en;
        }
        error(yaml_position(doc_.source, doc_.front, at), {"trường không biết \"" + key + "\"", "unknown field \"" + key + "\""}, hint);
    }

    // `spec`: the field's entry in the schema, for the sub-keys of a map value (nullptr for a sub-key's value).
    void check_value(const std::string& key, const YAML::Node& value, FieldKind kind, const DocumentType& type,
                     const FieldSpec* spec) {
        Position at = yaml_position(doc_.source, doc_.front, value);
        auto is_text = [](const YAML::Node& n) { return n.IsScalar() && !n.Scalar().empty(); };
        switch (kind) {
            case FieldKind::Integer:
                if (value.IsNull() || (value.IsScalar() && value.Scalar().empty())) return;  // a draft has no number yet
                if (value.IsScalar() && value.Scalar().size() > 6 &&
                    value.Scalar().find_first_not_of("0123456789") == std::string::npos) {
                    error(at, {"\"" + key + "\" phải là một số nguyên dương, không phải \"" + value.Scalar().substr(0, 30) +
                                   "\": số quá lớn (vanban nhận số đến 999999)",
                               "\"" + key + "\" must be a positive integer, not \"" + value.Scalar().substr(0, 30) +
                                   "\": too large (vanban accepts numbers up to 999999)"},
                          {"Kiểm tra lại số đã ghi.", "Check the number written."});
                    return;
                }
                if (!yaml_integer(value) || *yaml_integer(value) < 1)
                    error(at, {"\"" + key + "\" phải là một số nguyên dương, không phải \"" + scalar_or(value) + "\"",
                               "\"" + key + "\" must be a positive integer, not \"" + scalar_or(value) + "\""},
                          {key == "so" ? "Ghi số văn bản, ví dụ \"so: 30\"; văn bản dự thảo thì bỏ trống hoặc xóa dòng này."
                                       : "Ghi một số, ví dụ \"" + key + ": 1\".",
                           key == "so" ? "Write the document number, e.g. \"so: 30\"; leave it out for a draft."
                                       : "Write a number, e.g. \"" + key + ": 1\"."});
                return;
            case FieldKind::IsoDate:
                if (auto why = date_problem(scalar_or(value)))
                    error(at, {why->vi, why->en},
                          {"Ví dụ: ngày 5 tháng 9 năm 2024 viết là 2024-09-05.", "Example: 5 September 2024 is 2024-09-05."});
                return;
            case FieldKind::SchoolYear:
                if (!value.IsScalar() || !parse_school_year(value.Scalar()))
                    error(at, {"năm học \"" + scalar_or(value) + "\" không hợp lệ; cần hai năm liền nhau như \"2024-2025\"",
                               "school year \"" + scalar_or(value) + "\" is not valid; write two consecutive years like \"2024-2025\""},
                          {"Viết nam_hoc: \"2024-2025\".", "Write nam_hoc: \"2024-2025\"."});
                return;
            case FieldKind::Text:
                if (!is_text(value))
                    error(at, {"\"" + key + "\" phải là một dòng chữ", "\"" + key + "\" must be a line of text"},
                          {"Viết giá trị trên cùng dòng, trong ngoặc kép nếu có dấu \":\".",
                           "Write the value on the same line, quoted if it contains \":\"."});
                return;
            case FieldKind::TextList:
            case FieldKind::TextOrList: {
                bool ok = value.IsSequence() && value.size() > 0;
                if (ok)
                    for (const auto& item : value) ok = ok && is_text(item);
                if (kind == FieldKind::TextOrList && is_text(value)) ok = true;
                if (!ok)
                    error(at, {"\"" + key + "\" phải là danh sách, mỗi dòng bắt đầu bằng \"- \"",
                               "\"" + key + "\" must be a list, one \"- \" line per item"},
                          {"Ví dụ:\n  " + key + ":\n    - \"Phòng GD&ĐT (để báo cáo);\"\n    - \"Lưu: VT.\"",
                           "Example:\n  " + key + ":\n    - \"Phòng GD&ĐT (để báo cáo);\"\n    - \"Lưu: VT.\""});
                return;
            }
            case FieldKind::Signer: check_signer(value, at, *spec); return;
            case FieldKind::SuperiorApproval:
                if (check_signer(value, at, *spec))
                    if (YAML::Node n = value[part::kDate])
                        check_value(key + "." + part::kDate, n, FieldKind::IsoDate, type, nullptr);
                return;
            case FieldKind::IssuingBody: check_issuing_body(value, at, *spec); return;
            case FieldKind::Category: {
                std::vector<std::string> ids;
                for (const auto& c : type.categories) ids.push_back(c.id);
                if (!value.IsScalar() || std::find(ids.begin(), ids.end(), value.Scalar()) == ids.end()) {
                    std::string suggestion = value.IsScalar() ? closest(value.Scalar(), ids) : "";
                    error(at, {"danh mục công khai \"" + scalar_or(value) + "\" không có trong loại " + type.id,
                               "disclosure category \"" + scalar_or(value) + "\" is not defined for type " + type.id},
                          {(suggestion.empty() ? "" : "Có phải ý bạn là \"" + suggestion + "\"? ") + "Dùng một trong: " + join(ids) + ".",
                           (suggestion.empty() ? "" : "Did you mean \"" + suggestion + "\"? ") + "Use one of: " + join(ids) + "."});
                }
                return;
            }
        }
    }

    // nguoi_ky and duyet_cap_tren: a signer's title and name, with the keys each allows.
    bool check_signer(const YAML::Node& value, Position at, const FieldSpec& spec) {
        const std::string field = spec.key;
        if (!value.IsMap()) {
            error(at, {"\"" + field + "\" phải có các dòng con chuc_vu và ho_ten", "\"" + field + "\" needs the sub-fields chuc_vu and ho_ten"},
                  {"Ví dụ:\n  " + field + ":\n    chuc_vu: \"HIỆU TRƯỞNG\"\n    ho_ten: \"Nguyễn Văn A\"",
                   "Example:\n  " + field + ":\n    chuc_vu: \"HIỆU TRƯỞNG\"\n    ho_ten: \"Nguyễn Văn A\""});
            return false;
        }
        unknown_sub_keys(value, field, key_list(spec.parts));
        for (const char* key : spec.required_parts) {
            YAML::Node n = value[key];
            if (!n || !n.IsScalar() || n.Scalar().empty())
                error(at, {"thiếu \"" + field + "." + key + "\"", "\"" + field + "." + key + "\" is missing"},
                      {std::string("Thêm dòng \"") + key + ": ...\" dưới " + field + ".",
                       std::string("Add a line \"") + key + ": ...\" under " + field + "."});
        }
        if (YAML::Node q = value[part::kAuthority]) {
            static const std::regex prefix(R"(^(KT|TM|TL|TUQ|Q)\. \S.*$)");
            // Another agency's signature line is printed as it was issued: its slip is a warning.
            auto report = [&](Position at, Message m, Message hint) {
                if (doc_.issued_elsewhere()) warning(at, std::move(m), std::move(hint));
                else error(at, std::move(m), std::move(hint));
            };
            if (!q.IsScalar() || !std::regex_match(q.Scalar(), prefix))
                report(yaml_position(doc_.source, doc_.front, q),
                      {"quyền hạn ký \"" + scalar_or(q) + "\" không đúng mẫu (KT./TM./TL./TUQ./Q. + chức vụ)",
                       "signing authority \"" + scalar_or(q) + "\" does not follow the form (KT./TM./TL./TUQ./Q. + title)"},
                      {"Ví dụ: \"KT. HIỆU TRƯỞNG\", \"TM. HỘI ĐỒNG TRƯỜNG\".", "Examples: \"KT. HIỆU TRƯỞNG\", \"TM. HỘI ĐỒNG TRƯỜNG\"."});
        }
        return true;
    }

    // co_quan_ban_hanh: another agency's document keeps that agency's name, place and ký hiệu.
    void check_issuing_body(const YAML::Node& value, Position at, const FieldSpec& spec) {
        const std::string field = spec.key;
        YAML::Node name = value.IsMap() ? value[part::kBodyName] : YAML::Node();
        if (!name || !name.IsScalar() || name.Scalar().empty()) {
            error(at, {"\"co_quan_ban_hanh\" phải có dòng con ten (tên cơ quan ban hành)",
                       "\"co_quan_ban_hanh\" needs the sub-field ten (the issuing body's name)"},
                  {"Ví dụ:\n  co_quan_ban_hanh:\n    ten: \"SỞ GIÁO DỤC VÀ ĐÀO TẠO\"\n    chu_quan: \"ỦY BAN NHÂN DÂN TỈNH ...\"\n    dia_danh: \"...\"",
                   "Example:\n  co_quan_ban_hanh:\n    ten: \"SỞ GIÁO DỤC VÀ ĐÀO TẠO\"\n    chu_quan: \"ỦY BAN NHÂN DÂN TỈNH ...\"\n    dia_danh: \"...\""});
            return;
        }
        unknown_sub_keys(value, field, key_list(spec.parts));
        if (!value[part::kPlace])
            error(at, {"thiếu \"co_quan_ban_hanh.dia_danh\": địa danh ghi trước ngày của văn bản",
                       "\"co_quan_ban_hanh.dia_danh\" is missing: the place name printed before the document's date"},
                  {"Thêm dòng \"dia_danh: ...\" như trên bản gốc (ví dụ \"Hà Nội\").",
                   "Add a line \"dia_danh: ...\" as on the original (e.g. \"Hà Nội\")."});
        if (YAML::Node symbol = doc_.front.root["ky_hieu"]; doc_.number && (!symbol || !symbol.IsScalar() || symbol.Scalar().empty()))
            error(at, {"văn bản của cơ quan khác có số nhưng thiếu \"ky_hieu\" đúng như bản gốc",
                       "another agency's document has a number but no \"ky_hieu\" as on the original"},
                  {"Thêm \"ky_hieu: ...\" chép đúng ký hiệu trên bản gốc (ví dụ \"SGDĐT-GDTrH\").",
                   "Add \"ky_hieu: ...\" copied from the original (e.g. \"SGDĐT-GDTrH\")."});
    }

    // "ky_hieu: 30/KH-…" carries a number of its own: it must be the document's "so".
    void check_symbol_number() {
        YAML::Node symbol = doc_.front.root["ky_hieu"];
        if (!symbol || !symbol.IsScalar() || !doc_.number) return;
        const std::string& text = symbol.Scalar();
        size_t slash = text.find('/');
        if (slash == std::string::npos) return;
        std::string written = text.substr(0, slash);
        while (!written.empty() && written.back() == ' ') written.pop_back();
        std::optional<int> number = yaml_integer(YAML::Node(written));
        if (number && *number == *doc_.number) return;
        error(yaml_position(doc_.source, doc_.front, symbol),
              {"ký hiệu \"" + text + "\" ghi số \"" + written + "\" nhưng so là " + std::to_string(*doc_.number),
               "the symbol \"" + text + "\" carries the number \"" + written + "\" but so is " + std::to_string(*doc_.number)},
              {"Sửa cho khớp với bản đã ban hành, hoặc chỉ ghi phần sau số: ky_hieu: \"" + text.substr(slash + 1) + "\".",
               "Make them agree with the issued document, or write only the part after the number: ky_hieu: \"" + text.substr(slash + 1) + "\"."});
    }

    void unknown_sub_keys(const YAML::Node& value, const std::string& field, const std::vector<std::string>& keys) {
        for (const auto& kv : value) {
            std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "?";
            if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
            std::string suggestion = closest(key, keys);
            error(yaml_position(doc_.source, doc_.front, kv.first),
                  {"trường không biết \"" + field + "." + key + "\"", "unknown field \"" + field + "." + key + "\""},
                  {(suggestion.empty() ? "" : "Có phải ý bạn là \"" + suggestion + "\"? ") + "Dùng " + join(keys) + ".",
                   (suggestion.empty() ? "" : "Did you mean \"" + suggestion + "\"? ") + "Use " + join(keys) + "."});
        }
    }

    static std::string scalar_or(const YAML::Node& n) { return n.IsScalar() ? n.Scalar() : n.IsSequence() ? "[...]" : "{...}"; }

    void error(Position at, Message m, Message hint) { out_.push_back(error_at(doc_, at, "front-matter", std::move(m), std::move(hint))); }
    void warning(Position at, Message m, Message hint) { out_.push_back(warning_at(doc_, at, "front-matter", std::move(m), std::move(hint))); }

    const Document& doc_;
    const Repository& repo_;
    Diagnostics& out_;
};

}  // namespace

void check_front_matter(const Document& doc, const Repository& repo, Diagnostics& out) {
    FrontMatterChecker(doc, repo, out).run();
}

}  // namespace vanban
