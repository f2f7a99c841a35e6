#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "support/test_pki.hpp"
#include "token/signer.hpp"

// Tokens for tests: good ones made by the host's signer, and the forgeries a verifier must refuse.
namespace seed::test {

// The key of `device` from the PKI and its x5c chain: the device certificate, then the issuing CA
// (only the certificate for device-untrusted, whose impostor root issued it directly).
token::SigningIdentity signing_identity(const TestPki& pki, std::string_view device);

// The statement the tests attest: the portal origin, a fixed 16-byte nonce, class non_se_gsib.
token::Statement test_statement();

// A token of test_statement() signed by `device` now.
std::string make_token(const TestPki& pki, std::string_view device);

struct TokenParts {
  nlohmann::json header;
  nlohmann::json payload;
  std::string signature;  // raw bytes
};

// The parts of a compact JWS, without any checking (the test's own view of the token).
TokenParts split_token(std::string_view token);
std::string join_token(const TokenParts& parts);

// The same header and signature, another payload: the signature no longer fits.
std::string with_payload(std::string_view token, const nlohmann::json& payload);
// The same payload and signature, another header.
std::string with_header(std::string_view token, const nlohmann::json& header);
// alg "none" with an empty signature.
std::string unsigned_token(std::string_view token);
// alg HS256, the HMAC keyed with `secret` (e.g. the certificate's DER, which anyone has).
std::string hmac_token(std::string_view token, std::string_view secret);
// A correctly signed token of any header and payload, signed by `identity`'s key (ES256 or RS256
// chosen by its type), for claims the host itself would never put in.
std::string signed_token(const nlohmann::json& header, const nlohmann::json& payload,
                         const token::SigningIdentity& identity);

}  // namespace seed::test
