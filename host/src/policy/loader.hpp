#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "policy/policy.hpp"

// Finding the policy (contract section 5): --policy FILE, then SEED_ATTEST_POLICY, then the
// system file, then the embedded default. Whichever is found is the one used: a file that
// cannot be read, is refused or is invalid is reported as such, never replaced by the next.
namespace seed::policy {

enum class PolicySource { option, environment, system, embedded };

// "option", "environment", "system", "embedded": the `policy.source` of a status.
const char* source_name(PolicySource source);

struct PolicyOrigin {
  PolicySource source = PolicySource::embedded;
  std::string path;    // empty for the embedded policy
  std::string sha256;  // of the document's bytes; empty when they could not be read
};

struct LoadedPolicy {
  PolicyOrigin origin;
  std::optional<Policy> policy;  // empty when the document could not be used
  std::string error;             // then, why
};

struct PolicyLocations {
  std::optional<std::string> option;       // --policy FILE
  std::optional<std::string> environment;  // the value of SEED_ATTEST_POLICY
  std::filesystem::path system_file;
  std::uint32_t system_owner = 0;  // who besides root may own the system file and its folders
  std::string_view embedded;
};

inline constexpr const char* kPolicyEnvironmentVariable = "SEED_ATTEST_POLICY";

// This machine's locations: `option`, the environment, the platform's system file and the
// embedded default. An empty SEED_ATTEST_POLICY counts as unset.
PolicyLocations default_locations(std::optional<std::string> option);

LoadedPolicy load_policy(const PolicyLocations& locations);

}  // namespace seed::policy
