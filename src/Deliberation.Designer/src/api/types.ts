// The host's API types, written once here (see src/Deliberation.Host/Api).

export interface Localized { 'zh-CN'?: string | null; en?: string | null }

/** A community the account acts in; `headOf` lists the building groups a building head heads there (null for staff). */
export interface CommunityRef { id: string; code: string; name: string; headOf?: string[] | null }
export interface Me { id: string; email: string; displayName: string; roles: string[]; communities: CommunityRef[]; personId: string | null }

export interface Problem {
  status?: number; title?: string; detail?: string; code?: string;
  errors?: Record<string, string[]>;
  problems?: DefinitionProblem[];
  /** An Elsa import refused as a whole still reports what it read (elsa-import-invalid). */
  notes?: ImportNote[];
}

/** A line of an Elsa import's report: something left out of the draft (skipped) or changed on the way in. */
export interface ImportNote { code: string; skipped: boolean; activityId: string | null; elsaType: string | null; detail: string | null; message: string }
/** The answer of POST /api/workflows/import/elsa: the draft saved, and the report. */
export interface ElsaImportAnswer { version: VersionSummary; sourceName: string | null; activitiesRead: number; activitiesImported: number; notes: ImportNote[] }

/** A kind of matter of the catalogue (协商事项指导目录): the workflow intake proposes, the advisors required, the rules template. */
export interface Matter {
  code: string; zh: string; en: string; definitionId?: string | null; advisors?: string[]; rulesTemplate?: string | null;
  decisionRule?: string | null; complaints?: number;
}
/** A community's catalogue (GET/PUT /api/communities/{id}/catalogue); own is false while it reads the configured one. */
export interface CommunityCatalogue { own: boolean; matters: Matter[] }
/** A person of the roster who can sit as an advisor. */
export interface AdvisorCandidate { personId: string; name: string }
/** An advisor a kind of matter requires, with the roster's candidates; proposedPersonId null: nobody can (warn staff). */
export interface AdvisorProposal { kind: string; kindName: string; candidates: AdvisorCandidate[]; proposedPersonId: string | null }
/** What launching from a complaint proposes (GET …/complaints/{id}/launch-proposal). */
export interface LaunchProposal {
  complaintId: string; categoryCode: string; matter: Matter | null; definitionId: string; fromCatalogue: boolean; rulesTemplate: string | null;
  advisors: AdvisorProposal[];
}
/** An advisor launching seated on the case's panel. */
export interface SeatedAdvisor { kind: string; personId: string; name: string }
export interface BuildingGroup { id: string; communityId: string; precinctId: string | null; name: string }

export interface Complaint {
  id: string; communityId: string; categoryCode: string; title: string; description: string | null;
  severity: number; urgency: number; reporterCount: number; loggedAt: string; status: string;
  mergedIntoId: string | null; anchoredAt: string | null; caseNumber: string | null; instanceId: string | null;
}
export interface ComplaintPhoto { id: string; contentType?: string }
export interface ComplaintDetails {
  complaint: Complaint;
  scopes: { buildingGroupId: string | null; buildingGroupName: string | null; householdId: string | null; unit: string | null }[];
  photos: ComplaintPhoto[];
  history: { id: string; kind: string; at: string; note: string | null }[];
  mergedComplaintIds: string[];
}
export interface ScorePart { name: string; raw: number; normalized: number; weight: number; contribution: number }
export interface RankingEntry {
  rank: number; complaintId: string; title: string; categoryCode: string; reporterCount: number; urgency: number; severity: number;
  loggedAt: string; score: number; parts: ScorePart[]; affectedHouseholds: number; communityHouseholds: number;
}
export interface RankingResponse { items: RankingEntry[] }
export interface AnchorResponse {
  complaint: Complaint; instance: StepReport; noticesQueued: number; buildingsWithoutNotice: string[];
  caseId?: string | null; advisors?: SeatedAdvisor[] | null; missingAdvisors?: string[] | null;
}

export interface VersionSummary {
  definitionId: string; version: number; isPublished: boolean; source: string; createdAt: string; publishedAt: string | null;
  eTag: string; displayName: string | null;
  /** Null for a workflow every community shares; otherwise the community whose own it is. */
  ownerCommunityId: string | null;
  /** Whether the signed-in account may save and publish it. */
  canChange: boolean;
}
export interface WorkflowInputOption { value: string; displayName?: Localized | null }
export interface WorkflowInput {
  name: string; type: string; required?: boolean; default?: unknown; displayName?: Localized | null; description?: Localized | null;
  options?: WorkflowInputOption[] | null;
  /** Folded away under 高级 in the launch form. */
  advanced?: boolean;
  /** What the value names: the launch form shows a picker (one id for a text input, a list for a json input). */
  picker?: InputPickerKind;
}
export type InputPickerKind = 'person' | 'organisation' | 'buildingGroup';
export interface Expression { type: 'literal' | 'variable' | 'scriban'; value: unknown }
export interface ActivityNodeDef {
  id: string; type: string; version?: number; label?: string | null;
  inputs?: Record<string, Expression>;
  metadata?: { designer?: { position?: { x: number; y: number } } } & Record<string, unknown>;
}
export interface ConnectionDef { source: string; sourcePort: string; target: string; targetPort?: string }
export interface WorkflowDefinition {
  id: string; displayName?: Localized | null; description?: Localized | null;
  inputs?: WorkflowInput[]; variables?: { name: string; default?: unknown }[];
  activities: ActivityNodeDef[]; connections: ConnectionDef[]; metadata?: Record<string, unknown>;
  schedule?: WorkflowSchedule | null;
}
/** When the host starts instances by itself: a five-field cron, read in Beijing time unless timeZone names another zone. */
export interface WorkflowSchedule {
  cron: string; timeZone?: string | null; input?: Record<string, unknown> | null;
  /** A shared workflow's communities (one instance each); a community's own workflow lists none. */
  communityIds?: string[] | null;
  /** A shared workflow that starts in every community (those added later too) instead of those listed. */
  allCommunities?: boolean | null;
}
/** A version's schedule as the server computed it: the next three occurrences (+08:00), and whether it is the one that runs. */
export interface ScheduleView { cron: string; timeZone: string; next: string[]; runs: boolean }
export interface VersionDocument { version: VersionSummary; definition: WorkflowDefinition; schedule?: ScheduleView | null }
export interface DefinitionProblem { path: string; code: string; message: string; activityId: string | null; input: string | null }
export interface ValidationResult { valid: boolean; problems: DefinitionProblem[] }

export interface InputDescriptor {
  name: string; type: string; displayName: Localized; required: boolean; uiHint: string;
  description: Localized | null; options: string[] | null; default: unknown; syntaxes: string[] | null;
  /** What the dropdown shows for each option, in the same order; the option itself when absent. */
  optionLabels?: Localized[] | null;
}
export interface ActivityDescriptor {
  type: string; version: number; displayName: Localized; category: Localized; inputs: InputDescriptor[]; outcomes: string[];
  description: Localized | null; dynamicOutcomesInput: string | null; waits: boolean;
}

/** A signal the host sends to workflows (what a Wait for signal can wait for), with the action that sends it and its payload. */
export interface StaffSignal {
  name: string; displayName: Localized; sentWhen: Localized; payload: { name: string; description: Localized }[]; isPrefix: boolean;
}

export interface InstanceSummary {
  id: string; definitionId: string; definitionVersion: number; status: string; correlationId: string | null;
  communityId: string | null; createdAt: string; updatedAt: string; endedAt: string | null;
}
export interface InstancePage { items: InstanceSummary[]; total: number }
export interface WaitingActivity { activityId: string; executionId: string; bookmarks: { id: string; tag: string; signalName: string | null; dueAt: string | null }[] }
/** An incident; `text` says what went wrong in the page's language (by `code`), `message` is the engine's own words. */
export interface IncidentRow {
  id: string; instanceId: string; activityId: string; executionId: string; errorType: string; message: string; createdAt: string;
  code: string | null; text: string;
  /** The activity's name in the workflow and the case number; only in the list across instances. */
  activityLabel?: string | null; correlationId?: string | null;
}
export interface InstanceDetails {
  instance: InstanceSummary; waiting: WaitingActivity[]; variables: Record<string, unknown>; outputs: Record<string, unknown>; incidents: IncidentRow[];
  queuedSignals: QueuedSignal[];
  /** The inputs each activity read when it last ran (long values cut short). */
  inputs?: Record<string, Record<string, unknown>>;
}
/** A signal that arrived before the workflow waits for it: it is delivered as soon as a wait for it is reached. */
export interface QueuedSignal { id: string; name: string; correlation: string | null; queuedAt: string }
export interface JournalRow {
  instanceId: string; seq: number; at: string; kind: string; activityId: string | null; executionId: string | null;
  bookmarkId: string | null; outcome: string | null; detail: string | null;
}
export interface StepReport { instanceId: string; definitionId: string; definitionVersion: number; status: string; correlationId: string | null; waiting: WaitingActivity[] }

export interface GroupSummary { id: string; name: string; kind: string; mode: string; householdCount: number }
export interface CaseView { id: string; communityId: string; complaintId: string | null; caseNumber: string | null; title: string; createdAt: string; groups: GroupSummary[]; stakeholderMode?: string; closedAt?: string | null }
export interface ElectionSummary { id: string; layer: number; status: string; electsRepresentatives: boolean }
export interface GroupView extends GroupSummary { elections: ElectionSummary[] }
export interface CandidateView { id: string; name: string; votes: number | null; rank: number | null; elected: boolean }
export interface ElectionBallotView { taskId: string; personId: string; voterName: string; emailed: boolean; voted: boolean; channel: string | null }
export interface NominationInvitationView { taskId: string; personId: string; voterName: string; emailed: boolean; nominated: boolean }
export interface ElectionView {
  id: string; groupId: string; entrance: string | null; electsRepresentatives: boolean; layer: number; seats: number; status: string; ballotsIssued: number; ballotsCast: number;
  nominationsCloseAt: string; ballotClosesAt: string; candidates: CandidateView[]; ballots: ElectionBallotView[]; nominationInvitations: NominationInvitationView[]; tiedForLastSeat: string[];
}
export interface PanelMemberView { id: string; name: string; role: string; partyKind: string | null; groupId: string | null; votes: boolean; active: boolean; organisationName?: string | null; organisationId?: string | null }
export interface PanelView { caseId: string; members: PanelMemberView[]; former: PanelMemberView[] }

// Steps 3–5 (their APIs may be absent on a host; see requestOptional).
export interface MeetingSummary { id: string; caseId: string; name: string; place: string; status: string; startsAt: string | null; round: number }
/** A notice to staff on the dashboard (the same words as their email), unread until someone marks it read. */
export interface StaffNoticeView { id: string; instanceId: string | null; subject: string; body: string; createdAt: string; readAt: string | null }
export interface EscalationView { id: string; caseId: string | null; kind: string; subject: string; raisedAt?: string; acknowledgedAt?: string | null; response?: ResponseSummary | null }
/** Where a matter to respond to within a deadline stands (src/Deliberation.Civic/Responses/ResponseSummary.cs). */
export interface ResponseSummary {
  responseId: string; status: 'open' | 'handled' | 'unhandled' | string; level: string; levelName: string; escalations: number; dueAt: string;
  handledAt: string | null; respondedMinutes: number | null; inTime: boolean;
}
export interface ActionItemView {
  id: string; caseId: string; meetingId: string | null; title: string; responsibleParty: string; personId: string | null; personName: string | null;
  dueAt: string; percent: number; status: string; overdue: boolean; doneAt: string | null;
  budget?: number | null; funding?: { source: string; name: string; detail: string | null; amount: number }[];
  /** The organisation of the directory that owns it, if any (responsibleParty is its name as it was then). */
  organisationId?: string | null;
}
export interface ActionItemsOverview { caseId: string; caseClosedAt: string | null; items: ActionItemView[]; overall: { items: number; done: number; overdue: number; percent: number; allDone: boolean } }

// Meeting mode (src/Deliberation.Host/Api/MeetingsApi.cs).
export interface MeetingRecord extends MeetingSummary { instanceId: string | null; chair: string | null; recorder: string | null; pollClosesAt: string; endsAt: string | null; closedAt: string | null; cancelReason: string | null }
export interface SlotTally { value: string; start: string; end: string; label: string; count: number; chosen: boolean }
export interface MeetingParticipant { personId: string; name: string; role: string; partyKind: string | null; votes: boolean; hasEmail: boolean; pollChoices: string[] | null; rsvp: string | null; present: boolean | null }
export interface ProposalView { id: string; personId: string | null; title: string; body: string; source: string; submittedAt: string; discussed: boolean }
export interface PointView { id: string; personId: string | null; text: string; recordedAt: string }
/** An organisation of the directory party to a resolution, by its name as it was when recorded. */
export interface ResolutionParty { organisationId: string; name: string }
export interface ResolutionView { id: string; text: string; recordedAt: string; parties: ResolutionParty[] }
export interface BallotView { personId: string; name: string; choice: string; reason: string | null; channel: string; recordedAt: string }
export interface Tally {
  passed: boolean; quorumMet: boolean; eligible: number; present: number; yes: number; no: number; abstentions: number; blocks: number; standAsides: number;
  votesCast: number; rule: string; quorum: string; explanationZh: string; explanationEn: string;
}
export interface VoteRecord { id: string; proposalId: string | null; question: string; status: string; openedAt: string; closedAt: string | null; passed: boolean | null }
export interface VoteView { vote: VoteRecord; ballots: BallotView[]; tally: Tally }
export interface MinutesRecord { id: string; meetingId: string; culture: string; markdownPath: string; markdownSha256: string; docxPath: string; docxSha256: string; filedAt: string }
export interface MeetingRules { template: string | null; rule: string; ruleNameZh: string; ruleNameEn: string; quorum: string; advisorsVote: boolean; absentMayVoteByLink: boolean }
export interface MeetingQuorum { eligibleVoters: number; needed: number; confirmed: number; present: number; metByRsvp: boolean; metByAttendance: boolean }
export interface MeetingView {
  meeting: MeetingRecord; agenda: string[]; slots: SlotTally[]; participants: MeetingParticipant[]; proposals: ProposalView[]; points: PointView[];
  votes: VoteView[]; resolutions: ResolutionView[]; minutes: MinutesRecord[]; rules: MeetingRules; quorum: MeetingQuorum;
}
export interface RulesTemplate { code: string; nameZh: string; nameEn: string; rules: RulesDocument; formulaZh: string; formulaEn: string }
export interface RulesDocument {
  template: string | null; rule: string | null; quorum: string | null; advisorsVote: boolean; article278Matter: string | null; absentMayVoteByLink: boolean;
}

// The directory of organisations, 组织名录 (src/Deliberation.Host/Api/OrganisationsApi.cs).
export interface OrganisationContact { id: string; name: string; role: string | null; email: string | null; phone: string | null; personId: string | null; isRepresentative: boolean }
export interface Organisation { id: string; name: string; kind: string; kindName: string; notes: string | null; contacts: OrganisationContact[]; createdAt: string; updatedAt: string }
export interface OrganisationKind { kind: string; name: string; own: boolean }

// The needs list, 需求清单 (src/Deliberation.Host/Api/NeedsApi.cs).
export type NeedStatus = 'open' | 'published' | 'claimed' | 'done' | 'confirmed' | 'closed';
export interface NeedClaimant { name: string; organisationId: string | null; personId: string | null }
export interface Need {
  id: string; title: string; description: string | null; kind: string; kindName: string; source: string; complaintId: string | null; complaintTitle: string | null;
  requesterPersonId: string | null; requesterName: string | null; status: NeedStatus; overdue: boolean; claimant: NeedClaimant | null; dueAt: string | null;
  percent: number; progressNote: string | null; progressPhotoUrl: string | null; progressAt: string | null; instanceId: string | null; offered: number;
  publishedAt: string | null; claimClosesAt: string | null; claimedAt: string | null; doneAt: string | null; confirmationAt: string | null;
  satisfied: boolean | null; confirmationComment: string | null; closedAt: string | null; createdAt: string; updatedAt: string;
}
// Minutes confirmation, 纪要确认 (src/Deliberation.Host/Api/MinutesApi.cs).
export interface MinutesSection { number: number; heading: string; body: string }
export interface MinutesParticipant { personId: string; name: string; answer: 'confirmed' | 'objected' | null; answeredAt: string | null; channel: string | null }
export interface MinutesObjection {
  id: string; personId: string; name: string; sectionNumber: number; section: string; reason: string; raisedAt: string;
  status: 'open' | 'accepted' | 'answered' | 'withdrawn'; response: string | null; resolvedBy: string | null; resolvedAt: string | null;
}
export interface MinutesRevision { id: string; sectionNumber: number; section: string; before: string; after: string; objectionId: string | null; by: string; at: string }
export interface SealedMinutes { sealedAt: string; sealedBecause: 'window-ended' | 'all-confirmed' | 'no-window'; pdfSha256: string; pdfLength: number; verificationUrl: string }
export interface MinutesConfirmationView {
  draftId: string; meetingId: string; status: 'confirming' | 'sealed'; openedAt: string; closesAt: string; markdown: string;
  sections: MinutesSection[]; participants: MinutesParticipant[]; objections: MinutesObjection[]; revisions: MinutesRevision[]; sealed: SealedMinutes | null;
}
