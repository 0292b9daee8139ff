/*
 * __pthread_init_main: the main thread's TLS and descriptor, before
 * anything else in the program runs (__libc_start calls it first, since
 * errno already lives in the descriptor's struct _reent).
 *
 * The TLS template is the executable's PT_TLS program header, found through
 * the auxiliary vector (AT_PHDR, AT_PHNUM). The block and descriptor get
 * their own anonymous mapping; the FS base is set with arch_prctl(2), and
 * set_tid_address(2) both names the word the kernel clears when the main
 * thread exits and returns its thread id.
 */
#include <elf.h>
#include <stdnoreturn.h>

#include "internal/libc.h"
#include "pthread/pthread_impl.h"

#define AT_PHDR       3
#define AT_PHNUM      5
#define ARCH_SET_FS   0x1002
#define PROT_RW       3
#define MAP_PRIV_ANON 0x22

static noreturn void die(const char *msg, unsigned long len)
{
	__syscall3(SYS_write, 2, (long)msg, (long)len);
	__syscall1(SYS_exit_group, 127);
	for (;;)
		;
}

static void find_tls_template(void)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)__getauxval(AT_PHDR);
	unsigned long n = __getauxval(AT_PHNUM);
	unsigned long align = 1;

	for (unsigned long i = 0; ph && i < n; i++) {
		if (ph[i].p_type != PT_TLS)
			continue;
		__tls.image = (const void *)ph[i].p_vaddr;
		__tls.filesz = ph[i].p_filesz;
		__tls.memsz = ph[i].p_memsz;
		align = ph[i].p_align ? ph[i].p_align : 1;
	}
	__tls.offset = (__tls.memsz + align - 1) & ~(align - 1);
	/* The descriptor is aligned for itself too; 64 keeps it on a cache line. */
	__tls.align = align > 64 ? align : 64;
}

void __pthread_init_main(void)
{
	static const char nomem[] = "libc: no memory for the main thread's TLS\n";
	struct __pthread *self;
	long area;

	find_tls_template();
	area = __syscall6(SYS_mmap, 0, (long)__tls_area_size(), PROT_RW, MAP_PRIV_ANON, -1, 0);
	if (area < 0 && area > -4096)
		die(nomem, sizeof(nomem) - 1);
	self = __tls_setup((void *)area);
	self->is_main = 1;
	self->detach_state = DT_JOINABLE;
	self->map_base = (void *)area;
	self->map_size = __tls_area_size();
	self->reent = _impure_ptr;
	if (__syscall2(SYS_arch_prctl, ARCH_SET_FS, (long)self) < 0)
		die("libc: arch_prctl(ARCH_SET_FS) failed\n", 37);
	self->tid = (int)__syscall1(SYS_set_tid_address, (long)&self->tid);
}
