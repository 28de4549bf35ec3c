#include "import/word_file.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <vector>

#include "support/process.h"

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

std::vector<unsigned char> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<unsigned char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The end-of-central-directory record of a zip file, or npos.
size_t central_directory_end(const std::vector<unsigned char>& data) {
    if (data.size() < 22) return std::string::npos;
    for (size_t p = data.size() - 22 + 1; p-- > 0 && data.size() - p <= 22 + 65535;)
        if (u32(&data[p]) == 0x06054b50) return p;
    return std::string::npos;
}

// One small entry of a zip file, stored or deflated; empty when absent, larger than `limit`
// or unreadable. zlib does the inflating; the zip structure is read here because a Word file
// needs only this one lookup and no zip library is in vanban's dependencies.
std::string zip_entry(const std::vector<unsigned char>& data, const std::string& name, size_t limit) {
    size_t end = central_directory_end(data);
    if (end == std::string::npos) return {};
    std::uint64_t entries = u16(&data[end + 10]), offset = u32(&data[end + 16]);
    for (std::uint64_t k = 0; k < entries; ++k) {
        if (offset + 46 > data.size() || u32(&data[offset]) != 0x02014b50) return {};
        std::uint16_t method = u16(&data[offset + 10]), name_length = u16(&data[offset + 28]);
        std::uint32_t packed = u32(&data[offset + 20]), size = u32(&data[offset + 24]), local = u32(&data[offset + 42]);
        if (offset + 46 + name_length > data.size()) return {};
        std::string entry(reinterpret_cast<const char*>(&data[offset + 46]), name_length);
        offset += 46 + name_length + u16(&data[offset + 30]) + u16(&data[offset + 32]);
        if (entry != name) continue;
        if (size > limit || local + 30 > data.size() || u32(&data[local]) != 0x04034b50) return {};
        size_t start = local + 30 + u16(&data[local + 26]) + u16(&data[local + 28]);
        if (start + packed > data.size()) return {};
        if (method == 0) return std::string(reinterpret_cast<const char*>(&data[start]), std::min<size_t>(packed, size));
        if (method != 8) return {};
        std::string out(size, '\0');
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return {};
        z.next_in = const_cast<Bytef*>(&data[start]);
        z.avail_in = packed;
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = size;
        int status = inflate(&z, Z_FINISH);
        inflateEnd(&z);
        return status == Z_STREAM_END && z.total_out == size ? out : std::string();
    }
    return {};
}

std::string xml_text(std::string s) {
    static const std::pair<const char*, const char*> entities[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += std::strlen(to)) s.replace(p, std::strlen(from), to);
    return s;
}

}  // namespace

std::map<std::string, std::string> read_custom_properties(const std::string& docx) {
    std::map<std::string, std::string> out;
    std::string xml = zip_entry(read_bytes(docx), "docProps/custom.xml", 1u << 20);
    static const std::regex property(R"re(<property\b[^>]*\bname="([^"]{1,100})"[^>]*>\s*<vt:lpwstr>([^<]{0,2000})</vt:lpwstr>)re");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), property); it != std::sregex_iterator(); ++it)
        out[xml_text((*it)[1])] = xml_text((*it)[2]);
    return out;
}

std::string docx_archive_problem(const std::string& path, const WordFileLimits& limits) {
    std::vector<unsigned char> data = read_bytes(path);
    // The central directory, found from its end record, lists each entry's sizes.
    size_t end = central_directory_end(data);
    if (end == std::string::npos) return "không phải tệp .docx (Word 2007 trở lên)";
    std::uint64_t entries = u16(&data[end + 10]), offset = u32(&data[end + 16]);
    std::uint64_t expanded = 0, compressed = 0;
    for (std::uint64_t k = 0; k < entries; ++k) {
        if (offset + 46 > data.size() || u32(&data[offset]) != 0x02014b50) return "tệp .docx hỏng (mục lục nén không đọc được)";
        std::uint32_t packed = u32(&data[offset + 20]), size = u32(&data[offset + 24]);
        // Zip64 sizes in a Word file: only a huge or crafted file needs them.
        if (packed == 0xFFFFFFFF || size == 0xFFFFFFFF) return "tệp .docx chứa mục nén quá lớn (zip64): có thể là tệp độc hại (zip bomb)";
        expanded += size;
        compressed += packed;
        offset += 46 + u16(&data[offset + 28]) + u16(&data[offset + 30]) + u16(&data[offset + 32]);
    }
    if (expanded > limits.max_expanded_bytes || (expanded > (10u << 20) && expanded > limits.max_ratio * std::max<std::uint64_t>(compressed, 1)))
        return "tệp .docx bung ra tới " + megabytes(expanded) + " từ " + megabytes(compressed) +
               " nén: có thể là tệp độc hại (zip bomb), vanban không đọc";
    return "";
}

WordFileResult read_word_file(const std::string& path, const std::string& pandoc, const WordFileLimits& limits) {
    WordFileResult result;
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
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
    if (std::string problem = docx_archive_problem(docx, limits); !problem.empty()) {
        result.error = problem;
        return result;
    }
    ProcessOptions o;
    o.timeout = limits.timeout;
    ProcessResult json = run_process({pandoc, "+RTS", "-M" + limits.pandoc_heap, "-RTS", "-f", "docx", "-t", "json", docx}, o);
    if (json.ok()) {
        result.ok = true;
        result.json = std::move(json.out);
        result.properties = read_custom_properties(docx);
    } else if (json.timed_out) {
        result.error = "pandoc đọc tệp quá " + std::to_string(limits.timeout.count() / 1000) + " giây, đã dừng (tệp quá lớn hoặc hỏng)";
    } else if (json.err.find("Heap exhausted") != std::string::npos) {
        result.error = "pandoc cần quá " + limits.pandoc_heap + " bộ nhớ để đọc tệp, đã dừng (tệp quá lớn hoặc độc hại)";
    } else {
        result.error = "pandoc không đọc được tệp (" + (json.started ? json.err.substr(0, 300) : json.start_error) + ")";
    }
    return result;
}

}  // namespace vanban
