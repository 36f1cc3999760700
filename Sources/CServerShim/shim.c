#include "CServerShim.h"
