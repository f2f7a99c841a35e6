#include "attestation/system_facts.hpp"

#include <algorithm>
#include <array>
#include <mutex>

#include "platform/os_facts.hpp"

namespace seed::attestation {
namespace {

constexpr std::size_t kFieldCount = 6;

class LiveFacts final : public SystemFacts {
 public:
  std::string os_field(policy::OsField field) override {
    const auto index = static_cast<std::size_t>(field);
    std::call_once(field_once_[index], [&] { fields_[index] = read_field(field); });
    return fields_[index];
  }

  explicit LiveFacts(std::vector<std::string> process_names) : wanted_(std::move(process_names)) {}

  const std::optional<std::vector<std::string>>& running_processes() override {
    std::call_once(processes_once_, [&] { processes_ = platform::running_processes_named(wanted_); });
    return processes_;
  }

 private:
  static std::string read_field(policy::OsField field) {
    switch (field) {
      case policy::OsField::name: return platform::os_identity().name;
      case policy::OsField::version: return platform::os_identity().version;
      case policy::OsField::kernel: return platform::kernel_release();
      case policy::OsField::arch: return platform::architecture();
      case policy::OsField::virtualization: return platform::virtualization();
      case policy::OsField::disk_encryption: return platform::disk_encryption();
    }
    return {};
  }

  std::array<std::once_flag, kFieldCount> field_once_;
  std::array<std::string, kFieldCount> fields_;
  std::vector<std::string> wanted_;
  std::once_flag processes_once_;
  std::optional<std::vector<std::string>> processes_;
};

}  // namespace

std::shared_ptr<SystemFacts> make_live_facts(std::vector<std::string> process_names) {
  std::sort(process_names.begin(), process_names.end());
  process_names.erase(std::unique(process_names.begin(), process_names.end()), process_names.end());
  return std::make_shared<LiveFacts>(std::move(process_names));
}

std::vector<std::string> process_names_in(const policy::Policy& policy) {
  std::vector<std::string> names;
  for (const auto& probe : policy.probes) {
    if (const auto* process = std::get_if<policy::ProcessProbe>(&probe.spec)) names.push_back(process->name);
  }
  return names;
}

}  // namespace seed::attestation
