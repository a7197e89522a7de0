import { DEFAULT_SCORING_SETTINGS, ScoringSettingsSchema, type ScoringSettings } from '@keyline/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/database';
import { SettingsDocument, type Versioned } from '../settings/settings-document';

export type VersionedScoringSettings = Versioned<ScoringSettings>;

const SCORING = new SettingsDocument('scoring', 'Scoring settings', ScoringSettingsSchema, DEFAULT_SCORING_SETTINGS);

/** The workspace's scoring framework, weights and flag thresholds (defaults until an admin saves). */
export class ScoringSettingsService {
  constructor(private readonly db: Database) {}

  get(): Promise<VersionedScoringSettings> {
    return this.db.read((m) => SCORING.read(m));
  }

  /** Saving bumps the database generation, so every score is recomputed on the next read. */
  update(actor: Actor, version: number, settings: ScoringSettings): Promise<VersionedScoringSettings> {
    return this.db.write((m) => SCORING.save(m, actor, version, settings));
  }
}

export const readSettings = (m: EntityManager): Promise<VersionedScoringSettings> => SCORING.read(m);
