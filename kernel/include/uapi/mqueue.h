/*
 * POSIX message queues: struct mq_attr and the limits. Values and layout
 * are Linux x86-64's (<linux/mqueue.h>).
 */
#ifndef CAIRN_UAPI_MQUEUE_H
#define CAIRN_UAPI_MQUEUE_H

#define MQ_PRIO_MAX	32768	/* priorities are 0 .. MQ_PRIO_MAX - 1 */
#define MQ_BYTES_MAX	819200

struct mq_attr {
	long mq_flags;		/* 0 or O_NONBLOCK */
	long mq_maxmsg;		/* messages the queue holds at most */
	long mq_msgsize;	/* bytes per message at most */
	long mq_curmsgs;	/* messages queued now */
	long __reserved[4];
};

#endif
