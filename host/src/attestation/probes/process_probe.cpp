#include "attestation/probes/process_probe.hpp"

#include <algorithm>

namespace seed::attestation {

ProbeResult run_process_probe(const policy::ProcessProbe& probe, SystemFacts& facts) {
  const auto& running = facts.running_processes();
  if (!running) return {Outcome::error, "the list of running processes could not be read"};
  if (std::binary_search(running->begin(), running->end(), probe.name)) return {Outcome::match, "running"};
  return {Outcome::no_match, "not running"};
}

}  // namespace seed::attestation
