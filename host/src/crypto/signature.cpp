#include "crypto/signature.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <vector>

#include "crypto/crypto_error.hpp"
#include "crypto/handles.hpp"
#include "crypto/library.hpp"

namespace seed::crypto {
namespace {

const unsigned char* bytes_of(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

BignumPtr bignum_from(std::string_view big_endian) {
  BignumPtr number(BN_bin2bn(bytes_of(big_endian), static_cast<int>(big_endian.size()), nullptr));
  if (!number) throw_openssl_error("cannot read a signature component");
  return number;
}

}  // namespace

std::string sign_sha256(const PrivateKey& key, std::string_view data) {
  prepare_library();
  const MdContextPtr context(EVP_MD_CTX_new());
  if (!context || EVP_DigestSignInit_ex(context.get(), nullptr, "SHA256", nullptr, nullptr, key.get(), nullptr) != 1) {
    throw_openssl_error("the key cannot sign with SHA-256");
  }
  std::size_t length = 0;
  if (EVP_DigestSign(context.get(), nullptr, &length, bytes_of(data), data.size()) != 1) {
    throw_openssl_error("signing failed");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, bytes_of(data),
                     data.size()) != 1) {
    throw_openssl_error("signing failed");
  }
  signature.resize(length);
  return signature;
}

bool verify_sha256(EVP_PKEY* public_key, std::string_view data, std::string_view signature) {
  prepare_library();
  const MdContextPtr context(EVP_MD_CTX_new());
  const bool verified =
      context &&
      EVP_DigestVerifyInit_ex(context.get(), nullptr, "SHA256", nullptr, nullptr, public_key, nullptr) == 1 &&
      EVP_DigestVerify(context.get(), bytes_of(signature), signature.size(), bytes_of(data), data.size()) == 1;
  ERR_clear_error();
  return verified;
}

std::string ecdsa_der_to_raw(std::string_view der, std::size_t component_size) {
  const unsigned char* cursor = bytes_of(der);
  const EcdsaSignaturePtr signature(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())));
  if (!signature || cursor != bytes_of(der) + der.size()) throw_openssl_error("malformed ECDSA signature");
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(signature.get(), &r, &s);
  std::string raw(2 * component_size, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  const int size = static_cast<int>(component_size);
  if (BN_bn2binpad(r, out, size) != size || BN_bn2binpad(s, out + component_size, size) != size) {
    throw_openssl_error("ECDSA signature component too large");
  }
  return raw;
}

std::optional<std::string> ecdsa_raw_to_der(std::string_view raw) {
  if (raw.empty() || raw.size() % 2 != 0) return std::nullopt;
  const std::size_t half = raw.size() / 2;
  BignumPtr r = bignum_from(raw.substr(0, half));
  BignumPtr s = bignum_from(raw.substr(half));
  const EcdsaSignaturePtr signature(ECDSA_SIG_new());
  if (!signature || ECDSA_SIG_set0(signature.get(), r.get(), s.get()) != 1) {
    throw_openssl_error("cannot build an ECDSA signature");
  }
  // The signature owns r and s now.
  static_cast<void>(r.release());
  static_cast<void>(s.release());
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(signature.get(), &der);
  if (length <= 0) throw_openssl_error("cannot encode an ECDSA signature");
  std::string encoded(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return encoded;
}

}  // namespace seed::crypto
