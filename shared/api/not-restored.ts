/**
 * How a restore that did not happen begins, wherever it is said (`catalog.reopened`, a failed
 * backup): a window recognises such a notice by it, and drops it once the restore is called
 * off. Its own module: the renderer loads no schema (zod) for it.
 */
export const notRestoredPrefix =
  'The backup asked for was not restored, and the catalog is as it was: ';
