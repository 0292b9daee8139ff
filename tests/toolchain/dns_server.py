#!/usr/bin/env python3
"""A tiny authoritative DNS server over UDP for tests/toolchain/dns.sh.

It serves the zone cairn.test (below) on the address and port given as
arguments, writes "ready" to stdout once bound, and serves until killed.
Replies compress owner names (a pointer to the question); special names
exercise the resolver: slow.cairn.test is never answered, fail.cairn.test
gets SERVFAIL, spoof.cairn.test first gets a reply with the wrong
identifier (to be ignored) and then the right one. Standard library only.
"""
import socket
import struct
import sys

A, CNAME, PTR, AAAA = 1, 5, 12, 28

ZONE = {
    ('www.cairn.test', A): ['192.0.2.1', '192.0.2.2'],
    ('www.cairn.test', AAAA): ['2001:db8::1'],
    ('v4only.cairn.test', A): ['192.0.2.9'],
    ('spoof.cairn.test', A): ['192.0.2.33'],
    ('many.cairn.test', A): ['198.51.100.%d' % i for i in range(1, 6)],
    ('1.2.0.192.in-addr.arpa', PTR): ['www.cairn.test'],
}
CNAMES = {
    'alias.cairn.test': 'mid.cairn.test',
    'mid.cairn.test': 'www.cairn.test',
}


def encode_name(name):
    out = b''
    for label in name.rstrip('.').split('.'):
        out += bytes([len(label)]) + label.encode()
    return out + b'\0'


def read_name(msg, pos):
    labels = []
    while msg[pos]:
        n = msg[pos]
        labels.append(msg[pos + 1:pos + 1 + n].decode())
        pos += 1 + n
    return '.'.join(labels), pos + 1


def rdata(qtype, value):
    if qtype == A:
        return socket.inet_pton(socket.AF_INET, value)
    if qtype == AAAA:
        return socket.inet_pton(socket.AF_INET6, value)
    return encode_name(value)


def answer(query):
    ident, flags, qd = struct.unpack('>HHH', query[:6])
    name, end = read_name(query, 12)
    qtype, _ = struct.unpack('>HH', query[end:end + 4])
    question = query[12:end + 4]
    lname = name.lower()
    if lname == 'slow.cairn.test':
        return []
    rcode, records = 0, []
    owner = b'\xc0\x0c'  # a pointer to the question's name
    chain = lname
    while chain in CNAMES:
        target = CNAMES[chain]
        data = encode_name(target)
        records.append(owner + struct.pack('>HHIH', CNAME, 1, 300, len(data)) + data)
        owner, chain = encode_name(target), target
    if lname == 'fail.cairn.test':
        rcode = 2
    elif (chain, qtype) in ZONE:
        for value in ZONE[(chain, qtype)]:
            data = rdata(qtype, value)
            records.append(owner + struct.pack('>HHIH', qtype, 1, 300, len(data)) + data)
    elif not any(key[0] == chain for key in ZONE):
        rcode = 3  # NXDOMAIN
    header = struct.pack('>HHHHHH', ident, 0x8400 | (flags & 0x0100) | 0x80 | rcode, 1,
                         len(records), 0, 0)
    reply = header + question + b''.join(records)
    if lname == 'spoof.cairn.test':
        bad = struct.pack('>H', ident ^ 0x5555) + reply[2:]
        bad = bad[:-4] + socket.inet_pton(socket.AF_INET, '203.0.113.66')
        return [bad, reply]
    return [reply]


def main():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((sys.argv[1], int(sys.argv[2])))
    print('ready', flush=True)
    while True:
        query, peer = sock.recvfrom(512)
        try:
            replies = answer(query)
        except (IndexError, struct.error, UnicodeDecodeError):
            continue
        for r in replies:
            sock.sendto(r, peer)


if __name__ == '__main__':
    main()
