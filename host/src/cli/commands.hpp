#pragma once

#include <span>

#include "cli/command.hpp"

namespace seed::cli {

// Every subcommand, in the order help lists them (command_table.cpp).
std::span<const Command> commands();

}  // namespace seed::cli
