#include <catch2/catch.hpp>

#include "fake_root.hpp"
#include "platform/linux/linux_facts.hpp"
#include "platform/os_facts.hpp"

using seed::platform::on_linux::detect_virtualization;
using seed::test::FakeRoot;

TEST_CASE("bare metal with no markers is none", "[platform][virtualization]") {
  FakeRoot root;
  root.file("sys/class/dmi/id/sys_vendor", "LENOVO\n");
  root.file("sys/class/dmi/id/product_name", "20XW0055SG\n");
  root.file("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr\n");
  CHECK(detect_virtualization(root.path(), "") == "none");
}

TEST_CASE("DMI strings name the hypervisor", "[platform][virtualization]") {
  const std::pair<const char*, const char*> cases[] = {
      {"QEMU", "qemu"}, {"VMware, Inc.", "vmware"}, {"innotek GmbH", "oracle"}, {"Amazon EC2", "amazon"},
      {"Google Compute Engine", "google"}, {"Xen", "xen"}, {"Parallels Software International Inc.", "parallels"}};
  for (const auto& [vendor, expected] : cases) {
    INFO(vendor);
    FakeRoot root;
    root.file("sys/class/dmi/id/sys_vendor", std::string(vendor) + "\n");
    CHECK(detect_virtualization(root.path(), "") == expected);
  }
  FakeRoot hyper_v;
  hyper_v.file("sys/class/dmi/id/sys_vendor", "Microsoft Corporation\n");
  hyper_v.file("sys/class/dmi/id/product_name", "Virtual Machine\n");
  CHECK(detect_virtualization(hyper_v.path(), "") == "microsoft");
  FakeRoot surface;
  surface.file("sys/class/dmi/id/sys_vendor", "Microsoft Corporation\n");
  surface.file("sys/class/dmi/id/product_name", "Surface Laptop 5\n");
  CHECK(detect_virtualization(surface.path(), "") == "none");
}

TEST_CASE("the CPU's hypervisor signature names the hypervisor when DMI does not", "[platform][virtualization]") {
  FakeRoot root;
  CHECK(detect_virtualization(root.path(), "KVMKVMKVM") == "kvm");
  CHECK(detect_virtualization(root.path(), "VMwareVMware") == "vmware");
  CHECK(detect_virtualization(root.path(), "Microsoft Hv") == "microsoft");
  CHECK(detect_virtualization(root.path(), "SomethingNew") == "vm-other");
}

TEST_CASE("Xen, device-tree and cpuinfo markers are read as well", "[platform][virtualization]") {
  FakeRoot xen;
  xen.file("sys/hypervisor/type", "xen\n");
  CHECK(detect_virtualization(xen.path(), "") == "xen");
  FakeRoot arm;
  arm.file("proc/device-tree/hypervisor/compatible", std::string("linux,kvm\0", 10));
  CHECK(detect_virtualization(arm.path(), "") == "kvm");
  FakeRoot flagged;
  flagged.file("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme hypervisor lahf_lm\n");
  CHECK(detect_virtualization(flagged.path(), "") == "vm-other");
}

TEST_CASE("containers are named when no virtual machine is seen", "[platform][virtualization]") {
  FakeRoot docker;
  docker.file(".dockerenv", "");
  CHECK(detect_virtualization(docker.path(), "") == "docker");
  FakeRoot podman;
  podman.file("run/.containerenv", "");
  CHECK(detect_virtualization(podman.path(), "") == "podman");
  FakeRoot nspawn;
  nspawn.file("run/systemd/container", "systemd-nspawn\n");
  CHECK(detect_virtualization(nspawn.path(), "") == "systemd-nspawn");
  FakeRoot lxc;
  lxc.file("proc/1/environ", std::string("PATH=/bin\0container=lxc\0", 24));
  CHECK(detect_virtualization(lxc.path(), "") == "lxc");
  FakeRoot wsl;
  wsl.file("proc/sys/kernel/osrelease", "5.15.146.1-microsoft-standard-WSL2\n");
  CHECK(detect_virtualization(wsl.path(), "") == "wsl");
  // A container inside a virtual machine: the machine is what the readiness check is about.
  CHECK(detect_virtualization(docker.path(), "KVMKVMKVM") == "kvm");
}

TEST_CASE("this machine's virtualization is one answer", "[platform][virtualization]") {
  CHECK_FALSE(seed::platform::virtualization().empty());
}
