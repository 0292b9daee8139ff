/*
 * execve(2)'s initial stack: argv and envp arrive as /sbin/init passed them
 * (tests.list runs this as "/bin/test-argv_env alpha beta gamma" with init's
 * fixed environment), the stack is 16-byte aligned at _start, and the
 * auxiliary vector carries what static Linux programs rely on (musl finds
 * its TLS segment through AT_PHDR; glibc reads AT_RANDOM).
 */
#include "rt.h"

#include <elf.h>
#include <uapi/auxv.h>

extern char _start[];

/* The environment /sbin/init gives every test (tests/user/init.c). */
static const char *const expected_env[] = {"HOME=/", "PATH=/bin:/sbin", "TERM=cairn",
                                           "CAIRN_TEST=1"};
static const char *const expected_args[] = {"alpha", "beta", "gamma"};

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

static void check_auxv(void)
{
	unsigned long pagesz = rt_getauxval(AT_PAGESZ);
	T_OK(pagesz == 4096, "auxv AT_PAGESZ is 4096 (%lu)", pagesz);
	unsigned long entry = rt_getauxval(AT_ENTRY);
	T_OK(entry == (unsigned long)_start, "auxv AT_ENTRY is _start (%#lx, _start %p)", entry,
	     (void *)_start);

	unsigned long phdr = rt_getauxval(AT_PHDR), phent = rt_getauxval(AT_PHENT);
	unsigned long phnum = rt_getauxval(AT_PHNUM);
	T_OK(phent == sizeof(Elf64_Phdr), "auxv AT_PHENT is %zu (%lu)", sizeof(Elf64_Phdr), phent);
	bool text_found = false;
	if (phdr && phent == sizeof(Elf64_Phdr) && phnum > 0 && phnum < 64) {
		const Elf64_Phdr *ph = (const Elf64_Phdr *)phdr;
		for (unsigned long i = 0; i < phnum; i++) {
			if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_X) &&
			    ph[i].p_vaddr <= entry && entry < ph[i].p_vaddr + ph[i].p_memsz)
				text_found = true;
		}
	}
	T_OK(text_found,
	     "auxv AT_PHDR (%#lx, %lu entries) shows the executable PT_LOAD holding _start", phdr,
	     phnum);

	const unsigned char *random = (const unsigned char *)rt_getauxval(AT_RANDOM);
	unsigned sum = 0;
	if (random) {
		for (int i = 0; i < 16; i++)
			sum |= random[i];
	}
	T_OK(random && sum, "auxv AT_RANDOM points at 16 bytes that are not all zero (%p)",
	     (const void *)random);
}

int main(int argc, char **argv, char **envp)
{
	for (int i = 0; i < argc; i++)
		t_diag("argv[%d] = \"%s\"", i, argv[i]);
	int envc = 0;
	for (char **e = envp; *e; e++, envc++)
		t_diag("envp[%d] = \"%s\"", envc, *e);

	T_OK(argc == 1 + (int)ARRAY_SIZE(expected_args), "argc is 4 (%d)", argc);
	T_OK(argv[argc] == NULL, "argv[argc] is NULL");
	T_OK(argv[0] && ends_with(argv[0], "argv_env"), "argv[0] names the program (%s)", argv[0]);
	for (int i = 0; i < (int)ARRAY_SIZE(expected_args); i++) {
		const char *a = i + 1 < argc ? argv[i + 1] : "(missing)";
		T_OK(!strcmp(a, expected_args[i]), "argv[%d] is \"%s\" (\"%s\")", i + 1,
		     expected_args[i], a);
	}
	T_OK(envc == (int)ARRAY_SIZE(expected_env), "envp has %zu entries (%d)",
	     ARRAY_SIZE(expected_env), envc);
	for (size_t i = 0; i < ARRAY_SIZE(expected_env); i++) {
		bool found = false;
		for (char **e = envp; *e; e++)
			found |= !strcmp(*e, expected_env[i]);
		T_OK(found, "envp holds %s", expected_env[i]);
	}
	T_OK(envp == argv + argc + 1, "envp follows argv's NULL on the stack");
	T_OK(__rt_initial_sp % 16 == 0, "%%rsp is 16-byte aligned at _start (%#lx)",
	     __rt_initial_sp);
	T_OK(*(long *)__rt_initial_sp == argc, "%%rsp points at argc at _start");
	T_OK((unsigned long)argv[0] > __rt_initial_sp &&
	         (!envp[0] || (unsigned long)envp[0] > __rt_initial_sp),
	     "the argument and environment strings lie above the initial %%rsp");
	check_auxv();
	return t_done();
}
