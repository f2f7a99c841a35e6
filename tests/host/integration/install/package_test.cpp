// The Debian package: built with cpack, its file list and manifests checked; and, as root when
// SEED_ATTEST_PACKAGE_TESTS=1 (.ci/run), installed with dpkg -i, checked with doctor and removed
// with dpkg -r, which must leave nothing behind. Installing changes /etc and /usr, so CMake runs
// these alone; without root or the variable the install test exits 77 (skipped).
#include <unistd.h>

#include <boost/process.hpp>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/files.hpp"
#include "support/test_pki.hpp"

namespace bp = boost::process;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Ran {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

Ran run(const std::string& program, const std::vector<std::string>& args,
        const bp::environment& env = boost::this_process::environment()) {
  bp::ipstream output;
  bp::child child(bp::exe = program, bp::args = args, (bp::std_out & bp::std_err) > output, bp::std_in < bp::null,
                  bp::env = env);
  Ran ran;
  std::ostringstream text;
  text << output.rdbuf();
  child.wait();
  ran.exit_code = child.exit_code();
  ran.output = text.str();
  return ran;
}

std::string tool(const char* name) { return bp::search_path(name).string(); }

// Builds the package into `folder` and returns its path.
fs::path build_package(const fs::path& folder) {
  const Ran cpack = run(SEED_ATTEST_CPACK,
                        {"-G", "DEB", "--config", SEED_ATTEST_BINARY_DIR "/CPackConfig.cmake", "-B", folder.string()});
  INFO(cpack.output);
  REQUIRE(cpack.exit_code == 0);
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".deb") return entry.path();
  }
  FAIL("cpack made no .deb");
  return {};
}

// The paths in the package, without the leading "." ("/usr/bin/seed-attest").
std::set<std::string> package_paths(const fs::path& package) {
  const Ran listing = run(tool("dpkg-deb"), {"--contents", package.string()});
  REQUIRE(listing.exit_code == 0);
  std::set<std::string> paths;
  std::istringstream lines(listing.output);
  for (std::string line; std::getline(lines, line);) {
    auto at = line.find(" ./");
    if (at == std::string::npos) continue;
    std::string path = line.substr(at + 2);
    if (const auto arrow = path.find(" -> "); arrow != std::string::npos) path.resize(arrow);
    if (path.size() > 1 && path.back() == '/') path.pop_back();
    paths.insert(path);
  }
  return paths;
}

const char* const kManifests[] = {
    "/etc/opt/chrome/native-messaging-hosts/sg.techpass.seed_attest.json",
    "/etc/chromium/native-messaging-hosts/sg.techpass.seed_attest.json",
    "/etc/opt/edge/native-messaging-hosts/sg.techpass.seed_attest.json",
    "/etc/vivaldi/native-messaging-hosts/sg.techpass.seed_attest.json",
    "/etc/opt/vivaldi/native-messaging-hosts/sg.techpass.seed_attest.json",
    "/usr/lib/mozilla/native-messaging-hosts/sg.techpass.seed_attest.json",
};

}  // namespace

TEST_CASE("the .deb holds the program, its symlink, the system manifests and the examples", "[deb-contents]") {
  seed::test::TemporaryDirectory folder;
  const fs::path package = build_package(folder.path());
  const std::set<std::string> paths = package_paths(package);
  for (const char* expected :
       {"/usr/lib/seed-attest/seed-attest", "/usr/bin/seed-attest",
        "/usr/share/doc/seed-attest/examples/enterprise/chromium/seed-attest-force-install.json",
        "/usr/share/doc/seed-attest/examples/enterprise/chromium/seed-attest-native-messaging.json",
        "/usr/share/doc/seed-attest/examples/enterprise/chromium/seed-attest-enforce-mode.json"}) {
    CHECK(paths.count(expected) == 1);
  }
  for (const char* manifest : kManifests) CHECK(paths.count(manifest) == 1);
  for (const std::string& path : paths) {
    INFO(path);  // nothing outside the folders a package of ours may own
    CHECK((path.starts_with("/usr/lib/seed-attest") || path == "/usr/bin/seed-attest" ||
           path.starts_with("/usr/share/doc/seed-attest") || path.find("native-messaging-hosts") != std::string::npos ||
           path == "/etc" || path == "/etc/opt" || path == "/etc/opt/chrome" || path == "/etc/opt/edge" ||
           path == "/etc/opt/vivaldi" || path == "/etc/chromium" || path == "/etc/vivaldi" || path == "/usr" ||
           path == "/usr/bin" || path == "/usr/lib" || path == "/usr/lib/mozilla" || path == "/usr/share" ||
           path == "/usr/share/doc"));
  }
  const Ran symlink = run(tool("dpkg-deb"), {"--contents", package.string()});
  CHECK(symlink.output.find("./usr/bin/seed-attest -> ../lib/seed-attest/seed-attest") != std::string::npos);

  const fs::path unpacked = folder.path() / "unpacked";
  REQUIRE(run(tool("dpkg-deb"), {"--extract", package.string(), unpacked.string()}).exit_code == 0);
  for (const char* manifest : kManifests) {
    INFO(manifest);
    const json document = json::parse(seed::test::read_file(unpacked / fs::path(manifest).relative_path()));
    CHECK(document["path"] == "/usr/lib/seed-attest/seed-attest");
    CHECK(document["name"] == "sg.techpass.seed_attest");
    CHECK(document.contains(fs::path(manifest).string().starts_with("/usr/lib/mozilla") ? "allowed_extensions"
                                                                                        : "allowed_origins"));
  }
  const Ran fields = run(tool("dpkg-deb"), {"--field", package.string(), "Package", "Architecture"});
  CHECK(fields.output.find("Package: seed-attest") != std::string::npos);
  CHECK(fields.output.find("Architecture: " + run(tool("dpkg"), {"--print-architecture"}).output) != std::string::npos);
}

TEST_CASE("dpkg -i, then doctor is clean for the system-wide manifests; dpkg -r leaves nothing", "[deb-install]") {
  const char* enabled = std::getenv("SEED_ATTEST_PACKAGE_TESTS");
  if (::geteuid() != 0 || enabled == nullptr || std::string(enabled) != "1") {
    std::fputs("skipped: needs root and SEED_ATTEST_PACKAGE_TESTS=1\n", stderr);
    std::exit(77);
  }
  REQUIRE(run(tool("dpkg-query"), {"--status", "seed-attest"}).exit_code != 0);  // not installed before
  seed::test::TemporaryDirectory folder;
  const fs::path package = build_package(folder.path());
  const std::set<std::string> paths = package_paths(package);
  std::set<std::string> existed_before;
  // dpkg removes an empty directory of the package that no other package owns, also when it was
  // there before (an empty /etc/opt left by an image, say): only such a directory may go.
  std::set<std::string> may_go;
  for (const std::string& path : paths) {
    if (!fs::exists(fs::symlink_status(path))) continue;
    existed_before.insert(path);
    if (fs::is_directory(fs::symlink_status(path)) && fs::is_empty(path) &&
        run(tool("dpkg-query"), {"--search", path}).exit_code != 0) {
      may_go.insert(path);
    }
  }

  struct RemoveAtEnd {
    ~RemoveAtEnd() { run(bp::search_path("dpkg").string(), {"--remove", "seed-attest"}); }
  } remove_at_end;
  const Ran installed = run(tool("dpkg"), {"--install", package.string()});
  INFO(installed.output);
  REQUIRE(installed.exit_code == 0);

  // A user with no per-user registration: doctor checks the package's system-wide manifests.
  bp::environment env = boost::this_process::environment();
  env["HOME"] = (folder.path() / "home").string();
  env["XDG_CONFIG_HOME"] = (folder.path() / "home/.config").string();
  env["CHROME_CONFIG_HOME"] = (folder.path() / "home/.config").string();
  fs::create_directories(folder.path() / "home");
  const Ran doctor = run("/usr/bin/seed-attest", {"doctor", "--json"}, env);
  INFO(doctor.output);
  CHECK(doctor.exit_code == 0);
  const json report = json::parse(doctor.output);
  CHECK(report["ok"] == true);
  std::size_t answered = 0;
  for (const json& section : report["sections"]) {
    for (const json& finding : section["findings"]) {
      if (finding["status"] == "ok" &&
          finding["message"].get<std::string>().find("answers hello") != std::string::npos) {
        CHECK(finding["subject"].get<std::string>().find("/home/") == std::string::npos);
        ++answered;
      }
    }
  }
  CHECK(answered >= 6);

  // An administrator who also ran install --system (e.g. for a policy's allowed_callers) leaves a
  // record in /var/lib/seed-attest; the package's prerm uninstalls it.
  const Ran system_install = run("/usr/bin/seed-attest", {"install", "--system"}, env);
  INFO(system_install.output);
  CHECK(system_install.exit_code == 0);
  CHECK(system_install.output.find("unchanged") != std::string::npos);
  CHECK(fs::exists("/var/lib/seed-attest/install-receipt.json"));

  const Ran removed = run(tool("dpkg"), {"--remove", "seed-attest"});
  INFO(removed.output);
  REQUIRE(removed.exit_code == 0);
  for (const std::string& path : paths) {
    INFO(path);
    if (may_go.count(path) == 0) CHECK(fs::exists(fs::symlink_status(path)) == (existed_before.count(path) == 1));
  }
  CHECK_FALSE(fs::exists("/var/lib/seed-attest"));
}
