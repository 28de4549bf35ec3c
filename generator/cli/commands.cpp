#include "cli/commands.h"

#include <boost/program_options.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "check/checks.h"
#include "check/report.h"
#include "load/repository.h"
#include "site/site_builder.h"

namespace po = boost::program_options;

namespace vanban {

namespace {

const char* const kUsage =
    "vanban " VANBAN_VERSION " — văn bản nhà trường dưới dạng mã nguồn\n"
    "\n"
    "Cách dùng: vanban <lệnh> [tùy chọn]\n"
    "\n"
    "Lệnh:\n"
    "  check   kiểm tra mọi văn bản (front matter, mục bắt buộc, đánh số, bảng, trích dẫn...)\n"
    "  build   kiểm tra rồi tạo trang web công khai thông tin của trường (mặc định vào site/)\n"
    "\n"
    "Xem tùy chọn của từng lệnh: vanban <lệnh> --help\n";

struct CommonOptions {
    std::string root = ".";
    bool english = false;
    std::string today;
    unsigned jobs = 0;
};

void add_common(po::options_description& d, CommonOptions& c) {
    d.add_options()
        ("root", po::value(&c.root)->default_value("."), "thư mục gốc của kho văn bản (có vanban.yaml)")
        ("lang", po::value<std::string>()->default_value("vi")->notifier([&c](const std::string& v) {
            if (v != "vi" && v != "en") throw po::validation_error(po::validation_error::invalid_option_value, "lang", v);
            c.english = v == "en";
        }), "ngôn ngữ thông báo: vi hoặc en")
        ("today", po::value(&c.today), "coi ngày YYYY-MM-DD là hôm nay (để kiểm tra lặp lại được)")
        ("jobs,j", po::value(&c.jobs)->default_value(0), "số luồng xử lý song song (0: mọi lõi)")
        ("help,h", "hiện trợ giúp");
}

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& d) {
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(d).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(std::string("tùy chọn không hợp lệ: ") + e.what());
    }
    return vm;
}

CheckOptions check_options(const CommonOptions& c) {
    CheckOptions o;
    o.jobs = c.jobs;
    if (!c.today.empty()) {
        auto d = parse_iso_date(c.today);
        if (!d) throw UsageError("--today cần một ngày dạng YYYY-MM-DD, không phải \"" + c.today + "\"");
        o.today = *d;
    }
    return o;
}

int run_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common;
    std::string format = "text";
    po::options_description d("vanban check [tùy chọn] — kiểm tra mọi văn bản; thoát 0 nếu không có lỗi, 1 nếu có lỗi, 2 nếu lỗi sử dụng/đọc ghi");
    add_common(d, common);
    d.add_options()("format", po::value(&format)->default_value("text"), "text, json hoặc github (chú thích cho GitHub Actions)");
    po::variables_map vm = parse(args, d);
    if (vm.count("help")) {
        out << d << '\n';
        return 0;
    }
    ReportOptions report;
    if (format == "text") report.format = ReportFormat::Text;
    else if (format == "json") report.format = ReportFormat::Json;
    else if (format == "github") report.format = ReportFormat::Github;
    else throw UsageError("--format phải là text, json hoặc github, không phải \"" + format + "\"");
    report.english = common.english;

    CheckOptions options = check_options(common);
    Repository repo = load_repository(common.root, common.jobs);
    std::vector<Diagnostic> diagnostics = check_repository(repo, options);
    report.documents = repo.documents.size();
    write_report(diagnostics, report, out);
    return count_errors(diagnostics) > 0 ? 1 : 0;
}

int run_build(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common;
    SiteOptions site;
    po::options_description d("vanban build [tùy chọn] — kiểm tra rồi tạo trang web");
    add_common(d, common);
    d.add_options()
        ("out,o", po::value(&site.out_dir), "thư mục đầu ra (mặc định: site/ trong thư mục gốc)")
        ("strict", po::bool_switch(&site.strict), "dừng, không tạo trang web, nếu có lỗi");
    po::variables_map vm = parse(args, d);
    if (vm.count("help")) {
        out << d << '\n';
        return 0;
    }
    site.jobs = common.jobs;
    if (site.out_dir.empty()) site.out_dir = (std::filesystem::path(common.root) / "site").string();
    // An output inside the published folders would be published again, deeper, at every build.
    for (const char* published : {"content", "plans"}) {
        auto folder = std::filesystem::weakly_canonical(std::filesystem::path(common.root) / published).generic_string() + "/";
        auto out_dir = std::filesystem::weakly_canonical(site.out_dir).generic_string() + "/";
        if (out_dir.rfind(folder, 0) == 0)
            throw UsageError("--out không được nằm trong " + std::string(published) + "/ (thư mục được đưa lên trang web)");
    }
    auto started = std::chrono::steady_clock::now();
    CheckOptions options = check_options(common);
    Repository repo = load_repository(common.root, common.jobs);
    std::vector<Diagnostic> diagnostics = check_repository(repo, options);
    size_t errors = count_errors(diagnostics);
    ReportOptions report;
    report.english = common.english;
    report.documents = repo.documents.size();
    if (!diagnostics.empty()) write_report(diagnostics, report, err);
    if (errors > 0 && site.strict) {
        err << (common.english ? "--strict: errors found, the site was not built\n"
                               : "--strict: có lỗi nên không tạo trang web (site/ giữ nguyên như cũ)\n");
        return 1;
    }
    SiteSummary summary = build_site(repo, diagnostics, site);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char timing[32];
    std::snprintf(timing, sizeof timing, "%.2f", seconds);
    if (common.english)
        out << "site built in " << site.out_dir << ": " << summary.pages << " pages, " << summary.documents
            << " documents (" << timing << " s)\n";
    else
        out << "đã tạo trang web trong " << site.out_dir << ": " << summary.pages << " trang, " << summary.documents
            << " văn bản (" << timing << " giây)\n";
    for (const auto& note : summary.notes) out << "lưu ý: " << note << '\n';
    return errors > 0 ? 1 : 0;
}

}  // namespace

int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        (args.empty() ? err : out) << kUsage;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        out << "vanban " VANBAN_VERSION "\n";
        return 0;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    try {
        if (args[0] == "check") return run_check(rest, out, err);
        if (args[0] == "build") return run_build(rest, out, err);
        err << "vanban: lệnh không biết \"" << args[0] << "\"\n\n" << kUsage;
        return 2;
    } catch (const UsageError& e) {
        err << "vanban " << args[0] << ": " << e.what() << "\n(xem: vanban " << args[0] << " --help)\n";
        return 2;
    } catch (const LoadError& e) {
        err << "vanban: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        err << "vanban: " << e.what() << '\n';
        return 2;
    }
}

}  // namespace vanban
