/* clock.h - the clocks the benchmark programs read, in milliseconds:
 * wall-clock time (monotonic) and the process's CPU time, which a loaded
 * machine does not stretch. */
#ifndef NB_BENCH_CLOCK_H
#define NB_BENCH_CLOCK_H

#include <time.h>

static inline double
clock_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static inline double
now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

static inline double
cpu_ms(void)
{
	return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

#endif
