#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>

#include "attestation/probes/file_probe.hpp"
#include "support/files.hpp"
#include "support/test_pki.hpp"

using namespace seed::attestation;
using seed::policy::FileProbe;
using seed::test::TemporaryDirectory;
using seed::test::write_file;

TEST_CASE("a file probe without match: found or not found", "[probe][file]") {
  TemporaryDirectory directory;
  const auto path = directory.path() / "gsib-release";
  ProbeResult result = run_file_probe(FileProbe{path.string(), std::nullopt});
  CHECK(result.outcome == Outcome::no_match);
  CHECK(result.detail == "not found");

  write_file(path, "edition=non-se\n");
  result = run_file_probe(FileProbe{path.string(), std::nullopt});
  CHECK(result.outcome == Outcome::match);
  CHECK(result.detail == "found");

  // A directory exists too (install markers are often folders).
  CHECK(run_file_probe(FileProbe{directory.path().string(), std::nullopt}).outcome == Outcome::match);
  // A path through a regular file is simply not there.
  CHECK(run_file_probe(FileProbe{(path / "below").string(), std::nullopt}).outcome == Outcome::no_match);
}

TEST_CASE("a file probe with match: a multiline regex over the content", "[probe][file]") {
  TemporaryDirectory directory;
  const auto path = directory.path() / "gsib-release";
  write_file(path, "# GSIB image\nedition=non-se\nbuild=2024.1\n");
  ProbeResult result = run_file_probe(FileProbe{path.string(), "^edition=non-se$"});
  CHECK(result.outcome == Outcome::match);
  CHECK(result.detail == "found; content matches");

  result = run_file_probe(FileProbe{path.string(), "^edition=se$"});
  CHECK(result.outcome == Outcome::no_match);
  CHECK(result.detail == "found; content does not match");

  CHECK(run_file_probe(FileProbe{(directory.path() / "missing").string(), "x"}).outcome == Outcome::no_match);
}

TEST_CASE("a file probe reads only the first 64 KiB", "[probe][file]") {
  TemporaryDirectory directory;
  const auto path = directory.path() / "big";
  write_file(path, std::string(64 * 1024, 'a') + "MARKER");
  CHECK(run_file_probe(FileProbe{path.string(), "MARKER"}).outcome == Outcome::no_match);
  write_file(path, std::string(64 * 1024 - 6, 'a') + "MARKER" + std::string(1000, 'b'));
  CHECK(run_file_probe(FileProbe{path.string(), "MARKER"}).outcome == Outcome::match);
}

TEST_CASE("a file probe cannot match content that is not a regular file's, and never blocks", "[probe][file]") {
  TemporaryDirectory directory;
  ProbeResult result = run_file_probe(FileProbe{directory.path().string(), "x"});
  CHECK(result.outcome == Outcome::error);
  CHECK(result.detail == "found, but it is not a regular file whose content could be matched");

  const auto fifo = directory.path() / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto began = std::chrono::steady_clock::now();
  result = run_file_probe(FileProbe{fifo.string(), "x"});
  CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds{1});
  CHECK(result.outcome == Outcome::error);
  CHECK(run_file_probe(FileProbe{fifo.string(), std::nullopt}).outcome == Outcome::match);
}
