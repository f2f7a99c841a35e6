#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "common/sha256.hpp"
#include "platform/policy_location.hpp"
#include "policy/loader.hpp"
#include "support/files.hpp"
#include "support/test_pki.hpp"

using namespace seed::policy;
using seed::test::TemporaryDirectory;
using seed::test::write_file;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kEmbedded = R"({"version": 1, "default": "internet_device"})";

std::string policy_with_default(const std::string& device_class) {
  return R"({"version": 1, "default": ")" + device_class + R"("})";
}

// A system policy file in its own folder; the folder and file are ours, so we are the
// administrator for the test (as root, root is anyway).
struct SystemPolicy {
  TemporaryDirectory directory;
  fs::path folder = directory.path() / "etc-seed-attest";
  fs::path file = folder / "policy.json";

  SystemPolicy() {
    fs::create_directory(folder);
    fs::permissions(folder, fs::perms(0755));
  }

  PolicyLocations locations() const {
    PolicyLocations where;
    where.system_file = file;
    where.system_owner = static_cast<std::uint32_t>(::geteuid());
    where.embedded = kEmbedded;
    return where;
  }

  void write(const std::string& text, fs::perms mode = fs::perms(0644)) const {
    write_file(file, text);
    fs::permissions(file, mode);
  }
};

}  // namespace

TEST_CASE("the --policy option comes first, then the environment, then the system file, then embedded", "[policy][loader]") {
  SystemPolicy system;
  system.write(policy_with_default("gmd"));
  const fs::path option_file = system.directory.path() / "option.json";
  const fs::path environment_file = system.directory.path() / "environment.json";
  write_file(option_file, policy_with_default("non_se_gsib"));
  write_file(environment_file, policy_with_default("se_gsib"));

  PolicyLocations where = system.locations();
  where.option = option_file.string();
  where.environment = environment_file.string();
  LoadedPolicy loaded = load_policy(where);
  CHECK(loaded.origin.source == PolicySource::option);
  CHECK(loaded.origin.path == option_file.string());
  REQUIRE(loaded.policy);
  CHECK(loaded.policy->default_class == "non_se_gsib");
  CHECK(loaded.origin.sha256 == seed::sha256_hex(policy_with_default("non_se_gsib")));

  where.option.reset();
  loaded = load_policy(where);
  CHECK(loaded.origin.source == PolicySource::environment);
  REQUIRE(loaded.policy);
  CHECK(loaded.policy->default_class == "se_gsib");

  where.environment.reset();
  loaded = load_policy(where);
  CHECK(loaded.origin.source == PolicySource::system);
  CHECK(loaded.origin.path == system.file.string());
  REQUIRE(loaded.policy);
  CHECK(loaded.policy->default_class == "gmd");

  fs::remove(system.file);
  loaded = load_policy(where);
  CHECK(loaded.origin.source == PolicySource::embedded);
  CHECK(loaded.origin.path.empty());
  CHECK(loaded.origin.sha256 == seed::sha256_hex(kEmbedded));
  CHECK(loaded.policy);
}

TEST_CASE("the source names are the protocol's", "[policy][loader]") {
  CHECK(std::string(source_name(PolicySource::option)) == "option");
  CHECK(std::string(source_name(PolicySource::environment)) == "environment");
  CHECK(std::string(source_name(PolicySource::system)) == "system");
  CHECK(std::string(source_name(PolicySource::embedded)) == "embedded");
}

TEST_CASE("a named policy that cannot be read is an error, not a fall back to the next", "[policy][loader]") {
  SystemPolicy system;
  system.write(policy_with_default("gmd"));
  PolicyLocations where = system.locations();
  where.option = (system.directory.path() / "missing.json").string();
  LoadedPolicy loaded = load_policy(where);
  CHECK(loaded.origin.source == PolicySource::option);
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("cannot read the policy named by --policy") && Contains("missing.json"));
  CHECK(loaded.origin.sha256.empty());

  where.option.reset();
  where.environment = system.directory.path().string();  // a directory
  loaded = load_policy(where);
  CHECK(loaded.origin.source == PolicySource::environment);
  CHECK_THAT(loaded.error, Contains("SEED_ATTEST_POLICY") && Contains("not a regular file"));
}

TEST_CASE("an invalid policy is reported with the field and the document's hash", "[policy][loader]") {
  SystemPolicy system;
  const std::string text = R"({"version": 1, "probes": [{"id": "x", "kind": "registry"}]})";
  const fs::path file = system.directory.path() / "bad.json";
  write_file(file, text);
  PolicyLocations where = system.locations();
  where.option = file.string();
  const LoadedPolicy loaded = load_policy(where);
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("the policy is invalid: probes[0].kind: unknown probe kind \"registry\""));
  CHECK(loaded.origin.sha256 == seed::sha256_hex(text));
}

TEST_CASE("an empty SEED_ATTEST_POLICY counts as unset", "[policy][loader]") {
  ::setenv(kPolicyEnvironmentVariable, "", 1);
  CHECK_FALSE(default_locations(std::nullopt).environment.has_value());
  ::setenv(kPolicyEnvironmentVariable, "/etc/agency/policy.json", 1);
  CHECK(default_locations(std::nullopt).environment == "/etc/agency/policy.json");
  CHECK(default_locations(std::string("/x.json")).option == "/x.json");
  ::unsetenv(kPolicyEnvironmentVariable);
  const PolicyLocations where = default_locations(std::nullopt);
  CHECK(where.system_file == seed::platform::system_policy_path());
  CHECK(where.system_file == fs::path("/etc/seed-attest/policy.json"));
  CHECK(where.embedded == seed::platform::embedded_policy());
}

TEST_CASE("a system policy writable by its group or by others is refused", "[policy][loader][permissions]") {
  SystemPolicy system;
  system.write(policy_with_default("gmd"), fs::perms(0664));
  LoadedPolicy loaded = load_policy(system.locations());
  CHECK(loaded.origin.source == PolicySource::system);
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("refused the system policy") && Contains("is writable by its group (mode 0664)"));

  fs::permissions(system.file, fs::perms(0646));
  loaded = load_policy(system.locations());
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("is writable by others (mode 0646)"));

  fs::permissions(system.file, fs::perms(0644));
  CHECK(load_policy(system.locations()).policy);
}

TEST_CASE("a system policy not owned by the administrator is refused", "[policy][loader][permissions]") {
  SystemPolicy system;
  system.write(policy_with_default("gmd"));
  PolicyLocations where = system.locations();
  if (::geteuid() == 0) {
    REQUIRE(::chown(system.file.c_str(), 4242, 4242) == 0);
    where.system_owner = 0;
  } else {
    where.system_owner = 4242;  // someone else is the administrator: our own file is not trusted
  }
  const LoadedPolicy loaded = load_policy(where);
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("is owned by uid") && Contains("not root"));
}

TEST_CASE("a system policy in a folder others may write is refused", "[policy][loader][permissions]") {
  SystemPolicy system;
  system.write(policy_with_default("gmd"));
  fs::permissions(system.folder, fs::perms(0777));
  const LoadedPolicy loaded = load_policy(system.locations());
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("directory " + system.folder.string() + " is writable by others (mode 0777)"));

  fs::permissions(system.folder, fs::perms(01777));  // sticky, like /tmp: others cannot replace our file
  CHECK(load_policy(system.locations()).policy);
}

TEST_CASE("a system policy reached through a symbolic link is judged by what it points to", "[policy][loader][permissions]") {
  SystemPolicy system;
  const fs::path elsewhere = system.directory.path() / "elsewhere";
  fs::create_directory(elsewhere);
  fs::permissions(elsewhere, fs::perms(0755));
  const fs::path target = elsewhere / "real.json";
  write_file(target, policy_with_default("gmd"));
  fs::permissions(target, fs::perms(0644));
  fs::create_symlink(target, system.file);

  LoadedPolicy loaded = load_policy(system.locations());
  CHECK(loaded.origin.source == PolicySource::system);
  REQUIRE(loaded.policy);
  CHECK(loaded.policy->default_class == "gmd");

  fs::permissions(target, fs::perms(0666));
  loaded = load_policy(system.locations());
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("is writable by others"));

  fs::permissions(target, fs::perms(0644));
  fs::permissions(elsewhere, fs::perms(0777));  // the target's folder lets others swap the target
  loaded = load_policy(system.locations());
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("directory " + elsewhere.string() + " is writable by others"));
}

TEST_CASE("a dangling link or a FIFO at the system path is refused, without blocking", "[policy][loader][permissions]") {
  SystemPolicy system;
  fs::create_symlink(system.directory.path() / "nowhere.json", system.file);
  LoadedPolicy loaded = load_policy(system.locations());
  CHECK(loaded.origin.source == PolicySource::system);
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("cannot read the system policy") && Contains("No such file"));

  fs::remove(system.file);
  REQUIRE(::mkfifo(system.file.c_str(), 0644) == 0);
  const auto began = std::chrono::steady_clock::now();
  loaded = load_policy(system.locations());
  CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds{1});
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("is not a regular file"));
}

TEST_CASE("a system policy over 1 MiB is refused", "[policy][loader]") {
  SystemPolicy system;
  system.write(R"({"version": 1})" + std::string(1024 * 1024, ' '));
  const LoadedPolicy loaded = load_policy(system.locations());
  CHECK_FALSE(loaded.policy);
  CHECK_THAT(loaded.error, Contains("larger than 1048576 bytes"));
}
