#include "attestation/system_facts.hpp"

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

  const std::vector<std::string>& process_names() override {
    std::call_once(processes_once_, [&] { processes_ = platform::running_process_names(); });
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
  std::once_flag processes_once_;
  std::vector<std::string> processes_;
};

}  // namespace

std::shared_ptr<SystemFacts> make_live_facts() { return std::make_shared<LiveFacts>(); }

}  // namespace seed::attestation
