#pragma once

#include <string>
#include <variant>
#include <vector>

#include "install/browser.hpp"
#include "install/environment.hpp"
#include "install/locations.hpp"

// Planning an install: a pure function from (platform, scope, browsers, environment, program,
// policy callers) to the files and registry values to write. Carrying it out is executor.hpp's job.
namespace seed::install {

struct WriteFile {
  std::string path;
  std::string contents;
};

// The default value of a registry key, holding the path of a manifest file.
struct SetRegistryValue {
  RegistryEntry entry;
  std::string value;
};

struct Action {
  std::variant<WriteFile, SetRegistryValue> change;
  std::vector<Browser> browsers;  // the requested browsers this change serves
};

struct PlanRequest {
  Platform platform = Platform::linux;
  Scope scope = Scope::user;
  std::vector<Browser> browsers;  // empty: every supported browser
  Environment env;
  std::string program;                       // absolute path of the host the manifests name
  std::vector<std::string> allowed_callers;  // the policy's extra callers
};

struct Plan {
  Platform platform = Platform::linux;
  Scope scope = Scope::user;
  std::string program;
  std::vector<Browser> browsers;
  std::vector<Action> actions;                // each file and registry value once, in browser order
  std::string receipt_path;                   // install also records what it wrote here
  std::vector<std::string> rejected_callers;  // policy entries that fit no manifest
};

// Throws InstallError when the request cannot be planned (e.g. a relative program path).
Plan plan_install(const PlanRequest& request);

// The manifest files and registry values of `action`, as a person would name them.
std::string describe_target(const Action& action);

}  // namespace seed::install
