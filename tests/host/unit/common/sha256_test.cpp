#include <catch2/catch.hpp>
#include <openssl/evp.h>

#include <random>
#include <string>

#include "common/sha256.hpp"

using seed::sha256_hex;

namespace {

std::string openssl_sha256_hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  REQUIRE(EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) == 1);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

}  // namespace

TEST_CASE("SHA-256 gives the FIPS 180-4 example digests", "[sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Every length around the 64-byte block and the 56-byte padding boundary, and random contents.
TEST_CASE("SHA-256 agrees with OpenSSL for every length up to three blocks and beyond", "[sha256]") {
  std::mt19937 random(20261128);
  std::uniform_int_distribution<int> byte(0, 255);
  for (std::size_t length = 0; length <= 200; ++length) {
    std::string bytes(length, '\0');
    for (char& c : bytes) c = static_cast<char>(byte(random));
    INFO("length " << length);
    CHECK(sha256_hex(bytes) == openssl_sha256_hex(bytes));
  }
  for (const std::size_t length : {1023U, 1024U, 65535U, 65536U, 1048577U}) {
    std::string bytes(length, '\0');
    for (char& c : bytes) c = static_cast<char>(byte(random));
    INFO("length " << length);
    CHECK(sha256_hex(bytes) == openssl_sha256_hex(bytes));
  }
}
