/**
 * The in-memory disclosure model: everything a publication states, with amounts as integer 分.
 * An amount that is `undefined` is unknown, which is distinct from 0. Every type here is the output of
 * the data-format schema (schema.ts), which is the one definition of each field; `loadDisclosure`
 * (load.ts) produces the model, `saveDisclosure` (save.ts) writes it back. Rules, builders and the
 * auditor all work on this model.
 */
import type { z } from 'zod';
import type { DisclosureSchema } from './schema.ts';

export {
  ClassLevel,
  IndicatorOperator,
  VEHICLE_CATEGORIES,
  type Reasons,
  type Row,
  type SourceRef,
  type Table,
  type TableIndex,
  type VehicleCategory,
} from './schema.ts';

export const UnitKind = { Administrative: '行政', CivilServiceManaged: '参公', Institution: '事业' } as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];

export type Disclosure = z.output<DisclosureSchema>;

export type UnitProfile = Disclosure['unit'];
export type StaffCounts = NonNullable<UnitProfile['staff']>;
/** "三公" counts and descriptions (T7 gives the amounts). */
export type ThreePublicDetails = Disclosure['threePublic'];
/** 机关运行经费 with last year's figure and the budget. */
export type CompareAmount = NonNullable<Disclosure['adminCost']>;
export type Procurement = NonNullable<Disclosure['procurement']>;
export type Assets = NonNullable<Disclosure['assets']>;
export type PerformanceSummary = NonNullable<Disclosure['performance']>;
/** One 项目支出绩效自评表. */
export type ProjectEvaluation = PerformanceSummary['projects'][number];
export type FundLine = ProjectEvaluation['funds']['total'];
export type Indicator = ProjectEvaluation['indicators'][number];
