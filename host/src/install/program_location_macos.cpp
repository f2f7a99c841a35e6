#include <mach-o/dyld.h>

#include <climits>
#include <cstdlib>
#include <string>
#include <vector>

#include "install/install_error.hpp"
#include "install/program_location.hpp"

namespace seed::install {

std::string this_program() {
  std::uint32_t size = 0;
  _NSGetExecutablePath(nullptr, &size);
  std::vector<char> path(size + 1, '\0');
  if (_NSGetExecutablePath(path.data(), &size) != 0) throw InstallError("cannot find this program's path");
  char resolved[PATH_MAX];
  if (realpath(path.data(), resolved) == nullptr) throw InstallError("cannot resolve this program's path");
  return resolved;
}

}  // namespace seed::install
