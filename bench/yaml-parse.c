/* yaml-parse: the floor for `nianbao check` - each file named on the
 * command line (or, with -, one name a line on standard input) read whole
 * and parsed into libyaml events, which are dropped at once: no tree, no
 * checks, no output but the count of files and events.  Reading the whole
 * file and parsing it from memory is the fastest way libyaml offers, and
 * the way nianbao reads a draft.  Built and run by bench/check-bench.sh. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* The events of one file; -1 when it cannot be read or parsed. */
static long
parse_file(const char *path)
{
	static unsigned char buf[4 << 20];
	yaml_parser_t p;
	yaml_event_t ev;
	long events = 0;
	size_t len;
	FILE *f = fopen(path, "rb");
	int done = 0;

	if (!f)
		return -1;
	len = fread(buf, 1, sizeof buf, f);
	fclose(f);
	if (!yaml_parser_initialize(&p))
		return -1;
	yaml_parser_set_input_string(&p, buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			events = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		events++;
	}
	yaml_parser_delete(&p);
	return events;
}

int
main(int argc, char **argv)
{
	char line[4096];
	long files = 0, events = 0, n;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-")) {
			n = parse_file(argv[i]);
			files++;
			events += n > 0 ? n : 0;
			continue;
		}
		while (fgets(line, sizeof line, stdin)) {
			line[strcspn(line, "\n")] = '\0';
			n = parse_file(line);
			files++;
			events += n > 0 ? n : 0;
		}
	}
	printf("%ld files, %ld events\n", files, events);
	return 0;
}
