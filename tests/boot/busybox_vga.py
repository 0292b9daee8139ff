#!/usr/bin/env python3
"""The VGA console logs in too: the real image (noinitrd) runs a getty on
tty1, the first virtual console, which is on the screen at boot. The test
reads the VGA text memory through the QEMU monitor, types on the PS/2
keyboard with the monitor's sendkey, logs in as root and runs commands,
checking what the screen shows; then Alt+F2 shows an empty second console
and Alt+F1 brings the session back."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402

# sendkey names for the characters the test types.
KEYS = {' ': 'spc', '\n': 'ret', '$': 'shift-4', '(': 'shift-9', ')': 'shift-0',
        '*': 'shift-8', '-': 'minus', '/': 'slash', '.': 'dot', '=': 'equal', '|': 'shift-backslash'}


def type_text(vm, text):
    for ch in text:
        if ch in KEYS:
            key = KEYS[ch]
        elif ch.isupper():
            key = 'shift-' + ch.lower()
        else:
            key = ch
        vm.monitor('sendkey %s' % key)
        time.sleep(0.03)


def wait_screen(vm, pred, timeout):
    """Polls the VGA text until pred(lines) holds; returns the lines."""
    end = time.time() + timeout
    while True:
        lines = vm.read_vga_text()
        if pred(lines):
            return lines
        if time.time() > end:
            raise VMError('the screen never matched:\n' + '\n'.join(lines))
        time.sleep(0.5)


def last_text(lines):
    return [l for l in lines if l.strip()]


def main():
    t = Tap()
    try:
        with VM(kargs='noinitrd', timeout=400) as vm:
            vm.wait_for(r'login: ', timeout=240)
            lines = wait_screen(vm, lambda ls: any(l.rstrip().endswith('login:') for l in ls), 60)
            t.ok(True, 'tty1 on the VGA screen shows a login: prompt')
            type_text(vm, 'root\n')
            lines = wait_screen(vm, lambda ls: last_text(ls) and
                                last_text(ls)[-1].rstrip().endswith('#'), 60)
            t.ok(True, 'root logs in on tty1 and gets the shell prompt',)
            type_text(vm, 'echo $((6*7))\n')
            lines = wait_screen(vm, lambda ls: any(l.strip() == '42' for l in ls), 30)
            t.ok(True, 'the shell on tty1 evaluates $((6*7)) to 42')
            type_text(vm, 'uname -s | tr a-z A-Z\n')
            lines = wait_screen(vm, lambda ls: any(l.strip() == 'CAIRN' for l in ls), 30)
            t.ok(True, 'a pipeline typed on the keyboard prints CAIRN on the screen')
            type_text(vm, 'tty\n')
            lines = wait_screen(vm, lambda ls: any(l.strip() == '/dev/tty1' for l in ls), 30)
            t.ok(True, 'the session\'s terminal is /dev/tty1')
            vm.monitor('sendkey alt-f2')
            lines = wait_screen(vm, lambda ls: not any('CAIRN' in l for l in ls), 20)
            t.ok(True, 'Alt+F2 shows the second console')
            vm.monitor('sendkey alt-f1')
            lines = wait_screen(vm, lambda ls: any(l.strip() == 'CAIRN' for l in ls), 20)
            t.ok(True, 'Alt+F1 brings the tty1 session back')
    except VMError as e:
        t.ok(False, 'the VGA login session', str(e)[-2500:])
    t.exit()


if __name__ == '__main__':
    main()
