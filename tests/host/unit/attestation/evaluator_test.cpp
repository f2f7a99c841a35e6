#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include "attestation/evaluator.hpp"
#include "fake_facts.hpp"
#include "policy_text.hpp"

using namespace seed::attestation;
using seed::test::policy_from;
using std::chrono::milliseconds;

namespace {

// Five probes: "a" used by two rules and a readiness check, "b" and "c" by rules, "d" by a
// readiness check, "unused" by nothing.
const char* const kPolicy = R"({"version": 1,
  "probes": [{"id": "a", "kind": "file", "path": "/a"}, {"id": "b", "kind": "file", "path": "/b"},
             {"id": "c", "kind": "file", "path": "/c"}, {"id": "d", "kind": "file", "path": "/d"},
             {"id": "unused", "kind": "file", "path": "/unused"}],
  "classes": [{"class": "gmd", "all": ["a", "b"]}, {"class": "se_gsib", "any": ["a", "c"]}],
  "readiness": [{"check": "r1", "title": "A", "probe": "a"}, {"check": "r2", "title": "D", "probe": "d"}]})";

// The same shape with commands, which may block and so each get a worker.
const char* const kCommandPolicy = R"({"version": 1,
  "probes": [{"id": "a", "kind": "command", "argv": ["/bin/a"]}, {"id": "b", "kind": "command", "argv": ["/bin/b"]},
             {"id": "c", "kind": "command", "argv": ["/bin/c"]}, {"id": "d", "kind": "command", "argv": ["/bin/d"]}],
  "classes": [{"class": "gmd", "all": ["a", "b"]}, {"class": "se_gsib", "any": ["c", "d"]}]})";

// Counts runs per probe; each waits `delay` (or until asked to stop) before answering.
struct CountingRunner {
  std::mutex mutex;
  std::map<std::string, int> runs;
  milliseconds delay{0};

  ProbeRunner runner() {
    return [this](const seed::policy::Probe& probe, const ProbeContext& context) {
      {
        const std::lock_guard lock(mutex);
        ++runs[probe.id];
      }
      const auto until = Clock::now() + delay;
      while (Clock::now() < until && !context.stop.stop_requested()) std::this_thread::sleep_for(milliseconds{2});
      if (context.stop.stop_requested()) return ProbeResult{Outcome::error, "stopped"};
      return ProbeResult{Outcome::match, "ran " + probe.id};
    };
  }
};

std::shared_ptr<SystemFacts> facts() { return std::make_shared<seed::test::FakeFacts>(); }

}  // namespace

TEST_CASE("each probe a rule or check uses runs exactly once; the rest are skipped", "[evaluator]") {
  CountingRunner counting;
  const auto policy = policy_from(kPolicy);
  const auto outcomes = run_probes(policy, counting.runner(), facts(), EvaluationLimits{});
  REQUIRE(outcomes.size() == 5);
  CHECK(counting.runs == std::map<std::string, int>{{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}});
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(outcomes[i].result.outcome == Outcome::match);
    CHECK(outcomes[i].result.detail == "ran " + policy.probes[i].id);
  }
  CHECK(outcomes[4].result.outcome == Outcome::skipped);
  CHECK(outcomes[4].result.detail == "not used by any class rule or readiness check");
}

TEST_CASE("commands run at the same time, each on its own worker", "[evaluator]") {
  CountingRunner counting;
  counting.delay = milliseconds{300};
  const auto began = Clock::now();
  run_probes(policy_from(kCommandPolicy), counting.runner(), facts(), EvaluationLimits{});
  const auto took = Clock::now() - began;
  CHECK(took >= milliseconds{300});
  CHECK(took < milliseconds{900});  // one after another would take 1200 ms
  CHECK(counting.runs.size() == 4);

  CountingRunner serial;
  serial.delay = milliseconds{100};
  const auto serial_began = Clock::now();
  run_probes(policy_from(kCommandPolicy), serial.runner(), facts(), EvaluationLimits{milliseconds{5000}, 1});
  CHECK(Clock::now() - serial_began >= milliseconds{400});
  CHECK(serial.runs.size() == 4);
}

TEST_CASE("quick probes run one after another on one worker, never on the calling thread", "[evaluator]") {
  std::mutex mutex;
  std::map<std::string, std::thread::id> ran_on;
  const ProbeRunner runner = [&](const seed::policy::Probe& probe, const ProbeContext&) {
    const std::lock_guard lock(mutex);
    ran_on[probe.id] = std::this_thread::get_id();
    return ProbeResult{Outcome::match, ""};
  };
  run_probes(policy_from(kPolicy), runner, facts(), EvaluationLimits{});
  REQUIRE(ran_on.size() == 4);
  for (const auto& [id, thread] : ran_on) {
    INFO(id);
    CHECK(thread == ran_on["a"]);
    CHECK(thread != std::this_thread::get_id());
  }
}

TEST_CASE("commands, and keys behind a store URI, do not wait behind the quick probes", "[evaluator]") {
  const auto policy = policy_from(R"({"version": 1,
    "probes": [{"id": "slow-file", "kind": "file", "path": "/slow"},
               {"id": "token", "kind": "device_certificate", "certificate": "pkcs11:object=device",
                "key": "pkcs11:object=device", "anchors": ["/root.pem"]},
               {"id": "tool", "kind": "command", "argv": ["/bin/tool"]}],
    "classes": [{"class": "gmd", "all": ["slow-file", "token", "tool"]}]})");
  std::mutex mutex;
  std::map<std::string, milliseconds> started_after;
  const auto began = Clock::now();
  const ProbeRunner runner = [&](const seed::policy::Probe& probe, const ProbeContext&) {
    {
      const std::lock_guard lock(mutex);
      started_after[probe.id] = std::chrono::duration_cast<milliseconds>(Clock::now() - began);
    }
    std::this_thread::sleep_for(milliseconds{300});
    return ProbeResult{Outcome::match, ""};
  };
  const auto outcomes = run_probes(policy, runner, facts(), EvaluationLimits{});
  CHECK(Clock::now() - began < milliseconds{800});  // one after another would take 900 ms
  REQUIRE(started_after.size() == 3);
  for (const auto& [id, after] : started_after) {
    INFO(id);
    CHECK(after < milliseconds{250});
  }
  for (const auto& outcome : outcomes) CHECK(outcome.result.outcome == Outcome::match);
}

TEST_CASE("a probe still running when the budget is spent is an error, and the answer comes on time", "[evaluator]") {
  const auto policy = policy_from(kPolicy);
  const ProbeRunner runner = [](const seed::policy::Probe& probe, const ProbeContext& context) {
    if (probe.id == "c") {
      while (!context.stop.stop_requested()) std::this_thread::sleep_for(milliseconds{2});
      return ProbeResult{Outcome::error, "stopped"};
    }
    return ProbeResult{Outcome::no_match, "quick"};
  };
  const auto began = Clock::now();
  const auto outcomes = run_probes(policy, runner, facts(), EvaluationLimits{milliseconds{300}, 8});
  const auto took = Clock::now() - began;
  CHECK(took >= milliseconds{300});
  CHECK(took < milliseconds{800});
  CHECK(outcomes[0].result.outcome == Outcome::no_match);
  CHECK(outcomes[2].result.outcome == Outcome::error);
  CHECK(outcomes[2].result.detail == "did not finish within the 300 ms time budget");
}

TEST_CASE("a probe that ignores the stop request is left behind, not waited for", "[evaluator]") {
  const auto policy = policy_from(kPolicy);
  const ProbeRunner runner = [](const seed::policy::Probe& probe, const ProbeContext&) {
    if (probe.id == "b") std::this_thread::sleep_for(milliseconds{1500});
    return ProbeResult{Outcome::no_match, "done"};
  };
  const auto began = Clock::now();
  const auto outcomes = run_probes(policy, runner, facts(), EvaluationLimits{milliseconds{200}, 8});
  CHECK(Clock::now() - began < milliseconds{1000});
  CHECK(outcomes[1].result.outcome == Outcome::error);
  CHECK(outcomes[0].result.outcome == Outcome::no_match);
  std::this_thread::sleep_for(milliseconds{1500});  // let the straggler end before the test does
}

TEST_CASE("probes not started before the budget is spent are errors that say so", "[evaluator]") {
  const auto policy = policy_from(kPolicy);
  const ProbeRunner runner = [](const seed::policy::Probe&, const ProbeContext& context) {
    while (!context.stop.stop_requested()) std::this_thread::sleep_for(milliseconds{2});
    return ProbeResult{Outcome::error, "stopped"};
  };
  const auto outcomes = run_probes(policy, runner, facts(), EvaluationLimits{milliseconds{100}, 1});
  int not_started = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(outcomes[i].result.outcome == Outcome::error);
    if (outcomes[i].result.detail == "not run: the 100 ms time budget was spent") ++not_started;
  }
  CHECK(not_started == 3);
}

TEST_CASE("a stop request ends the evaluation early", "[evaluator]") {
  CountingRunner counting;
  counting.delay = milliseconds{10000};
  std::stop_source stop;
  std::thread stopper([&] {
    std::this_thread::sleep_for(milliseconds{100});
    stop.request_stop();
  });
  const auto began = Clock::now();
  const auto outcomes = run_probes(policy_from(kPolicy), counting.runner(), facts(), EvaluationLimits{}, stop.get_token());
  stopper.join();
  CHECK(Clock::now() - began < milliseconds{1000});
  for (std::size_t i = 0; i < 4; ++i) CHECK(outcomes[i].result.outcome == Outcome::error);
}

TEST_CASE("a probe that throws is an error, not a crash", "[evaluator]") {
  const ProbeRunner runner = [](const seed::policy::Probe& probe, const ProbeContext&) -> ProbeResult {
    if (probe.id == "d") throw std::runtime_error("boom");
    return {Outcome::match, ""};
  };
  const auto outcomes = run_probes(policy_from(kPolicy), runner, facts(), EvaluationLimits{});
  CHECK(outcomes[3].result.outcome == Outcome::error);
  CHECK(outcomes[3].result.detail == "the probe failed: boom");
}
