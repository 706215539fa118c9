import v8 from 'v8';
import vm from 'vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection, now. The command line calls it where a large structure has just
 * become garbage (the workbook as read once validated; the offence records once the engine is
 * done): V8 would otherwise grow the heap before collecting them, and at Excel's last row the
 * writer's model then lands on top of about 600 MB of dead records, which sets the run's peak
 * memory. `--expose-gc` set at run time gives a fresh context its `gc` (the flag only adds that
 * function), so the tool needs no flag on its command line. It costs tens of milliseconds.
 */
export function collectGarbage(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}
