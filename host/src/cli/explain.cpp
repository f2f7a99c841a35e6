#include <cstdio>

#include "attestation/assess.hpp"
#include "cli/arguments.hpp"
#include "cli/status_text.hpp"
#include "cli/subcommands.hpp"

namespace seed::cli {

int run_explain(const Arguments& args) {
  ArgumentReader reader(args);
  const auto policy = reader.value("--policy");
  reader.finish();

  const attestation::Report report = attestation::assess_device(policy);
  std::fputs(explain_text(report).c_str(), stdout);
  return report.error ? kExitNegative : kExitOk;
}

}  // namespace seed::cli
