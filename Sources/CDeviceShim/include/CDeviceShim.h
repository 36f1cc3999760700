#pragma once
#include "FramebufferShim.h"
