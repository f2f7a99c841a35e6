#include "attestation/evaluator.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <thread>

#include "crypto/loader.hpp"

namespace seed::attestation {
namespace {

using std::chrono::milliseconds;

// How long workers get to wind down after a stop before they are left behind.
constexpr milliseconds kStopGrace{200};

// Shared by the evaluation and its workers; a worker left behind keeps it alive.
struct Run {
  std::vector<policy::Probe> probes;  // the ones to run: those that may block first, then the rest
  std::size_t blocking = 0;           // how many of them may block
  ProbeRunner runner;
  std::shared_ptr<SystemFacts> facts;
  Deadline deadline;
  std::stop_source stop;

  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next_blocking = 0;     // in [0, blocking)
  std::size_t next_quick = 0;        // in [blocking, probes.size())
  std::size_t finished = 0;
  std::vector<std::optional<ProbeOutcome>> outcomes;
  std::vector<bool> started;
  std::vector<bool> worker_done;
  // Set when the budget is spent or the evaluation is stopped: what a probe that had not
  // finished by then is reported as, whatever it returns afterwards.
  std::optional<std::string> cutoff;
};

// The next probe for a worker, or none. Worker 0 runs the quick probes one after another, then
// helps with the others; every other worker takes only probes that may block.
std::optional<std::size_t> take_next(Run& run, std::size_t worker) {
  if (run.stop.stop_requested()) return std::nullopt;
  if (worker == 0 && run.next_quick < run.probes.size() - run.blocking) return run.blocking + run.next_quick++;
  if (run.next_blocking < run.blocking) return run.next_blocking++;
  return std::nullopt;
}

void work(const std::shared_ptr<Run>& run, std::size_t worker) {
  for (;;) {
    std::size_t index = 0;
    {
      const std::lock_guard lock(run->mutex);
      const auto next = take_next(*run, worker);
      if (!next) break;
      index = *next;
      run->started[index] = true;
    }
    const auto began = Clock::now();
    ProbeResult result;
    try {
      result = run->runner(run->probes[index], ProbeContext{*run->facts, run->deadline, run->stop.get_token()});
    } catch (const std::exception& failure) {
      result = {Outcome::error, std::string("the probe failed: ") + failure.what()};
    } catch (...) {
      result = {Outcome::error, "the probe failed"};
    }
    const auto elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - began);
    {
      const std::lock_guard lock(run->mutex);
      if (run->cutoff) result = {Outcome::error, *run->cutoff};
      run->outcomes[index] = ProbeOutcome{std::move(result), elapsed};
      ++run->finished;
    }
    run->changed.notify_all();
  }
  {
    const std::lock_guard lock(run->mutex);
    run->worker_done[worker] = true;
  }
  run->changed.notify_all();
}

std::set<std::string> used_probe_ids(const policy::Policy& policy) {
  std::set<std::string> used;
  for (const auto& rule : policy.classes) used.insert(rule.probes.begin(), rule.probes.end());
  for (const auto& check : policy.readiness) used.insert(check.probe);
  return used;
}

// A command waits for a child; a certificate or key behind a store URI may wait for a token or a
// TPM. Everything else is a few system calls on local files, one probe after another on one
// thread being far cheaper than a thread each.
bool may_block(const policy::Probe& probe) {
  if (std::holds_alternative<policy::CommandProbe>(probe.spec)) return true;
  if (const auto* certificate = std::get_if<policy::CertificateProbe>(&probe.spec)) {
    return crypto::is_store_uri(certificate->certificate) || crypto::is_store_uri(certificate->key);
  }
  return false;
}

std::string budget_text(milliseconds budget) { return std::to_string(budget.count()) + " ms"; }

}  // namespace

std::vector<ProbeOutcome> run_probes(const policy::Policy& policy, const ProbeRunner& runner,
                                     std::shared_ptr<SystemFacts> facts, const EvaluationLimits& limits,
                                     std::stop_token stop) {
  const auto used = used_probe_ids(policy);
  std::vector<ProbeOutcome> outcomes(policy.probes.size());
  std::vector<std::size_t> positions;  // in the policy, of each probe to run
  for (std::size_t i = 0; i < policy.probes.size(); ++i) {
    if (used.contains(policy.probes[i].id)) {
      positions.push_back(i);
    } else {
      outcomes[i].result = {Outcome::skipped, "not used by any class rule or readiness check"};
    }
  }
  if (positions.empty()) return outcomes;
  const auto quick_from = std::stable_partition(positions.begin(), positions.end(),
                                                [&](std::size_t position) { return may_block(policy.probes[position]); });

  auto run = std::make_shared<Run>();
  for (const std::size_t position : positions) run->probes.push_back(policy.probes[position]);
  run->blocking = static_cast<std::size_t>(quick_from - positions.begin());
  run->runner = runner;
  run->facts = std::move(facts);
  run->deadline = Clock::now() + limits.budget;
  run->outcomes.resize(positions.size());
  run->started.resize(positions.size(), false);
  // One worker for the quick probes (or the first blocking one), one more per blocking probe.
  const std::size_t quick = positions.size() - run->blocking;
  const std::size_t wanted = (quick > 0 ? 1 : 0) + run->blocking;
  const std::size_t worker_count = std::clamp<std::size_t>(limits.max_parallel, 1, wanted);
  run->worker_done.resize(worker_count, false);
  const std::stop_callback forward_stop(stop, [run] {
    run->stop.request_stop();
    { const std::lock_guard lock(run->mutex); }  // so a waiter cannot miss the notification
    run->changed.notify_all();
  });

  std::vector<std::pair<std::size_t, std::thread>> workers;
  for (std::size_t worker = 0; worker < worker_count; ++worker) {
    try {
      workers.emplace_back(worker, std::thread(work, run, worker));
    } catch (const std::system_error&) {
      const std::lock_guard lock(run->mutex);
      run->worker_done[worker] = true;  // never started
    }
  }
  if (workers.empty()) {
    // No thread could be started: run them here, one after another.
    run->worker_done[0] = false;
    work(run, 0);
  }

  bool all_finished = false;
  {
    std::unique_lock lock(run->mutex);
    run->changed.wait_until(lock, run->deadline,
                            [&] { return run->finished == run->probes.size() || run->stop.stop_requested(); });
    all_finished = run->finished == run->probes.size();
    if (!all_finished) {
      run->cutoff = stop.stop_requested() ? "not finished: the evaluation was stopped"
                                          : "did not finish within the " + budget_text(limits.budget) + " time budget";
      run->stop.request_stop();
      run->changed.wait_for(lock, kStopGrace, [&] {
        return std::all_of(run->worker_done.begin(), run->worker_done.end(), [](bool done) { return done; });
      });
    }
    for (std::size_t i = 0; i < run->probes.size(); ++i) {
      ProbeOutcome& outcome = outcomes[positions[i]];
      if (run->outcomes[i]) {
        outcome = *run->outcomes[i];
      } else if (run->started[i]) {
        outcome.result = {Outcome::error, *run->cutoff};
        outcome.elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - (run->deadline - limits.budget));
      } else {
        outcome.result = {Outcome::error, stop.stop_requested()
                                              ? std::string("not run: the evaluation was stopped")
                                              : "not run: the " + budget_text(limits.budget) + " time budget was spent"};
      }
    }
  }
  for (auto& [worker, thread] : workers) {
    // With every probe done the workers are on their way out: wait for them, so that nothing
    // of theirs (OpenSSL's per-thread state, say) outlives the evaluation.
    bool done = all_finished;
    if (!done) {
      const std::lock_guard lock(run->mutex);
      done = run->worker_done[worker];
    }
    // A worker stuck in a probe that ignores the stop request is left to finish on its own; it
    // holds its own reference to everything it uses.
    if (done) {
      thread.join();
    } else {
      thread.detach();
    }
  }
  return outcomes;
}

}  // namespace seed::attestation
