#include "site/template_partials.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <optional>
#include <vector>

namespace vanban {

namespace {

struct PartialTag {
    size_t begin, end;  // the tag's bytes, braces included
    std::string name;
};

// The partial tags of `text` as kainjow's parser finds them (a tag opens at "{{", one opening with
// "{{{" closes at "}}}", the name is trimmed), or nothing when the text changes delimiters or has
// an unclosed tag.
std::optional<std::vector<PartialTag>> partial_tags(const std::string& text) {
    std::vector<PartialTag> tags;
    for (size_t at = 0; at < text.size();) {
        if (text.compare(at, 2, "{{") != 0) {
            ++at;
            continue;
        }
        size_t start = at, contents = at + 2;
        bool unescaped = start != text.size() - 2 && text[contents] == '{';
        if (unescaped) ++contents;
        const std::string close = unescaped ? "}}}" : "}}";
        size_t end = text.find(close, contents);
        if (end == std::string::npos) return std::nullopt;
        std::string inside = kainjow::mustache::trim(text.substr(contents, end - contents));
        if (!inside.empty() && inside[0] == '=') return std::nullopt;
        at = end + close.size();
        if (!unescaped && !inside.empty() && inside[0] == '>')
            tags.push_back({start, at, kainjow::mustache::trim(inside.substr(1))});
    }
    return tags;
}

// Two bytes that kainjow would read as one piece when they meet: "\r\n" is one newline, "{{" a tag.
bool join(char a, char b) { return (a == '\r' && b == '\n') || (a == '{' && b == '{'); }

class Inliner {
public:
    explicit Inliner(const std::map<std::string, std::string>& partials) : partials_(partials) {}

    // `text` with the partials it can take inlined; itself when it changes delimiters.
    std::string inline_into(const std::string& text) {
        std::optional<std::vector<PartialTag>> tags = partial_tags(text);
        if (!tags) return text;
        std::string out;
        size_t from = 0;
        for (const PartialTag& tag : *tags) {
            std::optional<std::string> inner = partial(tag.name);
            if (!inner) continue;
            out.append(text, from, tag.begin - from);
            const bool has_before = !out.empty(), has_after = tag.end < text.size();
            const char before = has_before ? out.back() : '\0', after = has_after ? text[tag.end] : '\0';
            bool joins = inner->empty() ? has_before && has_after && join(before, after)
                                        : (has_before && join(before, inner->front())) ||
                                              (has_after && join(inner->back(), after));
            out.append(joins ? text.substr(tag.begin, tag.end - tag.begin) : *inner);
            from = tag.end;
        }
        out.append(text, from, std::string::npos);
        return out;
    }

private:
    // The text that replaces {{> name}}, its own partials inlined, or nothing when the tag stays.
    std::optional<std::string> partial(const std::string& name) {
        auto it = partials_.find(name);
        if (it == partials_.end() || std::find(open_.begin(), open_.end(), name) != open_.end()) return std::nullopt;
        if (!partial_tags(it->second) || !kainjow::mustache::mustache(it->second).is_valid()) return std::nullopt;
        open_.push_back(name);
        std::string inlined = inline_into(it->second);
        open_.pop_back();
        return inlined;
    }

    const std::map<std::string, std::string>& partials_;
    std::vector<std::string> open_;  // the partials being inlined, outermost first
};

}  // namespace

std::string inline_partials(const std::string& text, const std::map<std::string, std::string>& partials) {
    return Inliner(partials).inline_into(text);
}

}  // namespace vanban
