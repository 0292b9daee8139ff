#!/usr/bin/env python3
"""The whole user-space suite of tests/boot/user.py, with the boot disk on an
AHCI controller instead of IDE: SeaBIOS and GRUB load the kernel and initrd
from it, the kernel finds it as sda through the AHCI driver, and every guest
test must pass as it does on IDE.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import user  # noqa: E402

if __name__ == '__main__':
    user.main(disk='ahci')
