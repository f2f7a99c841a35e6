#include "policy/strict_json.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "policy/policy_error.hpp"

namespace seed::policy {
namespace {

using json = nlohmann::json;

// Builds the document without recursion, keeping the path to the value being read so that
// errors can name it.
class StrictBuilder final : public nlohmann::json_sax<json> {
 public:
  bool null() override { return place(nullptr); }
  bool boolean(bool value) override { return place(value); }
  bool number_integer(number_integer_t value) override { return place(value); }
  bool number_unsigned(number_unsigned_t value) override { return place(value); }
  bool number_float(number_float_t value, const string_t& /*text*/) override { return place(value); }
  bool string(string_t& value) override { return place(std::move(value)); }
  bool binary(binary_t& /*value*/) override { return fail("binary values are not JSON"); }

  bool start_object(std::size_t /*size*/) override { return open(json::object()); }
  bool start_array(std::size_t /*size*/) override { return open(json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    Frame& top = stack_.back();
    top.key = name;
    if (!top.keys.insert(name).second) return fail("the key \"" + name + "\" appears twice");
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& failure) override {
    std::string reason = failure.what();
    if (const auto end = reason.find("] "); reason.starts_with("[json.exception") && end != std::string::npos) {
      reason.erase(0, end + 2);
    }
    error_ = PolicyError("", "not valid JSON: " + reason);
    return false;
  }

  json take() {
    if (error_) throw *error_;
    return std::move(root_);
  }

 private:
  struct Frame {
    json* container;
    std::set<std::string> keys;
    std::string key;
  };

  std::string path() const {
    std::string where;
    for (std::size_t depth = 0; depth < stack_.size(); ++depth) {
      const Frame& frame = stack_[depth];
      if (frame.container->is_object()) {
        if (!where.empty()) where += '.';
        where += frame.key;
      } else {
        // An array below the innermost one already holds the element we are inside.
        const bool innermost = depth + 1 == stack_.size();
        const std::size_t size = frame.container->size();
        where += "[" + std::to_string(innermost || size == 0 ? size : size - 1) + "]";
      }
    }
    return where;
  }

  bool fail(const std::string& reason) {
    error_ = PolicyError(path(), reason);
    return false;
  }

  json* insert(json value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& container = *stack_.back().container;
    if (container.is_object()) {
      json& slot = container[stack_.back().key];
      slot = std::move(value);
      return &slot;
    }
    container.push_back(std::move(value));
    return &container.back();
  }

  bool place(json value) {
    insert(std::move(value));
    return true;
  }

  bool open(json empty) {
    if (stack_.size() >= kMaxJsonDepth) return fail("nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    json* container = insert(std::move(empty));
    stack_.push_back(Frame{container, {}, {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  json root_;
  std::vector<Frame> stack_;
  std::optional<PolicyError> error_;
};

}  // namespace

json parse_strict_json(std::string_view text) {
  StrictBuilder builder;
  const bool parsed = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
  json document = builder.take();
  if (!parsed) throw PolicyError("", "not valid JSON");
  return document;
}

}  // namespace seed::policy
