#include <cstdio>
#include <exception>

#include "support/test_pki.hpp"

// make-test-pki DIR: writes the test PKI of support/test_pki.hpp into DIR, for the tests that are
// not C++ (node, browsers) and the benchmark.
int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make-test-pki DIR\n");
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
