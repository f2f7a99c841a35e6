#include "token/token_json.hpp"

#include <set>
#include <vector>

#include "token/token_error.hpp"

namespace seed::token {
namespace {

constexpr std::size_t kMaxDepth = 8;

// A SAX pass that checks what nlohmann's DOM parser lets through: duplicate names and depth. The
// SAX parser itself is iterative, so a deeply nested input cannot exhaust the stack here.
class StrictnessCheck final : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return true; }
  bool boolean(bool /*value*/) override { return true; }
  bool number_integer(number_integer_t /*value*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
  bool string(string_t& /*value*/) override { return true; }
  bool binary(binary_t& /*value*/) override { return true; }
  bool start_object(std::size_t /*size*/) override {
    names_.emplace_back();
    return enter();
  }
  bool key(string_t& name) override {
    if (!names_.back().insert(name).second) return fail("duplicate member name \"" + name + "\"");
    return true;
  }
  bool end_object() override {
    names_.pop_back();
    --depth_;
    return true;
  }
  bool start_array(std::size_t /*size*/) override {
    names_.emplace_back();
    return enter();
  }
  bool end_array() override {
    names_.pop_back();
    --depth_;
    return true;
  }
  bool parse_error(std::size_t position, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    if (problem_.empty()) problem_ = "not valid UTF-8 JSON (at byte " + std::to_string(position) + ")";
    return false;
  }

  [[nodiscard]] const std::string& problem() const { return problem_; }

 private:
  bool enter() {
    if (++depth_ > kMaxDepth) return fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
    return true;
  }
  bool fail(std::string problem) {
    problem_ = std::move(problem);
    return false;
  }

  std::vector<std::set<std::string>> names_;
  std::size_t depth_ = 0;
  std::string problem_;
};

}  // namespace

std::string to_token_json(const nlohmann::json& object) { return object.dump(); }

nlohmann::json parse_token_json(std::string_view text, std::string_view what) {
  const std::string label(what);
  StrictnessCheck check;
  if (!nlohmann::json::sax_parse(text, &check)) {
    throw TokenError(TokenFailure::malformed,
                     label + " is " + (check.problem().empty() ? std::string("not JSON") : check.problem()));
  }
  nlohmann::json object = nlohmann::json::parse(text);
  if (!object.is_object()) throw TokenError(TokenFailure::malformed, label + " is not a JSON object");
  return object;
}

}  // namespace seed::token
