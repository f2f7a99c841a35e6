#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/subcommands.hpp"
#include "cli/usage_error.hpp"
#include "crypto/loader.hpp"
#include "messaging/attest_request.hpp"
#include "token/compact_jws.hpp"
#include "token/token_error.hpp"
#include "token/verifier.hpp"

// seed-attest verify --token FILE|- --ca FILE [--nonce N] [--origin O]
namespace seed::cli {
namespace {

// A token file is small; anything much larger is not one, and is not read whole.
constexpr std::size_t kMaxTokenFile = 4 * token::kMaxTokenLength;

std::string read_bounded(std::FILE* file, const std::string& name) {
  std::string text;
  char buffer[4096];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    text.append(buffer, count);
    if (text.size() > kMaxTokenFile) throw std::runtime_error(name + " is too large to be a token");
  }
  if (std::ferror(file) != 0) throw std::runtime_error("cannot read " + name);
  return text;
}

std::string read_token(const std::string& source) {
  if (source == "-") return read_bounded(stdin, "standard input");
  std::FILE* file = std::fopen(source.c_str(), "rb");
  if (file == nullptr) throw std::runtime_error("cannot open token file '" + source + "'");
  try {
    std::string text = read_bounded(file, "token file '" + source + "'");
    std::fclose(file);
    return text;
  } catch (...) {
    std::fclose(file);
    throw;
  }
}

// A file written by `echo` or an editor ends in a newline; that is not part of the token.
std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : " ") + item;
  return text.empty() ? "none" : text;
}

long long seconds_left(const token::Claims& claims) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return claims.exp - now.count();
}

}  // namespace

int run_verify(const Arguments& args) {
  ArgumentReader reader(args);
  const auto token_source = reader.value("--token");
  const auto ca = reader.value("--ca");
  const auto nonce = reader.value("--nonce");
  const auto origin = reader.value("--origin");
  reader.finish();
  if (!token_source) throw UsageError("--token FILE (or - for standard input) is required");
  if (!ca) throw UsageError("--ca FILE is required: the trust anchor the chain must reach");
  if (nonce) {
    if (const auto problem = messaging::nonce_problem(*nonce)) throw UsageError("--nonce: " + *problem);
  }
  if (origin) {
    if (const auto problem = messaging::origin_problem(*origin)) throw UsageError("--origin: " + *problem);
  }

  token::VerifyOptions options;
  options.anchors = crypto::load_certificates(*ca);
  options.nonce = nonce;
  options.audience = origin;
  const std::string text = trimmed(read_token(*token_source));
  try {
    const token::VerifiedToken verified = token::verify_token(text, options);
    std::printf("%s\n", token::to_json(verified.claims).dump(2).c_str());
    // The certificate's policy OIDs are what the class rests on: a verifier maps them to classes.
    const crypto::Certificate& device = verified.path.front();
    std::fprintf(stderr,
                 "seed-attest verify: valid %s token from %s (certificate policies: %s), chained to %s, "
                 "expires in %llds\n",
                 verified.header["alg"].get<std::string>().c_str(), device.subject_line().c_str(),
                 joined(device.policy_oids()).c_str(), verified.path.back().subject_line().c_str(),
                 seconds_left(verified.claims));
    return kExitOk;
  } catch (const token::TokenError& error) {
    std::fprintf(stderr, "seed-attest verify: rejected: %s\n", error.what());
    return kExitNegative;
  }
}

}  // namespace seed::cli
