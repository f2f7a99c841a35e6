#include "attestation/assess.hpp"

#include "attestation/classification.hpp"
#include "attestation/detail.hpp"
#include "attestation/probes/run_probe.hpp"
#include "attestation/readiness.hpp"

namespace seed::attestation {
namespace {

using std::chrono::milliseconds;

PolicyInfo policy_info(const policy::PolicyOrigin& origin) {
  return PolicyInfo{policy::source_name(origin.source), origin.path, origin.sha256};
}

std::string describe_policy(const PolicyInfo& info) {
  std::string text = "policy: " + info.source;
  if (!info.path.empty()) text += " " + info.path;
  return text + (info.sha256.empty() ? "" : " (sha256 " + info.sha256 + ")");
}

const policy::CertificateProbe* certificate_probe(const policy::Policy& policy, const std::string& id) {
  for (const auto& probe : policy.probes) {
    if (probe.id == id) return std::get_if<policy::CertificateProbe>(&probe.spec);
  }
  return nullptr;
}

}  // namespace

Report assess(const policy::LoadedPolicy& loaded, const AssessOptions& options) {
  const auto began = Clock::now();
  Report report;
  report.checked_at = std::chrono::system_clock::now();
  report.policy = policy_info(loaded.origin);
  report.trace.push_back(describe_policy(report.policy));

  if (!loaded.policy) {
    report.device_class = "unknown";
    report.decided_by = "default";
    report.error = loaded.error;
    report.trace.push_back("verdict: unknown, because " + loaded.error);
  } else {
    const policy::Policy& policy = *loaded.policy;
    const ProbeRunner runner = options.runner ? options.runner : ProbeRunner(run_probe);
    const auto outcomes = run_probes(policy, runner, options.facts ? options.facts : make_live_facts(process_names_in(policy)),
                                     options.limits, options.stop);
    ProbeResults results;
    for (std::size_t i = 0; i < policy.probes.size(); ++i) {
      const policy::Probe& probe = policy.probes[i];
      ProbeResult result = outcomes[i].result;
      result.detail = bounded_text(result.detail);
      report.evidence.push_back(Evidence{probe.id, policy::kind_name(probe.spec), result.outcome, result.detail});
      report.trace.push_back("probe " + probe.id + " (" + policy::kind_name(probe.spec) + "): " +
                             outcome_name(result.outcome) + ", " + result.detail + " [" +
                             std::to_string(outcomes[i].elapsed.count()) + " ms]");
      results.emplace(probe.id, std::move(result));
    }

    Classification classification = classify(policy, results);
    report.device_class = classification.device_class;
    report.decided_by = classification.decided_by;
    report.error = classification.error;
    if (classification.signer) {
      if (const auto* signer = certificate_probe(policy, *classification.signer)) {
        report.signer = *signer;
        report.signer_probe = *classification.signer;
      }
    }
    report.trace.insert(report.trace.end(), classification.trace.begin(), classification.trace.end());

    report.readiness = check_readiness(policy, results);
    for (const auto& check : report.readiness) {
      report.trace.push_back("readiness " + check.check + " (" + check.title + "): " + (check.ok ? "ok" : "not ok") +
                             ", " + check.detail);
    }
  }
  report.duration_ms = std::chrono::duration_cast<milliseconds>(Clock::now() - began).count();
  return report;
}

Report assess_device(const std::optional<std::string>& policy_option, std::stop_token stop) {
  const auto began = Clock::now();
  const policy::LoadedPolicy loaded = policy::load_policy(policy::default_locations(policy_option));
  AssessOptions options;
  options.stop = std::move(stop);
  Report report = assess(loaded, options);
  report.duration_ms = std::chrono::duration_cast<milliseconds>(Clock::now() - began).count();
  return report;
}

}  // namespace seed::attestation
