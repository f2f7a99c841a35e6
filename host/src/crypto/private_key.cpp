#include "crypto/private_key.hpp"

#include <openssl/err.h>

#include "crypto/crypto_error.hpp"

namespace seed::crypto {
namespace {

KeyPtr share(EVP_PKEY* key) {
  if (EVP_PKEY_up_ref(key) != 1) throw_openssl_error("cannot share a private key");
  return KeyPtr(key);
}

}  // namespace

PrivateKey::PrivateKey(KeyPtr key) : key_(std::move(key)) {
  if (!key_) throw CryptoError("no private key");
}

PrivateKey::PrivateKey(const PrivateKey& other) : key_(share(other.key_.get())) {}

PrivateKey& PrivateKey::operator=(const PrivateKey& other) {
  if (this != &other) key_ = share(other.key_.get());
  return *this;
}

bool PrivateKey::pairs_with(const Certificate& certificate) const {
  const bool equal = EVP_PKEY_eq(certificate.public_key(), key_.get()) == 1;
  ERR_clear_error();  // a type mismatch (EC key, RSA certificate) queues an error we answer with false
  return equal;
}

}  // namespace seed::crypto
