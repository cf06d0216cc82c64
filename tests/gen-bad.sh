#!/bin/sh
# Writes the malformed drafts too big to keep in the repository (and the
# ones git cannot hold: a FIFO, a directory, a device) into DIR,
# each NAME.yaml with its NAME.expect (the first line `nianbao check
# NAME.yaml` prints on stderr, run inside DIR).  Used by bad-files.sh and
# test_malformed.
#
#   tests/gen-bad.sh DIR
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"
fmt='format: gov-info-annual-report/2021'

# A 10 MB organisation name: refused by size before anything is parsed.
{ echo "$fmt"; printf 'organization: '
  head -c 10485760 /dev/zero | tr '\0' 'x'; echo; } > big-string.yaml
echo 'big-string.yaml: error: 文件太大（超过 4194304 字节）' > big-string.expect

# 40,000 keys, the last repeating the first: duplicate keys are found
# in linear time (a quadratic search took minutes here).
{ echo "$fmt"; i=0; while [ $i -lt 40000 ]; do echo "x-k$i: $i"; i=$((i+1)); done
  echo 'x-k0: again'; } > many-keys-duplicate.yaml
echo 'many-keys-duplicate.yaml:40002:1: error: 键“x-k0”重复（第 2 行已出现）' \
	> many-keys-duplicate.expect

# 150,000 numbers in one list: more values than any draft has.  Node
# 100,001 (after the mapping, two keys, a value and the list) is item
# 99,995 counting from 0, at column 10 + 3 * 99,995.
{ echo "$fmt"; printf 'x-list: [0'; i=1
  while [ $i -lt 150000 ]; do printf ', 0'; i=$((i+1)); done; echo ']'; } \
	> too-many-values.yaml
echo 'too-many-values.yaml:2:299995: error: 文件中的值太多（最多 100000 个）' \
	> too-many-values.expect

# Not regular files: a FIFO (reading it waited for a writer forever), a
# directory, and a device reached through a symbolic link.
mkfifo fifo.yaml
echo 'fifo.yaml: error: 这是一个命名管道（FIFO），不是普通文件：无法读取' \
	> fifo.expect
mkdir directory.yaml
echo 'directory.yaml: error: 这是一个目录，不是普通文件：无法读取' \
	> directory.expect
ln -s /dev/null device.yaml
echo 'device.yaml: error: 这是一个字符设备，不是普通文件：无法读取' \
	> device.expect
