#!/usr/bin/env python3
"""The virtual consoles with the VGA screen and the PS/2 keyboard.

Boots with init=/bin/test-vt (tests/user/proc/vt.c), which, as pid 1, draws
a screen on /dev/tty2 with escape sequences, makes tty2 visible and then
reports over the serial console what it reads. This side reads the VGA
text memory through the QEMU monitor (characters and attributes) and types
with the monitor's sendkey: letters with shift, ctrl-c, cursor, editing
and function keys in raw mode, a canonical line with echo, Ctrl-C as SIGINT
for a reader that has tty2 as its controlling terminal, and Alt+F1 / Alt+F2
to switch consoles.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from cairnvm import VM, VMError, Tap  # noqa: E402

# Keys typed in raw mode and the bytes the Linux console sends for them.
RAW_KEYS = ['shift-a', 'b', 'ctrl-c', 'up', 'left', 'f1', 'f12', 'home', 'delete', 'pgdn',
            'alt-x', 'z']
RAW_BYTES = b'Ab\x03\x1b[A\x1b[D\x1b[[A\x1b[24~\x1b[1~\x1b[3~\x1b[6~\x1bx'


def vga_cells(vm):
    """The 80x25 screen as rows of (character, attribute) pairs."""
    path = os.path.join(vm.tmp, 'cells.bin')
    if os.path.exists(path):
        os.unlink(path)
    vm.monitor('pmemsave 0xb8000 4000 "%s"' % path)
    for _ in range(50):
        if os.path.exists(path) and os.path.getsize(path) == 4000:
            break
        time.sleep(0.1)
    data = open(path, 'rb').read()
    return [[(chr(data[(r * 80 + c) * 2]), data[(r * 80 + c) * 2 + 1]) for c in range(80)]
            for r in range(25)]


def sendkeys(vm, keys):
    for k in keys:
        vm.monitor('sendkey %s' % k)
        time.sleep(0.05)


def hexbytes(b):
    return ' '.join('%02x' % x for x in b)


def wait_screen(vm, pred, timeout=10):
    """Polls the VGA text until pred(lines) holds; returns the last lines read."""
    end = time.time() + timeout
    while True:
        lines = vm.read_vga_text()
        if pred(lines) or time.time() > end:
            return lines
        time.sleep(0.3)


t = Tap()
try:
    with VM(kargs='init=/bin/test-vt', timeout=300) as vm:
        m = vm.wait_for(r'vt: screen ready (-?\d+) (-?\d+)', timeout=200)
        t.ok(m.group(1) == '0' and m.group(2) == '2', 'VT_ACTIVATE 2 makes tty2 visible (%s, %s)'
             % (m.group(1), m.group(2)))
        lines = wait_screen(vm, lambda l: l[0] == 'VT2 TEST LINE 1')
        shown = '\n'.join(lines)
        t.ok(lines[0] == 'VT2 TEST LINE 1', 'VGA shows tty2 after the switch: text at home', shown)
        t.ok(lines[4] == ' ' * 9 + 'at-5-10redbold', 'CSI 5;10 H places text at row 5 column 10',
             shown)
        t.ok(lines[9] == 'abef', 'CSI 2 P deletes two characters', shown)
        t.ok(lines[11] == 'keep', 'CSI K erases to the end of the line', shown)
        t.ok(lines[13] == '' and lines[14] == 'line-a' and lines[15] == 'line-b',
             'CSI L inserts a blank line', shown)
        t.ok(lines[19] == 'reverse', 'text before the scroll region stays', shown)
        t.ok(lines[20:23] == ['s2', 's3', 's4'],
             'LF at the bottom of a scroll region (CSI 21;23 r) scrolls only the region', shown)
        cells = vga_cells(vm)
        t.ok(cells[4][16] == ('r', 0x04) and cells[4][19] == ('b', 0x0a),
             'SGR colours reach VGA attributes: red 0x04, bold green 0x0a (%#x, %#x)'
             % (cells[4][16][1], cells[4][19][1]))
        t.ok(cells[4][9][1] == 0x07 and cells[19][0][1] == 0x70,
             'default grey on black 0x07 and reverse video 0x70 (%#x, %#x)'
             % (cells[4][9][1], cells[19][0][1]))

        vm.wait_for(r'vt: keys ready', timeout=30)
        sendkeys(vm, RAW_KEYS)
        m = vm.wait_for(r'vt: keys([0-9a-f ]*)\n', timeout=30)
        got = m.group(1).strip()
        t.ok(got == hexbytes(RAW_BYTES), 'raw tty2 reads the Linux console\'s bytes for %s'
             % ' '.join(RAW_KEYS[:-1]), 'got:  %s\nwant: %s' % (got, hexbytes(RAW_BYTES)))

        vm.wait_for(r'vt: line ready', timeout=30)
        sendkeys(vm, ['h', 'e', 'l', 'x', 'backspace', 'l', 'o', 'ret'])
        m = vm.wait_for(r'vt: line \[(.*)\]', timeout=30)
        t.ok(m.group(1) == 'hello', 'a canonical line with erase typed on the keyboard (%s)'
             % m.group(1))
        lines = wait_screen(vm, lambda l: 'prompt> hello' in l)
        t.ok('prompt> hello' in lines, 'the echo shows on tty2\'s screen', '\n'.join(lines))

        m = vm.wait_for(r'vt: sigint ready (-?\d+)', timeout=30)
        sendkeys(vm, ['ctrl-c'])
        m = vm.wait_for(r'vt: child status (\S+)', timeout=30)
        t.ok(m.group(1) == '0x2', 'Ctrl-C on the keyboard sends SIGINT to tty2\'s foreground '
             'group (wait status %s)' % m.group(1))
        vm.wait_for(r'vt: switch ready', timeout=30)
        sendkeys(vm, ['alt-f1'])
        m = vm.wait_for(r'vt: active (\d+) \((-?\d+)\)', timeout=30)
        t.ok(m.group(1) == '1' and m.group(2) == '0',
             'Alt+F1 switches to tty1 and wakes VT_WAITACTIVE (%s)' % m.group(0))
        lines = wait_screen(vm, lambda l: any('Cairn is up' in x for x in l))
        t.ok(any('Cairn is up' in x for x in lines) and 'VT2 TEST LINE 1' not in lines,
             'VGA shows tty1 with the kernel log', '\n'.join(lines))
        vm.wait_for(r'vt: tty1 ready', timeout=30)
        sendkeys(vm, ['q', 'shift-w', 'z'])
        m = vm.wait_for(r'vt: tty1 keys([0-9a-f ]*)\n', timeout=30)
        t.ok(m.group(1).strip() == '71 57', 'keys go to the visible console, tty1 (%s)'
             % m.group(1).strip())

        vm.wait_for(r'vt: switch back ready', timeout=30)
        sendkeys(vm, ['alt-f2'])
        m = vm.wait_for(r'vt: back (\d+) \((-?\d+)\)', timeout=30)
        t.ok(m.group(1) == '2' and m.group(2) == '0', 'Alt+F2 switches back to tty2 (%s)'
             % m.group(0))
        vm.wait_for(r'vt: end ready', timeout=30)
        lines = wait_screen(vm, lambda l: l[0] == 'VT2 TEST LINE 1')
        t.ok(lines[0] == 'VT2 TEST LINE 1' and lines[9] == 'abef' and 'prompt> hello' in lines,
             'tty2\'s screen was kept while tty1 was visible', '\n'.join(lines))
        sendkeys(vm, ['ret'])
        vm.wait_for(r'vt: done', timeout=30)
        t.ok(vm.wait_exit(timeout=30) is not None, 'the dialogue ran to its end and powered off')
except VMError as e:
    t.ok(False, 'the VT dialogue', e)
t.exit()
