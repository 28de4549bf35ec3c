// The school described by vanban.yaml.
#pragma once

#include <string>

namespace vanban {

struct School {
    std::string name;            // ten: "Trường THCS Bình Minh"
    std::string abbreviation;    // viet_tat: "THCSBM", used in ký hiệu
    std::string governing_body;  // co_quan_chu_quan
    std::string place;           // dia_danh, printed before the date
    std::string level;           // cap_hoc: MN | TH | THCS | THPT | ...
    std::string website;         // optional, absolute URL without trailing slash
    std::string address;         // dia_chi, optional
    std::string phone;           // dien_thoai, optional
    std::string email;           // optional
    bool allow_raw_html = false; // cho_phep_html: pass raw HTML in Markdown through to the site
};

}  // namespace vanban
