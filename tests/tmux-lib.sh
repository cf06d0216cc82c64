# tmux-lib.sh - driving the editor in a real terminal (sourced after
# lib.sh, with T set to the test's scratch directory).  Every wait polls the
# screen with a time limit instead of sleeping a fixed time.

SOCK="nbtui-$$"
TM="tmux -L $SOCK"
NS=0
TERMENV="TERM=screen-256color"
# A key's escape sequence that reaches the editor in two pieces on a loaded
# machine must not read as Esc and then letters: wait longer for its rest.
ESCENV="ESCDELAY=400"

# start ARGS...: runs the editor in a fresh 80x24 session in $T, with
# $T/fake-editor as $VISUAL unless EDITORENV says otherwise.  Where
# drafts were left is kept in a state folder of the session's own, so that
# each start opens a draft at its beginning (a test of the places shares
# one through STATEENV); never in the operator's own.  The old
# session's editor is ended first and waited for, so that its lock is gone
# before the next one starts (on a loaded machine it can take a while);
# the old session goes once the new one is up, so the server stays.
start() {
	old=nb$NS
	NS=$((NS + 1))
	end_editor
	$TM -f /dev/null new-session -d -x 80 -y 24 -s nb$NS \
		"cd '$T' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 $TERMENV $ESCENV ${EDITORENV:-VISUAL='$T/fake-editor'} ${STATEENV:-XDG_STATE_HOME='$T/.state/$NS'} '$NIANBAO' $*; echo \"[exit \$?]\"; sleep 600"
	$TM kill-session -t $old 2>/dev/null
}
# end_editor: ends the editor still running in the current session, if
# any (SIGTERM: it keeps its edits and gives up its lock), and waits until
# it has exited, 30 s at most.  Only the session's own processes.
end_editor() {
	pane=$($TM list-panes -t nb$((NS - 1)) -F '#{pane_pid}' 2>/dev/null) || return 0
	pids=$(pgrep -P "$pane" -f -- "$NIANBAO" 2>/dev/null) || return 0
	kill $pids 2>/dev/null
	i=0
	while [ $i -lt 600 ] && kill -0 $pids 2>/dev/null; do
		sleep 0.05
		i=$((i + 1))
	done
}
screen() { $TM capture-pane -p -t nb$NS; }
keys() { $TM send-keys -t nb$NS "$@"; }
text() { $TM send-keys -t nb$NS -l "$1"; }
# wait_for TEXT: until the screen shows TEXT (30 s at most: a loaded machine
# running the export clients beside these tests can be slow to fsync).
wait_for() { wait_grep F "$1"; }
# wait_match REGEX: until a line of the screen matches REGEX (grep -E).
wait_match() { wait_grep E "$1"; }
wait_grep() {
	i=0
	while [ $i -lt 600 ]; do
		screen | grep -q"$1" -- "$2" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
	i=0
	while [ $i -lt 600 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# shows TEXT "description": a test that the screen comes to show TEXT.
shows() {
	if wait_for "$1"; then ok 0 "$2"; else ok 1 "$2"; screen | sed 's/^/# /'; fi
}
# matches REGEX "description": a test that a line of the screen comes to
# match REGEX, for rows whose columns are laid out by the screen.
matches() {
	if wait_match "$1"; then ok 0 "$2"; else ok 1 "$2"; screen | sed 's/^/# /'; fi
}
gone() {
	if wait_gone "$1"; then ok 0 "$2"; else ok 1 "$2"; screen | sed 's/^/# /'; fi
}
# wait_file PATTERN FILE: until FILE has a line matching PATTERN (30 s at
# most); a key sent to tmux is not yet a key handled, so a test that reads
# a saved file waits for the file, not for the screen.
wait_file() {
	i=0
	while [ $i -lt 600 ]; do
		grep -q -- "$1" "$2" 2>/dev/null && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# shell CMD [AFTER]: the shell command CMD run in $T in a fresh 80x24
# session (not the editor: a command whose own output is watched, no core
# file left), then its exit status shown as "[exit N]", then AFTER (shell
# commands, each ending in ";") when given.
shell() {
	old=nb$NS
	NS=$((NS + 1))
	$TM -f /dev/null new-session -d -x 80 -y 24 -s nb$NS \
		"cd '$T' && ulimit -c 0; env LANG=C.UTF-8 LC_ALL=C.UTF-8 $TERMENV $1; echo \"[exit \$?]\"; ${2:-}sleep 600"
	$TM kill-session -t $old 2>/dev/null
}
# ms: the time in milliseconds, to size a run by the machine's speed.
ms() { echo $(($(date +%s%N) / 1000000)); }
