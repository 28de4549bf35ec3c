#include "load/document_loader.h"

#include <cctype>
#include <map>
#include <string_view>

#include "load/front_matter.h"
#include "load/markdown.h"
#include "load/source_reader.h"
#include "model/front_matter_schema.h"
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

namespace {

std::string scalar(const YAML::Node& map, const char* key) {
    YAML::Node n = map[key];
    return n && n.IsScalar() ? n.Scalar() : std::string();
}

// The front matter's top-level values by key, found in one pass over the map. A lookup in
// YAML::Node compares the key with every key of the map, each converted to a string first,
// and a document looks up some fifteen fields. The first of two equal keys wins, as in YAML::Node.
class TopLevel {
public:
    explicit TopLevel(const YAML::Node& map) {
        // emplace keeps the first and copies the handle: assigning one YAML::Node to another
        // would write through to the tree.
        for (const auto& kv : map)
            if (kv.first.IsScalar()) values_.emplace(kv.first.Scalar(), kv.second);
    }
    // An undefined node when the key is absent.
    YAML::Node operator[](const char* key) const {
        auto it = values_.find(std::string_view(key));
        return it == values_.end() ? YAML::Node(YAML::NodeType::Undefined) : it->second;
    }

private:
    std::map<std::string, YAML::Node, std::less<>> values_;
};

std::string text(const TopLevel& fm, Field field) {
    YAML::Node n = fm[field_key(field)];
    return n && n.IsScalar() ? n.Scalar() : std::string();
}

// A positive number, as the schema's Integer: "so: 0" is an error, not document number 0.
std::optional<int> positive_integer(const TopLevel& fm, Field field) {
    std::optional<int> n = yaml_integer(fm[field_key(field)]);
    return n && *n >= 1 ? n : std::nullopt;
}

// TextList: a list of non-empty lines; TextOrList also one line. Anything else is an error of
// the front-matter rule and reads as no list at all.
std::vector<std::string> text_list(const TopLevel& fm, Field field) {
    const FieldSpec& spec = field_spec(field);
    YAML::Node node = fm[spec.key];
    std::vector<std::string> out;
    if (!node) return out;
    if (node.IsScalar()) {
        if (spec.kind == FieldKind::TextOrList && !node.Scalar().empty()) out.push_back(node.Scalar());
        return out;
    }
    if (!node.IsSequence()) return out;
    for (const auto& item : node) {
        if (!item.IsScalar() || item.Scalar().empty()) return {};
        out.push_back(item.Scalar());
    }
    return out;
}

// A map kind's value; an undefined node (false) when it is not a map.
YAML::Node map_value(const TopLevel& fm, Field field) {
    YAML::Node n = fm[field_key(field)];
    return n && n.IsMap() ? n : YAML::Node(YAML::NodeType::Undefined);
}

Signer signer_from(const YAML::Node& map) {
    return Signer{scalar(map, part::kAuthority), scalar(map, part::kPosition), scalar(map, part::kName)};
}

}  // namespace

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
    doc.front = split_front_matter(doc.source);

    if (doc.front.valid) {
        const TopLevel fm(doc.front.root);
        doc.type_id = text(fm, Field::Type);
        doc.type = types.find(doc.type_id);
        doc.number = positive_integer(fm, Field::Number);
        doc.date = parse_iso_date(text(fm, Field::Date));
        doc.school_year = parse_school_year(text(fm, Field::SchoolYear));
        doc.subject = text(fm, Field::Subject);
        if (YAML::Node signer = map_value(fm, Field::Signer)) doc.signer = signer_from(signer);
        if (YAML::Node body = map_value(fm, Field::IssuingBody))
            doc.issuing_body =
                IssuingBody{scalar(body, part::kBodyName), scalar(body, part::kParentBody), scalar(body, part::kPlace)};
        if (YAML::Node approval = map_value(fm, Field::SuperiorApproval))
            doc.superior_approval = SuperiorApproval{scalar(approval, part::kTitle), signer_from(approval),
                                                     parse_iso_date(scalar(approval, part::kDate))};
        doc.recipients = text_list(fm, Field::Recipients);
        doc.addressees = text_list(fm, Field::Addressees);
        doc.category = text(fm, Field::Category);
        doc.page_title = text(fm, Field::PageTitle);
        if (auto order = positive_integer(fm, Field::MenuOrder)) doc.menu_order = *order;
        std::string explicit_symbol = text(fm, Field::Symbol);
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

    ParsedMarkdown md = parse_markdown(doc.source, doc.front);
    doc.ast = std::move(md.ast);
    doc.headings = std::move(md.headings);
    doc.numbered_paragraphs = std::move(md.numbered_paragraphs);
    doc.tables = std::move(md.tables);
    doc.links = std::move(md.links);
    doc.appendices = std::move(md.appendices);
    return doc;
}

}  // namespace vanban
