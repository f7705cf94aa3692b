import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { absolutePath } from '../catalog/absolute-path';
import type { Catalog } from '../catalog/open-catalog';
import { pruneEmptyFolders } from '../catalog/folders-repo';
import { writeTransaction } from '../catalog/write-transaction';
import { findMovedDocuments, recordDocumentMoves } from '../archive/documents/relink-documents';
import { addScanIssue, finishRun, markInterruptedRuns, startRun } from '../catalog/index-runs-repo';
import { tidyAfterDocuments, tidySearchIndex } from '../catalog/search/tidy-search';
import { knownFiles, markMissing, type KnownFile } from '../catalog/photo-writes';
import { getRoot, markScanCompleted, markScanStarted, setRootStatus } from '../catalog/roots-repo';
import { tagCacheDir } from '../catalog/thumbnail-cache';
import type { FileFailure, IndexProgress, IndexSummary } from '../../shared/api/progress-schema';
import { KadarError, toError } from '../../shared/errors';
import { createCatalogWriter, type CatalogWriter } from './catalog-writer';
import type { IndexPool } from './index-pool';
import type { WorkerTask } from './index-worker';
import type { FileOutcome } from './process-file';
import { ProgressMeter } from './progress-meter';
import type { ScannedFile } from './scan-folder';
import type { ScanMessage } from './scan-worker';
import { startFolderScan, type FolderScan } from './start-folder-scan';

export interface IndexJobOptions {
  db: Catalog;
  cacheDir: string;
  pool: IndexPool;
  rootIds: number[];
  kind: 'index' | 'rescan';
  signal?: AbortSignal;
  onProgress?: (progress: IndexProgress) => void;
  /** Minimum milliseconds between progress reports. */
  progressInterval?: number;
  /** Photos written from which the search index is merged after the run. */
  tidyAfter?: number;
}

const maxListedFailures = 1000;

class Cancelled extends Error {}

/**
 * Indexes or rescans library roots. Files whose size and modification time (and sidecar's)
 * are unchanged are not read; new and changed files are read by the worker pool; results are
 * written by this thread alone, in batches. A file that vanished is marked missing only after
 * a complete walk of its root, never after a cancelled or failed one.
 */
export async function runIndexJob(options: IndexJobOptions): Promise<IndexSummary> {
  const { db, signal } = options;
  const started = performance.now();
  markInterruptedRuns(db);
  const runId = startRun(db, options.kind);
  tagCacheDir(options.cacheDir);

  const failures: FileFailure[] = [];
  const issues: FileFailure[] = [];
  let failedCount = 0;
  let found = 0;
  let queued = 0;
  let done = 0;
  let unchanged = 0;
  let missing = 0;
  let walkComplete = false;
  let currentPath: string | null = null;
  let phase: IndexProgress['phase'] = 'scanning';
  const meter = new ProgressMeter();
  let lastReport = 0;

  const report = (force = false) => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (!force && now - lastReport < (options.progressInterval ?? 100)) return;
    lastReport = now;
    const remaining = queued - done - failedCount;
    options.onProgress({
      runId,
      phase,
      found,
      queued,
      done,
      failed: failedCount,
      unchanged,
      rate: meter.rate(),
      etaSeconds: walkComplete ? meter.eta(remaining) : null,
      walkComplete,
      currentPath,
    });
  };

  const writer = createCatalogWriter(db);
  const runCounts = () => ({
    found,
    indexed: done,
    skipped: unchanged,
    failed: failedCount,
    missing,
    moved: writer.counts.moved,
  });
  const recordIssue = (issue: FileFailure) => {
    issues.push(issue);
    addScanIssue(db, runId, issue);
  };

  let status: IndexSummary['status'] = 'completed';
  let message: string | null = null;
  try {
    for (const rootId of options.rootIds) {
      if (signal?.aborted) throw new Cancelled();
      const root = getRoot(db, rootId);
      if (!root) throw new KadarError('NOT_FOUND', `There is no library folder ${rootId}.`);
      const reachable = rootReachable(root.path, root.photoCount);
      if (!reachable.ok) {
        setRootStatus(db, root.id, 'offline');
        recordIssue({ path: root.path, code: 'ROOT_OFFLINE', message: reachable.message });
        continue;
      }
      markScanStarted(db, root.id);
      // Filled as soon as the walk has started, so loading it overlaps with the walk.
      const known = new Map<string, KnownFile>();
      const seen = new Set<string>();
      const complete = await indexRoot({
        ...options,
        rootId: root.id,
        rootPath: root.path,
        known,
        writer,
        onFound(file) {
          found++;
          seen.add(file.relPath);
          currentPath = file.relPath;
          report();
        },
        onUnchanged(k) {
          unchanged++;
          if (k.missing) writer.restore(k.id);
        },
        onQueued() {
          queued++;
          phase = 'indexing';
        },
        onDone(relPath, outcome) {
          meter.tick();
          if (outcome.fields.errorCode) {
            failedCount++;
            if (failures.length < maxListedFailures) {
              failures.push({
                path: join(root.path, relPath),
                code: outcome.fields.errorCode,
                message: outcome.fields.error ?? '',
              });
            }
          } else {
            done++;
          }
          currentPath = relPath;
          report();
        },
        onIssue: recordIssue,
        onWalkStarted() {
          for (const [rel, file] of knownFiles(db, root.id)) known.set(rel, file);
        },
        onWalkDone() {
          walkComplete = true;
          report(true);
        },
      });
      writer.flush();
      if (!complete)
        throw signal?.aborted ? new Cancelled() : new Error('The folder walk stopped early');
      phase = 'finishing';
      report(true);
      const vanished = [...known]
        .filter(([rel, k]) => !seen.has(rel) && !writer.movedIds.has(k.id))
        .map(([, k]) => k.id);
      const documentMoves = await findMovedDocuments(db, root);
      writeTransaction(db, () => {
        missing += markMissing(db, vanished);
        recordDocumentMoves(db, documentMoves);
        pruneEmptyFolders(db, root.id);
        markScanCompleted(db, root.id);
      });
    }
  } catch (error) {
    writer.flush();
    if (error instanceof Cancelled || (signal?.aborted && isAbort(error))) {
      status = 'cancelled';
      message = 'Cancelled';
    } else {
      status = 'failed';
      message = error instanceof Error ? error.message : String(error);
      finishRun(db, runId, status, runCounts(), message);
      await options.pool.endExiftool?.();
      throw error instanceof KadarError
        ? error
        : new KadarError('INTERNAL', `Indexing failed: ${message}`, { cause: error });
    }
  }
  if (writer.counts.outOfEvent > 0)
    recordIssue({
      path: '',
      code: 'EVENT_DELETED',
      message: `${writer.counts.outOfEvent} photos' sidecars name an event deleted after they were written: those photos are in no event now.`,
    });
  // An exiftool process the run started for files exifr could not read is not kept for later.
  await options.pool.endExiftool?.();
  // A run can change the catalog a lot: refresh the planner's statistics where they went stale,
  // and merge the search index's segments it left, before a person's edits have to.
  db.pragma('optimize');
  const tidyAfter = options.tidyAfter ?? tidyAfterDocuments;
  if (status === 'completed' && writer.counts.added + writer.counts.updated >= tidyAfter) {
    phase = 'finishing';
    await tidySearchIndex(db, signal);
  }
  finishRun(db, runId, status, runCounts(), message);
  phase = 'done';
  walkComplete = true;
  report(true);
  return {
    runId,
    status,
    seconds: (performance.now() - started) / 1000,
    found,
    added: writer.counts.added,
    updated: writer.counts.updated,
    unchanged,
    moved: writer.counts.moved,
    missing,
    restored: writer.counts.restored,
    failed: failedCount,
    failures: failures.sort((a, b) => a.path.localeCompare(b.path)),
    issues,
  };
}

function isAbort(error: unknown): boolean {
  return (
    (error as Error)?.name === 'AbortError' || /abort/i.test(String((error as Error)?.message))
  );
}

/**
 * An unmounted drive shows either no folder at all or an empty mount point; either way the
 * root is offline and none of its photos are touched.
 */
function rootReachable(
  path: string,
  photoCount: number,
): { ok: true } | { ok: false; message: string } {
  try {
    if (!statSync(path).isDirectory())
      return { ok: false, message: `${path} is not a folder any more.` };
    if (photoCount > 0 && readdirSync(path).length === 0) {
      return {
        ok: false,
        message: `${path} is empty: is its drive connected? Its photos are kept as they were.`,
      };
    }
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return {
      ok: false,
      message: `${path} cannot be reached (${code}): is its drive connected? Its photos are kept as they were.`,
    };
  }
}

interface RootRun extends IndexJobOptions {
  rootId: number;
  rootPath: string;
  known: Map<string, KnownFile>;
  writer: CatalogWriter;
  onFound(file: ScannedFile): void;
  onUnchanged(known: KnownFile): void;
  onQueued(): void;
  onDone(relPath: string, outcome: FileOutcome): void;
  onIssue(issue: FileFailure): void;
  onWalkStarted(): void;
  onWalkDone(): void;
}

/** Walks one root and reads what changed; resolves to whether the walk covered everything. */
function indexRoot(run: RootRun): Promise<boolean> {
  const { pool, signal, known, writer } = run;
  // No more than the threads read at once: a file handed out is read to the end, also when the
  // run is cancelled (see IndexPool.run).
  const inFlightLimit = pool.filesAtOnce;
  const queue: ScannedFile[] = [];
  const aborter = new AbortController();
  const onAbort = () => aborter.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let scan: FolderScan | null = null;
  let inFlight = 0;
  let walkDone = false;
  let walkComplete = false;
  let failure: Error | null = null;

  return new Promise<boolean>((resolve, reject) => {
    const finish = () => {
      if (
        !walkDone ||
        inFlight > 0 ||
        (queue.length > 0 && !aborter.signal.aborted && failure == null)
      )
        return;
      signal?.removeEventListener('abort', onAbort);
      if (failure != null) reject(failure);
      else resolve(walkComplete && !aborter.signal.aborted);
    };

    const pump = () => {
      while (
        inFlight < inFlightLimit &&
        queue.length > 0 &&
        !aborter.signal.aborted &&
        failure == null
      ) {
        const file = queue.shift()!;
        inFlight++;
        const task: WorkerTask = {
          kind: 'file',
          file: {
            absPath: absolutePath(run.rootPath, file.relPath),
            fileName: file.relPath.slice(file.relPath.lastIndexOf('/') + 1),
            size: file.size,
            mtimeMs: file.mtimeMs,
            sidecarPath: file.sidecarRelPath
              ? absolutePath(run.rootPath, file.sidecarRelPath)
              : null,
            sidecarMtimeMs: file.sidecarMtimeMs,
            cacheDir: run.cacheDir,
          },
        };
        (pool.run(task) as Promise<FileOutcome>)
          .then((outcome) => {
            run.onDone(file.relPath, outcome);
            writer.add({
              rootId: run.rootId,
              relPath: file.relPath,
              outcome,
              knownId: known.get(file.relPath)?.id ?? null,
            });
          })
          .catch((error: unknown) => {
            failure ??= toError(error);
          })
          .finally(() => {
            inFlight--;
            pump();
            finish();
          });
      }
    };

    aborter.signal.addEventListener('abort', () => {
      scan?.cancel();
      finish();
    });

    const onScanMessage = (message: ScanMessage) => {
      if (message.type === 'files') {
        for (const file of message.files) {
          run.onFound(file);
          const k = known.get(file.relPath);
          if (
            k &&
            !k.retry &&
            k.size === file.size &&
            k.mtime === file.mtimeMs &&
            k.sidecarMtime === file.sidecarMtimeMs
          ) {
            run.onUnchanged(k);
          } else {
            queue.push(file);
            run.onQueued();
          }
        }
        pump();
      } else if (message.type === 'issue') {
        run.onIssue(message.issue);
      } else {
        walkDone = true;
        walkComplete = message.complete;
        run.onWalkDone();
        finish();
      }
    };

    scan = startFolderScan(pool.walker, run.rootPath, onScanMessage, (error) => {
      failure ??= error;
      walkDone = true;
      finish();
    });
    if (aborter.signal.aborted) scan.cancel();
    // The walk's first files queue up as messages until this thread has the catalog's list.
    run.onWalkStarted();
  });
}
