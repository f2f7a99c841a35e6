#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "policy/policy.hpp"
#include "policy/policy_error.hpp"

// Schema version 1, strictly: every field known, every reference resolved, every regex compiled.
// The limits keep a policy's evaluation and its report small; docs/POLICY.md lists them.
namespace seed::policy {

inline constexpr std::size_t kMaxPolicyBytes = 1024 * 1024;
inline constexpr std::size_t kMaxProbes = 64;
inline constexpr std::size_t kMaxClassRules = 32;
inline constexpr std::size_t kMaxReadinessChecks = 32;
inline constexpr std::size_t kMaxAllowedCallers = 32;
inline constexpr std::size_t kMaxListItems = 64;  // argv, anchors, rule members, ...
inline constexpr int kMaxTimeoutMs = 5000;         // a whole status has a 5-second budget

// Throws PolicyError naming the field and its place, e.g. `probes[2].timeout_ms: ...`.
Policy parse_policy(std::string_view document);
Policy policy_from_json(const nlohmann::json& document);

}  // namespace seed::policy
