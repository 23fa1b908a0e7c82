import { request } from '../api/client';
import type { ActivityDescriptor, StaffSignal } from '../api/types';

let cached: Promise<ActivityDescriptor[]> | null = null;

/** The activity descriptors (the palette), fetched once per page load; the definitions list fetches them ahead. */
export function loadDescriptors(): Promise<ActivityDescriptor[]> {
  if (!cached) {
    cached = request<ActivityDescriptor[]>('/api/activities');
    cached.catch(() => { cached = null; });
  }
  return cached;
}

let signals: Promise<StaffSignal[]> | null = null;

/** The signals staff actions and answers send (the palette's help), fetched once per page load. */
export function loadSignals(): Promise<StaffSignal[]> {
  if (!signals) {
    signals = request<StaffSignal[]>('/api/activities/signals');
    signals.catch(() => { signals = null; });
  }
  return signals;
}
