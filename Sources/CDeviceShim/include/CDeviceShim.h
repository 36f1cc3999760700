#pragma once
#include "FramebufferShim.h"
#include "ProcessShim.h"
