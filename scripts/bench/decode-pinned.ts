import { measureDecode } from './decode';

// Child process of benchDecode, started under `taskset -c 0`: prints the figures as JSON on stdout.
process.stdout.write(
  JSON.stringify(measureDecode('pinned to CPU 0 (taskset -c 0): the whole process, GC threads included')),
);
