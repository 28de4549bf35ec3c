#include "model/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "support/error_text.h"

namespace vanban {

void sort_diagnostics(std::vector<Diagnostic>& d) {
    std::stable_sort(d.begin(), d.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.at.line, a.at.column, a.rule, a.message.vi) <
               std::tie(b.file, b.at.line, b.at.column, b.rule, b.message.vi);
    });
}

size_t count_errors(const std::vector<Diagnostic>& d) {
    return static_cast<size_t>(
        std::count_if(d.begin(), d.end(), [](const Diagnostic& x) { return x.severity == Severity::Error; }));
}

Diagnostic unreadable(const std::string& file, const Message& doing, const std::exception& e, Position at) {
    Message what = describe_exception(e);
    return Diagnostic{file,
                      at,
                      Severity::Error,
                      "unreadable",
                      {doing.vi + ": " + what.vi, doing.en + ": " + what.en},
                      {"Sửa tệp này (hoặc tạm chuyển nó ra khỏi content/ và plans/); các văn bản khác vẫn được kiểm "
                       "tra và đưa lên trang web.",
                       "Fix this file (or move it out of content/ and plans/ for now); the other documents are still "
                       "checked and published."}};
}

}  // namespace vanban
