#include <catch2/catch.hpp>

#include "fake_root.hpp"
#include "platform/linux/linux_facts.hpp"
#include "platform/os_facts.hpp"

using seed::platform::on_linux::detect_disk_encryption;
using seed::test::FakeRoot;

namespace {

void mount_root(const FakeRoot& root, const std::string& device, const std::string& fstype, const std::string& source) {
  root.file("proc/self/mountinfo",
            "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
            "27 1 " + device + " / / rw,relatime shared:1 - " + fstype + " " + source + " rw\n"
            "28 27 0:25 / /run rw - tmpfs tmpfs rw\n");
}

}  // namespace

TEST_CASE("root on LVM on LUKS is luks", "[platform][disk]") {
  FakeRoot root;
  mount_root(root, "254:1", "ext4", "/dev/mapper/vg-root");
  root.link("sys/dev/block/254:1", "../../devices/virtual/block/dm-1");
  root.file("sys/devices/virtual/block/dm-1/dm/uuid", "LVM-Xyz\n");
  root.link("sys/devices/virtual/block/dm-1/slaves/dm-0", "../../dm-0");
  root.file("sys/devices/virtual/block/dm-0/dm/uuid", "CRYPT-LUKS2-0123456789abcdef-luks-root\n");
  root.link("sys/devices/virtual/block/dm-0/slaves/nvme0n1p3", "../../../../pci0000:00/nvme/nvme0n1/nvme0n1p3");
  root.directory("sys/devices/pci0000:00/nvme/nvme0n1/nvme0n1p3");
  CHECK(detect_disk_encryption(root.path()) == "luks");
}

TEST_CASE("root on a plain dm-crypt mapping is dm-crypt", "[platform][disk]") {
  FakeRoot root;
  mount_root(root, "254:0", "xfs", "/dev/mapper/cryptroot");
  root.link("sys/dev/block/254:0", "../../devices/virtual/block/dm-0");
  root.file("sys/devices/virtual/block/dm-0/dm/uuid", "CRYPT-PLAIN-cryptroot\n");
  CHECK(detect_disk_encryption(root.path()) == "dm-crypt");
}

TEST_CASE("root on a bare partition, or on LVM without crypt, is none", "[platform][disk]") {
  FakeRoot partition;
  mount_root(partition, "8:2", "ext4", "/dev/sda2");
  partition.directory("sys/devices/pci0000:00/ata1/block/sda/sda2");
  partition.link("sys/dev/block/8:2", "../../devices/pci0000:00/ata1/block/sda/sda2");
  CHECK(detect_disk_encryption(partition.path()) == "none");

  FakeRoot lvm;
  mount_root(lvm, "254:1", "ext4", "/dev/mapper/vg-root");
  lvm.link("sys/dev/block/254:1", "../../devices/virtual/block/dm-1");
  lvm.file("sys/devices/virtual/block/dm-1/dm/uuid", "LVM-Xyz\n");
  lvm.link("sys/devices/virtual/block/dm-1/slaves/sda3", "../../../../pci0000:00/block/sda/sda3");
  lvm.directory("sys/devices/pci0000:00/block/sda/sda3");
  CHECK(detect_disk_encryption(lvm.path()) == "none");
}

TEST_CASE("a root that is not on an inspectable block device is unknown", "[platform][disk]") {
  FakeRoot overlay;
  mount_root(overlay, "0:45", "overlay", "overlay");
  CHECK(detect_disk_encryption(overlay.path()) == "unknown");

  FakeRoot btrfs_without_node;
  mount_root(btrfs_without_node, "0:31", "btrfs", "/dev/mapper/luks-root");
  CHECK(detect_disk_encryption(btrfs_without_node.path()) == "unknown");

  FakeRoot nothing;
  CHECK(detect_disk_encryption(nothing.path()) == "unknown");
}

TEST_CASE("a loop in the device tree does not hang the walk", "[platform][disk]") {
  FakeRoot root;
  mount_root(root, "254:0", "ext4", "/dev/mapper/a");
  root.link("sys/dev/block/254:0", "../../devices/virtual/block/dm-0");
  root.file("sys/devices/virtual/block/dm-0/dm/uuid", "LVM-a\n");
  root.link("sys/devices/virtual/block/dm-0/slaves/dm-1", "../../dm-1");
  root.file("sys/devices/virtual/block/dm-1/dm/uuid", "LVM-b\n");
  root.link("sys/devices/virtual/block/dm-1/slaves/dm-0", "../../dm-0");
  CHECK(detect_disk_encryption(root.path()) == "none");
}

TEST_CASE("this machine's disk encryption is one of the four answers", "[platform][disk]") {
  const std::string value = seed::platform::disk_encryption();
  CHECK((value == "luks" || value == "dm-crypt" || value == "none" || value == "unknown"));
}
