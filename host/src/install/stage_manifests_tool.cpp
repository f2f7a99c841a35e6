// Build tool for the Debian package: writes the Linux system-wide manifests that
// `seed-attest install --system` would write, below a staging folder, for the program at its
// packaged path. The package then ships exactly what install writes.
//
//   seed-attest-stage-manifests STAGING_FOLDER
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string_view>
#include <vector>

#include "install/file_system.hpp"
#include "install/locations.hpp"
#include "install/plan.hpp"

int main(int argc, char** argv) {
  using namespace seed::install;
  constexpr const char* kUsage =
      "usage: seed-attest-stage-manifests STAGING_FOLDER\n"
      "Writes the system-wide browser manifests of the package below STAGING_FOLDER.\n";
  const std::string_view folder = argc == 2 ? argv[1] : "";
  if (folder == "--help" || folder == "-h") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  // An option is never taken for the folder: the manifests would land in a folder named like it.
  if (argc != 2 || folder.empty() || folder.starts_with('-')) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  try {
    Environment env;
    env.system_root = argv[1];
    const Plan plan = plan_install({Platform::linux, Scope::system, {}, env, packaged_program(Platform::linux), {}});
    std::vector<std::string> created;
    for (const Action& action : plan.actions) {
      const auto& file = std::get<WriteFile>(action.change);
      create_directories(std::filesystem::path(file.path).parent_path().string(), created);
      write_file(file.path, file.contents);
      std::printf("%s\n", file.path.c_str());
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "seed-attest-stage-manifests: %s\n", error.what());
    return 1;
  }
  return 0;
}
