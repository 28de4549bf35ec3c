// A throwaway school repository with signing keys, for the approval tests: the principal (ht),
// a vice principal (pht), someone from outside (ngoai) whose key is in no list, and an old key
// (cu) that expired in 2020. Nothing here touches the machine's own keys or git configuration.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "run_vanban.h"

namespace vanban::e2e {

inline bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

inline const std::string kPlan = "plans/2024-2025/ke-hoach-day-hoc.md";  // signed "KT. HIỆU TRƯỞNG": needs both roles
inline const std::string kOther = "plans/2024-2025/ke-hoach-chuyen-doi-so.md";

// A school repository with three people: the principal (ht), a vice principal (pht) and
// someone from outside (ngoai) whose key is in no list.
struct SchoolRepo {
    TempDir tmp;
    std::filesystem::path root;
    std::string env;  // more environment for vanban: "VANBAN_TEMPLATES=… "

    // `own_templates`: the repository carries vanban's templates/ itself, as a school that builds
    // vanban from its own repository does (then VANBAN_TEMPLATES points inside the repository).
    explicit SchoolRepo(const std::string& extra_signers = "", bool own_templates = false) {
        root = tmp.copy_of("clean");
        if (own_templates)
            std::filesystem::copy(std::string(VANBAN_TEST_DATA) + "/../templates", root / "templates",
                                  std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
        for (const char* who : {"ht", "pht", "ngoai", "cu"})
            run_command("ssh-keygen -q -t ed25519 -N '' -C " + std::string(who) + " -f " + shell_quote(key(who)));
        std::filesystem::create_directories(root / ".vanban");
        std::ofstream(root / ".vanban/allowed_signers")
            << "ht@truong.vn namespaces=\"git\" " << slurp(key("ht") + ".pub") << "pht@truong.vn namespaces=\"git\" "
            << slurp(key("pht") + ".pub") << "cu@truong.vn namespaces=\"git\",valid-before=\"20200101\" " << slurp(key("cu") + ".pub")
            << extra_signers;
        std::ofstream(root / "vanban.yaml", std::ios::app) << "phe_duyet:\n  vai_tro:\n    hieu-truong: [ht@truong.vn, cu@truong.vn]\n"
                                                              "    pho-hieu-truong: [pht@truong.vn]\n  nam_hoc_cong_bo: [\"2024-2025\"]\n";
        // kOther is signed by the principal in person: it needs one role only.
        std::string other = slurp((root / kOther).string());
        other.replace(other.find("  quyen_han: \"KT. HIỆU TRƯỞNG\"\n"), std::string("  quyen_han: \"KT. HIỆU TRƯỞNG\"\n").size(), "");
        other.replace(other.find("chuc_vu: \"PHÓ HIỆU TRƯỞNG\""), std::string("chuc_vu: \"PHÓ HIỆU TRƯỞNG\"").size(), "chuc_vu: \"HIỆU TRƯỞNG\"");
        std::ofstream(root / kOther) << other;
        git("init -q");
        git("add -A");
        commit("ht", "-m 'Khởi tạo kho văn bản'");
    }

    std::string key(const std::string& who) const { return tmp.str() + "/" + who; }

    std::string git(const std::string& args, const std::string& who = "ht") const {
        return run_command("git -C " + shell_quote(root.string()) + " -c user.name=" + who + " -c user.email=" + who +
                           "@truong.vn -c gpg.format=ssh -c user.signingkey=" + shell_quote(key(who)) + " -c commit.gpgsign=false " +
                           args + " 2>&1");
    }
    void commit(const std::string& who, const std::string& args, bool sign = true) const {
        git(std::string("commit -q --allow-empty ") + (sign ? "-S " : "") + args, who);
    }
    void approve(const std::string& who, const std::string& role, const std::string& path, bool sign = true) const {
        commit(who, "-m 'Phê duyệt' --trailer 'Phe-duyet: " + path + "' --trailer 'Vai-tro: " + role + "'", sign);
    }
    nlohmann::json status() const {
        Run r = run_vanban("status --root " + shell_quote(root.string()) + " --format json", "VANBAN_CACHE=" + shell_quote(tmp.str() + "/cache") + " " + env);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return nlohmann::json::parse(r.out);
    }
    nlohmann::json document(const std::string& path) const {
        nlohmann::json all = status();
        for (const auto& d : all["documents"])
            if (d["file"] == path) return d;
        return {};
    }
    std::string refusals() const { return status()["refused_approvals"].dump(); }
    // `vanban approve` (the real command) with git set up to sign with `who`'s key.
    Run run_approve(const std::string& who, const std::string& args) const {
        git("config user.name " + who);
        git("config user.email " + who + "@truong.vn");
        git("config gpg.format ssh");
        git("config user.signingkey " + shell_quote(key(who)));
        return run_vanban("approve --root " + shell_quote(root.string()) + " " + args + " --today 2026-11-23",
                          "VANBAN_CACHE=" + shell_quote(tmp.str() + "/cache") + " HOME=" + shell_quote(tmp.str()) + " ");
    }
};


}  // namespace vanban::e2e
