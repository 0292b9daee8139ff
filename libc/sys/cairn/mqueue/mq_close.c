/* mq_close: a queue descriptor is a file descriptor, closed by close(2). */
#include <mqueue.h>
#include <unistd.h>

int mq_close(mqd_t mqd)
{
	return close(mqd);
}
