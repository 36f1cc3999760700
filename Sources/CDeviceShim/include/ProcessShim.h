#pragma once
#include <spawn.h>

// glibc declares these only for _GNU_SOURCE, which Swift's Glibc module
// does not set. Each returns what the wrapped call returns.

// pipe2(fds, O_CLOEXEC): both ends closed on exec.
int prikbord_pipe_cloexec(int fds[2]);

// posix_spawn_file_actions_addclosefrom_np: the child closes every
// descriptor from `lowest` up, so it inherits nothing it was not given.
int prikbord_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);
