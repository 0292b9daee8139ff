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
	struct termios termios;
	struct winsize winsize;
	int pgrp;                 /* foreground process group, 0 if none */
	char buf[TTY_BUF];        /* input ready for read() */
	size_t head, count;       /* ring: oldest byte at head */
	/* Canonical mode: the lengths of the complete lines in buf, oldest first. */
	size_t line_q[64];
	size_t line_head, lines;
	char line[TTY_BUF];       /* the line being edited (canonical mode) */
	size_t line_len;
	struct spinlock lock;
	struct wait_queue readers;
};

void tty_init(struct tty *tty, const char *name, void (*write)(struct tty *, const char *, size_t));
/* Feeds one received character through the line discipline (interrupt context). */
void tty_receive(struct tty *tty, char c);
ssize_t tty_read(struct tty *tty, char *buf, size_t len, bool nonblock);
long tty_ioctl(struct tty *tty, unsigned int cmd, unsigned long arg);

/* The system console's tty (the serial port). */
extern struct tty console_tty;

#endif
