/*
 * <mqueue.h>: POSIX message queues (libc/sys/cairn/mqueue/). newlib has
 * none. A mqd_t is the queue's file descriptor, as in glibc; struct
 * mq_attr and MQ_PRIO_MAX are the kernel's (kernel/include/uapi/mqueue.h).
 */
#ifndef _MQUEUE_H
#define _MQUEUE_H

#include <fcntl.h>
#include <signal.h>
#include <sys/cdefs.h>
#include <sys/types.h>
#include <time.h>
#include <uapi/mqueue.h>

typedef int mqd_t;

__BEGIN_DECLS
mqd_t mq_open(const char *, int, ...);
int mq_close(mqd_t);
int mq_unlink(const char *);
int mq_send(mqd_t, const char *, size_t, unsigned);
int mq_timedsend(mqd_t, const char *, size_t, unsigned, const struct timespec *);
ssize_t mq_receive(mqd_t, char *, size_t, unsigned *);
ssize_t mq_timedreceive(mqd_t, char *__restrict, size_t, unsigned *__restrict,
                        const struct timespec *__restrict);
int mq_notify(mqd_t, const struct sigevent *);
int mq_getattr(mqd_t, struct mq_attr *);
int mq_setattr(mqd_t, const struct mq_attr *__restrict, struct mq_attr *__restrict);
__END_DECLS

#endif
