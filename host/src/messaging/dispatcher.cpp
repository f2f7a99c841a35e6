#include "messaging/dispatcher.hpp"

#include "messaging/attest_request.hpp"
#include "messaging/errors.hpp"
#include "messaging/request.hpp"
#include "seed_attest/version.hpp"

namespace seed::messaging {
namespace {

constexpr int kProtocolVersion = 1;

nlohmann::json hello_reply(const nlohmann::json& request) {
  const auto protocol = request.find("protocol");
  if (protocol == request.end()) throw ProtocolError(ErrorCode::bad_request, "hello needs a protocol version");
  if (!protocol->is_number_integer()) throw ProtocolError(ErrorCode::bad_request, "protocol must be an integer");
  if (*protocol != kProtocolVersion) {
    throw ProtocolError(ErrorCode::unsupported_protocol, "this host speaks protocol version 1 only");
  }
  return {{"type", "hello"},
          {"protocol", kProtocolVersion},
          {"host_version", kHostVersion},
          {"capabilities", {"hello", "ping", "status", "attest"}}};
}

bool refresh_flag(const nlohmann::json& request) {
  const auto refresh = request.find("refresh");
  if (refresh == request.end()) return false;
  if (!refresh->is_boolean()) throw ProtocolError(ErrorCode::bad_request, "refresh must be true or false");
  return refresh->get<bool>();
}

std::string required_string(const nlohmann::json& request, const char* field) {
  const auto found = request.find(field);
  if (found == request.end() || !found->is_string()) {
    throw ProtocolError(ErrorCode::bad_request, std::string(field) + " must be a string");
  }
  return found->get<std::string>();
}

}  // namespace

Dispatcher::Dispatcher(Caller caller, DeviceService& service) : caller_(std::move(caller)), service_(service) {}

nlohmann::json Dispatcher::error_reply(const nlohmann::json& id, ErrorCode code, std::string_view message) {
  return {{"type", "error"}, {"id", id}, {"code", to_string(code)}, {"message", message}};
}

std::optional<std::string> Dispatcher::refusal() {
  if (!refusal_) {
    refusal_ = is_built_in_caller(caller_) ? std::nullopt : caller_refusal(caller_, service_.caller_policy());
  }
  return *refusal_;
}

nlohmann::json Dispatcher::handle(std::string_view body) {
  nlohmann::json id = nullptr;
  try {
    nlohmann::json request;
    std::optional<ProtocolError> malformed;
    try {
      request = parse_json_body(body);
      if (!request.is_object()) throw ProtocolError(ErrorCode::bad_request, "a request must be a JSON object");
      id = request_id(request);
    } catch (const ProtocolError& error) {
      malformed = error;
    }
    // A refused caller learns nothing more than that, whatever it sent.
    if (const auto why = refusal()) throw ProtocolError(ErrorCode::forbidden_caller, *why);
    if (malformed) throw *malformed;
    nlohmann::json reply = handle_request(request, request_type(request));
    if (!id.is_null()) reply["id"] = id;
    return reply;
  } catch (const ProtocolError& error) {
    return error_reply(id, error.code(), error.what());
  } catch (const std::exception& error) {
    return error_reply(id, ErrorCode::internal, error.what());
  } catch (...) {
    return error_reply(id, ErrorCode::internal, "unexpected failure");
  }
}

nlohmann::json Dispatcher::handle_request(const nlohmann::json& request, const std::string& type) {
  if (type == "hello") return hello_reply(request);
  if (type == "ping") return {{"type", "pong"}};
  if (type == "status") {
    nlohmann::json reply = service_.status(refresh_flag(request));
    reply["type"] = "status";
    return reply;
  }
  if (type == "attest") {
    AttestRequest attest{required_string(request, "nonce"), required_string(request, "origin"), std::nullopt};
    if (const auto problem = nonce_problem(attest.nonce)) throw ProtocolError(ErrorCode::bad_request, *problem);
    if (const auto problem = origin_problem(attest.origin)) throw ProtocolError(ErrorCode::bad_request, *problem);
    if (caller_.kind != CallerKind::none) attest.caller = caller_.name();
    nlohmann::json reply = service_.attest(attest);
    reply["type"] = "attest";
    return reply;
  }
  throw ProtocolError(ErrorCode::unknown_type, "unknown request type");
}

}  // namespace seed::messaging
