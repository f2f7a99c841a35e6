#include "support/token_fixtures.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

#include "common/base64url.hpp"
#include "crypto/key_type.hpp"
#include "crypto/loader.hpp"
#include "crypto/signature.hpp"

namespace seed::test {
namespace {

std::string decode(std::string_view part) {
  const auto bytes = base64url::decode(part);
  if (!bytes) throw std::runtime_error("test token part is not base64url");
  return *bytes;
}

std::string input_of(const nlohmann::json& header, const nlohmann::json& payload) {
  return base64url::encode(header.dump()) + "." + base64url::encode(payload.dump());
}

}  // namespace

token::SigningIdentity signing_identity(const TestPki& pki, std::string_view device) {
  std::vector<crypto::Certificate> chain{crypto::load_certificate(pki.certificate(device))};
  if (device != "device-untrusted") chain.push_back(crypto::load_certificate(pki.issuing_ca()));
  return {crypto::load_private_key(pki.key(device)), std::move(chain)};
}

token::Statement test_statement() {
  token::Statement statement;
  statement.audience = "https://portal.techpass.gov.sg";
  statement.nonce = "AAECAwQFBgcICQoLDA0ODw";  // bytes 0..15
  statement.device_class = "non_se_gsib";
  statement.decided_by = "certificate";
  statement.policy_sha256 = std::string(64, 'a');
  statement.caller = "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/";
  return statement;
}

std::string make_token(const TestPki& pki, std::string_view device) {
  const token::SigningIdentity identity = signing_identity(pki, device);
  return token::sign_claims(token::claims_for(test_statement(), identity, std::chrono::system_clock::now()), identity);
}

TokenParts split_token(std::string_view token) {
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) {
    throw std::runtime_error("test token has no three parts");
  }
  return {nlohmann::json::parse(decode(token.substr(0, first))),
          nlohmann::json::parse(decode(token.substr(first + 1, second - first - 1))),
          decode(token.substr(second + 1))};
}

std::string join_token(const TokenParts& parts) {
  return input_of(parts.header, parts.payload) + "." + base64url::encode(parts.signature);
}

std::string with_payload(std::string_view token, const nlohmann::json& payload) {
  TokenParts parts = split_token(token);
  parts.payload = payload;
  return join_token(parts);
}

std::string with_header(std::string_view token, const nlohmann::json& header) {
  TokenParts parts = split_token(token);
  parts.header = header;
  return join_token(parts);
}

std::string unsigned_token(std::string_view token) {
  TokenParts parts = split_token(token);
  parts.header["alg"] = "none";
  parts.signature.clear();
  return input_of(parts.header, parts.payload) + ".";
}

std::string hmac_token(std::string_view token, std::string_view secret) {
  TokenParts parts = split_token(token);
  parts.header["alg"] = "HS256";
  const std::string input = input_of(parts.header, parts.payload);
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  std::size_t length = 0;
  if (EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.data(), secret.size(),
                reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac.data(), mac.size(),
                &length) == nullptr) {
    throw std::runtime_error("HMAC failed");
  }
  return input + "." + base64url::encode(std::string_view(reinterpret_cast<const char*>(mac.data()), length));
}

std::string signed_token(const nlohmann::json& header, const nlohmann::json& payload,
                         const token::SigningIdentity& identity) {
  const std::string input = input_of(header, payload);
  std::string signature = crypto::sign_sha256(identity.key, input);
  if (crypto::key_type(identity.key.get()) == crypto::KeyType::ec_p256) {
    signature = crypto::ecdsa_der_to_raw(signature, 32);
  }
  return input + "." + base64url::encode(signature);
}

}  // namespace seed::test
