import { DEFAULT_OUTCOME_SETTINGS, OutcomeSettingsSchema, type OutcomeSettings } from '@keyline/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/database';
import { SettingsDocument, type Versioned } from '../settings/settings-document';

export type VersionedOutcomeSettings = Versioned<OutcomeSettings>;

const OUTCOMES = new SettingsDocument('outcomes', 'Outcome settings', OutcomeSettingsSchema, DEFAULT_OUTCOME_SETTINGS);

/** The outcome window and the check-in noise threshold (defaults until an admin saves). */
export class OutcomeSettingsService {
  constructor(private readonly db: Database) {}

  get(): Promise<VersionedOutcomeSettings> {
    return this.db.read((m) => OUTCOMES.read(m));
  }

  update(actor: Actor, version: number, settings: OutcomeSettings): Promise<VersionedOutcomeSettings> {
    return this.db.write((m) => OUTCOMES.save(m, actor, version, settings));
  }
}

export const readOutcomeSettings = (m: EntityManager): Promise<VersionedOutcomeSettings> => OUTCOMES.read(m);
