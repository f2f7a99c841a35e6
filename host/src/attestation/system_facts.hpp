#pragma once

#include <memory>
#include <optional>
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
  // Which of the process names the policy asks about are running, sorted; nullopt when the
  // process list could not be read.
  virtual const std::optional<std::vector<std::string>>& running_processes() = 0;
};

// The running system's facts, read through platform/ on first use. `process_names`: the names
// the policy's process probes look for (only those are looked for).
std::shared_ptr<SystemFacts> make_live_facts(std::vector<std::string> process_names = {});

// The names the policy's process probes look for, each once.
std::vector<std::string> process_names_in(const policy::Policy& policy);

}  // namespace seed::attestation
