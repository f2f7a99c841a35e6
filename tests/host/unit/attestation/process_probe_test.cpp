#include <catch2/catch.hpp>

#include "attestation/probes/process_probe.hpp"
#include "fake_facts.hpp"

using namespace seed::attestation;
using seed::policy::ProcessProbe;

TEST_CASE("a process probe matches a running executable name exactly", "[probe][process]") {
  seed::test::FakeFacts facts;
  facts.processes = {"systemd", "TaniumClient", "warp-svc"};
  CHECK(run_process_probe(ProcessProbe{"TaniumClient"}, facts).outcome == Outcome::match);
  CHECK(run_process_probe(ProcessProbe{"TaniumClient"}, facts).detail == "running");
  const ProbeResult absent = run_process_probe(ProcessProbe{"wdavdaemon"}, facts);
  CHECK(absent.outcome == Outcome::no_match);
  CHECK(absent.detail == "not running");
  // Equality, not a prefix or a case-insensitive match.
  CHECK(run_process_probe(ProcessProbe{"Tanium"}, facts).outcome == Outcome::no_match);
  CHECK(run_process_probe(ProcessProbe{"taniumclient"}, facts).outcome == Outcome::no_match);
}

TEST_CASE("a process probe is an error when no process list could be read", "[probe][process]") {
  seed::test::FakeFacts facts;
  facts.processes_readable = false;
  const ProbeResult result = run_process_probe(ProcessProbe{"TaniumClient"}, facts);
  CHECK(result.outcome == Outcome::error);
  CHECK(result.detail == "the list of running processes could not be read");
}

TEST_CASE("a process probe sees this test program among the live processes", "[probe][process]") {
  const auto facts = make_live_facts({"unit_attestation", "no-such-program-xyz"});
  CHECK(run_process_probe(ProcessProbe{"unit_attestation"}, *facts).outcome == Outcome::match);
  CHECK(run_process_probe(ProcessProbe{"no-such-program-xyz"}, *facts).outcome == Outcome::no_match);
}
