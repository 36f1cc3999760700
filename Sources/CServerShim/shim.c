#include "CServerShim.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>

struct MHD_Daemon *prikbord_start_daemon(
    uint16_t port, const char *bind_address,
    MHD_AccessHandlerCallback handler,
    MHD_RequestCompletedCallback completed,
    void *cls)
{
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind_address != NULL && bind_address[0] != '\0'
        && inet_pton(AF_INET, bind_address, &address.sin_addr) != 1) {
        errno = EINVAL;
        return NULL;
    }

    // A few threads each polling many connections with epoll (select()
    // stops at FD_SETSIZE, 1024 descriptors), and limits so that one
    // client holding half-sent requests open cannot take every connection
    // from the kiosks.
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
    return MHD_start_daemon(
        flags, port, NULL, NULL, handler, cls,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&address,
        MHD_OPTION_NOTIFY_COMPLETED, completed, cls,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)4,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned int)1000,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)64,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)15,
        MHD_OPTION_END);
}

uint16_t prikbord_daemon_port(struct MHD_Daemon *daemon)
{
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}
