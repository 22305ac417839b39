// sisim command-line entry point: dispatches to the subcommands.
#include <cstdio>
#include <cstring>
#include <string>

#include "sisim/version.hpp"

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "version") == 0) {
    std::printf("sisim %s (git %s)\n", sisim::kVersion, sisim::kGitHash);
    return 0;
  }
  std::fprintf(stderr, "usage: sisim run|stress|sweep|price|summarize|report|validate|version ...\n");
  return 2;
}
