#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

// The protocol's error codes (docs/PROTOCOL.md). They are a contract with the extension: append,
// never rename.
namespace seed::messaging {

enum class ErrorCode {
  bad_frame,             // the length prefix or stream is unusable
  too_large,             // a frame over the inbound limit; the host exits after replying
  bad_json,              // not UTF-8 JSON, or nested too deep
  bad_request,           // JSON, but not a valid request (shape, field types, values)
  unknown_type,          // a request type this host does not know
  unsupported_protocol,  // hello named a protocol version this host does not speak
  forbidden_caller,      // the browser started us for an extension not in the allow-list
  internal,              // the host failed; the request may be retried
};

std::string_view to_string(ErrorCode code);

// Thrown by request handlers; turned into an error frame in exactly one place (the dispatcher).
class ProtocolError : public std::runtime_error {
 public:
  ProtocolError(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace seed::messaging
