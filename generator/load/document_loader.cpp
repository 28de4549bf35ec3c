#include "load/document_loader.h"

#include <cctype>

#include "load/front_matter.h"
#include "load/markdown.h"
#include "load/source_reader.h"
#include "text/numbering.h"

namespace vanban {

std::optional<int> yaml_integer(const YAML::Node& node) {
    if (!node || !node.IsScalar()) return std::nullopt;
    const std::string& s = node.Scalar();
    if (s.empty() || s.size() > 6) return std::nullopt;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    return digits_value(s);
}

static std::string scalar(const YAML::Node& map, const char* key) {
    YAML::Node n = map[key];
    return n && n.IsScalar() ? n.Scalar() : std::string();
}

static std::vector<std::string> string_list(const YAML::Node& node) {
    std::vector<std::string> out;
    if (!node) return out;
    if (node.IsScalar()) {
        out.push_back(node.Scalar());
    } else if (node.IsSequence()) {
        for (const auto& item : node)
            if (item.IsScalar()) out.push_back(item.Scalar());
    }
    return out;
}

static Signer signer_from(const YAML::Node& map) {
    return Signer{scalar(map, "quyen_han"), scalar(map, "chuc_vu"), scalar(map, "ho_ten")};
}

std::string derive_symbol(const std::string& pattern, int number, const std::string& type_abbreviation,
                          const std::string& school_abbreviation) {
    std::string so = number < 10 ? "0" + std::to_string(number) : std::to_string(number);
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            size_t close = pattern.find('}', i);
            if (close != std::string::npos) {
                std::string name = pattern.substr(i + 1, close - i - 1);
                if (name == "so") out += so;
                else if (name == "loai") out += type_abbreviation;
                else if (name == "truong") out += school_abbreviation;
                i = close;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

Document load_document(std::string path, std::string raw, const DocumentTypes& types, const School& school) {
    Document doc;
    doc.path = std::move(path);
    doc.source = read_source(std::move(raw));
    SplitDocument split = split_front_matter(doc.source);
    doc.front = std::move(split.front);

    if (doc.front.valid) {
        const YAML::Node& fm = doc.front.root;
        doc.type_id = scalar(fm, "loai");
        doc.type = types.find(doc.type_id);
        doc.number = yaml_integer(fm["so"]);
        doc.date = parse_iso_date(scalar(fm, "ngay"));
        doc.school_year = parse_school_year(scalar(fm, "nam_hoc"));
        doc.subject = scalar(fm, "trich_yeu");
        if (YAML::Node signer = fm["nguoi_ky"]; signer && signer.IsMap()) doc.signer = signer_from(signer);
        if (YAML::Node body = fm["co_quan_ban_hanh"]; body && body.IsMap())
            doc.issuing_body = IssuingBody{scalar(body, "ten"), scalar(body, "chu_quan"), scalar(body, "dia_danh")};
        if (YAML::Node approval = fm["duyet_cap_tren"]; approval && approval.IsMap())
            doc.superior_approval = SuperiorApproval{scalar(approval, "tieu_de"), signer_from(approval),
                                                     parse_iso_date(scalar(approval, "ngay"))};
        doc.recipients = string_list(fm["noi_nhan"]);
        doc.addressees = string_list(fm["kinh_gui"]);
        doc.category = scalar(fm, "danh_muc");
        doc.page_title = scalar(fm, "tieu_de");
        if (auto order = yaml_integer(fm["thu_tu"])) doc.menu_order = *order;
        std::string explicit_symbol = scalar(fm, "ky_hieu");
        if (!explicit_symbol.empty()) {
            // Written as issued: "KH-THPT.ANT" after the number, or the whole "30/KH-THPT.ANT".
            if (explicit_symbol.find('/') != std::string::npos) doc.symbol = explicit_symbol;
            else if (doc.number) doc.symbol = derive_symbol("{so}/", *doc.number, "", "") + explicit_symbol;
            else doc.symbol = "/" + explicit_symbol;
        } else if (doc.type && doc.type->official) {
            // A draft has no number yet: its symbol starts at the "/" ("/KH-THCSBM").
            doc.symbol = derive_symbol(doc.type->symbol_pattern, doc.number.value_or(0), doc.type->abbreviation,
                                       school.abbreviation);
            size_t slash = doc.symbol.find('/');
            if (!doc.number && slash != std::string::npos) doc.symbol = doc.symbol.substr(slash);
        }
    }

    ParsedMarkdown md = parse_markdown(split.body, doc.source);
    doc.ast = std::move(md.ast);
    doc.headings = std::move(md.headings);
    doc.numbered_paragraphs = std::move(md.numbered_paragraphs);
    doc.tables = std::move(md.tables);
    doc.links = std::move(md.links);
    doc.appendices = std::move(md.appendices);
    return doc;
}

}  // namespace vanban
