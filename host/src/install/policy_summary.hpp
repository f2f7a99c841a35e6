#pragma once

#include <optional>
#include <string>
#include <vector>

// The policy a browser-started host would use (policy/loader.hpp), as far as install and doctor
// care: which document it is, whether it can be used, and its extra callers.
namespace seed::install {

struct PolicySummary {
  std::string source;  // "environment", "system" or "embedded"
  std::string path;    // empty for the embedded policy
  std::string sha256;
  std::vector<std::string> allowed_callers;
  std::optional<std::string> error;  // why the document cannot be used
};

PolicySummary current_policy();

}  // namespace seed::install
