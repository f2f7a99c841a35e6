#include <chrono>
#include <cstdio>

#include "attestation/probes/device_certificate_evaluation.hpp"
#include "service/local_device_service.hpp"
#include "token/signer.hpp"
#include "token/token_error.hpp"

namespace seed::service {
namespace {

// The `token_error` values (docs/TOKEN.md): a contract with the extension and the portal.
constexpr const char* kNoDeviceKey = "no_device_key";                   // no certificate decided the class
constexpr const char* kDeviceKeyUnavailable = "device_key_unavailable";  // it no longer verifies or loads
constexpr const char* kUnsupportedDeviceKey = "unsupported_device_key";  // neither EC P-256 nor RSA >= 2048
constexpr const char* kSigningFailed = "signing_failed";                 // the key or its provider refused

nlohmann::json without_token(nlohmann::json reply, const char* error, const std::string& detail) {
  reply["token"] = nullptr;
  reply["token_error"] = error;
  // The browser logs stderr: the reason for an administrator, never key material.
  if (!detail.empty()) std::fprintf(stderr, "seed-attest: no token (%s): %s\n", error, detail.c_str());
  return reply;
}

}  // namespace

nlohmann::json LocalDeviceService::attest(const messaging::AttestRequest& request) {
  const attestation::Report& current = report(false);
  nlohmann::json reply = attestation::to_status_json(current);
  if (!current.signer) return without_token(std::move(reply), kNoDeviceKey, "");

  // Checked again now: a certificate that expired since the report was made must not sign.
  const auto now = std::chrono::system_clock::now();
  attestation::DeviceCertificateEvaluation evaluation = attestation::signing_identity(*current.signer, now);
  if (!evaluation.identity) {
    return without_token(std::move(reply), kDeviceKeyUnavailable,
                         "probe " + current.signer_probe + ": " + evaluation.result.detail);
  }
  token::Statement statement;
  statement.audience = request.origin;
  statement.nonce = request.nonce;
  statement.device_class = current.device_class;
  statement.decided_by = current.decided_by;
  statement.policy_sha256 = current.policy.sha256;
  statement.caller = request.caller;
  try {
    reply["token"] = token::sign_claims(token::claims_for(statement, *evaluation.identity, now), *evaluation.identity);
    return reply;
  } catch (const token::TokenError& error) {
    const bool unsupported = error.failure() == token::TokenFailure::unsupported_key;
    return without_token(std::move(reply), unsupported ? kUnsupportedDeviceKey : kSigningFailed,
                         "probe " + current.signer_probe + ": " + error.what());
  }
}

}  // namespace seed::service
