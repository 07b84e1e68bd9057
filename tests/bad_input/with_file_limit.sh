#!/bin/sh
# Runs a command under a file-size limit: with_file_limit.sh BLOCKS COMMAND ARGS... (a full disk, as
# a run sees it: writes beyond the limit fail).
ulimit -f "$1" || exit 99
shift
exec "$@"
