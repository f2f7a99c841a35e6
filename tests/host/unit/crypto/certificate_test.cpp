#include <openssl/asn1.h>
#include <openssl/x509.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "crypto/certificate.hpp"
#include "crypto/crypto_error.hpp"
#include "crypto/loader.hpp"
#include "support/test_pki.hpp"

using seed::crypto::Certificate;
using seed::crypto::CryptoError;
using seed::crypto::load_certificate;
using seed::test::shared_test_pki;

namespace {

// The serial's content octets in lowercase hex, read straight from the ASN.1 INTEGER.
std::string serial_octets_hex(const Certificate& certificate) {
  const ASN1_INTEGER* serial = X509_get0_serialNumber(certificate.get());
  const unsigned char* data = ASN1_STRING_get0_data(serial);
  std::string hex;
  for (int i = 0; i < ASN1_STRING_length(serial); ++i) {
    static constexpr char kDigits[] = "0123456789abcdef";
    hex += kDigits[data[i] >> 4];
    hex += kDigits[data[i] & 15];
  }
  return hex;
}

}  // namespace

TEST_CASE("serial_hex is the serial number in lowercase hex without separators") {
  const Certificate certificate = load_certificate(shared_test_pki().certificate("device-se"));
  const std::string serial = certificate.serial_hex();
  CHECK(serial == serial_octets_hex(certificate));
  CHECK(serial.size() == 32);
  CHECK(serial.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(serial != load_certificate(shared_test_pki().certificate("device-non-se")).serial_hex());
}

TEST_CASE("policy_oids lists the certificatePolicies OIDs, empty without the extension") {
  const auto& pki = shared_test_pki();
  CHECK(load_certificate(pki.certificate("device-se")).policy_oids() ==
        std::vector<std::string>{std::string(seed::test::kSePolicyOid)});
  CHECK(load_certificate(pki.certificate("device-non-se")).policy_oids() ==
        std::vector<std::string>{std::string(seed::test::kNonSePolicyOid)});
  CHECK(load_certificate(pki.root_ca()).policy_oids().empty());
}

TEST_CASE("subject attributes come by short name or dotted OID, in order") {
  const Certificate certificate = load_certificate(shared_test_pki().certificate("device-se"));
  CHECK(certificate.subject_values("OU") == std::vector<std::string>{"GSIB SE"});
  CHECK(certificate.subject_values("2.5.4.11") == std::vector<std::string>{"GSIB SE"});
  CHECK(certificate.subject_values("CN") == std::vector<std::string>{"device-se.devices.test"});
  CHECK(certificate.subject_values("L").empty());
  const auto attributes = certificate.subject_attributes();
  REQUIRE(attributes.size() == 4);
  CHECK(attributes[0] == std::pair<std::string, std::string>{"C", "SG"});
  CHECK(attributes[1] == std::pair<std::string, std::string>{"O", "SEED Test Agency"});
  CHECK(certificate.subject_line() == "CN=device-se.devices.test,OU=GSIB SE,O=SEED Test Agency,C=SG");
}

TEST_CASE("validity period is read as time points") {
  const auto now = std::chrono::system_clock::now();
  const Certificate good = load_certificate(shared_test_pki().certificate("device-non-se"));
  CHECK(good.not_before() < now);
  CHECK(good.not_after() > now + std::chrono::hours{24 * 300});
  const Certificate expired = load_certificate(shared_test_pki().certificate("device-expired"));
  CHECK(expired.not_after() < now);
}

TEST_CASE("DER round-trips and from_der refuses garbage and trailing bytes") {
  const Certificate certificate = load_certificate(shared_test_pki().certificate("device-rsa"));
  const std::string der = certificate.der();
  const Certificate again = Certificate::from_der(der);
  CHECK(again.serial_hex() == certificate.serial_hex());
  CHECK(again.der() == der);
  CHECK_THROWS_AS(Certificate::from_der(der + "x"), CryptoError);
  CHECK_THROWS_AS(Certificate::from_der(der.substr(0, der.size() - 1)), CryptoError);
  CHECK_THROWS_AS(Certificate::from_der("not a certificate"), CryptoError);
  CHECK_THROWS_AS(Certificate::from_der(""), CryptoError);
}

TEST_CASE("copies of a certificate share the same object safely") {
  Certificate first = load_certificate(shared_test_pki().root_ca());
  Certificate second = first;
  CHECK(second.get() == first.get());
  first = load_certificate(shared_test_pki().issuing_ca());
  CHECK(second.subject_values("CN") == std::vector<std::string>{"SEED Test Root CA"});
  CHECK(first.subject_values("CN") == std::vector<std::string>{"SEED Test Issuing CA"});
}
