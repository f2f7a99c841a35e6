#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "attestation/probe_result.hpp"
#include "policy/policy.hpp"

namespace seed::attestation {

// Probe results by probe id.
using ProbeResults = std::map<std::string, ProbeResult, std::less<>>;

struct Classification {
  std::string device_class;
  std::string decided_by;             // "certificate", "heuristic" or "default"
  std::optional<std::string> error;   // set when a rule could not be decided (device_class "unknown")
  std::optional<std::string> signer;  // the device_certificate probe through which the rule matched
  std::vector<std::string> trace;     // one line per rule, then the verdict
};

// The class rules in order, first match wins, else the default. A rule holds when all (or any)
// of its probes match; a probe error that could change a rule's answer leaves it undecided, and
// then the class is "unknown" rather than a guess from the rules after it.
Classification classify(const policy::Policy& policy, const ProbeResults& results);

}  // namespace seed::attestation
