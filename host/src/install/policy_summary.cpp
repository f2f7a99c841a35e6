#include "install/policy_summary.hpp"

#include "policy/loader.hpp"

namespace seed::install {

PolicySummary current_policy() {
  const policy::LoadedPolicy loaded = policy::load_policy(policy::default_locations(std::nullopt));
  PolicySummary summary;
  summary.source = policy::source_name(loaded.origin.source);
  summary.path = loaded.origin.path;
  summary.sha256 = loaded.origin.sha256;
  if (loaded.policy) {
    summary.allowed_callers = loaded.policy->allowed_callers;
  } else {
    summary.error = loaded.error;
  }
  return summary;
}

}  // namespace seed::install
