#include <filesystem>
#include <system_error>

#include "install/install_error.hpp"
#include "install/program_location.hpp"

namespace seed::install {

std::string this_program() {
  std::error_code error;
  const auto path = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) throw InstallError("cannot find this program's path: " + error.message());
  return path.string();
}

}  // namespace seed::install
