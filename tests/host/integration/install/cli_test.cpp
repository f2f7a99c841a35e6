#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_session.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using seed::test::CliSession;

namespace {

const char* const kUserManifests[] = {
    ".config/google-chrome/NativeMessagingHosts/sg.techpass.seed_attest.json",
    ".config/chromium/NativeMessagingHosts/sg.techpass.seed_attest.json",
    ".config/microsoft-edge/NativeMessagingHosts/sg.techpass.seed_attest.json",
    ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts/sg.techpass.seed_attest.json",
    ".config/vivaldi/NativeMessagingHosts/sg.techpass.seed_attest.json",
    ".mozilla/native-messaging-hosts/sg.techpass.seed_attest.json",
};

std::size_t entries_below(const fs::path& folder) {
  return static_cast<std::size_t>(
      std::distance(fs::recursive_directory_iterator(folder), fs::recursive_directory_iterator()));
}

std::size_t occurrences(const std::string& text, const std::string& word) {
  std::size_t count = 0;
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++count;
  return count;
}

}  // namespace

TEST_CASE("install, doctor, uninstall in a fresh home: manifests where browsers read them, then nothing",
          "[install][cli]") {
  CliSession session;
  const auto install = session.run({"install"});
  INFO(install.out << install.err);
  REQUIRE(install.exit_code == 0);
  const std::string program = fs::canonical(SEED_ATTEST_BINARY).string();
  for (const char* relative : kUserManifests) {
    INFO(relative);
    const json manifest = json::parse(seed::test::read_file(session.home() / relative));
    CHECK(manifest["path"] == program);
    CHECK(manifest["name"] == "sg.techpass.seed_attest");
  }

  const auto doctor = session.run({"doctor", "--json"});
  INFO(doctor.out << doctor.err);
  CHECK(doctor.exit_code == 0);
  const json report = json::parse(doctor.out);
  CHECK(report["ok"] == true);
  CHECK(report["program"] == program);
  std::size_t answered = 0;
  for (const json& section : report["sections"]) {
    for (const json& finding : section["findings"]) {
      if (finding["status"] == "ok" &&
          finding["message"].get<std::string>().find("answers hello") != std::string::npos) {
        ++answered;
      }
    }
  }
  CHECK(answered == 6);

  const auto uninstall = session.run({"uninstall"});
  CHECK(uninstall.exit_code == 0);
  CHECK(entries_below(session.home()) == 0);
}

TEST_CASE("installing again changes nothing", "[install][cli]") {
  CliSession session;
  REQUIRE(session.run({"install"}).exit_code == 0);
  const auto again = session.run({"install"});
  CHECK(again.exit_code == 0);
  CHECK(occurrences(again.out, "unchanged") == 6);
  CHECK(occurrences(again.out, "wrote") == 0);
}

TEST_CASE("install --browser registers only the browsers named", "[install][cli]") {
  CliSession session;
  const auto install = session.run({"install", "--browser", "firefox", "chromium"});
  REQUIRE(install.exit_code == 0);
  CHECK(fs::exists(session.home() / kUserManifests[1]));
  CHECK(fs::exists(session.home() / kUserManifests[5]));
  CHECK_FALSE(fs::exists(session.home() / kUserManifests[0]));
  CHECK(session.run({"uninstall", "--browser", "chromium"}).exit_code == 0);
  CHECK_FALSE(fs::exists(session.home() / kUserManifests[1]));
  CHECK(fs::exists(session.home() / kUserManifests[5]));
}

TEST_CASE("the macOS dry run shows all six browsers' folders and writes nothing", "[install][cli]") {
  CliSession session;
  const auto run = session.run({"install", "--dry-run", "--platform", "macos"});
  CHECK(run.exit_code == 0);
  for (const char* folder : {"$HOME/Library/Application Support/Google/Chrome/NativeMessagingHosts/",
                             "$HOME/Library/Application Support/Chromium/NativeMessagingHosts/",
                             "$HOME/Library/Application Support/Microsoft Edge/NativeMessagingHosts/",
                             "$HOME/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts/",
                             "$HOME/Library/Application Support/Vivaldi/NativeMessagingHosts/",
                             "$HOME/Library/Application Support/Mozilla/NativeMessagingHosts/"}) {
    CHECK(run.out.find(folder) != std::string::npos);
  }
  const auto system = session.run({"install", "--system", "--dry-run", "--platform", "macos"});
  CHECK(system.out.find("/Library/Google/Chrome/NativeMessagingHosts/") != std::string::npos);
  CHECK(system.out.find("/Library/Microsoft/Edge/NativeMessagingHosts/") != std::string::npos);
  CHECK(entries_below(session.home()) == 0);
}

TEST_CASE("the Windows dry run shows the registry keys of all six browsers", "[install][cli]") {
  CliSession session;
  const auto run = session.run({"install", "--dry-run", "--platform", "windows"});
  CHECK(run.exit_code == 0);
  for (const char* key : {R"(HKCU\SOFTWARE\Google\Chrome\NativeMessagingHosts\sg.techpass.seed_attest)",
                          R"(HKCU\SOFTWARE\Chromium\NativeMessagingHosts\sg.techpass.seed_attest)",
                          R"(HKCU\SOFTWARE\Microsoft\Edge\NativeMessagingHosts\sg.techpass.seed_attest)",
                          R"(HKCU\SOFTWARE\Mozilla\NativeMessagingHosts\sg.techpass.seed_attest)"}) {
    CHECK(run.out.find(key) != std::string::npos);
  }
  CHECK(run.out.find("for Google Chrome, Brave, Vivaldi") != std::string::npos);
  const auto system = session.run({"install", "--system", "--dry-run", "--platform", "windows"});
  CHECK(system.out.find(R"(HKLM\SOFTWARE\WOW6432Node\Mozilla\NativeMessagingHosts\sg.techpass.seed_attest)") !=
        std::string::npos);
  CHECK(entries_below(session.home()) == 0);
}

TEST_CASE("this machine's dry run names this program and writes nothing", "[install][cli]") {
  CliSession session;
  const auto run = session.run({"install", "--dry-run"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find(fs::canonical(SEED_ATTEST_BINARY).string()) != std::string::npos);
  CHECK(run.out.find((session.home() / kUserManifests[5]).string()) != std::string::npos);
  CHECK(entries_below(session.home()) == 0);
}

TEST_CASE("bad install and uninstall arguments are usage errors", "[install][cli]") {
  CliSession session;
  const auto platform_alone = session.run({"install", "--platform", "macos"});
  CHECK(platform_alone.exit_code == 2);
  CHECK(platform_alone.err.find("--platform plans for another system and needs --dry-run") != std::string::npos);
  const auto opera = session.run({"install", "--browser", "opera"});
  CHECK(opera.exit_code == 2);
  CHECK(opera.err.find("unknown browser 'opera'") != std::string::npos);
  CHECK(session.run({"install", "--dry-run", "--platform", "beos"}).exit_code == 2);
  CHECK(session.run({"uninstall", "--dry-run"}).exit_code == 2);
  CHECK(session.run({"doctor", "--verbose"}).exit_code == 2);
  CHECK(entries_below(session.home()) == 0);
}

TEST_CASE("uninstall when nothing is installed says so and succeeds", "[install][cli]") {
  CliSession session;
  const auto run = session.run({"uninstall"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("Nothing to remove") != std::string::npos);
}

TEST_CASE("a command followed by --help or -h prints its usage, exits 0 and changes nothing", "[install][cli]") {
  CliSession session;
  for (const char* command : {"install", "uninstall", "doctor", "status", "explain", "verify"}) {
    for (const char* option : {"--help", "-h"}) {
      INFO(command << " " << option);
      const auto run = session.run({command, "--browser", "chrome", option});
      CHECK(run.exit_code == 0);
      CHECK(run.out.rfind(std::string("Usage: seed-attest ") + command, 0) == 0);
      CHECK(run.err.empty());
    }
  }
  CHECK(entries_below(session.home()) == 0);
}
