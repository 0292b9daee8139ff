/* Kernel identity. The banner's first word is the system name, as uname -s prints it. */
#ifndef CAIRN_VERSION_H
#define CAIRN_VERSION_H

#define CAIRN_SYSNAME "Cairn"
#define CAIRN_RELEASE "0.1.0"
#define CAIRN_MACHINE "x86_64"
#define CAIRN_BANNER CAIRN_SYSNAME " " CAIRN_RELEASE " " CAIRN_MACHINE " (built " __DATE__ ")"

#endif
