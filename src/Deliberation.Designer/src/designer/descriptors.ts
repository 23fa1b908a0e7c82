import { request } from '../api/client';
import type { ActivityDescriptor } from '../api/types';

let cached: Promise<ActivityDescriptor[]> | null = null;

/** The activity descriptors (the palette), fetched once per page load; the definitions list fetches them ahead. */
export function loadDescriptors(): Promise<ActivityDescriptor[]> {
  if (!cached) {
    cached = request<ActivityDescriptor[]>('/api/activities');
    cached.catch(() => { cached = null; });
  }
  return cached;
}
