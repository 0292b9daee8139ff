/*
 * Thread-local storage through the FS base: arch_prctl(2) ARCH_SET_FS makes
 * %fs-relative loads and stores reach a block, ARCH_GET_FS reads the base
 * back, a thread made with CLONE_SETTLS runs with its own base (and changing
 * it does not change the main thread's), fork keeps the base, and a
 * non-canonical or kernel address is refused with -EPERM.
 */
#include "rt.h"

struct tls_block {
	struct tls_block *self; /* %fs:0, as the x86-64 TLS ABI has it */
	long a;                 /* %fs:8 */
	long b;                 /* %fs:16 */
};

static struct tls_block main_block, thread_block, thread_block2;

static unsigned long fs_load(long off)
{
	unsigned long v;
	__asm__ volatile("movq %%fs:(%1), %0" : "=r"(v) : "r"(off) : "memory");
	return v;
}

static void fs_store(long off, unsigned long v)
{
	__asm__ volatile("movq %0, %%fs:(%1)" : : "r"(v), "r"(off) : "memory");
}

static unsigned long get_fs(void)
{
	unsigned long v = 0;
	sys_arch_prctl(ARCH_GET_FS, (unsigned long)&v);
	return v;
}

struct thread_report {
	int tid_word;
	unsigned long self, a, get_fs, after_set;
};

static int thread_fn(void *arg)
{
	struct thread_report *r = arg;
	r->self = fs_load(0);
	r->a = fs_load(8);
	r->get_fs = get_fs();
	/* Moving this thread's base must not move the main thread's. */
	sys_arch_prctl(ARCH_SET_FS, (unsigned long)&thread_block2);
	r->after_set = fs_load(0);
	return 0;
}

static int child_reads_fs(void *arg)
{
	(void)arg;
	return fs_load(0) == (unsigned long)&main_block && fs_load(8) == 0x1234 ? 0 : 1;
}

static void test_thread(void)
{
	static struct thread_report rep;
	long stack =
	    sys_mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	thread_block.self = &thread_block;
	thread_block.a = 0x5678;
	thread_block2.self = &thread_block2;
	unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
	                      CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |
	                      CLONE_CHILD_CLEARTID;
	long tid = rt_clone(flags, (char *)stack + 65536, &rep.tid_word, &rep.tid_word,
	                    (unsigned long)&thread_block, thread_fn, &rep);
	if (!T_OK(stack > 0 && tid > 0, "clone a thread with CLONE_SETTLS (%ld)", tid))
		return;
	int v;
	for (int i = 0; i < 3000 && (v = __atomic_load_n(&rep.tid_word, __ATOMIC_ACQUIRE)) != 0;
	     i++) {
		struct timespec ts = {0, 10000000};
		sys_futex((uint32_t *)&rep.tid_word, FUTEX_WAIT, (uint32_t)v, &ts, NULL, 0);
	}
	T_OK(rep.tid_word == 0, "the thread exited");
	T_OK(rep.self == (unsigned long)&thread_block && rep.a == 0x5678,
	     "the thread's %%fs:0 and %%fs:8 come from its own block (%#lx, %#lx)", rep.self,
	     rep.a);
	T_OK(rep.get_fs == (unsigned long)&thread_block,
	     "ARCH_GET_FS in the thread returns its CLONE_SETTLS value (%#lx)", rep.get_fs);
	T_OK(rep.after_set == (unsigned long)&thread_block2,
	     "ARCH_SET_FS in the thread moves its base (%#lx)", rep.after_set);
	T_OK(fs_load(0) == (unsigned long)&main_block && get_fs() == (unsigned long)&main_block,
	     "the main thread's base is unchanged by the thread's (%#lx)", fs_load(0));
	sys_munmap((void *)stack, 65536);
}

int main(void)
{
	main_block.self = &main_block;
	main_block.a = 0x1234;
	main_block.b = 0;

	long r = sys_arch_prctl(ARCH_SET_FS, (unsigned long)&main_block);
	T_OK(r == 0, "arch_prctl(ARCH_SET_FS, &block) (%ld)", r);
	T_OK(fs_load(0) == (unsigned long)&main_block,
	     "%%fs:0 reads the block's self pointer (%#lx)", fs_load(0));
	T_OK(fs_load(8) == 0x1234, "%%fs:8 reads the block's second word (%#lx)", fs_load(8));
	fs_store(16, 0xabcdef);
	T_OK(main_block.b == 0xabcdef, "a store to %%fs:16 lands in the block (%#lx)",
	     main_block.b);
	unsigned long got = 0;
	r = sys_arch_prctl(ARCH_GET_FS, (unsigned long)&got);
	T_OK(r == 0 && got == (unsigned long)&main_block,
	     "ARCH_GET_FS returns the base (%ld, %#lx)", r, got);
	sys_sched_yield();
	rt_sleep_ms(20);
	T_OK(fs_load(0) == (unsigned long)&main_block,
	     "the base survives a context switch (sched_yield, nanosleep)");

	int st = rt_run_child(child_reads_fs, NULL);
	T_OK(st == 0, "a forked child inherits the FS base (status %#x)", st);

	test_thread();

	static const unsigned long bad[] = {0x0000800000000000UL, 0xffff800000000000UL,
	                                    0x8000000000000000UL, 0xffffffff80000000UL};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		r = sys_arch_prctl(ARCH_SET_FS, bad[i]);
		T_OK(r == -EPERM, "ARCH_SET_FS %#lx gives -EPERM (%ld)", bad[i], r);
	}
	T_OK(get_fs() == (unsigned long)&main_block, "refused bases leave the base alone");
	r = sys_arch_prctl(ARCH_GET_FS, 1);
	T_OK(r == -EFAULT, "ARCH_GET_FS to a bad pointer gives -EFAULT (%ld)", r);
	r = sys_arch_prctl(0x9999, 0);
	T_OK(r == -EINVAL, "an unknown arch_prctl code gives -EINVAL (%ld)", r);
	r = sys_arch_prctl(ARCH_SET_FS, 0);
	T_OK(r == 0 && get_fs() == 0, "ARCH_SET_FS 0 clears the base (%ld)", r);
	return t_done();
}
