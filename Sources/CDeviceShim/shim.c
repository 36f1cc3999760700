#include "CDeviceShim.h"
