#pragma once

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "attestation/system_facts.hpp"

namespace seed::test {

// Facts set by the test; counts how often each kind is asked for.
class FakeFacts final : public attestation::SystemFacts {
 public:
  std::map<policy::OsField, std::string> os;
  std::vector<std::string> processes;
  std::atomic<int> os_reads{0};
  std::atomic<int> process_reads{0};

  std::string os_field(policy::OsField field) override {
    ++os_reads;
    const auto found = os.find(field);
    return found == os.end() ? std::string() : found->second;
  }

  const std::vector<std::string>& process_names() override {
    ++process_reads;
    std::call_once(sorted_, [this] { std::sort(processes.begin(), processes.end()); });
    return processes;
  }

 private:
  std::once_flag sorted_;
};

}  // namespace seed::test
