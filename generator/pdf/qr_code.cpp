#include "pdf/qr_code.h"

#include <qrencode.h>

#include <cstdio>

namespace vanban {

std::string qr_svg(const std::string& text, double size_mm) {
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return {};
    const int quiet = 2;  // modules of white border
    int n = code->width + 2 * quiet;
    char head[256];
    std::snprintf(
        head, sizeof head,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ma-qr\" width=\"%.1fmm\" height=\"%.1fmm\" viewBox=\"0 0 %d "
        "%d\" "
        "shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
        size_mm, size_mm, n, n, n, n);
    std::string svg = head;
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                svg += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
    svg += "\"/></svg>";
    QRcode_free(code);
    return svg;
}

}  // namespace vanban
