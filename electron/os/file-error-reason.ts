/**
 * Why a file operation failed, in words a person can act on, from the system's error code;
 * the system's own message for codes without words here. Folder walks and sidecar writes say
 * it the same way.
 */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EISDIR':
      return 'a folder has that name';
    case 'ENOTDIR':
      return 'a file has the name of a folder on its path';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the drive is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the drive is full';
    case 'EFBIG':
      return 'the file is larger than the drive or the system allows';
    case 'ENOENT':
      return 'it is no longer there';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EIO':
      return 'input/output error';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
