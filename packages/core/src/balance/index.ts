/** 舍位平衡: amounts in 元 printed as 万元 with every printed relation holding. */
export { balanceData, type BalanceAdjustment, type BalanceResult } from './balance.ts';
export {
  printedRelations,
  amountCells,
  brokenRelations,
  type Relation,
  type AmountCells,
} from './identities.ts';
