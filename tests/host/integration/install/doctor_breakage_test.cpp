#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_session.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using seed::test::CliSession;

namespace {

const std::string kChromium = ".config/chromium/NativeMessagingHosts/sg.techpass.seed_attest.json";
const std::string kFirefox = ".mozilla/native-messaging-hosts/sg.techpass.seed_attest.json";

// Installs for every browser, lets `change` break one manifest, runs doctor --json and returns
// the problems it reports for `browser`; doctor must exit 1 and blame nothing else.
std::vector<json> problems_after(const std::string& browser, const std::string& relative,
                                 const std::function<void(json&, const CliSession&)>& change,
                                 const std::string& raw_text = "") {
  CliSession session;
  REQUIRE(session.run({"install"}).exit_code == 0);
  const fs::path manifest_path = session.home() / relative;
  if (raw_text.empty()) {
    json manifest = json::parse(seed::test::read_file(manifest_path));
    change(manifest, session);
    seed::test::write_file(manifest_path, manifest.dump(2));
  } else {
    seed::test::write_file(manifest_path, raw_text);
  }
  const auto doctor = session.run({"doctor", "--json"});
  INFO(doctor.out << doctor.err);
  CHECK(doctor.exit_code == 1);
  const json report = json::parse(doctor.out);
  CHECK(report["ok"] == false);
  std::vector<json> problems;
  for (const json& section : report["sections"]) {
    for (const json& finding : section["findings"]) {
      if (finding["status"] != "problem") continue;
      CHECK(section["id"] == browser);
      CHECK(finding["subject"] == manifest_path.string());
      CHECK(finding.contains("fix"));
      problems.push_back(finding);
    }
  }
  return problems;
}

std::string only_message(const std::vector<json>& problems) {
  REQUIRE(problems.size() == 1);
  return problems[0]["message"].get<std::string>();
}

}  // namespace

TEST_CASE("doctor: a relative program path", "[install][doctor][cli]") {
  const auto problems = problems_after("chromium", kChromium,
                                       [](json& manifest, const CliSession&) { manifest["path"] = "bin/seed-attest"; });
  CHECK_THAT(only_message(problems), Catch::Contains("relative path 'bin/seed-attest'"));
  CHECK(problems[0]["fix"] == "seed-attest install --browser chromium");
}

TEST_CASE("doctor: a program that is not there", "[install][doctor][cli]") {
  const auto problems = problems_after("chromium", kChromium, [](json& manifest, const CliSession& session) {
    manifest["path"] = (session.scratch() / "gone/seed-attest").string();
  });
  CHECK_THAT(only_message(problems), Catch::Contains("which does not exist"));
}

TEST_CASE("doctor: a program that is not executable", "[install][doctor][cli]") {
  const auto problems = problems_after("chromium", kChromium, [](json& manifest, const CliSession& session) {
    const fs::path copy = session.scratch() / "seed-attest-not-executable";
    seed::test::write_file(copy, "#!/bin/false\n");
    fs::permissions(copy,
                    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    manifest["path"] = copy.string();
  });
  CHECK_THAT(only_message(problems), Catch::Contains("not an executable file"));
  CHECK_THAT(only_message(problems), Catch::Contains("Error when communicating with the native messaging host."));
}

TEST_CASE("doctor: a program that does not speak the protocol", "[install][doctor][cli]") {
  const auto problems =
      problems_after("chromium", kChromium, [](json& manifest, const CliSession&) { manifest["path"] = "/bin/true"; });
  CHECK_THAT(only_message(problems), Catch::Contains("does not work when started as Chromium starts it"));
}

TEST_CASE("doctor: our origin without its trailing slash", "[install][doctor][cli]") {
  const auto problems = problems_after("chromium", kChromium, [](json& manifest, const CliSession&) {
    manifest["allowed_origins"] = {"chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak"};
  });
  CHECK_THAT(only_message(problems), Catch::Contains("without the trailing slash"));
}

TEST_CASE("doctor: a manifest for another extension", "[install][doctor][cli]") {
  const auto problems = problems_after("chromium", kChromium, [](json& manifest, const CliSession&) {
    manifest["allowed_origins"] = {"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"};
  });
  CHECK_THAT(only_message(problems), Catch::Contains("does not list our extension"));
  const auto firefox = problems_after("firefox", kFirefox, [](json& manifest, const CliSession&) {
    manifest["allowed_extensions"] = {"someone-else@example.org"};
  });
  CHECK_THAT(only_message(firefox), Catch::Contains("does not list our add-on seed-attest@techpass.sg"));
}

TEST_CASE("doctor: broken JSON", "[install][doctor][cli]") {
  const auto problems = problems_after("firefox", kFirefox, {}, R"({"name": "sg.techpass.seed_attest", "path": )");
  CHECK_THAT(only_message(problems), Catch::StartsWith("is not valid JSON"));
  CHECK(problems[0]["fix"] == "seed-attest install --browser firefox");
}

TEST_CASE("doctor's fix works: install repairs a broken manifest", "[install][doctor][cli]") {
  CliSession session;
  REQUIRE(session.run({"install"}).exit_code == 0);
  seed::test::write_file(session.home() / kChromium, "{");
  CHECK(session.run({"doctor"}).exit_code == 1);
  CHECK(session.run({"install", "--browser", "chromium"}).exit_code == 0);
  const auto doctor = session.run({"doctor"});
  CHECK(doctor.exit_code == 0);
  CHECK(doctor.out.find("No problems found.") != std::string::npos);
  CHECK(doctor.out.find("✓") != std::string::npos);
}
