/**
 * What the tables of the workstation's database hold (db.ts), besides the establishments,
 * whose shape is the profile's (lib/profile/pushed.ts). The store owns these rows, so that the
 * procedures import them from here and the database imports nothing from the procedures.
 * Types and small helpers without dependencies: modules loaded by content scripts may import them without Dexie.
 */
import type { ProcedureId } from '../portals/schema';
import type { StoredEstablishment } from '../profile/pushed';

/** One setting of this workstation (read as `Settings`, see settingsOf). */
export interface Setting {
  key: string;
  value: unknown;
}

/** Local to this workstation, never exported: who "me" is, which establishment is current. */
export interface Settings {
  currentEstablishmentId?: string;
  /**
   * establishment id → id of the contact who uses this workstation; null: the user said « Je ne
   * figure pas dans la liste », which no contact fills for them. Absent: not said yet.
   */
  me: Record<string, string | null>;
}

/** The settings table's rows as one object, with what was never set at its default. */
export const settingsOf = (rows: readonly Setting[]): Settings => ({ me: {}, ...Object.fromEntries(rows.map((row) => [row.key, row.value])) }) as Settings;

/**
 * What the establishment lists draw of each (the summaries table, kept by db.ts with every write
 * of an establishment): never the contacts or certificates, which weigh the most.
 */
export type EstablishmentSummary = Pick<StoredEstablishment, 'id' | 'label' | 'legalName' | 'finessEj' | 'finessEt' | 'status' | 'managed' | 'finessReadOn'>;

export const summaryOf = ({ id, label, legalName, finessEj, finessEt, status, managed, finessReadOn }: StoredEstablishment): EstablishmentSummary => ({
  id,
  label,
  legalName,
  finessEj,
  finessEt,
  status,
  ...(managed ? { managed } : {}),
  ...(finessReadOn ? { finessReadOn } : {}),
});

export interface StepDone {
  /** ISO date-time. */
  at: string;
  by: 'user' | 'page';
}

/** Progress of a procedure for one establishment: the answers, and the steps done and when. */
export interface Progress {
  establishmentId: string;
  procedureId: ProcedureId;
  /** Question id (or `questionId:contactId`) → choice value. */
  answers: Record<string, string>;
  /** Checklist item key → when and how it was done. */
  done: Record<string, StepDone>;
  startedAt: string;
  updatedAt: string;
}

/** What Balise reminds of: a certificate's expiry (seed 003), the BAL ORG's listing in the directory (seed 002). */
export const reminderKinds = ['certificateExpiry', 'balOrgDirectory'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export interface Reminder {
  /** Stable: the same cause always gives the same id, so a re-plan keeps what was notified. */
  id: string;
  establishmentId: string;
  kind: ReminderKind;
  /** ISO date-time. */
  dueAt: string;
  certificateId?: string;
  /** ISO date, for certificate reminders. */
  expiresOn?: string;
  notifiedAt?: string;
  dismissedAt?: string;
}
