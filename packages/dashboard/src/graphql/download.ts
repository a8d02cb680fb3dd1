import { readSession } from '../auth/session';

/**
 * A file the gateway serves beside the graph (reports, evidence), downloaded with the same bearer
 * token as the graph's requests: a plain link cannot carry it, so the file is fetched and handed
 * to the browser as a download.
 */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const session = readSession();
  const response = await fetch(path, {
    headers: session ? { authorization: `Bearer ${session.token}` } : {},
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
