#include "service/local_device_service.hpp"

#include <future>
#include <system_error>
#include <thread>

#include "attestation/assess.hpp"
#include "policy/loader.hpp"

namespace seed::service {

struct LocalDeviceService::FirstEvaluation {
  std::promise<policy::LoadedPolicy> loaded_promise;
  std::shared_future<policy::LoadedPolicy> loaded = loaded_promise.get_future().share();
  std::promise<attestation::Report> report_promise;
  std::future<attestation::Report> report = report_promise.get_future();
  std::jthread thread;  // declared last: on destruction it is stopped and joined first

  explicit FirstEvaluation(const std::optional<std::string>& policy_option) {
    try {
      thread = std::jthread([this, policy_option](std::stop_token stop) { evaluate(policy_option, std::move(stop)); });
    } catch (const std::system_error&) {
      evaluate(policy_option, {});  // no thread to be had: evaluate now, on this one
    }
  }

  void evaluate(const std::optional<std::string>& policy_option, std::stop_token stop) {
    const auto began = attestation::Clock::now();
    try {
      const policy::LoadedPolicy policy = policy::load_policy(policy::default_locations(policy_option));
      loaded_promise.set_value(policy);
      attestation::AssessOptions options;
      options.stop = std::move(stop);
      attestation::Report result = attestation::assess(policy, options);
      result.duration_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(attestation::Clock::now() - began).count();
      report_promise.set_value(std::move(result));
    } catch (...) {
      // Whichever promise is still open carries the failure to the request that waits for it.
      try {
        loaded_promise.set_exception(std::current_exception());
      } catch (const std::future_error&) {
      }
      report_promise.set_exception(std::current_exception());
    }
  }
};

LocalDeviceService::LocalDeviceService(std::optional<std::string> policy_option)
    : policy_option_(std::move(policy_option)), first_(std::make_unique<FirstEvaluation>(policy_option_)) {}

LocalDeviceService::~LocalDeviceService() = default;

messaging::CallerPolicy LocalDeviceService::caller_policy() {
  const policy::LoadedPolicy& loaded = first_->loaded.get();
  if (!loaded.policy) return {false, {}, loaded.error};
  return {loaded.policy->require_caller, loaded.policy->allowed_callers, std::nullopt};
}

const attestation::Report& LocalDeviceService::report(bool refresh) {
  if (refresh) {
    report_ = attestation::assess_device(policy_option_);
  } else if (!report_) {
    report_ = first_->report.get();
  }
  return *report_;
}

nlohmann::json LocalDeviceService::status(bool refresh) { return attestation::to_status_json(report(refresh)); }

}  // namespace seed::service
