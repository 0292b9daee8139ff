"""Builds a GPT disk image whose partitions hold given filesystem images.

The in-VM tests attach such a disk as a second drive: partition N (1-based,
the guest's sdbN when it is the second disk) holds images[N-1] byte for byte,
so one boot can mount many images (the corrupt-image corpus) or a scratch
filesystem the host made and checks afterwards.

    build_gpt_disk(['a.img', 'b.img'], 'disk.img')
    parts = build_gpt_disk(...)                        # [(start, size) in bytes]
    extract_partition('disk.img', *parts[0], 'a-after.img')  # what the guest left there

Partitions start at 1 MiB boundaries and are the image's size rounded up to
a whole MiB; GPT holds at most 128 of them. Only sfdisk and Python are used.
"""
import os
import subprocess

MIB = 1 << 20
LINUX_FS = '0FC63DAF-8483-4772-8E79-3D69D8477DE4'


def _layout(images):
    start = MIB
    out = []
    for path in images:
        size = os.path.getsize(path)
        span = max(MIB, (size + MIB - 1) // MIB * MIB)
        out.append((path, start, size, span))
        start += span
    return out, start + MIB  # room for the backup GPT


def build_gpt_disk(images, out, part_type=LINUX_FS):
    """Writes out: a GPT disk with one partition per image, in order."""
    if not 0 < len(images) <= 128:
        raise ValueError('a GPT disk holds 1 to 128 partitions, not %d' % len(images))
    layout, total = _layout(images)
    with open(out, 'wb') as f:
        f.truncate(total)
    script = ['label: gpt']
    for _, start, _, span in layout:
        script.append('start=%d, size=%d, type=%s' % (start // 512, span // 512, part_type))
    subprocess.run(['sfdisk', '--quiet', out], input='\n'.join(script) + '\n', text=True,
                   check=True, stdout=subprocess.DEVNULL)
    with open(out, 'r+b') as disk:
        for path, start, size, _ in layout:
            with open(path, 'rb') as img:
                disk.seek(start)
                while True:
                    chunk = img.read(4 * MIB)
                    if not chunk:
                        break
                    disk.write(chunk)
    return [(start, size) for _, start, size, _ in layout]


def extract_partition(disk, start, size, out):
    """Copies the partition at byte offset start, size bytes long, of disk to out."""
    with open(disk, 'rb') as src, open(out, 'wb') as dst:
        src.seek(start)
        left = size
        while left:
            chunk = src.read(min(left, 4 * MIB))
            if not chunk:
                break
            dst.write(chunk)
            left -= len(chunk)
