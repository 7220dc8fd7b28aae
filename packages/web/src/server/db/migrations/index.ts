/** Every migration, in order. Append only: a released migration is never edited, renamed or removed. */
import type { Migration } from '../migration-types.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-review-publication.ts';
import { migration0003 } from './0003-disclosure-summary-index.ts';

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003];
