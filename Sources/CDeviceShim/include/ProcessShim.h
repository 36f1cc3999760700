#pragma once
#include <spawn.h>

// glibc declares these only for _GNU_SOURCE, which Swift's Glibc module
// does not set. Each returns what the wrapped call returns.

// pipe2(fds, O_CLOEXEC): both ends closed on exec.
int prikbord_pipe_cloexec(int fds[2]);

// posix_spawn_file_actions_addclosefrom_np: the child closes every
// descriptor from `lowest` up, so it inherits nothing it was not given.
int prikbord_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

// mallopt(M_MMAP_THRESHOLD, bytes), from <malloc.h>, which Swift's Glibc
// module leaves out: blocks of at least `bytes` are mapped on their own and
// given back to the kernel when freed. Returns 1 on success.
int prikbord_malloc_map_from(int bytes);
