/*
 * Virtual console ioctl(2) requests and struct vt_stat, with Linux
 * x86-64's values and layout (<linux/vt.h>); tests/abi checks them.
 */
#ifndef CAIRN_UAPI_VT_H
#define CAIRN_UAPI_VT_H

#define VT_GETSTATE	0x5603 /* struct vt_stat * */
#define VT_ACTIVATE	0x5606 /* console number (1..) as the argument */
#define VT_WAITACTIVE	0x5607 /* sleeps until that console is visible */

struct vt_stat {
	unsigned short v_active; /* the visible console */
	unsigned short v_signal;
	unsigned short v_state;  /* bit N: console N exists */
};

#endif
