#pragma once

#include <string>

namespace seed::platform::on_linux {

// The hypervisor vendor signature of CPUID leaf 0x40000000 when the CPU says it runs under a
// hypervisor, else empty. Only x86 has it (cpuid_x86.cpp); elsewhere it is always empty.
std::string cpuid_hypervisor_vendor();

}  // namespace seed::platform::on_linux
