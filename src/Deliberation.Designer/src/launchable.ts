import { request } from './api/client';
import type { VersionSummary } from './api/types';

/** A workflow staff can launch: its id, its name and its newest published version (the one a launch starts). */
export interface Launchable { definitionId: string; name: string; version: number }

/** Workflows with a published version, each with its newest published version. */
export async function loadLaunchable(): Promise<Launchable[]> {
  const latest = await request<VersionSummary[]>('/api/workflows');
  const rows = await Promise.all(latest.map(async (w) => {
    if (w.isPublished) return { definitionId: w.definitionId, name: w.displayName ?? w.definitionId, version: w.version };
    const versions = await request<VersionSummary[]>(`/api/workflows/${encodeURIComponent(w.definitionId)}/versions`);
    const published = versions.filter((v) => v.isPublished).sort((a, b) => b.version - a.version)[0];
    return published ? { definitionId: w.definitionId, name: published.displayName ?? w.definitionId, version: published.version } : null;
  }));
  return rows.filter((r): r is Launchable => r !== null);
}
