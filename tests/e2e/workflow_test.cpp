// The GitHub workflows — this repository's own and those `vanban init` writes for a school —
// run here: their jobs' `run:` steps in order, with GitHub's `if:` and `env:` semantics, on a
// repository with a pull request branch, in a checkout owned by another user (as on GitHub,
// where the checkout belongs to the runner and the container runs as root). A key or expression
// the runner here does not model fails the test rather than being ignored. Giving the checkout
// to another user needs root: run otherwise, the tests that need it say so and are skipped.
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
    bool ran = false;       // its script ran here
    bool stood_in = false;  // an action or an installer the test stands in for (see run_job)
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

    // A step's if: as GitHub reads it: terms joined by &&, each a status function (a step runs
    // after a failure only with always() or failure()) or steps.ID.outcome == 'VALUE'; without a
    // status function success() is implied.
    static bool should_run(const YAML::Node& step, bool failed, const std::map<std::string, std::string>& outcomes) {
        std::string condition = step["if"] ? step["if"].as<std::string>() : "success()";
        condition = std::regex_replace(condition, std::regex(R"(^\s*\$\{\{|\}\}\s*$)"), "");
        static const std::regex term(R"(^\s*(always\(\)|success\(\)|failure\(\)|steps\.([\w-]+)\.outcome\s*==\s*'(\w+)')\s*$)");
        bool result = true, status = false;
        size_t start = 0;
        while (true) {
            size_t end = condition.find("&&", start);
            std::string part = condition.substr(start, end == std::string::npos ? std::string::npos : end - start);
            std::smatch m;
            if (!std::regex_match(part, m, term)) {
                FAIL_CHECK("condition not modelled: " << condition);
                return false;
            }
            if (m[1] == "always()") status = true;
            else if (m[1] == "success()") status = true, result &= !failed;
            else if (m[1] == "failure()") status = true, result &= failed;
            else {
                auto outcome = outcomes.find(m[2].str());
                CHECK_MESSAGE(outcome != outcomes.end(), "no earlier step has the id ", m[2].str());
                result &= outcome != outcomes.end() && outcome->second == m[3].str();
            }
            if (end == std::string::npos) break;
            start = end + 2;
        }
        return result && (status || !failed);
    }

    // Whether `script` is valid bash, for the steps this runner does not run.
    static bool bash_syntax_ok(const fs::path& script) { return run_command("bash -n " + shell_quote(script.string()) + " 2>&1; echo $?") == "0\n"; }

    bool install_fails = false;  // the stand-in for installing vanban fails, as a download can

    JobRun run_job(const YAML::Node& workflow, const std::string& job_name) const {
        const YAML::Node job = workflow["jobs"][job_name];
        REQUIRE(job);
        // A job-level if: or needs: would decide whether the job runs at all: not modelled.
        for (const auto& kv : job) {
            std::string key = kv.first.as<std::string>();
            CHECK_MESSAGE((key == "runs-on" || key == "container" || key == "steps" || key == "env" || key == "defaults" || key == "permissions"),
                          "job key not modelled: ", key);
        }
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
        std::map<std::string, std::string> outcomes;  // step id → success, failure, skipped
        int n = 0;
        for (const auto& step : job["steps"]) {
            StepRun s;
            s.name = step["name"] ? step["name"].as<std::string>() : step["uses"] ? step["uses"].as<std::string>() : "step " + std::to_string(n);
            ++n;
            for (const auto& kv : step) {
                std::string key = kv.first.as<std::string>();
                CHECK_MESSAGE((key == "name" || key == "id" || key == "run" || key == "uses" || key == "with" || key == "env" || key == "if"),
                              "step key not modelled: ", key, " in ", s.name);
            }
            std::string id = step["id"] ? step["id"].as<std::string>() : "";
            if (!should_run(step, failed, outcomes)) {
                if (!id.empty()) outcomes[id] = "skipped";
                run.steps.push_back(s);
                continue;
            }
            // `uses:` steps are GitHub's actions: the checkout is made by the test, and caching and
            // deploying have nothing to do here. The installing steps need the network, which tests
            // do not have: git is already here, and the vanban being tested stands in for the
            // released package (whose install is tested by the package test) or, in this
            // repository's own workflows, for the build from source (scripts/setup.sh --no-site).
            // Their scripts are still checked for bash syntax.
            if (!step["run"] || id == "cai-git" || id == "cai-vanban") {
                s.stood_in = true;
                if (step["run"]) {
                    fs::path script = temp / ("step-" + std::to_string(n) + ".sh");
                    std::ofstream(script) << substitute(step["run"].as<std::string>());
                    CHECK_MESSAGE(bash_syntax_ok(script), "bash -n fails on the step ", s.name);
                }
                if (id == "cai-vanban") {
                    fs::remove(bin / "vanban");
                    if (install_fails) s.exit_code = 1;
                    else fs::create_symlink(VANBAN_BINARY, bin / "vanban");
                }
                failed |= s.exit_code != 0;
                if (!id.empty()) outcomes[id] = s.exit_code == 0 ? "success" : "failure";
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
            if (!id.empty()) outcomes[id] = s.exit_code == 0 ? "success" : "failure";
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

// Giving the checkout to `nobody` needs root; elsewhere the test says so and does nothing.
bool can_give_away() {
    if (::geteuid() == 0) return true;
    MESSAGE("skipped: giving the checkout to nobody needs root");
    return false;
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
    for (const auto& s : run.steps)
        out += "--- " + s.name + (s.ran ? " exit " + std::to_string(s.exit_code) : s.stood_in ? " (stood in)" : " (skipped)") + "\n" + s.output;
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
        CHECK(root["permissions"]["contents"].as<std::string>() == "read");
        CHECK_FALSE(root["permissions"]["pages"]);
        CHECK_FALSE(root["permissions"]["id-token"]);
        if (!pull_request) {
            CHECK(root["on"]["push"]["branches"][0].as<std::string>() == "main");
            CHECK(root["on"]["workflow_dispatch"]);
            // Only the deploying job may write to Pages; the job running the repository's commands may not.
            CHECK(root["jobs"]["dang"]["permissions"]["pages"].as<std::string>() == "write");
            CHECK(root["jobs"]["dang"]["permissions"]["id-token"].as<std::string>() == "write");
            CHECK_FALSE(root["jobs"]["tao-trang"]["permissions"]);
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
            if (script.find("GITHUB_STEP_SUMMARY") != std::string::npos)
                CHECK(step["if"].as<std::string>() == "always() && steps.cai-vanban.outcome == 'success'");
            if (script.find("apt-get install") != std::string::npos) {
                CHECK(script.find("DEBIAN_FRONTEND=noninteractive apt-get install") != std::string::npos);
                CHECK(script.find("--no-install-recommends") != std::string::npos);
            }
        }
        CHECK(safe);
        CHECK(checked);
    }
    // The pull request steps after installing have one home: this repository's validate.yml and the
    // school's kiem-tra.yml end with the same check and diff summary steps, comments included, byte
    // for byte (only installing differs: a build from source here, the released package there), so
    // a fix in one cannot miss the other.
    const std::string from = "      - name: Kiểm tra văn bản\n";
    auto tail = [&](const std::string& text) {
        size_t start = text.find(from);
        if (start == std::string::npos) return std::string("(no check step)");
        while (start > 1) {  // back over the comment lines right above it
            size_t previous = text.rfind('\n', start - 2) + 1;
            if (text.compare(previous, 7, "      #") != 0) break;
            start = previous;
        }
        return text.substr(start);
    };
    std::string own = tail(slurp(own_workflow("validate.yml"))), school = tail(slurp(tmp.str() + "/truong/.github/workflows/kiem-tra.yml"));
    CHECK(own.find("So sánh với nhánh đích") != std::string::npos);
    CHECK(own == school);
}

TEST_CASE("a pull request with an error: the check fails with annotations, the diff summary still comes out") {
    if (!can_give_away()) return;
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
        // Annotations only for the changed documents: the unchanged stubs' placeholders would take
        // GitHub's 10 per step first. The whole repository is checked too, as plain text.
        size_t whole = check->output.find("== Cả kho");
        REQUIRE(whole != std::string::npos);
        CHECK(check->output.find("::warning file=content/gioi-thieu.md") == std::string::npos);
        CHECK(check->output.find("content/gioi-thieu.md:", whole) != std::string::npos);
        CHECK(check->output.find("::", whole) == std::string::npos);
        const StepRun* summary = run.step("So sánh với nhánh đích");
        REQUIRE(summary);
        CHECK(summary->ran);  // if: always() && the install succeeded
        CHECK(summary->exit_code == 0);
        std::string text = slurp((runner.temp / "summary.md").string());
        CHECK(text.find("## Văn bản thay đổi so với main") != std::string::npos);
        CHECK(text.find("### `content/cong-khai/" + year + "/thu-chi-tai-chinh.md`") != std::string::npos);
        CHECK(text.find("Nguyễn Đức Thắng") != std::string::npos);
        CHECK(text.find("### `content/cong-khai/" + year + "/tuyển sinh lớp 6.md`\n\n```\n(văn bản mới)") != std::string::npos);
        CHECK(text.find("safe.directory") == std::string::npos);  // git and vanban read the checkout
    }
    // Nothing changed against the base: the errors already there are shown, not blamed on the
    // pull request; the summary says no document changed.
    REQUIRE(run_command("git -c safe.directory='*' -C " + shell_quote(workspace.string()) + " update-ref refs/remotes/origin/sua HEAD && echo ok") == "ok\n");
    runner.expressions["github.base_ref"] = "sua";
    fs::remove(runner.temp / "summary.md");
    JobRun unchanged = runner.run_job(YAML::LoadFile((workspace / ".github/workflows/kiem-tra.yml").string()), "kiem-tra");
    INFO(describe(unchanged));
    REQUIRE(unchanged.step("Kiểm tra văn bản"));
    CHECK(unchanged.step("Kiểm tra văn bản")->exit_code == 0);
    CHECK(unchanged.step("Kiểm tra văn bản")->output.find("== Cả kho") != std::string::npos);
    CHECK(unchanged.step("Kiểm tra văn bản")->output.find("::") == std::string::npos);
    CHECK(slurp((runner.temp / "summary.md").string()).find("Không có văn bản nào thay đổi.") != std::string::npos);
    runner.expressions["github.base_ref"] = "main";

    // Merged as it is, nothing is published: the build after the failed check does not run.
    JobRun publish = runner.run_job(YAML::LoadFile((workspace / ".github/workflows/dang-trang.yml").string()), "tao-trang");
    INFO(describe(publish));
    REQUIRE(publish.step("Kiểm tra văn bản"));
    CHECK(publish.step("Kiểm tra văn bản")->exit_code == 1);
    REQUIRE(publish.step("Tạo trang web và bản PDF"));
    CHECK_FALSE(publish.step("Tạo trang web và bản PDF")->ran);
    CHECK_FALSE(fs::exists(workspace / "site"));

    // A change to vanban.yaml concerns every document: the whole repository is annotated.
    std::string git = "git -c safe.directory='*' -c user.name=gv -c user.email=gv@truong.vn -C " + shell_quote(workspace.string()) + " ";
    REQUIRE(run_command("echo '# đổi' >> " + shell_quote((workspace / "vanban.yaml").string()) + " && " + git + "commit -qam 'Cấu hình' && echo ok") ==
            "ok\n");
    JobRun config = runner.run_job(YAML::LoadFile((workspace / ".github/workflows/kiem-tra.yml").string()), "kiem-tra");
    INFO(describe(config));
    REQUIRE(config.step("Kiểm tra văn bản"));
    CHECK(config.step("Kiểm tra văn bản")->output.find("::warning file=content/gioi-thieu.md") != std::string::npos);
}

TEST_CASE("a pull request changing no document passes despite errors already there, unless a deletion breaks a link") {
    if (!can_give_away()) return;
    TempDir tmp;
    std::string year;
    fs::path workspace = school_with_pull_request(tmp, true, year);  // "sua" has an error in thu-chi-tai-chinh.md
    Runner runner = runner_for(tmp, workspace);
    std::string git = "git -c safe.directory='*' -c user.name=gv -c user.email=gv@truong.vn -C " + shell_quote(workspace.string()) + " ";
    auto pull_request = [&](const std::string& base, const std::string& change) {
        REQUIRE(run_command(git + "update-ref refs/remotes/origin/" + base + " HEAD && " + change + " && " + git + "commit -qam 'Đổi' && echo ok") == "ok\n");
        runner.expressions["github.base_ref"] = base;
        JobRun run = runner.run_job(YAML::LoadFile((workspace / ".github/workflows/kiem-tra.yml").string()), "kiem-tra");
        const StepRun* check = run.step("Kiểm tra văn bản");
        REQUIRE_MESSAGE(check, describe(run));
        return *check;
    };
    std::string disclosure = "content/cong-khai/" + year + "/thu-chi-tai-chinh.md";
    StepRun removed = pull_request("truoc-xoa", git + "rm -q " + shell_quote("content/cong-khai/" + year + "/tuyển sinh lớp 6.md"));
    INFO(removed.output);
    CHECK(removed.exit_code == 0);
    CHECK(removed.output.find("== Cả kho") != std::string::npos);
    CHECK(removed.output.find(disclosure + ":") != std::string::npos);  // the error already there, in the log only
    CHECK(removed.output.find("::") == std::string::npos);

    StepRun readme = pull_request("truoc-readme", "echo 'Ghi chú.' >> " + shell_quote((workspace / "README.md").string()));
    INFO(readme.output);
    CHECK(readme.exit_code == 0);
    CHECK(readme.output.find("::") == std::string::npos);

    // Another document links to the one deleted: that link breaks, and the step fails on it.
    REQUIRE(run_command("echo '[Thu chi](cong-khai/" + year + "/thu-chi-tai-chinh.md)' >> " + shell_quote((workspace / "content/gioi-thieu.md").string()) +
                        " && " + git + "commit -qam 'Liên kết' && echo ok") == "ok\n");
    StepRun broken = pull_request("truoc-lien-ket", git + "rm -q " + shell_quote(disclosure));
    INFO(broken.output);
    CHECK(broken.exit_code == 1);
    CHECK(broken.output.find("::error file=content/gioi-thieu.md") != std::string::npos);
    CHECK(broken.output.find("title=vanban broken-link") != std::string::npos);
}

TEST_CASE("a clean pull request and its merge: every step of every workflow passes and the site is built") {
    if (!can_give_away()) return;
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
            // Skipped is not passed: every step not stood in for must have run.
            CHECK_MESSAGE((s.ran || s.stood_in), s.name, " did not run");
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

TEST_CASE("when installing vanban fails, neither the check nor the diff summary runs") {
    if (!can_give_away()) return;
    TempDir tmp;
    std::string year;
    fs::path workspace = school_with_pull_request(tmp, false, year);
    Runner runner = runner_for(tmp, workspace);
    runner.install_fails = true;
    for (const std::string& file : {(workspace / ".github/workflows/kiem-tra.yml").string(), own_workflow("validate.yml")}) {
        JobRun run = runner.run_job(YAML::LoadFile(file), "kiem-tra");
        INFO(file, "\n", describe(run));
        for (const std::string name : {"Kiểm tra văn bản", "So sánh với nhánh đích"}) {
            REQUIRE(run.step(name));
            CHECK_FALSE(run.step(name)->ran);
        }
    }
    CHECK_FALSE(fs::exists(runner.temp / "summary.md"));
}
