/*
 * Terminals: a tty is an input queue plus a POSIX line discipline (canonical
 * line editing, echo, CR/NL mapping, signal characters) between a driver
 * (the serial port today) and the processes reading it.
 */
#ifndef CAIRN_TTY_H
#define CAIRN_TTY_H

#include <proc/wait.h>
#include <spinlock.h>
#include <types.h>
#include <uapi/ioctl.h>
#include <uapi/termios.h>

#define TTY_BUF 4096

struct tty {
	const char *name;
	/* Sends output to the device; must work with interrupts off. */
	void (*write)(struct tty *tty, const char *s, size_t n);
	/* The driver's own ioctl requests (may be NULL): -ENOTTY for unknown ones. */
	long (*ioctl)(struct tty *tty, unsigned int cmd, unsigned long arg);
	struct termios termios;
	struct winsize winsize;
	int pgrp;                 /* foreground process group, 0 if none */
	int session;              /* the session it controls, 0 if none (tty/jobctl.c) */
	char buf[TTY_BUF];        /* input ready for read() */
	size_t head, count;       /* ring: oldest byte at head */
	/* Canonical mode: the lengths of the complete lines in buf, oldest first. */
	size_t line_q[64];
	size_t line_head, lines;
	char line[TTY_BUF];       /* the line being edited (canonical mode) */
	size_t line_len;
	struct spinlock lock;
	struct wait_queue readers;
	/* Output processing (tty/output.c): the column the next output byte lands in. */
	unsigned column;
	/*
	 * Hung up (the other end of a pty went away): reads return what is
	 * queued, then 0; poll reports POLLHUP.
	 */
	bool hungup;
	/* The file ops of the tty's device nodes; NULL means tty_fops (/dev/tty uses them). */
	const struct file_ops *fops;
};

void tty_init(struct tty *tty, const char *name, void (*write)(struct tty *, const char *, size_t));
/* Feeds one received character through the line discipline (interrupt context). */
void tty_receive(struct tty *tty, char c);
ssize_t tty_read(struct tty *tty, char *buf, size_t len, bool nonblock);
long tty_ioctl(struct tty *tty, unsigned int cmd, unsigned long arg);
struct poll_table;
/* The POLL* events of the tty: readable per the line discipline, always writable. */
unsigned tty_poll(struct tty *tty, struct poll_table *pt);

/*
 * Job control (tty/jobctl.c). tty_open_ctty() makes tty the controlling
 * terminal of the caller's session when a session leader without one opens
 * it (not with O_NOCTTY). tty_check_read()/tty_check_write() apply the
 * background rules: 0 to go on, -EIO, or -EINTR after SIGTTIN/SIGTTOU went
 * to the caller's group (the call restarts once the group is continued).
 * tty_jobctl_ioctl() handles TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP and
 * TIOCGSID: it returns false for other commands, else true with the result in *ret. tty_session_leader_exit() hangs
 * up the session of an exiting leader: SIGHUP and SIGCONT to the foreground
 * group, and the tty is free again.
 */
void tty_open_ctty(struct tty *tty, int open_flags);
int tty_check_read(struct tty *tty);
int tty_check_write(struct tty *tty);
bool tty_jobctl_ioctl(struct tty *tty, unsigned int cmd, unsigned long arg, long *ret);
void tty_session_leader_exit(struct tty *tty, int sid);
/*
 * Hangs tty up (a pty master closed): the session loses it, its leader's
 * group and the foreground group get SIGHUP then SIGCONT, and readers wake
 * to see tty->hungup.
 */
void tty_hangup(struct tty *tty);
/* Sends sig to the foreground process group (the ISIG characters). */
void tty_signal_fg(struct tty *tty, int sig);

/*
 * Device nodes (tty/tty_file.c). tty_register() makes the character device
 * (major, minor) open tty through the common tty file ops (tty_fops), whose
 * open keeps the tty in file->priv; a tty may be registered under several
 * numbers. 0, -EBUSY when the number is taken, -ENOMEM. tty_lookup() returns
 * the tty registered under rdev, or NULL. tty_write() sends output from a
 * writer through the tty to its driver.
 */
int tty_register(struct tty *tty, uint32_t major, uint32_t minor);
struct tty *tty_lookup(uint64_t rdev);
void tty_write(struct tty *tty, const char *s, size_t n);
struct file_ops;
extern const struct file_ops tty_fops;
/* /dev/tty (5,0): opens the caller's controlling terminal, ENXIO without one. */
extern const struct file_ops tty_ctty_fops;
/*
 * Output processing (tty/output.c): OPOST with ONLCR, OCRNL, ONOCR and
 * ONLRET applied to s, then sent to the driver. Echo goes through it too.
 * Never sleeps; callers may hold tty->lock.
 */
void tty_output(struct tty *tty, const char *s, size_t n);

/* The system console's tty (the serial port). */
extern struct tty console_tty;

#endif
