// A QR code (libqrencode) as SVG markup, for the verification line of approved PDFs.
#pragma once

#include <string>

namespace vanban {

// Empty when the text cannot be encoded.
std::string qr_svg(const std::string& text, double size_mm = 18);

}  // namespace vanban
