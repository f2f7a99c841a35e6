#include "install/doctor.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "install/executor.hpp"
#include "install/plan.hpp"
#include "support/files.hpp"
#include "support/test_pki.hpp"

namespace fs = std::filesystem;
using namespace seed::install;
using seed::test::TemporaryDirectory;

namespace {

// A home and a system root in a temporary folder, with Chromium "installed" (its binary present).
struct Machine {
  TemporaryDirectory directory;
  Environment env;

  Machine() {
    env.home = (directory.path() / "home").string();
    env.system_root = (directory.path() / "root").string();
    fs::create_directories(env.home);
    touch("root/usr/lib/chromium/chromium");
  }

  void touch(const std::string& relative, const std::string& text = "") const {
    fs::create_directories((directory.path() / relative).parent_path());
    seed::test::write_file(directory.path() / relative, text);
  }

  [[nodiscard]] std::string path(const std::string& relative) const { return (directory.path() / relative).string(); }

  void install(Scope scope, std::vector<Browser> browsers = {}, const std::string& program = SEED_ATTEST_BINARY) const {
    carry_out_install(plan_install({Platform::linux, scope, std::move(browsers), env, program, {}}));
  }

  [[nodiscard]] DoctorReport doctor(PolicySummary policy = {
                                        "embedded", "", "0123456789abcdef0123", {}, std::nullopt}) const {
    return run_doctor({Platform::linux, env, std::move(policy), std::chrono::seconds{10}});
  }
};

const Section& section(const DoctorReport& report, const std::string& id) {
  for (const Section& candidate : report.sections) {
    if (candidate.id == id) return candidate;
  }
  FAIL("no section " << id);
  throw std::logic_error("unreachable");
}

std::vector<Finding> with_status(const Section& found, Status status) {
  std::vector<Finding> matching;
  for (const Finding& finding : found.findings) {
    if (finding.status == status) matching.push_back(finding);
  }
  return matching;
}

const std::string kChromiumUser = "home/.config/chromium/NativeMessagingHosts/sg.techpass.seed_attest.json";
const std::string kChromiumSystem = "root/etc/chromium/native-messaging-hosts/sg.techpass.seed_attest.json";

}  // namespace

TEST_CASE("doctor is clean after install: every manifest valid, the host answers", "[install][doctor]") {
  Machine machine;
  machine.install(Scope::user);
  const DoctorReport report = machine.doctor();
  CHECK(report.count(Status::problem) == 0);
  CHECK(report.count(Status::warning) == 0);
  const Section& chromium = section(report, "chromium");
  CHECK(chromium.findings[0].status == Status::ok);  // installed
  const auto good = with_status(chromium, Status::ok);
  REQUIRE(good.size() == 2);
  CHECK(good[1].subject == machine.path(kChromiumUser));
  CHECK_THAT(good[1].message, Catch::Contains("answers hello when started as Chromium starts it"));
  CHECK(report_to_json(report)["ok"] == true);
}

TEST_CASE("an installed browser without a manifest is a problem; a missing browser is not", "[install][doctor]") {
  Machine machine;
  const DoctorReport report = machine.doctor();
  const auto problems = with_status(section(report, "chromium"), Status::problem);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].message, Catch::Contains("no manifest where Chromium looks"));
  CHECK_THAT(problems[0].fix, Catch::StartsWith("seed-attest install --browser chromium"));
  CHECK(with_status(section(report, "edge"), Status::problem).empty());
  CHECK(report.count(Status::problem) == 1);
}

TEST_CASE("a managed policy that blocks native hosts is named", "[install][doctor]") {
  Machine machine;
  machine.install(Scope::user);
  machine.touch("root/etc/chromium/policies/managed/lockdown.json", R"({"NativeMessagingBlocklist": ["*"]})");
  const DoctorReport report = machine.doctor();
  const auto problems = with_status(section(report, "chromium"), Status::problem);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].subject == machine.path("root/etc/chromium/policies/managed/lockdown.json"));
  CHECK_THAT(problems[0].message, Catch::Contains("NativeMessagingBlocklist blocks every native host"));
  CHECK_THAT(problems[0].fix, Catch::Contains("NativeMessagingAllowlist"));
  CHECK(with_status(section(report, "chrome"), Status::problem).empty());  // Chrome reads its own folder

  machine.touch("root/etc/chromium/policies/managed/exception.json",
                R"({"NativeMessagingAllowlist": ["sg.techpass.seed_attest"]})");
  CHECK(machine.doctor().count(Status::problem) == 0);
}

TEST_CASE("per-user manifests that policy makes the browser ignore are a problem", "[install][doctor]") {
  Machine machine;
  machine.install(Scope::user, {Browser::chromium});
  machine.touch("root/etc/chromium/policies/managed/system-only.json", R"({"NativeMessagingUserLevelHosts": false})");
  const auto problems = with_status(section(machine.doctor(), "chromium"), Status::problem);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].message, Catch::Contains("NativeMessagingUserLevelHosts"));
  CHECK(problems[0].fix == "sudo seed-attest install --system --browser chromium");

  machine.install(Scope::system, {Browser::chromium});
  const DoctorReport after = machine.doctor();
  const Section& fixed = section(after, "chromium");
  CHECK(with_status(fixed, Status::problem).empty());
  CHECK(with_status(fixed, Status::ok).back().subject == machine.path(kChromiumSystem));
}

TEST_CASE("the per-user manifest comes first: a broken one hides a good system one", "[install][doctor]") {
  Machine machine;
  machine.install(Scope::system, {Browser::chromium});
  machine.touch(kChromiumUser, "{ not json");
  const DoctorReport report = machine.doctor();
  const Section& chromium = section(report, "chromium");
  const auto problems = with_status(chromium, Status::problem);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].subject == machine.path(kChromiumUser));
  CHECK_THAT(problems[0].message, Catch::StartsWith("is not valid JSON"));
  const auto notes = with_status(chromium, Status::info);
  CHECK(std::any_of(notes.begin(), notes.end(), [&](const Finding& finding) {
    return finding.subject == machine.path(kChromiumSystem) && finding.message.find("not used") != std::string::npos;
  }));
}

TEST_CASE("a system manifest naming a program other users cannot reach is a warning", "[install][doctor]") {
  Machine machine;
  fs::create_directories(machine.path("private"));
  fs::create_symlink(SEED_ATTEST_BINARY, machine.path("private/seed-attest"));
  fs::permissions(machine.path("private"), fs::perms::owner_all);
  machine.install(Scope::system, {Browser::chromium}, machine.path("private/seed-attest"));
  const auto warnings = with_status(section(machine.doctor(), "chromium"), Status::warning);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0].message, Catch::Contains("other users cannot run"));
}

TEST_CASE("Snap and Flatpak browsers are reported with what to do", "[install][doctor]") {
  Machine machine;
  machine.install(Scope::user);
  machine.touch("root/snap/firefox/current/firefox");
  machine.touch("home/.local/share/flatpak/app/com.brave.Browser/current");
  const DoctorReport report = machine.doctor();
  const auto firefox = with_status(section(report, "firefox"), Status::warning);
  REQUIRE(firefox.size() == 1);
  CHECK_THAT(firefox[0].message, Catch::Contains("Snap"));
  CHECK_THAT(firefox[0].fix, Catch::Contains("xdg-desktop-portal"));
  const auto brave = with_status(section(report, "brave"), Status::warning);
  REQUIRE(brave.size() == 1);
  CHECK_THAT(brave[0].message, Catch::Contains("Flatpak"));
  CHECK(report.count(Status::problem) == 0);
}

TEST_CASE("a policy that cannot be used is a problem", "[install][doctor]") {
  Machine machine;
  machine.install(Scope::user);
  const DoctorReport report = machine.doctor(
      {"system", "/etc/seed-attest/policy.json", "", {}, "refused the system policy: writable by others"});
  const auto problems = with_status(section(report, "policy"), Status::problem);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].subject == "/etc/seed-attest/policy.json");
  CHECK_THAT(problems[0].message, Catch::Contains("writable by others"));
}

TEST_CASE("the JSON report carries every section and finding", "[install][doctor]") {
  Machine machine;
  const nlohmann::json json = report_to_json(machine.doctor());
  CHECK(json["ok"] == false);
  CHECK(json["problems"] == 1);
  REQUIRE(json["sections"].size() == 7);
  CHECK(json["sections"][1]["id"] == "chromium");
  CHECK(json["sections"][6]["id"] == "policy");
  CHECK(render_report(machine.doctor()).find("✗ no manifest where Chromium looks") != std::string::npos);
}

TEST_CASE("without HOME, doctor says per-user manifests were not checked", "[install][doctor]") {
  Machine machine;
  machine.install(Scope::system, {Browser::chromium});
  machine.env.home.clear();
  const DoctorReport report = machine.doctor();
  const auto warnings = with_status(section(report, "environment"), Status::warning);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0].message, Catch::Contains("per-user manifests were not checked"));
  CHECK(with_status(section(report, "chromium"), Status::problem).empty());
  for (const Finding& finding : section(report, "chromium").findings)
    CHECK(finding.subject.find(".config") == std::string::npos);
}
