// The file system's refusals, said in a person's words for import reports and command errors.
// A message Node wrote is kept when the code is not one of these.

/** Why `path` could not be read, given what the file system threw; `missing` names ENOENT. */
export function fileErrorReason(error: unknown, missing = 'no such file or folder'): string {
  const code = (error as { code?: unknown }).code;

  if (code === 'ENOENT') return missing;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';

  return error instanceof Error ? error.message : String(error);
}
