// Every fixture repository of tests/fixtures/ (a folder with a vanban.yaml) is judged by its golden
// expected.json: exactly what `vanban check --format json` reports on it, on a fixed day.
// A new fixture, or a finding that changes on purpose: write the goldens again and review the diff,
//     VANBAN_UPDATE_GOLDEN=1 ctest --test-dir build -R golden && git diff tests/fixtures
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run_vanban.h"

using namespace vanban::e2e;
namespace fs = std::filesystem;

namespace {

// tests/fixtures/diff/expected.json is the golden of `vanban diff` (diff_command_test.cpp), not of check.
const std::vector<std::string> kNotCheckGoldens = {"diff"};

std::vector<std::string> fixture_repositories() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(std::string(VANBAN_TEST_DATA) + "/fixtures")) {
        std::string name = entry.path().filename().string();
        if (fs::exists(entry.path() / "vanban.yaml") &&
            std::find(kNotCheckGoldens.begin(), kNotCheckGoldens.end(), name) == kNotCheckGoldens.end())
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); !from.empty() && at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// What may differ between machines is not in a golden: the place of the fixture and of the source tree.
std::string normalised(std::string text, const std::string& root) {
    replace_all(text, fs::weakly_canonical(root).string(), "<fixture>");
    replace_all(text, root, "<fixture>");
    replace_all(text, fs::weakly_canonical(VANBAN_TEST_DATA).parent_path().string(), "<source>");
    return text;
}

}  // namespace

TEST_CASE("every fixture repository reports exactly its golden expected.json") {
    const bool update = std::getenv("VANBAN_UPDATE_GOLDEN") != nullptr;
    std::vector<std::string> names = fixture_repositories();
    REQUIRE(names.size() >= 15);
    for (const std::string& name : names) {
        CAPTURE(name);
        std::string root = fixture(name);
        Run r = run_vanban("check --root " + shell_quote(root) + " --format json --today 2026-11-23");
        INFO("stderr: ", r.err);
        nlohmann::json got = nlohmann::json::parse(normalised(r.out, root));
        REQUIRE(got.contains("diagnostics"));
        bool has_error = std::any_of(got["diagnostics"].begin(), got["diagnostics"].end(),
                                     [](const nlohmann::json& d) { return d.at("severity") == "error"; });
        CHECK(r.exit_code == (has_error ? 1 : 0));

        fs::path golden = fs::path(root) / "expected.json";
        if (update) {
            std::ofstream(golden, std::ios::binary) << got.dump(2) << "\n";
        } else if (!fs::exists(golden)) {
            FAIL_CHECK("no " << golden.string() << ": write it with VANBAN_UPDATE_GOLDEN=1 (see this file's top)");
            continue;
        }
        nlohmann::json expected = nlohmann::json::parse(slurp(golden.string()));
        INFO("expected: ", expected.dump(2));
        INFO("got: ", got.dump(2));
        CHECK(got == expected);
    }
}
