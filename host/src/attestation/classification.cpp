#include "attestation/classification.hpp"

#include <algorithm>

namespace seed::attestation {
namespace {

enum class Verdict { holds, fails, undecided };

const ProbeResult& result_of(const ProbeResults& results, const std::string& id) {
  static const ProbeResult kMissing{Outcome::error, "no result"};
  const auto found = results.find(id);
  return found == results.end() ? kMissing : found->second;
}

bool is_certificate_probe(const policy::Policy& policy, const std::string& id) {
  return std::any_of(policy.probes.begin(), policy.probes.end(), [&](const policy::Probe& probe) {
    return probe.id == id && std::holds_alternative<policy::CertificateProbe>(probe.spec);
  });
}

// Kleene's three-valued logic: an error only matters when the other probes leave it deciding.
Verdict verdict_of(const policy::ClassRule& rule, const ProbeResults& results) {
  bool any_error = false;
  for (const auto& id : rule.probes) {
    const Outcome outcome = result_of(results, id).outcome;
    if (outcome == Outcome::error || outcome == Outcome::skipped) any_error = true;
    if (rule.mode == policy::RuleMode::all && outcome == Outcome::no_match) return Verdict::fails;
    if (rule.mode == policy::RuleMode::any && outcome == Outcome::match) return Verdict::holds;
  }
  if (any_error) return Verdict::undecided;
  return rule.mode == policy::RuleMode::all ? Verdict::holds : Verdict::fails;
}

std::string describe_rule(std::size_t number, const policy::ClassRule& rule, const ProbeResults& results) {
  std::string text = "rule " + std::to_string(number) + ": " + rule.device_class + " when " +
                     (rule.mode == policy::RuleMode::all ? "all" : "any") + " of [";
  for (std::size_t i = 0; i < rule.probes.size(); ++i) {
    text += (i == 0 ? "" : ", ") + rule.probes[i] + " " + outcome_name(result_of(results, rule.probes[i]).outcome);
  }
  return text + "]";
}

}  // namespace

Classification classify(const policy::Policy& policy, const ProbeResults& results) {
  Classification classification;
  for (std::size_t i = 0; i < policy.classes.size(); ++i) {
    const policy::ClassRule& rule = policy.classes[i];
    const std::string described = describe_rule(i + 1, rule, results);
    switch (verdict_of(rule, results)) {
      case Verdict::fails: classification.trace.push_back(described + ": does not hold"); continue;
      case Verdict::undecided: {
        const auto failed = std::find_if(rule.probes.begin(), rule.probes.end(), [&](const std::string& id) {
          return result_of(results, id).outcome == Outcome::error || result_of(results, id).outcome == Outcome::skipped;
        });
        classification.device_class = "unknown";
        classification.decided_by = "default";
        classification.error = "rule " + std::to_string(i + 1) + " (" + rule.device_class +
                               ") could not be decided: probe " + *failed + " failed (" +
                               result_of(results, *failed).detail + ")";
        classification.trace.push_back(described + ": cannot be decided");
        classification.trace.push_back("verdict: unknown, because " + *classification.error);
        return classification;
      }
      case Verdict::holds: break;
    }
    classification.device_class = rule.device_class;
    classification.decided_by = "heuristic";
    for (const auto& id : rule.probes) {
      if (result_of(results, id).outcome == Outcome::match && is_certificate_probe(policy, id)) {
        classification.decided_by = "certificate";
        classification.signer = id;
        break;
      }
    }
    classification.trace.push_back(described + ": holds");
    classification.trace.push_back("verdict: " + rule.device_class + ", decided by " + classification.decided_by +
                                   (classification.signer ? " (" + *classification.signer + ")" : "") + " at rule " +
                                   std::to_string(i + 1));
    return classification;
  }
  classification.device_class = policy.default_class;
  classification.decided_by = "default";
  classification.trace.push_back("verdict: " + policy.default_class + ", the policy's default, since no rule holds");
  return classification;
}

}  // namespace seed::attestation
