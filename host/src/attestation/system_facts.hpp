#pragma once

#include <memory>
#include <string>
#include <vector>

#include "policy/policy.hpp"

namespace seed::attestation {

// What probes ask of the machine itself. Each fact is read at most once per evaluation, however
// many probes ask and from whichever thread; tests give probes a fake.
class SystemFacts {
 public:
  virtual ~SystemFacts() = default;
  virtual std::string os_field(policy::OsField field) = 0;
  // Sorted, without duplicates; empty when the process list could not be read.
  virtual const std::vector<std::string>& process_names() = 0;
};

// The running system's facts, read through platform/ on first use.
std::shared_ptr<SystemFacts> make_live_facts();

}  // namespace seed::attestation
