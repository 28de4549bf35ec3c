// The GitHub workflows: they parse, use only official actions, and the shell steps that run
// vanban work when run here, on a fixture repository with a branch to compare.
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

std::string workflow(const std::string& name) { return std::string(VANBAN_TEST_DATA) + "/../.github/workflows/" + name; }

std::vector<YAML::Node> steps(const YAML::Node& root) {
    std::vector<YAML::Node> out;
    for (const auto& job : root["jobs"])
        for (const auto& step : job.second["steps"]) out.push_back(step);
    return out;
}

}  // namespace

TEST_CASE("the workflows parse and use only GitHub's official actions") {
    YAML::Node validate = YAML::LoadFile(workflow("validate.yml"));
    YAML::Node publish = YAML::LoadFile(workflow("publish.yml"));
    CHECK(validate["on"]["pull_request"]);
    CHECK(publish["on"]["push"]["branches"][0].as<std::string>() == "main");
    CHECK(publish["permissions"]["pages"].as<std::string>() == "write");
    const std::regex official(R"(^actions/(checkout|cache|upload-pages-artifact|deploy-pages)@v\d+$)");
    int uses = 0;
    for (const auto& root : {validate, publish})
        for (const auto& step : steps(root))
            if (step["uses"]) {
                ++uses;
                CHECK_MESSAGE(std::regex_match(step["uses"].as<std::string>(), official), step["uses"].as<std::string>());
            }
    CHECK(uses >= 6);
}

TEST_CASE("the workflows' vanban steps run here: check, diff summary, strict build") {
    TempDir tmp;
    fs::path root = tmp.copy_of("diff");
    std::string home = tmp.str() + "/home";
    fs::create_directories(home);
    fs::create_directories(root / "build");
    fs::create_symlink(VANBAN_BINARY, root / "build/vanban");
    fs::create_directories(root / "scripts");
    fs::copy_file(std::string(VANBAN_TEST_DATA) + "/../scripts/ci-diff-summary.sh", root / "scripts/ci-diff-summary.sh");
    auto sh = [&](const std::string& script) {
        std::ofstream(tmp.path / "step.sh") << "set -e\ncd " << shell_quote(root.string()) << "\n" << script << "\n";
        return run_command("HOME=" + shell_quote(home) + " GITHUB_STEP_SUMMARY=" + shell_quote(tmp.str() + "/summary.md") +
                           " VANBAN_CACHE=" + shell_quote(tmp.str() + "/cache") + " bash " + shell_quote(tmp.str() + "/step.sh") +
                           " > " + shell_quote(tmp.str() + "/out.txt") + " 2>&1; echo $?");
    };
    // A target branch and a pull request that changes one plan.
    std::string git = "git -c user.name=gv -c user.email=gv@truong.vn ";
    sh("printf 'build/\\nsite/\\n' > .gitignore && " + git + "init -q -b main && " + git + "add -A && " + git + "commit -q -m base && " +
       git + "update-ref refs/remotes/origin/main main && " + git + "checkout -q -b sua && " +
       "sed -i 's/Ít nhất 80%/Ít nhất 90%/' plans/2024-2025/ke-hoach-so-hoa.md && " +
       "sed 's/^so: 28$/so: 29/' plans/2024-2025/ke-hoach-so-hoa.md > 'plans/2024-2025/kế hoạch mới.md' && " + git + "add -A && " + git +
       "commit -q -m 'Nâng chỉ tiêu, thêm kế hoạch'");

    int ran = 0;
    for (const char* file : {"validate.yml", "publish.yml"})
        for (const auto& step : steps(YAML::LoadFile(workflow(file)))) {
            if (!step["run"]) continue;
            std::string script = step["run"].as<std::string>();
            if (script.find("vanban") == std::string::npos && script.find("scripts/ci-") == std::string::npos) continue;  // package installs
            if (script.find("scripts/setup.sh") != std::string::npos) continue;
            // What GitHub would set: the step's env (the target branch) and the summary file.
            if (step["env"] && step["env"]["BASE_REF"]) script = "BASE_REF=main\n" + script;
            std::string status = sh(script);
            INFO(file, ": ", script, "\n", slurp(tmp.str() + "/out.txt"));
            CHECK(status == "0\n");
            ++ran;
        }
    CHECK(ran == 3);
    std::string summary = slurp(tmp.str() + "/summary.md");
    CHECK(summary.find("### `plans/2024-2025/ke-hoach-so-hoa.md`") != std::string::npos);
    CHECK(summary.find("Ít nhất: 80% hồ sơ → 90% hồ sơ") != std::string::npos);
    CHECK(summary.find("### `plans/2024-2025/kế hoạch mới.md`\n\n```\n(văn bản mới)") != std::string::npos);  // a Vietnamese file name
    CHECK(fs::exists(root / "site/index.html"));
    CHECK(fs::exists(root / "site/ke-hoach/2024-2025/ke-hoach-so-hoa.pdf"));
}
