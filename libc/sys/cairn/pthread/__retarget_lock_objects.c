/*
 * The static locks newlib expects by name (<sys/lock.h>'s __LOCK_INIT:
 * `__lock_` followed by the lock's name), plus Cairn's fallback. Zero is
 * unlocked.
 */
#include "pthread/retarget_lock.h"

struct __lock __lock___sinit_recursive_mutex;
struct __lock __lock___sfp_recursive_mutex;
struct __lock __lock___atexit_recursive_mutex;
struct __lock __lock___at_quick_exit_mutex;
struct __lock __lock___malloc_recursive_mutex;
struct __lock __lock___env_recursive_mutex;
struct __lock __lock___tz_mutex;
struct __lock __lock___dd_hash_mutex;
struct __lock __lock___arc4random_mutex;
struct __lock __lock___cairn_fallback;
