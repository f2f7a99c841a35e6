#include "service/host_mode.hpp"

#include <csignal>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "messaging/deferred_device_service.hpp"
#include "messaging/dispatcher.hpp"
#include "messaging/fd_stream.hpp"
#include "messaging/session.hpp"
#include "service/local_device_service.hpp"

namespace seed::service {

int serve_native_messaging(const messaging::Caller& caller) {
  // A browser that closes the pipe must end us with a failed write, not a signal.
  std::signal(SIGPIPE, SIG_IGN);
#ifdef __GLIBC__
  // One malloc arena: the host has at most a few threads, and each extra arena adds its own
  // touched pages to the peak RSS a browser pays for every start.
  mallopt(M_ARENA_MAX, 1);
#endif
  // The device (policy, probes, OpenSSL) is only set up once a request needs it: hello and ping
  // answer at the speed of the framing alone.
  messaging::DeferredDeviceService device([] { return std::make_unique<LocalDeviceService>(); });
  messaging::Dispatcher dispatcher(caller, device);
  messaging::FdSource input(STDIN_FILENO);
  messaging::FdSink output(STDOUT_FILENO);
  return messaging::run_session(input, output, dispatcher);
}

}  // namespace seed::service
