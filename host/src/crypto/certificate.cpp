#include "crypto/certificate.hpp"

#include <openssl/asn1.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include <array>
#include <cctype>
#include <ctime>

#include "crypto/crypto_error.hpp"
#include "crypto/library.hpp"

namespace seed::crypto {
namespace {

X509Ptr share(X509* certificate) {
  if (X509_up_ref(certificate) != 1) throw_openssl_error("cannot share a certificate");
  return X509Ptr(certificate);
}

std::string dotted_oid(const ASN1_OBJECT* object) {
  std::array<char, 128> dotted{};
  const int length = OBJ_obj2txt(dotted.data(), static_cast<int>(dotted.size()), object, 1);
  if (length <= 0 || static_cast<std::size_t>(length) >= dotted.size()) throw CryptoError("unreadable object identifier");
  return std::string(dotted.data(), static_cast<std::size_t>(length));
}

// The short name ("OU", "CN") when OpenSSL knows the attribute, else its dotted OID.
std::string object_name(const ASN1_OBJECT* object) {
  const int nid = OBJ_obj2nid(object);
  if (nid != NID_undef) {
    if (const char* short_name = OBJ_nid2sn(nid)) return short_name;
  }
  return dotted_oid(object);
}

using PoliciesPtr = std::unique_ptr<CERTIFICATEPOLICIES, OpenSslDeleter<CERTIFICATEPOLICIES_free>>;

std::string utf8_value(const ASN1_STRING* value) {
  unsigned char* utf8 = nullptr;
  const int length = ASN1_STRING_to_UTF8(&utf8, value);
  if (length < 0) throw_openssl_error("unreadable subject attribute");
  std::string text(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(length));
  OPENSSL_free(utf8);
  return text;
}

std::chrono::system_clock::time_point to_time_point(const ASN1_TIME* time) {
  std::tm parts{};
  if (time == nullptr || ASN1_TIME_to_tm(time, &parts) != 1) throw CryptoError("unreadable certificate validity");
  return std::chrono::system_clock::from_time_t(timegm(&parts));
}

}  // namespace

bool is_known_short_name(const std::string& name) {
  prepare_library();
  return OBJ_sn2nid(name.c_str()) != NID_undef;
}

Certificate::Certificate(X509Ptr certificate) : certificate_(std::move(certificate)) {
  if (!certificate_) throw CryptoError("no certificate");
}

Certificate::Certificate(const Certificate& other) : certificate_(share(other.certificate_.get())) {}

Certificate& Certificate::operator=(const Certificate& other) {
  if (this != &other) certificate_ = share(other.certificate_.get());
  return *this;
}

Certificate Certificate::from_der(std::string_view der) {
  prepare_library();
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  const auto* const end = cursor + der.size();
  X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
  if (!certificate) throw_openssl_error("not a DER certificate");
  if (cursor != end) throw CryptoError("trailing bytes after the DER certificate");
  return Certificate(std::move(certificate));
}

std::string Certificate::der() const {
  unsigned char* bytes = nullptr;
  const int length = i2d_X509(certificate_.get(), &bytes);
  if (length <= 0) throw_openssl_error("cannot encode the certificate");
  std::string der(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
  OPENSSL_free(bytes);
  return der;
}

std::string Certificate::serial_hex() const {
  const BignumPtr serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate_.get()), nullptr));
  if (!serial) throw_openssl_error("unreadable serial number");
  char* hex = BN_bn2hex(serial.get());
  if (hex == nullptr) throw_openssl_error("unreadable serial number");
  std::string text(hex);
  OPENSSL_free(hex);
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string Certificate::subject_line() const {
  const BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || X509_NAME_print_ex(bio.get(), X509_get_subject_name(certificate_.get()), 0,
                                 XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
    throw_openssl_error("unreadable subject");
  }
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(length));
}

std::vector<std::pair<std::string, std::string>> Certificate::subject_attributes() const {
  const X509_NAME* name = X509_get_subject_name(certificate_.get());
  std::vector<std::pair<std::string, std::string>> attributes;
  const int count = X509_NAME_entry_count(name);
  for (int i = 0; i < count; ++i) {
    const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    attributes.emplace_back(object_name(X509_NAME_ENTRY_get_object(entry)),
                            utf8_value(X509_NAME_ENTRY_get_data(entry)));
  }
  return attributes;
}

std::vector<std::string> Certificate::subject_values(std::string_view attribute) const {
  const X509_NAME* name = X509_get_subject_name(certificate_.get());
  std::vector<std::string> values;
  const int count = X509_NAME_entry_count(name);
  for (int i = 0; i < count; ++i) {
    const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    const ASN1_OBJECT* object = X509_NAME_ENTRY_get_object(entry);
    if (object_name(object) == attribute || dotted_oid(object) == attribute) {
      values.push_back(utf8_value(X509_NAME_ENTRY_get_data(entry)));
    }
  }
  return values;
}

std::vector<std::string> Certificate::policy_oids() const {
  int critical = 0;
  const PoliciesPtr policies(static_cast<CERTIFICATEPOLICIES*>(
      X509_get_ext_d2i(certificate_.get(), NID_certificate_policies, &critical, nullptr)));
  if (!policies) {
    if (critical == -1) return {};  // no such extension
    if (critical == -2) throw CryptoError("the certificate has more than one certificatePolicies extension");
    throw_openssl_error("malformed certificatePolicies extension");
  }
  std::vector<std::string> oids;
  for (int i = 0; i < sk_POLICYINFO_num(policies.get()); ++i) {
    oids.push_back(dotted_oid(sk_POLICYINFO_value(policies.get(), i)->policyid));
  }
  return oids;
}

std::chrono::system_clock::time_point Certificate::not_before() const {
  return to_time_point(X509_get0_notBefore(certificate_.get()));
}

std::chrono::system_clock::time_point Certificate::not_after() const {
  return to_time_point(X509_get0_notAfter(certificate_.get()));
}

EVP_PKEY* Certificate::public_key() const {
  EVP_PKEY* key = X509_get0_pubkey(certificate_.get());
  if (key == nullptr) throw_openssl_error("unreadable public key in the certificate");
  return key;
}

}  // namespace seed::crypto
