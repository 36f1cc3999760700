#pragma once

#include <stdint.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <microhttpd.h>

/// Starts a libmicrohttpd daemon with one thread per connection on
/// `bind_address` (IPv4 dotted quad, NULL or "" for every address) and
/// `port` (0 picks a free one). `completed` is called when a request ends,
/// with the same `cls`. Returns NULL when the address is invalid or the
/// daemon cannot start; errno says why.
struct MHD_Daemon *prikbord_start_daemon(
    uint16_t port, const char *bind_address,
    MHD_AccessHandlerCallback handler,
    MHD_RequestCompletedCallback completed,
    void *cls);

/// The port the daemon listens on, 0 when unknown.
uint16_t prikbord_daemon_port(struct MHD_Daemon *daemon);
