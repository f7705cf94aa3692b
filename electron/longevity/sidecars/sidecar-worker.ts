import { writeFolderSidecars, type FolderTask, type SidecarOutcome } from './write-sidecars';

/** A worker thread's task: one folder's sidecars (merging XML and writing stays off the API thread). */
export default function sidecarTask(task: FolderTask): SidecarOutcome[] {
  return writeFolderSidecars(task);
}
