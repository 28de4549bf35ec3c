// Phase 2 of import: what the blocks read from Word are. The header and signature blocks
// (two-column layout tables or paragraphs), the title, "Kính gửi", "Nơi nhận", a superior
// office's approval block and appendices become fields; numbered titles become headings
// at their level; everything else stays body text in order.
#pragma once

#include <string>
#include <vector>

#include "import/word_reader.h"
#include "load/repository.h"

namespace vanban {

struct ImportOptions {
    std::string type;         // --type: overrides what the title says
    std::string school_year;  // --year: overrides what the text says
};

// One element of the written body, in order.
struct BodyElement {
    enum class Kind { Heading, Paragraph, Bullet, Table, Code, LineBlock, Appendix };
    Kind kind = Kind::Paragraph;
    int level = 0;      // Heading: 1…6; Bullet: nesting depth (0 top)
    std::string text;   // Appendix: its heading text ("PHỤ LỤC 1: KẾ HOẠCH GIÁO DỤC")
    std::vector<std::vector<std::string>> rows;
};

struct Issuer {            // co_quan_ban_hanh: a document of another agency
    std::string name;      // ten
    std::string parent;    // chu_quan
    std::string place;     // dia_danh
};

struct RecognizedApproval {  // duyet_cap_tren
    std::string title, authority, position, name, date_iso;
};

struct RecognizedDocument {
    std::string type, number, symbol, derived_symbol, date_iso, school_year, subject;
    std::string category;      // danh_muc: not printed, carried in the file's properties by `vanban docx`
    bool symbol_written = false;  // ky_hieu differs from what the school's settings derive (or another agency's)
    std::string authority, position, signer;
    std::vector<std::string> addressees, recipients;
    Issuer issuer;             // empty name: the school itself
    RecognizedApproval approval;  // empty title: none
    std::vector<BodyElement> body;
    std::vector<std::string> footnotes;
    // Words of the Word file that the printed template brings back (Quốc hiệu, "Số:", "ngày
    // … tháng … năm", the type word of the title, the school's own name…): not a loss.
    std::vector<std::string> template_text;
    std::vector<std::string> notes;  // what the user should know about choices made
};

RecognizedDocument recognize(const WordDocument& word, const Repository& repo, const ImportOptions& options);

}  // namespace vanban
