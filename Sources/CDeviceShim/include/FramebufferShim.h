#pragma once
#include <linux/fb.h>

// ioctl(2) is variadic, which Swift cannot call; these pass the fbdev
// requests through. Each returns ioctl's result: -1 with errno on failure.
int prikbord_fb_get_variable_info(int fd, struct fb_var_screeninfo *info);
int prikbord_fb_get_fixed_info(int fd, struct fb_fix_screeninfo *info);
int prikbord_fb_blank(int fd, int blank);
