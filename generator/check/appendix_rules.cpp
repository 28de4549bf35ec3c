// Appendices (Phụ lục): how they are numbered, and appendices that hold nothing, repeat
// another's label or swallow the body because they open before it.
#include <algorithm>
#include <cstdlib>
#include <set>

#include <cmark-gfm.h>

#include "check/checks.h"
#include "text/numbering.h"

namespace vanban {

void check_appendices(const Document& doc, Diagnostics& out) {
    if (doc.appendices.empty() || !doc.type) return;
    // With two or more appendices NĐ30 numbers them in Roman numerals; "PHỤ LỤC 1", as real plans
    // write it, is a deviation: one warning, at the first such heading.
    if (doc.appendices.size() >= 2) {
        auto arabic = std::find_if(doc.appendices.begin(), doc.appendices.end(), [](const Appendix& a) {
            return !a.label.empty() && std::isdigit(static_cast<unsigned char>(a.label[0]));
        });
        if (arabic != doc.appendices.end()) {
            int number = std::max(1, digits_value(arabic->label));
            std::string roman = "Phụ lục " + (number <= 3999 ? to_roman(number) : arabic->label);
            out.push_back(warning_at(doc, arabic->at, "heading-numbering",
                                     {"phụ lục \"" + arabic->label + "\" đánh số bằng chữ số Ả Rập; văn bản có " +
                                          std::to_string(doc.appendices.size()) +
                                          " phụ lục, Nghị định 30/2020/NĐ-CP đánh số phụ lục bằng số La Mã",
                                      "appendix \"" + arabic->label + "\" is numbered in Arabic digits; with " +
                                          std::to_string(doc.appendices.size()) +
                                          " appendices, Decree 30/2020/NĐ-CP numbers them in Roman numerals"},
                                     {"Viết \"# " + roman + ": …\" và tiếp theo Phụ lục II, Phụ lục III…, kể cả chỗ thân văn bản nhắc tới phụ lục.",
                                      "Write \"# " + roman + ": …\", then Phụ lục II, Phụ lục III…, also where the body refers to them."}));
        }
    }


    std::set<std::string> labels;
    for (const Appendix& a : doc.appendices) {
        if (!cmark_node_first_child(a.ast.get()))
            out.push_back(warning_at(doc, a.at, "appendix", {"phụ lục không có nội dung", "the appendix is empty"},
                                     {"Viết nội dung dưới đề mục phụ lục, hoặc xóa đề mục này.",
                                      "Write the appendix's content under its heading, or remove the heading."}));
        if (!a.label.empty() && !labels.insert(a.label).second)
            out.push_back(warning_at(doc, a.at, "appendix",
                                     {"hai phụ lục cùng số \"" + a.label + "\"", "two appendices are numbered \"" + a.label + "\""},
                                     {"Đánh số các phụ lục theo thứ tự: Phụ lục I, Phụ lục II…",
                                      "Number the appendices in order: Phụ lục I, Phụ lục II…"}));
    }
    // Everything after "# Phụ lục" belongs to the appendix: one written before the body takes it all.
    bool body_has_content = false;
    for (cmark_node* n = cmark_node_first_child(doc.ast.get()); n && !body_has_content; n = cmark_node_next(n))
        body_has_content = cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION;
    if (!body_has_content)
        out.push_back(warning_at(doc, doc.appendices.front().at, "appendix",
                                 {"phụ lục mở trước phần thân: mọi nội dung sau đề mục này thuộc phụ lục, văn bản không còn phần thân",
                                  "the appendix opens before the body: everything after this heading belongs to it and the document has no body"},
                                 {"Chuyển đề mục \"# Phụ lục …\" xuống sau phần thân (sau đoạn kết thúc \"./.\").",
                                  "Move the \"# Phụ lục …\" heading below the body (after its closing \"./.\")."}));
}

}  // namespace vanban
