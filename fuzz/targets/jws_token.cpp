// The token verifier of `seed-attest verify`, against a test PKI generated when the target starts
// (no key is ever committed). The first input byte picks the mode:
//
//  - even: the rest is a token, verified as received. Nobody but the test PKI's devices can sign
//    for its root, so no input may ever verify: success would be a forgery.
//  - odd: the rest is a header and a payload, split at the first NUL, signed with a real device
//    key (EC P-256, or RSA when bit 1 is set) and then verified. Parsed objects are completed
//    from a good token (members the fuzzer left out are filled in, numeric iat and exp count
//    from now, x5c is the device chain unless given); text that is not a JSON object, or that
//    starts with '!' (dropped), is signed as is, so duplicate members and bad UTF-8 get signed.
//    Whatever verifies must satisfy section 4 of the contract.
//
// Either way the verifier may only refuse with a TokenError.

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "common/base64url.hpp"
#include "crypto/key_type.hpp"
#include "crypto/loader.hpp"
#include "crypto/signature.hpp"
#include "support/check.hpp"
#include "support/test_pki.hpp"
#include "token/claims.hpp"
#include "token/token_error.hpp"
#include "token/verifier.hpp"
#include "token/x5c.hpp"

namespace {

using namespace seed;

constexpr const char* kAudience = "https://portal.techpass.gov.sg";
constexpr const char* kNonce = "q83vEjRWeJq83vEjRWeJqw";

struct Device {
  crypto::PrivateKey key;
  std::vector<crypto::Certificate> chain;
  std::string serial;
};

Device load_device(const test::TestPki& pki, std::string_view name) {
  auto chain = crypto::load_certificates(pki.certificate(name).string());
  chain.push_back(crypto::load_certificate(pki.issuing_ca().string()));
  std::string serial = chain.front().serial_hex();
  return {crypto::load_private_key(pki.key(name).string()), std::move(chain), std::move(serial)};
}

// Everything is read into memory and the PKI's folder removed at once: libFuzzer ends a run with
// _Exit, which would leave the keys behind in a temporary folder.
struct Fixture {
  std::vector<crypto::Certificate> anchors;
  Device ec;
  Device rsa;
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();

  static Fixture make() {
    const test::TemporaryDirectory directory;
    const test::TestPki pki(directory.path());
    return {{crypto::load_certificate(pki.root_ca().string())}, load_device(pki, "device-non-se"),
            load_device(pki, "device-rsa")};
  }
};

const Fixture& fixture() {
  static const Fixture instance = Fixture::make();
  return instance;
}

std::int64_t seconds_since_epoch(std::chrono::system_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

std::optional<token::VerifiedToken> verify(std::string_view token) {
  token::VerifyOptions options;
  options.anchors = fixture().anchors;
  options.nonce = kNonce;
  options.audience = kAudience;
  options.now = fixture().now;
  try {
    return token::verify_token(token, options);
  } catch (const token::TokenError&) {
    return std::nullopt;
  }
}

nlohmann::json completed_header(nlohmann::json header, const Device& device, bool is_rsa) {
  if (!header.contains("alg")) header["alg"] = is_rsa ? "RS256" : "ES256";
  if (!header.contains("typ")) header["typ"] = token::kTokenType;
  if (!header.contains("x5c")) header["x5c"] = token::encode_x5c(device.chain);
  return header;
}

// Numbers near zero are offsets from now, so the fuzzer can reach the lifetime and skew checks.
void shift_time(nlohmann::json& payload, const char* claim, std::int64_t now) {
  const auto found = payload.find(claim);
  if (found == payload.end() || !found->is_number_integer()) return;
  const auto offset = found->get<std::int64_t>();
  if (offset > -100000 && offset < 100000) payload[claim] = now + offset;
}

nlohmann::json completed_payload(nlohmann::json payload, const Device& device) {
  const std::int64_t now = seconds_since_epoch(fixture().now);
  const nlohmann::json good = {{"iss", "seed-attest"},      {"sub", device.serial},       {"aud", kAudience},
                               {"nonce", kNonce},           {"iat", 0},                   {"exp", 300},
                               {"device_class", "non_se_gsib"}, {"decided_by", "certificate"},
                               {"policy_sha256", std::string(64, 'a')}, {"host_version", "0.1.0"},
                               {"caller", "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/"}};
  for (const auto& [name, value] : good.items()) {
    if (!payload.contains(name)) payload[name] = value;
  }
  shift_time(payload, "iat", now);
  shift_time(payload, "exp", now);
  return payload;
}

// The JSON text for one part: a completed object when the fuzzer wrote one, else its bytes.
std::string part_text(std::string_view text, const auto& complete) {
  if (text.starts_with('!')) return std::string(text.substr(1));
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::string(text);
  return complete(std::move(parsed)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string signed_token(std::string_view header, std::string_view payload, const Device& device) {
  const std::string input = base64url::encode(header) + "." + base64url::encode(payload);
  std::string signature = crypto::sign_sha256(device.key, input);
  if (crypto::key_type(device.key.get()) == crypto::KeyType::ec_p256) signature = crypto::ecdsa_der_to_raw(signature, 32);
  return input + "." + base64url::encode(signature);
}

// Section 4 of the contract, for a token that verified.
void check_contract(const token::VerifiedToken& verified, const Device& device, bool is_rsa) {
  const auto& claims = verified.claims;
  const std::int64_t now = seconds_since_epoch(fixture().now);
  SEED_FUZZ_CHECK(verified.header.at("alg") == (is_rsa ? "RS256" : "ES256"));
  SEED_FUZZ_CHECK(verified.header.at("typ") == token::kTokenType);
  SEED_FUZZ_CHECK(claims.iss == "seed-attest");
  SEED_FUZZ_CHECK(claims.sub == device.serial);
  SEED_FUZZ_CHECK(claims.aud == kAudience);
  SEED_FUZZ_CHECK(claims.nonce == kNonce);
  SEED_FUZZ_CHECK(claims.decided_by == "certificate");
  // The difference in unsigned arithmetic, which cannot overflow once iat < exp.
  SEED_FUZZ_CHECK(claims.iat < claims.exp &&
                  static_cast<std::uint64_t>(claims.exp) - static_cast<std::uint64_t>(claims.iat) <= 300);
  SEED_FUZZ_CHECK(claims.exp >= now - 60 && claims.iat <= now + 60);  // the default clock skew
  SEED_FUZZ_CHECK(!verified.path.empty() && verified.path.front().serial_hex() == device.serial);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned mode = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const Fixture& pki = fixture();

  if ((mode & 1U) == 0) {
    SEED_FUZZ_CHECK(!verify(rest).has_value());
    return 0;
  }
  const bool is_rsa = (mode & 2U) != 0;
  const Device& device = is_rsa ? pki.rsa : pki.ec;
  const auto split = rest.find('\0');
  const std::string_view header_text = rest.substr(0, split);
  const std::string_view payload_text = split == std::string_view::npos ? std::string_view() : rest.substr(split + 1);
  const std::string header = part_text(header_text, [&](nlohmann::json h) { return completed_header(std::move(h), device, is_rsa); });
  const std::string payload = part_text(payload_text, [&](nlohmann::json p) { return completed_payload(std::move(p), device); });
  if (const auto verified = verify(signed_token(header, payload, device))) check_contract(*verified, device, is_rsa);
  return 0;
}
