#pragma once

#include <chrono>
#include <string>

namespace seed {

// RFC 3339 in UTC with whole seconds, e.g. 2026-11-27T23:15:01Z.
std::string rfc3339_utc(std::chrono::system_clock::time_point when);

}  // namespace seed
