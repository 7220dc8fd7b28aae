import type { Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** A numbered schema change. `name` starts with its four-digit number, e.g. `0001-initial`. */
export interface Migration {
  name: string;
  // Migrations run before the row types of a later schema exist, so they see an untyped database.
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}
