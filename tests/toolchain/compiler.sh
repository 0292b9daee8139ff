#!/bin/sh
# The cross compiler knows its target: machine name, predefined macros,
# ELF64 x86-64 objects, and a linker with the cairn emulation.
. "$(dirname "$0")/lib.sh"

[ "$("${CROSS}gcc" -dumpmachine)" = x86_64-cairn ]
check $? "x86_64-cairn-gcc -dumpmachine prints x86_64-cairn"

macros=$("${CROSS}gcc" -E -dM - </dev/null)
echo "$macros" | grep -q '^#define __cairn__ 1$'
check $? "-E -dM defines __cairn__"
echo "$macros" | grep -q '^#define __unix__ 1$'
check $? "-E -dM defines __unix__"
echo "$macros" | grep -q '^#define __x86_64__ 1$'
check $? "-E -dM defines __x86_64__"
! echo "$macros" | grep -q '__linux__'
check $? "-E -dM does not claim __linux__"

cat > "$TMP/t.c" <<'C'
int add(int a, int b) { return a + b; }
C
"${CROSS}gcc" -ffreestanding -O2 -c "$TMP/t.c" -o "$TMP/t.o"
check $? "x86_64-cairn-gcc -ffreestanding -c compiles"
hdr=$("${CROSS}readelf" -h "$TMP/t.o")
echo "$hdr" | grep -q 'Class: *ELF64' && echo "$hdr" | grep -q 'Machine: *Advanced Micro Devices X86-64' &&
	echo "$hdr" | grep -q 'Type: *REL'
check $? "the object is an ELF64 x86-64 relocatable file"
"${CROSS}nm" "$TMP/t.o" | grep -q ' T add$'
check $? "x86_64-cairn-nm lists the function"

"${CROSS}ld" --verbose | grep -q 'elf_x86_64_cairn'
check $? "x86_64-cairn-ld --verbose names the elf_x86_64_cairn emulation"

for tool in gcc ld as ar nm objcopy readelf strip; do
	[ -x "${CROSS}$tool" ] || { echo "not ok - x86_64-cairn-$tool exists"; failed=1; }
done
check $failed "all x86_64-cairn-* tools are installed"

# A freestanding program links with the default cairn emulation at 4 MiB.
cat > "$TMP/start.c" <<'C'
void _start(void) { for (;;) __asm__ volatile("hlt"); }
C
"${CROSS}gcc" -ffreestanding -nostdlib -static -o "$TMP/prog" "$TMP/start.c" &&
	"${CROSS}readelf" -h "$TMP/prog" | grep -q 'Type: *EXEC' &&
	"${CROSS}readelf" -lW "$TMP/prog" | grep -q 'LOAD.*0x0000000000400000'
check $? "a -nostdlib program links as a static executable loaded at 0x400000"

# Objects say they need no executable stack, so programs get a non-executable one.
"${CROSS}readelf" -SW "$TMP/t.o" | grep -q '\.note\.GNU-stack'
check $? "compiled objects carry .note.GNU-stack"
"${CROSS}readelf" -lW "$TMP/prog" | grep 'GNU_STACK' | grep -qv 'RWE'
check $? "a linked program's stack is not executable (GNU_STACK RW)"
exit $failed
