#include "install/executor.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "install/plan.hpp"
#include "install/receipt.hpp"
#include "support/files.hpp"
#include "support/test_pki.hpp"

namespace fs = std::filesystem;
using namespace seed::install;
using seed::test::TemporaryDirectory;

namespace {

struct Home {
  TemporaryDirectory directory;
  Environment env;

  Home() {
    env.home = directory.path().string();
    env.system_root = (directory.path() / "root").string();
  }

  [[nodiscard]] Plan plan(Scope scope = Scope::user, std::vector<Browser> browsers = {}) const {
    return plan_install({Platform::linux, scope, std::move(browsers), env, "/usr/lib/seed-attest/seed-attest", {}});
  }

  Outcome uninstall(std::vector<Browser> browsers = {}, Scope scope = Scope::user) const {
    return carry_out_uninstall({Platform::linux, scope, std::move(browsers), env});
  }

  [[nodiscard]] std::string path(const std::string& relative) const { return (directory.path() / relative).string(); }
};

std::vector<std::string> everything_below(const fs::path& folder) {
  std::vector<std::string> entries;
  if (!fs::exists(folder)) return entries;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) entries.push_back(entry.path().string());
  std::sort(entries.begin(), entries.end());
  return entries;
}

std::size_t count(const Outcome& outcome, StepResult result) {
  return static_cast<std::size_t>(std::count_if(outcome.steps.begin(), outcome.steps.end(),
                                                [&](const Step& step) { return step.result == result; }));
}

const std::string kChromium = ".config/chromium/NativeMessagingHosts/sg.techpass.seed_attest.json";
const std::string kFirefox = ".mozilla/native-messaging-hosts/sg.techpass.seed_attest.json";

}  // namespace

TEST_CASE("install writes every manifest and a receipt; uninstall leaves the home as it was", "[install][executor]") {
  Home home;
  const Plan plan = home.plan();
  const Outcome installed = carry_out_install(plan);
  CHECK(count(installed, StepResult::written) == plan.actions.size());
  for (const Action& action : plan.actions) {
    const auto& file = std::get<WriteFile>(action.change);
    CHECK(seed::test::read_file(file.path) == file.contents);
    CHECK((fs::status(file.path).permissions() & fs::perms::others_read) == fs::perms::others_read);
  }
  const auto receipt = read_receipt(plan.receipt_path);
  REQUIRE(receipt.has_value());
  CHECK(receipt->files.size() == plan.actions.size());
  CHECK(std::find(receipt->created_directories.begin(), receipt->created_directories.end(), home.path(".mozilla")) !=
        receipt->created_directories.end());

  const Outcome removed = home.uninstall();
  CHECK(count(removed, StepResult::kept) == 0);
  CHECK(everything_below(home.directory.path()).empty());
}

TEST_CASE("installing twice changes nothing the second time", "[install][executor]") {
  Home home;
  const Plan plan = home.plan();
  carry_out_install(plan);
  const std::string receipt = seed::test::read_file(plan.receipt_path);
  const auto before = everything_below(home.directory.path());
  const Outcome again = carry_out_install(plan);
  CHECK(count(again, StepResult::unchanged) == plan.actions.size());
  CHECK(everything_below(home.directory.path()) == before);
  CHECK(seed::test::read_file(plan.receipt_path) == receipt);
  home.uninstall();
  CHECK(everything_below(home.directory.path()).empty());
}

TEST_CASE("folders that were there before install stay after uninstall", "[install][executor]") {
  Home home;
  fs::create_directories(home.path(".config/chromium"));
  seed::test::write_file(home.path(".config/chromium/Local State"), "{}");
  carry_out_install(home.plan());
  home.uninstall();
  CHECK(everything_below(home.directory.path()) == std::vector<std::string>{home.path(".config"),
                                                                            home.path(".config/chromium"),
                                                                            home.path(".config/chromium/Local State")});
}

TEST_CASE("uninstalling some browsers keeps the others registered", "[install][executor]") {
  Home home;
  carry_out_install(home.plan());
  home.uninstall({Browser::chromium});
  CHECK_FALSE(fs::exists(home.path(kChromium)));
  CHECK(fs::exists(home.path(kFirefox)));
  home.uninstall({Browser::chrome, Browser::edge, Browser::brave, Browser::vivaldi, Browser::firefox});
  CHECK(everything_below(home.directory.path()).empty());
}

TEST_CASE("a shared system folder stays while another browser still uses it", "[install][executor]") {
  Home home;
  carry_out_install(home.plan(Scope::system, {Browser::chrome, Browser::brave}));
  const std::string shared = home.path("root/etc/opt/chrome/native-messaging-hosts/sg.techpass.seed_attest.json");
  REQUIRE(fs::exists(shared));
  const Outcome outcome = home.uninstall({Browser::brave}, Scope::system);
  CHECK(fs::exists(shared));
  REQUIRE(outcome.steps.size() == 1);
  CHECK(outcome.steps[0].result == StepResult::kept);
  CHECK(outcome.steps[0].note == "still registered for Google Chrome");
  home.uninstall({Browser::chrome}, Scope::system);
  CHECK(everything_below(home.directory.path()).empty());
}

TEST_CASE("uninstall leaves a file that is no longer our manifest", "[install][executor]") {
  Home home;
  carry_out_install(home.plan(Scope::user, {Browser::chromium}));
  seed::test::write_file(home.path(kChromium), R"({"name":"com.example.other"})");
  const Outcome outcome = home.uninstall();
  CHECK(seed::test::read_file(home.path(kChromium)) == R"({"name":"com.example.other"})");
  CHECK(count(outcome, StepResult::kept) == 1);
}

TEST_CASE("without a receipt, uninstall still removes our manifests and only ours", "[install][executor]") {
  Home home;
  const Plan plan = home.plan(Scope::system);
  carry_out_install(plan);
  fs::remove(plan.receipt_path);  // as after a package put the manifests there
  const Outcome partly = home.uninstall({Browser::brave}, Scope::system);
  CHECK(fs::exists(home.path("root/etc/opt/chrome/native-messaging-hosts/sg.techpass.seed_attest.json")));
  CHECK(count(partly, StepResult::kept) == 1);
  home.uninstall({}, Scope::system);
  for (const Action& action : plan.actions) CHECK_FALSE(fs::exists(std::get<WriteFile>(action.change).path));
}

TEST_CASE("uninstall with nothing installed does nothing", "[install][executor]") {
  Home home;
  CHECK(home.uninstall().steps.empty());
  CHECK(everything_below(home.directory.path()).empty());
}

TEST_CASE("a file in the way of a folder is reported, not overwritten", "[install][executor]") {
  Home home;
  seed::test::write_file(home.path(".mozilla"), "not a folder");
  CHECK_THROWS_WITH(carry_out_install(home.plan(Scope::user, {Browser::firefox})),
                    Catch::Contains(".mozilla is in the way"));
  CHECK(seed::test::read_file(home.path(".mozilla")) == "not a folder");
}

TEST_CASE("a plan for another platform cannot be carried out", "[install][executor]") {
  Home home;
  const Plan plan = plan_install({Platform::windows, Scope::user, {}, home.env, R"(C:\seed-attest.exe)", {}});
  CHECK_THROWS_WITH(carry_out_install(plan), Catch::Contains("--dry-run"));
}

TEST_CASE("with a receipt, uninstall removes what it records and nothing else", "[install][executor]") {
  Home home;
  carry_out_install(home.plan(Scope::user, {Browser::firefox}));
  // A manifest of ours that this install did not write (say, copied there by hand).
  const Plan chromium = home.plan(Scope::user, {Browser::chromium});
  const auto& file = std::get<WriteFile>(chromium.actions.front().change);
  fs::create_directories(fs::path(file.path).parent_path());
  seed::test::write_file(file.path, file.contents);
  home.uninstall();
  CHECK(fs::exists(file.path));
  CHECK_FALSE(fs::exists(home.path(kFirefox)));
}
