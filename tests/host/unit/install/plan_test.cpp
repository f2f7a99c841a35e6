#include "install/plan.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "install/install_error.hpp"
#include "install/plan_text.hpp"

using namespace seed::install;
using nlohmann::json;

namespace {

PlanRequest request_for(Platform platform, Scope scope) {
  PlanRequest request;
  request.platform = platform;
  request.scope = scope;
  request.env.home = "/home/ann";
  request.program = platform == Platform::windows ? R"(C:\Program Files\seed-attest\seed-attest.exe)"
                                                  : "/usr/lib/seed-attest/seed-attest";
  return request;
}

std::vector<const WriteFile*> files_of(const Plan& plan) {
  std::vector<const WriteFile*> files;
  for (const Action& action : plan.actions) {
    if (const auto* file = std::get_if<WriteFile>(&action.change)) files.push_back(file);
  }
  return files;
}

const Action& action_for(const Plan& plan, const std::string& target) {
  const auto found = std::find_if(plan.actions.begin(), plan.actions.end(),
                                  [&](const Action& action) { return describe_target(action) == target; });
  REQUIRE(found != plan.actions.end());
  return *found;
}

}  // namespace

TEST_CASE("every platform and scope: each registered place gets a manifest naming the program", "[install][plan]") {
  for (const Platform platform : {Platform::linux, Platform::macos, Platform::windows}) {
    for (const Scope scope : {Scope::user, Scope::system}) {
      INFO(key(platform) << " " << key(scope));
      const PlanRequest request = request_for(platform, scope);
      const Plan plan = plan_install(request);
      CHECK(plan.browsers.size() == kAllBrowsers.size());
      for (const Browser browser : kAllBrowsers) {
        for (const ManifestPlace& place : manifest_places(platform, browser, scope, request.env)) {
          if (place.role != Role::registered) continue;
          const Action& action = action_for(plan, place.manifest_path);
          CHECK(std::count(action.browsers.begin(), action.browsers.end(), browser) == 1);
          for (const RegistryEntry& entry : place.registry) {
            const Action& key_action = action_for(plan, entry.display());
            CHECK(std::get<SetRegistryValue>(key_action.change).value == place.manifest_path);
          }
        }
      }
      for (const WriteFile* file : files_of(plan)) {
        const json manifest = json::parse(file->contents);
        CHECK(manifest["path"] == request.program);
        CHECK(manifest["name"] == "sg.techpass.seed_attest");
      }
      CHECK(plan.actions.size() == [&] {
        std::vector<std::string> targets;
        for (const Action& action : plan.actions) targets.push_back(describe_target(action));
        std::sort(targets.begin(), targets.end());
        return static_cast<std::size_t>(std::unique(targets.begin(), targets.end()) - targets.begin());
      }());
    }
  }
}

TEST_CASE("a folder two browsers read is written once, for both", "[install][plan]") {
  const Plan plan = plan_install(request_for(Platform::linux, Scope::system));
  const Action& shared = action_for(plan, "/etc/opt/chrome/native-messaging-hosts/sg.techpass.seed_attest.json");
  CHECK(shared.browsers == std::vector<Browser>{Browser::chrome, Browser::brave});
  CHECK(files_of(plan).size() == 6);  // chrome+brave, chromium, edge, two for vivaldi, firefox
}

TEST_CASE("the flavour of each manifest follows its browser", "[install][plan]") {
  const Plan plan = plan_install(request_for(Platform::linux, Scope::user));
  const auto& firefox = std::get<WriteFile>(
      action_for(plan, "/home/ann/.mozilla/native-messaging-hosts/sg.techpass.seed_attest.json").change);
  CHECK(json::parse(firefox.contents).contains("allowed_extensions"));
  const auto& edge = std::get<WriteFile>(
      action_for(plan, "/home/ann/.config/microsoft-edge/NativeMessagingHosts/sg.techpass.seed_attest.json").change);
  CHECK(json::parse(edge.contents).contains("allowed_origins"));
}

TEST_CASE("only the requested browsers are planned", "[install][plan]") {
  PlanRequest request = request_for(Platform::linux, Scope::user);
  request.browsers = {Browser::firefox, Browser::chromium, Browser::firefox};
  const Plan plan = plan_install(request);
  CHECK(plan.browsers == std::vector<Browser>{Browser::firefox, Browser::chromium});
  CHECK(plan.actions.size() == 2);
}

TEST_CASE("policy callers go into the manifests of their flavour; the rest are reported", "[install][plan]") {
  PlanRequest request = request_for(Platform::linux, Scope::user);
  request.browsers = {Browser::chrome, Browser::firefox};
  request.allowed_callers = {"chrome-extension://abcdefghijklmnopabcdefghijklmnop/", "other@agency.gov.sg", "bogus"};
  const Plan plan = plan_install(request);
  CHECK(plan.rejected_callers == std::vector<std::string>{"bogus"});
  for (const WriteFile* file : files_of(plan)) {
    const json manifest = json::parse(file->contents);
    if (manifest.contains("allowed_origins")) CHECK(manifest["allowed_origins"].size() == 2);
    if (manifest.contains("allowed_extensions")) CHECK(manifest["allowed_extensions"][1] == "other@agency.gov.sg");
  }
}

TEST_CASE("a relative program path is refused", "[install][plan]") {
  PlanRequest request = request_for(Platform::linux, Scope::user);
  request.program = "build/bin/seed-attest";
  CHECK_THROWS_AS(plan_install(request), InstallError);
  request.platform = Platform::windows;
  request.program = R"(seed-attest.exe)";
  CHECK_THROWS_AS(plan_install(request), InstallError);
}

TEST_CASE("the macOS dry run shows every browser's folder", "[install][plan]") {
  const std::string text = render_dry_run(plan_install(request_for(Platform::macos, Scope::user)));
  for (const char* folder : {"Library/Application Support/Google/Chrome/NativeMessagingHosts",
                             "Library/Application Support/Chromium/NativeMessagingHosts",
                             "Library/Application Support/Microsoft Edge/NativeMessagingHosts",
                             "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
                             "Library/Application Support/Vivaldi/NativeMessagingHosts",
                             "Library/Application Support/Mozilla/NativeMessagingHosts"}) {
    CHECK(text.find(folder) != std::string::npos);
  }
  CHECK(text.find("Dry run: nothing is written") == 0);
  CHECK(text.find("\"allowed_extensions\"") != std::string::npos);
  CHECK(text.find("Registry") == std::string::npos);
}

TEST_CASE("the Windows dry run shows every registry key and the file it points to", "[install][plan]") {
  const std::string text = render_dry_run(plan_install(request_for(Platform::windows, Scope::system)));
  for (const char* registry_key :
       {R"(HKLM\SOFTWARE\Google\Chrome\NativeMessagingHosts\sg.techpass.seed_attest)",
        R"(HKLM\SOFTWARE\WOW6432Node\Google\Chrome\NativeMessagingHosts\sg.techpass.seed_attest)",
        R"(HKLM\SOFTWARE\Chromium\NativeMessagingHosts\sg.techpass.seed_attest)",
        R"(HKLM\SOFTWARE\Microsoft\Edge\NativeMessagingHosts\sg.techpass.seed_attest)",
        R"(HKLM\SOFTWARE\Mozilla\NativeMessagingHosts\sg.techpass.seed_attest)",
        R"(HKLM\SOFTWARE\WOW6432Node\Mozilla\NativeMessagingHosts\sg.techpass.seed_attest)"}) {
    CHECK(text.find(registry_key) != std::string::npos);
  }
  CHECK(text.find(R"(%ProgramFiles%\seed-attest\NativeMessagingHosts\firefox\sg.techpass.seed_attest.json)") !=
        std::string::npos);
  CHECK(text.find("Google Chrome, Brave, Vivaldi") != std::string::npos);
}
