// The GitHub workflows — this repository's own and those `vanban init` writes for a school —
// run here: their jobs' `run:` steps in order, with GitHub's `if:` and `env:` semantics, on a
// repository with a pull request branch, in a checkout owned by another user (as on GitHub,
// where the checkout belongs to the runner and the container runs as root).
#include <doctest/doctest.h>

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

std::string own_workflow(const std::string& name) { return std::string(VANBAN_TEST_DATA) + "/../.github/workflows/" + name; }

std::vector<YAML::Node> steps(const YAML::Node& root) {
    std::vector<YAML::Node> out;
    for (const auto& job : root["jobs"])
        for (const auto& step : job.second["steps"]) out.push_back(step);
    return out;
}

struct StepRun {
    std::string name;
    bool ran = false;
    int exit_code = 0;
    std::string output;  // stdout and stderr
};

// What a job run saw: every step, run or skipped, in order.
struct JobRun {
    std::vector<StepRun> steps;
    const StepRun* step(const std::string& name) const {
        for (const auto& s : steps)
            if (s.name == name) return &s;
        return nullptr;
    }
};

// The runner's side of a workflow run: the checkout, the folders GitHub provides, and the
// values of the expressions the workflows use.
struct Runner {
    fs::path workspace;  // the checkout, done by the test
    fs::path temp;       // HOME, the summary and output files, the PATH with vanban
    std::map<std::string, std::string> expressions;  // "github.base_ref" → "main"

    // "${{ github.base_ref }}" → its value; an expression the table lacks fails the test, so
    // that a workflow never relies on something this runner does not model.
    std::string substitute(const std::string& text) const {
        static const std::regex expression(R"(\$\{\{\s*([^}]*?)\s*\}\})");
        std::string out;
        auto begin = std::sregex_iterator(text.begin(), text.end(), expression);
        size_t last = 0;
        for (auto it = begin; it != std::sregex_iterator(); ++it) {
            out += text.substr(last, it->position() - last);
            auto value = expressions.find((*it)[1].str());
            CHECK_MESSAGE(value != expressions.end(), "expression not modelled: ", (*it)[1].str());
            if (value != expressions.end()) out += value->second;
            last = it->position() + it->length();
        }
        return out + text.substr(last);
    }

    // GitHub's status functions: a step runs after a failure only with always() or failure().
    static bool should_run(const YAML::Node& step, bool failed) {
        std::string condition = step["if"] ? step["if"].as<std::string>() : "success()";
        if (condition.rfind("${{", 0) == 0) condition = condition.substr(3, condition.size() - 5);
        condition = std::regex_replace(condition, std::regex(R"(^\s+|\s+$)"), "");
        if (condition == "always()") return true;
        if (condition == "failure()") return failed;
        if (condition == "success()") return !failed;
        FAIL_CHECK("condition not modelled: " << condition);
        return false;
    }

    JobRun run_job(const YAML::Node& workflow, const std::string& job_name) const {
        const YAML::Node job = workflow["jobs"][job_name];
        REQUIRE(job);
        std::map<std::string, std::string> env;
        for (const YAML::Node& level : {workflow["env"], job["env"]})
            if (level)
                for (const auto& kv : level) env[kv.first.as<std::string>()] = substitute(kv.second.as<std::string>());
        std::string shell = "bash -e {0}";  // GitHub's default on Linux
        for (const YAML::Node& level : {workflow["defaults"], job["defaults"]})
            if (level && level["run"] && level["run"]["shell"])
                shell = level["run"]["shell"].as<std::string>() == "bash" ? "bash --noprofile --norc -eo pipefail {0}" : "sh -e {0}";
        fs::path bin = temp / "bin", path_file = temp / "github_path";
        fs::create_directories(bin);
        std::ofstream(path_file, std::ios::app).flush();
        JobRun run;
        bool failed = false;
        int n = 0;
        for (const auto& step : job["steps"]) {
            StepRun s;
            s.name = step["name"] ? step["name"].as<std::string>() : step["uses"] ? step["uses"].as<std::string>() : "step " + std::to_string(n);
            ++n;
            std::string id = step["id"] ? step["id"].as<std::string>() : "";
            // `uses:` steps are GitHub's actions: the checkout is made by the test, and caching and
            // deploying have nothing to do here. The installing steps need the network, which tests
            // do not have: git is already here, and the vanban being tested stands in for the
            // released package (whose install is tested by the package test) or, in this
            // repository's own workflows, for the build from source (scripts/setup.sh --no-site).
            if (!step["run"] || id == "cai-git") {
                run.steps.push_back(s);
                continue;
            }
            if (id == "cai-vanban") {
                fs::remove(bin / "vanban");
                fs::create_symlink(VANBAN_BINARY, bin / "vanban");
                run.steps.push_back(s);
                continue;
            }
            if (!should_run(step, failed)) {
                run.steps.push_back(s);
                continue;
            }
            s.ran = true;
            std::map<std::string, std::string> step_env = env;
            if (step["env"])
                for (const auto& kv : step["env"]) step_env[kv.first.as<std::string>()] = substitute(kv.second.as<std::string>());
            fs::path script = temp / ("step-" + std::to_string(n) + ".sh");
            std::ofstream(script) << substitute(step["run"].as<std::string>());
            // PATH: what earlier steps added through $GITHUB_PATH, then vanban, then the system's.
            std::string path;
            std::ifstream added(path_file);
            for (std::string line; std::getline(added, line);)
                if (!line.empty()) path = line + ":" + path;
            path += bin.string() + ":" + std::getenv("PATH");
            std::string command = "cd " + shell_quote(workspace.string()) + " && env -i";
            std::map<std::string, std::string> all = step_env;
            all["HOME"] = (temp / "home").string();
            all["PATH"] = path;
            all["LANG"] = "C.UTF-8";
            all["CI"] = "true";
            all["GITHUB_ACTIONS"] = "true";
            all["GITHUB_WORKSPACE"] = workspace.string();
            all["GITHUB_STEP_SUMMARY"] = (temp / "summary.md").string();
            all["GITHUB_OUTPUT"] = (temp / "output").string();
            all["GITHUB_PATH"] = path_file.string();
            for (const auto& [k, v] : all) command += " " + k + "=" + shell_quote(v);
            command += " " + std::regex_replace(shell, std::regex(R"(\{0\})"), shell_quote(script.string())) + " > " +
                       shell_quote((temp / "step.out").string()) + " 2>&1; echo $?";
            s.exit_code = std::stoi(run_command(command));
            s.output = slurp((temp / "step.out").string());
            failed |= s.exit_code != 0;
            run.steps.push_back(s);
        }
        return run;
    }
};

// A school repository made by `vanban init`, committed on main (with origin/main as a checkout
// has it) and a pull request branch "sua" that adds a document and changes a disclosure.
// `broken` puts an error in the changed disclosure. The checkout is then given to `nobody`.
fs::path school_with_pull_request(const TempDir& tmp, bool broken, std::string& year) {
    fs::path root = tmp.path / "workspace";
    Run made = run_vanban("init " + shell_quote(root.string()) + " --ten 'Trường THCS Bình Minh' --viet-tat THCSBM --co-quan 'ỦY BAN NHÂN DÂN XÃ BÌNH MINH' --dia-danh 'Bình Minh'");
    REQUIRE(made.exit_code == 0);
    for (const auto& entry : fs::directory_iterator(root / "content/cong-khai")) year = entry.path().filename().string();
    std::string git = "git -C " + shell_quote(root.string()) + " -c user.name=gv -c user.email=gv@truong.vn ";
    std::string disclosure = "content/cong-khai/" + year + "/thu-chi-tai-chinh.md";
    std::string script =
        git + "init -q -b main && " + git + "add -A && " + git + "commit -q -m 'Kho văn bản' && " + git +
        "update-ref refs/remotes/origin/main main && " + git + "checkout -q -b sua && " +
        "sed -i 's/\\[\\[Họ và tên hiệu trưởng\\]\\]/Nguyễn Đức Thắng/' " + shell_quote((root / disclosure).string()) + " && " +
        (broken ? "sed -i 's/^nam_hoc: .*/nam_hoc: \"2019-2018\"/' " + shell_quote((root / disclosure).string()) + " && " : std::string()) +
        "sed 's/^trich_yeu: .*/trich_yeu: \"Thông báo tuyển sinh\"/' " + shell_quote((root / disclosure).string()) + " > " +
        shell_quote((root / ("content/cong-khai/" + year + "/tuyển sinh lớp 6.md")).string()) + " && " + git + "add -A && " + git +
        "commit -q -m 'Sửa công khai, thêm tuyển sinh' && chown -R nobody " + shell_quote(root.string()) + " && echo ok";
    REQUIRE(run_command(script) == "ok\n");
    return root;
}

Runner runner_for(const TempDir& tmp, const fs::path& workspace) {
    Runner r;
    r.workspace = workspace;
    r.temp = tmp.path / "runner";
    fs::create_directories(r.temp / "home");  // a fresh HOME: no safe.directory but the workflow's own
    // Only what env: and run: use; the actions' inputs (with:) are not evaluated.
    r.expressions = {{"github.base_ref", "main"}, {"vars.VANBAN_TRUST_ROOT", ""}};  // the variable unset
    return r;
}

std::string describe(const JobRun& run) {
    std::string out;
    for (const auto& s : run.steps) out += "--- " + s.name + (s.ran ? " exit " + std::to_string(s.exit_code) : " (skipped)") + "\n" + s.output;
    return out;
}

}  // namespace

TEST_CASE("the workflows parse, use only GitHub's official actions and have the required shape") {
    TempDir tmp;
    REQUIRE(run_vanban("init " + shell_quote(tmp.str() + "/truong") + " --ten 'Trường THCS Bình Minh' --viet-tat THCSBM").exit_code == 0);
    const std::regex official(R"(^actions/(checkout|cache|upload-pages-artifact|deploy-pages)@v\d+$)");
    for (const std::string& file : {own_workflow("validate.yml"), own_workflow("publish.yml"), tmp.str() + "/truong/.github/workflows/kiem-tra.yml",
                                    tmp.str() + "/truong/.github/workflows/dang-trang.yml"}) {
        INFO(file);
        YAML::Node root = YAML::LoadFile(file);
        bool pull_request = bool(root["on"]["pull_request"]);
        if (pull_request) {
            CHECK(root["permissions"]["contents"].as<std::string>() == "read");
            CHECK_FALSE(root["permissions"]["pages"]);
        } else {
            CHECK(root["on"]["push"]["branches"][0].as<std::string>() == "main");
            CHECK(root["on"]["workflow_dispatch"]);
            CHECK(root["permissions"]["pages"].as<std::string>() == "write");
            CHECK(root["concurrency"]["group"].as<std::string>() == "pages");
            CHECK(root["concurrency"]["cancel-in-progress"].as<std::string>() == "false");
        }
        bool safe = false, installed = false, checked = false;
        for (const auto& step : steps(root)) {
            if (step["uses"]) CHECK_MESSAGE(std::regex_match(step["uses"].as<std::string>(), official), step["uses"].as<std::string>());
            if (!step["run"]) continue;
            std::string script = step["run"].as<std::string>();
            if (script.find("safe.directory \"$GITHUB_WORKSPACE\"") != std::string::npos) safe = true;
            bool reads = script.find("vanban ") != std::string::npos || script.find("git -c") != std::string::npos;
            if (reads) CHECK_MESSAGE(safe, "reads the repository before safe.directory: ", script);
            if (step["id"] && step["id"].as<std::string>() == "cai-vanban") installed = true;
            if (script.find("vanban check --format github") != std::string::npos) {
                checked = true;
                CHECK(installed);
            }
            if (script.find("GITHUB_STEP_SUMMARY") != std::string::npos) CHECK(step["if"].as<std::string>() == "always()");
        }
        CHECK(safe);
        CHECK(checked);
    }
}

TEST_CASE("a pull request with an error: the check fails with annotations, the diff summary still comes out") {
    TempDir tmp;
    std::string year;
    fs::path workspace = school_with_pull_request(tmp, true, year);
    Runner runner = runner_for(tmp, workspace);
    for (const std::string& file : {(workspace / ".github/workflows/kiem-tra.yml").string(), own_workflow("validate.yml")}) {
        fs::remove(runner.temp / "summary.md");
        JobRun run = runner.run_job(YAML::LoadFile(file), "kiem-tra");
        INFO(file, "\n", describe(run));
        const StepRun* check = run.step("Kiểm tra văn bản");
        REQUIRE(check);
        CHECK(check->ran);
        CHECK(check->exit_code == 1);
        CHECK(check->output.find("::error file=content/cong-khai/" + year + "/thu-chi-tai-chinh.md,line=6") != std::string::npos);
        const StepRun* summary = run.step("So sánh với nhánh đích");
        REQUIRE(summary);
        CHECK(summary->ran);  // if: always()
        CHECK(summary->exit_code == 0);
        std::string text = slurp((runner.temp / "summary.md").string());
        CHECK(text.find("## Văn bản thay đổi so với main") != std::string::npos);
        CHECK(text.find("### `content/cong-khai/" + year + "/thu-chi-tai-chinh.md`") != std::string::npos);
        CHECK(text.find("Nguyễn Đức Thắng") != std::string::npos);
        CHECK(text.find("### `content/cong-khai/" + year + "/tuyển sinh lớp 6.md`\n\n```\n(văn bản mới)") != std::string::npos);
        CHECK(text.find("safe.directory") == std::string::npos);  // git and vanban read the checkout
    }
    // Merged as it is, nothing is published: the build after the failed check does not run.
    JobRun publish = runner.run_job(YAML::LoadFile((workspace / ".github/workflows/dang-trang.yml").string()), "tao-trang");
    INFO(describe(publish));
    REQUIRE(publish.step("Kiểm tra văn bản"));
    CHECK(publish.step("Kiểm tra văn bản")->exit_code == 1);
    REQUIRE(publish.step("Tạo trang web và bản PDF"));
    CHECK_FALSE(publish.step("Tạo trang web và bản PDF")->ran);
    CHECK_FALSE(fs::exists(workspace / "site"));
}

TEST_CASE("a clean pull request and its merge: every step of every workflow passes and the site is built") {
    TempDir tmp;
    std::string year;
    fs::path workspace = school_with_pull_request(tmp, false, year);
    Runner runner = runner_for(tmp, workspace);
    for (const auto& [file, job] : std::vector<std::pair<std::string, std::string>>{
             {(workspace / ".github/workflows/kiem-tra.yml").string(), "kiem-tra"},
             {own_workflow("validate.yml"), "kiem-tra"},
             {(workspace / ".github/workflows/dang-trang.yml").string(), "tao-trang"},
             {own_workflow("publish.yml"), "tao-trang"}}) {
        fs::remove_all(workspace / "site");
        JobRun run = runner.run_job(YAML::LoadFile(file), job);
        INFO(file, "\n", describe(run));
        int ran = 0;
        for (const auto& s : run.steps) {
            CHECK_MESSAGE(s.exit_code == 0, s.name);
            ran += s.ran;
        }
        CHECK(ran >= 2);
        if (job == "tao-trang") {
            CHECK(fs::exists(workspace / "site/index.html"));
            CHECK(fs::exists(workspace / ("site/cong-khai/" + year + "/thu-chi-tai-chinh.pdf")));
        }
    }
    CHECK(slurp((runner.temp / "summary.md").string()).find("(văn bản mới)") != std::string::npos);
}
