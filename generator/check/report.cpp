#include "check/report.h"

#include "text/markup.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace vanban {

namespace {

const char* severity_word(Severity s, bool english) {
    if (s == Severity::Error) return english ? "error" : "lỗi";
    return english ? "warning" : "cảnh báo";
}

void write_text(const std::vector<Diagnostic>& diagnostics, const ReportOptions& o, std::ostream& out) {
    for (const auto& d : diagnostics) {
        // File names and messages carry the document's own text: one line each, so that nothing
        // in a document can print a line of its own into a CI log.
        out << one_line(d.file) << ':' << d.at.line << ':' << d.at.column << ": " << severity_word(d.severity, o.english) << " ["
            << d.rule << "] " << one_line(d.message.in(o.english)) << '\n';
        const std::string& hint = d.hint.in(o.english);
        if (!hint.empty()) {
            // Hints may hold a YAML example over several lines: each is indented, and one that
            // would still read as a workflow command (GitHub trims the indentation) is quoted.
            out << "    " << (o.english ? "hint: " : "gợi ý: ");
            size_t start = 0;
            while (true) {
                size_t end = hint.find('\n', start);
                std::string line = one_line(hint.substr(start, end == std::string::npos ? std::string::npos : end - start));
                if (start > 0) {
                    size_t text = line.find_first_not_of(' ');
                    out << "    " << (text != std::string::npos && line.compare(text, 2, "::") == 0 ? "> " : "");
                }
                out << line << '\n';
                if (end == std::string::npos) break;
                start = end + 1;
            }
        }
    }
    if (!o.summary) return;
    size_t errors = count_errors(diagnostics);
    size_t warnings = diagnostics.size() - errors;
    if (o.english)
        out << errors << " error(s), " << warnings << " warning(s) in " << o.documents << (o.chosen ? " chosen" : "") << " document(s)\n";
    else
        out << errors << " lỗi, " << warnings << " cảnh báo trong " << o.documents << " văn bản" << (o.chosen ? " đã chọn" : "") << '\n';
}

void write_json(const std::vector<Diagnostic>& diagnostics, const ReportOptions& o, std::ostream& out) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics) {
        nlohmann::ordered_json item;
        item["file"] = d.file;
        item["line"] = d.at.line;
        item["column"] = d.at.column;
        item["severity"] = d.severity == Severity::Error ? "error" : "warning";
        item["rule"] = d.rule;
        item["message"] = d.message.in(o.english);
        if (!d.hint.in(o.english).empty()) item["hint"] = d.hint.in(o.english);
        list.push_back(std::move(item));
    }
    nlohmann::ordered_json root;
    root["diagnostics"] = std::move(list);
    out << root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

// GitHub's workflow commands escape %, CR and LF in data, and also : and , in properties.
std::string escape_data(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string escape_property(const std::string& s) {
    std::string out;
    for (char c : escape_data(s)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

void write_github(const std::vector<Diagnostic>& diagnostics, const ReportOptions& o, std::ostream& out) {
    for (const auto& d : diagnostics) {
        std::string text = d.message.in(o.english);
        if (!d.hint.in(o.english).empty()) text += "\n" + d.hint.in(o.english);
        out << "::" << (d.severity == Severity::Error ? "error" : "warning") << " file=" << escape_property(d.file)
            << ",line=" << d.at.line << ",col=" << d.at.column << ",title=" << escape_property("vanban " + d.rule)
            << "::" << escape_data(text) << '\n';
    }
}

}  // namespace

void write_report(const std::vector<Diagnostic>& diagnostics, const ReportOptions& options, std::ostream& out) {
    // Written whole at the end: `out` is often std::cerr, which is unbuffered, and tens of
    // thousands of findings written piece by piece took seconds of system calls.
    std::ostringstream report;
    switch (options.format) {
        case ReportFormat::Text: write_text(diagnostics, options, report); break;
        case ReportFormat::Json: write_json(diagnostics, options, report); break;
        case ReportFormat::Github: write_github(diagnostics, options, report); break;
    }
    out << report.str();
}

}  // namespace vanban
