#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <charconv>
#include <optional>
#include <set>
#include <vector>

#include "platform/linux/linux_facts.hpp"

// The root filesystem's block device, then every device below it (`slaves/` in sysfs: LVM over
// LUKS over a partition, and so on), looking for a device-mapper crypt target.
namespace seed::platform::on_linux {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxDepth = 16;

struct DeviceNumber {
  unsigned major = 0;
  unsigned minor = 0;
};

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  while (!line.empty()) {
    const auto space = line.find(' ');
    if (space != 0) fields.push_back(line.substr(0, space));
    line = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
  }
  return fields;
}

std::optional<DeviceNumber> parse_device_number(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  DeviceNumber number;
  const auto major_end = text.data() + colon;
  if (std::from_chars(text.data(), major_end, number.major).ptr != major_end) return std::nullopt;
  const auto minor_end = text.data() + text.size();
  if (std::from_chars(major_end + 1, minor_end, number.minor).ptr != minor_end) return std::nullopt;
  return number;
}

// mountinfo(5) escapes spaces and the like as \ooo octal.
std::string unescape_mount_field(std::string_view field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size()) {
      const std::string_view digits = field.substr(i + 1, 3);
      if (digits.find_first_not_of("01234567") == std::string_view::npos) {
        out += static_cast<char>((digits[0] - '0') * 64 + (digits[1] - '0') * 8 + (digits[2] - '0'));
        i += 3;
        continue;
      }
    }
    out += field[i];
  }
  return out;
}

struct RootMount {
  DeviceNumber device;
  std::string source;
};

// The last mount of "/" in mountinfo wins (it is the one on top).
std::optional<RootMount> find_root_mount(const fs::path& root) {
  const std::string mountinfo = read_small_file(root / "proc/self/mountinfo", 1 << 20);
  std::optional<RootMount> found;
  std::string_view rest = mountinfo;
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    const auto fields = split_fields(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    if (fields.size() < 7 || fields[4] != "/") continue;
    const auto number = parse_device_number(fields[2]);
    if (!number) continue;
    RootMount mount{*number, {}};
    for (std::size_t i = 6; i + 2 < fields.size(); ++i) {
      if (fields[i] == "-") {
        mount.source = unescape_mount_field(fields[i + 2]);
        break;
      }
    }
    found = mount;
  }
  return found;
}

// Filesystems such as btrfs report an anonymous device number; the mount source names the disk.
std::optional<DeviceNumber> block_device_of(const fs::path& root, const RootMount& mount) {
  if (mount.device.major != 0) return mount.device;
  if (!mount.source.starts_with("/dev/")) return std::nullopt;
  struct stat info {};
  const fs::path source = root / mount.source.substr(1);
  if (::stat(source.c_str(), &info) != 0 || !S_ISBLK(info.st_mode)) return std::nullopt;
  return DeviceNumber{major(info.st_rdev), minor(info.st_rdev)};
}

// "luks" or "dm-crypt" when this device or one below it is a crypt target, else empty.
std::string crypt_below(const fs::path& device, int depth, std::set<fs::path>& seen) {
  std::error_code error;
  const fs::path canonical = fs::canonical(device, error);
  if (error || depth > kMaxDepth || !seen.insert(canonical).second) return {};
  const std::string uuid = read_first_line(canonical / "dm/uuid");
  if (uuid.starts_with("CRYPT-LUKS")) return "luks";
  if (uuid.starts_with("CRYPT-")) return "dm-crypt";
  for (fs::directory_iterator slave(canonical / "slaves", error), end; !error && slave != end; slave.increment(error)) {
    if (std::string found = crypt_below(slave->path(), depth + 1, seen); !found.empty()) return found;
  }
  return {};
}

}  // namespace

std::string detect_disk_encryption(const fs::path& root) {
  const auto mount = find_root_mount(root);
  if (!mount) return "unknown";
  const auto device = block_device_of(root, *mount);
  if (!device) return "unknown";
  const fs::path sys_device =
      root / "sys/dev/block" / (std::to_string(device->major) + ":" + std::to_string(device->minor));
  std::error_code error;
  if (!fs::exists(sys_device, error)) return "unknown";
  std::set<fs::path> seen;
  std::string found = crypt_below(sys_device, 0, seen);
  return found.empty() ? "none" : found;
}

}  // namespace seed::platform::on_linux
