#include <algorithm>
#include <array>
#include <utility>

#include "platform/linux/linux_facts.hpp"

// Told the way systemd-detect-virt tells it, from files alone: DMI strings, the CPU's hypervisor
// signature, Xen and device-tree markers, the cpuinfo hypervisor flag; then container markers.
namespace seed::platform::on_linux {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kDmiVendors{{
    {"KVM", "kvm"},
    {"OpenStack", "kvm"},
    {"KubeVirt", "kvm"},
    {"Amazon EC2", "amazon"},
    {"QEMU", "qemu"},
    {"VMware", "vmware"},
    {"VMW", "vmware"},
    {"innotek GmbH", "oracle"},
    {"VirtualBox", "oracle"},
    {"Xen", "xen"},
    {"Bochs", "bochs"},
    {"Parallels", "parallels"},
    {"BHYVE", "bhyve"},
    {"Hyper-V", "microsoft"},
    {"Apple Virtualization", "apple"},
    {"Google Compute Engine", "google"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kCpuidVendors{{
    {"KVMKVMKVM", "kvm"},
    {"Linux KVM Hv", "kvm"},
    {"TCGTCGTCGTCG", "qemu"},
    {"VMwareVMware", "vmware"},
    {"Microsoft Hv", "microsoft"},
    {"XenVMMXenVMM", "xen"},
    {"VBoxVBoxVBox", "oracle"},
    {"bhyve bhyve ", "bhyve"},
    {"prl hyperv  ", "parallels"},
    {" lrpepyh  vr", "parallels"},
}};

std::string_view vm_from_dmi(const fs::path& root) {
  const fs::path dmi = root / "sys/class/dmi/id";
  for (const char* file : {"product_name", "sys_vendor", "board_vendor", "bios_vendor", "product_version"}) {
    const std::string value = read_first_line(dmi / file);
    for (const auto& [prefix, name] : kDmiVendors) {
      if (value.starts_with(prefix)) return name;
    }
  }
  if (read_first_line(dmi / "sys_vendor") == "Microsoft Corporation" &&
      read_first_line(dmi / "product_name") == "Virtual Machine") {
    return "microsoft";
  }
  return {};
}

std::string_view vm_from_cpuid(std::string_view vendor) {
  if (vendor.empty()) return {};
  for (const auto& [signature, name] : kCpuidVendors) {
    if (vendor == signature) return name;
  }
  return "vm-other";
}

std::string_view vm_from_firmware_markers(const fs::path& root) {
  if (read_first_line(root / "sys/hypervisor/type") == "xen") return "xen";
  const std::string compatible = read_small_file(root / "proc/device-tree/hypervisor/compatible", 256);
  if (compatible.find("linux,kvm") != std::string::npos) return "kvm";
  if (compatible.find("xen") != std::string::npos) return "xen";
  if (compatible.find("vmware") != std::string::npos) return "vmware";
  return {};
}

bool cpuinfo_says_hypervisor(const fs::path& root) {
  const std::string cpuinfo = read_small_file(root / "proc/cpuinfo", 1 << 20);
  std::string_view rest = cpuinfo;
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    if (!line.starts_with("flags")) continue;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view flags = line.substr(colon + 1);
    while (!flags.empty()) {
      const auto space = flags.find(' ');
      if (flags.substr(0, space) == "hypervisor") return true;
      flags = space == std::string_view::npos ? std::string_view{} : flags.substr(space + 1);
    }
    return false;  // the first CPU's flags are enough
  }
  return false;
}

std::string container_from_environ(const std::string& environ) {
  constexpr std::string_view kKey = "container=";
  std::size_t start = 0;
  while (start < environ.size()) {
    std::size_t end = environ.find('\0', start);
    if (end == std::string::npos) end = environ.size();
    const std::string_view entry(environ.data() + start, end - start);
    if (entry.starts_with(kKey)) return std::string(entry.substr(kKey.size()));
    start = end + 1;
  }
  return {};
}

std::string container(const fs::path& root) {
  const std::string osrelease = read_first_line(root / "proc/sys/kernel/osrelease");
  if (osrelease.find("Microsoft") != std::string::npos || osrelease.find("WSL") != std::string::npos) return "wsl";
  if (std::string named = read_first_line(root / "run/systemd/container"); !named.empty()) return named;
  if (std::string named = container_from_environ(read_small_file(root / "proc/1/environ")); !named.empty()) {
    return named;
  }
  std::error_code ignored;
  if (fs::exists(root / "run/.containerenv", ignored)) return "podman";
  if (fs::exists(root / ".dockerenv", ignored)) return "docker";
  if (fs::exists(root / "proc/vz", ignored) && !fs::exists(root / "proc/bc", ignored)) return "openvz";
  return {};
}

}  // namespace

std::string detect_virtualization(const fs::path& root, std::string_view cpuid_vendor) {
  std::string_view vm = vm_from_dmi(root);
  if (vm.empty()) vm = vm_from_cpuid(cpuid_vendor);
  if (vm.empty()) vm = vm_from_firmware_markers(root);
  if (vm.empty() && cpuinfo_says_hypervisor(root)) vm = "vm-other";
  if (!vm.empty()) return std::string(vm);
  if (std::string found = container(root); !found.empty()) return found;
  return "none";
}

}  // namespace seed::platform::on_linux
