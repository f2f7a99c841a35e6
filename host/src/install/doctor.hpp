#pragma once

#include <chrono>

#include "install/browser.hpp"
#include "install/doctor_report.hpp"
#include "install/environment.hpp"
#include "install/policy_summary.hpp"

// `seed-attest doctor`: every link from each browser to the host, checked where the browser
// itself would look, with the fix for anything broken.
namespace seed::install {

struct DoctorOptions {
  Platform platform = host_platform();
  Environment env;
  PolicySummary policy;
  std::chrono::milliseconds handshake_timeout{5000};
};

DoctorReport run_doctor(const DoctorOptions& options);

}  // namespace seed::install
