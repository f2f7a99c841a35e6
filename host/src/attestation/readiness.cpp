#include "attestation/readiness.hpp"

namespace seed::attestation {

std::vector<ReadinessResult> check_readiness(const policy::Policy& policy, const ProbeResults& results) {
  std::vector<ReadinessResult> checks;
  for (const auto& check : policy.readiness) {
    ReadinessResult result{check.check, check.title, false, {}};
    const auto found = results.find(check.probe);
    if (found == results.end() || found->second.outcome == Outcome::error || found->second.outcome == Outcome::skipped) {
      result.detail = "could not be checked: " + (found == results.end() ? std::string("no result") : found->second.detail);
    } else {
      const Outcome wanted = check.pass_when == policy::PassWhen::match ? Outcome::match : Outcome::no_match;
      result.ok = found->second.outcome == wanted;
      result.detail = found->second.detail;
    }
    checks.push_back(std::move(result));
  }
  return checks;
}

}  // namespace seed::attestation
