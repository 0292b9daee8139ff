/*
 * poll(2), ppoll(2), select(2) and pselect6(2) as the kernel ABI sees them:
 * Linux x86-64's event bits and struct pollfd; tests/abi checks them.
 */
#ifndef CAIRN_UAPI_POLL_H
#define CAIRN_UAPI_POLL_H

#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200
#define POLLMSG		0x0400
#define POLLREMOVE	0x1000
#define POLLRDHUP	0x2000

struct pollfd {
	int fd;
	short events;
	short revents;
};

#endif
