#include "scenario.hpp"

#include <stdexcept>

#include "support/files.hpp"

namespace seed::test {
namespace {

nlohmann::json certificate_policy(std::string_view device, std::string_view policy_oid, std::string_view device_class) {
  const TestPki& pki = shared_test_pki();
  return {{"version", 1},
          {"probes",
           {{{"id", "gsib-cert"},
             {"kind", "device_certificate"},
             {"certificate", pki.certificate(device).string()},
             {"key", pki.key(device).string()},
             {"anchors", {pki.root_ca().string()}},
             {"intermediates", {pki.issuing_ca().string()}},
             {"policy_oids", {policy_oid}},
             {"subject", {{"OU", "^GSIB"}}}}}},
          {"classes", {{{"class", device_class}, {"any", {"gsib-cert"}}}}},
          {"default", "internet_device"}};
}

}  // namespace

Scenario::Scenario(const nlohmann::json& policy)
    : directory_(std::make_shared<TemporaryDirectory>()), policy_path_(directory_->path() / "policy.json") {
  write_file(policy_path_, policy.dump(2));
}

Scenario::Scenario(std::string_view device, std::string_view policy_oid, std::string_view device_class)
    : Scenario(certificate_policy(device, policy_oid, device_class)) {}

Scenario Scenario::heuristic_only() {
  return Scenario(nlohmann::json{{"version", 1},
                                 {"probes", {{{"id", "never"}, {"kind", "file"}, {"path", "/nonexistent/gsib-release"}}}},
                                 {"classes", {{{"class", "non_se_gsib"}, {"any", {"never"}}}}},
                                 {"default", "internet_device"}});
}

std::map<std::string, std::string> Scenario::environment() const { return {{"SEED_ATTEST_POLICY", policy_path_.string()}}; }

nlohmann::json Scenario::attest(const nlohmann::json& request) const {
  HostProcess host(HostProcess::chromium_caller(environment()));
  if (!host.send(request)) throw std::runtime_error("the host did not take the request");
  auto reply = host.receive(std::chrono::seconds{30});
  if (!reply) throw std::runtime_error("no reply from the host; stderr: " + host.stderr_text());
  host.close_stdin();
  if (host.wait() != 0) throw std::runtime_error("the host did not exit 0; stderr: " + host.stderr_text());
  return *reply;
}

nlohmann::json Scenario::attest() const { return attest(attest_request()); }

nlohmann::json attest_request(std::string_view nonce, std::string_view origin) {
  return {{"type", "attest"}, {"id", "a1"}, {"nonce", nonce}, {"origin", origin}};
}

CommandResult run_verify(const std::string& token, const std::vector<std::string>& options) {
  HostProcess::Options launch;
  launch.args = {"verify", "--token", "-"};
  launch.args.insert(launch.args.end(), options.begin(), options.end());
  HostProcess verify(launch);
  verify.write_raw(token + "\n");
  verify.close_stdin();
  CommandResult result;
  result.out = verify.read_rest(std::chrono::seconds{30});
  result.exit_code = verify.wait(std::chrono::seconds{30}).value_or(-1);
  result.err = verify.stderr_text();
  return result;
}

}  // namespace seed::test
