#include "cli/cli_support.h"

#include "cli/repository_root.h"
#include "init/school_input.h"
#include "text/unicode.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

namespace vanban {

namespace {

// Boost's texts are English: what went wrong, said with the option's name; a mistyped option
// with the nearest one `d` knows.
UsageError usage_error(const po::error& e, const po::options_description& d, bool english) {
    std::string name;
    if (const auto* named = dynamic_cast<const po::error_with_option_name*>(&e)) name = named->get_option_name();
    std::string quoted = name.empty() ? std::string() : " " + name;
    if (dynamic_cast<const po::unknown_option*>(&e)) {
        std::vector<std::string> known;
        for (const auto& o : d.options())
            if (!o->description().empty()) known.push_back("--" + o->long_name());
        std::string guess = nearest(name, known);
        if (guess.empty()) return UsageError((english ? "unknown option" : "tùy chọn không biết") + quoted);
        return UsageError((english ? "unknown option" : "tùy chọn không biết") + quoted +
                          (english ? ". Did you mean: " : ". Có phải ý bạn là: ") + guess + "?");
    }
    auto say = [english](const std::string& vi, const std::string& en) { return UsageError(english ? en : vi); };
    if (dynamic_cast<const po::ambiguous_option*>(&e))
        return say("tùy chọn" + quoted + " không rõ là tùy chọn nào; viết đầy đủ tên", "option" + quoted + " is ambiguous; write its whole name");
    if (dynamic_cast<const po::multiple_occurrences*>(&e))
        return say("tùy chọn" + quoted + " được ghi nhiều lần", "option" + quoted + " is given more than once");
    if (dynamic_cast<const po::required_option*>(&e)) return say("thiếu tùy chọn" + quoted, "missing option" + quoted);
    if (dynamic_cast<const po::too_many_positional_options_error*>(&e))
        return say("thừa đối số không thuộc tùy chọn nào", "too many arguments that belong to no option");
    if (const auto* syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&e)) {
        if (syntax->kind() == po::invalid_syntax::missing_parameter)
            return say("tùy chọn" + quoted + " cần một giá trị", "option" + quoted + " needs a value");
        if (syntax->kind() == po::invalid_syntax::extra_parameter)
            return say("tùy chọn" + quoted + " không nhận giá trị", "option" + quoted + " takes no value");
    }
    if (dynamic_cast<const po::validation_error*>(&e))
        return say("giá trị không hợp lệ cho tùy chọn" + quoted, "invalid value for option" + quoted);
    return say("tùy chọn không hợp lệ" + quoted, "invalid option" + quoted);
}

// Boost's usual style, without guessing an option from its first letters: "--stric" is a slip
// to be pointed out, not --strict taken silently.
constexpr int kStyle = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;

po::variables_map parse_line(const std::vector<std::string>& args, const po::options_description& d,
                             const po::positional_options_description* positional) {
    po::variables_map vm;
    try {
        po::command_line_parser parser(args);
        parser.options(d).style(kStyle);
        if (positional) parser.positional(*positional);
        po::store(parser.run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw usage_error(e, d, english_requested(args));
    }
    return vm;
}

}  // namespace

CommonOptions::CommonOptions(const std::vector<std::string>& args) : english(english_requested(args)) {}

const std::string& CommonOptions::root() const {
    std::error_code ec;
    if (!root_option.empty() && std::filesystem::is_regular_file(root_option, ec))
        throw LoadError("--root " + root_option + " là một tệp, không phải thư mục; --root nhận thư mục gốc của kho (thư mục chứa vanban.yaml)",
                        "--root " + root_option + " is a file, not a folder; --root takes the repository's root folder (the one holding vanban.yaml)");
    if (root_.empty()) {
        FoundRoot found = root_option.empty() ? find_repository_root() : FoundRoot{root_option, ""};
        if (!found.foreign.empty()) {
            std::string fix = "git config --global --add safe.directory " + shell_word(found.foreign);
            throw LoadError("vanban.yaml ở " + found.foreign + " thuộc về người dùng khác; nếu tin kho này, chạy: " + fix,
                            "vanban.yaml in " + found.foreign + " belongs to another user; if you trust this repository, run: " + fix);
        }
        root_ = found.path;
    }
    if (root_.empty())
        throw LoadError("không tìm thấy vanban.yaml ở thư mục này hay thư mục cha nào: đây không phải kho văn bản của trường. "
                        "Tạo kho mới bằng vanban init THƯ_MỤC, hoặc chỉ đến kho bằng --root THƯ_MỤC",
                        "no vanban.yaml in this folder or any folder above: this is not a school repository. "
                        "Create one with vanban init FOLDER, or point to one with --root FOLDER");
    return root_;
}

std::string CommonOptions::root_if_found() const { return root_option.empty() ? find_repository_root().path : root_option; }

void CommonOptions::say_root_above(std::ostream& out) const {
    if (!root_option.empty() || root() == ".") return;
    std::error_code ec;
    std::string shown = std::filesystem::absolute(root(), ec).lexically_normal().string();
    out << text("dùng kho văn bản ở ", "using the repository at ") << shown << '\n';
}

void add_common(po::options_description& d, CommonOptions& c) {
    d.add_options()
        ("root", po::value(&c.root_option)->value_name(c.text("THƯ_MỤC", "FOLDER")),
         c.text("thư mục gốc của kho văn bản (mặc định: thư mục gần nhất có vanban.yaml, từ đây trở lên)",
                "the repository's root folder (default: the nearest folder holding vanban.yaml, from here upward)"))
        ("lang", po::value<std::string>()->value_name("vi|en")->notifier([&c](const std::string& v) {
            // Neither language was understood, so the error is said in both.
            if (v != "vi" && v != "en")
                throw UsageError("--lang phải là vi hoặc en, không phải \"" + v + "\" (--lang must be vi or en, not \"" + v + "\")");
            c.english = v == "en";
        }), c.text("ngôn ngữ thông báo và trợ giúp: vi (mặc định) hoặc en", "language of messages and help: vi (default) or en"))
        ("today", po::value(&c.today), kInternal)
        ("jobs,j", po::value(&c.jobs)->default_value(0)->value_name(c.text("SỐ", "N")),
         c.text("số luồng xử lý song song (mặc định 0: mọi lõi)", "how many threads work at once (default 0: every core)"))
        ("help,h", c.text("hiện trợ giúp này", "show this help"));
}

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& d) { return parse_line(args, d, nullptr); }

po::variables_map parse_with_files(const std::vector<std::string>& args, po::options_description& d, std::vector<std::string>& files) {
    d.add_options()("file", po::value(&files)->multitoken(), kInternal);
    po::positional_options_description positional;
    positional.add("file", -1);
    return parse_line(args, d, &positional);
}

CheckOptions check_options(const CommonOptions& c) {
    CheckOptions o;
    o.jobs = c.jobs;
    if (!c.today.empty()) {
        auto d = parse_iso_date(c.today);
        if (!d) throw UsageError("--today: " + (c.english ? date_problem(c.today)->en : date_problem(c.today)->vi));
        o.today = *d;
    }
    return o;
}

BuildOptions session_options(const CommonOptions& common) {
    BuildOptions o;
    CheckOptions check = check_options(common);
    o.root = common.root();
    o.jobs = common.jobs;
    o.today = check.today;
    o.english = common.english;
    return o;
}

std::string repository_path(const Repository& repo, const std::string& typed, bool english) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path given(typed);
    std::string relative = given.lexically_normal().generic_string();
    std::string found;
    if (std::binary_search(repo.document_paths.begin(), repo.document_paths.end(), relative) ||
        (given.is_relative() && fs::exists(fs::path(repo.root) / relative, ec)))
        found = relative;
    else if (!fs::exists(given, ec)) throw UsageError((english ? "file not found: " : "không tìm thấy tệp ") + typed);
    else found = fs::relative(fs::absolute(given), fs::absolute(repo.root), ec).generic_string();
    if (fs::is_directory(fs::path(repo.root) / found, ec))
        throw UsageError(english ? typed + " is a folder; give the document's .md file" : typed + " là thư mục; hãy ghi tệp .md của văn bản");
    return found;
}

UsageError unknown_type(const Repository& repo, const std::string& typed, bool english) {
    std::vector<std::string> ids = repo.types.ids();
    // "kế-hoạch" typed with its marks is ke-hoach.
    std::string guess = nearest(typed, ids);
    std::string plain = ascii_slug(typed);
    if (guess.empty()) guess = std::find(ids.begin(), ids.end(), plain) != ids.end() ? plain : nearest(plain, ids);
    std::string said = english ? "the type \"" + typed + "\" is not defined" : "loại \"" + typed + "\" chưa được định nghĩa";
    if (!guess.empty()) return UsageError(said + (english ? ". Did you mean: " : ". Có phải ý bạn là: ") + guess + "?");
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    return UsageError(said + (english ? "; the types: " : "; các loại: ") + list);
}

UsageError not_a_document(const Repository& repo, const std::string& typed, bool english) {
    std::error_code ec;
    std::string root = std::filesystem::absolute(repo.root, ec).lexically_normal().string();
    return UsageError(english ? typed + " is not a document in plans/ or content/ of " + root
                              : typed + " không phải văn bản trong plans/ hoặc content/ của " + root);
}

Document document_argument(BuildSession& session, const std::string& typed, bool english) {
    const Repository& index = session.read_index();
    std::optional<Document> doc = session.load(repository_path(index, typed, english));
    if (!doc) throw not_a_document(index, typed, english);
    return std::move(*doc);
}

void write_repository_file(const std::string& root, const std::string& relative, const std::string& content, bool replace, bool english) {
    namespace fs = std::filesystem;
    fs::path folder = root;
    std::error_code ec;
    for (const auto& part : fs::path(relative).parent_path()) {
        folder /= part;
        fs::file_status status = fs::symlink_status(folder, ec);
        if (fs::is_symlink(status))
            throw UsageError(english ? folder.string() + " is a symbolic link; vanban writes no file through a link of the repository "
                                                         "(replace the link by a real folder)"
                                     : folder.string() + " là liên kết tượng trưng; vanban không ghi tệp qua liên kết của kho "
                                                         "(thay liên kết bằng thư mục thật)");
        if (!fs::exists(status)) fs::create_directory(folder);
        else if (!fs::is_directory(status))
            throw UsageError(folder.string() + (english ? " exists and is not a folder" : " đã có và không phải thư mục"));
    }
    fs::path path = fs::path(root) / relative;
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (replace ? O_TRUNC : O_EXCL), 0644);
    if (fd < 0) {
        if (errno == ELOOP || (errno == EEXIST && fs::is_symlink(path, ec)))
            throw UsageError(path.string() + (english ? " is a symbolic link; vanban writes nothing through a link (remove the link and run again)"
                                                      : " là liên kết tượng trưng; vanban không ghi qua liên kết (xóa liên kết rồi chạy lại)"));
        if (errno == EEXIST) throw UsageError(path.string() + (english ? " exists already; vanban overwrites nothing" : " đã có; vanban không ghi đè"));
        throw std::runtime_error((english ? "could not write " : "không ghi được ") + path.string());
    }
    const char* data = content.data();
    size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        data += n;
        left -= static_cast<size_t>(n);
    }
    if (::close(fd) != 0 || left > 0) throw std::runtime_error((english ? "could not write " : "không ghi được ") + path.string());
}

}  // namespace vanban
