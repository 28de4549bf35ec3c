// The UTF-8 checks as they were before the fast paths of text/, kept as the reference the tests
// compare them with: ICU's own decoder and normaliser.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "text/unicode.h"

namespace reference {

inline std::optional<vanban::Utf8Error> find_invalid_utf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    int32_t length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return vanban::Utf8Error{static_cast<size_t>(start), s[start]};
    }
    return std::nullopt;
}

inline bool is_nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2& nfc = *icu::Normalizer2::getNFCInstance(status);
    bool normalized = nfc.isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
    return U_SUCCESS(status) && normalized;
}

}  // namespace reference
