#pragma once

#include <string>

#include "attestation/classification.hpp"
#include "policy/parser.hpp"

namespace seed::test {

inline policy::Policy policy_from(const std::string& json) { return policy::parse_policy(json); }

inline attestation::ProbeResult result(attestation::Outcome outcome, std::string detail = "") {
  return {outcome, std::move(detail)};
}

}  // namespace seed::test
