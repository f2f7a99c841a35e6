#pragma once

#include <optional>
#include <string>
#include <vector>

// Who started the host (section 3 of the contract): a Chromium-family browser for an extension,
// Firefox for an add-on, or a confined (Snap/Flatpak) browser that passes no arguments.
namespace seed::messaging {

enum class CallerKind { none, chromium, firefox };

struct Caller {
  CallerKind kind = CallerKind::none;
  std::string id;  // "chrome-extension://<id>/" or the add-on ID; empty for none

  // The value of the token's `caller` claim and of `allowed_callers` entries; empty for none.
  [[nodiscard]] const std::string& name() const { return id; }
};

// The caller when argv is a browser's launch of a native host, else empty (a command line).
// `stdin_is_terminal` tells a confined browser's argument-less launch from a person typing.
std::optional<Caller> caller_from_launch(const std::vector<std::string>& args, bool stdin_is_terminal);

struct CallerPolicy {
  bool require_caller = false;
  std::vector<std::string> allowed_callers;
  std::optional<std::string> error;  // the policy could not be read: only built-in callers pass
};

// Empty when allowed; otherwise why not, for the forbidden_caller message.
std::optional<std::string> caller_refusal(const Caller& caller, const CallerPolicy& policy);

// True for our own extension and add-on, which need no policy to be allowed.
bool is_built_in_caller(const Caller& caller);

}  // namespace seed::messaging
