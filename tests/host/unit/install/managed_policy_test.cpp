#include "install/managed_policy.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/files.hpp"
#include "support/test_pki.hpp"

using namespace seed::install;
using nlohmann::json;

namespace {

NativeMessagingPolicy from(const json& document) {
  NativeMessagingPolicy policy;
  apply_policy_document(policy, document, "policy.json");
  return policy;
}

const char* kHost = "sg.techpass.seed_attest";

}  // namespace

TEST_CASE("no native-messaging policy blocks nothing", "[install][doctor]") {
  CHECK_FALSE(blocking_reason(from(json::object({{"HomepageLocation", "https://example.org"}})), kHost));
  CHECK(from(json::object({{"HomepageLocation", "x"}})).files.empty());
}

TEST_CASE("a blocklist of everything blocks us unless the allowlist names us", "[install][doctor]") {
  const auto reason = blocking_reason(from({{"NativeMessagingBlocklist", {"*"}}}), kHost);
  REQUIRE(reason);
  CHECK_THAT(*reason, Catch::Contains("NativeMessagingAllowlist does not list sg.techpass.seed_attest"));
  CHECK_FALSE(
      blocking_reason(from({{"NativeMessagingBlocklist", {"*"}}, {"NativeMessagingAllowlist", {kHost}}}), kHost));
}

TEST_CASE("a blocklist naming us blocks us; the old policy names count too", "[install][doctor]") {
  CHECK(blocking_reason(from({{"NativeMessagingBlocklist", {kHost}}}), kHost));
  CHECK(blocking_reason(from({{"NativeMessagingBlacklist", {"*"}}}), kHost));
  CHECK_FALSE(
      blocking_reason(from({{"NativeMessagingBlacklist", {"*"}}, {"NativeMessagingWhitelist", {kHost}}}), kHost));
  CHECK_FALSE(blocking_reason(from({{"NativeMessagingBlocklist", {"com.example.other"}}}), kHost));
}

TEST_CASE("NativeMessagingUserLevelHosts false in any file wins", "[install][doctor]") {
  NativeMessagingPolicy policy;
  apply_policy_document(policy, {{"NativeMessagingUserLevelHosts", false}}, "a.json");
  apply_policy_document(policy, {{"NativeMessagingUserLevelHosts", true}}, "b.json");
  CHECK(policy.user_level_hosts == false);
  CHECK(policy.files == std::vector<std::string>{"a.json", "b.json"});
}

TEST_CASE("policy folders are read file by file; unreadable files are reported", "[install][doctor]") {
  seed::test::TemporaryDirectory root;
  const auto folder = root.path() / "managed";
  std::filesystem::create_directories(folder);
  seed::test::write_file(folder / "10-block.json", R"({"NativeMessagingBlocklist": ["*"]})");
  seed::test::write_file(folder / "20-allow.json", R"({"NativeMessagingAllowlist": ["sg.techpass.seed_attest"]})");
  seed::test::write_file(folder / "30-broken.json", R"({"NativeMessagingBlocklist": )");
  seed::test::write_file(folder / "notes.txt", R"({"NativeMessagingBlocklist": ["sg.techpass.seed_attest"]})");
  const NativeMessagingPolicy policy = read_managed_policies({folder.string(), (root.path() / "missing").string()});
  CHECK(policy.files.size() == 2);
  REQUIRE(policy.unreadable.size() == 1);
  CHECK_THAT(policy.unreadable[0], Catch::Contains("30-broken.json"));
  CHECK_FALSE(blocking_reason(policy, kHost));
}
