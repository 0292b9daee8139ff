# Shared helpers for the toolchain tests (sourced, not run).
TOP=${CAIRN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
PREFIX=$("$TOP/toolchain/build.sh" --print-prefix)
CROSS=$PREFIX/bin/x86_64-cairn-
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failed=0

# ok COND_EXIT_STATUS NAME: prints a TAP line for the previous command's status.
check() {
	if [ "$1" -eq 0 ]; then
		echo "ok - $2"
	else
		echo "not ok - $2"
		failed=1
	fi
}
