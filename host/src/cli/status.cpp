#include <cstdio>

#include "attestation/assess.hpp"
#include "cli/arguments.hpp"
#include "cli/status_text.hpp"
#include "cli/subcommands.hpp"

namespace seed::cli {

// Exit 0 with the answer, or 1 when the device could not be classified (device_class unknown
// because the policy or a probe failed).
int run_status(const Arguments& args) {
  ArgumentReader reader(args);
  const bool as_json = reader.flag("--json");
  const auto policy = reader.value("--policy");
  reader.finish();

  const attestation::Report report = attestation::assess_device(policy);
  if (as_json) {
    const std::string text =
        attestation::to_status_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::printf("%s\n", text.c_str());
  } else {
    std::fputs(status_text(report).c_str(), stdout);
  }
  return report.error ? kExitNegative : kExitOk;
}

}  // namespace seed::cli
