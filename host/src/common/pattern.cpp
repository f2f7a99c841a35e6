#include "common/pattern.hpp"

#include <boost/regex.hpp>
#include <chrono>
#include <cstddef>
#include <iterator>
#include <stdexcept>

namespace seed {
namespace {

// Boost.Regex bounds backtracking by counting states, but some patterns do a great deal of work
// per state: fuzzing found `(a*)*\1b` followed by a long literal taking 18 s on 64 KiB (and
// `(a*)*\1b` alone 5 s before Boost gave up). So every character the matcher reads goes through
// SearchIterator, which looks at the clock every few thousand reads and abandons the search once
// it has run this long.
constexpr auto kMaxSearchTime = std::chrono::milliseconds{1000};
constexpr unsigned kReadsBetweenClockChecks = 4096;

using SearchClock = std::chrono::steady_clock;

class SearchTooLong : public std::runtime_error {
 public:
  SearchTooLong() : std::runtime_error("the pattern took too long on this input") {}
};

class SearchBudget {
 public:
  SearchBudget() : deadline_(SearchClock::now() + kMaxSearchTime) {}
  void spend_read() {
    if (--reads_until_check_ != 0) return;
    reads_until_check_ = kReadsBetweenClockChecks;
    if (SearchClock::now() > deadline_) throw SearchTooLong();
  }

 private:
  SearchClock::time_point deadline_;
  unsigned reads_until_check_ = kReadsBetweenClockChecks;
};

// A random-access iterator over the subject that charges every read to a SearchBudget (with only
// the operations Boost.Regex uses).
class SearchIterator {
 public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  SearchIterator() = default;
  SearchIterator(const char* at, SearchBudget* budget) : at_(at), budget_(budget) {}

  reference operator*() const {
    budget_->spend_read();
    return *at_;
  }
  reference operator[](difference_type offset) const {
    budget_->spend_read();
    return at_[offset];
  }
  SearchIterator& operator++() {
    ++at_;
    return *this;
  }
  SearchIterator operator++(int) {
    SearchIterator before = *this;
    ++at_;
    return before;
  }
  SearchIterator& operator--() {
    --at_;
    return *this;
  }
  SearchIterator operator--(int) {
    SearchIterator before = *this;
    --at_;
    return before;
  }
  SearchIterator& operator+=(difference_type offset) {
    at_ += offset;
    return *this;
  }
  SearchIterator& operator-=(difference_type offset) {
    at_ -= offset;
    return *this;
  }
  friend difference_type operator-(const SearchIterator& a, const SearchIterator& b) { return a.at_ - b.at_; }
  friend bool operator==(const SearchIterator& a, const SearchIterator& b) { return a.at_ == b.at_; }

 private:
  const char* at_ = nullptr;
  SearchBudget* budget_ = nullptr;
};

}  // namespace

struct Pattern::Compiled {
  boost::regex regex;
};

Pattern::Pattern(std::string source, std::shared_ptr<const Compiled> compiled)
    : source_(std::move(source)), compiled_(std::move(compiled)) {}

std::optional<Pattern> Pattern::compile(std::string_view source, std::string* error) {
  try {
    // Boost's ECMAScript flavour treats ^ and $ as line anchors unless no_mod_m is given.
    auto compiled = std::make_shared<Compiled>(
        Compiled{boost::regex(source.begin(), source.end(), boost::regex::ECMAScript)});
    return Pattern(std::string(source), std::move(compiled));
  } catch (const boost::regex_error& failure) {
    if (error != nullptr) *error = failure.what();
    return std::nullopt;
  }
}

Pattern::Result Pattern::search(std::string_view subject) const {
  SearchBudget budget;
  const SearchIterator begin(subject.data(), &budget);
  const SearchIterator end(subject.data() + subject.size(), &budget);
  try {
    return boost::regex_search(begin, end, compiled_->regex) ? Result::match : Result::no_match;
  } catch (const std::runtime_error&) {
    return Result::too_complex;  // Boost's own complexity or stack limits, or our time limit
  }
}

}  // namespace seed
