/**
 * CPU time of the whole process and of its main thread alone (the engine thread, in a replay), so that benchmarks
 * can tell whether the engine thread or the rest (parser threads, V8's compiler and GC threads) used the time.
 */
import { readFileSync } from 'node:fs';

export interface Cpu {
  /** Microseconds of CPU: every thread of the process, and the main thread alone (NaN where /proc is missing). */
  all: number;
  main: number;
}

/** Now; the main thread's share is read from /proc (Linux), process.cpuUsage counts every thread. */
export function cpuNow(): Cpu {
  const u = process.cpuUsage();
  let main = NaN;
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    main = ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    // not Linux: main-thread CPU stays unknown
  }
  return { all: u.user + u.system, main };
}

/** Seconds of CPU since `start`: all threads, and the main thread alone. */
export function cpuSecondsSince(start: Cpu): { all: number; main: number } {
  const now = cpuNow();
  return { all: (now.all - start.all) / 1e6, main: (now.main - start.main) / 1e6 };
}
