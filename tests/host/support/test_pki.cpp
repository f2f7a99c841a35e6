#include "support/test_pki.hpp"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/conf.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace seed::test {
namespace {

// Deliberately independent of the host's own crypto code, so the tests check it against plain
// OpenSSL rather than against itself.
template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* pointer) const { Free(pointer); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509_free>>;
using NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using ConfPtr = std::unique_ptr<CONF, Deleter<NCONF_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;

void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test PKI: ") + what + " failed");
}

KeyPtr make_ec_key() {
  KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  require(key != nullptr, "EC P-256 key generation");
  return key;
}

KeyPtr make_rsa_key() {
  KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)));
  require(key != nullptr, "RSA 2048 key generation");
  return key;
}

NamePtr make_name(const std::string& organisational_unit, const std::string& common_name) {
  NamePtr name(X509_NAME_new());
  require(name != nullptr, "X509_NAME_new");
  const auto add = [&](const char* field, const std::string& value) {
    require(X509_NAME_add_entry_by_txt(name.get(), field, MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0) == 1,
            "subject attribute");
  };
  add("C", "SG");
  add("O", "SEED Test Agency");
  if (!organisational_unit.empty()) add("OU", organisational_unit);
  add("CN", common_name);
  return name;
}

struct Validity {
  long not_before_days = -1;
  long not_after_days = 365;
};

struct CertificateSpec {
  const X509_NAME* subject = nullptr;
  EVP_PKEY* subject_key = nullptr;
  const X509* issuer = nullptr;  // null: self-signed
  EVP_PKEY* issuer_key = nullptr;
  bool is_ca = false;
  std::optional<std::string_view> policy_oid;
  Validity validity;
};

void add_extension(X509* certificate, CONF* conf, X509V3_CTX* context, int nid, const std::string& value) {
  ExtensionPtr extension(X509V3_EXT_nconf_nid(conf, context, nid, value.c_str()));
  require(extension != nullptr, "certificate extension");
  require(X509_add_ext(certificate, extension.get(), -1) == 1, "X509_add_ext");
}

void set_random_serial(X509* certificate) {
  BignumPtr serial(BN_new());
  require(serial != nullptr, "BN_new");
  // 127 bits with the top bit set: positive, always 16 bytes, so serials have a fixed length.
  require(BN_rand(serial.get(), 127, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) == 1, "BN_rand");
  require(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) != nullptr, "serial");
}

CertPtr make_certificate(const CertificateSpec& spec) {
  CertPtr certificate(X509_new());
  require(certificate != nullptr, "X509_new");
  X509* cert = certificate.get();
  require(X509_set_version(cert, X509_VERSION_3) == 1, "X509_set_version");
  set_random_serial(cert);
  require(X509_time_adj_ex(X509_getm_notBefore(cert), static_cast<int>(spec.validity.not_before_days), 0,
                           nullptr) != nullptr,
          "notBefore");
  require(X509_time_adj_ex(X509_getm_notAfter(cert), static_cast<int>(spec.validity.not_after_days), 0,
                           nullptr) != nullptr,
          "notAfter");
  require(X509_set_subject_name(cert, spec.subject) == 1, "subject");
  const X509_NAME* issuer_name = spec.issuer != nullptr ? X509_get_subject_name(spec.issuer) : spec.subject;
  require(X509_set_issuer_name(cert, issuer_name) == 1, "issuer");
  require(X509_set_pubkey(cert, spec.subject_key) == 1, "public key");

  ConfPtr conf(NCONF_new(nullptr));
  require(conf != nullptr, "NCONF_new");
  X509V3_CTX context;
  X509V3_set_ctx(&context, spec.issuer != nullptr ? const_cast<X509*>(spec.issuer) : cert, cert, nullptr,
                 nullptr, 0);
  X509V3_set_nconf(&context, conf.get());
  if (spec.is_ca) {
    add_extension(cert, conf.get(), &context, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(cert, conf.get(), &context, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_extension(cert, conf.get(), &context, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(cert, conf.get(), &context, NID_key_usage, "critical,digitalSignature");
    add_extension(cert, conf.get(), &context, NID_ext_key_usage, "clientAuth");
  }
  add_extension(cert, conf.get(), &context, NID_subject_key_identifier, "hash");
  if (spec.issuer != nullptr) {
    add_extension(cert, conf.get(), &context, NID_authority_key_identifier, "keyid:always");
  }
  if (spec.policy_oid) {
    add_extension(cert, conf.get(), &context, NID_certificate_policies, std::string(*spec.policy_oid));
  }
  EVP_PKEY* signing_key = spec.issuer_key != nullptr ? spec.issuer_key : spec.subject_key;
  require(X509_sign(cert, signing_key, EVP_sha256()) > 0, "X509_sign");
  return certificate;
}

BioPtr open_for_writing(const std::filesystem::path& path) {
  BioPtr bio(BIO_new_file(path.c_str(), "w"));
  if (bio == nullptr) throw std::runtime_error("test PKI: cannot write " + path.string());
  return bio;
}

void write_certificate(const std::filesystem::path& path, X509* certificate) {
  const BioPtr bio = open_for_writing(path);
  require(PEM_write_bio_X509(bio.get(), certificate) == 1, "writing a certificate");
}

void write_key(const std::filesystem::path& path, EVP_PKEY* key) {
  {
    const BioPtr bio = open_for_writing(path);
    require(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
            "writing a private key");
  }
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

// A certificate authority kept in memory while its certificates are issued.
struct Authority {
  KeyPtr key;
  CertPtr certificate;
};

Authority make_root(const std::string& common_name) {
  Authority root{make_ec_key(), nullptr};
  const NamePtr name = make_name("", common_name);
  CertificateSpec spec;
  spec.subject = name.get();
  spec.subject_key = root.key.get();
  spec.is_ca = true;
  spec.validity = Validity{-60, 3650};
  root.certificate = make_certificate(spec);
  return root;
}

class Writer {
 public:
  explicit Writer(const TestPki& pki) : pki_(pki) {}

  void authority(std::string_view name, const Authority& authority) const {
    write_certificate(pki_.certificate(name), authority.certificate.get());
    write_key(pki_.key(name), authority.key.get());
  }

  // A device certificate `name` issued by `issuer` for `subject_key`; `stored_key` goes to its
  // .key file (the same key, except for the mismatched pair).
  void device(std::string_view name, const Authority& issuer, EVP_PKEY* subject_key, EVP_PKEY* stored_key,
              const std::string& organisational_unit, std::string_view policy_oid, Validity validity = {}) const {
    const NamePtr subject = make_name(organisational_unit, std::string(name) + ".devices.test");
    CertificateSpec spec;
    spec.subject = subject.get();
    spec.subject_key = subject_key;
    spec.issuer = issuer.certificate.get();
    spec.issuer_key = issuer.key.get();
    spec.policy_oid = policy_oid;
    spec.validity = validity;
    const CertPtr certificate = make_certificate(spec);
    write_certificate(pki_.certificate(name), certificate.get());
    write_key(pki_.key(name), stored_key);
  }

  void device(std::string_view name, const Authority& issuer, EVP_PKEY* key, const std::string& organisational_unit,
              std::string_view policy_oid, Validity validity = {}) const {
    device(name, issuer, key, key, organisational_unit, policy_oid, validity);
  }

 private:
  const TestPki& pki_;
};

}  // namespace

TestPki::TestPki(std::filesystem::path directory) : directory_(std::move(directory)) {
  std::filesystem::create_directories(directory_);
  const Writer write(*this);

  const Authority root = make_root("SEED Test Root CA");
  write.authority("root-ca", root);

  Authority issuing{make_ec_key(), nullptr};
  const NamePtr issuing_name = make_name("", "SEED Test Issuing CA");
  CertificateSpec issuing_spec;
  issuing_spec.subject = issuing_name.get();
  issuing_spec.subject_key = issuing.key.get();
  issuing_spec.issuer = root.certificate.get();
  issuing_spec.issuer_key = root.key.get();
  issuing_spec.is_ca = true;
  issuing_spec.validity = Validity{-60, 1825};
  issuing.certificate = make_certificate(issuing_spec);
  write.authority("issuing-ca", issuing);

  const KeyPtr non_se = make_ec_key();
  write.device("device-non-se", issuing, non_se.get(), "GSIB Non-SE", kNonSePolicyOid);
  const KeyPtr se = make_ec_key();
  write.device("device-se", issuing, se.get(), "GSIB SE", kSePolicyOid);
  const KeyPtr rsa = make_rsa_key();
  write.device("device-rsa", issuing, rsa.get(), "GSIB Non-SE", kNonSePolicyOid);
  const KeyPtr expired = make_ec_key();
  write.device("device-expired", issuing, expired.get(), "GSIB Non-SE", kNonSePolicyOid,
               Validity{-30, -1});

  const Authority impostor = make_root("SEED Test Root CA");
  write.authority("untrusted-root-ca", impostor);
  const KeyPtr untrusted = make_ec_key();
  write.device("device-untrusted", impostor, untrusted.get(), "GSIB Non-SE", kNonSePolicyOid);

  const KeyPtr certified = make_ec_key();
  const KeyPtr other = make_ec_key();
  write.device("device-mismatched", issuing, certified.get(), other.get(), "GSIB Non-SE", kNonSePolicyOid);
  const KeyPtr wrong_subject = make_ec_key();
  write.device("device-wrong-subject", issuing, wrong_subject.get(), "Contractor Laptops", kNonSePolicyOid);
}

std::filesystem::path TestPki::certificate(std::string_view name) const {
  return directory_ / (std::string(name) + ".pem");
}

std::filesystem::path TestPki::key(std::string_view name) const {
  return directory_ / (std::string(name) + ".key");
}

TemporaryDirectory::TemporaryDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "seed-attest-test-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "mkdtemp");
  }
  path_ = buffer.data();
}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

const TestPki& shared_test_pki() {
  struct Shared {
    TemporaryDirectory directory;
    TestPki pki{directory.path()};
  };
  static const Shared shared;
  return shared.pki;
}

}  // namespace seed::test
