// A page as the pieces it is written from, and a rendered template cut at markers that stand for
// its largest values. The site renders a layout once per shape of page (or a document's template
// once per page) with markers for the title, the content or the body, cuts it there, and fills the
// cuts per page: those values are not copied into kainjow's data, its lines and the page.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban {

// A page as the pieces it is written from, in order: views of strings that outlive the page, or
// of strings it keeps itself. Not joined: the document's body is written from where it was made.
class Pieces {
public:
    Pieces() = default;
    explicit Pieces(std::string whole) { add(own(std::move(whole))); }
    Pieces(const Pieces&) = delete;
    Pieces& operator=(const Pieces&) = delete;

    void add(std::string_view piece) {
        if (!piece.empty()) views_.push_back(piece);
    }
    // `text` kept as long as the pieces are (a std::list: what it holds never moves).
    std::string_view own(std::string text) { return owned_.emplace_back(std::move(text)); }
    void clear() {
        views_.clear();
        owned_.clear();
    }
    // Whether kainjow would take the whole as shown on its line: some byte other than a space or a tab.
    bool shown() const;
    std::string joined() const;
    const std::vector<std::string_view>& views() const { return views_; }

private:
    std::vector<std::string_view> views_;
    std::list<std::string> owned_;
};

// What a marker stands for, and whether the template writes it escaped ({{title}}) or raw ({{{title}}}).
enum class Fill { Title, EscapedTitle, Content, EscapedContent, Body, EscapedBody };

// Markers no text of a page holds (control characters, dropped from every page), each with a "<"
// so that the escaped use and the raw one can be told apart.
constexpr const char* kTitleMark = "\x1Evanban-tieu-de<\x1F";
constexpr const char* kContentMark = "\x1Evanban-noi-dung<\x1F";
constexpr const char* kBodyMark = "\x1Evanban-than<\x1F";

// A page rendered with markers, cut at them: text[i] (offsets in html) stands before fills[i], the
// last after them all.
struct PageShell {
    std::string html;
    std::vector<std::pair<size_t, size_t>> text;
    std::vector<Fill> fills;

    // `html` cut at the markers of `fills`; nothing when some marker there is not one of them whole
    // (a template that uses the value otherwise than as text).
    static std::optional<PageShell> cut(std::string html, std::initializer_list<Fill> fills);

    // The pieces of the page, with the shell's html now at `at` (moved into `out`, or kept), and
    // `fill(f)` adding each marker's value.
    template <typename FillIn>
    void expand(std::string_view at, Pieces& out, const FillIn& fill) const {
        for (size_t i = 0; i < fills.size(); ++i) {
            out.add(at.substr(text[i].first, text[i].second));
            fill(fills[i]);
        }
        out.add(at.substr(text.back().first, text.back().second));
    }
};

// Whether kainjow would show `s` on its line as a marker is shown: some byte other than a space or a tab.
inline bool shown(const std::string& s) { return s.find_first_not_of(" \t") != std::string::npos; }

}  // namespace vanban
