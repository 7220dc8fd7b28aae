/** Every migration, in order. Append only: a released migration is never edited, renamed or removed. */
import type { Migration } from '../migration-types.ts';
import { migration0001 } from './0001-initial.ts';

export const MIGRATIONS: readonly Migration[] = [migration0001];
