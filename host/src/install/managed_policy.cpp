#include "install/managed_policy.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace seed::install {
namespace {

void add_strings(std::vector<std::string>& into, const nlohmann::json& list) {
  if (!list.is_array()) return;
  for (const nlohmann::json& entry : list) {
    if (entry.is_string()) into.push_back(entry.get<std::string>());
  }
}

bool contains(const std::vector<std::string>& list, std::string_view entry) {
  return std::find(list.begin(), list.end(), entry) != list.end();
}

}  // namespace

void apply_policy_document(NativeMessagingPolicy& policy, const nlohmann::json& document, const std::string& file) {
  if (!document.is_object()) {
    policy.unreadable.push_back(file + ": not a JSON object");
    return;
  }
  bool relevant = false;
  for (const char* name : {"NativeMessagingBlocklist", "NativeMessagingBlacklist"}) {
    if (document.contains(name)) {
      add_strings(policy.blocklist, document[name]);
      relevant = true;
    }
  }
  for (const char* name : {"NativeMessagingAllowlist", "NativeMessagingWhitelist"}) {
    if (document.contains(name)) {
      add_strings(policy.allowlist, document[name]);
      relevant = true;
    }
  }
  if (const auto user_level = document.find("NativeMessagingUserLevelHosts");
      user_level != document.end() && user_level->is_boolean()) {
    // Any file turning per-user hosts off is enough to make the browser ignore them.
    policy.user_level_hosts = policy.user_level_hosts.value_or(true) && user_level->get<bool>();
    relevant = true;
  }
  if (relevant) policy.files.push_back(file);
}

NativeMessagingPolicy read_managed_policies(const std::vector<std::string>& folders) {
  NativeMessagingPolicy policy;
  for (const std::string& folder : folders) {
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      const auto document = nlohmann::json::parse(text.str(), nullptr, false);
      if (!in || document.is_discarded()) {
        policy.unreadable.push_back(file.string() + ": not valid JSON, so the browser ignores it");
        continue;
      }
      apply_policy_document(policy, document, file.string());
    }
  }
  return policy;
}

std::optional<std::string> blocking_reason(const NativeMessagingPolicy& policy, std::string_view host) {
  if (contains(policy.allowlist, host)) return std::nullopt;
  if (contains(policy.blocklist, "*")) {
    return "NativeMessagingBlocklist blocks every native host (\"*\") and NativeMessagingAllowlist does not list " +
           std::string(host);
  }
  if (contains(policy.blocklist, host)) return "NativeMessagingBlocklist lists " + std::string(host);
  return std::nullopt;
}

}  // namespace seed::install
