#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "install/browser.hpp"

// Starting the host exactly as a browser does and checking that it answers `hello`.
namespace seed::install {

struct Launch {
  std::string program;
  std::vector<std::string> arguments;
  std::string working_directory;
};

// Chromium browsers: [program, "chrome-extension://<id>/"]; Firefox: [program, manifest path,
// add-on ID]. Both start the host in the folder that holds the program.
Launch browser_launch(Flavour flavour, const std::string& program, const std::string& manifest_path);

struct Handshake {
  bool answered = false;     // a well-formed hello reply came back
  std::string host_version;  // from the reply
  std::string failure;       // otherwise, what went wrong, in the words a person needs
  std::chrono::milliseconds elapsed{0};
};

// Sends {"type":"hello","protocol":1} framed on stdin and reads one framed reply, within
// `timeout`; the host is always ended and reaped before this returns.
Handshake say_hello(const Launch& launch, std::chrono::milliseconds timeout);

}  // namespace seed::install
