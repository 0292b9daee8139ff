/* <features.h>: glibc's name for newlib's <sys/features.h>. */
#ifndef _FEATURES_H
#define _FEATURES_H

#include <sys/features.h>

#endif
