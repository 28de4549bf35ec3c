#include "model/approval_config.h"

#include <algorithm>

namespace vanban {

std::vector<std::string> ApprovalConfig::roles_of(const std::string& principal) const {
    std::vector<std::string> out;
    for (const auto& [role, holders] : roles)
        if (std::find(holders.begin(), holders.end(), principal) != holders.end()) out.push_back(role);
    return out;
}

bool ApprovalConfig::holds(const std::string& principal, const std::string& role) const {
    auto it = roles.find(role);
    return it != roles.end() && std::find(it->second.begin(), it->second.end(), principal) != it->second.end();
}

}  // namespace vanban
