#include "import/word_file.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <vector>

#include "support/process.h"
#include "text/unicode.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

std::uint32_t u32(const unsigned char* p) { return p[0] | p[1] << 8 | p[2] << 16 | static_cast<std::uint32_t>(p[3]) << 24; }
std::uint16_t u16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | p[1] << 8); }

std::string megabytes(std::uint64_t bytes) { return bytes < (1u << 20) ? std::to_string(bytes >> 10) + " KB" : std::to_string(bytes >> 20) + " MB"; }

// A private folder for LibreOffice's output and profile, removed when done.
struct PrivateDir {
    fs::path path;
    PrivateDir() {
        std::string pattern = (fs::temp_directory_path() / "vanban-import-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("không tạo được thư mục tạm để chuyển tệp Word");
        path = pattern;
    }
    ~PrivateDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// A Word file is read whole (to list and unpack its entries) only below this size.
constexpr std::uint64_t kMaxDocxBytes = 256ull << 20;

std::vector<unsigned char> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<unsigned char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// One entry of a zip file's central directory.
struct ZipEntry {
    std::string name;
    std::uint16_t method = 0;              // 0 stored, 8 deflated
    std::uint32_t packed = 0, size = 0;    // as the directory says: a crafted file may lie (Pandoc's limits still hold)
    std::uint32_t local = 0;               // offset of its local header
};

// The central directory, found from its end record. The zip structure is read here because a
// Word file needs only this listing and one small entry; zlib inflates.
std::optional<std::vector<ZipEntry>> zip_entries(const std::vector<unsigned char>& data) {
    if (data.size() < 22) return std::nullopt;
    size_t end = std::string::npos;
    for (size_t p = data.size() - 22 + 1; p-- > 0 && data.size() - p <= 22 + 65535;)
        if (u32(&data[p]) == 0x06054b50) {
            end = p;
            break;
        }
    if (end == std::string::npos) return std::nullopt;
    std::vector<ZipEntry> entries;
    std::uint64_t count = u16(&data[end + 10]), offset = u32(&data[end + 16]);
    for (std::uint64_t k = 0; k < count; ++k) {
        if (offset + 46 > data.size() || u32(&data[offset]) != 0x02014b50) return std::nullopt;
        ZipEntry e;
        e.method = u16(&data[offset + 10]);
        e.packed = u32(&data[offset + 20]);
        e.size = u32(&data[offset + 24]);
        e.local = u32(&data[offset + 42]);
        std::uint16_t name_length = u16(&data[offset + 28]);
        if (offset + 46 + name_length > data.size()) return std::nullopt;
        e.name.assign(reinterpret_cast<const char*>(&data[offset + 46]), name_length);
        offset += 46 + name_length + u16(&data[offset + 30]) + u16(&data[offset + 32]);
        entries.push_back(std::move(e));
    }
    return entries;
}

// One small entry, stored or deflated; empty when larger than `limit` or unreadable.
std::string zip_entry(const std::vector<unsigned char>& data, const ZipEntry& e, size_t limit) {
    if (e.size > limit || static_cast<std::uint64_t>(e.local) + 30 > data.size() || u32(&data[e.local]) != 0x04034b50) return {};
    size_t start = e.local + 30 + u16(&data[e.local + 26]) + u16(&data[e.local + 28]);
    if (start + e.packed > data.size()) return {};
    if (e.method == 0) return std::string(reinterpret_cast<const char*>(&data[start]), std::min(e.packed, e.size));
    if (e.method != 8) return {};
    std::string out(e.size, '\0');
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return {};
    z.next_in = const_cast<Bytef*>(&data[start]);
    z.avail_in = e.packed;
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = e.size;
    int status = inflate(&z, Z_FINISH);
    inflateEnd(&z);
    return status == Z_STREAM_END && z.total_out == e.size ? out : std::string();
}

std::string xml_text(std::string s) {
    static const std::pair<const char*, const char*> entities[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += std::strlen(to)) s.replace(p, std::strlen(from), to);
    return s;
}

std::map<std::string, std::string> custom_properties(const std::vector<unsigned char>& data, const std::vector<ZipEntry>& entries) {
    std::map<std::string, std::string> out;
    auto it = std::find_if(entries.begin(), entries.end(), [](const ZipEntry& e) { return e.name == "docProps/custom.xml"; });
    if (it == entries.end()) return out;
    std::string xml = zip_entry(data, *it, 1u << 20);
    static const std::regex property(R"re(<property\b[^>]*\bname="([^"]{1,100})"[^>]*>\s*<vt:lpwstr>([^<]{0,2000})</vt:lpwstr>)re");
    for (auto m = std::sregex_iterator(xml.begin(), xml.end(), property); m != std::sregex_iterator(); ++m)
        out[xml_text((*m)[1])] = xml_text((*m)[2]);
    return out;
}

// Why a .docx must not be given to Pandoc (not a zip file, expands too much); empty when it may.
// The sizes come from the file itself and may lie: Pandoc's heap and time limits are the bound
// that always holds; this refuses the honest bombs before Pandoc starts.
std::string archive_problem(const std::optional<std::vector<ZipEntry>>& entries, const WordFileLimits& limits) {
    if (!entries) return "không phải tệp .docx (Word 2007 trở lên), hoặc tệp hỏng";
    std::uint64_t expanded = 0, compressed = 0;
    for (const ZipEntry& e : *entries) {
        // Zip64 sizes in a Word file: only a huge or crafted file needs them.
        if (e.packed == 0xFFFFFFFF || e.size == 0xFFFFFFFF) return "tệp .docx chứa mục nén quá lớn (zip64): có thể là tệp độc hại (zip bomb)";
        expanded += e.size;
        compressed += e.packed;
    }
    if (expanded > limits.max_expanded_bytes || (expanded > (10u << 20) && expanded > limits.max_ratio * std::max<std::uint64_t>(compressed, 1)))
        return "tệp .docx bung ra tới " + megabytes(expanded) + " từ " + megabytes(compressed) +
               " nén: có thể là tệp độc hại (zip bomb), vanban không đọc";
    return "";
}

}  // namespace

WordFileResult read_word_file(const std::string& path, const std::string& pandoc, const WordFileLimits& limits) {
    WordFileResult result;
    std::string ext = fs::path(path).extension().string();
    ext = lower_ascii(ext);
    std::string docx = fs::absolute(path).string();
    std::unique_ptr<PrivateDir> converted;
    if (ext == ".doc" || ext == ".odt" || ext == ".rtf") {
        std::string soffice = find_program("soffice");
        if (soffice.empty()) soffice = find_program("libreoffice");
        if (soffice.empty()) {
            result.error = "tệp " + ext + " cần LibreOffice để đọc mà máy chưa cài. Mở tệp bằng Word (hoặc LibreOffice Writer), "
                           "chọn Tệp → Lưu thành (Save As) → \"Tài liệu Word (*.docx)\", rồi chạy lại vanban import với tệp .docx";
            return result;
        }
        converted = std::make_unique<PrivateDir>();
        ProcessOptions o;
        o.timeout = limits.timeout;
        ProcessResult r = run_process({soffice, "-env:UserInstallation=file://" + (converted->path / "profile").string(), "--headless",
                                       "--convert-to", "docx", "--outdir", converted->path.string(), docx},
                                      o);
        docx = (converted->path / (fs::path(path).stem().string() + ".docx")).string();
        if (!r.ok() || !fs::exists(docx)) {
            result.error = "LibreOffice không chuyển được tệp sang .docx" + (r.timed_out ? std::string(" (quá thời gian)") : "") +
                           "; hãy mở tệp và lưu thành .docx";
            return result;
        }
    }
    std::error_code size_error;
    if (fs::file_size(docx, size_error) > kMaxDocxBytes && !size_error) {
        result.error = "tệp .docx lớn hơn " + megabytes(kMaxDocxBytes) + ": vanban không đọc (tách văn bản hoặc bỏ bớt hình ảnh)";
        return result;
    }
    std::vector<unsigned char> data = read_bytes(docx);
    auto entries = zip_entries(data);
    if (std::string problem = archive_problem(entries, limits); !problem.empty()) {
        result.error = problem;
        return result;
    }
    ProcessOptions o;
    o.timeout = limits.timeout;
    ProcessResult json = run_process({pandoc, "+RTS", "-M" + limits.pandoc_heap, "-RTS", "-f", "docx", "-t", "json", docx}, o);
    if (json.ok()) {
        result.ok = true;
        result.json = std::move(json.out);
        result.properties = custom_properties(data, *entries);
    } else if (json.timed_out) {
        result.error = "pandoc đọc tệp quá " + std::to_string(limits.timeout.count() / 1000) + " giây, đã dừng (tệp quá lớn hoặc hỏng)";
    } else if (json.err.find("Heap exhausted") != std::string::npos) {
        result.error = "pandoc cần quá " + limits.pandoc_heap + " bộ nhớ để đọc tệp, đã dừng (tệp quá lớn hoặc độc hại)";
    } else {
        std::string said = json.err.substr(0, 200);
        while (!said.empty() && std::isspace(static_cast<unsigned char>(said.back()))) said.pop_back();
        result.error = json.started
                           ? "tệp Word hỏng hoặc không phải .docx thật: mở tệp bằng Word hoặc LibreOffice, lưu lại thành "
                             "\"Tài liệu Word (*.docx)\" rồi chạy lại (pandoc báo: " + said + ")"
                           : "không chạy được pandoc (" + json.start_error + "); cài gói Debian \"pandoc\" (scripts/setup.sh làm việc này)";
    }
    return result;
}

}  // namespace vanban
