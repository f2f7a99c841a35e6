#include <catch2/catch.hpp>

#include "common/identity.hpp"
#include "messaging/caller.hpp"

using namespace seed::messaging;

namespace {
const std::string kOurs(seed::identity::kChromiumExtensionOrigin);
const std::string kOther = "chrome-extension://abcdefghijklmnopabcdefghijklmnop/";
}  // namespace

TEST_CASE("Chromium launches name the extension origin, with or without --parent-window", "[caller]") {
  auto caller = caller_from_launch({kOurs}, false);
  REQUIRE(caller);
  CHECK(caller->kind == CallerKind::chromium);
  CHECK(caller->id == kOurs);
  caller = caller_from_launch({kOurs, "--parent-window=0"}, true);
  REQUIRE(caller);
  CHECK(caller->id == kOurs);
}

TEST_CASE("Firefox launches name the manifest path and the add-on ID", "[caller]") {
  const auto caller = caller_from_launch({"/home/u/.mozilla/native-messaging-hosts/sg.techpass.seed_attest.json",
                                          "seed-attest@techpass.sg"},
                                         false);
  REQUIRE(caller);
  CHECK(caller->kind == CallerKind::firefox);
  CHECK(caller->id == "seed-attest@techpass.sg");
}

TEST_CASE("no arguments is a confined browser only when stdin is not a terminal", "[caller]") {
  const auto caller = caller_from_launch({}, false);
  REQUIRE(caller);
  CHECK(caller->kind == CallerKind::none);
  CHECK_FALSE(caller_from_launch({}, true));
}

TEST_CASE("command lines are not launches", "[caller]") {
  CHECK_FALSE(caller_from_launch({"status"}, false));
  CHECK_FALSE(caller_from_launch({"--version"}, false));
  CHECK_FALSE(caller_from_launch({"status", "--policy", "x.json"}, false));
  CHECK_FALSE(caller_from_launch({"policy.json", "--json"}, false));
}

TEST_CASE("the allow-list: built-in IDs, the policy's callers, require_caller", "[caller]") {
  const CallerPolicy open{};
  CHECK_FALSE(caller_refusal({CallerKind::chromium, kOurs}, open));
  CHECK_FALSE(caller_refusal({CallerKind::firefox, "seed-attest@techpass.sg"}, open));
  CHECK(caller_refusal({CallerKind::chromium, kOther}, open));
  CHECK(caller_refusal({CallerKind::firefox, "evil@example.com"}, open));
  CHECK_FALSE(caller_refusal({CallerKind::none, ""}, open));

  CallerPolicy listing;
  listing.allowed_callers = {"chrome-extension://abcdefghijklmnopabcdefghijklmnop", "store@agency.gov.sg"};
  CHECK_FALSE(caller_refusal({CallerKind::chromium, kOther}, listing));
  CHECK_FALSE(caller_refusal({CallerKind::firefox, "store@agency.gov.sg"}, listing));
  CHECK(caller_refusal({CallerKind::firefox, "abcdefghijklmnopabcdefghijklmnop"}, listing));

  CallerPolicy strict;
  strict.require_caller = true;
  CHECK(caller_refusal({CallerKind::none, ""}, strict));
  CHECK_FALSE(caller_refusal({CallerKind::chromium, kOurs}, strict));

  CallerPolicy broken;
  broken.error = "version: must be 1";
  broken.allowed_callers = {kOther};
  CHECK(caller_refusal({CallerKind::chromium, kOther}, broken));
  CHECK(caller_refusal({CallerKind::none, ""}, broken));
  CHECK_FALSE(caller_refusal({CallerKind::chromium, kOurs}, broken));
}
