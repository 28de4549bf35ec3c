// Help written for people: a purpose, a usage line, the options in words without Boost's
// "arg" and "(=x)", no internal options, two examples, the document types where they matter;
// in English with --lang en; and the nearest name for a mistyped command or option.
#include <doctest/doctest.h>

#include <fstream>

#include "run_vanban.h"

using namespace vanban::e2e;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* const kCommands[] = {"check", "build", "pdf", "docx", "status", "approve", "new", "import", "serve", "diff"};

}  // namespace

TEST_CASE("every command's help: purpose, usage, options in words, two examples, no Boost noise") {
    for (const char* command : kCommands) {
        Run r = run_vanban(std::string(command) + " --help");
        INFO(command, "\n", r.out, r.err);
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind(std::string("vanban ") + command + " — ", 0) == 0);
        CHECK(has(r.out, std::string("Cách dùng: vanban ") + command));
        CHECK(has(r.out, "Tùy chọn chung của mọi lệnh:\n"));
        CHECK(has(r.out, "  --root THƯ_MỤC "));
        CHECK(has(r.out, "  -h, --help "));
        CHECK(has(r.out, "Ví dụ:\n"));
        size_t examples = 0;
        for (size_t at = r.out.find("\n  vanban "); at != std::string::npos; at = r.out.find("\n  vanban ", at + 1)) ++examples;
        CHECK(examples == 2);
        CHECK_FALSE(has(r.out, " arg"));
        CHECK_FALSE(has(r.out, "(="));
        CHECK_FALSE(has(r.out, "--today"));  // a hook for tests
        CHECK_FALSE(has(r.out, "--file"));   // the files are in the usage line
    }
}

TEST_CASE("help of build: its options with a placeholder and the default said in words") {
    Run r = run_vanban("build --help");
    CHECK(has(r.out, "  -o, --out THƯ_MỤC "));
    CHECK(has(r.out, "thư mục đầu ra (mặc định: site/ trong thư mục gốc)"));
    CHECK(has(r.out, "  --strict "));
    CHECK(has(r.out, "  --pdf-timeout GIÂY "));
    CHECK(has(r.out, "(mặc định: 120)"));
}

TEST_CASE("help of new, import and check lists the document types") {
    for (const char* command : {"new", "import", "check"}) {
        Run r = run_vanban(std::string(command) + " --help");
        INFO(command);
        CHECK(has(r.out, "Loại văn bản:\n"));
        CHECK(has(r.out, "  ke-hoach "));
        CHECK(has(r.out, "Kế hoạch\n"));
        CHECK(has(r.out, "  quyet-dinh "));
    }
    CHECK_FALSE(has(run_vanban("build --help").out, "Loại văn bản:"));
}

TEST_CASE("help lists a type the school added in its own templates") {
    TempDir tmp;
    std::filesystem::path root = tmp.copy_of("clean");
    std::filesystem::create_directories(root / "templates/types");
    std::ofstream(root / "templates/types/bien-ban.yaml") << "loai: bien-ban\nten: Biên bản\nviet_tat: BB\n";
    Run r = run_vanban("new --help", "-C " + shell_quote(root.string()) + " ");
    CHECK(has(r.out, "  bien-ban "));
    CHECK(has(r.out, "Biên bản\n"));
}

TEST_CASE("help in English with --lang en, and vanban help COMMAND") {
    Run r = run_vanban("help check --lang en");
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("vanban check — check documents", 0) == 0);
    CHECK(has(r.out, "Usage: vanban check [FILE...] [options]"));
    CHECK(has(r.out, "  --root FOLDER "));
    CHECK(has(r.out, "Options of every command:"));
    CHECK(has(r.out, "Examples:"));
    CHECK(has(r.out, "Document types:"));
    CHECK_FALSE(has(r.out, "Tùy chọn"));
    CHECK(run_vanban("help serve").out == run_vanban("serve --help").out);
    CHECK(run_vanban("serve --lang=en --help").out == run_vanban("help serve --lang en").out);
}

TEST_CASE("vanban --help and vanban help: every command with its purpose") {
    Run r = run_vanban("--help");
    CHECK(r.exit_code == 0);
    for (const char* command : kCommands) CHECK(has(r.out, std::string("\n  ") + command + " "));
    CHECK(has(r.out, "vanban help <lệnh>"));
    CHECK(run_vanban("help").out == r.out);
    Run english = run_vanban("--help --lang en");
    CHECK(has(english.out, "Commands:"));
    CHECK(has(english.out, "  check    check documents"));
    CHECK(run_vanban("--lang en --help").out == english.out);
    Run nothing = run_vanban("");
    CHECK(nothing.exit_code == 2);
    CHECK(has(nothing.err, "Cách dùng: vanban <lệnh>"));
}

TEST_CASE("a mistyped command or option is answered with the nearest one") {
    Run command = run_vanban("chek");
    CHECK(command.exit_code == 2);
    CHECK(has(command.err, "lệnh không biết \"chek\". Có phải ý bạn là: vanban check?"));
    CHECK(has(run_vanban("biuld").err, "Có phải ý bạn là: vanban build?"));
    CHECK(has(run_vanban("chek --lang en").err, "unknown command \"chek\". Did you mean: vanban check?"));
    Run far = run_vanban("kiemtra");
    CHECK(far.exit_code == 2);
    CHECK_FALSE(has(far.err, "Có phải ý bạn là"));

    Run option = run_vanban("build --stric --root " + shell_quote(fixture("clean")));
    CHECK(option.exit_code == 2);
    CHECK(has(option.err, "tùy chọn không biết --stric. Có phải ý bạn là: --strict?"));
    CHECK(has(run_vanban("check --fromat json").err, "Có phải ý bạn là: --format?"));
    CHECK(has(run_vanban("serve --prot 8001 --lang en").err, "Did you mean: --port?"));
    Run unrelated = run_vanban("check --khong-co-gi");
    CHECK(unrelated.exit_code == 2);
    CHECK(has(unrelated.err, "tùy chọn không biết --khong-co-gi"));
    CHECK_FALSE(has(unrelated.err, "Có phải ý bạn là"));
}
