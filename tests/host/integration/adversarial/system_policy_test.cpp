#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "attestation/assess.hpp"
#include "policy/loader.hpp"
#include "support/files.hpp"
#include "support/test_pki.hpp"

using namespace seed;
using Catch::Matchers::Contains;
using test::TemporaryDirectory;
namespace fs = std::filesystem;

// The system policy decides what counts as a GSIB and who may call the host, so only the
// administrator may be able to change it. These are the tricks a local user could try.

namespace {

constexpr std::string_view kEmbedded = R"({"version": 1, "default": "internet_device"})";
const std::string kTrusted = R"({"version": 1, "default": "internet_device"})";
const std::string kPlanted = R"({"version": 1, "default": "gmd", "allowed_callers": ["evil@example.com"]})";

// A folder standing in for /etc/seed-attest; we (root, or the test's user) are its administrator.
struct SystemFolder {
  TemporaryDirectory directory;
  fs::path folder = directory.path() / "etc-seed-attest";
  fs::path file = folder / "policy.json";

  SystemFolder() {
    fs::create_directory(folder);
    fs::permissions(folder, fs::perms(0755));
  }

  [[nodiscard]] policy::PolicyLocations locations() const {
    policy::PolicyLocations where;
    where.system_file = file;
    where.system_owner = static_cast<std::uint32_t>(::geteuid());
    where.embedded = kEmbedded;
    return where;
  }

  fs::path write(const fs::path& path, const std::string& text, fs::perms mode) const {
    test::write_file(path, text);
    fs::permissions(path, mode);
    return path;
  }
};

}  // namespace

TEST_CASE("a system policy swapped between the check and the read is never read", "[adversarial][policy]") {
  SystemFolder system;
  system.write(system.file, kTrusted, fs::perms(0644));
  const fs::path planted = system.write(system.folder / "planted.json", kPlanted, fs::perms(0666));

  // Exchange the trusted file and the planted, world-writable one, atomically and without pause,
  // while the host loads the policy over and over: a loader that checked one file and read the
  // other would sooner or later use the planted policy.
  std::atomic<bool> stop{false};
  std::thread swapper([&] {
    while (!stop.load()) ::renameat2(AT_FDCWD, system.file.c_str(), AT_FDCWD, planted.c_str(), RENAME_EXCHANGE);
  });
  int trusted = 0;
  int refused = 0;
  int planted_used = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds{2};
  while (std::chrono::steady_clock::now() < until || trusted == 0 || refused == 0) {
    const policy::LoadedPolicy loaded = policy::load_policy(system.locations());
    if (!loaded.policy) {
      CHECK_THAT(loaded.error, Contains("is writable by others"));
      ++refused;
    } else if (loaded.policy->default_class == "gmd") {
      ++planted_used;
    } else {
      ++trusted;
    }
    if (trusted + refused > 200000) break;
  }
  stop = true;
  swapper.join();
  INFO("trusted " << trusted << ", refused " << refused);
  CHECK(planted_used == 0);
  CHECK(trusted > 0);
  CHECK(refused > 0);
}

TEST_CASE("a system path that leads to a device or a folder is refused at once", "[adversarial][policy]") {
  SystemFolder system;
  for (const fs::path& target : {fs::path("/dev/zero"), fs::path("/dev/urandom"), system.directory.path()}) {
    INFO(target);
    fs::remove(system.file);
    fs::create_symlink(target, system.file);
    const auto began = std::chrono::steady_clock::now();
    const policy::LoadedPolicy loaded = policy::load_policy(system.locations());
    CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds{1});
    CHECK_FALSE(loaded.policy);
    CHECK_THAT(loaded.error, Contains("refused the system policy") || Contains("cannot read the system policy"));
  }
}

TEST_CASE("a refused system policy makes the device unknown, never the embedded default", "[adversarial][policy]") {
  SystemFolder system;
  system.write(system.file, kPlanted, fs::perms(0664));
  const attestation::Report report = attestation::assess(policy::load_policy(system.locations()));
  CHECK(report.device_class == "unknown");
  CHECK(report.policy.source == "system");
  REQUIRE(report.error);
  CHECK_THAT(*report.error, Contains("is writable by its group"));
  const auto status = attestation::to_status_json(report);
  CHECK(status["device_class"] == "unknown");
  CHECK_THAT(status["error"].get<std::string>(), Contains("only the administrator may be able to change it"));
}
