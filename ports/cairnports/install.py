"""Installs staged trees into a root directory (the image's root until pkg lands)."""
import os
import shutil


def install_tree(destdir, root):
    """Copies destdir into root, keeping modes and symlinks; existing files are replaced."""
    for src_root, dirs, files in os.walk(destdir):
        rel = os.path.relpath(src_root, destdir)
        target_root = os.path.normpath(os.path.join(root, rel))
        os.makedirs(target_root, exist_ok=True)
        for name in dirs + files:
            src = os.path.join(src_root, name)
            dst = os.path.join(target_root, name)
            if os.path.islink(src):
                if os.path.lexists(dst) and not os.path.isdir(dst):
                    os.unlink(dst)
                os.symlink(os.readlink(src), dst)
            elif os.path.isdir(src):
                os.makedirs(dst, exist_ok=True)
                shutil.copymode(src, dst)
            else:
                if os.path.lexists(dst):
                    os.unlink(dst)
                shutil.copy2(src, dst)
