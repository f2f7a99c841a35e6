#include "crypto/library.hpp"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <initializer_list>

namespace seed::crypto {
namespace {

// In a fresh process OpenSSL 3.0 spends most of a certificate check and a signature on first-use
// set-up, not on cryptography (docs/PERFORMANCE.md). Two parts of it do nothing for us:
// - copying every legacy cipher name (about 200) into the algorithm name map at its first use:
//   only an encrypted traditional PEM key looks a cipher up by its legacy name (its DEK-Info
//   line), so only the ciphers those files use are named, and such a key is still reported as
//   locked rather than as unsupported (the legacy digest names all stay: certificate
//   verification looks digests up that way);
// - the default random generator, CTR-DRBG, whose first use fetches AES and with it builds the
//   table of every cipher the providers offer. HASH-DRBG over SHA-256 (NIST SP 800-90A as well)
//   needs only SHA-256, which the signature fetches anyway.
// Both are set before the configuration file is read, so a `[random]` section there still
// chooses the generator. And no clean-up at exit: freeing every table OpenSSL built costs more
// than a `hello`, for memory the process gives back as it ends anyway.
void configure() {
  OPENSSL_init_crypto(OPENSSL_INIT_NO_ADD_ALL_CIPHERS | OPENSSL_INIT_NO_ATEXIT, nullptr);
  // The CBC ciphers `openssl rsa|ec|pkey -aes256` and the like write, that the default provider
  // implements (DES-CBC and IDEA need the legacy one).
  for (const EVP_CIPHER* cipher :
       {EVP_aes_128_cbc(), EVP_aes_192_cbc(), EVP_aes_256_cbc(), EVP_des_ede3_cbc(), EVP_camellia_128_cbc(),
        EVP_camellia_192_cbc(), EVP_camellia_256_cbc(), EVP_aria_128_cbc(), EVP_aria_192_cbc(), EVP_aria_256_cbc()}) {
    EVP_add_cipher(cipher);
  }
  // Fails only when the generator already runs (a program that used OpenSSL before): then its
  // choice stands.
  if (RAND_set_DRBG_type(nullptr, "HASH-DRBG", nullptr, nullptr, "SHA256") != 1) ERR_clear_error();
}

}  // namespace

void prepare_library() {
  static const bool prepared = (configure(), true);
  (void)prepared;
}

}  // namespace seed::crypto
