#include <cstdio>
#include <exception>
#include <string_view>

#include "support/test_pki.hpp"

// make-test-pki DIR: writes the test PKI of support/test_pki.hpp into DIR, for the tests that are
// not C++ (node, browsers) and the benchmark.
int main(int argc, char** argv) {
  constexpr const char* kUsage =
      "usage: make-test-pki DIR\n"
      "Writes a throwaway test PKI (CA and device keys and certificates) into DIR.\n";
  const std::string_view directory = argc == 2 ? argv[1] : "";
  if (directory == "--help" || directory == "-h") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  // An option is never taken for a directory: the keys would land in a folder named like it.
  if (argc != 2 || directory.empty() || directory.starts_with('-')) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  try {
    const seed::test::TestPki pki(argv[1]);
    std::printf("%s\n", pki.directory().c_str());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "make-test-pki: %s\n", error.what());
    return 1;
  }
}
