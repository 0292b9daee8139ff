# zlib: its own configure script reads CHOST and CC; only the static library.
CHOST=$HOST ./configure --static --prefix=/usr
make -j"$JOBS" libz.a
make DESTDIR="$DESTDIR" install
rm -rf "$DESTDIR/usr/share"
