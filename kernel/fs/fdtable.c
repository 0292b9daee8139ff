/*
 * The descriptor layer (fs/fdtable.h): a growable array of file pointers and
 * a close-on-exec bitmap under one spinlock. Files are never released with
 * the lock held: a slot is emptied under the lock and its reference dropped
 * after, since a release may sleep (a pipe's, a device's).
 */
#include <errno.h>
#include <fs/fdtable.h>
#include <proc/process.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <panic.h>

#define FDTABLE_FIRST 64

static bool bit_test(const uint64_t *bits, unsigned i)
{
	return bits[i / 64] & (1ULL << (i % 64));
}

static void bit_assign(uint64_t *bits, unsigned i, bool on)
{
	if (on)
		bits[i / 64] |= 1ULL << (i % 64);
	else
		bits[i / 64] &= ~(1ULL << (i % 64));
}

static int arrays_alloc(unsigned cap, struct file ***files, uint64_t **bits)
{
	*files = kzalloc(cap * sizeof(**files));
	*bits = kzalloc(cap / 64 * sizeof(**bits));
	if (!*files || !*bits) {
		kfree(*files);
		kfree(*bits);
		return -ENOMEM;
	}
	return 0;
}

static struct fdtable *table_alloc(unsigned cap)
{
	struct fdtable *t = kzalloc(sizeof(*t));
	if (!t)
		return NULL;
	if (arrays_alloc(cap, &t->files, &t->cloexec) < 0) {
		kfree(t);
		return NULL;
	}
	spin_init(&t->lock, "fdtable");
	t->refcount = 1;
	t->capacity = cap;
	return t;
}

struct fdtable *fdtable_create(void)
{
	return table_alloc(FDTABLE_FIRST);
}

struct fdtable *fdtable_get(struct fdtable *t)
{
	__atomic_add_fetch(&t->refcount, 1, __ATOMIC_RELAXED);
	return t;
}

void fdtable_put(struct fdtable *t)
{
	if (!t)
		return;
	int left = __atomic_sub_fetch(&t->refcount, 1, __ATOMIC_ACQ_REL);
	KASSERT(left >= 0);
	if (left)
		return;
	fdtable_close_all(t);
	kfree(t->files);
	kfree(t->cloexec);
	kfree(t);
}

/* Grows t to at least want slots; called without the lock. 0 or -ENOMEM. */
static int table_grow(struct fdtable *t, unsigned want)
{
	unsigned cap = FDTABLE_FIRST;
	while (cap < want)
		cap *= 2;
	cap = MIN(cap, (unsigned)FDTABLE_MAX);

	struct file **files, **old_files;
	uint64_t *bits, *old_bits;
	if (arrays_alloc(cap, &files, &bits) < 0)
		return -ENOMEM;
	spin_lock(&t->lock);
	if (t->capacity >= cap) {
		/* Someone else grew it meanwhile. */
		spin_unlock(&t->lock);
		kfree(files);
		kfree(bits);
		return 0;
	}
	memcpy(files, t->files, t->capacity * sizeof(*files));
	memcpy(bits, t->cloexec, t->capacity / 64 * sizeof(*bits));
	old_files = t->files;
	old_bits = t->cloexec;
	t->files = files;
	t->cloexec = bits;
	t->capacity = cap;
	spin_unlock(&t->lock);
	kfree(old_files);
	kfree(old_bits);
	return 0;
}

/* The number of descriptors the calling process may have (RLIMIT_NOFILE). */
static unsigned fd_limit(void)
{
	struct process *p = current_proc();
	if (!p || p->rlimits[RLIMIT_NOFILE].rlim_cur >= FDTABLE_MAX)
		return FDTABLE_MAX;
	return (unsigned)p->rlimits[RLIMIT_NOFILE].rlim_cur;
}

int fd_install(struct fdtable *t, struct file *file, int min_fd, bool cloexec)
{
	unsigned limit = fd_limit();
	if (min_fd < 0 || min_fd >= FDTABLE_MAX)
		return -EINVAL;
	if ((unsigned)min_fd >= limit)
		return -EMFILE;
	for (;;) {
		spin_lock(&t->lock);
		for (unsigned fd = min_fd; fd < t->capacity && fd < limit; fd++) {
			if (!t->files[fd]) {
				t->files[fd] = file;
				bit_assign(t->cloexec, fd, cloexec);
				spin_unlock(&t->lock);
				return (int)fd;
			}
		}
		unsigned cap = t->capacity;
		spin_unlock(&t->lock);
		if (cap >= limit)
			return -EMFILE;
		int err = table_grow(t, MAX(cap * 2, (unsigned)min_fd + 1));
		if (err)
			return err;
	}
}

int fd_install_at(struct fdtable *t, struct file *file, int fd, bool cloexec)
{
	if (fd < 0 || fd >= FDTABLE_MAX || (unsigned)fd >= fd_limit())
		return -EBADF;
	for (;;) {
		spin_lock(&t->lock);
		if ((unsigned)fd < t->capacity) {
			struct file *old = t->files[fd];
			t->files[fd] = file;
			bit_assign(t->cloexec, fd, cloexec);
			spin_unlock(&t->lock);
			file_put(old);
			return fd;
		}
		spin_unlock(&t->lock);
		int err = table_grow(t, (unsigned)fd + 1);
		if (err)
			return err;
	}
}

struct file *fd_get(struct fdtable *t, int fd)
{
	struct file *f = NULL;

	if (fd < 0)
		return NULL;
	spin_lock(&t->lock);
	if ((unsigned)fd < t->capacity && t->files[fd])
		f = file_get(t->files[fd]);
	spin_unlock(&t->lock);
	return f;
}

/* Empties slot fd under the lock and returns what was there (the caller drops it). */
static struct file *take_slot(struct fdtable *t, unsigned fd)
{
	struct file *f = t->files[fd];
	t->files[fd] = NULL;
	bit_assign(t->cloexec, fd, false);
	return f;
}

int fd_close(struct fdtable *t, int fd)
{
	struct file *f = NULL;

	if (fd < 0)
		return -EBADF;
	spin_lock(&t->lock);
	if ((unsigned)fd < t->capacity)
		f = take_slot(t, fd);
	spin_unlock(&t->lock);
	if (!f)
		return -EBADF;
	file_put(f);
	return 0;
}

int fd_get_cloexec(struct fdtable *t, int fd)
{
	int r = -EBADF;

	if (fd < 0)
		return -EBADF;
	spin_lock(&t->lock);
	if ((unsigned)fd < t->capacity && t->files[fd])
		r = bit_test(t->cloexec, fd);
	spin_unlock(&t->lock);
	return r;
}

int fd_set_cloexec(struct fdtable *t, int fd, bool cloexec)
{
	int r = -EBADF;

	if (fd < 0)
		return -EBADF;
	spin_lock(&t->lock);
	if ((unsigned)fd < t->capacity && t->files[fd]) {
		bit_assign(t->cloexec, fd, cloexec);
		r = 0;
	}
	spin_unlock(&t->lock);
	return r;
}

struct fdtable *fdtable_dup(struct fdtable *t)
{
	for (;;) {
		unsigned cap = __atomic_load_n(&t->capacity, __ATOMIC_RELAXED);
		struct fdtable *n = table_alloc(cap);
		if (!n)
			return NULL;
		spin_lock(&t->lock);
		if (t->capacity != cap) {
			/* It grew while we allocated: try again with the new size. */
			spin_unlock(&t->lock);
			fdtable_put(n);
			continue;
		}
		for (unsigned fd = 0; fd < cap; fd++) {
			if (t->files[fd])
				n->files[fd] = file_get(t->files[fd]);
		}
		memcpy(n->cloexec, t->cloexec, cap / 64 * sizeof(*n->cloexec));
		spin_unlock(&t->lock);
		return n;
	}
}

/* Closes the descriptors for which cloexec_only is false or the bit is set. */
static void close_matching(struct fdtable *t, bool cloexec_only)
{
	spin_lock(&t->lock);
	for (unsigned fd = 0; fd < t->capacity; fd++) {
		if (!t->files[fd] || (cloexec_only && !bit_test(t->cloexec, fd)))
			continue;
		struct file *f = take_slot(t, fd);
		spin_unlock(&t->lock);
		file_put(f);
		spin_lock(&t->lock);
	}
	spin_unlock(&t->lock);
}

void fdtable_close_on_exec(struct fdtable *t)
{
	close_matching(t, true);
}

void fdtable_close_all(struct fdtable *t)
{
	close_matching(t, false);
}
