#include "support/zip_writer.h"

#include <array>
#include <cstdint>
#include <stdexcept>

#include <zlib.h>

namespace vanban {

namespace {

void put16(std::string& out, uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}

void put32(std::string& out, uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

}  // namespace

std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    const uint32_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01, the earliest ZIP date
    std::string archive, directory;
    for (const auto& [name, data] : entries) {
        if (data.size() > 0xFFFFFFF0u || archive.size() > 0xFFFFFFF0u) throw std::runtime_error("tệp ZIP quá lớn");
        uint32_t offset = static_cast<uint32_t>(archive.size()), crc = static_cast<uint32_t>(::crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()))), size = static_cast<uint32_t>(data.size());
        // Local header: version 2.0, flag bit 11 (UTF-8 names), method 0 (stored).
        put32(archive, 0x04034b50);
        put16(archive, 20);
        put16(archive, 0x0800);
        put16(archive, 0);
        put16(archive, 0);
        put16(archive, kDosDate);
        put32(archive, crc);
        put32(archive, size);
        put32(archive, size);
        put16(archive, static_cast<uint32_t>(name.size()));
        put16(archive, 0);
        archive += name;
        archive += data;
        put32(directory, 0x02014b50);
        put16(directory, 20);
        put16(directory, 20);
        put16(directory, 0x0800);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, kDosDate);
        put32(directory, crc);
        put32(directory, size);
        put32(directory, size);
        put16(directory, static_cast<uint32_t>(name.size()));
        put16(directory, 0);  // extra field
        put16(directory, 0);  // comment
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, offset);
        directory += name;
    }
    uint32_t directory_offset = static_cast<uint32_t>(archive.size());
    archive += directory;
    put32(archive, 0x06054b50);
    put16(archive, 0);
    put16(archive, 0);
    put16(archive, static_cast<uint32_t>(entries.size()));
    put16(archive, static_cast<uint32_t>(entries.size()));
    put32(archive, static_cast<uint32_t>(directory.size()));
    put32(archive, directory_offset);
    put16(archive, 0);
    return archive;
}

}  // namespace vanban
