#include "diff/word_diff.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "text/unicode.h"

namespace vanban {

namespace {

bool is_edge_punctuation(const std::string& p) {
    static const char* const marks[] = {",", ".", ";", ":", "!", "?", "(", ")", "\"", "\u201C", "\u201D", "'", "..."};
    for (const char* m : marks)
        if (p == m) return true;
    return false;
}

bool is_blank(const std::string& piece) {
    return piece == "\u00A0" ||
           std::all_of(piece.begin(), piece.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// The text of tokens [from, to) as written, white space runs read as one space.
std::string written(const std::string& text, const std::vector<Token>& tokens, size_t from, size_t to) {
    std::string out;
    for (size_t k = from; k < to; ++k) {
        if (k > from && tokens[k].space_before) out += ' ';
        out.append(text, tokens[k].begin, tokens[k].end - tokens[k].begin);
    }
    return out;
}

}  // namespace

// ICU's word breaks find the syllables and the punctuation; pieces written together
// ("26/26", "60%", "09/2024/TT-BGDĐT", "e-learning") stay one token, because a reviewer reads
// them as one, while punctuation at the edge of a word ("(", ",", ";") stands alone.
std::vector<Token> tokenize(const std::string& text) {
    std::vector<Token> tokens;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
    if (!words) return tokens;
    words->setText(u);
    std::vector<Token> pieces;  // the pieces of one run of text without white space
    bool space = false;         // white space before the run
    auto flush = [&] {
        size_t first = 0, last = pieces.size();
        bool before = space;
        auto take = [&](Token t) {
            t.space_before = before;
            before = false;
            tokens.push_back(std::move(t));
        };
        while (first < last && is_edge_punctuation(pieces[first].text)) take(pieces[first++]);
        size_t word_end = last;
        while (word_end > first && is_edge_punctuation(pieces[word_end - 1].text)) --word_end;
        if (first < word_end) {
            Token word{"", pieces[first].begin, pieces[word_end - 1].end, false};
            word.text = text.substr(word.begin, word.end - word.begin);
            take(std::move(word));
        }
        for (size_t k = word_end; k < last; ++k) take(pieces[k]);
        pieces.clear();
    };
    size_t byte = 0;
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
        std::string piece;
        u.tempSubStringBetween(start, end).toUTF8String(piece);
        size_t begin = byte;
        byte += piece.size();
        if (is_blank(piece)) {
            flush();
            space = !tokens.empty();
        } else {
            pieces.push_back({std::move(piece), begin, byte, false});
        }
    }
    flush();
    return tokens;
}

std::vector<std::string> diff_tokens(const std::string& text) {
    std::vector<std::string> out;
    for (auto& t : tokenize(to_nfc(text))) out.push_back(std::move(t.text));
    return out;
}

std::vector<WordChange> word_diff(const std::string& old_text, const std::string& new_text, AlignStats* stats) {
    std::string a_text = to_nfc(old_text), b_text = to_nfc(new_text);
    std::vector<Token> a = tokenize(a_text), b = tokenize(b_text);
    Interner words;
    std::vector<uint32_t> ia, ib;
    for (const auto& t : a) ia.push_back(words.id(t.text));
    for (const auto& t : b) ib.push_back(words.id(t.text));
    std::vector<std::pair<size_t, size_t>> same = align_sequences(ia, ib, stats);
    same.emplace_back(a.size(), b.size());  // a sentinel closing the last gap
    std::vector<WordChange> out;
    size_t i = 0, j = 0;
    for (size_t k = 0; k < same.size();) {
        auto [si, sj] = same[k];
        if (i < si) out.push_back({WordChange::Op::Delete, written(a_text, a, i, si), a[i].space_before});
        if (j < sj) out.push_back({WordChange::Op::Insert, written(b_text, b, j, sj), b[j].space_before});
        if (si == a.size()) break;
        // A run of equal words, as written in the old text.
        size_t n = 1;
        while (k + n < same.size() && same[k + n].first == si + n && same[k + n].second == sj + n && si + n < a.size()) ++n;
        out.push_back({WordChange::Op::Equal, written(a_text, a, si, si + n), a[si].space_before});
        i = si + n, j = sj + n, k += n;
    }
    return out;
}

std::vector<uint32_t> word_bag(const std::string& text, Interner& words) {
    std::vector<uint32_t> bag;
    for (const auto& t : tokenize(to_nfc(text))) bag.push_back(words.id(t.text));
    std::sort(bag.begin(), bag.end());
    return bag;
}

double bag_similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    if (a.empty() && b.empty()) return 1;
    size_t common = 0;
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) ++common, ++i, ++j;
        else if (a[i] < b[j]) ++i;
        else ++j;
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

double similarity(const std::string& a, const std::string& b) {
    Interner words;
    return bag_similarity(word_bag(a, words), word_bag(b, words));
}

}  // namespace vanban
