#!/bin/sh
# The C library's DNS resolver end to end (docs/libc.md): dns_client.c is
# built with the host's gcc against glibc and with x86_64-cairn-gcc against
# Cairn's C library, and each binary runs on this host in private user,
# mount and network namespaces where the loopback interface is up,
# dns_server.py serves the zone cairn.test on 127.0.0.1:53, nothing listens
# on 127.0.0.2:53, and /etc/resolv.conf names both (the refused one first),
# with "options timeout:1 attempts:2". glibc passing shows the checks are
# right; the Cairn binary passing shows the resolver right.
. "$(dirname "$0")/lib.sh"

here=$TOP/tests/toolchain
make -s -C "$TOP" libc >"$TMP/make.log" 2>&1
check $? "make libc builds the C library"
printf 'nameserver 127.0.0.2\nnameserver 127.0.0.1\noptions timeout:1 attempts:2\n' >"$TMP/resolv.conf"
: >"$TMP/hosts"

for flavour in glibc cairn; do
	bin=$TMP/dns-$flavour
	if [ $flavour = glibc ]; then
		gcc -std=gnu11 -O2 -Wall -Wextra -Werror "$here/dns_client.c" -o "$bin" 2>"$TMP/cc.err"
	else
		"${CROSS}gcc" -std=gnu11 -O2 -Wall -Wextra -Werror "$here/dns_client.c" -o "$bin" 2>"$TMP/cc.err"
	fi
	status=$?
	if [ $status -ne 0 ]; then
		sed 's/^/# /' "$TMP/cc.err"
		check $status "the DNS client builds against $flavour"
		continue
	fi
	timeout 120 unshare -rmn sh -c '
		ip link set lo up || exit 90
		mount --bind "$1/resolv.conf" /etc/resolv.conf || exit 91
		mount --bind "$1/hosts" /etc/hosts || exit 92
		python3 "$2/dns_server.py" 127.0.0.1 53 >"$1/server.out" 2>&1 &
		server=$!
		for i in 1 2 3 4 5 6 7 8 9 10; do
			grep -q ready "$1/server.out" && break
			sleep 0.5
		done
		"$3"
		status=$?
		kill $server
		exit $status
	' sh "$TMP" "$here" "$bin" >"$TMP/$flavour.out" 2>&1
	status=$?
	sed 's/^/# /' "$TMP/$flavour.out"
	n=$(grep -c '^ok - dns' "$TMP/$flavour.out")
	bad=$(grep -c '^not ok - ' "$TMP/$flavour.out")
	[ $status -eq 0 ] && [ "$bad" -eq 0 ] && [ "$n" -gt 0 ]
	check $? "the resolver against dns_server.py: $flavour ($n checks, $bad failed)"
done
exit $failed
