#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "harness/host_process.hpp"
#include "policy_file.hpp"
#include "support/test_pki.hpp"

using seed::test::HostProcess;
using seed::test::TemporaryDirectory;
using json = nlohmann::json;

// Any local program can register its own native-messaging host that points at our binary, for
// its own extension; the browser then starts us naming that extension. Only our built-in IDs and
// the policy's allowed_callers may be served, and only by exact match.

namespace {

constexpr const char* kFirefoxManifest = "/usr/lib/mozilla/native-messaging-hosts/sg.techpass.seed_attest.json";
constexpr const char* kListedChromium = "chrome-extension://abcdefghijklmnopabcdefghijklmnop/";
constexpr const char* kListedFirefox = "partner@agency.gov.sg";

std::string allowing_policy(const TemporaryDirectory& directory) {
  return seed::test::write_policy_file(directory.path(), "policy.json",
                                       json{{"version", 1}, {"allowed_callers", {kListedChromium, kListedFirefox}}})
      .string();
}

std::vector<std::string> chromium(const std::string& origin) { return {origin}; }
std::vector<std::string> firefox(const std::string& addon) { return {kFirefoxManifest, addon}; }

// The code of the reply to a ping from a host started with `args`.
std::string ping_reply(const std::vector<std::string>& args, const std::string& policy) {
  HostProcess host({args, {{"SEED_ATTEST_POLICY", policy}}, std::nullopt});
  REQUIRE(host.send({{"type", "ping"}, {"id", "p"}}));
  const auto reply = host.receive();
  REQUIRE(reply);
  host.close_stdin();
  CHECK(host.wait() == 0);
  if ((*reply)["type"] == "pong") return "pong";
  CHECK((*reply)["id"] == "p");
  return (*reply)["code"].get<std::string>();
}

}  // namespace

TEST_CASE("look-alike extension origins and add-on IDs are refused", "[adversarial][caller]") {
  TemporaryDirectory directory;
  const std::string policy = allowing_policy(directory);
  const std::vector<std::vector<std::string>> look_alikes = {
      chromium("chrome-extension://MMCNNNKJJCNBFGNFPDIJCFNHICPLPOAK/"),
      chromium("chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoa/"),
      chromium("chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoakx/"),
      chromium("chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/evil/"),
      chromium("chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak.evil/"),
      chromium("chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak//"),
      chromium("chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/ "),
      chromium("chrome-extension://abcdefghijklmnopabcdefghijklmnoq/"),
      chromium("chrome-extension://abcdefghijklmnopabcdefghijklmnop/x"),
      firefox("SEED-ATTEST@techpass.sg"),
      firefox("seed-attest@techpass.sg.evil"),
      firefox("seed-attest@techpass.sg "),
      firefox("partner@agency.gov.s"),
      firefox("Partner@agency.gov.sg"),
      // An origin where an add-on ID belongs, and the other way round: a Chromium entry in the
      // allow-list serves only a Chromium launch.
      firefox("chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/"),
      firefox(kListedChromium),
  };
  for (const auto& args : look_alikes) {
    INFO(args.back());
    CHECK(ping_reply(args, policy) == "forbidden_caller");
  }
}

TEST_CASE("callers listed in the policy's allowed_callers are served", "[adversarial][caller]") {
  TemporaryDirectory directory;
  const std::string policy = allowing_policy(directory);
  CHECK(ping_reply(chromium(kListedChromium), policy) == "pong");
  CHECK(ping_reply(firefox(kListedFirefox), policy) == "pong");
}

TEST_CASE("when the policy cannot be read only the built-in callers are served", "[adversarial][caller]") {
  TemporaryDirectory directory;
  const std::string broken =
      seed::test::write_policy_file(directory.path(), "broken.json",
                                    std::string(R"({"version": 1, "allowed_callers": [")") + kListedChromium + R"("], )")
          .string();
  CHECK(ping_reply(chromium(kListedChromium), broken) == "forbidden_caller");
  CHECK(ping_reply(chromium("chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/"), broken) == "pong");
  CHECK(ping_reply(firefox("seed-attest@techpass.sg"), broken) == "pong");
  CHECK(ping_reply({}, broken) == "forbidden_caller");  // a confined browser names no one
}

TEST_CASE("require_caller refuses a launch that names no caller", "[adversarial][caller]") {
  TemporaryDirectory directory;
  const std::string strict =
      seed::test::write_policy_file(directory.path(), "strict.json", json{{"version", 1}, {"require_caller", true}}).string();
  CHECK(ping_reply({}, strict) == "forbidden_caller");
  CHECK(ping_reply(chromium("chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/"), strict) == "pong");
}

TEST_CASE("a refused caller learns nothing but forbidden_caller, whatever it sends", "[adversarial][caller]") {
  HostProcess host({chromium("chrome-extension://abcdefghijklmnopabcdefghijklmnop/"), {}, std::nullopt});
  const std::vector<std::string> bodies = {R"({"type":"hello","protocol":1})", R"({"type":"status","refresh":true})",
                                           "not json", "[1,2]", R"({"type":"nope"})", R"({"type":"ping","id":{}})",
                                           std::string(33, '[') + std::string(33, ']')};
  for (const auto& body : bodies) {
    INFO(body);
    REQUIRE(host.write_raw(seed::test::raw_frame(body)));
    const auto reply = host.receive();
    REQUIRE(reply);
    CHECK(reply->size() == 4);  // type, id, code, message: no status fields, no version
    CHECK((*reply)["code"] == "forbidden_caller");
  }
  host.close_stdin();
  CHECK(host.wait() == 0);
}
