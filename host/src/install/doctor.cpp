#include "install/doctor.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/identity.hpp"
#include "install/host_handshake.hpp"
#include "install/locations.hpp"
#include "install/managed_policy.hpp"
#include "install/manifest.hpp"
#include "install/manifest_check.hpp"
#include "install/registry.hpp"
#include "seed_attest/version.hpp"

namespace fs = std::filesystem;

namespace seed::install {
namespace {

bool exists(const std::string& path) {
  std::error_code error;
  return fs::exists(path, error);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string install_command(Browser browser, Scope scope) {
  return std::string(scope == Scope::system ? "sudo seed-attest install --system" : "seed-attest install") +
         " --browser " + std::string(key(browser));
}

// Where the manifest of `place` is: the file itself, or on Windows what its registry key points to.
std::optional<std::string> registered_manifest(const ManifestPlace& place) {
  if (place.registry.empty()) return exists(place.manifest_path) ? std::optional(place.manifest_path) : std::nullopt;
  for (const RegistryEntry& entry : place.registry) {
    if (auto value = read_registry_default(entry)) return value;
  }
  return std::nullopt;
}

// Folders on the way to `program` that other users cannot enter, or the program itself.
std::optional<std::string> closed_to_others(const std::string& program) {
  for (fs::path step = program; !step.empty() && step != step.parent_path(); step = step.parent_path()) {
    struct stat info {};
    if (::stat(step.c_str(), &info) == 0 && (info.st_mode & S_IXOTH) == 0) return step.string();
  }
  return std::nullopt;
}

// What the extension is told when the browser cannot run `program`.
std::string start_failure(Browser browser, const std::string& program) {
  if (browser == Browser::firefox) {
    return "Firefox reports \"File at path " + program + " does not exist, or is not executable\"";
  }
  return "the extension sees \"Error when communicating with the native messaging host.\" or \"Failed to start "
         "native messaging host.\"";
}

void check_program(Browser browser, const ManifestPlace& place, const std::string& manifest_path,
                   const std::string& program, const DoctorOptions& options, std::vector<Finding>& findings) {
  const std::string fix = "run seed-attest install again with the seed-attest browsers should start (" +
                          install_command(browser, place.scope) + ")";
  std::error_code error;
  if (!fs::exists(program, error)) {
    findings.push_back({Status::problem, manifest_path,
                        "names the program " + program + ", which does not exist; " + start_failure(browser, program),
                        fix});
    return;
  }
  if (!fs::is_regular_file(program, error) || ::access(program.c_str(), X_OK) != 0) {
    findings.push_back(
        {Status::problem, manifest_path,
         "names the program " + program + ", which is not an executable file; " + start_failure(browser, program),
         "chmod 755 " + program + ", or " + fix});
    return;
  }
  if (place.scope == Scope::system && options.platform != Platform::windows) {
    if (const auto closed = closed_to_others(program)) {
      findings.push_back(
          {Status::warning, manifest_path,
           "is system-wide, but other users cannot run " + program + " (" + *closed + " is closed to them)",
           "install seed-attest where every user can run it (the Debian package uses /usr/lib/seed-attest)"});
    }
  }
  const Handshake handshake =
      say_hello(browser_launch(flavour(browser), program, manifest_path), options.handshake_timeout);
  if (!handshake.answered) {
    findings.push_back(
        {Status::problem, manifest_path,
         program + " does not work when started as " + std::string(display_name(browser)) +
             " starts it: " + handshake.failure +
             (browser == Browser::firefox
                  ? std::string("; the connection fails at once")
                  : std::string("; the extension sees \"Error when communicating with the native messaging "
                                "host.\" or \"Native host has exited.\"")),
         fix});
    return;
  }
  findings.push_back({Status::ok, manifest_path,
                      "valid; " + program + " answers hello when started as " + std::string(display_name(browser)) +
                          " starts it (version " + handshake.host_version + ", " +
                          std::to_string(handshake.elapsed.count()) + " ms)",
                      ""});
  if (handshake.host_version != kHostVersion) {
    findings.push_back({Status::warning, manifest_path,
                        "names seed-attest " + handshake.host_version + ", not this version (" + kHostVersion + ")",
                        install_command(browser, place.scope)});
  }
}

void check_installation(Browser browser, const DoctorOptions& options, Section& section, bool& installed) {
  for (const std::string& marker : installation_markers(options.platform, browser, options.env)) {
    if (exists(marker)) {
      section.findings.push_back({Status::ok, marker, "installed", ""});
      installed = true;
      break;
    }
  }
  const Confinement confined = confinement(browser);
  const std::string name(display_name(browser));
  const std::string advice =
      browser == Browser::firefox
          ? "Firefox from Snap reaches native hosts only through the desktop's WebExtensions portal "
            "(xdg-desktop-portal), which starts the host without naming the add-on; keep \"require_caller\" off in the "
            "policy, or use firefox-esr from apt"
          : "use " + name +
                " from a regular package (.deb) instead; confined, it cannot start programs outside its sandbox";
  if (options.platform == Platform::linux && confined.snap) {
    const std::string snap = options.env.expand("/snap/" + std::string(*confined.snap));
    if (exists(snap)) {
      section.findings.push_back({Status::warning, snap, name + " is installed from Snap and runs confined", advice});
      installed = true;
    }
  }
  if (options.platform == Platform::linux && confined.flatpak) {
    for (const std::string& root :
         {options.env.expand("/var/lib/flatpak/app/"), options.env.expand("${DATA}/flatpak/app/")}) {
      const std::string app = root + std::string(*confined.flatpak);
      if (exists(app)) {
        section.findings.push_back({Status::warning, app,
                                    name + " is installed from Flatpak, whose sandbox does not start native hosts",
                                    "use " + name + " from a regular package (.deb) instead"});
        installed = true;
      }
    }
  }
  if (!installed) section.findings.push_back({Status::info, "", "not installed", ""});
}

Section check_browser(Browser browser, const DoctorOptions& options) {
  Section section{std::string(key(browser)), std::string(display_name(browser)), {}};
  bool installed = false;
  check_installation(browser, options, section, installed);

  const NativeMessagingPolicy policy =
      read_managed_policies(managed_policy_directories(options.platform, browser, options.env));
  for (const std::string& unreadable : policy.unreadable) {
    section.findings.push_back(
        {Status::warning, "", "managed policy file ignored: " + unreadable, "correct or remove it"});
  }
  if (const auto reason = blocking_reason(policy, identity::kHostName)) {
    std::string files;
    for (const std::string& file : policy.files) files += (files.empty() ? "" : ", ") + file;
    section.findings.push_back(
        {Status::problem, files,
         "a managed policy blocks our host: " + *reason +
             "; the extension sees \"Access to the specified native messaging host is forbidden.\"",
         "ask your administrator to add \"" + std::string(identity::kHostName) +
             "\" to NativeMessagingAllowlist (example: /usr/share/doc/seed-attest/examples/enterprise/chromium/)"});
  }
  const bool user_level_allowed = policy.user_level_hosts.value_or(true);

  // The first manifest found is the one the browser uses; where a browser has two candidate
  // folders in one scope (Vivaldi's undocumented system folder), both are checked.
  std::optional<std::string> used;
  std::optional<Scope> used_scope;
  bool ignored_user_manifest = false;
  for (const ManifestPlace& place : reading_order(options.platform, browser, options.env)) {
    if (place.scope == Scope::user && options.env.home.empty()) continue;  // reported once, in run_doctor
    const auto manifest = registered_manifest(place);
    const std::string where = place.registry.empty() ? place.manifest_path : place.registry.front().display();
    if (!manifest) {
      section.findings.push_back({Status::info, where, "no manifest here", ""});
      continue;
    }
    if (place.scope == Scope::user && !user_level_allowed) {
      section.findings.push_back(
          {Status::info, *manifest, "ignored: the managed policy NativeMessagingUserLevelHosts is false", ""});
      ignored_user_manifest = true;
      continue;
    }
    if (used && used_scope != place.scope) {
      section.findings.push_back({Status::info, *manifest, "present but not used: " + *used + " comes first", ""});
      continue;
    }
    if (!used) {
      used = *manifest;
      used_scope = place.scope;
    }
    const auto callers = split_callers(options.policy.allowed_callers);
    const ManifestCheck check =
        check_manifest_text(options.platform, flavour(browser), read_text(*manifest),
                            flavour(browser) == Flavour::firefox ? callers.firefox : callers.chromium,
                            install_command(browser, place.scope));
    bool broken = false;
    for (Finding finding : check.findings) {
      finding.subject = *manifest;
      broken = broken || finding.status == Status::problem;
      section.findings.push_back(finding);
    }
    if (!broken && check.program) {
      std::string program = *check.program;
      if (options.platform == Platform::windows && !fs::path(program).is_absolute()) {
        program = (fs::path(*manifest).parent_path() / program).string();
      }
      check_program(browser, place, *manifest, program, options, section.findings);
    }
  }
  if (!used) {
    if (ignored_user_manifest) {
      section.findings.push_back(
          {Status::problem, "",
           "only a per-user manifest exists, and the managed policy NativeMessagingUserLevelHosts makes " +
               std::string(display_name(browser)) + " ignore it",
           install_command(browser, Scope::system)});
    } else if (installed) {
      section.findings.push_back({Status::problem, "",
                                  "no manifest where " + std::string(display_name(browser)) +
                                      " looks; the extension sees \"Specified native messaging host not found.\"",
                                  install_command(browser, Scope::user) +
                                      "   (or, for every user: " + install_command(browser, Scope::system) + ")"});
    }
  }
  return section;
}

Section check_policy(const PolicySummary& policy) {
  Section section{"policy", "Policy", {}};
  const std::string where = policy.path.empty() ? "embedded default" : policy.path;
  if (policy.error) {
    section.findings.push_back(
        {Status::problem, where, *policy.error + "; every device check reports \"unknown\"",
         "correct the policy (docs/POLICY.md) or remove it; seed-attest status shows the same error"});
    return section;
  }
  section.findings.push_back(
      {Status::ok, where, "the " + policy.source + " policy is valid (sha256 " + policy.sha256.substr(0, 16) + "...)",
       ""});
  for (const std::string& caller : policy.allowed_callers) {
    section.findings.push_back({Status::info, where, "also allows the caller " + caller, ""});
  }
  return section;
}

}  // namespace

DoctorReport run_doctor(const DoctorOptions& options) {
  DoctorReport report;
  if (options.env.home.empty()) {
    report.sections.push_back({"environment",
                               "Environment",
                               {{Status::warning, "HOME", "is not set, so per-user manifests were not checked",
                                 "run doctor as the user whose browsers should reach the host"}}});
  }
  for (const Browser browser : kAllBrowsers) report.sections.push_back(check_browser(browser, options));
  report.sections.push_back(check_policy(options.policy));
  return report;
}

}  // namespace seed::install
