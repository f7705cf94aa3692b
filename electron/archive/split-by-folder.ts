/**
 * Splits one time run (item indices in time order) where the folder changes.
 *
 * Rule: each folder spans [its first, its last] photo time within the run. Folders whose spans
 * overlap (touching at the same instant counts) belong together, and so, transitively, do
 * folders chained by overlaps; a new piece starts only where every folder seen so far has
 * ended. So a morning info day in one folder and an afternoon one in the next are two pieces,
 * while `Event/Nikon` and `Event/Phone` shot side by side, or two cards of one event dumped
 * into two folders, are one. Clocks are not corrected: a camera set an hour wrong whose folder
 * still overlaps another stays with it, and one that does not is split off.
 *
 * Because the pieces' spans are disjoint, each piece is a contiguous stretch of the run, found
 * in two linear passes.
 */
export function splitByFolder(
  run: readonly number[],
  times: ArrayLike<number>,
  folderOf: ArrayLike<number>,
): number[][] {
  const lastTime = new Map<number, number>();
  for (const i of run) lastTime.set(folderOf[i]!, times[i]!);

  const pieces: number[][] = [];
  let piece: number[] = [];
  let reach = -Infinity; // when the last folder started in this piece ends
  for (const i of run) {
    if (piece.length > 0 && times[i]! > reach) {
      pieces.push(piece);
      piece = [];
    }
    piece.push(i);
    reach = Math.max(reach, lastTime.get(folderOf[i]!)!);
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}
