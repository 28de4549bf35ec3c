#include "diff/word_diff.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>

#include "text/unicode.h"

namespace vanban {

// ICU's word breaks find the syllables and the punctuation; pieces written together
// ("26/26", "60%", "09/2024/TT-BGDĐT", "e-learning") stay one token, because a reviewer reads
// them as one, while punctuation at the edge of a word ("(", ",", ";") stands alone.
std::vector<std::string> diff_tokens(const std::string& text) {
    std::vector<std::string> tokens;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(to_nfc(text));
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
    if (!words) return tokens;
    words->setText(u);
    std::vector<std::string> pieces;  // the pieces of one run of text without white space
    auto is_edge_punctuation = [](const std::string& p) {
        static const char* const marks[] = {",", ".", ";", ":", "!", "?", "(", ")", "\"", "\u201C", "\u201D", "'", "..."};
        for (const char* m : marks)
            if (p == m) return true;
        return false;
    };
    auto flush = [&] {
        size_t first = 0, last = pieces.size();
        while (first < last && is_edge_punctuation(pieces[first])) tokens.push_back(pieces[first++]);
        std::vector<std::string> tail;
        while (last > first && is_edge_punctuation(pieces[last - 1])) tail.push_back(pieces[--last]);
        std::string word;
        for (size_t i = first; i < last; ++i) word += pieces[i];
        if (!word.empty()) tokens.push_back(word);
        tokens.insert(tokens.end(), tail.rbegin(), tail.rend());
        pieces.clear();
    };
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
        std::string piece;
        u.tempSubStringBetween(start, end).toUTF8String(piece);
        bool blank = std::all_of(piece.begin(), piece.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }) ||
                     piece == "\u00A0";
        if (blank) flush();
        else pieces.push_back(std::move(piece));
    }
    flush();
    return tokens;
}

std::string join_tokens(const std::vector<std::string>& tokens, size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to; ++i) {
        // No space before closing punctuation, as the words were written.
        bool tight = !out.empty() && (tokens[i] == "," || tokens[i] == "." || tokens[i] == ";" || tokens[i] == ":" || tokens[i] == ")" ||
                                      tokens[i] == "%" || out.back() == '(');
        out += (out.empty() || tight ? "" : " ") + tokens[i];
    }
    return out;
}

std::vector<WordChange> word_diff(const std::string& old_text, const std::string& new_text) {
    std::vector<std::string> a = diff_tokens(old_text), b = diff_tokens(new_text);
    // Common prefix and suffix first: most edits touch a few words of a long paragraph.
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
    size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
    // Longest common subsequence on what is left (paragraph-sized, so quadratic is fine).
    std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<std::pair<WordChange::Op, std::string>> ops;
    auto push = [&](WordChange::Op op, const std::string& token) { ops.emplace_back(op, token); };
    for (size_t i = 0; i < prefix; ++i) push(WordChange::Op::Equal, a[i]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
            push(WordChange::Op::Equal, a[prefix + i]);
            ++i, ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            push(WordChange::Op::Insert, b[prefix + j++]);
        } else {
            push(WordChange::Op::Delete, a[prefix + i++]);
        }
    }
    for (size_t k = a.size() - suffix; k < a.size(); ++k) push(WordChange::Op::Equal, a[k]);
    // Runs of one kind become one change; a deletion comes before the insertion that replaces it.
    std::vector<WordChange> out;
    size_t k = 0;
    while (k < ops.size()) {
        WordChange::Op op = ops[k].first;
        std::vector<std::string> run;
        if (op == WordChange::Op::Equal) {
            while (k < ops.size() && ops[k].first == op) run.push_back(ops[k++].second);
            out.push_back({op, join_tokens(run, 0, run.size())});
            continue;
        }
        std::vector<std::string> deleted, inserted;
        while (k < ops.size() && ops[k].first != WordChange::Op::Equal)
            (ops[k].first == WordChange::Op::Delete ? deleted : inserted).push_back(ops[k].second), ++k;
        if (!deleted.empty()) out.push_back({WordChange::Op::Delete, join_tokens(deleted, 0, deleted.size())});
        if (!inserted.empty()) out.push_back({WordChange::Op::Insert, join_tokens(inserted, 0, inserted.size())});
    }
    return out;
}

double similarity(const std::string& a, const std::string& b) {
    std::map<std::string, int> count;
    auto ta = diff_tokens(a), tb = diff_tokens(b);
    if (ta.empty() && tb.empty()) return 1;
    for (const auto& t : ta) ++count[t];
    size_t common = 0;
    for (const auto& t : tb)
        if (count[t]-- > 0) ++common;
    return 2.0 * static_cast<double>(common) / static_cast<double>(ta.size() + tb.size());
}

}  // namespace vanban
