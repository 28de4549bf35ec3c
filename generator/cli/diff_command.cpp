// `vanban diff OLD NEW` and `vanban diff --years A B`.
#include <unistd.h>

#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "approval/git_repository.h"
#include "cli/cli_support.h"
#include "support/process.h"
#include "model/site_layout.h"
#include "diff/diff_report.h"
#include "diff/document_diff.h"
#include "diff/word_diff.h"
#include "load/document_loader.h"
#include "load/source_reader.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

// A side of the comparison: a file, or "REV:path" read from git history. `english`: the
// language of the reason git history cannot be read.
Document load_side(const std::string& spec, const Repository& repo, bool english) {
    std::error_code ec;
    if (fs::is_regular_file(spec, ec)) return load_document(spec, read_file(spec), repo.types, repo.school);
    if (fs::is_regular_file(fs::path(repo.root) / spec, ec))
        return load_document(spec, read_file((fs::path(repo.root) / spec).string()), repo.types, repo.school);
    size_t colon = spec.find(':');
    if (colon != std::string::npos) {
        Message not_opened;
        auto git = GitRepository::open(repo.root, &not_opened);
        if (!git) throw UsageError((english ? "could not read " : "không đọc được ") + spec + ": " + not_opened.in(english));
        // Paths in REV:path are relative to the vanban root, like every other path vanban shows.
        std::string path = spec.substr(colon + 1);
        auto content = git->read_revision(spec.substr(0, colon) + ":" + git->prefix_of(repo.root) + path);
        if (!content) throw UsageError(english ? spec + " is not in the git history (the form: HEAD~3:plans/2023-2024/ke-hoach.md)"
                                     : "không tìm thấy " + spec + " trong lịch sử git (dạng đúng: HEAD~3:plans/2023-2024/ke-hoach.md)");
        return load_document(path, *content, repo.types, repo.school);
    }
    throw UsageError((english ? "file not found: " : "không tìm thấy tệp ") + spec);
}

std::string year_of(const std::string& path, const std::string& year) {
    return path.find("/" + year + "/") != std::string::npos ? year : std::string();
}

// Pairs of documents whose trích yếu are compared when their file names differ, at most: a
// year of renamed files compares every new document with every old one of its type, so this
// bounds the work (2,000 renamed plans a year fit). VANBAN_YEARS_MAX_COMPARISONS lowers it (for tests).
size_t max_subject_comparisons() {
    return limit_from_environment("VANBAN_YEARS_MAX_COMPARISONS", 1ull << 40).value_or(4'000'000);
}

// What pairing a document needs of it; the documents themselves are read again, a pair at a
// time, for their comparison.
struct YearDocument {
    std::string path, type_id, subject;
};

// A document of the index read again for its comparison (it was read a moment ago).
Document reread(BuildSession& session, const std::string& path) {
    std::optional<Document> doc = session.load(path);
    if (!doc) throw std::runtime_error("không đọc được " + path);
    return std::move(*doc);
}

// Every document of one school year with its counterpart in the other: the same file name,
// else the same type with the most similar trích yếu. `note` says what the cap left unpaired.
// Only the documents of the two years are read, and only one pair is held at a time.
std::vector<DocumentDiff> compare_years(BuildSession& session, const std::string& a, const std::string& b,
                                        std::string& note) {
    std::vector<YearDocument> olds, news;
    for (const auto& path : session.read_index().document_paths) {
        if (year_of(path, a).empty() && year_of(path, b).empty()) continue;
        // One that cannot be read is left out, as the repository's loader leaves it out.
        std::optional<Document> d = session.load(path);
        if (!d) continue;
        if (!year_of(path, a).empty()) olds.push_back({d->path, d->type_id, d->subject});
        if (!year_of(path, b).empty()) news.push_back({d->path, d->type_id, d->subject});
    }
    if (olds.empty() && news.empty()) throw UsageError("không có văn bản nào trong thư mục năm học " + a + " hay " + b);
    std::vector<DocumentDiff> out;
    std::vector<bool> used(olds.size(), false);
    std::vector<const YearDocument*> match(news.size(), nullptr);
    // The same file name in the same kind of folder (plans/…, cong-khai/…), looked up by name.
    auto name_key = [](const YearDocument& d) { return same_document_key(d.path); };
    std::unordered_map<std::string, std::deque<size_t>> by_name;
    for (size_t i = 0; i < olds.size(); ++i) by_name[name_key(olds[i])].push_back(i);
    for (size_t j = 0; j < news.size(); ++j) {
        auto it = by_name.find(name_key(news[j]));
        if (it == by_name.end() || it->second.empty()) continue;
        size_t i = it->second.front();
        it->second.pop_front();
        used[i] = true;
        match[j] = &olds[i];
    }
    // The others by trích yếu, among the old documents of the same type; each subject read once.
    Interner words;
    std::vector<std::vector<uint32_t>> old_bags(olds.size()), new_bags(news.size());
    std::unordered_map<std::string, std::vector<size_t>> old_by_type;
    for (size_t i = 0; i < olds.size(); ++i)
        if (!used[i]) old_bags[i] = word_bag(olds[i].subject, words), old_by_type[olds[i].type_id].push_back(i);
    const size_t max_comparisons = max_subject_comparisons();
    size_t comparisons = 0, unpaired = 0;
    for (size_t j = 0; j < news.size(); ++j) {
        if (match[j]) continue;
        auto candidates = old_by_type.find(news[j].type_id);
        if (candidates == old_by_type.end()) continue;
        if (comparisons + candidates->second.size() > max_comparisons) {
            ++unpaired;
            continue;
        }
        comparisons += candidates->second.size();
        new_bags[j] = word_bag(news[j].subject, words);
        int best = -1;
        double best_score = 0.5;
        for (size_t i : candidates->second)
            if (!used[i]) {
                double s = bag_similarity(old_bags[i], new_bags[j]);
                if (s > best_score) best_score = s, best = static_cast<int>(i);
            }
        if (best >= 0) {
            used[static_cast<size_t>(best)] = true;
            match[j] = &olds[static_cast<size_t>(best)];
        }
    }
    if (unpaired > 0)
        note = "cảnh báo [limit] so sánh năm học " + a + " và " + b + ": " + std::to_string(unpaired) +
               " văn bản đổi tên tệp không được ghép với văn bản năm trước theo trích yếu (quá " +
               std::to_string(max_comparisons) + " phép so sánh) nên hiện là thêm mới\n"
               "    gợi ý: giữ nguyên tên tệp của văn bản qua các năm học để vanban ghép theo tên\n";
    for (size_t j = 0; j < news.size(); ++j) {
        Document now = reread(session, news[j].path);
        std::optional<Document> before =
            match[j] ? std::optional<Document>(reread(session, match[j]->path)) : std::nullopt;
        out.push_back(diff_documents(before ? &*before : nullptr, &now, match[j] ? match[j]->path : "", news[j].path));
    }
    for (size_t i = 0; i < olds.size(); ++i)
        if (!used[i]) {
            Document gone = reread(session, olds[i].path);
            out.push_back(diff_documents(&gone, nullptr, olds[i].path, ""));
        }
    return out;
}

}  // namespace

int run_diff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    std::string format = "text", out_file;
    std::vector<std::string> years, sides;
    po::options_description d;
    add_common(d, common);
    d.add_options()("format", po::value(&format)->default_value("text")->value_name("text|html|json"),
                    common.text("dạng kết quả: text (mặc định), html hoặc json", "output: text (default), html or json"))
        ("out,o", po::value(&out_file)->value_name(common.text("TỆP", "FILE")),
         common.text("ghi kết quả vào tệp này (mặc định: in ra màn hình)", "write the result into this file (default: print it)"))
        ("years", po::value(&years)->multitoken()->value_name(common.text("NĂM_CŨ NĂM_MỚI", "OLD_YEAR NEW_YEAR")),
         common.text("so sánh mọi văn bản của hai năm học, ví dụ --years 2023-2024 2024-2025",
                     "compare every document of two school years, e.g. --years 2023-2024 2024-2025"));
    po::variables_map vm = parse_with_files(args, d, sides);
    if (vm.count("help")) return print_help("diff", d, common, out);
    if (format != "text" && format != "html" && format != "json") throw UsageError(common.text("--format phải là text, html hoặc json", "--format must be text, html or json"));
    BuildSession session(session_options(common), {});
    const Repository& repo = session.read_index();
    std::vector<DocumentDiff> diffs;
    std::string title;
    if (!years.empty()) {
        if (years.size() != 2 || !sides.empty()) throw UsageError(common.text("--years cần đúng hai năm học, ví dụ --years 2023-2024 2024-2025",
                                                                                  "--years needs exactly two school years, e.g. --years 2023-2024 2024-2025"));
        for (const auto& y : years)
            if (!parse_school_year(y))
                throw UsageError(common.english ? "the school year \"" + y + "\" is not valid; write it as 2024-2025"
                                                : "năm học \"" + y + "\" không hợp lệ; viết như 2024-2025");
        std::string note;
        diffs = compare_years(session, years[0], years[1], note);
        err << note;
        title = "So sánh văn bản năm học " + years[0] + " và " + years[1] + " — " + repo.school.name;
    } else {
        if (sides.size() != 2)
            throw UsageError(common.text("cần hai văn bản để so sánh: vanban diff CŨ MỚI (tệp hoặc REV:đường-dẫn)",
                                         "two documents are needed: vanban diff OLD NEW (files or REV:path)"));
        Document a = load_side(sides[0], repo, common.english), b = load_side(sides[1], repo, common.english);
        diffs.push_back(diff_documents(&a, &b, sides[0], sides[1]));
        title = "So sánh " + (b.subject.empty() ? sides[1] : b.subject);
    }
    std::ostringstream text;
    if (format == "json") write_diff_json(diffs, text);
    else if (format == "html") write_diff_html(diffs, title, text);
    else write_diff_text(diffs, out_file.empty() && ::isatty(STDOUT_FILENO), text);
    if (out_file.empty()) {
        out << text.str();
    } else {
        std::ofstream file(out_file, std::ios::binary);
        file << text.str();
        if (!file) throw std::runtime_error("không ghi được " + out_file);
    }
    return 0;
}

}  // namespace vanban
