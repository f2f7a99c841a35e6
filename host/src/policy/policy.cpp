#include "policy/policy.hpp"

#include <type_traits>

namespace seed::policy {

const char* kind_name(const ProbeSpec& spec) {
  return std::visit(
      [](const auto& probe) -> const char* {
        using Kind = std::decay_t<decltype(probe)>;
        if constexpr (std::is_same_v<Kind, FileProbe>) return "file";
        if constexpr (std::is_same_v<Kind, CommandProbe>) return "command";
        if constexpr (std::is_same_v<Kind, ProcessProbe>) return "process";
        if constexpr (std::is_same_v<Kind, OsProbe>) return "os";
        if constexpr (std::is_same_v<Kind, CertificateProbe>) return "device_certificate";
      },
      spec);
}

const char* field_name(OsField field) {
  switch (field) {
    case OsField::name: return "name";
    case OsField::version: return "version";
    case OsField::kernel: return "kernel";
    case OsField::arch: return "arch";
    case OsField::virtualization: return "virtualization";
    case OsField::disk_encryption: return "disk_encryption";
  }
  return "name";
}

}  // namespace seed::policy
