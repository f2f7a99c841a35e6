#include "attestation/probes/device_certificate_probe.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "attestation/probes/device_certificate_evaluation.hpp"
#include "common/pattern.hpp"
#include "crypto/chain.hpp"
#include "crypto/crypto_error.hpp"
#include "crypto/key_type.hpp"
#include "crypto/loader.hpp"

namespace seed::attestation {
namespace {

bool is_missing_file(const std::string& location) {
  std::error_code error;
  return !crypto::is_store_uri(location) && !std::filesystem::exists(location, error) && !error;
}

DeviceCertificateEvaluation outcome(Outcome kind, std::string detail) { return {{kind, std::move(detail)}, {}}; }

// What a match loaded, kept for signing later in the same process.
struct LoadedMatch {
  ProbeResult result;
  crypto::CertifiedKey identity;
  std::vector<crypto::Certificate> intermediates;
  std::vector<crypto::Certificate> anchors;
  // Where every certificate of the verified path is valid. Without revocation lists the
  // verification depends on the time only through these, so inside it the chain still verifies.
  std::chrono::system_clock::time_point valid_from;
  std::chrono::system_clock::time_point valid_until;
};

class MatchMemory {
 public:
  void remember(const std::string& probe, LoadedMatch match) {
    const std::lock_guard lock(mutex_);
    matches_.insert_or_assign(probe, std::move(match));
  }
  void forget(const std::string& probe) {
    const std::lock_guard lock(mutex_);
    matches_.erase(probe);
  }
  std::optional<LoadedMatch> recall(const std::string& probe) const {
    const std::lock_guard lock(mutex_);
    const auto found = matches_.find(probe);
    if (found == matches_.end()) return std::nullopt;
    return found->second;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, LoadedMatch> matches_;
};

// Never destroyed: a probe abandoned past the evaluation's time budget may still finish in its
// own thread while the process exits.
MatchMemory& match_memory() {
  static auto* memory = new MatchMemory;
  return *memory;
}

// Everything that decides whether a probe matches, as one string.
std::string probe_key(const policy::CertificateProbe& probe) {
  std::string key = probe.certificate + '\0' + probe.key + '\0';
  for (const auto* list : {&probe.anchors, &probe.intermediates, &probe.policy_oids}) {
    for (const std::string& item : *list) key += item + '\n';
    key += '\0';
  }
  for (const auto& [attribute, pattern] : probe.subject) key += attribute + '=' + pattern + '\n';
  return key + (probe.show_identifiers ? "1" : "0");
}

std::vector<crypto::Certificate> load_all(const std::vector<std::string>& locations) {
  std::vector<crypto::Certificate> certificates;
  for (const std::string& location : locations) {
    for (crypto::Certificate& certificate : crypto::load_certificates(location)) {
      certificates.push_back(std::move(certificate));
    }
  }
  return certificates;
}

// Empty when every subject attribute has a value matching its pattern; otherwise the result.
std::optional<DeviceCertificateEvaluation> check_subject(const policy::CertificateProbe& probe,
                                                         const crypto::Certificate& certificate) {
  for (const auto& [attribute, source] : probe.subject) {
    std::string error;
    const auto pattern = Pattern::compile(source, &error);
    if (!pattern) return outcome(Outcome::error, "subject " + attribute + " pattern is invalid: " + error);
    const std::vector<std::string> values = certificate.subject_values(attribute);
    if (values.empty()) return outcome(Outcome::no_match, "the subject has no " + attribute);
    bool matched = false;
    for (const std::string& value : values) {
      const Pattern::Result result = pattern->search(value);
      if (result == Pattern::Result::too_complex) {
        return outcome(Outcome::error, "subject " + attribute + " pattern is too complex to evaluate");
      }
      matched = matched || result == Pattern::Result::match;
    }
    if (!matched) return outcome(Outcome::no_match, "subject " + attribute + " does not match " + source);
  }
  return std::nullopt;
}

std::optional<DeviceCertificateEvaluation> check_policies(const policy::CertificateProbe& probe,
                                                          const crypto::Certificate& certificate) {
  const std::vector<std::string> present = certificate.policy_oids();
  for (const std::string& required : probe.policy_oids) {
    if (std::find(present.begin(), present.end(), required) == present.end()) {
      return outcome(Outcome::no_match, "the certificate lacks policy OID " + required);
    }
  }
  return std::nullopt;
}

std::string match_detail(const policy::CertificateProbe& probe, const crypto::CertifiedKey& identity) {
  std::string detail = "certificate chains to a trust anchor";
  if (!probe.policy_oids.empty()) detail += ", carries the required policy OIDs";
  if (!probe.subject.empty()) detail += ", subject matches";
  detail += "; its " + crypto::describe_key(identity.key.get()) + " key pairs with it";
  if (probe.show_identifiers) {
    const crypto::Certificate& certificate = identity.chain.front();
    detail += " (serial " + certificate.serial_hex() + ", subject " + certificate.subject_line() + ")";
  }
  return detail;
}

DeviceCertificateEvaluation evaluate(const policy::CertificateProbe& probe, std::chrono::system_clock::time_point now) {
  if (is_missing_file(probe.certificate)) return outcome(Outcome::no_match, "no certificate at " + probe.certificate);
  const crypto::Certificate certificate = crypto::load_certificate(probe.certificate);
  const std::vector<crypto::Certificate> anchors = load_all(probe.anchors);
  const std::vector<crypto::Certificate> intermediates = load_all(probe.intermediates);

  const crypto::ChainVerification chain = crypto::verify_chain(certificate, intermediates, anchors, now);
  if (!chain.verified()) {
    std::string detail = "the certificate chain does not verify: " + *chain.problem;
    if (probe.show_identifiers && !chain.problem_subject.empty()) detail += " at " + chain.problem_subject;
    return outcome(Outcome::no_match, detail);
  }
  if (auto refused = check_policies(probe, certificate)) return std::move(*refused);
  if (auto refused = check_subject(probe, certificate)) return std::move(*refused);

  if (is_missing_file(probe.key)) return outcome(Outcome::no_match, "no private key at " + probe.key);
  crypto::PrivateKey key = crypto::load_private_key(probe.key);
  if (!key.pairs_with(certificate)) return outcome(Outcome::no_match, "the private key does not pair with the certificate");

  // x5c carries the device certificate and the intermediates, not the anchor the verifier holds.
  std::vector<crypto::Certificate> x5c(chain.path.begin(), chain.path.end() - (chain.path.size() > 1 ? 1 : 0));
  crypto::CertifiedKey identity{std::move(key), std::move(x5c)};
  ProbeResult result{Outcome::match, match_detail(probe, identity)};
  LoadedMatch match{result, identity, intermediates, anchors, std::chrono::system_clock::time_point::min(),
                    std::chrono::system_clock::time_point::max()};
  for (const crypto::Certificate& link : chain.path) {
    match.valid_from = std::max(match.valid_from, link.not_before());
    match.valid_until = std::min(match.valid_until, link.not_after());
  }
  match_memory().remember(probe_key(probe), std::move(match));
  return {std::move(result), std::move(identity)};
}

}  // namespace

DeviceCertificateEvaluation evaluate_device_certificate(const policy::CertificateProbe& probe,
                                                        std::chrono::system_clock::time_point now) {
  DeviceCertificateEvaluation evaluation;
  try {
    evaluation = evaluate(probe, now);
  } catch (const crypto::CryptoError& error) {
    evaluation = outcome(Outcome::error, error.what());
  }
  if (!evaluation.identity) match_memory().forget(probe_key(probe));
  return evaluation;
}

DeviceCertificateEvaluation signing_identity(const policy::CertificateProbe& probe,
                                             std::chrono::system_clock::time_point now) {
  if (auto loaded = match_memory().recall(probe_key(probe))) {
    if (now >= loaded->valid_from && now <= loaded->valid_until) {
      return {std::move(loaded->result), std::move(loaded->identity)};
    }
    try {
      const crypto::ChainVerification chain =
          crypto::verify_chain(loaded->identity.chain.front(), loaded->intermediates, loaded->anchors, now);
      if (chain.verified()) return {std::move(loaded->result), std::move(loaded->identity)};
    } catch (const crypto::CryptoError&) {
      // Evaluated afresh below, which reports the failure.
    }
  }
  return evaluate_device_certificate(probe, now);
}

ProbeResult run_device_certificate_probe(const policy::CertificateProbe& probe) {
  return evaluate_device_certificate(probe, std::chrono::system_clock::now()).result;
}

}  // namespace seed::attestation
