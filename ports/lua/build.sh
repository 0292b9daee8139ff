# Lua: its Makefile's "generic" platform (ISO C only: io.popen reports that it
# is unsupported), linked statically.
make -j"$JOBS" -C src generic CC="$CC" AR="$AR rcu" RANLIB="$RANLIB" \
	MYCFLAGS="-O2" MYLDFLAGS="-static"
make INSTALL_TOP="$DESTDIR/usr" INSTALL_MAN="$DESTDIR/usr/share/man/man1" install
rm -rf "$DESTDIR/usr/share/man"
