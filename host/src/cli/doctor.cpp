#include "install/doctor.hpp"

#include <cstdio>

#include "cli/arguments.hpp"
#include "cli/subcommands.hpp"
#include "common/identity.hpp"
#include "install/program_location.hpp"
#include "seed_attest/version.hpp"

namespace seed::cli {

// seed-attest doctor [--json]: exit 1 when anything is wrong.
int run_doctor(const Arguments& args) {
  ArgumentReader reader(args);
  const bool json = reader.flag("--json");
  reader.finish();

  install::DoctorOptions options;
  options.env = install::Environment::from_process();
  options.policy = install::current_policy();
  const install::DoctorReport report = install::run_doctor(options);
  if (json) {
    nlohmann::json document = install::report_to_json(report);
    document["version"] = kHostVersion;
    document["program"] = install::this_program();
    std::puts(document.dump(2).c_str());
  } else {
    std::printf("seed-attest %s doctor: checking every link from each browser to the host %s\n\n", kHostVersion,
                std::string(identity::kHostName).c_str());
    std::fputs(install::render_report(report).c_str(), stdout);
  }
  return report.count(install::Status::problem) == 0 ? kExitOk : kExitNegative;
}

}  // namespace seed::cli
