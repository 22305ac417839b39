#pragma once
// A fixture for Layering.WrongWayIncludeIsCaught: the random-number layer must not depend on
// the config loader above it, so the layering check must fail on this include.
#include "config/config.hpp"
