#include "platform/linux/cpuid.hpp"

namespace seed::platform::on_linux {

// No CPUID outside x86: virtualization is told from DMI, the device tree and /proc instead.
std::string cpuid_hypervisor_vendor() { return {}; }

}  // namespace seed::platform::on_linux
