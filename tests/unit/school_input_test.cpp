// What `vanban init` (and `vanban new --title`) accept as typed text: no control characters,
// named by their code, and an abbreviation in capitals.
#include <doctest/doctest.h>

#include "init/school_input.h"

using namespace vanban;

namespace {

Message problem_with(const std::string& name, const std::string& abbreviation = "THCSBM") {
    SchoolFields school{name, abbreviation, "UBND", "Bình Minh", "", ""};
    std::vector<Message> notes;
    return school_fields_problem(school, notes);
}

}  // namespace

TEST_CASE("init names a control character by its code, and only U+000B is said to be from Word's Shift+Enter") {
    CHECK(problem_with("Trường\x1b[31m").vi == "--ten có ký tự điều khiển U+001B (không nhìn thấy được, hoặc ngắt dòng); gõ lại giá trị trên một dòng");
    CHECK(problem_with("Trường\vA").vi == "--ten có ký tự điều khiển U+000B (ngắt dòng Shift+Enter chép từ Word); gõ lại giá trị trên một dòng");
    CHECK(problem_with("Trường\x1b").en.find("holds the control character U+001B") != std::string::npos);
    for (const char* c : {"\xC2\x85", "\xC2\x9B", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAE", "\xE2\x81\xA7", "\t", "\n"})
        CHECK(!problem_with(std::string("Trường") + c + "A").vi.empty());
    CHECK(problem_with("Trường\xC2\x85").vi.find("U+0085") != std::string::npos);
    CHECK(problem_with("Trường\xE2\x80\xAE").vi.find("U+202E") != std::string::npos);
    CHECK(problem_with("Trường Trung học cơ sở Bình Minh, Đắk Lắk").vi.empty());
}

TEST_CASE("the same check serves any typed one-line value, as vanban new --title") {
    CHECK(control_character_problem("--title", "Kế hoạch\xC2\x9B").vi.find("--title có ký tự điều khiển U+009B") == 0);
    CHECK(control_character_problem("--title", "Kế hoạch chuyển đổi số").vi.empty());
}

TEST_CASE("init refuses a lower-case abbreviation and says which capitals to use") {
    Message lower = problem_with("Trường A", "a-b");
    CHECK(lower.vi.find("dùng A-B") != std::string::npos);
    CHECK(lower.en.find("use A-B") != std::string::npos);
    CHECK(problem_with("Trường A", "đhbm").vi.find("dùng ĐHBM") != std::string::npos);
    CHECK(problem_with("Trường A", "ĐHBM").vi.empty());
    CHECK(problem_with("Trường A", "TH&CS-2").vi.empty());
}
