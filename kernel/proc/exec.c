/*
 * execve: replace the calling process's program.
 *
 * The arguments and environment are copied into the kernel first; the file
 * is checked (a regular file with an execute bit, a "#!" script, or an ELF64
 * static executable, ET_EXEC or static-PIE); only then is a new address space
 * built, so a failure before that point leaves the caller untouched. The new
 * stack follows the SysV ABI: argc, argv, envp, auxv, then the strings.
 */
#include <arch/context.h>
#include <arch/cpu.h>
#include <arch/trap.h>
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <mm/vm.h>
#include <printk.h>
#include <proc/elf_load.h>
#include <proc/cred.h>
#include <proc/process.h>
#include <proc/timer.h>
#include <random.h>
#include <uaccess.h>
#include <uapi/auxv.h>
#include <uapi/limits.h>
#include <uapi/signal.h>

#define EXEC_ARGS_MAX (256 * 1024) /* argv + envp strings and pointers */
#define EXEC_MAX_DEPTH 4           /* nested #! interpreters */
#define STACK_INITIAL (128 * 1024)
#define DYN_BASE 0x0000555555554000UL

/* The argument and environment strings, packed: n strings, back to back. */
struct strvec {
	char *buf;
	size_t used, cap;
	int argc, envc;
};

static int sv_add(struct strvec *sv, const char *s, size_t len)
{
	if (sv->used + len + 1 + 2 * sizeof(char *) > sv->cap)
		return -E2BIG;
	memcpy(sv->buf + sv->used, s, len);
	sv->buf[sv->used + len] = 0;
	sv->used += len + 1;
	return 0;
}

/* Appends each string of a NULL-terminated vector (user or kernel); returns the count. */
static int sv_add_vec(struct strvec *sv, char *const *vec, bool user)
{
	int n = 0;
	if (!vec)
		return 0;
	for (;; n++) {
		char *p;
		if (user) {
			if (copy_from_user(&p, &vec[n], sizeof(p)))
				return -EFAULT;
		} else {
			p = vec[n];
		}
		if (!p)
			return n;
		if (n >= 65536)
			return -E2BIG;
		if (user) {
			size_t room = sv->cap - sv->used;
			if (room < 2)
				return -E2BIG;
			long len = strncpy_from_user(sv->buf + sv->used, p, room - 1);
			if (len == -ENAMETOOLONG)
				return -E2BIG;
			if (len < 0)
				return (int)len;
			if (sv->used + (size_t)len + 1 + 2 * sizeof(char *) > sv->cap)
				return -E2BIG;
			sv->used += (size_t)len + 1;
		} else {
			int err = sv_add(sv, p, strlen(p));
			if (err)
				return err;
		}
	}
}

/* Returns the i-th packed string. */
static const char *sv_at(const struct strvec *sv, int i)
{
	const char *p = sv->buf;
	while (i-- > 0)
		p += strlen(p) + 1;
	return p;
}

/*
 * Rewrites the arguments for a "#!interpreter [arg]" script: the new argv is
 * interpreter, [arg], path, then argv[1..]. Returns 0 with *interp set.
 */
static int script_args(struct strvec *sv, const char *hdr, size_t n, const char *path,
		       char *interp)
{
	size_t end = 2;
	while (end < n && hdr[end] != '\n')
		end++;
	if (end == n && n >= 256)
		return -ENOEXEC;
	char line[256];
	size_t len = MIN(end - 2, sizeof(line) - 1);
	memcpy(line, hdr + 2, len);
	line[len] = 0;
	char *p = line;
	while (*p == ' ' || *p == '\t')
		p++;
	char *name = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	char *arg = NULL;
	if (*p) {
		*p++ = 0;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p) {
			arg = p;
			char *q = p + strlen(p);
			while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
				*--q = 0;
		}
	}
	if (!*name)
		return -ENOEXEC;
	strlcpy(interp, name, PATH_MAX);

	struct strvec old = *sv;
	char *copy = kmalloc(old.used ? old.used : 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, old.buf, old.used);
	old.buf = copy;
	sv->used = 0;
	int err = sv_add(sv, name, strlen(name));
	if (!err && arg)
		err = sv_add(sv, arg, strlen(arg));
	if (!err)
		err = sv_add(sv, path, strlen(path));
	for (int i = 1; !err && i < old.argc + old.envc; i++) {
		const char *s = sv_at(&old, i);
		err = sv_add(sv, s, strlen(s));
	}
	if (!err)
		sv->argc = old.argc + 1 + (arg != NULL);
	kfree(copy);
	return err;
}

/*
 * Pushes the initial stack into the (active) new address space; returns the
 * new rsp. secure sets AT_SECURE (a set-id program).
 */
static long build_stack(struct mm *mm, const struct strvec *sv, const struct elf_plan *plan,
			const char *execfn, bool secure)
{
	uintptr_t sp = mm->stack_top;
	int total = sv->argc + sv->envc;
	/* Strings, highest first: execfn, the packed strings, platform, random bytes. */
	size_t fnlen = strlen(execfn) + 1;
	sp -= fnlen;
	uintptr_t u_execfn = sp;
	if (copy_to_user((void *)sp, execfn, fnlen))
		return -EFAULT;
	sp -= sv->used;
	uintptr_t u_strings = sp;
	if (copy_to_user((void *)sp, sv->buf, sv->used))
		return -EFAULT;
	mm->arg_start = u_strings;
	mm->arg_end = mm->env_start = u_strings + (size_t)(sv_at(sv, sv->argc) - sv->buf);
	mm->env_end = u_strings + sv->used;
	sp -= 8;
	uintptr_t u_platform = sp;
	if (copy_to_user((void *)sp, "x86_64", 7))
		return -EFAULT;
	sp -= 16;
	uintptr_t u_random = sp;
	uint8_t rnd[16];
	random_get_bytes(rnd, sizeof(rnd));
	if (copy_to_user((void *)sp, rnd, sizeof(rnd)))
		return -EFAULT;

	uint64_t auxv[] = {
		AT_PHDR,   plan->phdr_vaddr,  AT_PHENT,  plan->phentsize, AT_PHNUM,  plan->phnum,
		AT_PAGESZ, PAGE_SIZE,         AT_BASE,   0,               AT_FLAGS,  0,
		AT_ENTRY,  plan->entry,       AT_UID,    0,               AT_EUID,   0,
		AT_GID,    0,                 AT_EGID,   0,               AT_CLKTCK, 100,
		AT_SECURE, 0,                 AT_RANDOM, u_random,        AT_HWCAP,  0,
		AT_PLATFORM, u_platform,      AT_EXECFN, u_execfn,        AT_NULL,   0,
	};
	struct process *p = current_proc();
	auxv[15] = p->uid;
	auxv[17] = p->euid;
	auxv[19] = p->gid;
	auxv[21] = p->egid;
	auxv[25] = secure;

	size_t words = 1 + (size_t)total + 2 + ARRAY_SIZE(auxv);
	sp = ALIGN_DOWN(sp - words * 8, 16);
	uint64_t *frame = kmalloc(words * 8);
	if (!frame)
		return -ENOMEM;
	size_t w = 0;
	frame[w++] = (uint64_t)sv->argc;
	uintptr_t s = u_strings;
	for (int i = 0; i < total; i++) {
		if (i == sv->argc)
			frame[w++] = 0;
		frame[w++] = s;
		s += strlen(sv_at(sv, i)) + 1;
	}
	if (sv->envc == 0)
		frame[w++] = 0;
	frame[w++] = 0;
	memcpy(&frame[w], auxv, sizeof(auxv));
	int err = copy_to_user((void *)sp, frame, words * 8);
	kfree(frame);
	return err ? err : (long)sp;
}

/* Maps the ELF segments and the stack into mm. */
static int map_program(struct mm *mm, struct file *f, const struct elf_plan *plan)
{
	uintptr_t prev_end = 0;
	for (unsigned i = 0; i < plan->nr_segments; i++) {
		const struct elf_segment *s = &plan->seg[i];
		uintptr_t start = ALIGN_DOWN(s->vaddr, PAGE_SIZE);
		uintptr_t end = ALIGN_UP(s->vaddr + s->memsz, PAGE_SIZE);
		if (start < prev_end) {
			pr_warn("exec: segments sharing a page are not supported\n");
			return -ENOEXEC;
		}
		uint64_t off = ALIGN_DOWN(s->offset, PAGE_SIZE);
		uint64_t file_bytes = (s->vaddr - start) + s->filesz;
		long r = vm_map_file_private(mm, start, end - start, s->prot, f, off, file_bytes);
		if (r < 0)
			return (int)r;
		prev_end = end;
	}
	mm->brk_start = mm->brk = plan->brk_start;
	unsigned stack_prot = PROT_READ | PROT_WRITE | (plan->exec_stack ? PROT_EXEC : 0);
	long r = vm_mmap(mm, mm->stack_top - STACK_INITIAL, STACK_INITIAL, stack_prot,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN, NULL, 0);
	return r < 0 ? (int)r : 0;
}

/*
 * Opens path for execution: a regular file the caller may execute (read
 * permission is not needed). -EACCES otherwise.
 */
static int open_exec(const char *path, struct file **out)
{
	struct inode *inode;
	int err = vfs_lookup(path, LOOKUP_FOLLOW, &inode);
	if (err)
		return err;
	if (!S_ISREG(inode->mode) || (inode->sb && (inode->sb->flags & SB_NOEXEC)))
		err = -EACCES; /* not a file, or on a noexec mount */
	else
		err = inode_permission(inode, MAY_EXEC);
	if (!err)
		err = vfs_open_inode(inode, O_RDONLY, out);
	if (!err)
		(*out)->path = vfs_absolute_path(NULL, path); /* for /proc/PID/maps; may be NULL */
	inode_put(inode);
	return err;
}

/* The part after the point of no return: switch to the new image. */
static void commit_exec(struct process *p, struct mm *mm, const char *path, uintptr_t entry,
			uintptr_t sp)
{
	struct task *t = current;
	struct mm *old = p->mm;
	p->mm = mm;
	mm_activate(mm);
	if (old)
		mm_put(old);
	if (p->files)
		fdtable_close_on_exec(p->files);
	for (int sig = 1; sig <= _NSIG; sig++) {
		struct k_sigaction *sa = &p->sigactions[sig];
		if ((uintptr_t)sa->sa_handler != SIG_IGN) {
			sa->sa_handler = (void *)SIG_DFL;
			sa->sa_flags = 0;
		}
	}
	const char *base = path;
	for (const char *c = path; *c; c++)
		if (*c == '/' && c[1])
			base = c + 1;
	strlcpy(p->comm, base, sizeof(p->comm));
	strlcpy(t->comm, base, sizeof(t->comm));
	vfork_release(p);
	p->did_exec = true; /* the parent's setpgid(2) now fails with EACCES */
	posix_timers_exec(p);
	t->sas_sp = 0;
	t->sas_size = 0;

	t->fs_base = 0;
	wrmsr(MSR_FS_BASE, 0);
	arch_fpu_init(t);
	__asm__ volatile("fxrstor64 %0" ::"m"(*(uint8_t(*)[512])t->fpu));
	arch_user_frame_reset(t->user_frame, entry, sp);
}

long do_execve(const char *upath, char *const *argv, char *const *envp, bool user_ptrs)
{
	struct process *p = current_proc();
	char *path = kmalloc(PATH_MAX);
	char *interp = kmalloc(PATH_MAX);
	struct strvec sv = { .cap = EXEC_ARGS_MAX };
	sv.buf = kmalloc(EXEC_ARGS_MAX);
	struct elf_plan *plan = kmalloc(sizeof(*plan));
	char *hdr = kmalloc(PAGE_SIZE);
	struct file *f = NULL;
	struct mm *mm = NULL;
	long err = -ENOMEM;
	if (!path || !interp || !sv.buf || !plan || !hdr)
		goto out;

	if (user_ptrs) {
		err = strncpy_from_user(path, upath, PATH_MAX);
		if (err < 0)
			goto out;
	} else {
		strlcpy(path, upath, PATH_MAX);
	}
	err = sv.argc = sv_add_vec(&sv, argv, user_ptrs);
	if (err < 0)
		goto out;
	err = sv.envc = sv_add_vec(&sv, envp, user_ptrs);
	if (err < 0)
		goto out;

	for (int depth = 0;; depth++) {
		err = open_exec(path, &f);
		if (err)
			goto out;
		ssize_t n = kernel_read(f, hdr, PAGE_SIZE, 0);
		if (n < 0) {
			err = n;
			goto out;
		}
		if (n >= 2 && hdr[0] == '#' && hdr[1] == '!') {
			if (depth >= EXEC_MAX_DEPTH) {
				err = -ELOOP;
				goto out;
			}
			err = script_args(&sv, hdr, (size_t)n, path, interp);
			if (err)
				goto out;
			strlcpy(path, interp, PATH_MAX);
			file_put(f);
			f = NULL;
			continue;
		}
		err = elf_plan_load(hdr, (size_t)n, f->inode->size, DYN_BASE, plan);
		if (err)
			goto out;
		if (plan->has_interp) {
			pr_info("exec: %s is dynamically linked; only static programs run\n", path);
			err = -ENOEXEC;
			goto out;
		}
		break;
	}

	mm = mm_create();
	if (!mm) {
		err = -ENOMEM;
		goto out;
	}
	err = map_program(mm, f, plan);
	if (err)
		goto out;

	/*
	 * Build the stack in the new space; back to the old one if that fails.
	 * Its pages are faulted in first: the new space is not the process's
	 * yet, so the fault handler would not find it.
	 */
	size_t need = sv.used + strlen(path) + 64 + (sv.argc + sv.envc + 64) * sizeof(uint64_t);
	for (uintptr_t va = mm->stack_top - ALIGN_UP(need, PAGE_SIZE) - PAGE_SIZE;
	     va < mm->stack_top; va += PAGE_SIZE) {
		if (vm_fault(mm, va, VM_FAULT_WRITE) < 0) {
			err = -ENOMEM;
			goto out;
		}
	}
	mm_activate(mm);
	/* Set-id files: the new ids show in the auxiliary vector; undone if that fails. */
	uint32_t saved_ids[6] = {p->euid, p->suid, p->fsuid, p->egid, p->sgid, p->fsgid};
	bool secure = (f->inode->mode & (S_ISUID | S_ISGID)) &&
		      !(f->inode->sb && (f->inode->sb->flags & SB_NOSUID));
	if (secure)
		cred_exec_setid(p, f->inode->mode, f->inode->uid, f->inode->gid);
	long sp = build_stack(mm, &sv, plan, path, secure);
	if (sp < 0) {
		p->euid = saved_ids[0], p->suid = saved_ids[1], p->fsuid = saved_ids[2];
		p->egid = saved_ids[3], p->sgid = saved_ids[4], p->fsgid = saved_ids[5];
		mm_activate(p->mm);
		err = sp;
		goto out;
	}
	mm->exe_path = vfs_absolute_path(NULL, path);
	commit_exec(p, mm, path, plan->entry, (uintptr_t)sp);
	mm = NULL;
	err = 0;
out:
	if (mm)
		mm_put(mm);
	if (f)
		file_put(f);
	kfree(hdr);
	kfree(plan);
	kfree(sv.buf);
	kfree(interp);
	kfree(path);
	return err;
}
