#include "import/docx_import.h"

#include <nlohmann/json.hpp>

#include "import/markdown_writer.h"
#include "import/word_reader.h"
#include "model/word_properties.h"
#include "text/dates.h"

namespace vanban {

namespace {

// What paper cannot show, from the file's properties when `vanban docx` wrote them.
void apply_word_properties(RecognizedDocument& r, const std::map<std::string, std::string>& properties) {
    if (auto it = properties.find(kCategoryProperty); it != properties.end()) r.category = it->second;
    if (auto it = properties.find(kPlannedDateProperty); it != properties.end() && r.date_iso.empty())
        if (auto planned = parse_iso_date(it->second)) r.date_iso = planned->iso();
}

// What `vanban import` prints: each field recognised with its value, the ones left to fill in.
void list_fields(const RecognizedDocument& r, ImportedDocument& doc) {
    auto found = [&](const std::string& field, const std::string& value) {
        if (value.empty()) doc.missing.push_back(field);
        else doc.found.emplace_back(field, value);
    };
    found("loai", r.type);
    found("so", r.number);
    found("ky_hieu", r.symbol);
    found("ngay", r.date_iso);
    found("nam_hoc", r.school_year);
    found("trich_yeu", r.subject);
    if (!r.issuer.name.empty())
        doc.found.emplace_back("co_quan_ban_hanh", r.issuer.name + (r.issuer.place.empty() ? "" : " (" + r.issuer.place + ")"));
    found("nguoi_ky.quyen_han", r.authority);
    found("nguoi_ky.chuc_vu", r.position);
    found("nguoi_ky.ho_ten", r.signer);
    if (!r.approval.title.empty()) doc.found.emplace_back("duyet_cap_tren", r.approval.title + ": " + r.approval.name);
    found("noi_nhan", r.recipients.empty() ? "" : std::to_string(r.recipients.size()) + " dòng");
    if (r.type == "cong-van" || !r.addressees.empty())
        found("kinh_gui", r.addressees.empty() ? "" : std::to_string(r.addressees.size()) + " nơi");
    int appendices = 0;
    for (const auto& e : r.body) appendices += e.kind == BodyElement::Kind::Appendix;
    if (appendices) doc.found.emplace_back("phu_luc", std::to_string(appendices));
    if (!r.footnotes.empty()) doc.found.emplace_back("chu_thich", std::to_string(r.footnotes.size()));
}

}  // namespace

ImportedDocument import_pandoc_json(const std::string& pandoc_json, const Repository& repo,
                                    const ImportOptions& options,
                                    const std::map<std::string, std::string>& properties) {
    nlohmann::json ast = nlohmann::json::parse(pandoc_json);
    WordDocument word = read_pandoc_json(ast);              // phase 1: the blocks Word gave
    RecognizedDocument r = recognize(word, repo, options);  // phase 2: header, signature, body outline
    apply_word_properties(r, properties);

    ImportedDocument doc;
    doc.type = r.type;
    doc.school_year = r.school_year;
    doc.subject = r.subject;
    doc.markdown = write_markdown(r);  // phase 3: the Markdown
    doc.fidelity = check_fidelity(ast, doc.markdown, r.template_text);
    doc.notes = r.notes;
    list_fields(r, doc);
    for (const auto& t : word.unread) doc.notes.push_back(t + " không chép sang văn bản: thêm tay nếu cần");
    return doc;
}

}  // namespace vanban
