// A document as vanban understands it: its source, front matter, and the parts of its
// Markdown body the checks and renderers need (headings, tables, links, the AST itself).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "model/document_type.h"
#include "text/dates.h"
#include "text/numbering.h"

struct cmark_node;

namespace vanban {

struct Position {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, in characters
};

// The file as read from disk, plus what the encoding checks need to know about its bytes.
struct SourceText {
    std::string raw;   // the bytes on disk, kept only when not valid UTF-8 or not NFC
    std::string text;  // valid UTF-8, NFC, without BOM, LF line endings: what everything else reads
    bool had_bom = false;
    bool valid_utf8 = true;  // false: `raw` has bytes that are not UTF-8 (replaced by U+FFFD in `text`)
    bool was_nfc = true;     // false: `raw` had decomposed characters (normalised in `text`)
    size_t crlf_lines = 0, lf_lines = 0;
    int first_crlf_line = 0, first_lf_line = 0;
    std::vector<size_t> line_starts;  // byte offsets into `text`

    Position position_of(size_t offset) const;  // offset into `text`
    std::string_view line(int number) const;     // 1-based, without the newline
};

struct Signer {
    std::string authority;  // quyen_han: "KT. HIỆU TRƯỞNG"
    std::string position;   // chuc_vu: "PHÓ HIỆU TRƯỞNG"
    std::string name;       // ho_ten
};

struct Heading {
    int level = 1;  // 1 for "#"
    Position at;
    std::string text;  // "II. NỘI DUNG"
    HeadingNumber number;
    std::string anchor;  // id used on the site: "muc-2"
};

struct TableRow {
    Position at;
    std::vector<std::string> cells;  // plain text of each cell
};

struct Table {
    Position at;
    std::vector<TableRow> rows;  // rows[0] is the header
};

struct Link {
    std::string target;
    Position at;
    bool image = false;
};

struct CmarkNodeDeleter {
    void operator()(cmark_node* node) const;
};
using MarkdownTree = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

struct FrontMatter {
    bool present = false;
    bool valid = false;   // parsed as a YAML mapping
    YAML::Node root;
    int first_line = 0;   // line of the first YAML line (after "---")
    int end_line = 0;     // line of the closing "---"
    std::string error;    // YAML parse error, when !valid
    Position error_at;
};

struct Document {
    std::string path;  // relative to the repository root, with '/'
    SourceText source;
    FrontMatter front;

    std::string type_id;                // loai
    const DocumentType* type = nullptr; // null when loai names no type
    std::optional<int> number;          // so; empty while a draft
    std::string symbol;                 // ký hiệu, derived or from ky_hieu
    std::optional<Date> date;           // ngay
    std::optional<SchoolYear> school_year;  // nam_hoc
    std::string subject;                // trich_yeu
    Signer signer;                      // nguoi_ky
    std::vector<std::string> recipients;  // noi_nhan
    std::vector<std::string> addressees;  // kinh_gui (công văn)
    std::string category;               // danh_muc (công khai)
    std::string page_title;             // tieu_de (site pages)
    int menu_order = 0;                 // thu_tu (site pages)

    std::vector<Heading> headings;
    std::vector<Table> tables;
    std::vector<Link> links;
    MarkdownTree ast;

    bool is_draft() const { return !number.has_value(); }
    // The trích yếu, or the page title for site pages.
    std::string title() const;
    std::string slug() const;  // file name without .md
    std::string body_markdown() const;  // the source after the front matter
};

// Seconds since 1970 for the dates inside a PDF or Word file, so the same document gives the
// same bytes: $SOURCE_DATE_EPOCH, else midnight UTC of the document's date, else 0.
std::string source_date_epoch(const Document& doc);

}  // namespace vanban
