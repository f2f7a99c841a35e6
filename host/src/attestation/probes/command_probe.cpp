#include "attestation/probes/command_probe.hpp"

#include "attestation/probes/regex_match.hpp"
#include "process/run_command.hpp"

namespace seed::attestation {
namespace {

using std::chrono::milliseconds;

std::string ms(milliseconds duration) { return std::to_string(duration.count()) + " ms"; }

ProbeResult judge_exit(const policy::CommandProbe& probe, const process::CommandResult& run) {
  const std::string status = "exited with status " + std::to_string(run.exit_code);
  if (probe.exit_code && run.exit_code != *probe.exit_code) {
    return {Outcome::no_match, status + ", not " + std::to_string(*probe.exit_code)};
  }
  if (!probe.exit_code && run.exit_code != 0) return {Outcome::error, "failed: " + status};
  if (!probe.match) return {Outcome::match, status};
  ProbeResult result = match_regex(*probe.match, run.out, "output");
  if (result.outcome == Outcome::error) return result;
  result.detail = status + "; " + result.detail + (run.out_truncated ? " (first 64 KiB)" : "");
  return result;
}

}  // namespace

ProbeResult run_command_probe(const policy::CommandProbe& probe, Deadline deadline, std::stop_token stop) {
  const auto own_timeout = milliseconds{probe.timeout_ms};
  const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
  if (left <= milliseconds{0}) return {Outcome::error, "not run: the time budget was spent"};
  const bool budget_is_shorter = left < own_timeout;

  process::CommandLimits limits;
  limits.timeout = budget_is_shorter ? left : own_timeout;
  const process::CommandResult run = process::run_command(probe.argv, limits, std::move(stop));
  switch (run.status) {
    case process::CommandStatus::failed_to_start: return {Outcome::error, "could not start: " + run.failure};
    case process::CommandStatus::timed_out:
      return {Outcome::error, budget_is_shorter ? "stopped after " + ms(limits.timeout) + ", when the time budget ran out"
                                                : "timed out after " + ms(own_timeout)};
    case process::CommandStatus::cancelled: return {Outcome::error, "stopped before it finished"};
    case process::CommandStatus::signalled:
      return {Outcome::error, "ended by signal " + std::to_string(run.signal)};
    case process::CommandStatus::exited: break;
  }
  return judge_exit(probe, run);
}

}  // namespace seed::attestation
