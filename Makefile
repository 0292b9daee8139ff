# Cairn: the stable make interface (see docs/building.md).
#   make deps       Debian packages the build and tests need
#   make toolchain  x86_64-cairn binutils + gcc into $(CAIRN_CACHE)
#   make libc       newlib + Cairn's glue into the toolchain's sysroot
#   make / image    kernel and the disk image build/cairn.img
#   make repo       every port as a .cpkg in build/repo (with INDEX)
#   make run        boot the image in QEMU (serial on this terminal)
#   make test       everything, then every test; last line "N passed, N failed"
#   make debug      boot with QEMU's gdb stub and attach gdb
SHELL := /bin/bash
TOP := $(CURDIR)
BUILD := $(TOP)/build
CAIRN_CACHE ?= $(HOME)/.cache/cairn
export CAIRN_CACHE

TOOLCHAIN_PREFIX := $(shell CAIRN_CACHE=$(CAIRN_CACHE) $(TOP)/toolchain/build.sh --print-prefix)
CROSS := $(TOOLCHAIN_PREFIX)/bin/x86_64-cairn-
export TOOLCHAIN_PREFIX

IMAGE := $(BUILD)/cairn.img
KERNEL := $(BUILD)/kernel/cairn.elf
QEMU_MEM ?= 256M
QEMU_SMP ?= 1
KARGS ?=

QEMU := qemu-system-x86_64 -machine pc -cpu max -m $(QEMU_MEM) -smp $(QEMU_SMP) \
	-drive file=$(IMAGE),format=raw,if=ide -no-reboot

all: image

deps:
	@$(TOP)/toolchain/deps.sh

toolchain: deps
	@$(TOP)/toolchain/build.sh

libc: toolchain
	@$(TOP)/libc/build.sh

kernel: toolchain
	@$(MAKE) --no-print-directory -f kernel/Makefile CROSS=$(CROSS) BUILD=$(BUILD)

# The ports installed into the root filesystem (ports/, docs/ports.md).
BASE_PORTS := dash busybox
PORTS := python3 $(TOP)/ports/ports.py

PKG_HOST := $(BUILD)/pkg/host/pkg

# The root tree: the skeleton, then the base packages installed from the
# local repository by the host's pkg, then pkg itself for Cairn.
rootfs: kernel repo pkg
	@$(TOP)/rootfs/mkroot.sh $(BUILD)/rootfs
	@$(PKG_HOST) --root $(BUILD)/rootfs --repo $(BUILD)/repo install $(BASE_PORTS)
	@install -m 755 $(BUILD)/pkg/cairn/pkg $(BUILD)/rootfs/usr/bin/pkg

repo: libc
	@$(PORTS) repo $(BUILD)/repo

# pkg for the host and for Cairn (pkg/Makefile); the Cairn one links the zlib port.
pkg: libc
	@$(MAKE) --no-print-directory -s -C pkg BUILD=$(BUILD) CROSS=$(CROSS) \
		ZLIB_ROOT=$$($(PORTS) destdir zlib)

# The user-space test programs and their /sbin/init, packed as the initrd.
initrd: libc
	@$(MAKE) --no-print-directory -s -C tests/user BUILD=$(BUILD) CROSS=$(CROSS)

image: kernel rootfs libc initrd
	@$(TOP)/boot/mkimage.sh $(KERNEL) $(BUILD)/rootfs $(IMAGE) $(BUILD)/initrd.cpio

# Boots the image; KARGS="..." appends kernel arguments (written to /grub/extra.cfg).
# RUN_KARGS=noinitrd boots the ext2 root (busybox init, a login on ttyS0);
# make run RUN_KARGS= boots the test initrd instead.
RUN_KARGS ?= noinitrd
run: image
	@$(TOP)/boot/set-kargs.sh $(IMAGE) "$(strip $(RUN_KARGS) $(KARGS))"
	@if [ -n "$$DISPLAY" ]; then \
		$(QEMU) -serial stdio; \
	else \
		echo "(no display: serial console only; quit with Ctrl-A x)"; \
		$(QEMU) -serial mon:stdio -display none; \
	fi

debug: image
	@$(TOP)/boot/set-kargs.sh $(IMAGE) "$(KARGS)"
	$(QEMU) -serial file:$(BUILD)/debug-serial.log -display none -s -S & \
	gdb -q $(KERNEL) -ex 'target remote localhost:1234' -ex 'break kernel_main' -ex 'continue'

host-tests:
	@$(MAKE) --no-print-directory -C tests/host OUT=$(BUILD)/host-tests

test: image host-tests
	@python3 $(TOP)/tests/run.py --build $(BUILD)

clean:
	rm -rf $(BUILD)

.PHONY: all deps toolchain libc kernel rootfs repo pkg initrd image run debug host-tests test clean
