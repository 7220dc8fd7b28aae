/** 部门决算 from its units, with internal transfers offset. */
export {
  consolidate,
  findTransfers,
  TransferKind,
  type ConsolidateOptions,
  type ConsolidateResult,
  type TransferPair,
  type AppliedOffset,
} from './consolidate.ts';
