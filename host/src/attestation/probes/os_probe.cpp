#include "attestation/probes/os_probe.hpp"

#include "attestation/probes/regex_match.hpp"

namespace seed::attestation {

ProbeResult run_os_probe(const policy::OsProbe& probe, SystemFacts& facts) {
  const std::string value = facts.os_field(probe.field);
  ProbeResult result = match_regex(probe.match, value, "value");
  if (result.outcome != Outcome::error) {
    result.detail = std::string(policy::field_name(probe.field)) + " is \"" + value + "\"";
  }
  return result;
}

}  // namespace seed::attestation
