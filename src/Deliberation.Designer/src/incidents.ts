import type { IncidentRow } from './api/types';

/**
 * What went wrong, in the page's language: the server tells an incident by its code (an activity's fault, a template's,
 * a refusal) in the language the page asks for, so nothing is matched here. An incident without a code — a database
 * timeout, a library's exception — shows the engine's message as it came, so that nothing is hidden.
 */
export function incidentText(incident: Pick<IncidentRow, 'message' | 'text'>): string {
  return incident.text?.trim() ? incident.text : incident.message;
}

/** Whether the server knew what the incident means (then the engine's own words are kept for the technical details). */
export function incidentIsKnown(incident: Pick<IncidentRow, 'code'>): boolean {
  return !!incident.code;
}
