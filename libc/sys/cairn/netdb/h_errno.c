/* h_errno: why the last gethostbyname() or gethostbyaddr() failed (HOST_NOT_FOUND, ...). */
#include <netdb.h>

int h_errno;
