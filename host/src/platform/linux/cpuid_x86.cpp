#include <cpuid.h>

#include <cstring>

#include "platform/linux/cpuid.hpp"

namespace seed::platform::on_linux {

std::string cpuid_hypervisor_vendor() {
  unsigned eax = 0;
  unsigned ebx = 0;
  unsigned ecx = 0;
  unsigned edx = 0;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0) return {};
  constexpr unsigned kHypervisorPresent = 1U << 31;
  if ((ecx & kHypervisorPresent) == 0) return {};
  __cpuid(0x40000000, eax, ebx, ecx, edx);
  char vendor[13] = {};
  std::memcpy(vendor, &ebx, 4);
  std::memcpy(vendor + 4, &ecx, 4);
  std::memcpy(vendor + 8, &edx, 4);
  return std::string(vendor, ::strnlen(vendor, 12));
}

}  // namespace seed::platform::on_linux
