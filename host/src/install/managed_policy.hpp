#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The Chromium enterprise policies that decide whether a browser may start native hosts at all:
// NativeMessagingBlocklist, NativeMessagingAllowlist and NativeMessagingUserLevelHosts (and their
// older names, ...Blacklist and ...Whitelist).
namespace seed::install {

struct NativeMessagingPolicy {
  std::vector<std::string> blocklist;
  std::vector<std::string> allowlist;
  std::optional<bool> user_level_hosts;
  std::vector<std::string> files;       // the policy files that set any of these
  std::vector<std::string> unreadable;  // "<file>: why", for files the browser would ignore too
};

// Adds what one policy document (the JSON object of one file) says.
void apply_policy_document(NativeMessagingPolicy& policy, const nlohmann::json& document, const std::string& file);

// Reads every *.json file in `folders` (missing folders are fine).
NativeMessagingPolicy read_managed_policies(const std::vector<std::string>& folders);

// Empty when `host` may be started; otherwise the reason, naming the policy.
std::optional<std::string> blocking_reason(const NativeMessagingPolicy& policy, std::string_view host);

}  // namespace seed::install
