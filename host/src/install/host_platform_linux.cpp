#include "install/browser.hpp"

namespace seed::install {

Platform host_platform() { return Platform::linux; }

}  // namespace seed::install
