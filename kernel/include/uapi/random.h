/*
 * getrandom(2) flags, Linux x86-64's values (shared/DESIGN.md decision 3);
 * tests/abi checks them against linux-libc-dev.
 */
#ifndef CAIRN_UAPI_RANDOM_H
#define CAIRN_UAPI_RANDOM_H

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

#endif
