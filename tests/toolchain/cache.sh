#!/bin/sh
# make toolchain is a cached no-op when nothing changed (under 10 s), and a
# change to any patch gives a different cache key, so it rebuilds.
. "$(dirname "$0")/lib.sh"

start=$(date +%s%N)
out=$(make -s -C "$TOP" toolchain 2>&1)
status=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ $status -eq 0 ] && echo "$out" | grep -q "up to date in $PREFIX"
check $? "a warm make toolchain reports the cached toolchain"
[ $elapsed_ms -lt 10000 ]
check $? "a warm make toolchain takes under 10 s (took ${elapsed_ms} ms)"

# Change a copy of toolchain/ and see the key move.
cp -R "$TOP/toolchain" "$TMP/tc"
echo "# changed" >> "$TMP/tc/patches/gcc/0001-x86_64-cairn-target.patch"
other=$(CAIRN_CACHE=$CAIRN_CACHE "$TMP/tc/build.sh" --print-prefix)
[ "$other" != "$PREFIX" ] && [ ! -e "$other/.complete" ]
check $? "changing a patch changes the cache key, so the toolchain rebuilds"
same=$(CAIRN_CACHE=$CAIRN_CACHE sh -c "cd $TMP && $TOP/toolchain/build.sh --print-prefix")
[ "$same" = "$PREFIX" ]
check $? "the cache key does not depend on the working directory"
exit $failed
