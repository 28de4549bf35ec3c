#include "model/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace vanban {

void sort_diagnostics(std::vector<Diagnostic>& d) {
    std::stable_sort(d.begin(), d.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.at.line, a.at.column, a.rule, a.message.vi) <
               std::tie(b.file, b.at.line, b.at.column, b.rule, b.message.vi);
    });
}

size_t count_errors(const std::vector<Diagnostic>& d) {
    return static_cast<size_t>(std::count_if(d.begin(), d.end(), [](const Diagnostic& x) { return x.severity == Severity::Error; }));
}

}  // namespace vanban
