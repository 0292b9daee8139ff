dnl The macros GNU m4 (cross-built by tests/toolchain/autoconf_m4.sh) expands,
dnl on the host and inside Cairn (tests/boot/autoconf_m4.py); check.m4.out is
dnl what GNU m4 prints for them.
define(`hello', `Hello, $1!')dnl
hello(`Cairn')
eval(6*7)
define(`fact', `ifelse($1, 0, 1, `eval($1 * fact(decr($1)))')')dnl
fact(10)
translit(`cairn', `a-z', `A-Z')
len(`mountain')
divert(1)dnl
diverted
divert(0)dnl
substr(`newlib port', 7)
format(`%05d|%s', 42, `x')
undivert(1)dnl
