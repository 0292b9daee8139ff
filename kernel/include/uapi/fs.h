/* Block device ioctl(2) requests, with Linux x86-64's values (<linux/fs.h>). */
#ifndef CAIRN_UAPI_FS_H
#define CAIRN_UAPI_FS_H

#define BLKRRPART    0x125F     /* _IO(0x12, 95): re-read the partition table */
#define BLKGETSIZE   0x1260     /* _IO(0x12, 96): unsigned long *, size in 512-byte sectors */
#define BLKFLSBUF    0x1261     /* _IO(0x12, 97): flush buffers */
#define BLKSSZGET    0x1268     /* _IO(0x12, 104): int *, logical sector size */
#define BLKGETSIZE64 0x80081272 /* _IOR(0x12, 114, size_t): uint64_t *, size in bytes */

#endif
