#include "token/verifier.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "common/clock.hpp"
#include "crypto/chain.hpp"
#include "crypto/crypto_error.hpp"
#include "crypto/key_type.hpp"
#include "crypto/signature.hpp"
#include "token/algorithm.hpp"
#include "token/compact_jws.hpp"
#include "token/token_error.hpp"
#include "token/x5c.hpp"

namespace seed::token {
namespace {

constexpr std::size_t kEs256SignatureSize = 64;

[[noreturn]] void reject(TokenFailure failure, const std::string& message) { throw TokenError(failure, message); }

Algorithm accepted_algorithm(const nlohmann::json& header) {
  const auto alg = header.find("alg");
  if (alg == header.end() || !alg->is_string()) reject(TokenFailure::malformed, "the header has no alg");
  const std::string& name = alg->get_ref<const std::string&>();
  if (const auto algorithm = algorithm_from_name(name)) return *algorithm;
  if (name == "none" || name == "None" || name == "NONE") {
    reject(TokenFailure::algorithm, "alg \"" + name + "\" is refused: an unsigned token proves nothing");
  }
  if (name.starts_with("HS")) {
    reject(TokenFailure::algorithm, "alg \"" + name + "\" is refused: HMAC uses no private key");
  }
  reject(TokenFailure::algorithm, "alg \"" + name + "\" is refused: only ES256 and RS256 are accepted");
}

void check_header_members(const nlohmann::json& header) {
  static constexpr std::array<std::string_view, 3> kAllowed = {"alg", "typ", "x5c"};
  for (const auto& [name, value] : header.items()) {
    if (std::find(kAllowed.begin(), kAllowed.end(), name) == kAllowed.end()) {
      reject(TokenFailure::malformed, "header member \"" + name + "\" is not part of this format");
    }
  }
  const auto typ = header.find("typ");
  if (typ == header.end() || *typ != kTokenType) {
    reject(TokenFailure::malformed, std::string("header typ must be \"") + kTokenType + "\"");
  }
  if (!header.contains("x5c")) reject(TokenFailure::malformed, "the header has no x5c certificate chain");
}

void check_key_fits(Algorithm algorithm, const crypto::Certificate& signer) {
  const auto fitting = algorithm_for_key(signer.public_key());
  if (fitting != algorithm) {
    reject(TokenFailure::algorithm, "alg " + std::string(algorithm_name(algorithm)) + " does not fit the " +
                                        crypto::describe_key(signer.public_key()) + " key of x5c[0]");
  }
}

void check_signature(Algorithm algorithm, const CompactJws& jws, const crypto::Certificate& signer) {
  std::string signature = jws.signature;
  if (algorithm == Algorithm::es256) {
    if (signature.size() != kEs256SignatureSize) {
      reject(TokenFailure::signature, "an ES256 signature is 64 bytes (r||s), this one is " +
                                          std::to_string(signature.size()));
    }
    signature = *crypto::ecdsa_raw_to_der(signature);
  }
  if (!crypto::verify_sha256(signer.public_key(), jws.signing_input, signature)) {
    reject(TokenFailure::signature, "the signature does not verify with the key of x5c[0]");
  }
}

std::string at(std::int64_t seconds) {
  return rfc3339_utc(std::chrono::system_clock::time_point(std::chrono::seconds{seconds}));
}

void check_claims(const Claims& claims, const crypto::Certificate& signer, const VerifyOptions& options) {
  if (claims.iss != kIssuer) reject(TokenFailure::claims, "iss is \"" + claims.iss + "\", not \"seed-attest\"");
  const std::string serial = signer.serial_hex();
  if (claims.sub != serial) {
    reject(TokenFailure::claims, "sub " + claims.sub + " is not the serial of x5c[0] (" + serial + ")");
  }
  if (claims.decided_by != "certificate") {
    reject(TokenFailure::claims, "decided_by is \"" + claims.decided_by + "\": only certificate decisions are signed");
  }
  if (claims.exp <= claims.iat || claims.exp - claims.iat > kLifetime.count()) {
    reject(TokenFailure::claims, "exp must be after iat by at most " + std::to_string(kLifetime.count()) + " seconds");
  }
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(options.now.time_since_epoch()).count();
  const std::int64_t skew = options.clock_skew.count();
  if (now > claims.exp + skew) reject(TokenFailure::expired, "the token expired at " + at(claims.exp));
  if (claims.iat > now + skew) reject(TokenFailure::not_yet_valid, "the token is issued in the future, at " + at(claims.iat));
  if (options.nonce && claims.nonce != *options.nonce) {
    reject(TokenFailure::nonce, "nonce \"" + claims.nonce + "\" is not the expected one");
  }
  if (options.audience && claims.aud != *options.audience) {
    reject(TokenFailure::audience, "aud \"" + claims.aud + "\" is not the expected origin \"" + *options.audience + "\"");
  }
}

VerifiedToken verify(std::string_view token, const VerifyOptions& options) {
  const CompactJws jws = split_compact(token);
  const Algorithm algorithm = accepted_algorithm(jws.header);
  check_header_members(jws.header);
  const std::vector<crypto::Certificate> x5c = decode_x5c(jws.header["x5c"]);
  const crypto::Certificate& signer = x5c.front();
  check_key_fits(algorithm, signer);
  check_signature(algorithm, jws, signer);

  const std::span<const crypto::Certificate> intermediates(x5c.data() + 1, x5c.size() - 1);
  crypto::ChainVerification chain = crypto::verify_chain(signer, intermediates, options.anchors, options.now);
  if (!chain.verified()) {
    const std::string where = chain.problem_subject.empty() ? "" : " at " + chain.problem_subject;
    reject(TokenFailure::chain, "the certificate chain does not verify: " + *chain.problem + where);
  }

  const Claims claims = claims_from_json(jws.payload);
  check_claims(claims, signer, options);
  return {jws.header, claims, std::move(chain.path)};
}

}  // namespace

VerifiedToken verify_token(std::string_view token, const VerifyOptions& options) {
  try {
    return verify(token, options);
  } catch (const crypto::CryptoError& error) {
    // decode_x5c refuses what it cannot read; this keeps any other OpenSSL refusal a token error.
    reject(TokenFailure::malformed, std::string("the token's certificates cannot be checked: ") + error.what());
  }
}

}  // namespace seed::token
