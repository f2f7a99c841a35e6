#include "platform/policy_location.hpp"

namespace seed::platform {

std::filesystem::path system_policy_path() { return "/etc/seed-attest/policy.json"; }

}  // namespace seed::platform
