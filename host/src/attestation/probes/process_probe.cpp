#include "attestation/probes/process_probe.hpp"

#include <algorithm>

namespace seed::attestation {

ProbeResult run_process_probe(const policy::ProcessProbe& probe, SystemFacts& facts) {
  const auto& names = facts.process_names();
  if (names.empty()) return {Outcome::error, "the list of running processes could not be read"};
  if (std::binary_search(names.begin(), names.end(), probe.name)) return {Outcome::match, "running"};
  return {Outcome::no_match, "not running"};
}

}  // namespace seed::attestation
