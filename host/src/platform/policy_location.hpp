#pragma once

#include <filesystem>
#include <string_view>

// Where this platform keeps the system policy, and the policy built into the program for it.
namespace seed::platform {

// Linux /etc/seed-attest/policy.json, macOS /Library/Application Support/seed-attest/policy.json,
// Windows %ProgramData%\seed-attest\policy.json.
std::filesystem::path system_policy_path();

// The embedded default policy document (<platform>/embedded_policy.json, built in by CMake).
std::string_view embedded_policy();

}  // namespace seed::platform
