// The release workflow (.github/workflows/release.yml): on a version tag it builds and tests on
// Debian 12, refuses a tag that is not vanban's version, makes the .deb and attaches it to the
// release with GitHub's own CLI. Its version step runs here against the real binary.
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <regex>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

YAML::Node release_workflow() { return YAML::LoadFile(std::string(VANBAN_TEST_DATA) + "/../.github/workflows/release.yml"); }

// The step of the only job whose name is `name`.
YAML::Node step_named(const YAML::Node& root, const std::string& name) {
    for (const auto& job : root["jobs"])
        for (const auto& step : job.second["steps"])
            if (step["name"] && step["name"].as<std::string>() == name) return step;
    return YAML::Node();
}

// Runs the version step's script in `dir` (holding build/vanban) for the tag `tag`.
Run version_step(const TempDir& dir, const std::string& tag) {
    YAML::Node step = step_named(release_workflow(), "The tag is the version vanban was built as");
    REQUIRE(step);
    std::string script = dir.str() + "/step.sh";
    std::ofstream(script) << step["run"].as<std::string>();
    Run run;
    run.out = run_command("cd " + shell_quote(dir.str()) + " && GITHUB_REF_NAME=" + shell_quote(tag) +
                          " GITHUB_OUTPUT=output bash -e step.sh 2>&1; echo \"exit $?\"");
    return run;
}

}  // namespace

TEST_CASE("the release workflow: version tags, Debian 12, set-up, tests, the package, the release, official actions only") {
    YAML::Node root = release_workflow();
    CHECK(root["on"]["push"]["tags"][0].as<std::string>() == "v*");
    CHECK(root["permissions"]["contents"].as<std::string>() == "write");
    std::string runs;
    const std::regex official(R"(^actions/checkout@v\d+$)");
    for (const auto& job : root["jobs"]) {
        CHECK(job.second["container"].as<std::string>() == "debian:12");
        for (const auto& step : job.second["steps"]) {
            if (step["run"]) runs += step["run"].as<std::string>() + "\n";
            if (step["uses"]) CHECK_MESSAGE(std::regex_match(step["uses"].as<std::string>(), official), step["uses"].as<std::string>());
        }
    }
    for (const char* expected : {"scripts/setup.sh --no-site", "scripts/test.sh", "cpack -G DEB", "gh release upload",
                                 "safe.directory"})
        CHECK_MESSAGE(runs.find(expected) != std::string::npos, expected);
    // Set-up, then tests, then the package: never a package of untested code.
    CHECK(runs.find("scripts/setup.sh") < runs.find("scripts/test.sh"));
    CHECK(runs.find("scripts/test.sh") < runs.find("cpack -G DEB"));
}

TEST_CASE("the release workflow accepts the tag of vanban's version and refuses another") {
    TempDir dir;
    fs::create_directories(dir.path / "build");
    fs::create_symlink(VANBAN_BINARY, dir.path / "build" / "vanban");
    std::string version = run_command(shell_quote(VANBAN_BINARY) + " --version").substr(std::string("vanban ").size());
    while (!version.empty() && version.back() == '\n') version.pop_back();

    Run good = version_step(dir, "v" + version);
    CHECK(good.out == "exit 0\n");
    CHECK(slurp(dir.str() + "/output") == "version=" + version + "\n");

    Run bad = version_step(dir, "v9.9.9");
    CHECK(bad.out.find("::error::tag v9.9.9 but vanban --version says " + version) != std::string::npos);
    CHECK(bad.out.find("exit 1") != std::string::npos);
}
