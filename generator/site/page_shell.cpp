#include "site/page_shell.h"

#include <algorithm>

#include "site/mustache_escape.h"

namespace vanban {

bool Pieces::shown() const {
    return std::any_of(views_.begin(), views_.end(),
                       [](std::string_view v) { return v.find_first_not_of(" \t") != std::string_view::npos; });
}

std::string Pieces::joined() const {
    std::string whole;
    for (std::string_view v : views_) whole += v;
    return whole;
}

namespace {

std::string mark_text(Fill f) {
    switch (f) {
        case Fill::Title: return kTitleMark;
        case Fill::EscapedTitle: return mustache_escape(kTitleMark);
        case Fill::Content: return kContentMark;
        case Fill::EscapedContent: return mustache_escape(kContentMark);
        case Fill::Body: return kBodyMark;
        default: return mustache_escape(kBodyMark);
    }
}

}  // namespace

std::optional<PageShell> PageShell::cut(std::string html, std::initializer_list<Fill> fills) {
    std::vector<std::pair<std::string, Fill>> marks;
    for (Fill f : fills) marks.emplace_back(mark_text(f), f);
    PageShell shell;
    size_t from = 0;
    for (size_t at; (at = html.find('\x1E', from)) != std::string::npos;) {
        auto found = std::find_if(marks.begin(), marks.end(),
                                  [&](const auto& m) { return html.compare(at, m.first.size(), m.first) == 0; });
        if (found == marks.end()) return std::nullopt;
        shell.text.emplace_back(from, at - from);
        shell.fills.push_back(found->second);
        from = at + found->first.size();
    }
    shell.text.emplace_back(from, html.size() - from);
    shell.html = std::move(html);
    return shell;
}

}  // namespace vanban
