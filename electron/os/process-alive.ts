/** Whether the process `pid` still runs (its temporary files and claimed rows are not debris). */
export function processAlive(pid: number | null): boolean {
  if (pid == null) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
