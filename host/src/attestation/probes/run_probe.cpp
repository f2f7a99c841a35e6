#include "attestation/probes/run_probe.hpp"

#include <type_traits>

#include "attestation/probes/command_probe.hpp"
#include "attestation/probes/device_certificate_probe.hpp"
#include "attestation/probes/file_probe.hpp"
#include "attestation/probes/os_probe.hpp"
#include "attestation/probes/process_probe.hpp"

namespace seed::attestation {

ProbeResult run_probe(const policy::Probe& probe, const ProbeContext& context) {
  try {
    return std::visit(
        [&](const auto& spec) -> ProbeResult {
          using Kind = std::decay_t<decltype(spec)>;
          if constexpr (std::is_same_v<Kind, policy::FileProbe>) return run_file_probe(spec);
          if constexpr (std::is_same_v<Kind, policy::CommandProbe>) {
            return run_command_probe(spec, context.deadline, context.stop);
          }
          if constexpr (std::is_same_v<Kind, policy::ProcessProbe>) return run_process_probe(spec, context.facts);
          if constexpr (std::is_same_v<Kind, policy::OsProbe>) return run_os_probe(spec, context.facts);
          if constexpr (std::is_same_v<Kind, policy::CertificateProbe>) return run_device_certificate_probe(spec);
        },
        probe.spec);
  } catch (const std::exception& failure) {
    return {Outcome::error, std::string("the probe failed: ") + failure.what()};
  } catch (...) {
    return {Outcome::error, "the probe failed"};
  }
}

}  // namespace seed::attestation
