#include "scenarios.hpp"

#include <fstream>
#include <stdexcept>

#include "common/base64url.hpp"

namespace seed::bench {
namespace {

// 32 bytes of base64url: the nonce value does not change the work the host does.
constexpr const char* kNonce = "q7SbWzJ9Zc2k1v8oQmT3xYd0LhN5rEuPiAfGjKwBsXo";
constexpr const char* kPortalOrigin = "https://portal.techpass.gov.sg";

std::optional<std::string> check_type(const nlohmann::json& reply, const char* type) {
  if (!reply.is_object()) return "the reply is not an object";
  if (reply.value("type", "") == "error") return "error reply: " + reply.value("message", reply.dump());
  if (reply.value("type", "") != type) return std::string("the reply is not of type ") + type;
  return std::nullopt;
}

std::optional<std::string> check_status(const nlohmann::json& reply, const char* type) {
  if (auto problem = check_type(reply, type)) return problem;
  const auto device_class = reply.value("device_class", "");
  if (device_class.empty()) return "the reply has no device_class";
  if (device_class == "unknown") return "device_class unknown: " + reply.value("error", reply.dump());
  return std::nullopt;
}

ReplyCheck expect_certificate_class() {
  return [](const nlohmann::json& reply) -> std::optional<std::string> {
    if (auto problem = check_status(reply, "status")) return problem;
    if (reply.value("device_class", "") != "non_se_gsib" || reply.value("decided_by", "") != "certificate") {
      return "the certificate probe did not decide non_se_gsib: " + reply.dump();
    }
    return std::nullopt;
  };
}

ReplyCheck expect_token(std::string algorithm) {
  return [algorithm](const nlohmann::json& reply) -> std::optional<std::string> {
    if (auto problem = check_status(reply, "attest")) return problem;
    const auto token = reply.find("token");
    if (token == reply.end() || !token->is_string()) return "no token: " + reply.value("token_error", reply.dump());
    const auto& text = token->get_ref<const std::string&>();
    const auto header = base64url::decode(text.substr(0, text.find('.')));
    if (!header) return std::string("the token header is not base64url");
    const auto parsed = nlohmann::json::parse(*header, nullptr, false);
    if (parsed.is_discarded() || parsed.value("alg", "") != algorithm) {
      return "the token is not signed with " + algorithm + ": " + *header;
    }
    return std::nullopt;
  };
}

// A policy whose only probe is the device certificate `device` of the test PKI.
std::filesystem::path write_certificate_policy(const std::filesystem::path& pki, const std::string& device,
                                               const std::filesystem::path& path) {
  const nlohmann::json policy = {
      {"version", 1},
      {"probes",
       {{{"id", "gsib-cert"},
         {"kind", "device_certificate"},
         {"certificate", (pki / (device + ".pem")).string()},
         {"key", (pki / (device + ".key")).string()},
         {"anchors", {(pki / "root-ca.pem").string()}},
         {"intermediates", {(pki / "issuing-ca.pem").string()}},
         {"policy_oids", {"1.3.6.1.4.1.99999.1.1"}},
         {"subject", {{"OU", "^GSIB"}}}}}},
      {"classes", {{{"class", "non_se_gsib"}, {"any", {"gsib-cert"}}}}},
      {"default", "internet_device"}};
  std::ofstream out(path);
  out << policy.dump(2) << '\n';
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return path;
}

nlohmann::json attest_request() { return {{"type", "attest"}, {"nonce", kNonce}, {"origin", kPortalOrigin}}; }

}  // namespace

std::vector<Scenario> cold_scenarios(const std::filesystem::path& pki, const std::filesystem::path& work) {
  const auto es256 = write_certificate_policy(pki, "device-non-se", work / "policy-certificate-es256.json");
  const auto rs256 = write_certificate_policy(pki, "device-rsa", work / "policy-certificate-rs256.json");
  const nlohmann::json status = {{"type", "status"}, {"refresh", false}};
  return {
      {"hello", "`hello`", {{"type", "hello"}, {"protocol", 1}},
       std::nullopt, [](const nlohmann::json& reply) { return check_type(reply, "hello"); }, 1.5},
      {"status_embedded", "`status`, embedded policy", status, std::nullopt,
       [](const nlohmann::json& reply) { return check_status(reply, "status"); }, 4.0},
      {"status_certificate", "`status`, certificate policy", status, es256, expect_certificate_class(),
       std::nullopt},
      {"attest_es256", "`attest`, ES256 device key", attest_request(), es256, expect_token("ES256"), 5.0},
      {"attest_rs256", "`attest`, RS256 device key", attest_request(), rs256, expect_token("RS256"),
       std::nullopt},
  };
}

nlohmann::json ping_request() { return {{"type", "ping"}, {"id", 1}}; }

}  // namespace seed::bench
