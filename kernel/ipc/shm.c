/*
 * System V shared memory (docs/ipc.md). A segment's pages live in an
 * unlinked shmem file (mm/shmem.c), the same backing MAP_SHARED anonymous
 * memory uses. shmat maps an "attach file" of the segment, one read-write
 * and one read-only, whose map_page passes through to the backing file;
 * the address space's areas are the only holders of an attach file, so
 * fork (which copies areas), exec and exit (which drop them) need nothing
 * from this file, and the attachment count is the attach files'
 * reference counts. IPC_RMID takes the key away at once and frees the
 * segment when the last attachment goes.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <ipc/sysv.h>
#include <mm/page.h>
#include <mm/shmem.h>
#include <mm/slab.h>
#include <mm/vm.h>
#include <proc/process.h>
#include <time.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/mman.h>
#include <uapi/shm.h>

#define SHM_MNI 4096
#define SHM_MAX (1UL << 30) /* FIXME: a segment is at most 1 GiB; Linux allows nearly all memory */
#define SHM_DEST 01000      /* in perm.mode: removed, freed at the last detach (as Linux shows it) */
#define SHM_LBA PAGE_SIZE

struct shm_seg {
	struct ipc_obj obj;
	size_t size;              /* as shmget asked */
	struct file *backing;     /* the pages */
	struct file *attach[2];   /* [0] read-write, [1] read-only; NULL while unused */
	long atime, dtime, ctime; /* seconds since the epoch */
	int cpid, lpid;
	bool removed;
};

static struct ipc_ids shm_ids = IPC_IDS_INIT(shm_ids, SHM_MNI);
/* Removed segments stay findable by id (not by key) until their last detach, as in Linux. */
static struct list_head shm_removed = LIST_HEAD_INIT(shm_removed);

static int current_pid(void)
{
	return current_proc() ? current_proc()->pid : 0;
}

static unsigned long shm_nattch(const struct shm_seg *seg)
{
	unsigned long n = 0;
	for (int i = 0; i < 2; i++)
		if (seg->attach[i])
			n += (unsigned long)__atomic_load_n(&seg->attach[i]->refcount, __ATOMIC_RELAXED);
	return n;
}

static void shm_destroy(struct shm_seg *seg)
{
	if (seg->removed)
		list_del(&seg->obj.link); /* from shm_removed */
	else
		ipc_remove(&shm_ids, &seg->obj);
	file_put(seg->backing);
	kfree(seg);
}

static phys_addr_t shm_map_page(struct file *file, uint64_t pgoff)
{
	struct shm_seg *seg = file->priv;
	return seg->backing->ops->map_page(seg->backing, pgoff);
}

/* The last area holding this attach file is gone. */
static void shm_attach_release(struct inode *inode, struct file *file)
{
	struct shm_seg *seg = file->priv;
	for (int i = 0; i < 2; i++)
		if (seg->attach[i] == file)
			seg->attach[i] = NULL;
	if (seg->removed && !seg->attach[0] && !seg->attach[1])
		shm_destroy(seg);
}

static const struct file_ops shm_attach_fops = {
    .map_page = shm_map_page,
    .release = shm_attach_release,
    .llseek = no_llseek,
};

static struct shm_seg *shm_find(int shmid)
{
	struct ipc_obj *o = ipc_find_id(&shm_ids, shmid);
	return o ? container_of(o, struct shm_seg, obj) : NULL;
}

static struct shm_seg *shm_find_any(int shmid)
{
	struct shm_seg *seg = shm_find(shmid);
	if (seg)
		return seg;
	struct ipc_obj *o;
	list_for_each_entry(o, &shm_removed, link)
		if (o->id == shmid)
			return container_of(o, struct shm_seg, obj);
	return NULL;
}

static long shm_create(int key, size_t size, int flags)
{
	if (size < SHMMIN || size > SHM_MAX)
		return -EINVAL;
	struct shm_seg *seg = kzalloc(sizeof(*seg));
	if (!seg)
		return -ENOMEM;
	seg->backing = shmem_file_create(ALIGN_UP(size, PAGE_SIZE));
	if (IS_ERR(seg->backing)) {
		long err = PTR_ERR(seg->backing);
		kfree(seg);
		return err;
	}
	int err = ipc_add(&shm_ids, &seg->obj, key, flags);
	if (err) {
		file_put(seg->backing);
		kfree(seg);
		return err;
	}
	seg->size = size;
	seg->cpid = current_pid();
	seg->ctime = (long)clock_realtime_sec();
	return seg->obj.id;
}

long sys_shmget(int key, size_t size, int flags)
{
	int err;
	struct ipc_obj *o = ipc_lookup(&shm_ids, key, flags, &err);
	if (err)
		return err;
	if (!o)
		return shm_create(key, size, flags);
	if (size > container_of(o, struct shm_seg, obj)->size)
		return -EINVAL;
	return o->id;
}

long sys_shmat(int shmid, unsigned long addr, int flags)
{
	struct process *p = current_proc();
	struct shm_seg *seg = shm_find_any(shmid);
	if (!seg)
		return -EINVAL;
	bool ro = flags & SHM_RDONLY;
	int err = ipc_check_perm(&seg->obj, ro ? 0444 : 0666);
	if (err)
		return err;
	if (addr & (SHM_LBA - 1)) {
		if (!(flags & SHM_RND))
			return -EINVAL;
		addr &= ~(SHM_LBA - 1);
	}
	if (!addr && (flags & SHM_REMAP))
		return -EINVAL;
	unsigned prot = PROT_READ | (ro ? 0 : PROT_WRITE) | ((flags & SHM_EXEC) ? PROT_EXEC : 0);
	unsigned mflags = MAP_SHARED;
	if (addr)
		mflags |= (flags & SHM_REMAP) ? MAP_FIXED : MAP_FIXED_NOREPLACE;

	struct file *f = seg->attach[ro];
	if (f) {
		file_get(f);
	} else {
		f = file_alloc(NULL, &shm_attach_fops, ro ? O_RDONLY : O_RDWR);
		if (!f)
			return -ENOMEM;
		f->priv = seg;
		seg->attach[ro] = f;
	}
	long r = vm_mmap(p->mm, addr, seg->size, prot, mflags, f, 0);
	if (r >= 0) {
		seg->atime = (long)clock_realtime_sec();
		seg->lpid = p->pid;
	}
	file_put(f); /* the area holds its own reference; on failure this may free seg */
	if (r == -EEXIST)
		return -EINVAL;
	return r;
}

long sys_shmdt(unsigned long addr)
{
	struct mm *mm = current_proc()->mm;
	struct vma *v = vm_find(mm, addr);
	if (!v || v->start != addr || !v->file || v->file->ops != &shm_attach_fops || v->off != 0)
		return -EINVAL;
	struct file *f = v->file;
	struct shm_seg *seg = f->priv;
	/* The attachment: the areas from addr on that map this file at the matching offsets. */
	uintptr_t end = addr;
	while ((v = vm_find(mm, end)) && v->file == f && v->off == end - addr)
		end = v->end;
	seg->dtime = (long)clock_realtime_sec();
	seg->lpid = current_pid();
	return vm_munmap(mm, addr, end - addr); /* may free a removed segment */
}

static void shm_stat(const struct shm_seg *seg, struct shmid64_ds *ds)
{
	*ds = (struct shmid64_ds){ 0 };
	ds->shm_perm = seg->obj.perm;
	ds->shm_segsz = seg->size;
	ds->shm_atime = seg->atime;
	ds->shm_dtime = seg->dtime;
	ds->shm_ctime = seg->ctime;
	ds->shm_cpid = seg->cpid;
	ds->shm_lpid = seg->lpid;
	ds->shm_nattch = shm_nattch(seg);
}

static int shm_rmid(struct shm_seg *seg)
{
	if (!ipc_is_owner(&seg->obj))
		return -EPERM;
	if (seg->removed)
		return 0;
	if (!shm_nattch(seg)) {
		shm_destroy(seg);
		return 0;
	}
	ipc_remove(&shm_ids, &seg->obj);
	list_add_tail(&seg->obj.link, &shm_removed);
	seg->removed = true;
	seg->obj.perm.key = IPC_PRIVATE;
	seg->obj.perm.mode |= SHM_DEST;
	return 0;
}

long sys_shmctl(int shmid, int cmd, struct shmid64_ds *buf)
{
	struct shm_seg *seg = shm_find_any(shmid);
	if (!seg)
		return -EINVAL;
	struct shmid64_ds ds;
	int err;
	switch (cmd) {
	case IPC_STAT:
		if ((err = ipc_check_perm(&seg->obj, 0444)))
			return err;
		shm_stat(seg, &ds);
		return copy_to_user(buf, &ds, sizeof(ds)) ? -EFAULT : 0;
	case IPC_SET:
		if (copy_from_user(&ds, buf, sizeof(ds)))
			return -EFAULT;
		if ((err = ipc_set_perm(&seg->obj, &ds.shm_perm)))
			return err;
		seg->ctime = (long)clock_realtime_sec();
		return 0;
	case IPC_RMID:
		return shm_rmid(seg);
	case SHM_LOCK:
	case SHM_UNLOCK:
		/* Nothing is ever swapped out, so every segment is already locked in memory. */
		return ipc_is_owner(&seg->obj) ? 0 : -EPERM;
	default:
		return -EINVAL; /* FIXME: IPC_INFO, SHM_INFO and SHM_STAT (ipcs) */
	}
}
