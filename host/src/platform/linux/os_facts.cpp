#include "platform/os_facts.hpp"

#include <sys/utsname.h>

#include "platform/linux/cpuid.hpp"
#include "platform/linux/linux_facts.hpp"

namespace seed::platform {
namespace {

utsname uname_or_empty() {
  utsname names{};
  if (::uname(&names) != 0) return utsname{};
  return names;
}

}  // namespace

OsIdentity os_identity() { return on_linux::read_os_release("/"); }

std::string kernel_release() { return uname_or_empty().release; }

std::string architecture() { return uname_or_empty().machine; }

std::string virtualization() { return on_linux::detect_virtualization("/", on_linux::cpuid_hypervisor_vendor()); }

std::string disk_encryption() { return on_linux::detect_disk_encryption("/"); }

std::optional<std::vector<std::string>> running_processes_named(const std::vector<std::string>& wanted) {
  return on_linux::list_processes_named("/", wanted);
}

}  // namespace seed::platform
