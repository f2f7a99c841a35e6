#include "crypto/loader.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/store.h>
#include <openssl/ui.h>

#include <cctype>
#include <optional>

#include "crypto/crypto_error.hpp"
#include "crypto/library.hpp"

namespace seed::crypto {
namespace {

constexpr int kMaxEntries = 1000;

// A PEM file named by its path is read with the PEM reader; OSSL_STORE (a loader and a decoder
// for every format it knows) costs more than the rest of reading it. Anything the PEM reader does
// not take (DER, PKCS#12, an encrypted key, a store URI) goes through OSSL_STORE, which also gives
// the error message.
int refuse_passphrase(char* /*buffer*/, int /*size*/, int /*writing*/, void* /*data*/) { return -1; }

BioPtr open_plain_file(const std::string& location) {
  if (location.empty() || is_store_uri(location)) return nullptr;
  BioPtr bio(BIO_new_file(location.c_str(), "rb"));
  if (!bio) ERR_clear_error();
  return bio;
}

std::optional<std::vector<Certificate>> read_pem_certificates(const std::string& location) {
  const BioPtr bio = open_plain_file(location);
  if (!bio) return std::nullopt;
  std::vector<Certificate> certificates;
  while (certificates.size() < kMaxEntries) {
    X509* certificate = PEM_read_bio_X509(bio.get(), nullptr, refuse_passphrase, nullptr);
    if (certificate == nullptr) break;
    certificates.emplace_back(X509Ptr(certificate));
  }
  ERR_clear_error();
  if (certificates.empty()) return std::nullopt;
  return certificates;
}

std::optional<PrivateKey> read_pem_private_key(const std::string& location) {
  const BioPtr bio = open_plain_file(location);
  if (!bio) return std::nullopt;
  KeyPtr key(PEM_read_bio_PrivateKey_ex(bio.get(), nullptr, refuse_passphrase, nullptr, nullptr, nullptr));
  ERR_clear_error();
  if (!key) return std::nullopt;
  return PrivateKey(std::move(key));
}

// Opens `location` expecting objects of `type`. UI_null(): a locked key fails instead of prompting
// on the terminal, which would hang a host that a browser started.
LoaderPtr open_store(const std::string& location, int type, const char* what) {
  if (location.empty()) throw CryptoError(std::string("no ") + what + " location given");
  ERR_clear_error();
  LoaderPtr store(OSSL_STORE_open_ex(location.c_str(), nullptr, nullptr, UI_null(), nullptr, nullptr, nullptr, nullptr));
  if (!store) throw_openssl_error("cannot open " + std::string(what) + " '" + location + "'");
  if (OSSL_STORE_expect(store.get(), type) != 1) throw_openssl_error("cannot read '" + location + "'");
  return store;
}

// Objects at one location, of any type; entries the store cannot return as the expected type
// (a key next to a certificate, a PEM block it does not know) are skipped, and the last reason is
// kept for the message when nothing usable was found.
class ObjectReader {
 public:
  explicit ObjectReader(OSSL_STORE_CTX* store) : store_(store) {}

  LoaderInfoPtr next() {
    // Bounded: a store that never reports its end must not hang the host.
    while (attempts_++ < kMaxEntries && OSSL_STORE_eof(store_) != 1) {
      LoaderInfoPtr info(OSSL_STORE_load(store_));
      if (info) return info;
      if (OSSL_STORE_eof(store_) != 1 && ERR_peek_last_error() != 0) last_reason_ = with_openssl_reason("");
    }
    ERR_clear_error();
    return nullptr;
  }

  // "" or ": <reason>" for the last entry that could not be read.
  [[nodiscard]] const std::string& last_reason() const { return last_reason_; }

 private:
  OSSL_STORE_CTX* store_;
  int attempts_ = 0;
  std::string last_reason_;
};

}  // namespace

bool is_store_uri(const std::string& location) {
  const std::size_t colon = location.find(':');
  if (colon == std::string::npos || colon < 2) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = location[i];
    const bool allowed = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
    if (!allowed) return false;
  }
  return true;
}

std::vector<Certificate> load_certificates(const std::string& location) {
  prepare_library();
  if (auto certificates = read_pem_certificates(location)) return std::move(*certificates);
  const LoaderPtr store = open_store(location, OSSL_STORE_INFO_CERT, "certificate");
  std::vector<Certificate> certificates;
  ObjectReader reader(store.get());
  while (const LoaderInfoPtr info = reader.next()) {
    if (OSSL_STORE_INFO_get_type(info.get()) != OSSL_STORE_INFO_CERT) continue;
    certificates.emplace_back(X509Ptr(OSSL_STORE_INFO_get1_CERT(info.get())));
  }
  if (certificates.empty()) throw CryptoError("no certificate in '" + location + "'" + reader.last_reason());
  return certificates;
}

Certificate load_certificate(const std::string& location) { return load_certificates(location).front(); }

PrivateKey load_private_key(const std::string& location) {
  prepare_library();
  if (auto key = read_pem_private_key(location)) return std::move(*key);
  const LoaderPtr store = open_store(location, OSSL_STORE_INFO_PKEY, "private key");
  ObjectReader reader(store.get());
  while (const LoaderInfoPtr info = reader.next()) {
    if (OSSL_STORE_INFO_get_type(info.get()) != OSSL_STORE_INFO_PKEY) continue;
    ERR_clear_error();
    return PrivateKey(KeyPtr(OSSL_STORE_INFO_get1_PKEY(info.get())));
  }
  throw CryptoError("no private key in '" + location + "'" + reader.last_reason());
}

}  // namespace seed::crypto
