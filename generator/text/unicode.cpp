#include "text/unicode.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>

namespace vanban {

namespace {

// The length of the well-formed UTF-8 sequence at `i` (the table of the Unicode standard,
// section 3.9: no overlong forms, no surrogates, nothing past U+10FFFF), 0 when it is not one.
// The same judgement as ICU's U8_NEXT, written out so that the two- and three-byte letters of
// Vietnamese text cost a few compares each instead of the general decoder.
// Forced inline: at -O2 GCC kept it a call, taken for every letter of every document.
inline __attribute__((always_inline)) size_t utf8_sequence_length(const uint8_t* s, size_t i, size_t length) {
    uint8_t lead = s[i];
    auto trail = [&](size_t k, uint8_t low, uint8_t high) {
        return i + k < length && s[i + k] >= low && s[i + k] <= high;
    };
    if (lead < 0x80) return 1;
    if (lead < 0xC2) return 0;
    if (lead < 0xE0) return trail(1, 0x80, 0xBF) ? 2 : 0;
    if (lead < 0xF0) {
        uint8_t low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
        return trail(1, low, high) && trail(2, 0x80, 0xBF) ? 3 : 0;
    }
    if (lead < 0xF5) {
        uint8_t low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
        return trail(1, low, high) && trail(2, 0x80, 0xBF) && trail(3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

// Skips ASCII eight bytes at a time from `i`: most Markdown syntax and much of the text is ASCII.
inline size_t skip_ascii(const uint8_t* s, size_t i, size_t length) {
    while (i + 8 <= length) {
        uint64_t chunk;
        std::memcpy(&chunk, s + i, 8);
        if (chunk & 0x8080808080808080ull) break;
        i += 8;
    }
    while (i < length && s[i] < 0x80) ++i;
    return i;
}

// How many of the eight bytes at `s` are printable ASCII (0x20–0x7E) before the first that is
// not: 8 when all are. Vietnamese has an accented letter every few bytes, so scan_utf8 skips the
// short ASCII runs between them by one test of a word instead of one per byte.
inline size_t printable_ascii_prefix(const uint8_t* s) {
    constexpr uint64_t ones = 0x0101010101010101ull, low7 = 0x7F * ones, high = 0x80 * ones;
    uint64_t x;
    std::memcpy(&x, s, 8);
    uint64_t low = x & low7;  // each byte below 0x80, so that the sums below carry into no other byte
    uint64_t other = (x | ~(low + 0x60 * ones) | (low + ones)) & high;  // high bit set, below 0x20, 0x7F
    if (!other) return 8;
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return static_cast<size_t>(__builtin_clzll(other)) / 8;
#else
    return static_cast<size_t>(__builtin_ctzll(other)) / 8;
#endif
}

}  // namespace

std::optional<Utf8Error> find_invalid_utf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    size_t length = bytes.size();
    size_t i = skip_ascii(s, 0, length);
    while (i < length) {
        if (s[i] < 0x80) {
            // Vietnamese words mix ASCII and accented letters: only a longer ASCII stretch
            // pays for the eight-byte test.
            i = s[i + 1 < length ? i + 1 : i] < 0x80 ? skip_ascii(s, i, length) : i + 1;
            continue;
        }
        size_t len = utf8_sequence_length(s, i, length);
        if (len == 0) return Utf8Error{i, s[i]};
        i += len;
    }
    return std::nullopt;
}

namespace {

// Code points below U+3000 that can stand anywhere in NFC text: NFC_Quick_Check = Yes and
// canonical combining class 0 (all precomposed Vietnamese letters, general punctuation). A
// text made only of them is NFC by the quick-check rule of UAX #15.
constexpr uint32_t kStableLimit = 0x3000;
struct NfcStableTable {
    std::array<uint64_t, kStableLimit / 64> bits{};
    NfcStableTable() {
        for (UChar32 c = 0; c < static_cast<UChar32>(kStableLimit); ++c)
            if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c) == 0)
                bits[static_cast<size_t>(c) / 64] |= uint64_t(1) << (c % 64);
    }
    bool stable(uint32_t c) const { return c < kStableLimit && (bits[c / 64] >> (c % 64) & 1); }
};

#if defined(__SSE2__)
// What each of 16 bytes is, one bit per byte.
struct ByteKinds {
    uint32_t high;       // 0x80 and above
    uint32_t lead2;      // C3..CB: U+00C0..U+02FF with one trail byte
    uint32_t lead3;      // E1: with two trail bytes, U+1E00..U+1EFF when the first is B8..BB
    uint32_t trail;      // 80..BF
    uint32_t latin;      // B8..BB
    uint32_t odd_ascii;  // below 0x20 but the line feed, and 0x7F
};

inline ByteKinds kinds_of(const uint8_t* s) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
    auto mask = [](__m128i m) { return static_cast<uint32_t>(_mm_movemask_epi8(m)); };
    // Unsigned ranges from one signed compare: b - lo lands in [-128, -128 + count) exactly when b
    // is in [lo, lo + count).
    auto in_range = [&](int lo, int count) {
        const __m128i shifted = _mm_add_epi8(b, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
        return mask(_mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + count))));
    };
    const __m128i control =
        _mm_andnot_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8('\n')),
                         _mm_and_si128(_mm_cmplt_epi8(b, _mm_set1_epi8(0x20)), _mm_cmpgt_epi8(b, _mm_set1_epi8(-1))));
    return {mask(b),
            in_range(0xC3, 9),
            mask(_mm_cmpeq_epi8(b, _mm_set1_epi8(static_cast<char>(0xE1)))),
            mask(_mm_cmplt_epi8(b, _mm_set1_epi8(static_cast<char>(0xC0)))),
            in_range(0xB8, 4),
            mask(_mm_or_si128(control, _mm_cmpeq_epi8(b, _mm_set1_epi8(0x7F))))};
}

// How many bytes from `s`, which starts at a character, are Vietnamese text that needs no closer
// look, 32 at a time: printable ASCII and line feeds, C3..CB and a trail byte, E1 B8..BB and a
// trail byte. That is valid UTF-8, NFC-stable and free of control characters. The count ends at a
// character's start: before 32 bytes where some byte needs the character-by-character scan (a tab,
// a dash, a broken sequence), and before the last 32 bytes of the text.
inline size_t vietnamese_prefix(const uint8_t* s, size_t length) {
    uint32_t called = 0;        // trail bytes the leads of the 32 bytes before call for, here
    uint32_t called_latin = 0;  // where one must be B8..BB
    size_t cut = 0;             // bytes of the letter the 32 bytes before end inside
    size_t at = 0;
    for (; at + 32 <= length; at += 32) {
        const ByteKinds a = kinds_of(s + at), b = kinds_of(s + at + 16);
        const uint32_t high = a.high | b.high << 16, lead2 = a.lead2 | b.lead2 << 16, lead3 = a.lead3 | b.lead3 << 16;
        const uint32_t trail = a.trail | b.trail << 16, latin = a.latin | b.latin << 16;
        if (a.odd_ascii | b.odd_ascii) break;
        if (high != (lead2 | lead3 | trail)) break;
        const uint64_t leads = lead2 | lead3;
        const uint64_t calls = leads << 1 | uint64_t{lead3} << 2;  // where trail bytes must be, past these 32 too
        if ((static_cast<uint32_t>(calls) | called) != trail) break;
        if (((lead3 << 1) | called_latin) & ~latin) break;
        called = static_cast<uint32_t>(calls >> 32);
        called_latin = lead3 >> 31;
        cut = leads >> 31 ? 1 : (lead3 >> 30) & 1 ? 2 : 0;
    }
    return at - cut;
}
#endif

}  // namespace

Utf8Scan scan_utf8(std::string_view bytes) {
    static const NfcStableTable table;
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const size_t length = bytes.size();
    // Validating already decodes each sequence, so testing its code point against the table
    // costs little more; only a text holding some other character (a combining mark, a
    // character past the table) is handed to ICU's normaliser, which gives the same answer.
    // The control characters of text/markup.h are looked for in the same pass, which reading
    // every document did in a second one.
    constexpr size_t none = std::string_view::npos;
    bool stable = true;
    size_t control = none;
    size_t i = 0;
#if defined(__SSE2__)
    size_t stop = 0;  // where the character-by-character scan hands back to the 32-byte one
#endif
    while (true) {
#if defined(__SSE2__)
        if (i >= stop) {
            i += vietnamese_prefix(s + i, length - i);
            stop = i + 32;
        }
#endif
        while (i + 8 <= length) {
            size_t n = printable_ascii_prefix(s + i);
            i += n;
            if (n < 8) break;
        }
        if (i >= length) break;
        uint8_t lead = s[i];
        if (lead < 0x80) {
            // Printable here only in the last seven bytes; tab and line ends are text.
            bool c0_or_del = (lead < 0x20 || lead == 0x7F) && lead != '\t' && lead != '\n' && lead != '\r';
            if (c0_or_del && control == none) control = i;
            ++i;
            continue;
        }
        // The letters of Vietnamese first, with no table to look up: U+00C0..U+02FF (C3..CB and a
        // trail byte) and Latin Extended Additional U+1E00..U+1EFF (E1 B8..BB and a trail byte),
        // all NFC-stable and none a control character.
        if (lead >= 0xC3 && lead < 0xCC && i + 1 < length && (s[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if (lead == 0xE1 && i + 2 < length && (s[i + 1] & 0xFC) == 0xB8 && (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        size_t len = utf8_sequence_length(s, i, length);
        if (len == 0) return {Utf8Error{i, lead}, false, none};
        if (len == 2) {
            // Two-byte sequences below CC 80 are U+0080..U+02FF: Latin, all stable; C2 80–9F are
            // the C1 controls.
            if (lead >= 0xCC) stable = stable && table.stable((uint32_t(lead & 0x1F) << 6) | (s[i + 1] & 0x3F));
            else if (lead == 0xC2 && s[i + 1] < 0xA0 && control == none) control = i;
        } else if (len == 3) {
            uint32_t c = (uint32_t(lead & 0x0F) << 12) | (uint32_t(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            stable = stable && table.stable(c);
            if (lead == 0xE2 && control == none && ((c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)))
                control = i;  // line and paragraph separators, bidi controls
        } else if (len == 4) {
            stable = false;
        }
        i += len;
    }
    return {std::nullopt, stable || is_nfc(bytes), control};
}

std::string repair_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    int32_t length = static_cast<int32_t>(bytes.size());
    int32_t i = 0;
    while (i < length) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0)
            out += "\xEF\xBF\xBD";
        else
            out.append(bytes.data() + start, static_cast<size_t>(i - start));
    }
    return out;
}

// Built once: constructing an icu::Locale parses its name, and to_lower runs for many table
// cells. A const Locale is safe to share between threads.
static const icu::Locale& vietnamese_locale() {
    static const icu::Locale vi("vi");
    return vi;
}

static const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    return *icu::Normalizer2::getNFCInstance(status);
}

bool is_nfc(std::string_view utf8) {
    // ICU's own check skips quickly over code points below U+0300 (all of ASCII and Latin-1);
    // a table of NFC-stable code points written here measured slower on Vietnamese text.
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    if (skip_ascii(s, 0, utf8.size()) == utf8.size()) return true;
    UErrorCode status = U_ZERO_ERROR;
    bool normalized = nfc().isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
    return U_SUCCESS(status) && normalized;
}

std::string to_nfc(std::string_view utf8) {
    if (is_nfc(utf8)) return std::string(utf8);
    UErrorCode status = U_ZERO_ERROR;
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    nfc().normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink, nullptr, status);
    return U_SUCCESS(status) ? out : std::string(utf8);
}

void append_utf8(std::string& out, uint32_t c) {
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    char buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(buf, n, 4, static_cast<UChar32>(c), error);
    if (!error) out.append(buf, static_cast<size_t>(n));
}

std::string shown_prefix(std::string_view text, size_t max_bytes) {
    std::string repaired = repair_utf8(text);
    size_t cut = repaired.size();
    if (cut > max_bytes) {
        cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(repaired[cut]) & 0xC0) == 0x80) --cut;
    }
    std::string out = repaired.substr(0, cut);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return cut < repaired.size() ? out + "…" : out;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

namespace {
// Folding table for U+0000..U+1FFF (Latin with all Vietnamese letters): each code point's
// base letter in lower case, computed once with ICU, kept as its UTF-8 bytes so that folding
// a letter is one copy; an empty entry marks a combining mark to drop.
struct FoldTable {
    struct Folded {
        char bytes[4];
        uint8_t size = 0;
        bool word = false;  // the folded letter belongs to a word, as word_spans() judges it
    };
    std::vector<Folded> base;
    FoldTable() : base(0x2000) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2& decompose = *icu::Normalizer2::getNFDInstance(status);
        for (UChar32 c = 0; c < 0x2000; ++c) {
            if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
            icu::UnicodeString d;
            UChar32 first = decompose.getDecomposition(c, d) ? d.char32At(0) : c;
            if (first == 0x0111 || first == 0x0110) first = 'd';  // đ, Đ have no decomposition
            UChar32 lower = u_tolower(first);
            if (lower == 0) continue;
            std::string utf8;
            append_utf8(utf8, static_cast<uint32_t>(lower));
            Folded& f = base[static_cast<size_t>(c)];
            std::memcpy(f.bytes, utf8.data(), utf8.size());
            f.size = static_cast<uint8_t>(utf8.size());
            f.word = lower < 0x80 ? std::isalnum(static_cast<int>(lower)) != 0 : (u_isalnum(lower) || u_getCombiningClass(lower) != 0);
        }
    }
};
}  // namespace

namespace {

// An ASCII letter or digit, lower-cased, by table; 0 for a separator.
constexpr std::array<char, 128> kAsciiWord = [] {
    std::array<char, 128> t{};
    for (int c = 0; c < 128; ++c)
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) t[static_cast<size_t>(c)] = static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z') t[static_cast<size_t>(c)] = static_cast<char>(c - 'A' + 'a');
    return t;
}();

// Whether byte `b` can be part of a word: an ASCII letter or digit, or any byte of a character
// beyond ASCII (which the folding judges).
inline bool stretch_byte(uint8_t b) { return b >= 0x80 || kAsciiWord[b] != 0; }

#if defined(__SSE2__)
// Bit k set when byte k of the 16 at `p` is a stretch byte.
inline uint32_t stretch_mask16(const uint8_t* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    // Signed compares: bytes from 0x80 are negative and fail both ranges; their own top bit marks them.
    return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)) | _mm_movemask_epi8(v));
}
#endif

// Calls visit(from, to) for each maximal run of stretch bytes in s[0, length), in order. The runs are
// found 64 bytes at a time from a bit mask where SSE2 is there: looking at each byte, the branch on
// where a word ends was mispredicted at nearly every word and was most of the search words' time.
template <typename Visit>
void for_each_stretch(const uint8_t* s, size_t length, Visit&& visit) {
    size_t i = 0, start = 0;
    bool inside = false;
#if defined(__SSE2__)
    for (; i + 64 <= length; i += 64) {
        const uint64_t m = uint64_t{stretch_mask16(s + i)} | uint64_t{stretch_mask16(s + i + 16)} << 16 |
                           uint64_t{stretch_mask16(s + i + 32)} << 32 | uint64_t{stretch_mask16(s + i + 48)} << 48;
        const uint64_t before = m << 1 | (inside ? 1 : 0);
        uint64_t starts = m & ~before, ends = ~m & before;
        // Starts and ends alternate: a run open from the block before ends first.
        for (;;) {
            if (!inside) {
                if (!starts) break;
                start = i + static_cast<size_t>(__builtin_ctzll(starts));
                starts &= starts - 1;
                inside = true;
            }
            if (!ends) break;
            visit(start, i + static_cast<size_t>(__builtin_ctzll(ends)));
            ends &= ends - 1;
            inside = false;
        }
    }
#endif
    for (; i < length; ++i) {
        const bool in = stretch_byte(s[i]);
        if (in && !inside) start = i;
        else if (!in && inside) visit(start, i);
        inside = in;
    }
    if (inside) visit(start, length);
}

}  // namespace

std::string unique_folded_words(std::initializer_list<std::string_view> texts) {
    static const FoldTable table;
    size_t total = 0;
    for (std::string_view t : texts) total += t.size();
    // Written through a pointer into a buffer sized for the worst case (letters folding to one
    // byte more, a space before each word), as append_folded does: a byte at a time through
    // std::string::append cost more than the folding. Not zero-filled: only what is written is read
    // (and up to 8 bytes past a word's start, which the slack at its end covers).
    const size_t capacity = total + total / 2 + texts.size() + 16;
    std::unique_ptr<char[]> buffer(new char[capacity]);
    char* const base = buffer.get();
    char* o = base;
    // Each word once: an open-addressing set of the words kept so far (a few hundred per document),
    // as offsets into the buffer, instead of a node per word in an unordered_set. An entry holds
    // the word's first 8 bytes: most words are shorter, and a repeat is then known without reading
    // the word kept (a third of the time went to that comparison).
    struct Kept {
        uint64_t head;
        uint32_t offset, size;  // size 0: a free slot
    };
    auto head_of = [](const char* w, size_t size) {
        uint64_t head;
        std::memcpy(&head, w, 8);
        return size >= 8 ? head : head & ((uint64_t{1} << (8 * size)) - 1);
    };
    auto hash_of = [](const char* w, size_t size) {
        uint64_t hash = 14695981039346656037ull;  // FNV-1a
        for (size_t n = 0; n < size; ++n) hash = (hash ^ static_cast<unsigned char>(w[n])) * 1099511628211ull;
        return hash;
    };
    std::vector<Kept> kept_words(2048, Kept{0, 0, 0});
    size_t kept = 0;
    // A word is folded straight onto the end of the buffer, hashed as it goes (FNV-1a), and taken
    // back if it was seen before.
    char* word = nullptr;
    uint64_t hash = 0;
    auto end_word = [&] {
        if (!word) return;
        const size_t size = static_cast<size_t>(o - word);
        const uint64_t head = head_of(word, size);
        size_t mask = kept_words.size() - 1, slot = static_cast<size_t>(hash) & mask;
        for (; kept_words[slot].size != 0; slot = (slot + 1) & mask) {
            const Kept& k = kept_words[slot];
            if (k.head == head && k.size == size && (size <= 8 || std::memcmp(base + k.offset + 8, word + 8, size - 8) == 0)) {
                o = word == base ? base : word - 1;  // and its space
                word = nullptr;
                return;
            }
        }
        kept_words[slot] = Kept{head, static_cast<uint32_t>(word - base), static_cast<uint32_t>(size)};
        word = nullptr;
        if (++kept * 2 > kept_words.size()) {  // at most half full: probes stay short
            std::vector<Kept> grown(kept_words.size() * 2, Kept{0, 0, 0});
            for (const Kept& k : kept_words) {
                if (k.size == 0) continue;
                size_t at = static_cast<size_t>(hash_of(base + k.offset, k.size)) & (grown.size() - 1);
                while (grown[at].size != 0) at = (at + 1) & (grown.size() - 1);
                grown[at] = k;
            }
            kept_words.swap(grown);
        }
    };
    auto start_word = [&] {
        if (o != base) *o++ = ' ';
        word = o;
        hash = 14695981039346656037ull;
    };
    auto add = [&](char c) {
        *o++ = c;
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    };
    // Words repeat: a plan of 3,000 words has a few hundred different ones. A stretch of text between
    // ASCII separators ("kiểm", "Nguyễn") is folded the first time its bytes appear; the same bytes
    // again can only bring words already kept, so they are passed over. The stretches seen are kept
    // as their place in the text.
    // Kept small (16 bytes, a thousand of them) so that the table stays in the processor's nearest cache.
    struct Seen {
        uint64_t head;    // the first 8 bytes: most stretches are no longer, and are known by it and their size
        uint32_t offset;  // in its text
        uint16_t size;    // 0: a free slot
        uint16_t text;    // which of the texts
    };
    unsigned bits = 12;
    std::vector<Seen> seen(size_t{1} << bits, Seen{0, 0, 0, 0});
    size_t seen_count = 0;
    // Eight bytes of a stretch from `k`, those past it zero; `end` is the end of its text.
    auto chunk_at = [](const uint8_t* at, size_t k, size_t size, const uint8_t* end) {
        uint64_t chunk = 0;
        const size_t n = std::min<size_t>(8, size - k);
        if (at + k + 8 <= end) {
            std::memcpy(&chunk, at + k, 8);
            if (n < 8) chunk &= (uint64_t{1} << (8 * n)) - 1;
        } else {
            for (size_t b = 0; b < n; ++b) chunk |= uint64_t{at[k + b]} << (8 * b);
        }
        return chunk;
    };
    // The slot is taken from the high bits of a multiply, which mix in every byte of the head.
    auto slot_of = [&](uint64_t head, size_t size) { return static_cast<size_t>(((head ^ size) * 0x9E3779B97F4A7C15ull) >> (64 - bits)); };
    // Whether the stretch s[from, to) of text number `text` comes for the first time. A stretch too
    // long for the table always counts as new: folding it again only finds words already kept.
    auto first_time = [&](const uint8_t* s, size_t from, size_t to, size_t text_length, uint16_t text) {
        const size_t size = to - from;
        if (size > 0xFFFF || from > 0xFFFFFFFFu || text == 0xFFFF) return true;
        const uint64_t head = chunk_at(s + from, 0, size, s + text_length);
        const size_t mask = seen.size() - 1;
        size_t slot = slot_of(head, size);
        for (; seen[slot].size != 0; slot = (slot + 1) & mask) {
            const Seen& e = seen[slot];
            if (e.head == head && e.size == size && e.text == text &&
                (size <= 8 || std::memcmp(s + e.offset + 8, s + from + 8, size - 8) == 0))
                return false;
        }
        seen[slot] = Seen{head, static_cast<uint32_t>(from), static_cast<uint16_t>(size), text};
        if (++seen_count * 4 > seen.size() * 3) {  // at most three quarters full
            ++bits;
            std::vector<Seen> grown(size_t{1} << bits, Seen{0, 0, 0, 0});
            for (const Seen& e : seen) {
                if (e.size == 0) continue;
                size_t at = slot_of(e.head, e.size);
                while (grown[at].size != 0) at = (at + 1) & (grown.size() - 1);
                grown[at] = e;
            }
            seen.swap(grown);
        }
        return true;
    };
    // The words of one stretch, folded letter by letter onto the end of the buffer.
    auto fold_stretch = [&](const uint8_t* s, int32_t from, int32_t length) {
        for (int32_t i = from; i < length;) {
            if (s[i] < 0x80) {  // a letter or digit: a stretch holds no ASCII separator
                if (!word) start_word();
                add(kAsciiWord[s[i++]]);
                continue;
            }
            UChar32 c;
            U8_NEXT(s, i, length, c);
            if (c < 0) continue;
            char bytes[4];
            int32_t n = 0;
            if (c < 0x2000) {
                const FoldTable::Folded& f = table.base[static_cast<size_t>(c)];
                if (f.size == 0) continue;  // a mark folded away: the word goes on
                if (!f.word) {
                    end_word();
                    continue;
                }
                std::memcpy(bytes, f.bytes, 4);
                n = f.size;
            } else if (u_getCombiningClass(c) == 0) {
                UChar32 lower = u_tolower(c);
                if (!u_isalnum(lower) && u_getCombiningClass(lower) == 0) {
                    end_word();
                    continue;
                }
                U8_APPEND_UNSAFE(bytes, n, lower);
            } else {
                continue;
            }
            if (!word) start_word();
            for (int32_t k = 0; k < n; ++k) add(bytes[k]);
        }
        end_word();
    };
    uint16_t text_number = 0;
    for (std::string_view text : texts) {
        const auto* s = reinterpret_cast<const uint8_t*>(text.data());
        for_each_stretch(s, text.size(), [&](size_t from, size_t to) {
            if (first_time(s, from, to, text.size(), text_number)) fold_stretch(s, static_cast<int32_t>(from), static_cast<int32_t>(to));
        });
        if (text_number < 0xFFFF) ++text_number;
    }
    return std::string(base, static_cast<size_t>(o - base));
}

std::string fold_diacritics(std::string_view utf8) {
    std::string out;
    append_folded(utf8, out);
    return out;
}

void append_folded(std::string_view utf8, std::string& out) {
    static const FoldTable table;
    // Written through a pointer into a buffer sized for the worst case (a two-byte letter whose
    // lower case takes three bytes, U+023A → U+2C65): the search index folds every document, and
    // appending one or two bytes at a time to a string was most of the cost.
    const size_t start = out.size();
    out.resize(start + utf8.size() + utf8.size() / 2 + 4);
    char* o = &out[start];
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    int32_t length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        if (s[i] < 0x80) {
            char c = static_cast<char>(s[i++]);
            *o++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) continue;
        if (c < 0x2000) {
            const FoldTable::Folded& f = table.base[static_cast<size_t>(c)];
            std::memcpy(o, f.bytes, 4);  // the table entry is 4 bytes; only f.size count
            o += f.size;
        } else if (u_getCombiningClass(c) == 0) {
            int32_t n = 0;  // a valid code point's lower case is one too: no U+FFFD case here
            U8_APPEND_UNSAFE(o, n, u_tolower(c));
            o += n;
        }
    }
    out.resize(static_cast<size_t>(o - out.data()));
}

std::string wording_key(std::string_view utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    text = nfc().normalize(text, status);
    text.toLower(vietnamese_locale());
    std::string out;
    bool pending_space = false;
    for (int32_t i = 0; i < text.length();) {
        UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (u_isalpha(c)) {
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            append_utf8(out, c);
        } else {
            pending_space = true;  // digits, punctuation and spaces all separate words
        }
    }
    return out;
}

std::string ascii_slug(std::string_view utf8, size_t max) {
    std::string out;
    for (char c : fold_diacritics(utf8)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > max) {
        size_t cut = out.rfind('-', max);
        out.resize(cut == std::string::npos ? max : cut);
    }
    return out;
}

std::string to_upper(std::string_view utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    text.toUpper(vietnamese_locale());
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string to_lower(std::string_view utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    text.toLower(vietnamese_locale());
    std::string out;
    text.toUTF8String(out);
    return out;
}

int count_code_points(std::string_view utf8) {
    int n = 0;
    for (char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<std::string_view> word_spans(std::string_view text) {
    // ASCII letters and digits by table: std::isalnum is a call that reads the C locale.
    static constexpr std::array<bool, 128> ascii_word = [] {
        std::array<bool, 128> t{};
        for (int c = 0; c < 128; ++c)
            t[static_cast<size_t>(c)] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return t;
    }();
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    int32_t length = static_cast<int32_t>(text.size());
    // Whether the character at `i` belongs to a word; `next` is where the following one starts.
    auto part_of_word = [&](int32_t i, int32_t& next) {
        if (s[i] < 0x80) {  // most text, and all folded text, is ASCII
            next = i + 1;
            return ascii_word[s[i]];
        }
        next = i;
        UChar32 c;
        U8_NEXT(s, next, length, c);
        return c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0);
    };
    std::vector<std::string_view> words;
    words.reserve(text.size() / 8);  // about one word per eight bytes of prose: few regrowths
    // Two tight loops, over a separator run then over a word, instead of one loop that tests
    // both states at every byte (the search index splits every document).
    int32_t i = 0, next = 0;
    while (i < length) {
        if (!part_of_word(i, next)) {
            i = next;
            continue;
        }
        int32_t start = i;
        i = next;
        while (i < length && part_of_word(i, next)) i = next;
        words.push_back(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
        if (i < length) i = next;  // the separator that ended the word is already read
    }
    return words;
}

namespace {
// ICU collators are not thread-safe for concurrent compare() on one instance,
// so each thread gets its own clone.
const icu::Collator& vietnamese_collator() {
    static std::unique_ptr<icu::Collator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
        return c;
    }();
    thread_local std::unique_ptr<icu::Collator> local(prototype->clone());
    return *local;
}
}  // namespace

int compare_vietnamese(std::string_view a, std::string_view b) {
    UErrorCode status = U_ZERO_ERROR;
    auto r = vietnamese_collator().compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                                icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

void sort_vietnamese(std::vector<std::string>& items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const std::string& a, const std::string& b) { return compare_vietnamese(a, b) < 0; });
}

int edit_distance(std::string_view a, std::string_view b) {
    auto decode = [](std::string_view s) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
        std::vector<UChar32> cps;
        for (int32_t i = 0; i < u.length();) {
            UChar32 c = u.char32At(i);
            cps.push_back(c);
            i += U16_LENGTH(c);
        }
        return cps;
    };
    auto x = decode(a), y = decode(b);
    // Three rows: a swap looks two characters back.
    std::vector<int> before(y.size() + 1), previous(y.size() + 1), row(y.size() + 1);
    for (size_t j = 0; j <= y.size(); ++j) previous[j] = static_cast<int>(j);
    for (size_t i = 1; i <= x.size(); ++i) {
        row[0] = static_cast<int>(i);
        for (size_t j = 1; j <= y.size(); ++j) {
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return previous[y.size()];
}

std::string nearest(const std::string& typed, const std::vector<std::string>& candidates) {
    std::string best;
    int best_distance = 0;
    for (const auto& c : candidates) {
        int d = edit_distance(typed, c);
        if (best.empty() || d < best_distance) best = c, best_distance = d;
    }
    // One slip in a short name, two in a longer one: beyond that it is another word.
    int allowed = count_code_points(typed) <= 4 ? 1 : 2;
    return !best.empty() && best_distance <= allowed && best_distance > 0 ? best : std::string();
}

// Before Unicode, Vietnamese text was typed in one-byte encodings. In VNI the tone and
// vowel marks are separate bytes that follow a plain vowel ("a" + "ù" = "á"); in TCVN3
// (ABC) each accented vowel is one byte of its own. So the share of high bytes that
// follow an ASCII vowel tells the two apart well enough to name a likely culprit.
const char* guess_legacy_encoding(std::string_view raw) {
    // Only the bytes that are not valid UTF-8 count: the rest of the file may be Unicode already.
    const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
    int32_t length = static_cast<int32_t>(raw.size());
    size_t high = 0, after_vowel = 0;
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c >= 0) continue;
        for (int32_t k = start; k < i; ++k) {
            ++high;
            if (k > 0 && std::string_view("aeiouyAEIOUY").find(static_cast<char>(s[k - 1])) != std::string_view::npos) ++after_vowel;
        }
    }
    if (high < 3) return nullptr;
    return after_vowel * 10 >= high * 4 ? "VNI" : "TCVN3";
}

}  // namespace vanban
