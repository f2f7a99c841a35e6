#include <catch2/catch.hpp>

#include "common/base64url.hpp"

using seed::base64url::decode;
using seed::base64url::encode;

TEST_CASE("base64url encodes the RFC 4648 vectors without padding", "[base64url]") {
  CHECK(encode("") == "");
  CHECK(encode("f") == "Zg");
  CHECK(encode("fo") == "Zm8");
  CHECK(encode("foo") == "Zm9v");
  CHECK(encode("foob") == "Zm9vYg");
  CHECK(encode("fooba") == "Zm9vYmE");
  CHECK(encode("foobar") == "Zm9vYmFy");
  CHECK(encode(std::string("\xfb\xff\xbf", 3)) == "-_-_");
}

TEST_CASE("base64url round-trips every byte value at every length", "[base64url]") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) {
    bytes += static_cast<char>(i);
    const auto back = decode(encode(bytes));
    REQUIRE(back.has_value());
    REQUIRE(*back == bytes);
  }
}

TEST_CASE("base64url decoding is strict", "[base64url]") {
  CHECK_FALSE(decode("Zg==").has_value());    // padding
  CHECK_FALSE(decode("Zm9v+g").has_value());  // standard alphabet
  CHECK_FALSE(decode("Zm9v/g").has_value());
  CHECK_FALSE(decode("Zm 9v").has_value());   // whitespace
  CHECK_FALSE(decode("Z").has_value());       // impossible length
  CHECK_FALSE(decode("Zh").has_value());      // non-zero trailing bits
  CHECK(decode("Zg").value() == "f");
}
