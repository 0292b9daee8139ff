#!/usr/bin/env python3
"""The ext2 workload (ext2_workload.py) with the boot disk and the scratch disk on AHCI."""
import os
import sys

os.environ['CAIRN_DISK_IF'] = 'ahci'
os.execv(sys.executable, [sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                       'ext2_workload.py')])
