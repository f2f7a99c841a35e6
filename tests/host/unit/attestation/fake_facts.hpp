#pragma once

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "attestation/system_facts.hpp"

namespace seed::test {

// Facts set by the test; counts how often each kind is asked for.
class FakeFacts final : public attestation::SystemFacts {
 public:
  std::map<policy::OsField, std::string> os;
  std::vector<std::string> processes;
  bool processes_readable = true;
  std::atomic<int> os_reads{0};
  std::atomic<int> process_reads{0};

  std::string os_field(policy::OsField field) override {
    ++os_reads;
    const auto found = os.find(field);
    return found == os.end() ? std::string() : found->second;
  }

  const std::optional<std::vector<std::string>>& running_processes() override {
    ++process_reads;
    std::call_once(sorted_, [this] {
      std::sort(processes.begin(), processes.end());
      if (processes_readable) running_ = processes;
    });
    return running_;
  }

 private:
  std::once_flag sorted_;
  std::optional<std::vector<std::string>> running_;
};

}  // namespace seed::test
