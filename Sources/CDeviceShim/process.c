#define _GNU_SOURCE
#include <fcntl.h>
#include <malloc.h>
#include <spawn.h>
#include <unistd.h>

#include "ProcessShim.h"

int prikbord_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int prikbord_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest) {
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
}

int prikbord_malloc_map_from(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }
