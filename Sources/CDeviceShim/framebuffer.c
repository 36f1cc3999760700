#include "FramebufferShim.h"
#include <sys/ioctl.h>

int prikbord_fb_get_variable_info(int fd, struct fb_var_screeninfo *info) {
    return ioctl(fd, FBIOGET_VSCREENINFO, info);
}

int prikbord_fb_get_fixed_info(int fd, struct fb_fix_screeninfo *info) {
    return ioctl(fd, FBIOGET_FSCREENINFO, info);
}

int prikbord_fb_blank(int fd, int blank) {
    return ioctl(fd, FBIOBLANK, blank);
}
