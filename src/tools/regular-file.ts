import { stat } from 'node:fs/promises';

/** Whether `p` is a regular file (following links); false when it is missing or unreadable. */
export async function isRegularFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
