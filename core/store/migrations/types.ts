export interface Migration {
  version: number;
  name: string;
  /** SQL run once, inside the migration's transaction. Migrations only ever go forward. */
  up: string;
}
