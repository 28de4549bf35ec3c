// A document as vanban understands it: its source, front matter, and the parts of its
// Markdown body the checks and renderers need (headings, tables, links, the AST itself).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
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
    // Where `text`'s first control character is (find_control_character), found once for the
    // encoding and front-matter rules.
    size_t first_control = std::string::npos;

    // One position; for many, a PositionCursor counts each line once.
    Position position_of(size_t offset) const;  // offset into `text`
    std::string_view line(int number) const;     // 1-based, without the newline
};

// Positions of many places in one text, counted in one pass: a place further along the line of
// the previous one continues the count from there, so every node of a line costs the line's
// length once, not each its own distance from the line start (100,000 links on one line took
// six minutes that way). Places in any order stay right; going back recounts from the line start.
class PositionCursor {
public:
    explicit PositionCursor(const SourceText& source) : source_(source) {}
    Position at(size_t offset);               // a byte offset into source.text
    Position at(int line, int byte_column);   // a 1-based line and byte column, as cmark gives them
    size_t bytes_counted() const { return counted_; }  // the work done so far, for tests

private:
    Position advance(int line, size_t offset);

    const SourceText& source_;
    int line_ = 0;
    size_t offset_ = 0;  // where the count stopped, on line_
    int column_ = 1;     // the column at offset_
    size_t counted_ = 0;
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
    int part = 0;        // 0: the document's body; k: its k-th appendix (Appendix below)
    bool opens_appendix = false;  // the "# Phụ lục I: ..." heading itself, not a section
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

// A document issued by another agency (co_quan_ban_hanh), kept in the school's repository
// for reference: its header names that agency, never the school.
struct IssuingBody {
    std::string name;    // ten: "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    std::string parent;  // chu_quan: the line above it, optional
    std::string place;   // dia_danh, printed before its date
};

// The superior office's approval printed under the school's signature (duyet_cap_tren).
struct SuperiorApproval {
    std::string heading;  // tieu_de: "PHÊ DUYỆT CỦA PHÒNG GD&ĐT"
    Signer signer;
    std::optional<Date> date;
};

// An appendix (Phụ lục, Nghị định 30/2020/NĐ-CP Điều 8): it begins at a level-1 heading
// "Phụ lục I: TITLE" and runs to the next one; its content has its own AST and numbering.
struct Appendix {
    std::string label;       // "I", "2", "1.1" or empty
    std::string title;       // what follows the label, as written
    std::string attached_to; // the "(Kèm theo ...)" line when the document writes it itself
    Position at;             // the heading
    int content_line = 0;    // first source line after the heading and the "(Kèm theo ...)" line
    int end_line = 0;        // last source line of the appendix
    MarkdownTree ast;

    std::string label_line() const { return label.empty() ? "Phụ lục" : "Phụ lục " + label; }  // "Phụ lục I"
};

// Where nodes were written, for nodes that carry no mark of their own (load/plain_yaml.h).
using YamlMarks = std::vector<std::pair<YAML::Node, YAML::Mark>>;

struct FrontMatter {
    bool present = false;
    bool valid = false;   // parsed as a YAML mapping
    YAML::Node root;
    YamlMarks marks;      // of every node of root, when it was read without YAML::Load
    int first_line = 0;   // line of the first YAML line (after "---")
    int end_line = 0;     // line of the closing "---"
    size_t body_start = 0;  // where the Markdown starts in the text: after the closing "---" (0 without one)
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

    std::optional<IssuingBody> issuing_body;          // co_quan_ban_hanh: issued by another agency
    std::optional<SuperiorApproval> superior_approval; // duyet_cap_tren

    std::vector<Heading> headings;  // body and appendices, in order (Heading::part tells which)
    // Top-level paragraphs that start with an outline number ("3. Nâng cao …", "a) Rà soát …"): long
    // numbered items kept as paragraphs, as Word import writes them. Their level is 0: the numbering
    // check places them among the headings by their style.
    std::vector<Heading> numbered_paragraphs;
    std::vector<Table> tables;
    std::vector<Link> links;
    MarkdownTree ast;               // the body before the first appendix, with every footnote
    std::vector<Appendix> appendices;

    bool is_draft() const { return !number.has_value(); }
    bool issued_elsewhere() const { return issuing_body.has_value(); }
    // The trích yếu, or the page title for site pages.
    std::string title() const;
    std::string slug() const;  // file name without .md
};

// The Markdown source of one part of the document, for the renderers that hand Markdown to
// Pandoc: `part` 0 is the body (front matter and appendices left out), k the k-th appendix
// (without its heading and "(Kèm theo …)" line). Each part ends with every footnote definition
// of the document: Pandoc prints the notes a part refers to and ignores the others.
std::string part_source(const Document& doc, int part);

// Seconds since 1970 for the dates inside a PDF or Word file, so the same document gives the
// same bytes: $SOURCE_DATE_EPOCH, else midnight UTC of the document's date, else 0.
std::string source_date_epoch(const Document& doc);

}  // namespace vanban
